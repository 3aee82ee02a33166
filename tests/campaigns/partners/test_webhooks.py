"""Publishing tells partners: the API's addresses are purged from the CDN and partners'
webhooks get signed deliveries, retried with growing waits. Real HTTP servers in threads
receive the PURGE requests and the deliveries."""

import io
import json
import socket
import threading
import time
from datetime import timedelta
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from django.core.management import CommandError, call_command
from django.urls import reverse
from django.utils import timezone, translation
from django_tasks_db.models import DBTaskResult
from wagtail.models import Page

from campaigns.partners import services as partners
from campaigns.partners import webhooks
from campaigns.partners.models import DeliveryStatus, WebhookDelivery, WebhookEndpoint
from campaigns.stories import services
from campaigns.stories.models import ConsentRecord, Organisation, StoryPage
from campaigns.videos.models import Caption, Video
from cms.network import is_public_address
from learning.models import Topic
from tests.conftest import free_port

pytestmark = pytest.mark.django_db

TASK_PATH = "campaigns.tasks.deliver_webhook"


class Receiver:
    """A partner's server: records every request and answers with the next status given
    (200 once they run out)."""

    def __init__(self, statuses: list[int] | None = None):
        self.statuses = list(statuses or [])
        self.requests: list[dict] = []
        receiver = self

        class Handler(BaseHTTPRequestHandler):
            def _record(self):
                length = int(self.headers.get("Content-Length") or 0)
                receiver.requests.append(
                    {
                        "method": self.command,
                        "path": self.path,
                        "headers": dict(self.headers),
                        "body": self.rfile.read(length),
                    }
                )
                status = receiver.statuses.pop(0) if receiver.statuses else 200
                body = b"ok" if status < 400 else b"temporarily broken"
                self.send_response(status)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            do_POST = do_PURGE = _record

            def log_message(self, *args):
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_port}"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    def stop(self):
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def receiver():
    server = Receiver()
    yield server
    server.stop()


@pytest.fixture
def organisation():
    return Organisation.objects.filter(locale__language_code="bg").order_by("pk").first()


@pytest.fixture
def endpoint(receiver, organisation):
    return WebhookEndpoint.objects.create(organisation=organisation, url=f"{receiver.url}/hooks")


@pytest.fixture
def run_worker(django_capture_on_commit_callbacks):
    """What `manage.py db_worker --backend webhooks` does with each task that is due, inside
    this test's transaction (a retry is enqueued after its own commit)."""

    def run() -> int:
        done = 0
        while row := DBTaskResult.objects.ready().filter(backend_name="webhooks").first():
            row.claim("test-worker")
            with django_capture_on_commit_callbacks(execute=True):
                value = row.task.call(*row.task_result.args, **row.task_result.kwargs)
            row.set_successful(value)
            done += 1
        return done

    return run


@pytest.fixture
def committed(django_capture_on_commit_callbacks):
    """Runs the on-commit work of what happens inside it, as the end of a request would."""
    return lambda: django_capture_on_commit_callbacks(execute=True)


def page(slug: str, code: str = "bg"):
    source = Page.objects.get(slug=slug, locale__language_code="bg")
    return Page.objects.get(translation_key=source.translation_key, locale__language_code=code)


def lesson(code: str = "bg"):
    return page("pazete-dokumentite-si", code).specific


def publish(target, committed):
    with committed():
        target.save_revision().publish()


def received(receiver) -> list[tuple[dict, dict]]:
    """(payload, headers) of each delivery received."""
    return [(json.loads(r["body"]), r["headers"]) for r in receiver.requests]


# --- Signed deliveries ----------------------------------------------------------------------


