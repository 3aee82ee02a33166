"""PollBlock: a poll embedded in a page's body (cms.blocks.ContentStreamBlock has it)."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.snippets.blocks import SnippetChooserBlock

from cms import languages
from cms.cdn import changes_by_itself_at
from cms.polls import protection, selectors
from cms.polls.models import Poll


class SourcePollChooserBlock(SnippetChooserBlock):
    """The source language's poll, kept as it is in every translation of the page.

    wagtail-localize would swap a chosen snippet for its translation and refuse to
    translate a page into a language the poll has no copy in yet; the page shows the
    reader's copy (or the nearest fallback) when rendered instead, like lesson topics."""

    def __init__(self, **kwargs):
        super().__init__("cms.Poll", **kwargs)

    def get_translatable_segments(self, value):
        return []

    def restore_translated_segments(self, value, segments):
        return value

    def clean(self, value):
        value = super().clean(value)
        source = languages.source_language()
        if value is not None and value.locale.language_code != source.code:
            raise ValidationError(
                _("Choose the poll in %(language)s; readers see their own language’s copy.")
                % {"language": source.english_name}
            )
        return value


class PollBlock(blocks.StructBlock):
    poll = SourcePollChooserBlock(label=_("Poll"))

    class Meta:
        icon = "list-ul"
        label = _("Poll")
        description = _("A poll question that readers answer on the page.")
        template = "blocks/poll_block.html"

    def get_preview_value(self):
        """The oldest poll of the source language (what editors choose), or none: the
        preview is then empty."""
        poll = (
            Poll.objects.filter(locale__language_code=languages.source_language().code)
            .order_by("pk")
            .first()
        )
        return self.normalize({"poll": poll})

    def get_context(self, value, parent_context=None):
        """The form, or the results once the poll is closed. Nothing that depends on the
        reader's browser: the page may be cached and shared (cms.polls.views)."""
        context = super().get_context(value, parent_context=parent_context)
        chosen = value.get("poll")
        reader_poll = selectors.poll_for_reader(chosen.translation_key) if chosen else None
        context["reader_poll"] = reader_poll
        if reader_poll is not None:
            request = (parent_context or {}).get("request")
            closes_at = reader_poll.source.closes_at
            if not reader_poll.is_closed and closes_at is not None:
                changes_by_itself_at(request, closes_at)
            context.update(
                results=selectors.results(reader_poll) if reader_poll.is_closed else None,
                form_token=protection.form_token(reader_poll.key),
                next_url=request.path if request is not None else "",
            )
        return context
