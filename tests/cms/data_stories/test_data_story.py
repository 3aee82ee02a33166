"""Data story pages: the city integration audit demo in Bulgarian and English, its figures,
charts, sources and EU disclaimer; right-to-left fallback; the admin form."""

from io import StringIO

import pytest
from bs4 import BeautifulSoup
from django.core.management import call_command
from wagtail.models import Page, Revision
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield
from wagtail_localize.models import Translation

from cms.data_stories.models import DataStoryPage

pytestmark = pytest.mark.django_db

BG_URL = "/bg/gradski-integratsionen-odit/"
EN_URL = "/en/city-integration-audit/"


def soup_of(response) -> BeautifulSoup:
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


def figures(soup: BeautifulSoup) -> list[str]:
    return [" ".join(p.get_text().split()) for p in soup.select(".statistic-value")]


def test_the_bulgarian_story_shows_the_audit_figures_sources_and_disclaimer(client):
    soup = soup_of(client.get(BG_URL))

    assert soup.h1.get_text() == "Градски интеграционен одит на София"
    assert figures(soup) == ["1,3 милиона", "2,5%", "12 916", "5%"]  # grouped as in print
    assert "2016/2017" in soup.get_text()
    charts = {svg.find("title").get_text(): svg for svg in soup.select("svg.chart-svg")}
    threat = charts["Колко жители свързват думата „заплаха“ с чужденец"]
    assert threat["data-chart-type"] == "line"
    assert [t.get_text() for t in threat.select("text.chart-value")] == ["5,1", "6,5"]
    students = charts["Магистри и докторанти: всички и чужденци"]
    assert [t.get_text() for t in students.select("text.chart-value")] == [
        *["6\xa0500", "6\xa0738", "3\xa0998"],
        *["2\xa0002", "503", "302"],
    ]
    assert charts["Жителите на София по гражданство"]["data-chart-type"] == "pie"
    assert "Ограничени данни" in soup.get_text()  # the three levels of hate-crime data
    sources = [li.get_text(strip=True) for li in soup.select(".data-story-sources li")]
    assert sources[0] == "Градски интеграционен одит за София"
    assert any("Отворено общество" in source for source in sources)
    assert any("Министерство на вътрешните работи" in source for source in sources)
    assert "Европейската комисия не отговаря" in soup.select_one(".funding-disclaimer").get_text()


def test_the_story_is_the_same_bytes_on_every_rendering_with_an_id_per_chart(client):
    first, second = client.get(BG_URL), client.get(BG_URL)

    assert first.content == second.content  # so its ETag holds and a repeat visit gets a 304
    ids = [svg["aria-labelledby"] for svg in soup_of(first).select("svg.chart-svg")]
    assert len(ids) > 1 and len(set(ids)) == len(ids)
    revisit = client.get(BG_URL, HTTP_IF_NONE_MATCH=first["ETag"])
    assert revisit.status_code == 304


def test_the_english_story_has_english_numbers_and_links_to_its_parts(client):
    soup = soup_of(client.get(EN_URL))

    assert soup.h1.get_text() == "City integration audit of Sofia"
    assert figures(soup) == ["1.3 million", "2.5%", "12,916", "5%"]
    rows = [
        [cell.get_text(strip=True) for cell in row.find_all(["th", "td"])]
        for row in soup.select("table.chart-table tbody tr")
    ]
    assert ["Doctoral students in Sofia", "3,998", "302"] in rows
    assert ["2016", "6.5"] in rows
    assert "The European Commission cannot be held responsible" in soup.get_text()
    parts = {a.get_text(): a["href"] for a in soup.select(".data-story-parts a")}
    assert parts == {
        "Integration lab": "/en/city-integration-audit/integration-lab/",
        "City Integration Agenda": "/en/city-integration-audit/city-integration-agenda/",
    }
    # The audit's attitudes question ends the story, for readers to answer.
    poll = soup.select_one("form[action*='/polls/']")
    assert poll is not None and "Which view of economic migrants" in soup.get_text()
    lab = soup_of(client.get(parts["Integration lab"]))
    assert "urban development" in lab.get_text()
    assert not soup.select(".fallback-notice")


