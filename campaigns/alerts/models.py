"""An alert: a short urgent message, written in the source language and translated like
any snippet (wagtail-localize), published and unpublished like a page. Only the title and
the text are translated; the source language's copy decides the rest (severity, times,
where it shows), so that one alert never means different things in two languages."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from modelcluster.fields import ParentalManyToManyField
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.models import DraftStateMixin, RevisionMixin, TranslatableMixin
from wagtail_localize.fields import SynchronizedField, TranslatableField

from cms.querysets import TranslatedQuerySet


class Severity(models.TextChoices):
    # CAP 1.2's own words (the feed says them as they are): screens show the first two over
    # the whole picture, the others as a band across its foot.
    EXTREME = "extreme", pgettext_lazy("alert severity", "Extreme: danger to life, full screen")
    SEVERE = "severe", pgettext_lazy("alert severity", "Severe: full screen")
    MODERATE = "moderate", pgettext_lazy("alert severity", "Moderate: a band on screens")
    MINOR = "minor", pgettext_lazy("alert severity", "Minor: a band on screens")


FULL_SCREEN = {Severity.EXTREME, Severity.SEVERE}


class Category(models.TextChoices):
    # CAP 1.2's categories, which public-warning systems sort alerts by.
    SAFETY = "Safety", pgettext_lazy("alert category", "Safety")
    SECURITY = "Security", pgettext_lazy("alert category", "Security, law enforcement")
    HEALTH = "Health", pgettext_lazy("alert category", "Health")
    MET = "Met", pgettext_lazy("alert category", "Weather")
    TRANSPORT = "Transport", pgettext_lazy("alert category", "Transport")
    INFRA = "Infra", pgettext_lazy("alert category", "Utilities, telecommunication")
    RESCUE = "Rescue", pgettext_lazy("alert category", "Rescue and recovery")
    FIRE = "Fire", pgettext_lazy("alert category", "Fire")
    ENV = "Env", pgettext_lazy("alert category", "Pollution, environment")
    GEO = "Geo", pgettext_lazy("alert category", "Earthquake, flood and other natural hazards")
    OTHER = "Other", pgettext_lazy("alert category", "Other")


class Alert(TranslatableMixin, DraftStateMixin, RevisionMixin, ClusterableModel):
    title = models.CharField(_("title"), max_length=120)
    text = models.TextField(
        _("text"),
        max_length=400,
        help_text=_("What to do, in a few short sentences: it is read on a screen in passing."),
    )
    severity = models.CharField(
        _("severity"), max_length=10, choices=Severity.choices, default=Severity.SEVERE
    )
    category = models.CharField(
        _("kind"), max_length=10, choices=Category.choices, default=Category.SAFETY
    )
    starts_at = models.DateTimeField(_("from"), default=timezone.now)
    ends_at = models.DateTimeField(
        _("until"),
        help_text=_("Screens and pages drop it at this time, even a screen that is offline."),
    )
    all_screens = models.BooleanField(_("on every screen"), default=True)
    groups = ParentalManyToManyField(
        "campaigns.ScreenGroup",
        verbose_name=_("on the screens of these groups"),
        blank=True,
        related_name="+",
        help_text=_("Used when it is not on every screen."),
    )
    on_website = models.BooleanField(
        _("on the website"),
        default=True,
        help_text=_("A banner at the top of every public page, in the reader's language."),
    )
    machine_drafts = models.BooleanField(
        _("machine-translate the other languages at once"),
        default=True,
        help_text=_(
            "Each language without a translation gets a machine translation, shown marked as "
            "one until a translator confirms it."
        ),
    )
    # When pages were purged for its start (a scheduled alert), and when partners were told
    # it ended (its end time passed, or it was unpublished).
    started_announced_at = models.DateTimeField(null=True, editable=False)
    ended_announced_at = models.DateTimeField(null=True, editable=False)

    objects = TranslatedQuerySet.as_manager()

    translatable_fields = [
        TranslatableField("title"),
        TranslatableField("text"),
        SynchronizedField("severity"),
        SynchronizedField("category"),
        SynchronizedField("starts_at"),
        SynchronizedField("ends_at"),
    ]

    panels = [
        FieldPanel("title"),
        FieldPanel("text"),
        FieldRowPanel([FieldPanel("severity"), FieldPanel("category")]),
        FieldRowPanel([FieldPanel("starts_at"), FieldPanel("ends_at")]),
        MultiFieldPanel(
            [FieldPanel("all_screens"), FieldPanel("groups"), FieldPanel("on_website")],
            heading=_("Where it shows"),
        ),
        FieldPanel("machine_drafts"),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("alert")
        verbose_name_plural = _("alerts")
        ordering = ["-starts_at"]

    def __str__(self):
        return self.title

    def clean(self):
        super().clean()
        if self.starts_at and self.ends_at and self.ends_at <= self.starts_at:
            raise ValidationError({"ends_at": _("An alert must end after it starts.")})

    @property
    def full_screen(self) -> bool:
        return self.severity in FULL_SCREEN

    def in_force_at(self, moment) -> bool:
        return self.starts_at <= moment < self.ends_at
