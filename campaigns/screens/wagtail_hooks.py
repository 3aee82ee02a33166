"""Screens in the admin: the Screens menu, a screen's token shown once, the player button
(docs/screens.md)."""

from django.urls import reverse
from django.utils.translation import gettext as _
from wagtail import hooks
from wagtail.admin.widgets import Button
from wagtail.snippets.models import register_snippet

from campaigns.screens import admin_views, services
from campaigns.screens.models import Screen

register_snippet(admin_views.ScreensGroup)


@hooks.register("register_admin_viewset")
def register_screen_token_views():
    return admin_views.ScreenTokenViewSet()


@hooks.register("register_admin_viewset")
def register_screen_status_views():
    return admin_views.ScreenStatusViewSet()


@hooks.register("register_snippet_listing_buttons")
def screen_player_button(snippet, user, next_url=None):
    if isinstance(snippet, Screen) and user.has_perm("campaigns.change_screen"):
        yield Button(
            _("Player and token"),
            reverse("screen_token:show", args=[snippet.pk]),
            icon_name="key",
            priority=5,
        )
    if isinstance(snippet, Screen) and user.has_perm("campaigns.view_screen"):
        yield Button(
            _("Status and screenshot"),
            reverse("screen_status:show", args=[snippet.pk]),
            icon_name="view",
            priority=6,
        )


@hooks.register("after_create_snippet")
def show_new_screen_token(request, instance):
    """A new screen gets its token at once, shown on this one page and never again."""
    if isinstance(instance, Screen):
        token = services.issue_screen_token(screen=instance)
        return admin_views.token_response(request, instance, token)
    return None
