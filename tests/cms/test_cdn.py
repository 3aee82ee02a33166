"""What a CDN and the origin may keep of the public pages (cms/cdn.py, docs/deployment.md):
Cache-Control per page type, nothing personal shared, and the origin's page cache that every
change of content forgets."""

import time
from datetime import timedelta
from types import SimpleNamespace
from urllib.parse import urlsplit

import pytest
from django.db import connection
from django.http import HttpResponse
from django.middleware.csrf import get_token
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from django_tasks_db.models import DBTaskResult
from wagtail.images import get_image_model
from wagtail.models import Page

from campaigns.stories import services
from campaigns.stories.models import ConsentRecord, StoryPage
from cms.cdn import PublicPageCacheMiddleware
from cms.demo import texts
from cms.models import ContentPage
from cms.polls.models import Poll
from cms.settings import environment as env
from cms.translation import services as translation_services
from learning.models import LessonPage, Topic
from tests.campaigns.partners.test_webhooks import Receiver, cdn_at, purged
from tests.cms.polls.test_polls import make_poll, soup_of
from tests.conftest import free_port

pytestmark = pytest.mark.django_db

PUBLIC_PAGES = {
    "home": "/en/",
    "content page": "/en/about-the-platform/",
    "lesson index": "/en/lessons/",
    "filtered lesson index": "/en/lessons/?level=A1",
    "lesson": "/en/lessons/keep-your-documents-safe/",
    "course": "/en/lessons/your-first-weeks-in-sofia/",
    "story index": "/en/stories/",
    "story": "/en/stories/olympic-dream/",
    "campaign index": "/en/campaigns/",
    "campaign": "/en/campaigns/world-refugee-month/",
    "data story": "/en/city-integration-audit/",
    "photovoice form and gallery": "/en/photovoice/",
    "photovoice theme": "/en/photovoice/?theme=education",
    "right to left": "/ar/lessons/",
    "fallback language": "/fa/stories/olympic-dream/",
    "sitemap": "/sitemap.xml",
    "unknown page": "/en/no-such-page/",
}


LESSON = "keep-your-documents-safe"


def directives(response) -> dict[str, str]:
    found = {}
    for part in response.get("Cache-Control", "").split(","):
        name, _, value = part.strip().partition("=")
        if name:
            found[name] = value
    return found


@pytest.mark.parametrize("path", PUBLIC_PAGES.values(), ids=PUBLIC_PAGES.keys())
def test_public_pages_are_shared_by_every_reader(client, path, settings):
    response = client.get(path)

    assert response.status_code in (200, 404)
    cache = directives(response)
    assert "public" in cache and "private" not in cache
    assert cache["max-age"] == str(settings.PAGE_CACHE_MAX_AGE)
    assert cache["s-maxage"] == str(settings.PAGE_CACHE_S_MAXAGE)
    assert cache["stale-while-revalidate"] == str(settings.PAGE_CACHE_STALE_WHILE_REVALIDATE)
    assert cache["stale-if-error"] == str(settings.PAGE_CACHE_STALE_IF_ERROR)
    assert not response.cookies
    vary = {part.strip().lower() for part in response.get("Vary", "").split(",")}
    assert not vary & {"cookie", "accept-language"}  # the language is in the address


def test_the_cache_times_are_settings(client, settings):
    settings.PAGE_CACHE_MAX_AGE, settings.PAGE_CACHE_S_MAXAGE = 5, 86400

    cache = directives(client.get("/en/lessons/"))

    assert cache["max-age"] == "5" and cache["s-maxage"] == "86400"


def test_the_language_chooser_is_each_readers_own(client):
    response = client.get("/", headers={"Accept-Language": "ar"})

    assert response.status_code == 302 and response["Location"] == "/ar/"
    assert "private" in directives(response)


def test_a_page_with_a_csrf_token_is_never_shared(rf, settings):
    settings.PAGE_CACHE_ORIGIN_SECONDS = 0

    def a_page_with_a_form(request):
        return HttpResponse(f'<input name="csrfmiddlewaretoken" value="{get_token(request)}">')

    response = PublicPageCacheMiddleware(a_page_with_a_form)(rf.get("/en/a-form/"))

    assert directives(response).keys() >= {"private", "no-store"}


