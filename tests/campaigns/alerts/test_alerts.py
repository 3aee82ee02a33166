"""Alerts: one urgent message in every language. Machine drafts marked until a translator
confirms them; the banner on public pages in the reader's language (purged from the CDN at
once, never kept past a start or an end); each screen's playlist with its alerts, screen's
language first; partners' webhooks; the CAP 1.2 feed checked against the OASIS schema."""

from datetime import timedelta
from pathlib import Path
from xml.etree import ElementTree

import pytest
import xmlschema
from bs4 import BeautifulSoup
from django.core.management import call_command
from django.utils import timezone
from wagtail.models import Locale

from campaigns.alerts import selectors, services
from campaigns.alerts.models import Alert
from campaigns.partners.models import WebhookDelivery, WebhookEndpoint
from campaigns.screens.factories import ScreenFactory, ScreenGroupFactory
from campaigns.stories.models import Organisation
from cms import languages
from cms.translation.services import translate_from_catalog
from tests.campaigns.partners.test_webhooks import Receiver
from tests.campaigns.screens.test_api import fetch

pytestmark = pytest.mark.django_db

CAP_SCHEMA = Path(__file__).parents[2] / "data" / "CAP-v1.2.xsd"
CAP = "{urn:oasis:names:tc:emergency:cap:1.2}"
TITLE = "Наводнение в центъра"
TEXT = "Не слизайте в метрото. Следвайте указанията на полицията."


def publish_alert(capture, **fields) -> Alert:
    defaults = {
        "title": TITLE,
        "text": TEXT,
        "ends_at": timezone.now() + timedelta(hours=2),
        "locale": Locale.objects.get(language_code="bg"),
    }
    alert = Alert(**{**defaults, **fields})
    alert.save()
    with capture(execute=True):
        alert.save_revision().publish()
    alert.refresh_from_db()
    return alert


@pytest.fixture
def publish(django_capture_on_commit_callbacks):
    return lambda **fields: publish_alert(django_capture_on_commit_callbacks, **fields)


@pytest.fixture
def partner(django_capture_on_commit_callbacks):
    receiver = Receiver()
    organisation = Organisation.objects.filter(locale__language_code="bg").order_by("pk")[0]
    yield WebhookEndpoint.objects.create(organisation=organisation, url=f"{receiver.url}/hooks")
    receiver.stop()


def banner(client, path: str):
    page = BeautifulSoup(client.get(path).content, "html.parser")
    return page.select(".alert-banner")


def test_publishing_machine_drafts_every_language_marked_until_a_translator_confirms(publish):
    alert = publish()

    versions = {
        version.locale.language_code: version
        for version in Alert.objects.filter(translation_key=alert.translation_key, live=True)
    }
    assert set(versions) == set(languages.codes())
    shown = {item.language: item for item in selectors.alerts_for_screen_languages(alert)}
    assert not shown["bg"].machine_translated
    assert all(shown[code].machine_translated for code in languages.codes() if code != "bg")
    # The offline test translator reverses the words.
    assert shown["ar"].title == " ".join(reversed(TITLE.split()))

    translate_from_catalog(
        instance=alert,
        language_code="ar",
        catalog={TITLE: "فيضان في وسط المدينة", TEXT: "لا تنزلوا إلى المترو. اتبعوا الشرطة."},
    )
    shown = {item.language: item for item in selectors.alerts_for_screen_languages(alert)}
    assert shown["ar"].title == "فيضان في وسط المدينة"
    assert not shown["ar"].machine_translated
    assert shown["fa"].machine_translated


def test_the_banner_is_on_public_pages_in_the_readers_language(client, publish):
    alert = publish()
    translate_from_catalog(
        instance=alert, language_code="ar", catalog={TITLE: "فيضان في وسط المدينة", TEXT: "نص"}
    )

    (bulgarian,) = banner(client, "/bg/")
    assert TITLE in bulgarian.get_text() and not bulgarian.has_attr("lang")
    assert "Машинен превод" not in bulgarian.get_text()
    (arabic,) = banner(client, "/ar/lessons/")
    assert "فيضان في وسط المدينة" in arabic.get_text()
    assert not arabic.has_attr("lang")  # the page's own language (and direction)
    (farsi,) = banner(client, "/fa/")
    assert farsi.select(".alert-note")  # machine-made, and says so


def test_a_language_without_a_version_shows_the_fallback_marked(client, publish):
    publish(machine_drafts=False)

    (arabic,) = banner(client, "/ar/")
    assert TITLE in arabic.get_text()
    assert (arabic["lang"], arabic["dir"]) == ("bg", "ltr")
    assert arabic.select_one('.alert-note[lang="ar"]') is not None


