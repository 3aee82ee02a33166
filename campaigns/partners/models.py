"""Partner sites' access to the API (keys, allowed browser origins) and the webhooks that tell
their servers when public content changes (docs/partners.md)."""

import secrets
import uuid
from urllib.parse import urlsplit

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import FieldPanel

from campaigns.stories.models import Organisation
from cms.network import names_own_network
from cms.translatable import in_source_language

DEFAULT_PORTS = {"http": 80, "https": 443}


def normalise_origin(value: str) -> str | None:
    """`value` as a browser sends it in `Origin` (scheme://host[:port], lower case, no
    default port), or None when it is not an origin: a path, a wildcard, another scheme."""
    value = value.strip()
    if not value or any(char in value for char in "*?#@ \t") or "://" not in value:
        return None
    try:
        parts = urlsplit(value)
        port = parts.port
    except ValueError:
        return None
    scheme, host = parts.scheme.lower(), parts.hostname
    if scheme not in DEFAULT_PORTS or not host or parts.path not in ("", "/"):
        return None
    if ":" in host:  # IPv6
        host = f"[{host}]"
    else:
        try:
            host = host.encode("idna").decode("ascii")  # browsers send IDNs as punycode
        except UnicodeError:
            return None
    if port is not None and port != DEFAULT_PORTS[scheme]:
        host = f"{host}:{port}"
    return f"{scheme}://{host}"


def parse_origins(text: str) -> list[str]:
    """The origins written one per line, normalised and without repeats."""
    origins: list[str] = []
    wrong: list[str] = []
    for line in text.splitlines():
        if not line.strip():
            continue
        origin = normalise_origin(line)
        if origin is None:
            wrong.append(line.strip())
        elif origin not in origins:
            origins.append(origin)
    if wrong:
        raise ValidationError(
            _(
                "Write each origin as https://example.org, with :port only if it is not the "
                "usual one; no paths and no wildcards. Not an origin: %(origins)s"
            ),
            params={"origins": ", ".join(wrong)},
            code="invalid_origin",
        )
    return origins


class PartnerKey(models.Model):
    """A partner site's key to the API: higher rate limits and, for the origins it lists,
    calls from readers' browsers (CORS). Only the key's SHA-256 is stored."""

    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("organisation"),
        on_delete=models.CASCADE,
        related_name="partner_keys",
        limit_choices_to=in_source_language,
    )
    name = models.CharField(
        _("name"), max_length=120, help_text=_("What the key is for, e.g. “Caritas website”.")
    )
    allowed_origins = models.TextField(
        _("allowed origins"),
        blank=True,
        help_text=_(
            "Websites whose pages may call the API from the reader's browser, one per line, "
            "e.g. https://www.example.org. Leave empty for calls from a server only."
        ),
    )
    # The key's first characters, to recognise it in a list and in a partner's settings.
    prefix = models.CharField(_("starts with"), max_length=16, editable=False, blank=True)
    key_hash = models.CharField(max_length=64, blank=True, editable=False)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    revoked_at = models.DateTimeField(_("revoked"), null=True, blank=True, editable=False)
    last_used_at = models.DateTimeField(_("last used"), null=True, editable=False)

    # What DRF and permission classes ask of `request.user` (see campaigns.partners.access).
    is_authenticated = True
    is_anonymous = False

    panels = [FieldPanel("organisation"), FieldPanel("name"), FieldPanel("allowed_origins")]

    class Meta:
        verbose_name = _("partner key")
        verbose_name_plural = _("partner keys")
        ordering = ["organisation__name", "name"]
        constraints = [
            # Also the index a request's key is looked up by.
            models.UniqueConstraint(
                fields=["key_hash"], condition=~models.Q(key_hash=""), name="unique_partner_key"
            )
        ]

    def __str__(self):
        return f"{self.name} ({self.prefix}…)" if self.prefix else self.name

    def clean(self):
        super().clean()
        try:
            self.allowed_origins = "\n".join(parse_origins(self.allowed_origins))
        except ValidationError as error:
            raise ValidationError({"allowed_origins": error}) from None

    @property
    def is_active(self) -> bool:
        return self.revoked_at is None and bool(self.key_hash)

    @property
    def status_label(self) -> str:
        if self.revoked_at is not None:
            return pgettext_lazy("partner key", "revoked")
        return pgettext_lazy("partner key", "active")

    @property
    def origins(self) -> list[str]:
        return [line for line in self.allowed_origins.splitlines() if line]


class WebhookEvent(models.TextChoices):
    PUBLISHED = "published", pgettext_lazy("webhook event", "published")
    UNPUBLISHED = "unpublished", pgettext_lazy("webhook event", "unpublished")
    TRANSLATION_OUTDATED = (
        "translation_outdated",
        pgettext_lazy("webhook event", "translation outdated"),
    )
    # A photovoice photo partners had was withdrawn by its sender: they must delete it.
    PHOTO_WITHDRAWN = "photo.withdrawn", pgettext_lazy("webhook event", "photo withdrawn")
    # An urgent message in every language came into force, or ended (docs/screens.md).
    ALERT_PUBLISHED = "alert.published", pgettext_lazy("webhook event", "alert published")
    ALERT_ENDED = "alert.ended", pgettext_lazy("webhook event", "alert ended")
    # For the operators of screens: one stayed behind or silent, or came back.
    SCREEN_UNHEALTHY = "screen.unhealthy", pgettext_lazy("webhook event", "screen unhealthy")
    SCREEN_RECOVERED = "screen.recovered", pgettext_lazy("webhook event", "screen recovered")


