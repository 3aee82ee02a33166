"""Webhooks on the wire: signing a delivery, and one attempt to send it (docs/partners.md).

Deliveries are created by campaigns.partners.services (when a page the API serves is
published, unpublished, or its source changes under a translation) and sent by the task
campaigns.tasks.deliver_webhook, run by `manage.py db_worker --backend webhooks`; a failed
attempt is tried again later, with growing waits, up to WEBHOOK_MAX_ATTEMPTS."""

import hashlib
import hmac
import http.client
import json
import logging
import socket
import time
import urllib.error
import urllib.request
from datetime import datetime, timedelta

from django.conf import settings
from django.utils import timezone

from campaigns.partners.models import DeliveryStatus, WebhookDelivery
from cms.network import is_public_address

logger = logging.getLogger(__name__)

SIGNATURE_HEADER = "X-Webhook-Signature"
USER_AGENT = "OpenDoors-Webhooks/1"
ERROR_LENGTH = 300


def sign(*, secret: str, body: bytes, timestamp: int) -> str:
    """The X-Webhook-Signature value: `t=<unix time>,v1=<hex HMAC-SHA256 of "t." + body>`."""
    digest = hmac.new(secret.encode(), f"{timestamp}.".encode() + body, hashlib.sha256)
    return f"t={timestamp},v1={digest.hexdigest()}"


def verify_signature(
    *,
    secret: str,
    body: bytes,
    header: str,
    tolerance_seconds: int | None = None,
    now: float | None = None,
) -> bool:
    """Whether `header` signs exactly `body` with `secret`, made no longer than
    `tolerance_seconds` ago (WEBHOOK_SIGNATURE_TOLERANCE_SECONDS): what a partner's server
    checks before trusting a delivery. An old signature may be a replayed request."""
    if tolerance_seconds is None:
        tolerance_seconds = settings.WEBHOOK_SIGNATURE_TOLERANCE_SECONDS
    timestamp, signatures = None, []
    for item in (header or "").split(","):
        name, _, value = item.strip().partition("=")
        if name == "t" and value.isdigit():
            timestamp = int(value)
        elif name == "v1":
            signatures.append(value)
    if timestamp is None or not signatures:
        return False
    if abs((time.time() if now is None else now) - timestamp) > tolerance_seconds:
        return False
    expected = sign(secret=secret, body=body, timestamp=timestamp).rpartition("v1=")[2]
    return any(hmac.compare_digest(expected, signature) for signature in signatures)


def body_of(payload: dict) -> bytes:
    return json.dumps(payload, ensure_ascii=False, separators=(",", ":"), sort_keys=True).encode()


class _NoRedirects(urllib.request.HTTPRedirectHandler):
    """A redirect is an answer, not a success: a POST is never replayed elsewhere."""

    def redirect_request(self, *args, **kwargs):
        return None


class PrivateAddressError(OSError):
    """The webhook's host is on this platform's own network, not on the internet."""


# One text whether the URL named a private address or a name that resolves to one: the
# error a partner reads must not tell which names exist on the platform's network.
NOT_PUBLIC = "The webhook's host is not a public internet address."


def _checked(address: str) -> bool:
    try:
        return is_public_address(address)
    except ValueError:  # not an address at all (a scope the platform cannot parse)
        return False


def _public_connection(
    address, timeout=socket._GLOBAL_DEFAULT_TIMEOUT, source_address=None, **kwargs
) -> socket.socket:
    """socket.create_connection, but the host is resolved once, every address it resolves
    to is checked, and the connection goes to those checked addresses: a webhook URL must
    not reach the database, the cache or a cloud metadata service, nor even knock on
    their ports, and a name that resolves differently a second time gains nothing.
    WEBHOOK_ALLOW_PRIVATE_ADDRESSES turns the check off (tests, closed networks)."""
    if settings.WEBHOOK_ALLOW_PRIVATE_ADDRESSES:
        return socket.create_connection(address, timeout, source_address, **kwargs)
    host, port = address[:2]
    found = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    if not found or not all(_checked(info[4][0]) for info in found):
        raise PrivateAddressError(NOT_PUBLIC)
    failure: OSError | None = None
    for family, kind, protocol, _name, peer in found:
        sock = socket.socket(family, kind, protocol)
        try:
            if timeout is not socket._GLOBAL_DEFAULT_TIMEOUT:
                sock.settimeout(timeout)
            if source_address:
                sock.bind(source_address)
            sock.connect(peer)
            return sock
        except OSError as error:
            sock.close()
            failure = error
    raise failure


class _PublicHTTPConnection(http.client.HTTPConnection):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._create_connection = _public_connection


