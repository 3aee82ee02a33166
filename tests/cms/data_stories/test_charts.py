"""Editors' charts: accessible SVG with a table of the same numbers, a palette and patterns
that survive colour blindness and greyscale print, numbers in the reader's language, and
validation messages an editor can act on."""

from decimal import Decimal

import pytest
from bs4 import BeautifulSoup
from django.core.exceptions import ValidationError
from django.utils import translation

from cms import languages
from cms.data_stories.blocks import ChartBlock
from cms.data_stories.charts import bar_chart
from cms.data_stories.svg import PALETTE

BLOCK = ChartBlock()
YEARS = ["2014", "2015", "2016"]
TWO_SERIES = [("Жители", ["5.1", "5.8", "6.5"]), ("Студенти", ["12916", "0", "2002.5"])]


def chart_value(kind: str, labels: list[str], series: list[tuple[str, list[str]]], **fields):
    data = {
        "title": "Заплаха и чужденци",
        "description": "Делът расте от 5,1% на 6,5%.",
        "chart_type": kind,
        "unit": "%",
        "labels": labels,
        "series": [{"label": name, "values": values} for name, values in series],
        "year": "2014–2016",
        "source": "Градски интеграционен одит за София",
        "source_url": "http://www.integra-net.eu",
        **fields,
    }
    return BLOCK.clean(BLOCK.to_python(data))


def render(value, language: str = "bg", direction_of: str | None = None) -> BeautifulSoup:
    context = {}
    if direction_of:
        context["content_language"] = languages.get(direction_of)
    with translation.override(language):
        return BeautifulSoup(BLOCK.render(value, context=context), "html.parser")


def table(soup: BeautifulSoup) -> list[list[str]]:
    """The table's body: [row heading, cell, cell…] per row."""
    return [
        [row.th.get_text(strip=True), *(td.get_text(strip=True) for td in row.find_all("td"))]
        for row in soup.select("table.chart-table tbody tr")
    ]


@pytest.mark.parametrize(
    ("kind", "series"),
    [("bar", TWO_SERIES), ("line", TWO_SERIES), ("pie", TWO_SERIES[:1])],
)
def test_the_svg_is_an_image_named_by_its_title_and_description(kind, series):
    soup = render(chart_value(kind, YEARS, series))

    svg = soup.select_one("svg.chart-svg")
    assert svg["role"] == "img"
    title_id, desc_id = svg["aria-labelledby"].split()
    assert svg.find("title", id=title_id).get_text() == "Заплаха и чужденци"
    assert svg.find("desc", id=desc_id).get_text() == "Делът расте от 5,1% на 6,5%."
    assert svg["data-chart-type"] == kind
    caption = soup.select_one("table.chart-table caption").get_text()
    assert "Заплаха и чужденци" in caption
    source = soup.select_one(".chart-source")
    assert source.a["href"] == "http://www.integra-net.eu"
    assert "Градски интеграционен одит за София" in source.get_text()
    assert "2014–2016" in source.get_text()


@pytest.mark.parametrize("kind", ["bar", "line"])
def test_the_table_holds_the_numbers_drawn_in_the_svg(kind):
    soup = render(chart_value(kind, YEARS, TWO_SERIES))

    headings = [th.get_text(strip=True) for th in soup.select("thead th[scope=col]")]
    assert headings == ["Жители (%)", "Студенти (%)"]
    assert [th["scope"] for th in soup.select("tbody th")] == ["row"] * 3
    rows = table(soup)
    assert [row[0] for row in rows] == YEARS
    for number, (_, values) in enumerate(TWO_SERIES):
        marks = soup.select(f".chart-mark[data-series='{number}']")
        labels = soup.select(f"text.chart-value[data-series='{number}']")
        # The marks carry the numbers as entered; the labels and the table show them alike.
        assert [Decimal(mark["data-value"]) for mark in marks] == [Decimal(v) for v in values]
        assert [label.get_text() for label in labels] == [row[1 + number] for row in rows]
    assert rows[0][1:] == ["5,1", "12\xa0916"]  # grouped with a no-break space (cms/formats)
    assert rows[2][1:] == ["6,5", "2\xa0002,5"]


def test_bar_heights_are_proportional_to_the_values():
    soup = render(chart_value("bar", ["А", "Б", "В"], [("Хора", ["1", "2", "4"])]))

    heights = [float(rect["height"]) for rect in soup.select("rect.chart-mark")]
    tops = [float(rect["y"]) + float(rect["height"]) for rect in soup.select("rect.chart-mark")]
    assert heights[1] == pytest.approx(2 * heights[0], abs=0.2)
    assert heights[2] == pytest.approx(4 * heights[0], abs=0.2)
    assert len(set(tops)) == 1  # every bar stands on the same zero line


def test_a_pie_shows_each_shares_percentage_with_the_same_numbers_in_its_table():
    labels = ["Български граждани", "Чужденци"]
    soup = render(chart_value("pie", labels, [("Дял", ["97.5", "2.5"])]))

    slices = soup.select("path.chart-mark")
    assert [Decimal(s["data-value"]) for s in slices] == [Decimal("97.5"), Decimal("2.5")]
    shares = [label.get_text() for label in soup.select("text.chart-value")]
    assert shares == ["97,5%", "2,5%"]
    # Values that are percentages already: no second column repeating them.
    assert table(soup) == [["Български граждани", "97,5"], ["Чужденци", "2,5"]]
    legend = [item.get_text(strip=True) for item in soup.select(".chart-legend li")]
    assert legend == labels


