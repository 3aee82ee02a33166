"""The alerts as CAP 1.2: the Atom index of those in force or scheduled, and each alert's
own message (docs/screens.md, "Alerts"). Public and cacheable briefly; purged when an
alert is published, unpublished or ends."""

from django.http import HttpResponse, JsonResponse
from django.views.decorators.csrf import csrf_exempt

from campaigns.alerts import cap
from campaigns.alerts.models import Alert
from cms import languages
from cms.api.errors import refuse_unless_plain_read

CAP_MAX_AGE = 30


def _xml(body: bytes, content_type: str) -> HttpResponse:
    response = HttpResponse(body, content_type=f"{content_type}; charset=utf-8")
    response["Cache-Control"] = f"public, max-age={CAP_MAX_AGE}, stale-if-error=86400"
    return response


@csrf_exempt
def alerts_feed(request):
    """GET /api/v1/alerts.cap: an Atom feed whose entries each hold a CAP 1.2 alert."""
    return refuse_unless_plain_read(request) or _xml(cap.atom_index(), "application/atom+xml")


@csrf_exempt
def alert_cap(request, alert_id: int):
    """GET /api/v1/alerts/{id}.cap: one alert, one `<info>` per language; a `Cancel` once
    it was taken down; 404 for a draft or an unknown number."""
    refused = refuse_unless_plain_read(request)
    if refused:
        return refused
    alert = (
        Alert.objects.filter(pk=alert_id, locale__language_code=languages.source_language_code())
        .exclude(first_published_at__isnull=True)
        .first()
    )
    if alert is None or (not alert.live and alert.ended_announced_at is None):
        return JsonResponse({"detail": "No published alert has this number."}, status=404)
    return _xml(cap.cap_document(alert), "application/cap+xml")