def test_no_banner_before_the_start_after_the_end_or_when_not_on_the_website(client, publish):
    publish(starts_at=timezone.now() + timedelta(hours=1))
    publish(title="Само на екраните", on_website=False)
    assert banner(client, "/bg/") == []

    later = publish(
        title="Свършило",
        starts_at=timezone.now() - timedelta(hours=2),
        ends_at=timezone.now() + timedelta(seconds=1),
    )
    assert len(banner(client, "/en/")) == 1
    Alert.objects.filter(translation_key=later.translation_key).update(
        ends_at=timezone.now() - timedelta(seconds=1)
    )
    selectors.alert_version.changed()
    assert banner(client, "/en/") == []


def test_no_cache_keeps_a_page_past_an_alerts_start_or_end(client, publish, settings):
    settings.PAGE_CACHE_S_MAXAGE = 3600
    publish(ends_at=timezone.now() + timedelta(seconds=90))
    control = client.get("/en/about-the-platform/")["Cache-Control"]
    s_maxage = int(control.split("s-maxage=")[1].split(",")[0])
    assert 0 < s_maxage <= 90

    Alert.objects.all().delete()
    selectors.alert_version.changed()
    publish(starts_at=timezone.now() + timedelta(seconds=120))
    control = client.get("/en/lessons/")["Cache-Control"]
    assert 0 < int(control.split("s-maxage=")[1].split(",")[0]) <= 120


def test_publishing_and_ending_purge_every_language_from_the_cdn(
    publish, settings, django_capture_on_commit_callbacks
):
    cdn = Receiver()
    settings.WAGTAILFRONTENDCACHE = {
        "cdn": {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
            "LOCATION": cdn.url,
        }
    }
    try:
        alert = publish(ends_at=timezone.now() + timedelta(hours=1))
        prefixes = {
            request["path"]
            for request in cdn.requests
            if request["headers"].get("X-Purge-Prefix") == "1"
        }
        assert prefixes == {f"/{code}/" for code in languages.codes()}
        assert "/api/v1/alerts.cap" in {request["path"] for request in cdn.requests}

        cdn.requests.clear()
        Alert.objects.filter(translation_key=alert.translation_key).update(
            ends_at=timezone.now() - timedelta(seconds=1)
        )
        with django_capture_on_commit_callbacks(execute=True):
            assert len(services.announce_ended()) == 1
        assert {r["path"] for r in cdn.requests} >= {
            "/bg/",
            "/ar/",
            f"/api/v1/alerts/{alert.pk}.cap",
        }
    finally:
        cdn.stop()


def test_each_screen_gets_its_alerts_in_its_language_first(client, publish, settings):
    settings.SCREEN_PLAYLIST_REFRESH_SECONDS = 60
    settings.SCREEN_ALERT_REFRESH_SECONDS = 15
    metro = ScreenFactory(language="ar")
    tram = ScreenFactory(language="uk", group=ScreenGroupFactory(name="Трамвай"))

    _response, document = fetch_document(client, metro)
    assert document["alerts"] == [] and document["refresh_seconds"] == 60

    alert = publish(all_screens=False, ends_at=timezone.now() + timedelta(minutes=30))
    alert.groups.set([metro.group])
    alert.save()
    _response, document = fetch_document(client, metro)
    assert document["refresh_seconds"] == 15
    codes = [item["language"] for item in document["alerts"]]
    assert codes[0] == "ar" and sorted(codes) == sorted(languages.codes())
    first = document["alerts"][0]
    assert set(first) >= {"id", "severity", "title", "text", "language", "starts_at", "ends_at"}
    assert (first["id"], first["dir"], first["full_screen"]) == (alert.pk, "rtl", True)
    assert first["machine_translated"] is True

    _response, elsewhere = fetch_document(client, tram)
    assert elsewhere["alerts"] == [] and elsewhere["refresh_seconds"] == 60


def test_an_alert_an_hour_away_already_speeds_up_polling(client, publish, settings):
    settings.SCREEN_PLAYLIST_REFRESH_SECONDS = 60
    screen = ScreenFactory(language="bg")
    publish(starts_at=timezone.now() + timedelta(minutes=50))
    _response, document = fetch_document(client, screen)
    assert document["refresh_seconds"] == settings.SCREEN_ALERT_REFRESH_SECONDS
    assert document["alerts"][0]["language"] == "bg"  # the player shows it from its start

    Alert.objects.all().delete()
    publish(
        starts_at=timezone.now() + timedelta(hours=3), ends_at=timezone.now() + timedelta(hours=4)
    )
    _response, document = fetch_document(client, screen)
    assert document["refresh_seconds"] == 60 and len(document["alerts"]) == 7


def fetch_document(client, screen):
    return fetch(client, screen)


def test_partners_are_told_when_an_alert_is_published_and_once_when_it_ends(
    publish, partner, django_capture_on_commit_callbacks
):
    alert = publish()
    (published,) = WebhookDelivery.objects.filter(event="alert.published")
    body = published.payload["object"]
    assert (body["type"], body["id"], body["severity"]) == ("alert", alert.pk, "severe")
    assert {version["language"] for version in body["versions"]} == set(languages.codes())
    assert body["cap"].endswith(f"/api/v1/alerts/{alert.pk}.cap")

    Alert.objects.filter(translation_key=alert.translation_key).update(
        ends_at=timezone.now() - timedelta(seconds=1)
    )
    with django_capture_on_commit_callbacks(execute=True):
        call_command("every_minute")
        call_command("every_minute")
    assert WebhookDelivery.objects.filter(event="alert.ended").count() == 1


