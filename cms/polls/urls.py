from django.urls import path

from cms.polls import views

urlpatterns = [
    path("polls/<uuid:poll_key>/", views.poll_page, name="poll"),
    path("polls/<uuid:poll_key>/vote/", views.vote, name="poll_vote"),
]
