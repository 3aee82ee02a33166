"""What operators read about their screens in the admin: the fleet view (screens per group
and state, those that need someone) and each screen's status page, with the screenshot an
operator can ask its player for (docs/screens.md)."""

from collections import Counter

from django.conf import settings
from django.contrib import messages
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.admin.auth import permission_required
from wagtail.admin.viewsets.base import ViewSet

from campaigns.screens import health, services
from campaigns.screens.models import Screen, ScreenScreenshot
from cms.admin_views import AdminPageViewSet


@permission_required("campaigns.view_screen")
def fleet(request):
    """Screens per group and state, and the screens that need someone, with what their
    players last said (docs/screens.md, "Reading the fleet view")."""
    groups = health.fleet()
    totals = sum((group["counts"] for group in groups), Counter())
    for group in groups:
        # One cell per state, in the columns' order (a Counter's keys would shadow
        # attribute lookups such as `.items` in the template).
        group["cells"] = [(state, group["counts"][state]) for state in health.STATES]
    return TemplateResponse(
        request,
        "campaigns/admin/fleet.html",
        {
            "groups": groups,
            "states": list(health.STATES.items()),
            "totals": [(state, totals[state]) for state in health.STATES],
            "page_title": _("Fleet"),
            "header_icon": "desktop",
        },
    )


class FleetViewSet(AdminPageViewSet):
    name = "screen_fleet"
    icon = "desktop"
    menu_label = gettext_lazy("Fleet")
    view = staticmethod(fleet)


@permission_required("campaigns.view_screen")
def screen_status(request, pk: int):
    """One screen: its state, what its player last said, its latest screenshot; POST (with
    the right to change screens) asks the player for a new screenshot."""
    screen = get_object_or_404(Screen.objects.select_related("group", "status"), pk=pk)
    if request.method == "POST":
        if not request.user.has_perm("campaigns.change_screen"):
            raise Http404
        services.request_screenshot(screen=screen, at=timezone.now())
        messages.success(
            request,
            _(
                "The screen sends a screenshot after its next status report (within "
                "%(minutes)s minutes)."
            )
            % {"minutes": max(1, round(settings.SCREEN_PLAYER_STATUS_SECONDS / 60))},
        )
        return redirect("screen_status:show", pk=screen.pk)
    shot = ScreenScreenshot.objects.filter(screen=screen).first()
    return TemplateResponse(
        request,
        "campaigns/admin/screen_status.html",
        {
            "screen": screen,
            "health": health.health_of(screen),
            "shot": shot,
            "can_ask": request.user.has_perm("campaigns.change_screen"),
            "keep_hours": settings.SCREEN_SCREENSHOT_KEEP_HOURS,
            "page_title": _("Status of “%(name)s”") % {"name": screen.name},
            "header_icon": "desktop",
        },
    )


@permission_required("campaigns.view_screen")
def screenshot_file(request, pk: int):
    """The latest screenshot, to signed-in operators only (private storage, never cached)."""
    shot = get_object_or_404(ScreenScreenshot, screen_id=pk)
    if not shot.image:
        raise Http404
    response = FileResponse(shot.image.open("rb"), content_type="image/jpeg")
    response["Cache-Control"] = "private, no-store"
    return response


class ScreenStatusViewSet(ViewSet):
    name = "screen_status"

    def get_urlpatterns(self):
        return [
            path("<int:pk>/", screen_status, name="show"),
            path("<int:pk>/screenshot.jpg", screenshot_file, name="screenshot"),
        ]


def status_url(screen: Screen) -> str:
    return reverse("screen_status:show", args=[screen.pk])
