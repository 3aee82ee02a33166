from django.urls import path

from cms.search import views

urlpatterns = [
    path("search/", views.search_page, name="search"),
    path("search/opened/", views.result_opened, name="search_opened"),
]
