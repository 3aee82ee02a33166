"""Partner keys: created in the admin and shown once, sent in X-Partner-Key (never in the
address), revocable; anonymous readers and partners get their own rate limits; browsers on
partners' sites (their keys' origins) may read /api/v1/ (CORS).

The content endpoints are the lead's: these tests mount a tiny DRF view that uses the
project's default authentication and throttles, as every content view does."""

import uuid

import pytest
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import path, reverse
from rest_framework.response import Response
from rest_framework.views import APIView

from campaigns.partners import services
from campaigns.partners.models import PartnerKey, normalise_origin, parse_origins
from campaigns.partners.selectors import PARTNER_ORIGINS_CACHE_KEY
from campaigns.stories.models import Organisation
from cms.urls import urlpatterns as project_urls
from tests.conftest import free_port

pytestmark = [pytest.mark.django_db, pytest.mark.urls(__name__)]


class Probe(APIView):
    """Says who is asking, through the project's default authentication and throttles."""

    def get(self, request):
        partner_key = request.auth
        return Response({"partner": partner_key.organisation.name if partner_key else None})


urlpatterns = [
    path("api/v1/probe/", Probe.as_view()),
    path("elsewhere/probe/", Probe.as_view()),
    *project_urls,
]

PROBE = "/api/v1/probe/"
PARTNER_SITE = "https://partner.example.org"


@pytest.fixture(autouse=True)
def fresh_origins():
    cache.delete(PARTNER_ORIGINS_CACHE_KEY)
    yield
    cache.delete(PARTNER_ORIGINS_CACHE_KEY)


@pytest.fixture
def organisation():
    return Organisation.objects.filter(locale__language_code="bg").order_by("pk").first()


@pytest.fixture
def partner(organisation):
    """(PartnerKey, the key itself)."""
    return services.create_partner_key(
        organisation=organisation, name="Website", allowed_origins=PARTNER_SITE
    )


def an_address() -> str:
    """A reader's address of its own: rate limits counted in the shared cache (Redis in CI)
    by an earlier test or run never reach this test."""
    return f"10.{uuid.uuid4().int % 250}.{uuid.uuid4().int % 250}.{uuid.uuid4().int % 250}"


# --- Keys -----------------------------------------------------------------------------------


def test_a_key_created_in_the_admin_is_shown_once_and_works(english_editor, organisation):
    response = english_editor.post(
        reverse("wagtailsnippets_campaigns_partnerkey:add"),
        {
            "organisation": organisation.pk,
            "name": "Caritas website",
            "allowed_origins": "HTTPS://www.Caritas.example:443/\n\nhttp://localhost:8080",
        },
    )

    assert response.status_code == 200
    key = response.context["key"]
    assert key.startswith("pk_") and key in response.content.decode()
    partner_key = PartnerKey.objects.get(name="Caritas website")
    assert partner_key.origins == ["https://www.caritas.example", "http://localhost:8080"]
    assert key not in partner_key.key_hash and key.startswith(partner_key.prefix)
    listing = english_editor.get(reverse("wagtailsnippets_campaigns_partnerkey:list"))
    assert partner_key.prefix in listing.content.decode()
    assert reverse("partner_key:revoke", args=[partner_key.pk]) in listing.content.decode()
    edit = english_editor.get(
        reverse("wagtailsnippets_campaigns_partnerkey:edit", args=[partner_key.pk])
    )
    assert edit.status_code == 200
    for page in (listing, edit, english_editor.get("/admin/")):
        assert key not in page.content.decode()

    answer = english_editor.get(PROBE, headers={"X-Partner-Key": key})
    assert answer.status_code == 200
    assert answer.json() == {"partner": organisation.name}


def test_without_a_key_the_reader_is_anonymous(client):
    response = client.get(PROBE)

    assert response.status_code == 200
    assert response.json() == {"partner": None}


@pytest.mark.parametrize("key", ["pk_unknown", "", "x" * 500])
def test_an_unknown_key_is_refused_with_401(client, partner, key):
    response = client.get(PROBE, headers={"X-Partner-Key": key})

    assert response.status_code == 401
    assert response.json() == {"detail": "This partner key is not valid."}
    assert "X-Partner-Key" in response["WWW-Authenticate"]


