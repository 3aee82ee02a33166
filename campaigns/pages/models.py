"""Campaign pages: an awareness campaign with its myths and facts, events, videos, figures
and stories, and the index that lists campaigns."""

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, FieldRowPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index

from campaigns.pages.blocks import EventBlock, MythFactBlock, StoryChooserBlock
from campaigns.stories.models import WEB, Organisation, StoryPage
from campaigns.videos.blocks import VideoStreamBlock
from cms.data_stories.blocks import StatisticBlock
from cms.querysets import TranslatedPageManager
from cms.readability import EasyLanguageCheckPanel
from cms.translatable import LocalizedRoutingMixin, in_source_language


class CampaignIndexPage(LocalizedRoutingMixin, Page):
    intro = models.TextField(_("introduction"), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    parent_page_types = ["cms.HomePage"]
    subpage_types = ["campaigns.CampaignPage"]
    template = "campaigns/campaign_index_page.html"

    class Meta:
        verbose_name = _("campaign index")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        campaigns = (
            CampaignPage.objects.live()
            .public()
            .children_of_any_translation(self)
            .defer_streamfields()
            .in_reader_language()
        )
        context["campaigns"] = sorted(
            campaigns, key=lambda campaign: campaign.starts_on, reverse=True
        )
        return context


class CampaignPage(LocalizedRoutingMixin, Page):
    """An awareness campaign: World Refugee Month, with its myths and facts, events,
    videos, figures and the stories it told."""

    starts_on = models.DateField(_("starts on"))
    ends_on = models.DateField(_("ends on"))
    intro = models.TextField(_("introduction"))
    aims = RichTextField(_("aims"), features=["bold", "italic", "ul", "ol", "link"], blank=True)
    partners = ParentalManyToManyField(
        Organisation, blank=True, related_name="campaigns", limit_choices_to=in_source_language
    )
    myths_and_facts = StreamField(
        [("myth_fact", MythFactBlock())], blank=True, verbose_name=_("myths and facts")
    )
    events = StreamField([("event", EventBlock())], blank=True, verbose_name=_("events"))
    videos = StreamField(VideoStreamBlock(), blank=True, verbose_name=_("videos"))
    statistics = StreamField(
        [("statistic", StatisticBlock())], blank=True, verbose_name=_("facts and figures")
    )
    related_stories = StreamField(
        [("story", StoryChooserBlock())],
        blank=True,
        verbose_name=_("stories"),
    )

    content_panels = [
        *Page.content_panels,
        EasyLanguageCheckPanel(),
        FieldRowPanel([FieldPanel("starts_on"), FieldPanel("ends_on")], heading=_("Dates")),
        FieldPanel("intro"),
        FieldPanel("aims"),
        FieldPanel("partners", widget=forms.CheckboxSelectMultiple),
        FieldPanel("myths_and_facts"),
        FieldPanel("events"),
        FieldPanel("videos"),
        FieldPanel("statistics"),
        FieldPanel("related_stories"),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("intro"),
        index.SearchField("aims"),
        index.SearchField("myths_and_facts"),
    ]
    parent_page_types = ["campaigns.CampaignIndexPage"]
    subpage_types = []
    template = "campaigns/campaign_page.html"

    objects = TranslatedPageManager()

    class Meta:
        verbose_name = _("campaign")

    def clean(self):
        super().clean()
        if self.starts_on and self.ends_on and self.ends_on < self.starts_on:
            raise ValidationError({"ends_on": _("A campaign cannot end before it starts.")})

    def events_in_order(self) -> list:
        return sorted((child.value for child in self.events), key=lambda e: e["starts_at"])

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["partners"] = Organisation.objects.ordered_in_reader_language(
            [partner.translation_key for partner in self.partners.all()]
        )
        keys = [child.value.translation_key for child in self.related_stories if child.value]
        context["stories"] = (
            StoryPage.objects.live()
            .public()
            .with_consent(WEB)
            .select_related("portrait")
            .ordered_in_reader_language(keys)
        )
        return context
