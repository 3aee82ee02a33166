from django.urls import path
from rest_framework.routers import SimpleRouter

from campaigns.api import content_views, photovoice, views

router = SimpleRouter(use_regex_path=False)
router.register("stories", content_views.StoryViewSet, basename="api_stories")
router.register("campaigns", content_views.CampaignViewSet, basename="api_campaigns")
router.register("videos", content_views.VideoViewSet, basename="api_videos")
router.register("organisations", content_views.OrganisationViewSet, basename="api_organisations")
router.register("photovoice", photovoice.PhotovoiceViewSet, basename="api_photovoice")

urlpatterns = [
    path("screens/<int:screen_id>/playlist/", views.screen_playlist, name="api_screen_playlist"),
    path(
        "screens/<int:screen_id>/plays/", views.ScreenPlaysView.as_view(), name="api_screen_plays"
    ),
    *router.urls,
]
