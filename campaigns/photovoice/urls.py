from django.urls import path

from campaigns.photovoice import views

urlpatterns = [
    path("send-photo/<int:page_id>/", views.send_photo, name="photovoice_send"),
    path("withdraw-photo/<str:token>/", views.withdraw, name="photovoice_withdraw"),
]