def test_publishing_a_lesson_sends_a_signed_published_event(
    receiver, endpoint, run_worker, committed
):
    target = lesson()

    publish(target, committed)

    [delivery] = WebhookDelivery.objects.filter(event="published")
    assert delivery.status == DeliveryStatus.PENDING  # sent by the worker, not the request
    assert DBTaskResult.objects.filter(backend_name="webhooks", task_path=TASK_PATH).exists()
    assert receiver.requests == []

    run_worker()

    published = [r for r in receiver.requests if r["headers"]["X-Webhook-Event"] == "published"]
    [request] = published
    assert request["path"] == "/hooks"
    headers, body = request["headers"], request["body"]
    assert headers["Content-Type"].startswith("application/json")
    assert headers["X-Webhook-Id"] == str(delivery.pk)
    payload = json.loads(body)
    assert payload["id"] == str(delivery.pk)
    assert payload["event"] == "published"
    assert payload["occurred_at"].endswith("Z")
    assert payload["object"] == {
        "type": "lesson",
        "id": target.pk,
        "translation_key": str(target.translation_key),
        "locale": "bg",
        "url": f"http://testserver/api/v1/lessons/{target.pk}/",
    }
    signature = headers["X-Webhook-Signature"]
    assert webhooks.verify_signature(secret=endpoint.secret, body=body, header=signature)
    delivery.refresh_from_db()
    assert delivery.status == DeliveryStatus.SUCCEEDED
    assert (delivery.attempts, delivery.last_response_code) == (1, 200)
    assert delivery.delivered_at is not None and delivery.next_attempt_at is None


def test_a_signature_fails_for_another_body_secret_or_an_old_timestamp(endpoint):
    body = b'{"event":"published"}'
    now = int(time.time())
    header = webhooks.sign(secret=endpoint.secret, body=body, timestamp=now)
    timestamp, digest = header.split(",")
    assert timestamp == f"t={now}" and len(digest.removeprefix("v1=")) == 64

    def verify(**changes) -> bool:
        arguments = {"secret": endpoint.secret, "body": body, "header": header, **changes}
        return webhooks.verify_signature(**arguments)

    assert verify()
    assert not verify(body=b'{"event":"unpublished"}')
    assert not verify(secret="whsec_someone-else")
    assert not verify(header=f"t={now + 1},{digest}")
    assert not verify(header="")
    assert not verify(header="v1=abc")
    old = webhooks.sign(secret=endpoint.secret, body=body, timestamp=now - 3600)
    assert not verify(header=old)
    assert verify(header=old, now=now - 3600 + 10)


def test_failed_attempts_are_retried_with_growing_waits_until_one_succeeds(
    receiver, endpoint, run_worker, committed
):
    receiver.statuses = [500, 503]
    publish(lesson("en"), committed)  # a translation: no translation_outdated events
    [delivery] = WebhookDelivery.objects.all()

    for attempt, wait in [(1, timedelta(minutes=1)), (2, timedelta(minutes=5))]:
        before = timezone.now()
        assert run_worker() == 1
        delivery.refresh_from_db()
        assert delivery.status == DeliveryStatus.PENDING
        assert delivery.attempts == attempt
        assert delivery.last_response_code in (500, 503)
        assert "temporarily broken" in delivery.last_error
        assert before + wait <= delivery.next_attempt_at <= timezone.now() + wait
        # The next attempt waits in the queue until then.
        [queued] = DBTaskResult.objects.filter(backend_name="webhooks", status="READY")
        assert queued.run_after == delivery.next_attempt_at
        assert queued.args_kwargs["args"] == [str(delivery.pk), attempt + 1]
        assert run_worker() == 0
        # Time passes.
        DBTaskResult.objects.filter(pk=queued.pk).update(run_after=timezone.now())

    assert run_worker() == 1

    delivery.refresh_from_db()
    assert delivery.status == DeliveryStatus.SUCCEEDED
    assert (delivery.attempts, delivery.last_response_code, delivery.last_error) == (3, 200, "")
    assert delivery.next_attempt_at is None
    assert len(receiver.requests) == 3
    # The same delivery every time, each attempt signed afresh.
    assert {r["headers"]["X-Webhook-Id"] for r in receiver.requests} == {str(delivery.pk)}
    for request in receiver.requests:
        assert webhooks.verify_signature(
            secret=endpoint.secret,
            body=request["body"],
            header=request["headers"]["X-Webhook-Signature"],
        )


def test_after_the_last_attempt_a_delivery_has_failed(
    receiver, endpoint, run_worker, committed, settings
):
    settings.WEBHOOK_MAX_ATTEMPTS = 3
    receiver.statuses = [500] * 10
    publish(lesson("en"), committed)
    [delivery] = WebhookDelivery.objects.all()

    for _ in range(3):
        run_worker()
        DBTaskResult.objects.filter(backend_name="webhooks", status="READY").update(
            run_after=timezone.now()
        )

    delivery.refresh_from_db()
    assert delivery.status == DeliveryStatus.FAILED
    assert delivery.attempts == 3 and delivery.next_attempt_at is None
    assert not DBTaskResult.objects.filter(backend_name="webhooks", status="READY").exists()
    assert len(receiver.requests) == 3


