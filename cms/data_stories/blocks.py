"""Blocks of facts and figures: a statistic with its source, a chart editors fill in (labels,
one or more series of numbers, where they come from), rendered as an SVG picture
(cms.data_stories.svg) with a table of the same numbers, and a data story's sources."""

from decimal import Decimal

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from wagtail import blocks
from wagtail.blocks.struct_block import StructBlockValidationError

from cms import languages
from cms.data_stories import svg
from cms.translation.blocks import SameInEveryLanguageBlock

BAR, LINE, PIE = "bar", "line", "pie"
MAX_LABELS = 24


class StatisticBlock(blocks.StructBlock):
    """One figure with where it comes from: "2.5 % of Sofia's people are foreigners"."""

    value = blocks.DecimalBlock(label=_("Value"), decimal_places=2)
    unit = blocks.CharBlock(
        label=_("Unit"), required=False, max_length=30, help_text=_("%, million, people…")
    )
    label = blocks.CharBlock(label=_("What it counts"), max_length=200)
    year = SameInEveryLanguageBlock(
        label=_("Year or period"), required=False, max_length=20, help_text=_("2016 or 2016/2017")
    )
    source = blocks.CharBlock(label=_("Source"), max_length=250)
    source_url = blocks.URLBlock(label=_("Source address"), required=False)

    class Meta:
        icon = "decimal"
        label = _("Statistic")
        description = _("One important number, with what it counts and where it comes from.")
        template = "blocks/statistic_block.html"
        preview_value = {
            "value": Decimal("2.5"),
            "unit": "%",
            "label": "of the people in Sofia are foreigners",
            "year": "",
            "source": "City Integration Audit for Sofia",
            "source_url": "http://www.integra-net.eu",
        }


class ChartSeriesBlock(blocks.StructBlock):
    label = blocks.CharBlock(
        label=_("Name of the series"),
        max_length=80,
        help_text=_("Shown in the legend and as the table's column heading, e.g. “Foreigners”."),
    )
    values = blocks.ListBlock(
        blocks.DecimalBlock(label=_("Value"), decimal_places=2),
        label=_("Values"),
        help_text=_("One number per label, in the same order as the labels."),
    )

    class Meta:
        icon = "list-ol"
        label = _("Series")


class ChartBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Title"), max_length=200)
    description = blocks.TextBlock(
        label=_("What the chart shows"),
        help_text=_(
            "One or two sentences with the main finding, for readers who cannot see the "
            "chart. Screen readers read it."
        ),
    )
    chart_type = blocks.ChoiceBlock(
        label=_("Type of chart"),
        choices=[(BAR, _("Bars")), (LINE, _("Line")), (PIE, _("Pie"))],
        default=BAR,
        help_text=_("Line for change over time; pie for parts of one whole."),
    )
    unit = blocks.CharBlock(
        label=_("Unit"), required=False, max_length=30, help_text=_("%, people, million…")
    )
    labels = blocks.ListBlock(
        blocks.CharBlock(label=_("Label"), max_length=80),
        label=_("Labels"),
        help_text=_("Along the bottom of bars and lines (e.g. years), or the slices of a pie."),
    )
    series = blocks.ListBlock(ChartSeriesBlock(), label=_("Series of numbers"))
    year = SameInEveryLanguageBlock(
        label=_("Year or period"), required=False, max_length=20, help_text=_("2016 or 2016/2017")
    )
    source = blocks.CharBlock(label=_("Source"), max_length=250)
    source_url = blocks.URLBlock(label=_("Source address"), required=False)

    class Meta:
        icon = "table"
        label = _("Chart")
        description = _("Numbers drawn as bars, a line or a pie, with a table of the same numbers.")
        template = "blocks/chart_block.html"
        preview_value = {
            "title": "Doctoral students: all and foreigners",
            "description": "Of 6,738 doctoral students in Bulgaria, 503 are foreigners. "
            "In Sofia, 302 of 3,998 are foreigners.",
            "chart_type": BAR,
            "unit": "",
            "labels": ["Bulgaria", "Sofia"],
            "series": [
                {"label": "All", "values": [Decimal(6738), Decimal(3998)]},
                {"label": "Foreigners", "values": [Decimal(503), Decimal(302)]},
            ],
            "year": "",
            "source": "City Integration Audit for Sofia",
            "source_url": "",
        }

    def clean(self, value):
        value = super().clean(value)
        problems = chart_problems(
            chart_type=value["chart_type"],
            labels=list(value["labels"]),
            series=[(item["label"], list(item["values"])) for item in value["series"]],
        )
        if problems:
            raise StructBlockValidationError(
                non_block_errors=[ValidationError(problem) for problem in problems]
            )
        return value

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context=parent_context)
        language = (parent_context or {}).get("content_language") or languages.current()
        labels = list(value["labels"])
        series = [(item["label"], list(item["values"])) for item in value["series"]]
        if value["chart_type"] == PIE:
            chart = svg.pie_chart(labels, series[0][1])
        elif value["chart_type"] == LINE:
            chart = svg.line_chart(labels, series)
        else:
            chart = svg.bar_chart(labels, series)
        context.update(
            chart=chart,
            chart_id=chart_id(parent_context),
            direction=language.direction,
            rows=table_rows(chart, labels),
        )
        return context


