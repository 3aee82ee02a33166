"""Admin pages for screens: a screen's token and player address, the agenda ("what plays on
this screen at this time, and why") and the proof-of-play report with its CSV export; and for
partner sites: a new key shown once, revoking a key, the webhook deliveries."""

import csv
from datetime import timedelta

from django import forms
from django.contrib import messages
from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, pgettext_lazy
from django.views.decorators.http import require_POST
from wagtail.admin.auth import permission_required
from wagtail.admin.viewsets.base import ViewSet

from campaigns import selectors, services, webhooks
from campaigns.models import (
    DeliveryStatus,
    PartnerKey,
    Screen,
    ScreenGroup,
    WebhookDelivery,
    WebhookEndpoint,
)
from cms.charts import bar_chart

WHY_NOT = {
    "not_started": gettext_lazy("its dates have not started"),
    "ended": gettext_lazy("its dates are over"),
    "weekday": gettext_lazy("it does not play on this weekday"),
    "hours": gettext_lazy("outside its hours"),
    "outranked": gettext_lazy("another playlist has priority"),
    selectors.CAMPAIGN_UNPUBLISHED: gettext_lazy("its campaign is not published"),
    selectors.NOTHING_PLAYABLE: gettext_lazy("none of its videos can play"),
    selectors.VIDEO_UNPUBLISHED: gettext_lazy("the video is unpublished"),
    selectors.VIDEO_NOT_READY: gettext_lazy("the video is not processed yet"),
    selectors.STORY_NOT_PUBLIC: gettext_lazy("its story is not published with consent for screens"),
}


@permission_required("campaigns.change_screen")
def screen_token(request, pk: int):
    """The player's address; POST issues a new token and shows it, once."""
    screen = get_object_or_404(Screen, pk=pk)
    token = None
    if request.method == "POST":
        token = services.issue_screen_token(screen=screen)
    return token_response(request, screen, token)


def token_response(request, screen: Screen, token: str | None):
    player_url = request.build_absolute_uri(reverse("screen_player", args=[screen.pk]))
    return TemplateResponse(
        request,
        "campaigns/admin/screen_token.html",
        {
            "screen": screen,
            "token": token,
            "player_url": player_url,
            "player_url_with_token": f"{player_url}#token={token}" if token else None,
            "page_title": _("Player of “%(name)s”") % {"name": screen.name},
            "header_icon": "desktop",
        },
    )


class AgendaForm(forms.Form):
    screen = forms.ModelChoiceField(
        label=gettext_lazy("Screen"), queryset=Screen.objects.select_related("group")
    )
    moment = forms.DateTimeField(
        label=gettext_lazy("Date and time"),
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"),
    )


@permission_required("campaigns.view_playlist")
def agenda(request):
    data = request.GET if "screen" in request.GET else None
    form = AgendaForm(
        data,
        initial={"moment": timezone.localtime().replace(second=0, microsecond=0, tzinfo=None)},
    )
    result, entries, items = None, [], []
    if form.is_valid():
        result = selectors.agenda(
            screen=form.cleaned_data["screen"], moment=form.cleaned_data["moment"]
        )
        entries = [
            {"planned": entry.planned, "reason": WHY_NOT.get(entry.why_not)}
            for entry in result.entries
        ]
        if result.playing:
            problems = result.playing.problems
            items = [
                {"item": item, "reason": WHY_NOT.get(problems.get(item.pk))}
                for item in result.playing.items
            ]
    return TemplateResponse(
        request,
        "campaigns/admin/agenda.html",
        {
            "form": form,
            "agenda": result,
            "entries": entries,
            "items": items,
            "page_title": _("Agenda"),
            "header_icon": "date",
        },
    )


class PlayReportForm(forms.Form):
    since = forms.DateField(
        label=pgettext_lazy("period", "From"), widget=forms.DateInput(attrs={"type": "date"})
    )
    until = forms.DateField(
        label=pgettext_lazy("period", "Until"), widget=forms.DateInput(attrs={"type": "date"})
    )
    group = forms.ModelChoiceField(
        label=gettext_lazy("Screen group"),
        queryset=ScreenGroup.objects.all(),
        required=False,
        empty_label=gettext_lazy("All groups"),
    )

    def clean(self):
        data = super().clean()
        since, until = data.get("since"), data.get("until")
        if since and until:
            if until < since:
                raise forms.ValidationError(_("“Until” must not be before “From”."))
            if (until - since).days > 366:
                raise forms.ValidationError(_("Choose at most a year."))
        return data


@permission_required("campaigns.view_screen")
def play_report(request):
    today = timezone.localdate()
    form = PlayReportForm(
        request.GET or None, initial={"since": today - timedelta(days=13), "until": today}
    )
    if request.GET:
        valid = form.is_valid()
        since = form.cleaned_data.get("since") if valid else None
        until = form.cleaned_data.get("until") if valid else None
        group = form.cleaned_data.get("group") if valid else None
    else:
        valid, since, until, group = True, today - timedelta(days=13), today, None
    rows = []
    if valid:
        rows = selectors.play_counts(since=since, until=until, group_id=group.pk if group else None)
        if request.GET.get("format") == "csv":
            return _csv(rows, since, until)
    per_day = {}
    for row in rows:
        per_day[row.day] = per_day.get(row.day, 0) + row.plays
    days = [since + timedelta(days=n) for n in range((until - since).days + 1)] if valid else []
    chart = bar_chart([(f"{day:%d.%m}", per_day.get(day, 0)) for day in days])
    query = request.GET.copy()
    query["format"] = "csv"
    return TemplateResponse(
        request,
        "campaigns/admin/play_report.html",
        {
            "form": form,
            "rows": rows,
            "chart": chart,
            "total": sum(row.plays for row in rows),
            "csv_query": query.urlencode(),
            "page_title": _("Plays on screens"),
            "header_icon": "table",
        },
    )


def _csv(rows, since, until) -> HttpResponse:
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="plays-{since}-{until}.csv"'
    response.write("\ufeff")  # spreadsheet programs then read the Cyrillic and Arabic right
    writer = csv.writer(response)
    writer.writerow(["day", "video_id", "video", "screen_group", "language", "plays", "seconds"])
    for row in rows:
        writer.writerow(
            [
                row.day.isoformat(),
                row.video_id or "",
                row.video_title,
                row.group_name,
                row.language,
                row.plays,
                round(row.seconds, 1),
            ]
        )
    return response


class AdminPageViewSet(ViewSet):
    """One admin page with a menu item in a group."""

    view = None

    def get_urlpatterns(self):
        return [path("", self.view, name="index")]

    @property
    def menu_url(self):
        return reverse(self.get_url_name("index"))


class AgendaViewSet(AdminPageViewSet):
    name = "screen_agenda"
    icon = "date"
    menu_label = gettext_lazy("Agenda")
    view = staticmethod(agenda)


class PlayReportViewSet(AdminPageViewSet):
    name = "screen_plays"
    icon = "table"
    menu_label = gettext_lazy("Plays report")
    view = staticmethod(play_report)


class ScreenTokenViewSet(ViewSet):
    name = "screen_token"

    def get_urlpatterns(self):
        return [path("<int:pk>/", screen_token, name="show")]


# --- Partner sites: keys and webhooks (docs/partners.md) ------------------------------------


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
        webhooks.send_again(delivery=delivery)
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
