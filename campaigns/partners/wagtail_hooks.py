"""Partner sites in the admin: the Partners menu, a new key shown once, revoking a key, a
webhook's deliveries (docs/partners.md)."""

from django.urls import reverse
from django.utils.translation import gettext as _
from wagtail import hooks
from wagtail.admin.widgets import Button
from wagtail.snippets.models import register_snippet

from campaigns.partners import admin_views, services
from campaigns.partners.models import PartnerKey, WebhookEndpoint

register_snippet(admin_views.PartnersGroup)


@hooks.register("register_admin_viewset")
def register_partner_key_views():
    return admin_views.PartnerKeyAdminViewSet()


@hooks.register("register_snippet_listing_buttons")
def partner_buttons(snippet, user, next_url=None):
    if (
        isinstance(snippet, PartnerKey)
        and snippet.revoked_at is None
        and user.has_perm("campaigns.change_partnerkey")
    ):
        yield Button(
            _("Revoke"),
            reverse("partner_key:revoke", args=[snippet.pk]),
            icon_name="cross",
            priority=5,
        )
    if isinstance(snippet, WebhookEndpoint) and user.has_perm("campaigns.view_webhookendpoint"):
        yield Button(
            _("Deliveries"),
            f"{reverse('webhook_deliveries:index')}?endpoint={snippet.pk}",
            icon_name="history",
            priority=5,
        )


@hooks.register("after_create_snippet")
def show_new_partner_key(request, instance):
    """A new key gets its secret at once, shown on this one page and never again."""
    if isinstance(instance, PartnerKey):
        key = services.issue_partner_key(partner_key=instance)
        return admin_views.partner_key_response(request, instance, key)
    return None