def test_an_editors_pages_are_never_shared(client, admin_user):
    client.force_login(admin_user)

    response = client.get("/en/lessons/")

    assert directives(response).keys() >= {"private", "no-store"}


def test_answers_to_a_form_post_are_never_shared(client):
    lesson = LessonPage.objects.live().get(
        locale__language_code="en", slug="keep-your-documents-safe"
    )

    response = client.post(f"/en/quiz/{lesson.pk}/", {"question": "no-such-question"})

    assert response.status_code == 400
    assert directives(response).keys() >= {"private", "no-store"}


def test_views_that_choose_their_own_cache_control_keep_it(client):
    assert directives(client.get("/robots.txt")) == {"public": "", "max-age": "3600"}
    poll_page = client.get("/bg/").content.decode()
    assert directives(client.get("/api/v1/lessons/"))["public"] == ""
    assert poll_page  # the home page with its poll form is public (the test above)


# --- The origin's own page cache -------------------------------------------------------------


@pytest.fixture
def origin_cache(settings):
    settings.PAGE_CACHE_ORIGIN_SECONDS = 600


def queries_for(client, path: str, **headers) -> tuple[int, object]:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(path, headers=headers)
    return len(queries), response


def test_a_page_is_built_once_then_served_without_the_database(client, origin_cache):
    built, first = queries_for(client, "/en/lessons/")
    served, second = queries_for(client, "/en/lessons/")

    assert built > 0 and first.get("X-Origin-Cache") is None
    assert served == 0 and second["X-Origin-Cache"] == "hit"
    assert second.content == first.content
    assert second["Cache-Control"] == first["Cache-Control"]
    assert second.get("ETag") == first.get("ETag")  # the same bytes: a reader's 304 still works
    not_modified = client.get("/en/lessons/", headers={"If-None-Match": first["ETag"]})
    assert not_modified.status_code == 304


def test_each_address_and_query_is_kept_apart(client, origin_cache):
    client.get("/en/lessons/")

    assert queries_for(client, "/en/lessons/?level=B1")[0] > 0
    assert queries_for(client, "/bg/uroci/")[0] > 0


def test_publishing_a_change_is_seen_at_once(
    client, origin_cache, django_capture_on_commit_callbacks
):
    lesson = LessonPage.objects.live().get(
        locale__language_code="en", slug="keep-your-documents-safe"
    )
    path = lesson.url
    client.get(path)

    with django_capture_on_commit_callbacks(execute=True):
        lesson.title = "Keep your documents safe, always"
        lesson.save_revision().publish()

    response = client.get(path)
    assert response.get("X-Origin-Cache") is None
    assert "Keep your documents safe, always" in response.content.decode()


def test_a_snippet_shown_on_pages_is_seen_at_once(client, origin_cache):
    client.get("/en/lessons/")
    topic = Topic.objects.get(locale__language_code="en", slug="health")

    topic.name = "Health and doctors"
    topic.save()

    assert "Health and doctors" in client.get("/en/lessons/").content.decode()


def test_a_withdrawn_consent_takes_the_story_off_at_once(client, origin_cache):
    assert client.get("/en/stories/olympic-dream/").status_code == 200
    story = StoryPage.objects.get(locale__language_code="bg", slug="olimpiyska-mechta")

    services.withdraw_consent(record=ConsentRecord.objects.get(story=story))

    assert client.get("/en/stories/olympic-dream/").status_code == 404
    assert "Olympic" not in client.get("/en/stories/").content.decode()


def test_the_origin_says_how_long_it_has_kept_a_page(client, origin_cache, monkeypatch):
    client.get("/en/lessons/")
    later = time.time() + 25
    monkeypatch.setattr("cms.cdn.time", SimpleNamespace(time=lambda: later))

    response = client.get("/en/lessons/")

    assert response["X-Origin-Cache"] == "hit" and 25 <= int(response["Age"]) <= 27


