"""Where readers and partners meet the search: the page in every language, the header's box,
the API, the lesson list's and the API lists' search; bad input of every kind answered
with a 200 or a 400, never a 500; counts for the admin's report and nothing else kept."""

import datetime

import pytest
from bs4 import BeautifulSoup
from django.core.management import call_command
from django.utils import timezone

from cms.search.models import SearchQueryDay

pytestmark = pytest.mark.django_db

BAD_QUERIES = [
    "",
    "a",
    "x" * 1000,
    "?!…,.;:—",
    "112",
    "1234567890",
    "лекар doctor طبيب",
    '" OR 1=1 --',
    "лекар*",
    "NEAR(лекар личния)",
    "лекар OR врач AND NOT",
    "title:лекар",
    "'; DROP TABLE cms_searchentry; --",
    "a\x00b",
    "\u202eлекар\u202c",
    "\u200fطبيب\u200e",
    "<script>alert(1)</script>",
    "%00",
    "\\",
]


def soup_of(response) -> BeautifulSoup:
    return BeautifulSoup(response.content, "html.parser")


def result_titles(response) -> list[str]:
    return [a.get_text(strip=True) for a in soup_of(response).select(".search-result h3 a")]


# --- The page ---------------------------------------------------------------------------


def test_latin_typed_bulgarian_finds_the_lesson_and_says_what_it_meant(client):
    response = client.get("/bg/search/", {"q": "lekar"})

    assert response.status_code == 200
    assert result_titles(response) == ["При личния лекар"]
    soup = soup_of(response)
    meant = soup.select_one(".did-you-mean a")
    assert meant.get_text() == "лекар"
    assert "q=%D0%BB%D0%B5%D0%BA%D0%B0%D1%80" in meant["href"]
    result = soup.select_one(".search-result")
    assert result.select_one(".kind").get_text() == "Урок"
    assert result.select_one(".level").get_text() == "A2"
    assert "лекар" in result.select("p")[-1].get_text()  # the snippet around the match
    link = result.select_one("h3 a")
    assert link["href"] == "/bg/uroci/pri-lichniya-lekar/"
    assert link["ping"] == "/bg/search/opened/?q=lekar"


def test_the_page_is_never_kept_by_a_cdn_and_not_indexed_by_robots(client):
    response = client.get("/en/search/", {"q": "doctor"})

    assert response["Cache-Control"].startswith("max-age=0")
    assert "no-store" in response["Cache-Control"] and "private" in response["Cache-Control"]
    assert soup_of(response).select_one('meta[name="robots"]')["content"] == "noindex"


def test_fallback_results_say_their_language(client):
    response = client.get("/fa/search/", {"q": "doctor"})  # Farsi falls back to English

    soup = soup_of(response)
    assert soup.html["dir"] == "rtl"
    assert result_titles(response) == ["Going to the doctor"]
    assert soup.select_one(".search-result .fallback-tag").get_text() == "به English"
    assert soup.select_one(".search-result h3 a")["lang"] == "en"


def test_nothing_found_offers_topics_and_the_same_search_in_other_languages(client):
    response = client.get("/bg/search/", {"q": "zzqxj"})

    soup = soup_of(response)
    assert response.status_code == 200
    assert not soup.select(".search-result")
    topics = [a["href"] for a in soup.select(".topic-links a")]
    assert "/bg/uroci/?topic=health" in topics
    others = {a["hreflang"]: a["href"] for a in soup.select(".language-links a")}
    assert others["en"] == "/en/search/?q=zzqxj"
    assert "bg" not in others


def test_the_language_switcher_keeps_the_search(client):
    soup = soup_of(client.get("/bg/search/", {"q": "лекар"}))

    links = {a["hreflang"]: a["href"] for a in soup.select(".language-switcher a")}
    assert links["uk"] == "/uk/search/?q=%D0%BB%D0%B5%D0%BA%D0%B0%D1%80"


def test_every_public_page_has_the_search_box_in_its_language(client):
    soup = soup_of(client.get("/ar/lessons/"))

    form = soup.select_one("header .site-search")
    assert form["action"] == "/ar/search/"
    assert form["role"] == "search"
    assert form.select_one("input[name=q]")["id"] == form.select_one("label")["for"]


def test_results_are_paged_and_a_page_past_the_end_is_a_404(client):
    first = client.get("/en/search/", {"q": "the"})
    count = len(result_titles(first))

    assert 0 < count <= 20
    assert client.get("/en/search/", {"q": "the", "page": 9}).status_code == 404


@pytest.mark.parametrize("query", BAD_QUERIES)
def test_bad_queries_on_the_page_are_answered_and_shown_back_escaped(client, query):
    response = client.get("/bg/search/", {"q": query})

    assert response.status_code in (200, 400)
    html = response.content.decode()
    assert "<script>alert(1)</script>" not in html
    if response.status_code == 400:
        assert soup_of(response).select_one(".form-errors")


def test_a_query_too_long_or_with_a_null_byte_is_a_400_with_the_reason(client):
    long = client.get("/bg/search/", {"q": "x" * 1000})
    null = client.get("/bg/search/", {"q": "a\x00b"})

    assert long.status_code == null.status_code == 400
    assert "200" in soup_of(long).select_one(".form-errors").get_text()


# --- The API --------------------------------------------------------------------------