def test_an_unreachable_server_is_a_failed_attempt(organisation, run_worker, committed):
    closed = WebhookEndpoint.objects.create(
        organisation=organisation, url=f"http://127.0.0.1:{free_port()}/hooks"
    )
    publish(lesson("en"), committed)

    run_worker()

    [delivery] = WebhookDelivery.objects.filter(endpoint=closed)
    assert delivery.status == DeliveryStatus.PENDING and delivery.attempts == 1
    assert delivery.last_response_code is None
    assert "refused" in delivery.last_error.lower()
    assert delivery.next_attempt_at is not None


@pytest.mark.parametrize(
    "address", ["http://127.0.0.1", "http://localhost", "https://127.0.0.1", "https://localhost"]
)
def test_a_webhook_on_the_platforms_own_network_is_refused(
    receiver, organisation, run_worker, committed, settings, address
):
    settings.WEBHOOK_ALLOW_PRIVATE_ADDRESSES = False
    port = receiver.url.rsplit(":", 1)[1]
    inside = WebhookEndpoint.objects.create(
        organisation=organisation, url=f"{address}:{port}/hooks"
    )
    publish(lesson("en"), committed)

    run_worker()

    assert receiver.requests == []  # not even connected to, let alone sent the payload
    [delivery] = WebhookDelivery.objects.filter(endpoint=inside)
    assert delivery.status == DeliveryStatus.PENDING and delivery.attempts == 1
    assert delivery.last_response_code is None
    assert "not a public internet address" in delivery.last_error


@pytest.mark.parametrize(
    ("address", "public"),
    [
        ("93.184.215.14", True),
        ("2606:4700:4700::1111", True),
        ("127.0.0.1", False),
        ("10.1.2.3", False),
        ("172.16.0.9", False),
        ("192.168.1.1", False),
        ("169.254.169.254", False),  # cloud metadata
        ("100.64.0.1", False),  # shared address space
        ("0.0.0.0", False),
        ("224.0.0.1", False),
        ("::1", False),
        ("fd00::1", False),
        ("fe80::1", False),
        ("::ffff:10.0.0.1", False),  # IPv4 written in IPv6
        ("::ffff:93.184.215.14", True),
        # IPv6 forms that carry an IPv4 address through a gateway, private or not.
        ("64:ff9b::a00:1", False),  # NAT64 of 10.0.0.1
        ("64:ff9b::5db8:d70e", False),  # NAT64 of a public address: refused all the same
        ("64:ff9b:1::a00:1", False),  # local-use NAT64
        ("::a00:1", False),  # IPv4-compatible 10.0.0.1
        ("::5db8:d70e", False),
        ("2002:a00:1::1", False),  # 6to4 of 10.0.0.1
        ("2002:5db8:d70e::1", False),
    ],
)
def test_which_addresses_a_webhook_may_reach(address, public):
    assert is_public_address(address) is public


def test_a_name_and_an_address_on_the_own_network_are_refused_alike_and_never_connected_to(
    organisation, run_worker, committed, settings
):
    settings.WEBHOOK_ALLOW_PRIVATE_ADDRESSES = False
    # A port that listens but never accepts: a connection attempt would show in its queue.
    with socket.create_server(("127.0.0.1", 0), backlog=1) as listener:
        port = listener.getsockname()[1]
        for host in ("127.0.0.1", "localhost"):
            WebhookEndpoint.objects.create(organisation=organisation, url=f"http://{host}:{port}/")
        publish(lesson("en"), committed)

        run_worker()

        listener.settimeout(0.2)
        with pytest.raises(TimeoutError):
            listener.accept()[0].close()
    errors = {delivery.last_error for delivery in WebhookDelivery.objects.all()}
    assert len(errors) == 1 and "not a public internet address" in errors.pop()


def test_a_redirect_is_not_followed(receiver, endpoint, run_worker, committed):
    receiver.statuses = [301]
    publish(lesson("en"), committed)

    run_worker()

    [delivery] = WebhookDelivery.objects.all()
    assert delivery.status == DeliveryStatus.PENDING
    assert delivery.last_response_code == 301
    assert len(receiver.requests) == 1


