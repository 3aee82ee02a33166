"""The shared glossary: a word readers meet in lessons and stories, explained simply, in each
language. The easy-language check never counts a glossary word as rare, and suggests one for
each rare word it finds (docs/easy-language.md)."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.models import TranslatableMixin

from cms.querysets import TranslatedQuerySet


class GlossaryTerm(TranslatableMixin, models.Model):
    term = models.CharField(_("term"), max_length=80)
    explanation = models.TextField(
        _("simple explanation"), help_text=_("One or two short sentences with everyday words.")
    )
    image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    audio = models.ForeignKey(
        "wagtaildocs.Document",
        verbose_name=_("audio"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("The term and its explanation read aloud (an audio file)."),
    )

    objects = TranslatedQuerySet.as_manager()

    panels = [
        FieldPanel("term"),
        FieldPanel("explanation"),
        FieldPanel("image"),
        FieldPanel("audio"),
    ]

    class Meta(TranslatableMixin.Meta):
        ordering = ["term"]
        verbose_name = _("glossary term")
        verbose_name_plural = _("glossary")

    def __str__(self):
        return self.term