# Only screens' operators want these: a partner's new webhook is not sent them unless ticked.
OPERATOR_EVENTS = {WebhookEvent.SCREEN_UNHEALTHY, WebhookEvent.SCREEN_RECOVERED}


def every_webhook_event() -> list[str]:
    """Kept for the migrations that named it as the default."""
    return list(WebhookEvent.values)


def default_webhook_events() -> list[str]:
    return [event for event in WebhookEvent.values if event not in OPERATOR_EVENTS]


def new_webhook_secret() -> str:
    return "whsec_" + secrets.token_urlsafe(32)


class WebhookEndpointForm(WagtailAdminModelForm):
    events = forms.MultipleChoiceField(
        label=pgettext_lazy("webhook event", "Events"),
        choices=WebhookEvent.choices,
        widget=forms.CheckboxSelectMultiple,
        initial=default_webhook_events,
        error_messages={"required": _("Choose at least one event.")},
    )

    def clean_url(self):
        url = self.cleaned_data["url"]
        if not settings.WEBHOOK_ALLOW_PRIVATE_ADDRESSES and names_own_network(url):
            raise ValidationError(
                _(
                    "This address is on the platform's own network. Webhooks go only to "
                    "partners' servers on the internet."
                )
            )
        return url

    def clean_events(self):
        chosen = set(self.cleaned_data["events"])
        return [event for event in WebhookEvent.values if event in chosen]


class WebhookEndpoint(models.Model):
    """A partner's address that is sent a signed POST when public content changes."""

    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("organisation"),
        on_delete=models.CASCADE,
        related_name="webhook_endpoints",
        limit_choices_to=in_source_language,
    )
    url = models.URLField(
        _("address"),
        max_length=500,
        validators=[URLValidator(schemes=["http", "https"])],
        help_text=_("An http:// or https:// address on the partner's server."),
    )
    events = models.JSONField(_("events"), default=default_webhook_events)
    # Kept readable: every delivery is signed with it (HMAC-SHA256).
    secret = models.CharField(_("signing secret"), max_length=100, editable=False)
    active = models.BooleanField(
        _("active"), default=True, help_text=_("A switched-off address is sent nothing.")
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    panels = [
        FieldPanel("organisation"),
        FieldPanel("url"),
        FieldPanel("events"),
        FieldPanel("active"),
        FieldPanel(
            "secret",
            read_only=True,
            help_text=_(
                "Give it to the partner: their server checks each delivery's signature "
                "with it. It is made when the webhook is first saved."
            ),
        ),
    ]
    base_form_class = WebhookEndpointForm

    class Meta:
        verbose_name = _("webhook")
        verbose_name_plural = _("webhooks")
        ordering = ["organisation__name", "url"]

    def __str__(self):
        return self.url

    def save(self, *args, **kwargs):
        if not self.secret:
            self.secret = new_webhook_secret()
        super().save(*args, **kwargs)

    def wants(self, event: str) -> bool:
        return self.active and event in (self.events or [])

    @property
    def last_delivery_label(self) -> str:
        """The status of its newest delivery: `last_delivery_status` is annotated by the
        admin's listing (campaigns.partners.selectors.webhook_endpoints_with_last_status)."""
        status = getattr(self, "last_delivery_status", None)
        return DeliveryStatus(status).label if status else "—"


class DeliveryStatus(models.TextChoices):
    PENDING = "pending", pgettext_lazy("webhook delivery", "pending")
    SUCCEEDED = "succeeded", pgettext_lazy("webhook delivery", "succeeded")
    FAILED = "failed", pgettext_lazy("webhook delivery", "failed")


class WebhookDelivery(models.Model):
    """One event sent (or being sent) to one endpoint, with its retries."""

    # Also the payload's `id`: a receiver drops an id it has seen (retries, "send again").
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    endpoint = models.ForeignKey(
        WebhookEndpoint,
        verbose_name=_("webhook"),
        on_delete=models.CASCADE,
        related_name="deliveries",
    )
    event = models.CharField(_("event"), max_length=30, choices=WebhookEvent.choices)
    payload = models.JSONField(_("payload"))
    status = models.CharField(
        _("status"), max_length=12, choices=DeliveryStatus.choices, default=DeliveryStatus.PENDING
    )
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    last_response_code = models.PositiveSmallIntegerField(_("last response"), null=True)
    last_error = models.CharField(_("last error"), max_length=300, blank=True)
    next_attempt_at = models.DateTimeField(_("next attempt"), null=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    delivered_at = models.DateTimeField(_("delivered"), null=True)

    class Meta:
        verbose_name = _("webhook delivery")
        verbose_name_plural = _("webhook deliveries")
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["endpoint", "-created_at"])]

    def __str__(self):
        return f"{self.event} → {self.endpoint_id} ({self.status})"
