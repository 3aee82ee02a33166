"""The city integration audit story in a real headless Chromium on a small phone: charts fit
the screen with legible labels, nothing overflows, and axe-core finds nothing serious."""

import pytest

from tests.browser.conftest import PHONE, serious_accessibility_violations

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PAGES = ["/bg/gradski-integratsionen-odit/", "/en/city-integration-audit/"]


@pytest.mark.parametrize("path", [*PAGES, "/ar/city-integration-audit/"])
def test_charts_fit_a_small_phone_with_legible_numbers(site, phone, path):
    phone.goto(f"{site}{path}")

    assert phone.evaluate("document.scrollingElement.scrollWidth") <= PHONE["width"]
    charts = phone.locator("svg.chart-svg")
    assert charts.count() == 3
    for index in range(charts.count()):
        chart = charts.nth(index).bounding_box()
        assert chart["x"] >= 0 and chart["x"] + chart["width"] <= PHONE["width"]
    # Direct labels on the marks: at least 10 CSS pixels high once the SVG is scaled down.
    heights = phone.eval_on_selector_all(
        "text.chart-value", "texts => texts.map(t => t.getBoundingClientRect().height)"
    )
    assert heights and min(heights) >= 10


@pytest.mark.parametrize("path", PAGES)
def test_the_story_has_no_serious_accessibility_violations(site, phone, path):
    phone.goto(f"{site}{path}")

    assert serious_accessibility_violations(phone) == []
