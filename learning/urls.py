from django.urls import path

from learning import views

urlpatterns = [
    path("quiz/<int:page_id>/", views.check_quiz, name="check_quiz"),
    path("glossary/", views.glossary, name="glossary"),
]
