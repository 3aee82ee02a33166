"""Public pages in a real headless Chromium: right-to-left layout, the language switcher,
keyboard use and an axe-core accessibility audit."""

import pytest

from tests.browser.conftest import PHONE, serious_accessibility_violations

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def box(page, selector):
    return page.locator(selector).first.bounding_box()


def test_arabic_home_page_lays_out_right_to_left(site, phone):
    phone.goto(f"{site}/ar/")

    assert phone.evaluate("getComputedStyle(document.body).direction") == "rtl"
    assert phone.evaluate("document.documentElement.dir") == "rtl"
    width = PHONE["width"]
    # The site name starts at the right edge; the heading and list hang from the right.
    name = box(phone, ".site-name")
    assert width - (name["x"] + name["width"]) < 40 and name["x"] > width / 3
    heading = box(phone, "main h1")
    main = box(phone, "main")
    assert abs((heading["x"] + heading["width"]) - (main["x"] + main["width"])) < 24
    bullet_indent = phone.evaluate(
        "getComputedStyle(document.querySelector('.rich-text ul')).paddingRight"
    )
    assert bullet_indent != "0px"


def test_bulgarian_home_page_lays_out_left_to_right(site, phone):
    phone.goto(f"{site}/bg/")

    assert phone.evaluate("getComputedStyle(document.body).direction") == "ltr"
    name = box(phone, ".site-name")
    assert name["x"] < 40


def test_language_switcher_keeps_the_reader_on_the_same_page(site, phone):
    phone.goto(f"{site}/bg/za-platformata/")

    phone.get_by_role("link", name="العربية").click()

    phone.wait_for_url(f"{site}/ar/about-the-platform/")
    assert phone.locator("h1").inner_text() == "عن المنصة"
    phone.get_by_role("link", name="Українська").click()
    phone.wait_for_url(f"{site}/uk/pro-platformu/")
    assert phone.locator("h1").inner_text() == "Про платформу"


def test_skip_link_is_the_first_stop_for_keyboard_users(site, phone):
    phone.goto(f"{site}/fa/")

    phone.keyboard.press("Tab")
    skip = phone.locator(".skip-link")
    assert skip.evaluate("element => element === document.activeElement")
    assert skip.is_visible() and box(phone, ".skip-link")["y"] >= 0
    phone.keyboard.press("Enter")
    assert phone.evaluate("location.hash") == "#main"


def test_page_loads_nothing_from_other_hosts(site, phone):
    hosts = []
    phone.on("request", lambda request: hosts.append(request.url.split("/")[2]))

    phone.goto(f"{site}/ar/about-the-platform/")
    phone.wait_for_load_state("networkidle")

    assert set(hosts) == {site.split("/")[2]}


@pytest.mark.parametrize("code", ["bg", "ar"])
def test_home_page_has_no_serious_accessibility_violations(site, phone, code):
    phone.goto(f"{site}/{code}/")

    assert serious_accessibility_violations(phone) == []