def test_an_arabic_reader_gets_the_english_story_marked_as_a_fallback_in_an_rtl_page(client):
    soup = soup_of(client.get("/ar/city-integration-audit/"))

    assert soup.html["lang"] == "ar" and soup.html["dir"] == "rtl"
    assert soup.select_one(".fallback-notice")
    article = soup.select_one("article.data-story")
    assert (article["lang"], article["dir"]) == ("en", "ltr")
    assert figures(soup)[0] == "1.3 million"


@pytest.mark.parametrize(
    "slug",
    [
        "gradski-integratsionen-odit",
        "integratsionna-laboratoria",
        "gradska-programa-za-integratsia",
    ],
)
def test_every_string_of_the_english_translation_is_translated(slug):
    source = DataStoryPage.objects.get(slug=slug, locale__language_code="bg")
    translation = Translation.objects.get(
        source__object_id=source.translation_key, target_locale__language_code="en"
    )

    total, translated = translation.get_progress()
    assert total == translated, f"{translated}/{total}"


def test_loading_the_demo_again_keeps_the_story_as_it_is():
    counts = (Page.objects.count(), Revision.objects.count(), Translation.objects.count())
    out = StringIO()

    call_command("load_demo_content", stdout=out)

    assert (Page.objects.count(), Revision.objects.count(), Translation.objects.count()) == counts
    assert "Data story: exists (“Градски интеграционен одит на София”)" in out.getvalue()
    assert DataStoryPage.objects.filter(locale__language_code="bg").count() == 3
    assert DataStoryPage.objects.filter(locale__language_code="en").count() == 3


def chart_form(values: list[str], chart_type: str = "bar") -> dict:
    def listed(items):
        return {
            "count": str(len(items)),
            **{
                str(i): {"value": item, "id": "", "deleted": "", "order": str(i)}
                for i, item in enumerate(items)
            },
        }

    return {
        "title": "Чуждестранни студенти",
        "description": "Броят расте.",
        "chart_type": chart_type,
        "unit": "",
        "labels": listed(["2016", "2017"]),
        "series": listed([{"label": "Студенти", "values": listed(values)}]),
        "year": "",
        "source": "НСИ",
        "source_url": "",
    }


def story_form(body: list) -> dict:
    return nested_form_data(
        {
            "action-publish": "action-publish",
            "title": "Студентите в България",
            "slug": "studentite",
            "intro": "Кратко въведение.",
            "body": streamfield(body),
            "sources": streamfield([("source", {"title": "НСИ", "url": ""})]),
            "funding_disclaimer": "",
        }
    )


def bg_home() -> Page:
    return Page.objects.get(depth=2, locale__language_code="bg")


def test_an_editor_publishes_a_story_with_a_chart_and_a_statistic(english_editor, client):
    body = [
        ("rich_text", rich_text("<p>Текст.</p>")),
        ("chart", chart_form(["12000", "12916"])),
        (
            "statistic",
            {
                "value": "12916",
                "unit": "",
                "label": "чуждестранни студенти",
                "year": "2016/2017",
                "source": "НСИ",
                "source_url": "",
            },
        ),
    ]

    response = english_editor.post(
        f"/admin/pages/add/cms/datastorypage/{bg_home().pk}/", story_form(body)
    )

    assert response.status_code == 302
    page = DataStoryPage.objects.get(slug="studentite")
    assert page.live
    chart = page.body[1].value
    assert [str(v) for v in chart["series"][0]["values"]] == ["12000", "12916"]
    soup = soup_of(client.get(page.url))
    assert [t.get_text() for t in soup.select("text.chart-value")] == ["12\xa0000", "12\xa0916"]


def test_a_chart_with_a_missing_value_is_refused_with_a_message(english_editor):
    before = DataStoryPage.objects.count()

    response = english_editor.post(
        f"/admin/pages/add/cms/datastorypage/{bg_home().pk}/",
        story_form([("chart", chart_form(["12916"]))]),
    )

    assert response.status_code == 200
    html = response.content.decode()
    assert "The page could not be created due to validation errors" in html
    assert "has 1 value but there are 2 labels" in html
    assert DataStoryPage.objects.count() == before


def test_a_pie_of_zeros_is_refused_with_a_message(english_editor):
    response = english_editor.post(
        f"/admin/pages/add/cms/datastorypage/{bg_home().pk}/",
        story_form([("chart", chart_form(["0", "0"], chart_type="pie"))]),
    )

    assert response.status_code == 200
    assert "A pie needs at least one number above zero" in response.content.decode()
