"""Migrants' stories, told with their consent, and the partners and themes they link to.

Every public read of a story requires consent, not withdrawn, for that use: web pages,
screens or partner sites (`StoryPage.objects.with_consent(scope)`)."""

from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page, PageManager, TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from campaigns.videos.blocks import VideoStreamBlock
from cms.blocks import ContentStreamBlock
from cms.narration import text as narration_text
from cms.narration.panels import NarrationPanel
from cms.querysets import TranslatedPageQuerySet, TranslatedQuerySet
from cms.readability import EasyLanguageCheckPanel
from cms.translatable import LocalizedRoutingMixin, TranslatableTerm, in_source_language

WEB, SCREENS, PARTNERS = "web", "screens", "partners"
CONSENT_SCOPES = (WEB, SCREENS, PARTNERS)


class Organisation(TranslatableMixin, index.Indexed, models.Model):
    """A partner: an NGO, an agency, a university that produces stories and campaigns."""

    name = models.CharField(_("name"), max_length=150)
    logo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("logo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    link = models.URLField(_("website"), blank=True)
    description = models.TextField(_("description"), blank=True)

    objects = TranslatedQuerySet.as_manager()

    panels = [FieldPanel("name"), FieldPanel("logo"), FieldPanel("link"), FieldPanel("description")]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("partner organisation")
        verbose_name_plural = _("partner organisations")
        ordering = ["name"]

    def __str__(self):
        return self.name


class Theme(TranslatableTerm):
    """What a story is about: education, sport, family…"""

    class Meta(TranslatableTerm.Meta):
        verbose_name = _("theme")
        verbose_name_plural = _("themes")
        constraints = [
            models.UniqueConstraint(fields=["slug", "locale"], name="unique_theme_slug_per_locale")
        ]


class ConsentRecordQuerySet(models.QuerySet):
    def in_force(self, scope: str) -> "ConsentRecordQuerySet":
        """Records not withdrawn whose consent covers `scope` (web, screens, partners)."""
        if scope not in CONSENT_SCOPES:
            raise ValueError(f"Unknown consent scope {scope!r}")
        return self.filter(withdrawn_on__isnull=True, **{f"for_{scope}": True})

    def story_keys(self) -> models.QuerySet:
        """The translation keys of these records' stories, as a subquery."""
        return self.filter(story__isnull=False).values("story__translation_key")


class StoryPageQuerySet(TranslatedPageQuerySet):
    def with_consent(self, scope: str) -> "StoryPageQuerySet":
        """Stories (in any language) whose consent, not withdrawn, covers `scope`: a
        subquery, so no query of its own."""
        return self.filter(translation_key__in=ConsentRecord.objects.in_force(scope).story_keys())


StoryPageManager = PageManager.from_queryset(StoryPageQuerySet)


class StoryIndexPage(LocalizedRoutingMixin, Page):
    """Migrants' stories of one language; only stories with consent for the web are listed."""

    intro = models.TextField(_("introduction"), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    parent_page_types = ["cms.HomePage"]
    subpage_types = ["campaigns.StoryPage"]
    template = "campaigns/story_index_page.html"

    class Meta:
        verbose_name = _("story index")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        stories = (
            StoryPage.objects.live()
            .public()
            .with_consent(WEB)
            .children_of_any_translation(self)
            .select_related("portrait")
            .defer_streamfields()
        )
        context["stories"] = sorted(
            stories.in_reader_language(), key=lambda story: story.title.casefold()
        )
        return context


class StoryPage(LocalizedRoutingMixin, Page):
    """A migrant's story, told with their consent (see ConsentRecord)."""

    person_name = models.CharField(
        _("name or pseudonym"),
        max_length=200,
        help_text=_("As the person agreed to be named."),
    )
    country_of_origin = models.CharField(_("country of origin"), max_length=120)
    year_of_arrival = models.PositiveSmallIntegerField(
        _("year of arrival"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1900), MaxValueValidator(2100)],
    )
    occupation = models.TextField(_("what they do now"))
    quote = models.TextField(_("quote"), blank=True)
    portrait = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("portrait"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    portrait_alt_text = models.CharField(
        _("portrait description"),
        max_length=250,
        blank=True,
        help_text=_(
            "What the portrait shows, for readers who cannot see it. Required with a portrait."
        ),
    )
    video = StreamField(VideoStreamBlock(max_num=1), blank=True, verbose_name=_("video"))
    partner = models.ForeignKey(
        Organisation,
        verbose_name=_("produced by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="stories",
        limit_choices_to=in_source_language,
    )
    themes = ParentalManyToManyField(
        Theme, blank=True, related_name="stories", limit_choices_to=in_source_language
    )
    body = StreamField(ContentStreamBlock(), blank=True, verbose_name=_("the story"))

    objects = StoryPageManager()

    # Names and places are not vocabulary (the easy-language check, cms.readability).
    easy_language_skipped_fields = ("person_name", "country_of_origin")
    content_panels = [
        *Page.content_panels,
        EasyLanguageCheckPanel(),
        NarrationPanel(),
        MultiFieldPanel(
            [
                FieldPanel("person_name"),
                FieldRowPanel([FieldPanel("country_of_origin"), FieldPanel("year_of_arrival")]),
                FieldPanel("occupation"),
                FieldPanel("quote"),
            ],
            heading=_("Who"),
        ),
        MultiFieldPanel(
            [FieldPanel("portrait"), FieldPanel("portrait_alt_text")], heading=_("Portrait")
        ),
        FieldPanel("video"),
        FieldPanel("partner"),
        FieldPanel("themes", widget=forms.CheckboxSelectMultiple),
        FieldPanel("body"),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("person_name"),
        index.SearchField("occupation"),
        index.SearchField("body"),
    ]
    # Translations keep linking the source language's partner, like themes; pages show it
    # in the reader's language (Organisation.objects.ordered_in_reader_language).
    override_translatable_fields = [SynchronizedField("partner")]
    parent_page_types = ["campaigns.StoryIndexPage"]
    subpage_types = []
    template = "campaigns/story_page.html"

    class Meta:
        verbose_name = _("story")
        verbose_name_plural = _("stories")

    def clean(self):
        super().clean()
        if self.portrait_id and not self.portrait_alt_text.strip():
            raise ValidationError({"portrait_alt_text": _("Describe the portrait.")})

    def narrated_paragraphs(self) -> list[str]:
        """What the narration reads (cms/narration/): the title, the quote and the story's
        text and quotes, in page order."""
        paragraphs = [self.title, self.quote]
        for child in self.body:
            if child.block_type == "rich_text":
                paragraphs += narration_text.html_paragraphs(child.value.source)
            elif child.block_type == "quote":
                paragraphs.append(child.value["text"])
        return [paragraph for paragraph in paragraphs if paragraph]

    def has_consent(self, scope: str) -> bool:
        """Whether a consent, not withdrawn, covers `scope` for this story (any language)."""
        return (
            ConsentRecord.objects.in_force(scope)
            .filter(story__translation_key=self.translation_key)
            .exists()
        )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        partners = Organisation.objects.ordered_in_reader_language(
            [self.partner.translation_key] if self.partner else []
        )
        context["partner"] = partners[0] if partners else None
        context["themes"] = Theme.objects.ordered_in_reader_language(
            [theme.translation_key for theme in self.themes.all()]
        )
        return context

    def serve(self, request, *args, **kwargs):
        # Without consent for the web (never given, or withdrawn) the story does not leave
        # the admin, even if a translation was published by mistake.
        if not self.has_consent(WEB):
            raise Http404
        return super().serve(request, *args, **kwargs)


class ConsentRecord(models.Model):
    """The consent under which a story is told: who gave it, when, for what use.

    One record covers the story in every language. Withdrawing it unpublishes them all
    (campaigns.stories.services.withdraw_consent); the record itself is kept."""

    story = models.ForeignKey(
        StoryPage,
        verbose_name=_("story"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="consent_records",
        limit_choices_to=in_source_language,
    )
    story_title = models.CharField(_("story title"), max_length=255, editable=False)
    given_by = models.CharField(
        _("consent given by"),
        max_length=200,
        help_text=_("The person in the story, or their parent or guardian."),
    )
    given_on = models.DateField(_("given on"))
    for_web = models.BooleanField(_("web pages"), default=False)
    for_screens = models.BooleanField(_("screens in public transport"), default=False)
    for_partners = models.BooleanField(_("partner websites (API)"), default=False)
    withdrawn_on = models.DateField(
        _("withdrawn on"),
        null=True,
        blank=True,
        help_text=_("Setting this unpublishes the story in every language at once."),
    )
    notes = models.TextField(_("notes"), blank=True)
    recorded_at = models.DateTimeField(_("recorded at"), auto_now_add=True)

    objects = ConsentRecordQuerySet.as_manager()

    panels = [
        FieldPanel("story"),
        FieldPanel("given_by"),
        FieldPanel("given_on"),
        MultiFieldPanel(
            [FieldPanel("for_web"), FieldPanel("for_screens"), FieldPanel("for_partners")],
            heading=_("Consent given for"),
        ),
        FieldPanel("withdrawn_on"),
        FieldPanel("notes"),
    ]

    class Meta:
        verbose_name = _("consent record")
        verbose_name_plural = _("consent records")
        ordering = ["-given_on", "-recorded_at"]

    def __str__(self):
        return f"{self.story_title or _('(story deleted)')}: {self.given_by}"

    def save(self, *args, **kwargs):
        if self.story_id:
            # Kept so the record still says what it was about if the story is deleted.
            self.story_title = self.story.title
        super().save(*args, **kwargs)

    def clean(self):
        super().clean()
        if not (self.for_web or self.for_screens or self.for_partners):
            raise ValidationError(_("Choose at least one use the consent was given for."))
        today = timezone.localdate()
        if self.given_on and self.given_on > today:
            raise ValidationError({"given_on": _("Consent cannot be given in the future.")})
        if self.withdrawn_on and self.given_on and self.withdrawn_on < self.given_on:
            raise ValidationError(
                {"withdrawn_on": _("Consent cannot be withdrawn before it was given.")}
            )