def chart_id(parent_context) -> str:
    """The chart's id in its page: "chart-1", "chart-2"… counted per request, so a page may
    show several charts and still be the same bytes (and ETag) on every rendering."""
    request = (parent_context or {}).get("request")
    if request is None:
        return "chart-1"
    request.charts_drawn = getattr(request, "charts_drawn", 0) + 1
    return f"chart-{request.charts_drawn}"


def table_rows(chart: svg.Chart, labels: list[str]) -> list[tuple[str, list[svg.Mark]]]:
    """The table beside the chart: one row per label, one cell per series."""
    if chart.kind == PIE:
        return [(labels[i], [series.marks[0]]) for i, series in enumerate(chart.series)]
    return [(label, [series.marks[i] for series in chart.series]) for i, label in enumerate(labels)]


def chart_problems(
    *, chart_type: str, labels: list[str], series: list[tuple[str, list[Decimal]]]
) -> list[str]:
    """What makes these numbers impossible to draw honestly, in words an editor acts on."""
    problems = []
    if not labels:
        problems.append(_("Add at least one label."))
    if len(labels) > MAX_LABELS:
        problems.append(
            _("A chart can show at most %(max)d labels; this one has %(count)d.")
            % {"max": MAX_LABELS, "count": len(labels)}
        )
    if not series:
        problems.append(_("Add a series of numbers."))
    if len(series) > svg.MAX_SERIES:
        problems.append(
            _("A chart can show at most %(max)d series; this one has %(count)d.")
            % {"max": svg.MAX_SERIES, "count": len(series)}
        )
    for name, values in series:
        if labels and len(values) != len(labels):
            problems.append(
                ngettext(
                    "“%(series)s” has %(count)d value but there are %(labels)d labels: "
                    "give one value per label.",
                    "“%(series)s” has %(count)d values but there are %(labels)d labels: "
                    "give one value per label.",
                    len(values),
                )
                % {"series": name, "count": len(values), "labels": len(labels)}
            )
    if chart_type == LINE and len(labels) < 2:
        problems.append(_("A line needs at least two points: add a second label and value."))
    if chart_type == PIE and series:
        if len(series) > 1:
            problems.append(_("A pie shows one series only. Use bars to compare several series."))
        values = series[0][1]
        if any(value < 0 for value in values):
            problems.append(_("A pie cannot show negative numbers."))
        elif values and not any(values):
            problems.append(_("A pie needs at least one number above zero."))
    return [str(problem) for problem in problems]


class SourceBlock(blocks.StructBlock):
    """Where the story's figures come from, listed at the end of the page."""

    title = blocks.CharBlock(
        label=_("Source"),
        max_length=250,
        help_text=_("Author, title and year, e.g. “Open Society Institute, annual report 2016”."),
    )
    url = blocks.URLBlock(label=_("Address"), required=False)

    class Meta:
        icon = "link-external"
        label = _("Source")
        description = _("A report or website that the figures on this page come from.")
        template = "blocks/source_block.html"
        preview_value = {
            "title": "Open Society Institute – Sofia, annual report 2016",
            "url": "",
        }
