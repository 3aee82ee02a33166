"""Writes for partner sites: keys, and the webhooks that tell them what changed
(docs/partners.md)."""

import hashlib
import secrets
from datetime import UTC, datetime, timedelta

from django.db import models, transaction
from django.db.models import Q
from django.utils import timezone
from wagtail.models import Page
from wagtail_localize.models import Translation

from campaigns import tasks
from campaigns.partners.models import (
    DeliveryStatus,
    PartnerKey,
    WebhookDelivery,
    WebhookEndpoint,
    WebhookEvent,
)
from campaigns.stories.models import PARTNERS, ConsentRecord, Organisation, StoryPage
from cms.api.addresses import api_detail_url, api_type, api_url

PARTNER_KEY_PREFIX = "pk_"
# A key's "last used" time is written at most this often, whatever the number of requests.
PARTNER_KEY_USE_RESOLUTION_SECONDS = 60


def issue_partner_key(*, partner_key: PartnerKey) -> str:
    """Give the key its secret. Only the hash is stored: show the returned key once."""
    key = PARTNER_KEY_PREFIX + secrets.token_urlsafe(32)
    partner_key.key_hash = hashlib.sha256(key.encode()).hexdigest()
    partner_key.prefix = key[: len(PARTNER_KEY_PREFIX) + 6]
    partner_key.save(update_fields=["key_hash", "prefix"])
    return key


@transaction.atomic
def create_partner_key(
    *, organisation: Organisation, name: str, allowed_origins: str = ""
) -> tuple[PartnerKey, str]:
    """A new key for a partner site and its secret (shown once)."""
    partner_key = PartnerKey(organisation=organisation, name=name, allowed_origins=allowed_origins)
    partner_key.full_clean(exclude=["key_hash"])
    partner_key.save()
    return partner_key, issue_partner_key(partner_key=partner_key)


@transaction.atomic
def revoke_partner_key(*, partner_key: PartnerKey) -> None:
    """The key stops working at once (401) and its origins lose CORS. It cannot come back:
    the partner is given a new key."""
    if partner_key.revoked_at is None:
        partner_key.revoked_at = timezone.now()
        # save() so that the cached origins are forgotten (campaigns.partners.signals).
        partner_key.save(update_fields=["revoked_at"])


def record_partner_key_use(*, partner_key: PartnerKey, at: datetime | None = None) -> None:
    """Note that the key was used, without a write per request: nothing happens when the
    stored time is recent, and racing requests find the row already updated."""
    at = at or timezone.now()
    stale = at - timedelta(seconds=PARTNER_KEY_USE_RESOLUTION_SECONDS)
    if partner_key.last_used_at is not None and partner_key.last_used_at > stale:
        return
    PartnerKey.objects.filter(pk=partner_key.pk).filter(
        Q(last_used_at__isnull=True) | Q(last_used_at__lte=stale)
    ).update(last_used_at=at)
    partner_key.last_used_at = at


# --- Webhooks: telling partners what changed ---------------------------------------------


def _utc_now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds").replace("+00:00", "Z")


def _is_public(page: Page) -> bool:
    """Live, without view restrictions, and for a story: with consent for partners."""
    if isinstance(page, StoryPage):
        return StoryPage.objects.live().public().with_consent(PARTNERS).filter(pk=page.pk).exists()
    return Page.objects.live().public().filter(pk=page.pk).exists()


def _outdated_translations(page: Page) -> list[Page]:
    """The live translations made (with wagtail-localize) from this page."""
    target_locales = Translation.objects.filter(
        source__object_id=page.translation_key, source__locale_id=page.locale_id
    ).values("target_locale_id")
    translations = (
        Page.objects.live()
        .filter(translation_key=page.translation_key, locale_id__in=target_locales)
        .exclude(pk=page.pk)
        .select_related("locale")
        .specific()
    )
    return [translation for translation in translations if _is_public(translation)]