def a_page_with_a_poll(*, closes_in: timedelta) -> tuple[str, str]:
    """The page's address, and a selector for the poll's section on it."""
    poll = make_poll(closes_at=timezone.now() + closes_in)
    page = ContentPage.objects.get(locale__language_code="bg", slug=texts.ABOUT_SLUG["bg"])
    page.body.append(("poll", {"poll": poll}))
    page.save_revision().publish()
    return page.url, f"section#poll-{poll.translation_key}"


def test_no_cache_keeps_a_poll_form_past_the_polls_closing_time(client):
    path, _ = a_page_with_a_poll(closes_in=timedelta(seconds=90))

    cache = directives(client.get(path))

    assert 85 <= int(cache["s-maxage"]) <= 90 and int(cache["max-age"]) <= 60
    assert directives(client.get("/bg/"))["s-maxage"] == "3600"  # other pages keep theirs


def test_the_origin_shows_the_results_once_a_poll_closes_by_its_time(client, origin_cache):
    path, poll = a_page_with_a_poll(closes_in=timedelta(seconds=2))
    assert soup_of(client.get(path)).select_one(poll).select("form")

    time.sleep(2.1)  # no event purges a poll that closes by its time: the cache must expire
    section = soup_of(client.get(path)).select_one(poll)

    assert section is not None and not section.select("form")
    assert directives(client.get(path))["s-maxage"] == "3600"  # closed: nothing changes now


def test_a_deleted_page_is_gone_at_once(client, origin_cache):
    page = Page.objects.get(locale__language_code="en", slug="about-the-platform")
    assert client.get("/en/about-the-platform/").status_code == 200

    page.delete()

    assert client.get("/en/about-the-platform/").status_code == 404


def test_editors_are_never_served_from_the_cache(client, origin_cache, admin_user):
    client.get("/en/lessons/")
    client.force_login(admin_user)

    built, response = queries_for(client, "/en/lessons/")

    assert built > 0 and response.get("X-Origin-Cache") is None


def test_pages_are_served_uncached_while_the_cache_is_down(
    client, origin_cache, settings, monkeypatch
):
    # The production cache settings (cms.settings.environment), with nothing listening.
    monkeypatch.setenv("REDIS_URL", f"redis://127.0.0.1:{free_port()}/0")
    settings.CACHES = {"default": env.get_cache(key_prefix="down")}

    for _ in range(2):
        response = client.get("/en/lessons/")
        assert response.status_code == 200 and response.get("X-Origin-Cache") is None


# --- Purging the CDN ---------------------------------------------------------------------------

LANGUAGES = ["bg", "en", "ar", "fa", "uk", "ru", "tr"]


@pytest.fixture
def cdn(settings):
    server = Receiver()
    settings.WAGTAILFRONTENDCACHE = cdn_at(server)
    yield server
    server.stop()


def everywhere(path_after_prefix: str) -> set[str]:
    return {f"/{code}/{path_after_prefix}" for code in LANGUAGES}


def test_publishing_purges_every_address_that_shows_the_page_once_committed(
    cdn, django_capture_on_commit_callbacks
):
    lesson = LessonPage.objects.live().get(locale__language_code="en", slug=LESSON)

    with django_capture_on_commit_callbacks(execute=False) as after_commit:
        lesson.save_revision().publish()
        assert purged(cdn) == set()  # nothing before the commit: the CDN would keep the old
    for callback in after_commit:
        callback()

    addresses = purged(cdn)
    assert everywhere("lessons/keep-your-documents-safe/") <= addresses  # fallbacks too
    assert everywhere("uroci/pazete-dokumentite-si/") <= addresses  # the source's slugs
    assert everywhere("lessons/") <= addresses  # the index lists it
    assert everywhere("lessons/your-first-weeks-in-sofia/") <= addresses  # the course has it
    assert {"/sitemap.xml", "/sitemap-pages-bg.xml", "/sitemap-pages-en.xml"} <= addresses
    assert "/api/v1/lessons/" in addresses
    assert len(cdn.requests) == len(addresses)  # each address once


