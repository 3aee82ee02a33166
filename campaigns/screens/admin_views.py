"""Admin pages for screens: the lists of screens, groups and playlists, a screen's token and
player address, the agenda ("what plays on this screen at this time, and why") and the
proof-of-play report with its CSV export (docs/screens.md)."""

import io
from collections.abc import Iterable, Iterator
from datetime import timedelta

import django_filters
from django import forms
from django.conf import settings
from django.core.paginator import Paginator
from django.http import StreamingHttpResponse
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.functional import lazy
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, pgettext_lazy
from wagtail.admin.auth import permission_required
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.tables import BooleanColumn, Column
from wagtail.admin.viewsets.base import ViewSet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup
from wagtail.snippets.widgets import AdminSnippetChooser

from campaigns.screens import health, selectors, services
from campaigns.screens.admin_status import FleetViewSet, ScreenStatusViewSet
from campaigns.screens.models import Playlist, Screen, ScreenGroup
from cms.admin_views import AdminPageViewSet
from cms.data_stories.charts import bar_chart
from cms.spreadsheets import BYTE_ORDER_MARK, SpreadsheetWriter


class ScreenFilterSet(WagtailFilterSet):
    silent = django_filters.BooleanFilter(
        label=gettext_lazy("Not seen recently"), method="filter_silent"
    )

    class Meta:
        model = Screen
        fields = ["group", "active", "language"]

    def filter_silent(self, queryset, name, value):
        silent = selectors.silent_screens().values("pk")
        return queryset.filter(pk__in=silent) if value else queryset.exclude(pk__in=silent)


def _state(screen: Screen) -> str:
    found = health.health_of(screen)
    if found.since is None:
        return found.label
    return _("%(state)s since %(since)s") % {
        "state": found.label,
        "since": date_format(timezone.localtime(found.since), "SHORT_DATETIME_FORMAT"),
    }


def _silent_label() -> str:
    # Formatted when shown, in the editor's language (a lazy string formatted with % here
    # would be translated once, at import).
    return _("Not seen in %(minutes)d min") % {"minutes": settings.SCREEN_SILENT_AFTER_MINUTES}


class ScreenViewSet(SnippetViewSet):
    model = Screen
    icon = "desktop"
    menu_label = gettext_lazy("Screens")
    list_display = [
        "name",
        "group",
        "location",
        "language",
        "active",
        "last_seen_at",
        BooleanColumn("is_silent", label=lazy(_silent_label, str)()),
        Column("state", label=gettext_lazy("Playlist"), accessor=_state),
    ]
    filterset_class = ScreenFilterSet
    search_fields = ["name", "location"]

    def get_queryset(self, request):
        return Screen.objects.select_related("group", "status")


class ScreenGroupViewSet(SnippetViewSet):
    model = ScreenGroup
    icon = "folder-open-inverse"
    menu_label = gettext_lazy("Screen groups")
    list_display = ["name", "description"]


class PlaylistViewSet(SnippetViewSet):
    model = Playlist
    icon = "list-ol"
    menu_label = gettext_lazy("Playlists")
    list_display = ["name", "campaign", "is_fallback", "starts_at", "ends_at", "updated_at"]
    list_filter = ["is_fallback"]
    search_fields = ["name"]


PLAY_REPORT_ROWS_PER_PAGE = 100

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
    selectors.PHOTO_NOT_FOR_SCREENS: gettext_lazy("the photo was withdrawn or may not be shown"),
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


class ScreenChooser(AdminSnippetChooser):
    def get_instance(self, value):
        # A screen number that is not a number is the form's error to show, not a crash.
        try:
            return super().get_instance(value)
        except (TypeError, ValueError):
            return None


class AgendaForm(forms.Form):
    # Wagtail's chooser (search and pages in a dialog), not a list of every screen: a fleet
    # has thousands, and a <select> of them took seconds to build and send.
    screen = forms.ModelChoiceField(
        label=gettext_lazy("Screen"),
        queryset=Screen.objects.select_related("group"),
        widget=ScreenChooser(Screen),
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
    """Plays per day (a chart) and per video, group and language over the period (a table
    in pages, most played first), all summed in the database; the CSV has every day."""
    today = timezone.localdate()
    asked = {key for key in request.GET if key != "p"}  # the page of the table is no filter
    form = PlayReportForm(
        request.GET if asked else None,
        initial={"since": today - timedelta(days=13), "until": today},
    )
    if asked:
        valid = form.is_valid()
        since = form.cleaned_data.get("since") if valid else None
        until = form.cleaned_data.get("until") if valid else None
        group = form.cleaned_data.get("group") if valid else None
    else:
        valid, since, until, group = True, today - timedelta(days=13), today, None
    group_id = group.pk if group else None
    rows, per_day, days = [], {}, []
    if valid:
        if request.GET.get("format") == "csv":
            rows = selectors.play_counts(since=since, until=until, group_id=group_id)
            return _csv(rows, f"plays-{since}-{until}.csv")
        per_day = selectors.plays_per_day(since=since, until=until, group_id=group_id)
        totals = selectors.play_totals(since=since, until=until, group_id=group_id)
        rows = Paginator(totals, PLAY_REPORT_ROWS_PER_PAGE).get_page(request.GET.get("p"))
        days = [since + timedelta(days=n) for n in range((until - since).days + 1)]
    chart = bar_chart([(f"{day:%d.%m}", per_day.get(day, 0)) for day in days])
    query = request.GET.copy()
    query["format"] = "csv"
    pages = request.GET.copy()
    pages.pop("p", None)
    return TemplateResponse(
        request,
        "campaigns/admin/play_report.html",
        {
            "form": form,
            "rows": rows,
            "chart": chart,
            "total": sum(per_day.values()),
            "csv_query": query.urlencode(),
            "page_query": pages.urlencode(),
            "qr_scans": selectors.qr_scan_totals(since=since, until=until, group_id=group_id)
            if valid
            else [],
            "page_title": _("Plays on screens"),
            "header_icon": "table",
        },
    )


def _csv(rows: Iterable[selectors.PlayCount], filename: str) -> StreamingHttpResponse:
    """Every day's counts, streamed: a year of a large fleet does not fit one answer."""
    response = StreamingHttpResponse(_csv_lines(rows), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def _csv_lines(rows: Iterable[selectors.PlayCount]) -> Iterator[str]:
    line = io.StringIO()
    writer = SpreadsheetWriter(line)

    def take() -> str:
        text = line.getvalue()
        line.seek(0)
        line.truncate()
        return text

    writer.writerow(["day", "video_id", "video", "screen_group", "language", "plays", "seconds"])
    yield BYTE_ORDER_MARK + take()
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
        yield take()


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


__all__ = ["ScreenStatusViewSet"]


class ScreenTokenViewSet(ViewSet):
    name = "screen_token"

    def get_urlpatterns(self):
        return [path("<int:pk>/", screen_token, name="show")]


class ScreensGroup(SnippetViewSetGroup):
    items = [
        ScreenViewSet,
        ScreenGroupViewSet,
        PlaylistViewSet,
        FleetViewSet,
        AgendaViewSet,
        PlayReportViewSet,
    ]
    menu_icon = "desktop"
    menu_label = gettext_lazy("Screens")
    menu_name = "screens"
    menu_order = 230