def test_a_revoked_key_is_refused_with_401(client, english_editor, partner):
    partner_key, key = partner
    assert client.get(PROBE, headers={"X-Partner-Key": key}).status_code == 200
    confirm = english_editor.get(reverse("partner_key:revoke", args=[partner_key.pk]))
    assert "Revoke the key" in confirm.content.decode()

    english_editor.post(reverse("partner_key:revoke", args=[partner_key.pk]))

    partner_key.refresh_from_db()
    assert partner_key.revoked_at is not None
    response = client.get(PROBE, headers={"X-Partner-Key": key})
    assert response.status_code == 401
    assert response.json() == {"detail": "This partner key was revoked."}
    assert response["WWW-Authenticate"]


@pytest.mark.parametrize("query", ["key=pk_abc", "api_key=pk_abc", "lang=en&API_KEY=x"])
def test_a_key_in_the_address_is_refused_with_400(client, partner, query):
    _, key = partner

    for headers in ({}, {"X-Partner-Key": key}):
        response = client.get(f"{PROBE}?{query}", headers=headers)

        assert response.status_code == 400
        assert "X-Partner-Key header" in response.json()["detail"]


def test_last_use_is_written_at_most_once_a_minute(client, partner):
    partner_key, key = partner
    assert partner_key.last_used_at is None

    def updates() -> list[str]:
        with CaptureQueriesContext(connection) as queries:
            assert client.get(PROBE, headers={"X-Partner-Key": key}).status_code == 200
        return [q["sql"] for q in queries if q["sql"].startswith("UPDATE")]

    assert len(updates()) == 1
    partner_key.refresh_from_db()
    first_use = partner_key.last_used_at
    assert first_use is not None
    assert updates() == [] and updates() == []
    partner_key.refresh_from_db()
    assert partner_key.last_used_at == first_use


# --- Rate limits ----------------------------------------------------------------------------


def test_partners_get_a_higher_rate_than_anonymous_readers(client, partner, settings):
    settings.API_READER_RATE = "2/min"
    settings.API_PARTNER_RATE = "4/min"
    partner_key, key = partner
    address = an_address()
    cache.delete_many([f"throttle_api_reader_{address}", f"throttle_api_partner_{partner_key.pk}"])

    readers = [client.get(PROBE, REMOTE_ADDR=address).status_code for _ in range(3)]
    partners = [
        client.get(PROBE, REMOTE_ADDR=address, headers={"X-Partner-Key": key}).status_code
        for _ in range(5)
    ]

    assert readers == [200, 200, 429]
    # The same address, but counted per key: the readers' limit does not apply.
    assert partners == [200, 200, 200, 200, 429]
    throttled = client.get(PROBE, REMOTE_ADDR=address)
    assert throttled.status_code == 429
    assert throttled["Content-Type"] == "application/json"
    assert 0 < int(throttled["Retry-After"]) <= 60
    assert "throttled" in throttled.json()["detail"]


def test_readers_are_counted_per_address(client, settings):
    settings.API_READER_RATE = "1/min"
    first, second = an_address(), an_address()

    assert client.get(PROBE, REMOTE_ADDR=first).status_code == 200
    assert client.get(PROBE, REMOTE_ADDR=first).status_code == 429
    assert client.get(PROBE, REMOTE_ADDR=second).status_code == 200


def test_a_forged_forwarded_for_does_not_escape_the_limit(client, settings):
    settings.API_READER_RATE = "1/min"
    attacker = an_address()  # straight to gunicorn, not through the CDN

    answers = [
        client.get(PROBE, REMOTE_ADDR=attacker, HTTP_X_FORWARDED_FOR=an_address()).status_code
        for _ in range(3)
    ]

    assert answers == [200, 429, 429]


def test_readers_behind_a_trusted_proxy_are_counted_by_their_own_address(client, settings):
    settings.API_READER_RATE = "1/min"
    settings.TRUSTED_PROXIES = ["10.0.0.0/8", "::1"]
    proxy, reader, other = an_address(), an_address(), an_address()

    def through_proxy(address: str) -> int:
        return client.get(PROBE, REMOTE_ADDR=proxy, HTTP_X_FORWARDED_FOR=address).status_code

    assert [through_proxy(reader), through_proxy(reader), through_proxy(other)] == [200, 429, 200]


# --- CORS -----------------------------------------------------------------------------------


