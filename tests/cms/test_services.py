import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from django.db import transaction
from wagtail.models import Page
from wagtail_localize.models import Translation

from cms.factories import ContentPageFactory
from cms.models import ContentPage
from cms.translation import services

pytestmark = pytest.mark.django_db


def bg_home() -> Page:
    return Page.objects.get(depth=2, locale__language_code="bg")


def new_source_page() -> ContentPage:
    page = ContentPageFactory(
        parent=bg_home(), title="Транспорт", slug="transport", intro="Как се купува билет."
    )
    page.save_revision().publish()
    return page


def test_translate_from_catalog_publishes_and_keeps_source_text_where_the_catalog_is_silent():
    source = new_source_page()

    translated = services.translate_from_catalog(
        instance=source, language_code="en", catalog={"Транспорт": "Transport"}
    )

    assert translated.live
    assert (translated.title, translated.intro) == ("Transport", "Как се купува билет.")
    assert translated.get_parent().specific.locale.language_code == "en"
    translation = Translation.objects.get(
        source__object_id=source.translation_key, target_locale__language_code="en"
    )
    total, done = translation.get_progress()
    assert done < total  # the editor sees it still waits for translation


def test_translate_from_catalog_inside_a_transaction_keeps_the_tree_intact(
    client, django_capture_on_commit_callbacks
):
    # Whatever the caller does after translating, within the same transaction, must
    # survive the commit (wagtail-localize's own deferred publish would undo it).
    with django_capture_on_commit_callbacks(execute=True), transaction.atomic():
        source = new_source_page()
        uk_page = services.translate_from_catalog(
            instance=source, language_code="uk", catalog={"Транспорт": "Транспорт і квитки"}
        )
        ContentPageFactory(parent=uk_page, title="Квитки", slug="kvytky")

    uk_page.refresh_from_db()
    assert uk_page.live and uk_page.title == "Транспорт і квитки"
    assert list(uk_page.get_children().values_list("slug", flat=True)) == ["kvytky"]
    assert client.get("/uk/transport/kvytky/").status_code == 200


class PurgeRecorder(BaseHTTPRequestHandler):
    requests: list[tuple[str, str, str]] = []

    def do_PURGE(self):
        self.requests.append((self.command, self.headers["Host"], self.path))
        self.send_response(200)
        self.end_headers()

    def log_message(self, *args):
        pass


@pytest.fixture
def purge_server():
    PurgeRecorder.requests = []
    server = ThreadingHTTPServer(("127.0.0.1", 0), PurgeRecorder)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}", PurgeRecorder.requests
    server.shutdown()


def test_publishing_purges_the_page_from_the_cdn(
    settings, purge_server, django_capture_on_commit_callbacks
):
    location, received = purge_server
    settings.WAGTAILFRONTENDCACHE = {
        "cdn": {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
            "LOCATION": location,
        }
    }
    about = ContentPage.objects.get(locale__language_code="en")

    with django_capture_on_commit_callbacks(execute=True):
        about.save_revision().publish()

    assert ("PURGE", "testserver", "/en/about-the-platform/") in received