def test_unpublishing_ends_it_at_once(client, publish, partner, django_capture_on_commit_callbacks):
    alert = publish()
    assert banner(client, "/uk/")
    with django_capture_on_commit_callbacks(execute=True):
        alert.unpublish()
    assert banner(client, "/uk/") == []
    assert WebhookDelivery.objects.filter(event="alert.ended").count() == 1
    cancel = ElementTree.fromstring(client.get(f"/api/v1/alerts/{alert.pk}.cap").content)
    assert cancel.find(f"{CAP}msgType").text == "Cancel"
    xmlschema.XMLSchema(CAP_SCHEMA).validate(cancel)


def test_the_cap_feed_is_valid_cap_1_2_with_one_info_per_language(client, publish, settings):
    settings.ALERT_AREA = "София"
    schema = xmlschema.XMLSchema(CAP_SCHEMA)
    alert = publish(severity="extreme", category="Met")
    publish(
        title="Утре",
        starts_at=timezone.now() + timedelta(days=1),
        ends_at=timezone.now() + timedelta(days=2),
    )

    single = client.get(f"/api/v1/alerts/{alert.pk}.cap")
    assert single.status_code == 200 and single["Content-Type"].startswith("application/cap+xml")
    document = ElementTree.fromstring(single.content)
    schema.validate(document)
    infos = document.findall(f"{CAP}info")
    assert [info.find(f"{CAP}language").text for info in infos] == languages.codes()
    bulgarian = infos[0]
    assert bulgarian.find(f"{CAP}severity").text == "Extreme"
    assert bulgarian.find(f"{CAP}headline").text == TITLE
    assert bulgarian.find(f"{CAP}urgency").text == "Immediate"
    assert bulgarian.find(f"{CAP}area/{CAP}areaDesc").text == "София"

    feed = client.get("/api/v1/alerts.cap")
    assert feed.status_code == 200
    entries = ElementTree.fromstring(feed.content).findall("{http://www.w3.org/2005/Atom}entry")
    assert len(entries) == 2
    for entry in entries:
        schema.validate(entry.find("{http://www.w3.org/2005/Atom}content")[0])


def test_the_cap_addresses_answer_bad_requests_plainly(client, publish):
    draft = Alert.objects.create(
        title="Чернова",
        text="…",
        ends_at=timezone.now() + timedelta(hours=1),
        locale=Locale.objects.get(language_code="bg"),
    )
    assert client.get(f"/api/v1/alerts/{draft.pk}.cap").status_code == 404
    assert client.get("/api/v1/alerts/999999.cap").json()["detail"]
    assert client.get("/api/v1/alerts.cap?lang=bg").status_code == 400
    assert client.post("/api/v1/alerts.cap").status_code == 405


def test_an_alert_must_end_after_it_starts(english_editor):
    now = timezone.localtime()
    response = english_editor.post(
        "/admin/snippets/campaigns/alert/add/",
        {
            "title": "Wrong",
            "text": "Times",
            "severity": "severe",
            "category": "Safety",
            "starts_at": now.strftime("%Y-%m-%d %H:%M"),
            "ends_at": (now - timedelta(hours=1)).strftime("%Y-%m-%d %H:%M"),
            "all_screens": "on",
            "action-publish": "publish",
        },
    )
    assert response.status_code == 200
    assert "An alert must end after it starts." in response.content.decode()
    assert not Alert.objects.filter(title="Wrong").exists()


def test_a_scheduled_alert_purges_every_page_once_when_it_comes_into_force(
    publish, settings, django_capture_on_commit_callbacks
):
    cdn = Receiver()
    settings.WAGTAILFRONTENDCACHE = {
        "cdn": {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
            "LOCATION": cdn.url,
        }
    }
    try:
        alert = publish(starts_at=timezone.now() + timedelta(minutes=30))
        with django_capture_on_commit_callbacks(execute=True):
            assert services.announce_started() == []  # not yet
        cdn.requests.clear()
        Alert.objects.filter(translation_key=alert.translation_key).update(
            starts_at=timezone.now() - timedelta(seconds=1)
        )
        with django_capture_on_commit_callbacks(execute=True):
            call_command("announce_alerts")
            call_command("announce_alerts")
        prefixes = [r["path"] for r in cdn.requests if r["headers"].get("X-Purge-Prefix")]
        assert sorted(prefixes) == sorted(f"/{code}/" for code in languages.codes())
    finally:
        cdn.stop()


def test_an_alert_in_force_when_published_is_not_purged_again(
    publish, django_capture_on_commit_callbacks
):
    publish()
    with django_capture_on_commit_callbacks(execute=True):
        assert services.announce_started() == []
