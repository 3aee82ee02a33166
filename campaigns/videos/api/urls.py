from rest_framework.routers import SimpleRouter

from campaigns.videos.api import views

router = SimpleRouter(use_regex_path=False)
router.register("videos", views.VideoViewSet, basename="api_videos")

urlpatterns = router.urls