def preflight(client, origin: str, url: str = PROBE):
    return client.options(
        url,
        headers={
            "Origin": origin,
            "Access-Control-Request-Method": "GET",
            "Access-Control-Request-Headers": "x-partner-key",
        },
    )


def test_a_partner_site_may_call_the_api_from_the_browser(client, organisation):
    # Asked once before the key exists: the cached origins must not keep the answer.
    assert "Access-Control-Allow-Origin" not in client.get(PROBE, headers={"Origin": PARTNER_SITE})

    partner_key, _ = services.create_partner_key(
        organisation=organisation, name="Website", allowed_origins=PARTNER_SITE
    )

    response = client.get(PROBE, headers={"Origin": PARTNER_SITE})
    assert response["Access-Control-Allow-Origin"] == PARTNER_SITE
    assert "origin" in response["Vary"].lower()
    answer = preflight(client, PARTNER_SITE)
    assert answer.status_code == 200
    assert answer["Access-Control-Allow-Origin"] == PARTNER_SITE
    assert "x-partner-key" in answer["Access-Control-Allow-Headers"]
    assert answer["Access-Control-Allow-Methods"] == "GET, HEAD, OPTIONS"
    assert "Access-Control-Allow-Credentials" not in answer

    # Revoking the key takes its origins away.
    services.revoke_partner_key(partner_key=partner_key)

    assert "Access-Control-Allow-Origin" not in client.get(PROBE, headers={"Origin": PARTNER_SITE})
    assert "Access-Control-Allow-Origin" not in preflight(client, PARTNER_SITE)


def test_other_sites_and_other_addresses_get_no_cors(client, partner):
    other = "https://elsewhere.example.org"

    assert "Access-Control-Allow-Origin" not in client.get(PROBE, headers={"Origin": other})
    assert "Access-Control-Allow-Origin" not in preflight(client, other)
    # Outside /api/v1/ even a partner's site gets nothing.
    outside = client.get("/elsewhere/probe/", headers={"Origin": PARTNER_SITE})
    assert "Access-Control-Allow-Origin" not in outside
    assert "Access-Control-Allow-Origin" not in preflight(client, PARTNER_SITE, "/elsewhere/probe/")


@pytest.mark.parametrize(
    ("written", "origin"),
    [
        ("https://example.org", "https://example.org"),
        ("HTTPS://Example.ORG:443/", "https://example.org"),
        ("http://localhost:8080", "http://localhost:8080"),
        ("http://example.org:80", "http://example.org"),
        ("https://bücher.example", "https://xn--bcher-kva.example"),
        ("https://[::1]:8443", "https://[::1]:8443"),
        ("https://example.org/news", None),
        ("https://*.example.org", None),
        ("*", None),
        ("example.org", None),
        ("ftp://example.org", None),
        ("https://example.org?x=1", None),
        ("https://user@example.org", None),
        ("https://example.org:99999", None),
    ],
)
def test_origins_are_scheme_host_and_port_only(written, origin):
    assert normalise_origin(written) == origin


def test_a_list_of_origins_names_the_wrong_lines(organisation):
    assert parse_origins("https://a.example\n\nhttps://a.example/\nhttp://b.example") == [
        "https://a.example",
        "http://b.example",
    ]
    partner_key = PartnerKey(
        organisation=organisation,
        name="Bad",
        allowed_origins="https://a.example\nhttps://*.b.example\nhttps://c.example/page",
    )

    with pytest.raises(ValidationError) as error:
        partner_key.full_clean()

    [message] = error.value.message_dict["allowed_origins"]
    assert "https://*.b.example, https://c.example/page" in message


def test_a_cache_outage_does_not_take_the_api_down(client, partner, settings):
    """Rate limits and allowed origins live in the shared cache; without it the API still
    answers, and partners' sites still get CORS (from the database)."""
    _, key = partner
    settings.CACHES = {
        "default": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": f"redis://127.0.0.1:{free_port()}/0",  # nothing listens there
            "OPTIONS": {"SOCKET_CONNECT_TIMEOUT": 1, "SOCKET_TIMEOUT": 1},
        }
    }
    settings.API_READER_RATE = "1/min"

    for _ in range(2):
        response = client.get(PROBE, headers={"Origin": PARTNER_SITE})
        assert response.status_code == 200
        assert response["Access-Control-Allow-Origin"] == PARTNER_SITE
    assert client.get(PROBE, headers={"X-Partner-Key": key}).status_code == 200