def test_a_pie_of_counts_adds_each_shares_percentage_to_its_table():
    labels = ["Български граждани", "Чужденци"]
    soup = render(chart_value("pie", labels, [("Хора", ["39", "1"])], unit="души"))

    shares = [label.get_text() for label in soup.select("text.chart-value")]
    assert shares == ["97,5%", "2,5%"]
    headings = [th.get_text(strip=True) for th in soup.select("thead th[scope=col]")]
    assert headings == ["Хора (души)", "Дял (%)"]
    assert table(soup) == [["Български граждани", "39", "97,5"], ["Чужденци", "1", "2,5"]]


def test_series_take_palette_colours_and_patterns_that_survive_greyscale():
    series = [(f"Серия {n}", ["1", "2", "3"]) for n in range(4)]
    soup = render(chart_value("bar", YEARS, series))

    patterns = soup.select("svg.chart-svg defs pattern")
    colours = [pattern.rect["fill"] for pattern in patterns]
    assert colours == PALETTE[:4]
    # Beyond colour, each fill has its own texture: printed in grey, series stay apart.
    textures = {"".join(str(child) for child in pattern.contents[1:]) for pattern in patterns}
    assert len(textures) == 4
    for number, colour in enumerate(colours):
        for rect in soup.select(f"rect.chart-mark[data-series='{number}']"):
            assert rect["fill"] == f"url(#{patterns[number]['id']})"
            assert rect["stroke"] == colour


def test_lines_differ_by_dash_and_marker_as_well_as_colour():
    soup = render(chart_value("line", YEARS, TWO_SERIES))

    lines = soup.select("polyline.chart-line")
    assert [line["stroke"] for line in lines] == PALETTE[:2]
    assert lines[0].get("stroke-dasharray") != lines[1].get("stroke-dasharray")
    first, second = (soup.select_one(f"path.chart-mark[data-series='{n}']")["d"] for n in (0, 1))
    assert first.count("a 5 5") == 2  # a circle
    assert "h 10 v 10" in second  # a square


def test_numbers_follow_the_readers_language():
    value = chart_value("bar", ["Магистри"], [("Всички", ["6500.25"]), ("Чужденци", ["2002"])])

    bulgarian = table(render(value, "bg"))[0][1:]
    english = table(render(value, "en"))[0][1:]

    assert bulgarian == ["6\xa0500,25", "2\xa0002"]
    assert english == ["6,500.25", "2,002"]
    svg_labels = [t.get_text() for t in render(value, "en").select("text.chart-value")]
    assert svg_labels == english


def test_in_a_right_to_left_page_texts_run_right_to_left_and_geometry_stays():
    value = chart_value("bar", ["مدرسة", "عمل"], [("الطلاب", ["3", "4"])])

    soup = render(value, "ar", direction_of="ar")

    svg = soup.select_one("svg.chart-svg")
    assert svg["direction"] == "ltr"  # numbers and bars read left to right everywhere
    labels = soup.select("text.chart-label")
    assert [label["direction"] for label in labels] == ["rtl", "rtl"]
    assert [label["text-anchor"] for label in labels] == ["middle", "middle"]
    xs = [float(rect["x"]) for rect in soup.select("rect.chart-mark")]
    assert xs == sorted(xs)
    assert render(value, "bg", direction_of="bg").select_one("text.chart-label")["direction"] == (
        "ltr"
    )


def test_long_labels_wrap_instead_of_running_into_each_other():
    label = "Магистри след средно образование в държавните университети"
    soup = render(chart_value("bar", [label, "Б", "В"], [("Хора", ["1", "2", "3"])]))

    lines = [tspan.get_text() for tspan in soup.select("text.chart-label")[0].find_all("tspan")]
    assert len(lines) > 1
    assert " ".join(lines).rstrip("…") in label


@pytest.mark.parametrize(
    ("kind", "labels", "series", "message"),
    [
        ("bar", YEARS, [("Жители", ["5.1", "6.5"])], "“Жители” has 2 values but there are 3"),
        ("line", ["2014"], [("Жители", ["5.1"])], "A line needs at least two points"),
        ("pie", ["А", "Б"], [("Дял", ["-1", "3"])], "A pie cannot show negative numbers"),
        ("pie", ["А", "Б"], [("Дял", ["0", "0"])], "at least one number above zero"),
        ("pie", ["А", "Б"], [("А", ["1", "2"]), ("Б", ["1", "2"])], "A pie shows one series"),
        ("bar", YEARS, [], "Add a series of numbers"),
        ("bar", [], [("Жители", [])], "Add at least one label"),
    ],
)
def test_numbers_that_cannot_be_drawn_are_refused_with_a_reason(kind, labels, series, message):
    data = BLOCK.to_python(
        {
            "title": "Т",
            "description": "О",
            "chart_type": kind,
            "unit": "",
            "labels": labels,
            "series": [{"label": name, "values": values} for name, values in series],
            "year": "",
            "source": "И",
            "source_url": "",
        }
    )

    with translation.override("en"), pytest.raises(ValidationError) as error:
        BLOCK.clean(data)

    assert message in " ".join(str(e) for e in error.value.non_block_errors.as_data())


def test_the_admin_play_report_bar_chart_still_has_its_geometry():
    chart = bar_chart([("01.06", 2), ("02.06", 4)])

    assert [bar.height for bar in chart.bars] == [100.0, 200.0]
    assert chart.maximum == 4
