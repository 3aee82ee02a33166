"""Writes for stories: consent given, changed or withdrawn (docs/videos.md, "Stories").

Whoever changes a consent (an editor in the admin, a test, any future API) goes through one
of two functions: `save_consent` for a consent given or changed (its uses widened or
narrowed), `withdraw_consent` to end one. Both keep the record and take down what no
consent covers any more: the story in every language without consent for the web, and the
partner sites' copies without consent for partners."""

import datetime

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.log_actions import log
from wagtail.models import ReferenceIndex
from wagtail_localize.models import (
    String,
    StringTranslation,
    TranslationContext,
    TranslationSource,
)

from campaigns.partners import services as partners
from campaigns.stories.models import CONSENT_SCOPES, PARTNERS, WEB, ConsentRecord, StoryPage
from campaigns.videos import services as videos_services
from cms.api.purge import purge_api_urls


@transaction.atomic
def save_consent(*, record: ConsentRecord, user=None) -> list[StoryPage]:
    """Store a consent record, new or changed, and take down what is no longer covered.
    Returns the pages that were unpublished (every language of a story without consent
    for the web)."""
    created = record.pk is None
    stories = [record.story] if record.story else []
    if not created:
        # The record may have been moved to another story: the one it covered is checked too.
        before = ConsentRecord.objects.filter(pk=record.pk).select_related("story").first()
        if before and before.story and before.story_id != record.story_id:
            stories.append(before.story)
    # Read before saving: whether partners may show each story now.
    shared_before = {story.pk: story.has_consent(PARTNERS) for story in stories}
    record.save()
    log(instance=record, action="wagtail.create" if created else "wagtail.edit", user=user)
    unpublished = []
    for story in stories:
        unpublished += _take_down(story=story, user=user, shared_before=shared_before[story.pk])
    return unpublished


@transaction.atomic
def withdraw_consent(
    *, record: ConsentRecord, user=None, on: datetime.date | None = None
) -> list[StoryPage]:
    """End a consent on `on` (today unless the record or the caller gives a date) and take
    the story down wherever nothing else covers it. The record is kept as evidence.
    Returns the pages that were unpublished."""
    if record.withdrawn_on is None or on is not None:
        record.withdrawn_on = on or timezone.localdate()
    unpublished = save_consent(record=record, user=user)
    story = record.story
    if story is not None and not any(story.has_consent(scope) for scope in CONSENT_SCOPES):
        erase_story(story=story)
    return unpublished


# What a story says about its person: blanked in every language and every old revision.
PERSONAL_FIELDS = {
    "country_of_origin": "",
    "year_of_arrival": None,
    "occupation": "",
    "quote": "",
    "portrait": None,
    "portrait_alt_text": "",
    "video": "[]",  # a StreamField, as revisions keep it
    "body": "[]",
    "search_description": "",
    "seo_title": "",
}


@transaction.atomic
def erase_story(*, story: StoryPage) -> None:
    """Nothing of a person whose consent ended stays: in every language the page keeps only
    a neutral title (for the admin's history), every revision is blanked the same way, the
    portrait and the library video are deleted with their files and renditions (unless
    something else uses them) and their addresses purged from the CDN, and
    wagtail-localize's copies of the text are dropped. The consent records stay as
    evidence."""
    pages = list(StoryPage.objects.filter(translation_key=story.translation_key))
    images = {page.portrait for page in pages if page.portrait_id}
    videos = {
        block.value
        for page in pages
        for block in page.video
        if block.block_type == "library_video" and block.value is not None
    }
    for page in pages:
        title = _("Withdrawn story %(number)s") % {"number": page.pk}
        blank = {**PERSONAL_FIELDS, "title": title, "draft_title": title, "person_name": title}
        for revision in page.revisions.all():
            revision.content = {**revision.content, **blank}
            revision.save(update_fields=["content"])
        for name, value in blank.items():
            setattr(page, name, [] if value == "[]" else value)
        page.save(clean=False)
    _forget_translation_copies(story.translation_key)
    for image in images:
        if not ReferenceIndex.get_references_to(image).exists():
            image.delete()  # Wagtail deletes its files and renditions; cms.cdn purges them
    for video in videos:
        if not ReferenceIndex.get_references_to(video).exists():
            videos_services.delete_video(video=video)


def _forget_translation_copies(translation_key) -> None:
    """wagtail-localize keeps the source's text (its serialised copy and each string) and
    every translated string: the erased source is read again, and strings nothing else
    uses are deleted."""
    contexts = TranslationContext.objects.filter(object_id=translation_key)
    StringTranslation.objects.filter(context__in=contexts).delete()
    for source in TranslationSource.objects.filter(object_id=translation_key):
        source.update_from_db()
        source.refresh_segments()
    String.objects.filter(segments__isnull=True, translations__isnull=True).delete()


def _take_down(*, story: StoryPage, user, shared_before: bool) -> list[StoryPage]:
    """Unpublish the story in every language when no consent for the web remains.

    A story that stays on the web but may no longer be shared with partners leaves the API
    (it lists only stories with consent for partners): partners are told `unpublished`
    and the CDN forgets its API answers, as when a page is unpublished."""
    translations = story.get_translations(inclusive=True).live().specific()
    if story.has_consent(WEB):
        if shared_before and not story.has_consent(PARTNERS):
            for page in translations:
                purge_api_urls(page=page)
                partners.announce_unpublished(page=page, shared_with_partners=True)
        return []
    unpublished = []
    for page in translations:
        page.unpublish(user=user, log_action=True)
        unpublished.append(page)
    return unpublished
