"""What keeps a poll fair without accounts or personal data.

CSRF: public pages are shared by every reader and may be held by a CDN, so they carry no
CSRF token (cms.public_forms). The vote view is exempt from Django's CSRF check and checks:

- the browser's own word on where the form was posted from (cms.public_forms.is_cross_site):
  this is what stops another site from making its visitors vote;
- a signed form token per poll (`form_token`): the form was rendered by this site for this
  poll. It is the same for every reader (a cached page can carry it), so it is no secret;
  it turns away posts made up without our form.

One vote per browser: a signed, HttpOnly, SameSite=Lax cookie per poll, valid for years.
A cookie that fails its signature is ignored, as if there were none; clearing cookies
also allows another vote. The rate limit per address (`VoteRateThrottle`, counted in the
shared cache) bounds what either can do.
"""

from uuid import UUID

from django.conf import settings
from django.core import signing
from django.http import HttpRequest, HttpResponse

from cms.api.throttles import CountedInTheCache

FORM_TOKEN_SALT = "cms.polls.form"
COOKIE_SALT = "cms.polls.voted"
COOKIE_PREFIX = "poll-"


class VoteRateThrottle(CountedInTheCache):
    """Vote attempts per address (settings.POLL_VOTE_RATE)."""

    scope = "poll_vote"
    rate_setting = "POLL_VOTE_RATE"


def form_token(poll_key: UUID) -> str:
    # Without a timestamp: the same token on every render keeps the page's ETag stable.
    return signing.Signer(salt=FORM_TOKEN_SALT).sign(str(poll_key))


def form_token_is_valid(token: str | None, poll_key: UUID) -> bool:
    if not token:
        return False
    try:
        return signing.Signer(salt=FORM_TOKEN_SALT).unsign(token) == str(poll_key)
    except signing.BadSignature:
        return False


def cookie_name(poll_key: UUID) -> str:
    return f"{COOKIE_PREFIX}{poll_key.hex}"


def voted_option(request: HttpRequest, poll_key: UUID) -> UUID | None:
    """The answer this browser gave, from its signed cookie; None without a valid one."""
    value = request.get_signed_cookie(cookie_name(poll_key), default=None, salt=COOKIE_SALT)
    if value is None:
        return None
    try:
        return UUID(value)
    except ValueError:
        return None


def remember_vote(response: HttpResponse, *, poll_key: UUID, option_key: UUID, secure: bool):
    response.set_signed_cookie(
        cookie_name(poll_key),
        str(option_key),
        salt=COOKIE_SALT,
        max_age=settings.POLL_COOKIE_MAX_AGE_DAYS * 24 * 60 * 60,
        path="/",
        secure=secure,
        httponly=True,
        samesite="Lax",
    )
