"""Geometry of the editors' bar, line and pie charts, in SVG user units.

Pure arithmetic on (labels, series): the template (templates/blocks/chart_block.html) writes
the markup. Numbers come out already formatted for the active language, so the SVG's labels
and the table beside it show the same text.

Colours are the Okabe-Ito palette, which stays distinct for the common kinds of colour
blindness; each series (each slice of a pie) also gets its own fill pattern, line dash and
marker shape, and every mark carries its number as a direct label, so that a greyscale
print still reads.
"""

import math
from dataclasses import dataclass, field
from decimal import Decimal

from django.utils import formats

# Narrow, so that on a phone's screen the SVG is drawn near its own size and texts stay legible.
WIDTH = 360
FONT_SIZE = 13
LINE_HEIGHT = 16

# Okabe & Ito (2008), "Color Universal Design", most contrasting on white first; yellow
# (#F0E442) is left out: it is almost invisible on white paper.
PALETTE = ["#0072B2", "#E69F00", "#009E73", "#D55E00", "#CC79A7", "#56B4E9", "#000000"]
# What tells series apart without colour: fill texture, line dash, point marker.
PATTERNS = ["solid", "diagonal", "dots", "cross", "horizontal", "vertical", "grid"]
DASHES = ["", "8 4", "2 3", "12 4 2 4", "4 4", "1 5", "10 2"]
MARKERS = ["circle", "square", "triangle", "diamond", "circle", "square", "triangle"]
MAX_SERIES = len(PALETTE)


def format_number(value: Decimal | float | int) -> str:
    """A number as readers of the active language write it: no trailing zeros, the
    language's decimal mark and digit grouping (1,3 and 12 916 in Bulgarian)."""
    number = Decimal(value)
    number = number.quantize(Decimal(1)) if number == number.to_integral() else number.normalize()
    return formats.number_format(number, use_l10n=True, force_grouping=True)


@dataclass(frozen=True)
class Style:
    index: int
    colour: str
    pattern: str
    dash: str
    marker: str


def style(index: int) -> Style:
    index %= MAX_SERIES
    return Style(index, PALETTE[index], PATTERNS[index], DASHES[index], MARKERS[index])


@dataclass(frozen=True)
class Tick:
    y: float
    text: str


@dataclass(frozen=True)
class CategoryLabel:
    x: float
    lines: list[str]


@dataclass(frozen=True)
class Mark:
    """One number drawn: a bar, a point of a line or a slice of a pie."""

    value: Decimal
    text: str  # the formatted number, also shown as a direct label
    label_x: float
    label_y: float
    x: float = 0
    y: float = 0
    width: float = 0
    height: float = 0
    path: str = ""  # a pie slice
    percent: str = ""  # a pie slice's share, formatted


@dataclass(frozen=True)
class Series:
    label: str
    style: Style
    marks: list[Mark]
    points: str = ""  # a line's polyline


@dataclass(frozen=True)
class Chart:
    kind: str
    width: int
    height: int
    series: list[Series]
    ticks: list[Tick] = field(default_factory=list)
    categories: list[CategoryLabel] = field(default_factory=list)
    left: float = 0
    right: float = 0
    baseline: float = 0  # the zero line
    bottom: float = 0  # the lowest value's line, above the labels

    @property
    def tick_x(self) -> float:
        return self.left - 6

    @property
    def label_y(self) -> float:
        return self.bottom + LINE_HEIGHT + 2


def nice_ticks(low: float, high: float, count: int = 4) -> list[float]:
    """Round axis values (0, 2, 4, 6…) covering low…high, about `count` steps."""
    if high == low:
        high = low + 1
    raw = (high - low) / count
    magnitude = 10 ** math.floor(math.log10(raw))
    step = next(m * magnitude for m in (1, 2, 2.5, 5, 10) if m * magnitude >= raw)
    start = math.floor(low / step) * step
    ticks, value = [], start
    while value < high + step * 0.999:
        ticks.append(round(value, 10))
        value += step
    return ticks


def wrap(text: str, width: float, max_lines: int = 3) -> list[str]:
    """Break a label into lines that fit `width` units (approximate glyph widths)."""
    per_line = max(4, int(width / (FONT_SIZE * 0.55)))
    lines: list[str] = []
    for word in text.split():
        if lines and len(lines[-1]) + 1 + len(word) <= per_line:
            lines[-1] += " " + word
        else:
            lines.append(word)
    if len(lines) > max_lines:
        lines = lines[:max_lines]
        lines[-1] = lines[-1][: per_line - 1] + "…"
    return lines or [""]


def _axes(labels: list[str], values: list[Decimal], plot_height: int):
    """Tick values, the label lines under each category, and the y of a value."""
    numbers = [float(v) for v in values]
    ticks = nice_ticks(min(0.0, *numbers), max(0.0, *numbers))
    low, high = ticks[0], ticks[-1]
    left, right = 52.0, WIDTH - 8.0
    band = (right - left) / len(labels)
    wrapped = [wrap(label, band - 4) for label in labels]
    top = 24.0
    bottom = top + plot_height

    def y_of(value: float) -> float:
        return round(bottom - (value - low) / (high - low) * plot_height, 1)

    return ticks, wrapped, left, right, band, bottom, y_of


