"""Reads of stories. Every public read of a story goes through consent: web pages, screens
and partner sites each need consent, not withdrawn, for that use."""

from django.db.models import QuerySet

from campaigns.stories.models import SCREENS, WEB, ConsentRecord, StoryPage


def consented_story_keys(scope: str) -> QuerySet:
    """Translation keys of stories with consent, not withdrawn, for `scope` (web, screens,
    partners): a subquery, so callers add no query of their own."""
    return ConsentRecord.objects.in_force(scope).story_keys()


def public_stories(scope: str = WEB) -> QuerySet:
    """Live, public stories (in any language) whose consent covers `scope`."""
    return StoryPage.objects.live().public().with_consent(scope)


def stories_for_screens() -> QuerySet:
    """What playlists may show: stories with consent for screens."""
    return public_stories(SCREENS)