# --- What is announced ------------------------------------------------------------------------


def test_unpublishing_sends_unpublished(receiver, endpoint, run_worker, committed):
    target = lesson("ar")

    with committed():
        target.unpublish()
    run_worker()

    [(payload, headers)] = received(receiver)
    assert payload["event"] == headers["X-Webhook-Event"] == "unpublished"
    assert payload["object"]["id"] == target.pk
    assert payload["object"]["locale"] == "ar"


def test_deleting_a_published_page_sends_unpublished(receiver, endpoint, run_worker, committed):
    target = lesson("uk")
    target_id = target.pk

    with committed():
        target.delete()
    run_worker()

    [(payload, _)] = received(receiver)
    assert payload["event"] == "unpublished"
    assert payload["object"]["id"] == target_id and payload["object"]["locale"] == "uk"


def test_a_story_is_announced_only_with_consent_for_partners(
    receiver, endpoint, run_worker, committed
):
    story = page("olimpiyska-mechta", "en").specific
    publish(story, committed)
    run_worker()
    [(payload, _)] = received(receiver)
    assert payload["object"]["type"] == "story"
    assert payload["object"]["url"] == f"http://testserver/api/v1/stories/{story.pk}/"

    record = ConsentRecord.objects.get(story__translation_key=story.translation_key)
    record.for_partners = False
    record.save()
    publish(story, committed)
    with committed():
        story.unpublish()  # never announced to partners: its removal is not either
    run_worker()

    assert len(receiver.requests) == 1


def test_a_withdrawn_partner_consent_still_announces_the_removal(
    receiver, endpoint, run_worker, committed
):
    story = page("nie-drugite", "en").specific
    ConsentRecord.objects.filter(story__translation_key=story.translation_key).update(
        withdrawn_on=timezone.localdate()
    )

    with committed():
        story.unpublish()
    run_worker()

    [(payload, _)] = received(receiver)
    assert payload["event"] == "unpublished" and payload["object"]["id"] == story.pk


def test_a_draft_sends_nothing_and_purges_nothing(
    receiver, endpoint, run_worker, committed, settings
):
    settings.WAGTAILFRONTENDCACHE = cdn_at(receiver)
    target = lesson()
    target.title = "Пазете документите си (чернова)"

    with committed():
        target.save_revision()
    run_worker()

    assert not WebhookDelivery.objects.exists()
    assert receiver.requests == []


def test_republishing_a_translated_source_marks_each_translation_outdated(
    receiver, endpoint, run_worker, committed
):
    source = lesson("bg")

    publish(source, committed)
    run_worker()

    events = {(p["event"], p["object"]["locale"]): p["object"] for p, _ in received(receiver)}
    assert set(events) == {
        ("published", "bg"),
        ("translation_outdated", "en"),
        ("translation_outdated", "ar"),
        ("translation_outdated", "uk"),
    }
    english = lesson("en")
    assert events["translation_outdated", "en"]["id"] == english.pk
    assert events["translation_outdated", "en"]["url"].endswith(f"/api/v1/lessons/{english.pk}/")
    assert len({o["translation_key"] for o in events.values()}) == 1


def test_only_active_endpoints_that_want_the_event_get_it(
    receiver, endpoint, organisation, run_worker, committed
):
    unpublished_only = WebhookEndpoint.objects.create(
        organisation=organisation, url=f"{receiver.url}/unpublished", events=["unpublished"]
    )
    WebhookEndpoint.objects.create(
        organisation=organisation, url=f"{receiver.url}/off", active=False
    )

    publish(lesson("en"), committed)
    run_worker()

    assert [r["path"] for r in receiver.requests] == ["/hooks"]
    assert not unpublished_only.deliveries.exists()


def test_a_delivery_to_a_switched_off_endpoint_is_not_sent(
    receiver, endpoint, run_worker, committed
):
    publish(lesson("en"), committed)
    endpoint.active = False
    endpoint.save()

    run_worker()

    [delivery] = WebhookDelivery.objects.all()
    assert delivery.status == DeliveryStatus.FAILED and delivery.attempts == 0
    assert receiver.requests == []


# --- CDN purge ----------------------------------------------------------------------------------


