"""Shared building blocks of the admin's own pages."""

from django.conf import settings
from django.http import HttpResponse
from django.shortcuts import render
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


def locked_out(request, original_response=None, credentials=None) -> HttpResponse:
    """django-axes' answer (AXES_LOCKOUT_CALLABLE) to a login from an account or address
    with too many failed attempts: in the editor's language, 429, and never a hint whether
    the account exists."""
    minutes = settings.AXES_COOLOFF_TIME.total_seconds() // 60
    response = render(request, "cms/admin/locked_out.html", {"minutes": int(minutes)}, status=429)
    response["Retry-After"] = str(int(settings.AXES_COOLOFF_TIME.total_seconds()))
    return response
