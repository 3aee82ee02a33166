"""Writes for stories: consent given, changed or withdrawn (docs/videos.md, "Stories").

Whoever changes a consent (an editor in the admin, a test, any future API) goes through one
of two functions: `save_consent` for a consent given or changed (its uses widened or
narrowed), `withdraw_consent` to end one. Both keep the record and take down what no
consent covers any more: the story in every language without consent for the web, and the
partner sites' copies without consent for partners."""

import datetime

from django.db import transaction
from django.utils import timezone
from wagtail.log_actions import log

from campaigns.partners import services as partners
from campaigns.stories.models import PARTNERS, WEB, ConsentRecord, StoryPage
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
    return save_consent(record=record, user=user)


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