def test_a_withdrawn_consent_purges_the_story_its_index_and_the_campaign_that_tells_it(
    cdn, django_capture_on_commit_callbacks
):
    story = StoryPage.objects.get(locale__language_code="bg", slug="olimpiyska-mechta")

    with django_capture_on_commit_callbacks(execute=True):
        services.withdraw_consent(record=ConsentRecord.objects.get(story=story))

    addresses = purged(cdn)
    assert everywhere("stories/olympic-dream/") <= addresses
    assert everywhere("stories/") <= addresses
    assert everywhere("campaigns/world-refugee-month/") <= addresses
    assert "/api/v1/stories/" in addresses


def test_moving_a_page_purges_its_old_and_new_addresses(cdn, django_capture_on_commit_callbacks):
    about = Page.objects.get(locale__language_code="en", slug="about-the-platform")
    new_parent = Page.objects.get(locale__language_code="en", slug="lessons")

    with django_capture_on_commit_callbacks(execute=True):
        about.move(new_parent, pos="last-child")

    addresses = purged(cdn)
    assert "/en/about-the-platform/" in addresses
    assert "/en/lessons/about-the-platform/" in addresses


def test_a_video_change_purges_the_pages_that_show_it(cdn, django_capture_on_commit_callbacks):
    campaign = Page.objects.get(locale__language_code="en", slug="world-refugee-month").specific
    [video] = [block.value for block in campaign.videos if block.block_type == "library_video"][:1]

    with django_capture_on_commit_callbacks(execute=True):
        video.title = "A new title"
        video.save()

    addresses = purged(cdn)
    assert everywhere("campaigns/world-refugee-month/") <= addresses
    assert everywhere("campaigns/") <= addresses
    assert "/api/v1/videos/" in addresses


def test_a_topic_change_purges_its_lessons_and_their_index(cdn, django_capture_on_commit_callbacks):
    topic = Topic.objects.get(locale__language_code="bg", slug="documents")

    with django_capture_on_commit_callbacks(execute=True):
        topic.description = "Changed."
        topic.save()

    addresses = purged(cdn)
    assert everywhere("lessons/keep-your-documents-safe/") <= addresses
    assert everywhere("lessons/") <= addresses


def test_a_caption_change_purges_the_pages_that_show_its_video(
    cdn, django_capture_on_commit_callbacks
):
    campaign = Page.objects.get(locale__language_code="en", slug="world-refugee-month").specific
    [video] = [block.value for block in campaign.videos if block.block_type == "library_video"][:1]
    caption = video.captions.first()

    with django_capture_on_commit_callbacks(execute=True):
        caption.language = "tr" if caption.language != "tr" else "ru"
        caption.save()

    addresses = purged(cdn)
    assert everywhere("campaigns/world-refugee-month/") <= addresses
    assert "/api/v1/videos/" in addresses


def test_closing_a_poll_purges_the_pages_that_show_it(
    client, cdn, django_capture_on_commit_callbacks
):
    poll = Poll.objects.get(locale__language_code="bg", question=texts.POLL_QUESTION["bg"])
    assert f"poll-{poll.translation_key}" in client.get("/bg/").content.decode()

    with django_capture_on_commit_callbacks(execute=True):
        poll.is_open = False
        poll.save()

    assert everywhere("") <= purged(cdn)  # the home page, which shows it, in every language


def test_deleting_a_page_purges_it_in_every_language(cdn, django_capture_on_commit_callbacks):
    page = Page.objects.get(locale__language_code="en", slug="about-the-platform")

    with django_capture_on_commit_callbacks(execute=True):
        page.delete()

    assert everywhere("about-the-platform/") <= purged(cdn)


def test_a_translation_published_by_a_sync_purges_its_addresses(
    cdn, django_capture_on_commit_callbacks
):
    source = LessonPage.objects.get(locale__language_code="bg", slug="pazete-dokumentite-si")

    with django_capture_on_commit_callbacks(execute=True):
        translation_services.translate_from_catalog(
            instance=source, language_code="tr", catalog={source.title: "Belgelerinizi koruyun"}
        )

    addresses = purged(cdn)
    assert everywhere("uroci/pazete-dokumentite-si/") <= addresses
    assert "/api/v1/lessons/" in addresses


def test_a_deleted_image_leaves_the_cdn_with_its_renditions(
    cdn, client, django_capture_on_commit_callbacks
):
    image = get_image_model().objects.order_by("pk").first()
    rendition = image.get_rendition("max-100x100")
    files = {image.file.url, rendition.file.url}

    with django_capture_on_commit_callbacks(execute=True):
        image.delete()

    assert files <= purged(cdn)