def cdn_at(server) -> dict:
    return {
        "varnish": {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
            "LOCATION": server.url,
        }
    }


def purged(server) -> set[str]:
    return {r["path"] for r in server.requests if r["method"] == "PURGE"}


@pytest.mark.parametrize("action", ["publish", "unpublish"])
def test_publishing_purges_the_api_addresses_from_the_cdn(receiver, settings, committed, action):
    settings.WAGTAILFRONTENDCACHE = cdn_at(receiver)
    target = lesson("en")
    ids = sorted(Page.objects.filter(translation_key=target.translation_key).values_list("pk"))

    with committed():
        if action == "publish":
            target.save_revision().publish()
        else:
            target.unpublish()

    paths = purged(receiver)
    assert {"/api/v1/lessons/", "/api/v1/lessons/?lang=bg", "/api/v1/lessons/?lang=fa"} <= paths
    for (pk,) in ids:  # every translation's detail: a reader may get any as a fallback
        assert {f"/api/v1/lessons/{pk}/", f"/api/v1/lessons/{pk}/?lang=ar"} <= paths
    assert not any(p.startswith(("/api/v1/stories/", "/api/v1/courses/")) for p in paths)
    hosts = {r["headers"]["Host"] for r in receiver.requests if r["path"].startswith("/api/")}
    assert hosts == {"testserver"}


def test_pages_the_api_does_not_serve_purge_no_api_address(receiver, settings, committed):
    settings.WAGTAILFRONTENDCACHE = cdn_at(receiver)

    publish(page("za-platformata").specific, committed)

    assert not any(p.startswith("/api/") for p in purged(receiver))


def test_the_purge_waits_for_the_commit(receiver, settings, django_capture_on_commit_callbacks):
    settings.WAGTAILFRONTENDCACHE = cdn_at(receiver)

    with django_capture_on_commit_callbacks() as callbacks:
        lesson("en").save_revision().publish()
        assert not any(p.startswith("/api/") for p in purged(receiver))

    for callback in callbacks:
        callback()
    assert "/api/v1/lessons/" in purged(receiver)


# --- Admin ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "url",
    [
        "http://10.0.0.5/hooks",
        "http://localhost:8000/hooks",
        "http://api.localhost/hooks",
        "http://[::1]/hooks",
        "http://169.254.169.254/latest/meta-data/",
    ],
)
def test_the_admin_refuses_an_address_on_the_platforms_own_network(
    english_editor, organisation, settings, url
):
    settings.WEBHOOK_ALLOW_PRIVATE_ADDRESSES = False
    add = reverse("wagtailsnippets_campaigns_webhookendpoint:add")
    data = {"organisation": organisation.pk, "events": ["published"], "active": "on"}

    response = english_editor.post(add, {**data, "url": url})

    assert response.status_code == 200
    with translation.override("en"):  # the editor's admin language
        errors = " ".join(str(error) for error in response.context["form"].errors["url"])
    assert "platform's own network" in errors
    assert not WebhookEndpoint.objects.filter(url=url).exists()


def test_an_endpoint_is_created_in_the_admin_with_its_secret(english_editor, organisation):
    add = reverse("wagtailsnippets_campaigns_webhookendpoint:add")
    data = {"organisation": organisation.pk, "events": ["published"], "active": "on"}

    refused = english_editor.post(add, {**data, "url": "ftp://partner.example.org/hooks"})
    assert refused.status_code == 200
    assert "url" in refused.context["form"].errors
    response = english_editor.post(add, {**data, "url": "https://partner.example.org/hooks"})

    assert response.status_code == 302
    created = WebhookEndpoint.objects.get(url="https://partner.example.org/hooks")
    assert created.events == ["published"]
    assert created.secret.startswith("whsec_") and len(created.secret) > 40
    edit = english_editor.get(
        reverse("wagtailsnippets_campaigns_webhookendpoint:edit", args=[created.pk])
    )
    assert created.secret in edit.content.decode()


