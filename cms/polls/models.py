"""Poll, its answers and the votes. Importable from cms.models."""

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.models import Orderable, TranslatableMixin

from cms import languages
from cms.querysets import TranslatedQuerySet


class ResultsVisibility(models.TextChoices):
    AFTER_VOTING = "after_voting", _("After the reader has voted, and once the poll is closed")
    ALWAYS = "always", _("Always, also before voting")


class Poll(TranslatableMixin, ClusterableModel):
    """A question with a few answers. Each language's copy shares the `translation_key`,
    and each answer keeps its own `translation_key` in every language, so votes given in
    any language add up to the same answers (PollVote)."""

    question = models.CharField(_("question"), max_length=250)
    description = models.TextField(
        _("description"),
        blank=True,
        help_text=_("Optional: why we ask, or where the question comes from."),
    )
    # Not text, so wagtail-localize copies these to every translation: the source
    # language's copy decides whether a poll is open (cms.polls.selectors).
    is_open = models.BooleanField(
        _("open for votes"), default=True, help_text=_("Untick to close the poll now.")
    )
    closes_at = models.DateTimeField(
        _("closes at"),
        null=True,
        blank=True,
        help_text=_("Optional: the poll closes by itself at this time."),
    )
    results_visibility = models.CharField(
        _("show results"),
        max_length=20,
        choices=ResultsVisibility.choices,
        default=ResultsVisibility.AFTER_VOTING,
    )

    objects = TranslatedQuerySet.as_manager()

    panels = [
        FieldPanel("question"),
        FieldPanel("description"),
        InlinePanel("options", label=_("Answers"), min_num=2, max_num=8),
        MultiFieldPanel(
            [FieldPanel("is_open"), FieldPanel("closes_at"), FieldPanel("results_visibility")],
            heading=_("Voting"),
        ),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("poll")
        verbose_name_plural = _("polls")

    def __str__(self):
        return self.question

    def is_closed_at(self, moment) -> bool:
        return not self.is_open or (self.closes_at is not None and self.closes_at <= moment)

    @property
    def is_closed(self) -> bool:
        return self.is_closed_at(timezone.now())

    @property
    def shows_results_before_voting(self) -> bool:
        return self.results_visibility == ResultsVisibility.ALWAYS


class PollOption(TranslatableMixin, Orderable):
    """One answer. Translatable itself (not a text field of the poll) so that it keeps its
    identity, its `translation_key`, in every language."""

    poll = ParentalKey(Poll, on_delete=models.CASCADE, related_name="options")
    label = models.CharField(_("answer"), max_length=200)

    panels = [FieldPanel("label")]

    class Meta(TranslatableMixin.Meta):
        ordering = ["sort_order"]
        verbose_name = _("answer")
        verbose_name_plural = _("answers")

    def __str__(self):
        return self.label


class PollVote(models.Model):
    """One vote. Held against translation keys, not rows, so that every language's votes
    count together and survive a translation being deleted and made again. No personal
    data: no address, no browser identifier (one vote per browser is a signed cookie)."""

    poll_key = models.UUIDField(_("poll"), db_index=True)
    option_key = models.UUIDField(_("answer"))
    language = models.CharField(_("language"), max_length=10, choices=languages.choices)
    created_at = models.DateTimeField(_("voted at"), auto_now_add=True)

    class Meta:
        verbose_name = _("poll vote")
        verbose_name_plural = _("poll votes")
        indexes = [models.Index(fields=["poll_key", "option_key"], name="cms_pollvote_counts")]

    def __str__(self):
        return f"{self.poll_key} → {self.option_key} ({self.language})"
