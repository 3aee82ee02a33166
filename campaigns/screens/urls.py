from django.urls import path

from campaigns.screens import views

urlpatterns = [
    path("sw.js", views.player_worker, name="screen_player_worker"),
    path("<int:screen_id>/player/", views.player, name="screen_player"),
    path("qr/<int:group_id>/<int:page_id>/", views.qr_code, name="screen_qr"),
]
