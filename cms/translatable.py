"""What every translatable page and term shares: routing that falls back along the reader's
language chain, terms readers browse by, and choosers that offer the source language's copy."""

from django.db import models
from django.http import Http404
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.models import Locale, Page, TranslatableMixin
from wagtail_localize.fields import SynchronizedField

from cms import languages
from cms.querysets import TranslatedQuerySet


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

    objects = TranslatedQuerySet.as_manager()

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
        if len(path_components) > 1:
            # The page at the end of the path and its parent (templates link back to it) in
            # one query, where Wagtail's walk takes two per level. No page of this platform
            # routes its own sub-paths, so the walk would end at the same page; anything
            # else (a draft, a fallback) takes the walk.
            target = f"{self.url_path}{'/'.join(path_components)}/"
            parent = f"{self.url_path}{'/'.join(path_components[:-1])}/"
            found = {
                page.url_path: page
                for page in Page.objects.filter(
                    url_path__in=[target, parent], path__startswith=self.path
                )
            }
            if target in found and found[target].live and parent in found:
                page = found[target].specific
                page._cached_parent_obj = found[parent]  # as Wagtail's walk leaves it
                return page.route(request, [])
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
