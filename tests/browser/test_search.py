"""The search in a real headless Chromium: a Bulgarian reader types Latin letters into the
header's box, gets the lesson with "did you mean", opens it (the click is counted through
the link's ping); the search page has no serious accessibility finding in bg and ar."""

import pytest
from django.utils import timezone

from cms.search.models import SearchQueryDay
from tests.browser.conftest import serious_accessibility_violations, wait_until


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_latin_letters_in_the_header_find_the_bulgarian_lesson_and_open_it(
    site, phone, requests_in_flight
):
    phone.goto(site + "/bg/", wait_until="domcontentloaded")
    box = phone.get_by_role("searchbox", name="Търсене в сайта")
    box.fill("lichen lekar")
    box.press("Enter")
    phone.wait_for_url("**/bg/search/?q=lichen+lekar", wait_until="domcontentloaded")

    assert phone.locator(".did-you-mean a").inner_text() == "личен лекар"
    result = phone.locator(".search-result h3 a").first
    assert result.inner_text() == "При личния лекар"
    result.click()
    phone.wait_for_url("**/bg/uroci/pri-lichniya-lekar/", wait_until="domcontentloaded")
    assert phone.locator("h1").inner_text() == "При личния лекар"

    requests_in_flight.wait_until_idle()
    # Counted once: the offline worker is not asked to fetch a search page again.
    counted = SearchQueryDay.objects.get(day=timezone.localdate(), language="bg")
    assert (counted.query, counted.searches, counted.clicks) == ("lichen lekar", 1, 1)


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("path", ["/bg/search/?q=lekar", "/ar/search/?q=طبیب", "/ar/search/?q=zzz"])
def test_the_search_page_has_no_serious_accessibility_finding(site, phone, path):
    phone.goto(site + path, wait_until="domcontentloaded")
    wait_until(phone, "document.readyState === 'complete'")

    assert serious_accessibility_violations(phone) == []