@transaction.atomic
def announce_published(*, page: Page) -> list[WebhookDelivery]:
    """`published` for the page and, when it is the source of translations,
    `translation_outdated` for each of them. Drafts never reach here (Wagtail sends
    page_published on publish only); stories need consent for partners."""
    if not _is_public(page):
        return []
    deliveries = _create(WebhookEvent.PUBLISHED, page)
    for translation in _outdated_translations(page):
        deliveries += _create(WebhookEvent.TRANSLATION_OUTDATED, translation)
    return deliveries


@transaction.atomic
def announce_unpublished(
    *, page: Page, shared_with_partners: bool | None = None
) -> list[WebhookDelivery]:
    """`unpublished`, so that partners take the page down. Also sent for a story whose
    partner consent was withdrawn (that is usually why it was unpublished); never for a
    story that partners never had consent for (`shared_with_partners`, when the caller
    knows it: the consent's scope may just have lost partners)."""
    if shared_with_partners is None:
        shared_with_partners = not isinstance(page, StoryPage) or (
            ConsentRecord.objects.filter(
                story__translation_key=page.translation_key, for_partners=True
            ).exists()
        )
    if not shared_with_partners:
        return []
    return _create(WebhookEvent.UNPUBLISHED, page)


@transaction.atomic
def announce_photo_withdrawn(*, photo_id: int) -> list[WebhookDelivery]:
    """`photo.withdrawn`, so that partners delete a photovoice photo they were allowed to
    show (the sender's email promises they are told). The payload names the photo only."""
    subject = {
        "type": "photo",
        "id": photo_id,
        "url": api_url("campaigns.photosubmission", photo_id),
    }
    return _deliver(WebhookEvent.PHOTO_WITHDRAWN, subject)


@transaction.atomic
def announce(*, event: str, subject: dict) -> list[WebhookDelivery]:
    """Any other event (an alert, a screen's health) to the endpoints that want it;
    `subject` is the payload's `object`."""
    return _deliver(event, subject)


def _create(event: str, page: Page) -> list[WebhookDelivery]:
    subject = {
        "type": api_type(page),
        "id": page.pk,
        "translation_key": str(page.translation_key),
        "locale": page.locale.language_code,
        "url": api_detail_url(page),
    }
    return _deliver(event, subject)


def _deliver(event: str, subject: dict) -> list[WebhookDelivery]:
    # Few endpoints, and JSON containment is not portable to SQLite: filtered here.
    endpoints = [e for e in WebhookEndpoint.objects.filter(active=True) if e.wants(event)]
    if not endpoints:
        return []
    occurred_at = _utc_now()
    deliveries = []
    for endpoint in endpoints:
        delivery = WebhookDelivery(endpoint=endpoint, event=event)
        delivery.payload = {
            "id": str(delivery.pk),
            "event": event,
            "occurred_at": occurred_at,
            "object": subject,
        }
        deliveries.append(delivery)
    WebhookDelivery.objects.bulk_create(deliveries)
    for delivery in deliveries:
        tasks.enqueue_webhook(str(delivery.pk), attempt=1)
    return deliveries


@transaction.atomic
def send_again(*, delivery: WebhookDelivery) -> None:
    """An editor's "send again" of a finished delivery (same id, so a receiver that had it
    drops the copy): a fresh set of attempts, the first one at once."""
    if delivery.status == DeliveryStatus.PENDING:
        return
    delivery.status = DeliveryStatus.PENDING
    delivery.attempts = 0
    delivery.next_attempt_at = None
    delivery.save(update_fields=["status", "attempts", "next_attempt_at"])
    tasks.enqueue_webhook(str(delivery.pk), attempt=1)


@transaction.atomic
def prune_deliveries(*, older_than: datetime) -> int:
    """Delete finished deliveries created before `older_than` and return how many. Pending
    ones stay, and so does each endpoint's latest, which the admin shows as its last status."""
    latest = (
        WebhookDelivery.objects.filter(endpoint=models.OuterRef("endpoint"))
        .order_by("-created_at", "-pk")
        .values("pk")[:1]
    )
    deleted, _ = (
        WebhookDelivery.objects.filter(created_at__lt=older_than)
        .exclude(status=DeliveryStatus.PENDING)
        .exclude(pk=models.Subquery(latest))
        .delete()
    )
    return deleted
