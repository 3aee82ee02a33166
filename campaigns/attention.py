"""What of campaigns needs an editor or operator, for the admin's home page (cms.dashboard):
photos waiting for moderation, screens behind or silent, alerts in force, webhook
deliveries failing. Each only for those allowed to act on it; one small query each."""

from datetime import timedelta

from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from campaigns.alerts import selectors as alerts
from campaigns.partners.models import DeliveryStatus, WebhookDelivery
from campaigns.photovoice.models import PhotoSubmission
from campaigns.screens.models import ScreenIncident
from cms.dashboard import Attention

FAILING_DAYS = 7


def attention(user) -> list[Attention]:
    found = []
    if user.has_perm("campaigns.moderate_photosubmission"):
        waiting = PhotoSubmission.objects.filter(status=PhotoSubmission.Status.PENDING).count()
        found.append(
            Attention(
                _("photos waiting for moderation"), waiting, reverse("photovoice_moderation:index")
            )
        )
    if user.has_perm("campaigns.view_screen"):
        incidents = ScreenIncident.objects.filter(recovered_at__isnull=True).count()
        found.append(
            Attention(
                _("screens behind or silent"),
                incidents,
                reverse("screen_fleet:index"),
                level="critical",
            )
        )
    if user.has_perm("campaigns.change_alert"):
        now = timezone.now()
        in_force = alerts.source_alerts().filter(starts_at__lte=now, ends_at__gt=now).count()
        found.append(
            Attention(
                _("alerts in force"),
                in_force,
                reverse("wagtailsnippets_campaigns_alert:list"),
                level="critical",
            )
        )
    if user.has_perm("campaigns.view_webhookendpoint"):
        failing = WebhookDelivery.objects.filter(
            status=DeliveryStatus.FAILED,
            created_at__gte=timezone.now() - timedelta(days=FAILING_DAYS),
        ).count()
        found.append(
            Attention(
                _("webhook deliveries failed this week"),
                failing,
                reverse("webhook_deliveries:index") + "?status=failed",
            )
        )
    return found
