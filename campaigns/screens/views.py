"""The screen player: a page a screen's browser opens full screen (docs/screens.md)."""

from django.conf import settings
from django.http import Http404, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.cache import patch_cache_control
from django.views.decorators.http import require_safe

from campaigns.screens import selectors, services
from campaigns.screens.models import Screen, ScreenGroup
from cms import languages


@require_safe
def player(request, screen_id: int):
    screen = get_object_or_404(Screen.objects.select_related("group"), pk=screen_id)
    language = languages.get(screen.language)
    config = {
        "screen_id": screen.pk,
        "playlist_url": reverse("api_screen_playlist", args=[screen.pk]),
        "plays_url": reverse("api_screen_plays", args=[screen.pk]),
        "worker_url": reverse("screen_player_worker"),
        "worker_scope": reverse("screen_player_worker").rsplit("/", 1)[0] + "/",
        "flush_seconds": settings.SCREEN_PLAYER_FLUSH_SECONDS,
        "status_url": reverse("api_screen_status", args=[screen.pk]),
        "status_seconds": settings.SCREEN_PLAYER_STATUS_SECONDS,
        "screenshot_url": reverse("api_screen_screenshot", args=[screen.pk]),
    }
    # The screen's own language, not the browser's: it is read by passengers.
    with translation.override(screen.language):
        response = render(
            request,
            "campaigns/screens/player.html",
            {
                "screen": screen,
                "language": language,
                "config": config,
                "site_name": settings.WAGTAIL_SITE_NAME,
            },
        )
    patch_cache_control(response, no_cache=True)  # the service worker keeps a copy for offline
    return response


@require_safe
def player_worker(request):
    response = HttpResponse(
        render_to_string("campaigns/screens/player-sw.js"),
        content_type="text/javascript; charset=utf-8",
    )
    patch_cache_control(response, no_cache=True)
    return response


@require_safe
def qr_code(request, group_id: int, page_id: int):
    """Where a screen's QR code leads: the story or campaign page, counted per screen group
    and day. Never cached, so that every scan reaches the count; nothing about the reader
    is kept."""
    group = ScreenGroup.objects.filter(pk=group_id).first()
    page = selectors.qr_target(page_id=page_id)
    if group is None or page is None:
        raise Http404("This code leads nowhere any more.")
    services.count_qr_scan(group_id=group.pk, page_id=page.pk, day=timezone.localdate())
    response = HttpResponseRedirect(page.url)
    response["Cache-Control"] = "no-store"
    return response
