"""The admin's report of what readers look for and do not find: per language and period,
the searches that found nothing and those whose results nobody opened, from the daily
counts (no address, no cookie, no raw log)."""

import datetime

from django import forms
from django.db.models import F, Sum
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from cms import languages
from cms.search.models import SearchQueryDay

ROWS = 50
PERIODS = [
    (7, gettext_lazy("7 days")),
    (30, gettext_lazy("30 days")),
    (90, gettext_lazy("90 days")),
]


class ReportForm(forms.Form):
    language = forms.ChoiceField(label=gettext_lazy("Language"), required=False)
    days = forms.TypedChoiceField(
        label=gettext_lazy("Period"), choices=PERIODS, coerce=int, required=False, empty_value=30
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["language"].choices = [
            ("", _("All languages")),
            *[(language.code, language.name) for language in languages.all_languages()],
        ]


def search_report(request):
    form = ReportForm(request.GET)
    status = 200
    language, days = "", 30
    if form.is_valid():
        language = form.cleaned_data["language"]
        days = form.cleaned_data["days"] or 30
    else:
        status = 400
    since = timezone.localdate() - datetime.timedelta(days=days - 1)
    counts = SearchQueryDay.objects.filter(day__gte=since)
    if language:
        counts = counts.filter(language=language)
    by_query = counts.values("language", "query").annotate(
        total=Sum("searches"), found_nothing=Sum("empty"), opened=Sum("clicks")
    )
    nothing = by_query.filter(found_nothing__gt=0).order_by("-found_nothing", "query")[:ROWS]
    not_opened = (
        by_query.filter(found_nothing=0, total__gt=0)
        .annotate(unopened=F("total") - F("opened"))
        .filter(unopened__gt=0)
        .order_by("-unopened", "query")[:ROWS]
    )
    daily = (
        counts.values("day")
        .annotate(total=Sum("searches"), found_nothing=Sum("empty"), opened=Sum("clicks"))
        .order_by("-day")
    )
    names = {item.code: item.name for item in languages.all_languages()}
    context = {
        "page_title": _("What readers search for"),
        "header_title": _("What readers search for"),
        "header_icon": "search",
        "form": form,
        "days": days,
        "found_nothing": [{**row, "language_name": names.get(row["language"])} for row in nothing],
        "not_opened": [{**row, "language_name": names.get(row["language"])} for row in not_opened],
        "daily": list(daily),
    }
    return TemplateResponse(request, "cms/admin/search_report.html", context, status=status)