class _PublicHTTPSConnection(http.client.HTTPSConnection):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._create_connection = _public_connection  # before TLS: nothing is sent


class _PublicHTTPHandler(urllib.request.HTTPHandler):
    def http_open(self, req):
        return self.do_open(_PublicHTTPConnection, req)


class _PublicHTTPSHandler(urllib.request.HTTPSHandler):
    def https_open(self, req):
        return self.do_open(_PublicHTTPSConnection, req, context=self._context)


_opener = urllib.request.build_opener(_NoRedirects, _PublicHTTPHandler, _PublicHTTPSHandler)


def retry_delay(attempt: int) -> timedelta:
    """The wait after failed attempt number `attempt` (1, 2, …)."""
    delays = settings.WEBHOOK_RETRY_DELAYS_SECONDS
    return timedelta(seconds=delays[min(attempt, len(delays)) - 1])


def deliver(*, delivery_id: str, attempt: int) -> tuple[str, datetime | None]:
    """Send attempt number `attempt` of a delivery, outside any transaction (the partner's
    server may take WEBHOOK_TIMEOUT_SECONDS). Returns the delivery's status afterwards, or
    "skipped" when there is nothing to do: the delivery is gone, done, or this attempt was
    already made by another worker; and when to try again (None: no more attempts)."""
    delivery = WebhookDelivery.objects.select_related("endpoint").filter(pk=delivery_id).first()
    if delivery is None or delivery.status != DeliveryStatus.PENDING:
        return "skipped", None
    if not delivery.endpoint.active:
        _finish(delivery, status=DeliveryStatus.FAILED, error="The webhook was switched off.")
        return DeliveryStatus.FAILED, None
    # Claim the attempt: a duplicate task, or one overtaken by "send again", finds the
    # count already moved on.
    claimed = WebhookDelivery.objects.filter(
        pk=delivery.pk, status=DeliveryStatus.PENDING, attempts=attempt - 1
    ).update(attempts=attempt, next_attempt_at=None)
    if not claimed:
        return "skipped", None
    delivery.attempts = attempt
    code, error = _post(delivery)
    now = timezone.now()
    delivery.last_response_code = code
    delivery.last_error = error
    if code is not None and 200 <= code < 300:
        delivery.status = DeliveryStatus.SUCCEEDED
        delivery.delivered_at = now
        delivery.next_attempt_at = None
    elif attempt >= settings.WEBHOOK_MAX_ATTEMPTS:
        delivery.status = DeliveryStatus.FAILED
        delivery.next_attempt_at = None
        logger.warning("Webhook %s failed for good after %d attempts", delivery.pk, attempt)
    else:
        delivery.next_attempt_at = now + retry_delay(attempt)
    delivery.save(
        update_fields=[
            "status",
            "last_response_code",
            "last_error",
            "delivered_at",
            "next_attempt_at",
        ]
    )
    return delivery.status, delivery.next_attempt_at


def _finish(delivery: WebhookDelivery, *, status: str, error: str) -> None:
    delivery.status = status
    delivery.last_error = error
    delivery.next_attempt_at = None
    delivery.save(update_fields=["status", "last_error", "next_attempt_at"])


def _post(delivery: WebhookDelivery) -> tuple[int | None, str]:
    """(HTTP status or None, short error text; empty on success)."""
    endpoint = delivery.endpoint
    body = body_of(delivery.payload)
    request = urllib.request.Request(
        endpoint.url,
        data=body,
        method="POST",
        headers={
            "Content-Type": "application/json; charset=utf-8",
            "User-Agent": USER_AGENT,
            "X-Webhook-Id": str(delivery.pk),
            "X-Webhook-Event": delivery.event,
            "X-Webhook-Attempt": str(delivery.attempts),
            SIGNATURE_HEADER: sign(secret=endpoint.secret, body=body, timestamp=int(time.time())),
        },
    )
    try:
        with _opener.open(request, timeout=settings.WEBHOOK_TIMEOUT_SECONDS) as response:
            response.read(64 * 1024)  # let the server finish; the answer itself is not used
            code = response.status
    except urllib.error.HTTPError as error:
        detail = error.read(200).decode("utf-8", "replace").strip()
        error.close()
        return error.code, f"HTTP {error.code} {error.reason}: {detail}"[:ERROR_LENGTH]
    except (OSError, http.client.HTTPException, ValueError) as error:
        # Refused, timed out, reset, TLS, a malformed answer.
        return None, (f"{type(error).__name__}: {error}")[:ERROR_LENGTH]
    if not 200 <= code < 300:
        return code, f"HTTP {code}"
    return code, ""