def test_deliveries_are_listed_and_can_be_sent_again(
    english_editor, receiver, endpoint, run_worker, committed, settings
):
    settings.WEBHOOK_MAX_ATTEMPTS = 1
    receiver.statuses = [500]
    publish(lesson("en"), committed)
    run_worker()
    [delivery] = WebhookDelivery.objects.all()
    assert delivery.status == DeliveryStatus.FAILED

    endpoints = english_editor.get(reverse("wagtailsnippets_campaigns_webhookendpoint:list"))
    assert "failed" in endpoints.content.decode()
    listing = english_editor.get(reverse("webhook_deliveries:index"), {"endpoint": endpoint.pk})
    assert listing.status_code == 200
    assert endpoint.url in listing.content.decode()
    assert "temporarily broken" in listing.content.decode()

    with committed():
        response = english_editor.post(reverse("webhook_deliveries:send_again", args=[delivery.pk]))
    assert response.status_code == 302
    run_worker()

    delivery.refresh_from_db()
    assert delivery.status == DeliveryStatus.SUCCEEDED and delivery.attempts == 1
    assert [json.loads(r["body"])["id"] for r in receiver.requests] == [str(delivery.pk)] * 2
    endpoints = english_editor.get(reverse("wagtailsnippets_campaigns_webhookendpoint:list"))
    assert "succeeded" in endpoints.content.decode()


# --- Consent for partners taken back, the story staying on the web -----------------------------


def story_shared_with_partners():
    story = page("olimpiyska-mechta").specific
    record = ConsentRecord.objects.get(story__translation_key=story.translation_key)
    assert record.for_web and record.for_partners and record.withdrawn_on is None
    return story, record


def test_taking_partners_out_of_a_consent_in_the_admin_tells_partners(
    receiver, endpoint, run_worker, committed, admin_client, settings
):
    settings.WAGTAILFRONTENDCACHE = cdn_at(receiver)
    story, record = story_shared_with_partners()
    live = set(story.get_translations(inclusive=True).live().values_list("pk", flat=True))
    data = {
        "story": record.story_id,
        "given_by": record.given_by,
        "given_on": record.given_on.isoformat(),
        "for_web": "on",
        "notes": "The family asked us not to share it with other websites.",
    }
    url = f"/admin/snippets/campaigns/consentrecord/edit/{record.pk}/"

    with committed():
        assert admin_client.post(url, data).status_code == 302
    run_worker()

    assert "/api/v1/stories/" in purged(receiver)
    deliveries = [json.loads(r["body"]) for r in receiver.requests if r["method"] == "POST"]
    assert {payload["event"] for payload in deliveries} == {"unpublished"}
    assert {payload["object"]["id"] for payload in deliveries} == live
    assert StoryPage.objects.filter(pk__in=live, live=True).count() == len(live)  # still on the web

    receiver.requests.clear()
    with committed():  # an edit that changes nothing for partners says nothing again
        assert admin_client.post(url, {**data, "notes": "Checked again."}).status_code == 302
    run_worker()
    assert not any(r["method"] == "POST" for r in receiver.requests)


def test_withdrawing_the_consent_that_covered_partners_tells_partners(
    receiver, endpoint, run_worker, committed
):
    story, record = story_shared_with_partners()
    ConsentRecord.objects.create(
        story=story, given_by=record.given_by, given_on=record.given_on, for_web=True
    )

    with committed():
        unpublished = services.withdraw_consent(record=record)
    run_worker()

    assert unpublished == []  # the web consent remains
    assert {payload["event"] for payload, _ in received(receiver)} == {"unpublished"}
    assert story.get_translations(inclusive=True).live().count() == 2


# --- Objects that are not pages purge when an editor saves or deletes them -----------------


def test_saving_a_video_purges_its_api_addresses(receiver, settings, committed):
    settings.WAGTAILFRONTENDCACHE = cdn_at(receiver)
    video = Video.objects.order_by("pk").first()
    video.title = "A better title"

    with committed():
        video.save()

    paths = purged(receiver)
    assert {"/api/v1/videos/", "/api/v1/videos/?lang=ar", f"/api/v1/videos/{video.pk}/"} <= paths
    assert f"/api/v1/videos/{video.pk}/?lang=uk" in paths
    assert not any(p.startswith(("/api/v1/topics/", "/api/v1/lessons/")) for p in paths)


def test_a_caption_purges_the_video_it_belongs_to(receiver, settings, committed):
    settings.WAGTAILFRONTENDCACHE = cdn_at(receiver)
    caption = Caption.objects.order_by("pk").first()

    with committed():
        caption.delete()

    assert f"/api/v1/videos/{caption.video_id}/" in purged(receiver)


