"""Admin pages for partner sites: keys and webhooks in lists, a new key shown once, revoking a
key, the webhook deliveries and sending one again (docs/partners.md)."""

from django import forms
from django.contrib import messages
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST
from wagtail.admin.auth import permission_required
from wagtail.admin.ui.tables import Column
from wagtail.admin.viewsets.base import ViewSet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from campaigns.partners import selectors, services
from campaigns.partners.models import DeliveryStatus, PartnerKey, WebhookDelivery, WebhookEndpoint
from cms.admin_views import AdminPageViewSet


class PartnerKeyViewSet(SnippetViewSet):
    model = PartnerKey
    icon = "key"
    menu_label = gettext_lazy("Partner keys")
    list_display = [
        "name",
        "organisation",
        Column("prefix", label=gettext_lazy("Starts with")),
        Column("status_label", label=gettext_lazy("Status")),
        "created_at",
        "last_used_at",
    ]
    search_fields = ["name"]

    def get_queryset(self, request):
        return PartnerKey.objects.select_related("organisation")


class WebhookEndpointViewSet(SnippetViewSet):
    model = WebhookEndpoint
    icon = "link"
    menu_label = gettext_lazy("Webhooks")
    list_display = [
        "url",
        "organisation",
        "active",
        Column("last_delivery_label", label=gettext_lazy("Last delivery")),
    ]
    list_filter = ["active"]

    def get_queryset(self, request):
        return selectors.webhook_endpoints_with_last_status()


def partner_key_response(request, partner_key: PartnerKey, key: str):
    """The new key, on this one page: only its hash is kept."""
    return TemplateResponse(
        request,
        "campaigns/admin/partner_key.html",
        {
            "partner_key": partner_key,
            "key": key,
            "listing_url": reverse("wagtailsnippets_campaigns_partnerkey:list"),
            "page_title": _("Key “%(name)s”") % {"name": partner_key.name},
            "header_icon": "key",
        },
    )


@permission_required("campaigns.change_partnerkey")
def revoke_partner_key(request, pk: int):
    """GET asks to confirm; POST revokes."""
    partner_key = get_object_or_404(PartnerKey.objects.select_related("organisation"), pk=pk)
    listing_url = reverse("wagtailsnippets_campaigns_partnerkey:list")
    if request.method == "POST":
        services.revoke_partner_key(partner_key=partner_key)
        messages.success(
            request,
            _("The key “%(name)s” was revoked: it no longer works.") % {"name": partner_key.name},
        )
        return redirect(listing_url)
    return TemplateResponse(
        request,
        "campaigns/admin/revoke_partner_key.html",
        {
            "partner_key": partner_key,
            "listing_url": listing_url,
            "page_title": _("Revoke “%(name)s”") % {"name": partner_key.name},
            "header_icon": "key",
        },
    )


class DeliveryFilterForm(forms.Form):
    endpoint = forms.ModelChoiceField(
        label=gettext_lazy("Webhook"),
        queryset=WebhookEndpoint.objects.select_related("organisation"),
        required=False,
        empty_label=gettext_lazy("All webhooks"),
    )
    status = forms.ChoiceField(
        label=gettext_lazy("Status"),
        choices=[("", gettext_lazy("Any status")), *DeliveryStatus.choices],
        required=False,
    )


DELIVERIES_PER_PAGE = 50


@permission_required("campaigns.view_webhookendpoint")
def webhook_deliveries(request):
    """What was sent to partners' webhooks, newest first (read-only)."""
    form = DeliveryFilterForm(request.GET or None)
    endpoint, status = None, None
    if form.is_bound and form.is_valid():
        endpoint, status = form.cleaned_data["endpoint"], form.cleaned_data["status"]
    deliveries = selectors.webhook_deliveries(
        endpoint_id=endpoint.pk if endpoint else None, status=status or None
    )
    page = Paginator(deliveries, DELIVERIES_PER_PAGE).get_page(request.GET.get("p"))
    query = request.GET.copy()
    query.pop("p", None)
    return TemplateResponse(
        request,
        "campaigns/admin/webhook_deliveries.html",
        {
            "form": form,
            "page": page,
            "query": query.urlencode(),
            "can_send_again": request.user.has_perm("campaigns.change_webhookendpoint"),
            "page_title": _("Webhook deliveries"),
            "header_icon": "history",
        },
    )


@require_POST
@permission_required("campaigns.change_webhookendpoint")
def send_webhook_again(request, pk):
    delivery = get_object_or_404(WebhookDelivery, pk=pk)
    if delivery.status == DeliveryStatus.PENDING:
        messages.info(request, _("This delivery is still being tried."))
    else:
        services.send_again(delivery=delivery)
        messages.success(request, _("The delivery will be sent again in a moment."))
    next_url = request.POST.get("next", "")
    if not url_has_allowed_host_and_scheme(next_url, allowed_hosts={request.get_host()}):
        next_url = reverse("webhook_deliveries:index")
    return redirect(next_url)


class PartnerKeyAdminViewSet(ViewSet):
    name = "partner_key"

    def get_urlpatterns(self):
        return [path("<int:pk>/revoke/", revoke_partner_key, name="revoke")]


class WebhookDeliveriesViewSet(AdminPageViewSet):
    name = "webhook_deliveries"
    icon = "history"
    menu_label = gettext_lazy("Webhook deliveries")
    view = staticmethod(webhook_deliveries)

    def get_urlpatterns(self):
        return [
            *super().get_urlpatterns(),
            path("<uuid:pk>/send-again/", send_webhook_again, name="send_again"),
        ]


class PartnersGroup(SnippetViewSetGroup):
    items = [PartnerKeyViewSet, WebhookEndpointViewSet, WebhookDeliveriesViewSet]
    menu_icon = "site"
    menu_label = gettext_lazy("Partners")
    menu_name = "partners"
    menu_order = 240