def test_a_cdn_that_fails_never_fails_a_publish(settings, django_capture_on_commit_callbacks):
    settings.WAGTAILFRONTENDCACHE = cdn_at(
        type("Gone", (), {"url": f"http://127.0.0.1:{free_port()}"})
    )
    lesson = LessonPage.objects.live().get(locale__language_code="en", slug=LESSON)

    with django_capture_on_commit_callbacks(execute=True):
        lesson.save_revision().publish()

    assert LessonPage.objects.get(pk=lesson.pk).live


def address(url: str) -> str:
    """A purged URL as the CDN sees it: its path and query."""
    parts = urlsplit(url)
    return parts.path + (f"?{parts.query}" if parts.query else "")


def queued_purge_retries() -> list[DBTaskResult]:
    return list(
        DBTaskResult.objects.filter(
            backend_name="webhooks", task_path="cms.api.purge.retry_cdn_purge", status="READY"
        ).order_by("enqueued_at")
    )


def run_due_purge_retries(django_capture_on_commit_callbacks) -> None:
    """What `manage.py db_worker --backend webhooks` does with each purge retry, due or not."""
    while queued := queued_purge_retries():
        row = queued[0]
        row.claim("test-worker")
        with django_capture_on_commit_callbacks(execute=True):
            value = row.task.call(*row.task_result.args, **row.task_result.kwargs)
        row.set_successful(value)


def test_purges_a_cdn_missed_while_down_are_sent_again_later(
    settings, django_capture_on_commit_callbacks
):
    port = free_port()
    settings.WAGTAILFRONTENDCACHE = cdn_at(type("Down", (), {"url": f"http://127.0.0.1:{port}"}))
    lesson = LessonPage.objects.live().get(locale__language_code="en", slug=LESSON)
    before = timezone.now()

    with django_capture_on_commit_callbacks(execute=True):
        lesson.save_revision().publish()

    [retry] = queued_purge_retries()
    urls, attempt = retry.task_result.args
    assert attempt == 1 and retry.run_after >= before + timedelta(seconds=30)
    assert {urlsplit(url).path for url in urls} >= everywhere("lessons/keep-your-documents-safe/")
    back = Receiver()
    try:
        settings.WAGTAILFRONTENDCACHE = cdn_at(back)
        run_due_purge_retries(django_capture_on_commit_callbacks)
        assert purged(back) == {address(url) for url in urls}
        assert queued_purge_retries() == []
    finally:
        back.stop()


def test_only_the_addresses_a_cdn_refused_are_sent_again(
    settings, django_capture_on_commit_callbacks
):
    refusing = Receiver(statuses=[200, 503, 200])
    settings.WAGTAILFRONTENDCACHE = cdn_at(refusing)
    lesson = LessonPage.objects.live().get(locale__language_code="en", slug=LESSON)
    try:
        with django_capture_on_commit_callbacks(execute=True):
            lesson.save_revision().publish()
        [retry] = queued_purge_retries()
        refused = refusing.requests[1]["path"]
        assert [address(url) for url in retry.task_result.args[0]] == [refused]
    finally:
        refusing.stop()


def test_a_cdn_down_for_good_is_given_up_with_an_error(
    settings, django_capture_on_commit_callbacks, caplog
):
    settings.CDN_PURGE_RETRY_DELAYS_SECONDS = [1, 2]
    settings.WAGTAILFRONTENDCACHE = cdn_at(
        type("Down", (), {"url": f"http://127.0.0.1:{free_port()}"})
    )
    lesson = LessonPage.objects.live().get(locale__language_code="en", slug=LESSON)

    with django_capture_on_commit_callbacks(execute=True):
        lesson.save_revision().publish()
    run_due_purge_retries(django_capture_on_commit_callbacks)

    assert DBTaskResult.objects.filter(task_path="cms.api.purge.retry_cdn_purge").count() == 2
    assert queued_purge_retries() == []
    assert "cdn purge: gave up on" in caplog.text and "after 2 retries" in caplog.text
