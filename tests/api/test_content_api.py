"""The partner API's content endpoints (docs/api.md): languages and fallback chains,
translation statuses, filters, search, pagination, bad input, drafts and consent, caching."""

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Page

from campaigns.stories.models import ConsentRecord, StoryPage
from cms import languages
from cms.translation.services import translate_from_catalog
from learning.models import LessonPage

pytestmark = pytest.mark.django_db

LISTS = ["lessons", "courses", "topics", "stories", "campaigns", "videos", "organisations"]


@pytest.fixture(autouse=True)
def fresh_answers():
    cache.clear()  # answers are kept as bytes between requests; each test starts cold
    yield
    cache.clear()


def lesson(code: str, slug: str = "speshen-nomer-112") -> LessonPage:
    source = LessonPage.objects.get(locale__language_code="bg", slug=slug)
    return LessonPage.objects.get(
        translation_key=source.translation_key, locale__language_code=code
    )


def get(client, url, **headers):
    response = client.get(url, **headers)
    assert response["Content-Type"].startswith("application/json"), response.content[:200]
    return response


@pytest.mark.parametrize("endpoint", LISTS)
@pytest.mark.parametrize("code", ["bg", "en", "ar"])
def test_every_list_and_detail_answers_in_bulgarian_english_and_arabic(client, endpoint, code):
    response = get(client, f"/api/v1/{endpoint}/?lang={code}")

    assert response.status_code == 200
    body = response.json()
    assert body["count"] >= 1
    assert response["Content-Language"] == code
    first = body["results"][0]
    if endpoint != "videos":
        # Lessons exist in all three in the demo; stories and campaigns in bg and en, so
        # Arabic readers get English (ar → en → bg), marked.
        assert first["locale"] in [code, *languages.fallback_chain(code)]
        assert first["is_fallback"] is (first["locale"] != code)
        if endpoint in ("lessons", "courses", "topics"):
            assert first["locale"] == code
        statuses = {entry["locale"]: entry["status"] for entry in first["translations"]}
        assert statuses["bg"] == "source"
    detail = get(client, f"/api/v1/{endpoint}/{first['id']}/?lang={code}")
    assert detail.status_code == 200
    assert detail.json()["id"] == first["id"]


def test_arabic_lesson_detail_has_typed_blocks_with_sanitised_html_and_absolute_links(client):
    arabic = lesson("ar")

    body = get(client, f"/api/v1/lessons/{arabic.pk}/?lang=ar").json()

    assert body["title"] == arabic.title
    assert body["url"].startswith("http://testserver/ar/")
    blocks = body["body"]
    assert blocks and all(set(block) == {"type", "id", "value"} for block in blocks)
    text = next(block for block in blocks if block["type"] == "easy_text")
    assert text["value"].startswith("<")
    assert "<script" not in text["value"]
    assert {topic["locale"] for topic in body["topics"]} == {"ar"}


def test_a_missing_language_falls_back_through_its_chain_and_says_so(client):
    # Farsi's chain is en → bg; the demo has no Farsi lessons.
    body = get(client, "/api/v1/lessons/?lang=fa").json()

    assert body["count"] == LessonPage.objects.live().filter(locale__language_code="bg").count()
    assert {item["locale"] for item in body["results"]} == {"en"}
    assert all(item["is_fallback"] for item in body["results"])
    statuses = {entry["locale"]: entry["status"] for entry in body["results"][0]["translations"]}
    assert statuses["fa"] == "missing"


def test_fallback_goes_to_the_source_when_the_chain_has_nothing_else(client):
    lesson("en").unpublish()

    body = get(client, f"/api/v1/lessons/{lesson('bg').pk}/?lang=fa").json()

    assert (body["locale"], body["is_fallback"]) == ("bg", True)


def test_accept_language_chooses_when_lang_is_absent(client):
    response = get(client, "/api/v1/topics/", HTTP_ACCEPT_LANGUAGE="ar-EG,ar;q=0.9,en;q=0.5")

    assert response.json()["results"][0]["locale"] == "ar"
    assert "Accept-Language" in response["Vary"]


def test_translation_status_turns_outdated_when_the_source_is_republished_and_back_on_sync(
    client, django_capture_on_commit_callbacks
):
    source = lesson("bg")
    url = f"/api/v1/lessons/{lesson('en').pk}/?lang=en"

    def english_status():
        entries = get(client, url).json()["translations"]
        return next(entry["status"] for entry in entries if entry["locale"] == "en")

    assert english_status() == "up_to_date"
    source.summary = "Ново обяснение. То е кратко."
    with django_capture_on_commit_callbacks(execute=True):
        source.save_revision().publish()
    assert english_status() == "outdated"

    with django_capture_on_commit_callbacks(execute=True):
        translate_from_catalog(instance=source, language_code="en", catalog={})
    assert english_status() == "up_to_date"