def bar_chart(labels: list[str], series: list[tuple[str, list[Decimal]]]) -> Chart:
    """Grouped vertical bars from zero; negative values go below the zero line."""
    ticks, wrapped, left, right, band, bottom, y_of = _axes(
        labels, [v for _, values in series for v in values], plot_height=200
    )
    zero = y_of(0)
    group = band * 0.8
    bar_width = group / len(series)
    drawn = []
    for number, (label, values) in enumerate(series):
        marks = []
        for index, value in enumerate(values):
            x = left + band * index + band * 0.1 + bar_width * number
            y = y_of(float(value))
            marks.append(
                Mark(
                    value=value,
                    text=format_number(value),
                    x=round(x, 1),
                    y=min(y, zero),
                    width=round(bar_width * 0.9, 1),
                    height=round(abs(zero - y), 1),
                    label_x=round(x + bar_width * 0.45, 1),
                    label_y=round(y - 4 if value >= 0 else y + FONT_SIZE, 1),
                )
            )
        drawn.append(Series(label=label, style=style(number), marks=marks))
    return _framed("bar", drawn, ticks, wrapped, left, right, band, bottom, y_of, zero)


def line_chart(labels: list[str], series: list[tuple[str, list[Decimal]]]) -> Chart:
    """One line per series through the middle of each label's band."""
    ticks, wrapped, left, right, band, bottom, y_of = _axes(
        labels, [v for _, values in series for v in values], plot_height=200
    )
    drawn = []
    for number, (label, values) in enumerate(series):
        marks = []
        for index, value in enumerate(values):
            x = round(left + band * (index + 0.5), 1)
            y = y_of(float(value))
            marks.append(
                Mark(
                    value=value,
                    text=format_number(value),
                    x=x,
                    y=y,
                    path=marker_path(MARKERS[number % MAX_SERIES], x, y),
                    label_x=x,
                    label_y=round(y - 10, 1),
                )
            )
        points = " ".join(f"{mark.x},{mark.y}" for mark in marks)
        drawn.append(Series(label=label, style=style(number), marks=marks, points=points))
    return _framed("line", drawn, ticks, wrapped, left, right, band, bottom, y_of, y_of(0))


def marker_path(shape: str, x: float, y: float) -> str:
    """A point's marker, about 11 units across, centred on x, y."""
    left, right, top, bottom = (round(v, 1) for v in (x - 6, x + 6, y - 6, y + 6))
    if shape == "square":
        return f"M {round(x - 5, 1)} {round(y - 5, 1)} h 10 v 10 h -10 Z"
    if shape == "triangle":
        return f"M {x} {top} L {right} {round(y + 5, 1)} L {left} {round(y + 5, 1)} Z"
    if shape == "diamond":
        return f"M {x} {top} L {right} {y} L {x} {bottom} L {left} {y} Z"
    return f"M {round(x - 5, 1)} {y} a 5 5 0 1 0 10 0 a 5 5 0 1 0 -10 0 Z"


def _framed(kind, drawn, ticks, wrapped, left, right, band, bottom, y_of, zero) -> Chart:
    label_lines = max(len(lines) for lines in wrapped)
    return Chart(
        kind=kind,
        width=WIDTH,
        height=int(bottom + 8 + LINE_HEIGHT * label_lines),
        series=drawn,
        ticks=[Tick(y=y_of(value), text=format_number(Decimal(str(value)))) for value in ticks],
        categories=[
            CategoryLabel(x=round(left + band * (index + 0.5), 1), lines=lines)
            for index, lines in enumerate(wrapped)
        ],
        left=left,
        right=right,
        baseline=zero,
        bottom=bottom,
    )


def pie_chart(labels: list[str], values: list[Decimal]) -> Chart:
    """Slices clockwise from twelve o'clock, each with its share as a direct label. Each
    slice is a series of one mark, so that it gets its own colour and pattern."""
    cx, cy, radius = WIDTH / 2, 130.0, 105.0
    total = sum(values)
    angle = 0.0
    slices = []
    for index, (label, value) in enumerate(zip(labels, values, strict=True)):
        share = float(value / total)
        start, angle = angle, angle + share * 2 * math.pi
        middle = (start + angle) / 2
        # Small slices get their label outside the pie, where it has room.
        distance = radius * (0.62 if share >= 0.08 else 1.18)
        if share >= 0.9999:
            path = f"M {cx} {cy - radius} A {radius} {radius} 0 1 1 {cx - 0.01} {cy - radius} Z"
        else:
            path = (
                f"M {cx} {cy} L {_round(cx + radius * math.sin(start))} "
                f"{_round(cy - radius * math.cos(start))} "
                f"A {radius} {radius} 0 {1 if share > 0.5 else 0} 1 "
                f"{_round(cx + radius * math.sin(angle))} {_round(cy - radius * math.cos(angle))} Z"
            )
        percent = Decimal(str(round(share * 100, 1)))
        mark = Mark(
            value=value,
            text=format_number(value),
            path=path if value > 0 else "",
            percent=format_number(percent),
            label_x=_round(cx + distance * math.sin(middle)),
            label_y=_round(cy - distance * math.cos(middle) + FONT_SIZE / 3),
        )
        slices.append(Series(label=label, style=style(index), marks=[mark]))
    return Chart(kind="pie", width=WIDTH, height=int(cy * 2), series=slices)


def _round(number: float) -> float:
    return round(number, 1)
