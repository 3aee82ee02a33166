"""Shared building blocks of the admin's own pages."""

from django.urls import path, reverse
from wagtail.admin.viewsets.base import ViewSet


class AdminPageViewSet(ViewSet):
    """One admin page (a view) with a menu item in a group."""

    view = None

    def get_urlpatterns(self):
        return [path("", self.view, name="index")]

    @property
    def menu_url(self):
        return reverse(self.get_url_name("index"))
