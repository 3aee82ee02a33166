"""Charts drawn on the server as SVG, always beside a table of the same numbers, so that
they need no script and screen readers get the data.

Why no drawing library: pygal writes SVG but expects its own JavaScript (tooltips, linked
from a CDN by default) and its own CSS and ids, with no `role`/`aria-labelledby` on the root;
matplotlib pulls in numpy, writes heavy SVG and does not shape Arabic or Farsi labels. The
geometry here is small arithmetic (cms.data_stories.svg), and Django templates write the markup,
so every text stays real text in the reader's language and direction.

`bar_chart` below is the admin's plain bar chart (play reports); editors' charts on public
pages are `cms.data_stories.blocks.ChartBlock`, drawn by `cms.data_stories.svg`."""

from dataclasses import dataclass

WIDTH, HEIGHT = 640, 240
MARGIN_LEFT, MARGIN_BOTTOM, MARGIN_TOP = 40, 28, 12


@dataclass(frozen=True)
class Bar:
    label: str
    value: float
    x: float
    y: float
    width: float
    height: float


@dataclass(frozen=True)
class BarChart:
    bars: list[Bar]
    maximum: float
    width: int = WIDTH
    height: int = HEIGHT
    baseline: float = HEIGHT - MARGIN_BOTTOM
    left: float = MARGIN_LEFT
    label_every: int = 1  # a label under every n-th bar, so that labels do not overlap


def bar_chart(points: list[tuple[str, float]]) -> BarChart:
    """Bar geometry for (label, value) points, in order, scaled to the largest value."""
    maximum = max((value for _, value in points), default=0) or 1
    plot_width = WIDTH - MARGIN_LEFT - 8
    plot_height = HEIGHT - MARGIN_BOTTOM - MARGIN_TOP
    step = plot_width / max(len(points), 1)
    bars = []
    for index, (label, value) in enumerate(points):
        height = plot_height * value / maximum
        bars.append(
            Bar(
                label=label,
                value=value,
                x=round(MARGIN_LEFT + index * step + step * 0.1, 1),
                y=round(HEIGHT - MARGIN_BOTTOM - height, 1),
                width=round(step * 0.8, 1),
                height=round(height, 1),
            )
        )
    return BarChart(bars=bars, maximum=maximum, label_every=max(1, len(points) // 10))
