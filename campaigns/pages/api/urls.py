from rest_framework.routers import SimpleRouter

from campaigns.pages.api import views

router = SimpleRouter(use_regex_path=False)
router.register("campaigns", views.CampaignViewSet, basename="api_campaigns")

urlpatterns = router.urls
