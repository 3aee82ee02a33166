from django.urls import path

from campaigns.screens.api import views

urlpatterns = [
    path("screens/<int:screen_id>/playlist/", views.screen_playlist, name="api_screen_playlist"),
    path(
        "screens/<int:screen_id>/plays/", views.ScreenPlaysView.as_view(), name="api_screen_plays"
    ),
    path(
        "screens/<int:screen_id>/status/",
        views.ScreenStatusView.as_view(),
        name="api_screen_status",
    ),
    path(
        "screens/<int:screen_id>/screenshot/",
        views.ScreenScreenshotView.as_view(),
        name="api_screen_screenshot",
    ),
]
