"""Reads for partner sites: a key by its secret, the origins allowed to call the API from
a browser, the webhooks and their deliveries (docs/partners.md)."""

import hashlib

from django.db.models import OuterRef, QuerySet, Subquery

from campaigns.partners.models import PartnerKey, WebhookDelivery, WebhookEndpoint
from cms.api.caching import shared

PARTNER_ORIGINS_CACHE_KEY = "partners:cors-origins"
# Saving or deleting a key forgets the cached origins; this bounds any other staleness.
PARTNER_ORIGINS_CACHE_SECONDS = 10 * 60


def partner_key_for(key: str) -> PartnerKey | None:
    """The partner key, active or revoked, whose secret this is; None for an unknown key.
    Looked up by its SHA-256, so the comparison never sees the secret."""
    if not key or len(key) > 200:
        return None
    digest = hashlib.sha256(key.encode()).hexdigest()
    return PartnerKey.objects.filter(key_hash=digest).select_related("organisation").first()


def partner_origins() -> frozenset[str]:
    """Origins listed by active partner keys: those whose pages may call the API from a
    reader's browser. Cached; see campaigns.partners.signals for the invalidation. With the
    cache down the database is asked."""
    origins = shared.get(PARTNER_ORIGINS_CACHE_KEY)
    if origins is None:
        origins = set()
        active = PartnerKey.objects.filter(revoked_at__isnull=True).exclude(key_hash="")
        for text in active.exclude(allowed_origins="").values_list("allowed_origins", flat=True):
            origins.update(line for line in text.splitlines() if line)
        origins = sorted(origins)
        shared.set(PARTNER_ORIGINS_CACHE_KEY, origins, PARTNER_ORIGINS_CACHE_SECONDS)
    return frozenset(origins)


def webhook_endpoints_with_last_status() -> QuerySet:
    """Endpoints, each annotated with `last_delivery_status` and `last_delivery_at`."""
    newest = WebhookDelivery.objects.filter(endpoint=OuterRef("pk")).order_by("-created_at")
    return WebhookEndpoint.objects.select_related("organisation").annotate(
        last_delivery_status=Subquery(newest.values("status")[:1]),
        last_delivery_at=Subquery(newest.values("created_at")[:1]),
    )


def webhook_deliveries(*, endpoint_id: int | None = None, status: str | None = None) -> QuerySet:
    deliveries = WebhookDelivery.objects.select_related("endpoint__organisation")
    if endpoint_id:
        deliveries = deliveries.filter(endpoint_id=endpoint_id)
    if status:
        deliveries = deliveries.filter(status=status)
    return deliveries.order_by("-created_at")