def test_filters_search_ordering_and_pagination(client):
    health = get(client, "/api/v1/lessons/?lang=en&topic=health&ordering=title").json()
    assert [item["title"] for item in health["results"]] == [
        "Emergency number 112",
        "Going to the doctor",
    ]
    level = get(client, "/api/v1/lessons/?lang=en&level=B1").json()
    assert [item["level"] for item in level["results"]] == ["B1"]
    found = get(client, "/api/v1/lessons/?lang=en&search=doctor").json()
    assert [item["title"] for item in found["results"]] == ["Going to the doctor"]

    first = get(client, "/api/v1/lessons/?lang=en&page_size=3").json()
    second = get(client, first["next"].replace("http://testserver", "")).json()
    assert len(first["results"]) == 3 and first["previous"] is None
    assert second["previous"] and not {i["id"] for i in first["results"]} & {
        i["id"] for i in second["results"]
    }


def test_updated_since_leaves_out_older_content(client):
    newest = (
        LessonPage.objects.live().filter(locale__language_code="en").latest("last_published_at")
    )
    since = newest.last_published_at.isoformat()

    body = get(client, "/api/v1/lessons/?lang=en").json()
    assert body["count"] > 1
    filtered = client.get("/api/v1/lessons/", {"lang": "en", "updated_since": since}).json()
    assert [item["id"] for item in filtered["results"]] == [newest.pk]


@pytest.mark.parametrize("offset", ["+20:56", "-23:59", "Z"])
def test_updated_since_takes_any_iso_8601_offset(client, offset):
    # PostgreSQL refuses offsets beyond ±15:59; ISO 8601 allows them.
    response = client.get("/api/v1/lessons/", {"updated_since": f"2020-01-01T00:00:00{offset}"})

    assert response.status_code == 200
    assert response.json()["count"] >= 1


@pytest.mark.parametrize(
    ("query", "field"),
    [
        ("bogus=1", "query"),
        ("lang=xx", "lang"),
        ("level=C9", "level"),
        ("page=0", "page"),
        ("page=abc", "page"),
        ("page_size=101", "page_size"),
        ("updated_since=yesterday", "updated_since"),
        ("updated_since=", "updated_since"),
        ("ordering=price", "ordering"),
        ("search=" + "x" * 201, "search"),
    ],
)
def test_bad_query_parameters_are_a_400_with_a_detail(client, query, field):
    response = get(client, f"/api/v1/lessons/?{query}")

    assert response.status_code == 400
    assert response.json()["detail"]
    assert field in response.json()["errors"]


@pytest.mark.parametrize(
    "url",
    [
        "/api/v1/lessons/999999/",
        "/api/v1/lessons/abc/",
        "/api/v1/lessons/?page=99",
        "/api/v1/nothing/",
        "/api/v1/videos/999999/",
        "/api/v1/screens/%0A/plays/",  # a newline where an id should be
    ],
)
def test_unknown_objects_and_pages_are_a_json_404(client, url):
    response = get(client, url)

    assert response.status_code == 404
    assert response.json()["detail"]


def test_errors_are_never_kept_by_a_cdn(client):
    bad = get(client, "/api/v1/lessons/?lang=xx")
    missing = get(client, "/api/v1/lessons/999999/")

    assert (bad.status_code, bad["Cache-Control"]) == (400, "no-store")
    assert (missing.status_code, missing["Cache-Control"]) == (404, "no-store")


def test_videos_reject_bad_filters(client):
    assert get(client, "/api/v1/videos/?caption_language=xx").status_code == 400
    assert get(client, "/api/v1/videos/?campaign=abc").status_code == 400
    assert get(client, "/api/v1/videos/?campaign=0").json()["count"] == 0
    assert get(client, "/api/v1/videos/?colour=red").status_code == 400


def test_drafts_and_private_changes_never_appear(client, django_capture_on_commit_callbacks):
    english = lesson("en")
    published_title = english.title
    english.title = "Draft title nobody may see"
    english.save_revision()  # a draft on top of the live version
    draft_only = lesson("ar")
    with django_capture_on_commit_callbacks(execute=True):
        draft_only.unpublish()

    listing = get(client, "/api/v1/lessons/?lang=en&page_size=100").content.decode()
    assert "Draft title nobody may see" not in listing
    assert published_title in listing
    assert get(client, f"/api/v1/lessons/{draft_only.pk}/").status_code == 404
    arabic = get(client, f"/api/v1/lessons/{lesson('bg').pk}/?lang=ar").json()
    assert arabic["locale"] != "ar"  # the unpublished Arabic version is skipped
    statuses = {entry["locale"]: entry for entry in arabic["translations"]}
    assert statuses["ar"]["status"] == "missing" and statuses["ar"]["id"] is None