def test_saving_a_topic_purges_every_translation(receiver, settings, committed):
    settings.WAGTAILFRONTENDCACHE = cdn_at(receiver)
    topic = Topic.objects.filter(locale__language_code="bg").order_by("pk").first()
    translations = set(
        Topic.objects.filter(translation_key=topic.translation_key).values_list("pk", flat=True)
    )
    assert len(translations) > 1

    with committed():
        topic.save()

    paths = purged(receiver)
    assert "/api/v1/topics/" in paths
    assert {f"/api/v1/topics/{pk}/" for pk in translations} <= paths


def test_deleting_an_organisation_purges_it_after_the_commit(
    receiver, settings, django_capture_on_commit_callbacks
):
    settings.WAGTAILFRONTENDCACHE = cdn_at(receiver)
    organisation = Organisation.objects.create(name="Short-lived partner")
    pk = organisation.pk

    with django_capture_on_commit_callbacks() as callbacks:
        organisation.delete()
        assert purged(receiver) == set()

    for callback in callbacks:
        callback()
    assert {"/api/v1/organisations/", f"/api/v1/organisations/{pk}/"} <= purged(receiver)


def test_a_second_change_in_the_same_outer_transaction_purges_again(receiver, settings, committed):
    # Tests (and callers of on_commit hooks run early) keep finished callbacks in the list.
    settings.WAGTAILFRONTENDCACHE = cdn_at(receiver)
    video = Video.objects.order_by("pk").first()

    with committed():
        video.save()
    receiver.requests.clear()
    with committed():
        video.save()

    assert f"/api/v1/videos/{video.pk}/" in purged(receiver)


def test_deleting_a_video_purges_its_addresses_once(receiver, settings, committed):
    settings.WAGTAILFRONTENDCACHE = cdn_at(receiver)
    video = Video.objects.filter(captions__isnull=False).order_by("pk").first()
    assert video.captions.count() > 1  # each caption's deletion purges the video too
    pk = video.pk

    with committed():
        video.delete()

    detail = [r for r in receiver.requests if r["path"] == f"/api/v1/videos/{pk}/"]
    assert len(detail) == 1


# --- Pruning old deliveries --------------------------------------------------------------------


def a_delivery(endpoint, status, *, days_old: int) -> WebhookDelivery:
    delivery = WebhookDelivery.objects.create(
        endpoint=endpoint, event="published", payload={}, status=status
    )
    WebhookDelivery.objects.filter(pk=delivery.pk).update(
        created_at=timezone.now() - timedelta(days=days_old)
    )
    return delivery


def test_pruning_deletes_old_finished_deliveries_and_keeps_the_rest(endpoint, organisation):
    other = WebhookEndpoint.objects.create(organisation=organisation, url="https://b.example/h")
    old_succeeded = a_delivery(endpoint, DeliveryStatus.SUCCEEDED, days_old=200)
    old_failed = a_delivery(endpoint, DeliveryStatus.FAILED, days_old=120)
    old_pending = a_delivery(endpoint, DeliveryStatus.PENDING, days_old=150)
    recent = a_delivery(endpoint, DeliveryStatus.SUCCEEDED, days_old=10)
    only_one_of_other = a_delivery(other, DeliveryStatus.FAILED, days_old=300)

    call_command("prune_webhook_deliveries", "--min-age-days", "90", stdout=io.StringIO())

    kept = set(WebhookDelivery.objects.values_list("pk", flat=True))
    assert kept == {old_pending.pk, recent.pk, only_one_of_other.pk}
    assert old_succeeded.pk not in kept and old_failed.pk not in kept


def test_pruning_keeps_an_endpoints_latest_delivery_however_old(endpoint):
    older = a_delivery(endpoint, DeliveryStatus.SUCCEEDED, days_old=400)
    latest = a_delivery(endpoint, DeliveryStatus.FAILED, days_old=100)

    assert partners.prune_deliveries(older_than=timezone.now() - timedelta(days=90)) == 1

    assert list(WebhookDelivery.objects.values_list("pk", flat=True)) == [latest.pk]
    assert not WebhookDelivery.objects.filter(pk=older.pk).exists()


def test_pruning_refuses_a_minimum_age_below_one_day():
    with pytest.raises(CommandError, match="at least 1"):
        call_command("prune_webhook_deliveries", "--min-age-days", "0")
