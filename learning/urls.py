from django.urls import path, re_path

from learning import views

urlpatterns = [
    path("quiz/<int:page_id>/", views.check_quiz, name="check_quiz"),
    path("glossary/", views.glossary, name="glossary"),
    path("saved/", views.saved, name="saved"),
    path("offline/<int:page_id>.json", views.offline_manifest, name="offline_manifest"),
    re_path(
        r"^handouts/(?P<page_id>[0-9]+)/(?P<paper>a4|letter)\.pdf$", views.handout, name="handout"
    ),
]
