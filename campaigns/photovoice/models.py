"""Photovoice: residents photograph scenes on the city integration audit's themes.

A submission stays in private storage (no URL) until an editor approves it; approval turns
the cleaned photo into a Wagtail image in the "Photovoice" collection. Withdrawing it, with
the link mailed to the submitter, removes the photo everywhere (docs/photovoice.md)."""

from django.conf import settings
from django.core.files.storage import storages
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.models import Page

from cms import languages
from cms.translatable import LocalizedRoutingMixin, TranslatableTerm, in_source_language


def private_storage():
    # Resolved when used, so settings (and tests) decide where pending files live.
    return storages["private"]


class AuditTheme(TranslatableTerm):
    """A theme of the city integration audit: labour market, education, urban security…

    Separate from story themes: the audit's themes are the city's questions, not what a
    story is about, and they change with each audit."""

    class Meta(TranslatableTerm.Meta):
        verbose_name = _("audit theme")
        verbose_name_plural = _("audit themes")
        constraints = [
            models.UniqueConstraint(
                fields=["slug", "locale"], name="unique_audit_theme_slug_per_locale"
            )
        ]


class PhotovoicePage(LocalizedRoutingMixin, Page):
    """The public form for photovoice photos and the gallery of approved ones, by theme."""

    intro = models.TextField(_("introduction"), blank=True)
    how_to = models.TextField(
        _("how to take part"),
        blank=True,
        help_text=_("A few short sentences above the form: what to photograph, and why."),
    )

    content_panels = [*Page.content_panels, FieldPanel("intro"), FieldPanel("how_to")]
    parent_page_types = ["cms.HomePage", "cms.ContentPage"]
    subpage_types = []
    template = "campaigns/photovoice_page.html"

    class Meta:
        verbose_name = _("photovoice page")

    # Served by campaigns.photovoice.views.photovoice_page (a before_serve_page hook in
    # campaigns/photovoice/wagtail_hooks.py): the form and the gallery.


class PhotoSubmission(models.Model):
    class Status(models.TextChoices):
        PENDING = "pending", _("Waiting for moderation")
        APPROVED = "approved", _("Approved")
        REJECTED = "rejected", _("Rejected")
        WITHDRAWN = "withdrawn", _("Withdrawn")

    caption = models.TextField(_("caption"), max_length=500)
    alt_text = models.CharField(
        _("description for people who cannot see the photo"), max_length=250, blank=True
    )
    theme = models.ForeignKey(
        AuditTheme,
        verbose_name=_("audit theme"),
        on_delete=models.PROTECT,
        related_name="submissions",
        limit_choices_to=in_source_language,
    )
    author_name = models.CharField(_("name or pseudonym"), max_length=80, blank=True)
    language = models.CharField(
        _("language it was sent in"), max_length=10, choices=languages.choices()
    )
    for_web = models.BooleanField(_("may be shown on this website"), default=False)
    for_screens = models.BooleanField(
        _("may be shown on screens in public transport"), default=False
    )
    for_partners = models.BooleanField(_("may be shared with partner websites"), default=False)
    email = models.EmailField(
        _("email for the withdrawal link"),
        blank=True,
        help_text=_("Optional; erased once the withdrawal link is sent."),
    )
    # Only a hash: the link itself goes to the submitter's email and is never stored.
    withdrawal_token_hash = models.CharField(max_length=64, unique=True, editable=False)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.PENDING, db_index=True
    )
    rejection_reason = models.TextField(_("reason for rejection"), blank=True)
    submitted_at = models.DateTimeField(_("sent at"), auto_now_add=True)
    moderated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("moderated by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    moderated_at = models.DateTimeField(_("moderated at"), null=True, blank=True)
    withdrawn_at = models.DateTimeField(_("withdrawn at"), null=True, blank=True)
    pending_file = models.FileField(
        _("photo waiting for moderation"),
        storage=private_storage,
        upload_to="photovoice/",
        blank=True,
    )
    image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("published image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        verbose_name = _("photovoice submission")
        verbose_name_plural = _("photovoice submissions")
        ordering = ["-submitted_at", "-pk"]
        permissions = [("moderate_photosubmission", _("Can moderate photovoice submissions"))]

    def __str__(self):
        return self.caption[:60] or str(_("(withdrawn photo)"))

    @property
    def is_public(self) -> bool:
        return self.status == self.Status.APPROVED and self.image_id is not None
