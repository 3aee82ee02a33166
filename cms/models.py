from django.db import models
from django.http import Http404
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import StreamField
from wagtail.models import Locale, Page, TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from cms import languages
from cms.blocks import ContentStreamBlock
from cms.data_story import DataStoryStreamBlock, SourceBlock


def in_source_language() -> models.Q:
    """`limit_choices_to` for links to translatable snippets (topics, themes, partners).

    Pages link the source language's snippet and show its translation in each language;
    a chooser offering every language's copy would repeat each choice seven times."""
    return models.Q(locale__language_code=languages.source_language().code)


class TranslatableTerm(TranslatableMixin, models.Model):
    """A translatable term readers browse by: lesson topics, story themes."""

    name = models.CharField(_("name"), max_length=80)
    slug = models.SlugField(
        _("slug"),
        max_length=80,
        help_text=_("Used in addresses such as ?topic=health; the same in every language."),
    )
    description = models.TextField(_("description"), blank=True)

    panels = [FieldPanel("name"), FieldPanel("slug"), FieldPanel("description")]
    override_translatable_fields = [SynchronizedField("slug")]

    class Meta(TranslatableMixin.Meta):
        abstract = True
        ordering = ["name"]

    def __str__(self):
        return self.name


class LocalizedRoutingMixin:
    """Pages that a reader can always reach in their language.

    When `/fa/some-page/` has no Farsi translation, routing walks Farsi's fallback chain
    (settings.PLATFORM_LANGUAGES) and serves the first translation it finds; the
    template marks it as a fallback (`is_fallback`) and labels its content with the
    language it is really in. Every public page model mixes this in before `Page`.
    """

    def route(self, request, path_components):
        try:
            return super().route(request, path_components)
        except Http404:
            if not path_components:
                raise
            child_slug, remaining = path_components[0], path_components[1:]
            for code in languages.fallback_chain(languages.current().code):
                if code == self.locale.language_code:
                    continue
                locale = Locale.objects.filter(language_code=code).first()
                sibling = self.get_translation_or_none(locale) if locale else None
                if sibling is None:
                    continue
                child = sibling.get_children().filter(slug=child_slug).first()
                if child is not None:
                    try:
                        return child.specific.route(request, remaining)
                    except Http404:
                        continue
            raise

    @property
    def content_language(self) -> languages.Language:
        return languages.get(self.locale.language_code)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["content_language"] = self.content_language
        context["is_fallback"] = self.locale.language_code != languages.current().code
        return context


class HomePage(LocalizedRoutingMixin, Page):
    """The start page of each language."""

    intro = models.TextField(
        _("introduction"),
        blank=True,
        help_text=_("One or two short sentences under the title."),
    )
    body = StreamField(ContentStreamBlock(), blank=True, verbose_name=_("body"))

    content_panels = [*Page.content_panels, FieldPanel("intro"), FieldPanel("body")]
    search_fields = [*Page.search_fields, index.SearchField("intro"), index.SearchField("body")]

    # Each language's home page is a sibling under the tree root.
    parent_page_types = ["wagtailcore.Page"]
    template = "cms/home_page.html"

    class Meta:
        verbose_name = _("home page")


class ContentPage(LocalizedRoutingMixin, Page):
    """A generic page: about, contacts, help, the integration lab…"""

    intro = models.TextField(_("introduction"), blank=True)
    body = StreamField(ContentStreamBlock(), blank=True, verbose_name=_("body"))

    content_panels = [*Page.content_panels, FieldPanel("intro"), FieldPanel("body")]
    search_fields = [*Page.search_fields, index.SearchField("intro"), index.SearchField("body")]

    parent_page_types = ["cms.HomePage", "cms.ContentPage"]
    template = "cms/content_page.html"

    class Meta:
        verbose_name = _("content page")


class DataStoryPage(LocalizedRoutingMixin, Page):
    """Facts and figures told as a story: statistics and charts, each with its source, such
    as Sofia's city integration audit. The sources are listed again at the end of the page,
    and a publication paid for by the EU must say that the Commission is not responsible."""

    intro = models.TextField(
        _("introduction"), blank=True, help_text=_("One or two short sentences: the main finding.")
    )
    body = StreamField(DataStoryStreamBlock(), blank=True, verbose_name=_("body"))
    sources = StreamField(
        [("source", SourceBlock())],
        blank=True,
        verbose_name=_("sources"),
        help_text=_("Everything the figures on this page come from."),
    )
    funding_disclaimer = models.TextField(
        _("funding disclaimer"),
        blank=True,
        help_text=_(
            "For work paid for by the EU: a sentence saying that the European Commission is "
            "not responsible for how the information is used."
        ),
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("intro"),
        FieldPanel("body"),
        FieldPanel("sources"),
        FieldPanel("funding_disclaimer"),
    ]
    search_fields = [*Page.search_fields, index.SearchField("intro"), index.SearchField("body")]

    parent_page_types = ["cms.HomePage", "cms.ContentPage", "cms.DataStoryPage"]
    subpage_types = ["cms.DataStoryPage"]
    template = "cms/data_story_page.html"

    class Meta:
        verbose_name = _("data story page")


# Polls live in their own module (cms/polls/); imported here so that Django registers them
# and code may import them from cms.models like any model of the core.
from cms.polls.models import Poll, PollOption, PollVote  # noqa: E402, F401