def test_stories_need_consent_for_partner_websites(client):
    listed = get(client, "/api/v1/stories/?lang=bg&page_size=100").json()
    assert listed["count"] >= 1
    story = StoryPage.objects.get(pk=listed["results"][0]["id"])
    record = ConsentRecord.objects.get(story__translation_key=story.translation_key)
    record.for_partners = False
    record.save()

    after = get(client, "/api/v1/stories/?lang=bg&page_size=100").json()
    assert story.pk not in {item["id"] for item in after["results"]}
    assert get(client, f"/api/v1/stories/{story.pk}/").status_code == 404


def test_answers_have_etag_and_last_modified_and_revalidate_with_304(client):
    first = get(client, "/api/v1/lessons/?lang=en")
    etag, modified = first["ETag"], first["Last-Modified"]
    assert etag.startswith('"') and modified
    assert "public" in first["Cache-Control"] and "max-age=" in first["Cache-Control"]

    by_etag = client.get("/api/v1/lessons/?lang=en", HTTP_IF_NONE_MATCH=etag)
    by_date = client.get("/api/v1/lessons/?lang=en", HTTP_IF_MODIFIED_SINCE=modified)
    other = client.get("/api/v1/lessons/?lang=ar", HTTP_IF_NONE_MATCH=etag)

    assert (by_etag.status_code, by_etag.content, by_etag["ETag"]) == (304, b"", etag)
    assert by_date.status_code == 304
    assert other.status_code == 200


def test_a_warm_answer_takes_no_query_and_publishing_changes_it(
    client, django_capture_on_commit_callbacks
):
    url = f"/api/v1/lessons/{lesson('en').pk}/?lang=en"
    before = get(client, url)
    with CaptureQueriesContext(connection) as queries:
        again = get(client, url)
    assert len(queries) == 0
    assert again.content == before.content

    english = lesson("en")
    english.title = "Emergency number 112 (updated)"
    with django_capture_on_commit_callbacks(execute=True):
        english.save_revision().publish()

    after = get(client, url)
    assert after.json()["title"] == "Emergency number 112 (updated)"
    assert after["ETag"] != before["ETag"]


def test_unrelated_requests_do_not_change_the_answer(client):
    url = "/api/v1/campaigns/?lang=en"
    before = get(client, url)
    client.get("/en/")  # readers reading pages change nothing
    assert get(client, url)["ETag"] == before["ETag"]


@pytest.mark.parametrize(
    "endpoint",
    ["lessons", "stories", "campaigns", "topics", "videos", "organisations", "photovoice"],
)
def test_queries_per_list_do_not_grow_with_the_page_size(client, endpoint):
    def count(size: int) -> int:
        cache.clear()
        with CaptureQueriesContext(connection) as queries:
            response = get(client, f"/api/v1/{endpoint}/?lang=ar&page_size={size}")
        assert response.status_code == 200
        assert len(response.json()["results"]) == min(size, response.json()["count"])
        return len(queries)

    count(100)  # an image's rendition is made once, on its first answer
    assert count(1) == count(100)


def test_locales_list_every_language_with_direction_and_chain(client):
    body = get(client, "/api/v1/locales/").json()

    by_code = {entry["code"]: entry for entry in body}
    assert list(by_code)[:7] == ["bg", "en", "ar", "fa", "uk", "ru", "tr"]
    assert by_code["ar"]["direction"] == "rtl"
    assert by_code["fa"]["fallback"] == ["en", "bg"]
    assert by_code["bg"]["is_source"] is True
    assert get(client, "/api/v1/locales/?x=1").status_code == 400


def test_unpublished_videos_leave_the_api(client):
    listed = get(client, "/api/v1/videos/").json()
    video_id = listed["results"][0]["id"]
    from campaigns.videos.models import Video

    video = Video.objects.get(pk=video_id)
    video.published = False
    video.save()

    assert get(client, f"/api/v1/videos/{video_id}/").status_code == 404
    ids = {item["id"] for item in get(client, "/api/v1/videos/?page_size=100").json()["results"]}
    assert video_id not in ids


def test_deleting_a_page_removes_it(client, django_capture_on_commit_callbacks):
    arabic = lesson("ar")
    assert get(client, f"/api/v1/lessons/{arabic.pk}/").status_code == 200
    with django_capture_on_commit_callbacks(execute=True):
        Page.objects.get(pk=arabic.pk).delete()
    assert get(client, f"/api/v1/lessons/{arabic.pk}/").status_code == 404
