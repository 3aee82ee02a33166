from django.urls import path

from campaigns.photovoice import views

urlpatterns = [
    path("withdraw-photo/<str:token>/", views.withdraw, name="photovoice_withdraw"),
]