def test_the_api_answers_with_the_results_best_first(client):
    response = client.get("/api/v1/search/", {"q": "dohovir", "lang": "uk"})

    assert response.status_code == 200
    assert response["Cache-Control"] == "private, no-store"
    answer = response.json()
    assert answer["count"] >= 1
    first = answer["results"][0]
    assert first["title"] == "Трудовий договір"
    assert first["type"] == "lesson"
    assert first["locale"] == "uk"
    assert first["is_fallback"] is False
    assert first["match"] == "transliterated"
    assert first["url"].endswith("/uk/lessons/trudovyi-dohovir/") or "/uk/" in first["url"]
    assert first["api_url"].endswith(f"/api/v1/lessons/{first['api_url'].split('/')[-2]}/")
    assert "договір" in first["snippet"].lower()
    assert answer["suggestion"] == "договір"


def test_the_api_marks_fallbacks_and_filters_by_kind(client):
    farsi = client.get("/api/v1/search/", {"q": "doctor", "lang": "fa"}).json()
    stories = client.get("/api/v1/search/", {"q": "the", "lang": "en", "kind": "story"}).json()

    assert [(r["locale"], r["is_fallback"]) for r in farsi["results"]] == [("en", True)]
    assert stories["count"] > 0
    assert {r["type"] for r in stories["results"]} == {"story"}


@pytest.mark.parametrize("query", BAD_QUERIES)
def test_bad_queries_in_the_api_are_a_200_or_a_400_with_a_detail(client, query):
    response = client.get("/api/v1/search/", {"q": query, "lang": "bg"})

    assert response.status_code in (200, 400)
    if response.status_code == 400:
        assert response.json()["detail"]
    else:
        assert isinstance(response.json()["results"], list)


@pytest.mark.parametrize(
    "parameters",
    [{}, {"q": "x", "kind": "poem"}, {"q": "x", "lang": "xx"}, {"q": "x", "sort": "new"}],
)
def test_missing_or_unknown_parameters_are_a_400(client, parameters):
    response = client.get("/api/v1/search/", parameters)

    assert response.status_code == 400
    assert response.json()["detail"]


def test_the_schema_describes_the_search(client):
    schema = client.get("/api/v1/schema/", {"format": "json"}).json()

    operation = schema["paths"]["/api/v1/search/"]["get"]
    assert {parameter["name"] for parameter in operation["parameters"]} >= {"q", "lang", "kind"}
    assert "200" in operation["responses"]


# --- The lists' search uses the same engine ---------------------------------------------


def test_the_lesson_list_and_the_api_lists_forgive_like_the_search(client):
    listed = soup_of(client.get("/bg/uroci/", {"q": "lekar"}))
    api = client.get("/api/v1/lessons/", {"search": "docter", "lang": "en"}).json()

    assert [a.get_text(strip=True) for a in listed.select(".lesson-list h3 a")] == [
        "При личния лекар"
    ]
    assert [lesson["title"] for lesson in api["results"]] == ["Going to the doctor"]


# --- Counts for the report ------------------------------------------------------------


def test_searches_and_opened_results_are_counted_per_day_without_anything_personal(client):
    client.get("/bg/search/", {"q": "Lekar"}, REMOTE_ADDR="203.0.113.9")
    client.get("/bg/search/", {"q": "lekar "})
    client.get("/bg/search/", {"q": "lekar", "page": 1})
    client.get("/api/v1/search/", {"q": "zzqxj", "lang": "bg"})
    opened = client.post("/bg/search/opened/?q=lekar")
    client.post("/bg/search/opened/?q=lekar")
    client.post("/bg/search/opened/?q=lekar")
    client.post("/bg/search/opened/?q=lekar")  # a fourth click: never more than searches
    made_up = client.post("/bg/search/opened/?q=nobody-searched")

    assert opened.status_code == 204 and made_up.status_code == 204
    rows = {
        row.query: (row.searches, row.empty, row.clicks)
        for row in SearchQueryDay.objects.filter(day=timezone.localdate(), language="bg")
    }
    assert rows == {"lekar": (3, 0, 3), "zzqxj": (1, 1, 0)}
    stored = [str(value) for row in SearchQueryDay.objects.values() for value in row.values()]
    assert not any("203.0.113.9" in value for value in stored)
    assert client.get("/bg/search/opened/?q=lekar").status_code == 405


def test_the_report_shows_what_found_nothing_and_what_nobody_opened(admin_client, client):
    client.get("/bg/search/", {"q": "zzqxj"})
    client.get("/bg/search/", {"q": "zzqxj"})
    client.get("/en/search/", {"q": "doctor"})

    response = admin_client.get("/admin/reports/searches/", {"days": 7})

    assert response.status_code == 200
    tables = soup_of(response).select("table.listing")
    nothing = [
        [cell.get_text() for cell in row.select("td")] for row in tables[0].select("tbody tr")
    ]
    unopened = [
        [cell.get_text() for cell in row.select("td")] for row in tables[1].select("tbody tr")
    ]
    assert nothing == [["zzqxj", "Български", "2"]]
    assert unopened == [["doctor", "English", "1", "0"]]
    assert admin_client.get("/admin/reports/searches/", {"days": 5}).status_code == 400


def test_old_counts_are_forgotten_by_the_daily_housekeeping(settings):
    today = timezone.localdate()
    old = today - datetime.timedelta(days=settings.SEARCH_REPORT_DAYS + 1)
    SearchQueryDay.objects.create(day=old, language="bg", query="старо", searches=1)
    SearchQueryDay.objects.create(day=today, language="bg", query="ново", searches=1)

    call_command("housekeeping", stdout=open("/dev/null", "w"))  # noqa: SIM115

    assert list(SearchQueryDay.objects.values_list("query", flat=True)) == ["ново"]
