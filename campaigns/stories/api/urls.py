from rest_framework.routers import SimpleRouter

from campaigns.stories.api import views

router = SimpleRouter(use_regex_path=False)
router.register("stories", views.StoryViewSet, basename="api_stories")
router.register("organisations", views.OrganisationViewSet, basename="api_organisations")

urlpatterns = router.urls
