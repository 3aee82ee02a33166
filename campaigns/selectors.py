"""Reads for stories and campaigns. Every public read of a story goes through consent."""

from django.db.models import QuerySet

from campaigns.models import (
    CONSENT_SCOPES,
    SCREENS,
    WEB,
    CampaignIndexPage,
    CampaignPage,
    ConsentRecord,
    Organisation,
    StoryIndexPage,
    StoryPage,
    Theme,
)
from cms.selectors import (
    children_of_any_translation,
    in_reader_language,
    ordered_in_reader_language,
    reader_languages,
)


def consented_story_keys(scope: str) -> QuerySet:
    """Translation keys of stories with consent, not withdrawn, for `scope` (web, screens,
    partners): a subquery, so callers add no query of their own."""
    if scope not in CONSENT_SCOPES:
        raise ValueError(f"Unknown consent scope {scope!r}")
    return ConsentRecord.objects.filter(
        withdrawn_on__isnull=True, story__isnull=False, **{f"for_{scope}": True}
    ).values("story__translation_key")


def has_consent(*, story: StoryPage, scope: str) -> bool:
    return consented_story_keys(scope).filter(story__translation_key=story.translation_key).exists()


def public_stories(scope: str = WEB) -> QuerySet:
    """Live, public stories (in any language) whose consent covers `scope`."""
    return StoryPage.objects.live().public().filter(translation_key__in=consented_story_keys(scope))


def stories_for_screens() -> QuerySet:
    """What playlists may show: stories with consent for screens (campaigns on screens)."""
    return public_stories(SCREENS)


def stories_for_index(
    *, index_page: StoryIndexPage, language_code: str | None = None
) -> list[StoryPage]:
    """The index's stories, each in the reader's language or the nearest fallback."""
    stories = public_stories(WEB).filter(
        children_of_any_translation(index_page),
        locale__language_code__in=reader_languages(language_code),
    )
    stories = stories.select_related("locale", "portrait").defer_streamfields()
    chosen = in_reader_language(stories, language_code=language_code)
    return sorted(chosen.values(), key=lambda story: story.title.casefold())


def stories_in_reader_language(keys: list, language_code: str | None = None) -> list[StoryPage]:
    """Stories by translation key, in this order, skipping any without consent."""
    stories = public_stories(WEB).select_related("portrait")
    return ordered_in_reader_language(stories, keys, language_code)


def _translated(model, objects, language_code: str | None) -> list:
    """These snippets (any language's copies) in the reader's language where translated."""
    keys = [item.translation_key for item in objects]
    return ordered_in_reader_language(model.objects.all(), keys, language_code)


def organisations_in_reader_language(
    organisations, language_code: str | None = None
) -> list[Organisation]:
    return _translated(Organisation, organisations, language_code)


def themes_in_reader_language(themes, language_code: str | None = None) -> list[Theme]:
    return _translated(Theme, themes, language_code)


def campaigns_for_index(
    *, index_page: CampaignIndexPage, language_code: str | None = None
) -> list[CampaignPage]:
    campaigns = (
        CampaignPage.objects.live()
        .public()
        .filter(
            children_of_any_translation(index_page),
            locale__language_code__in=reader_languages(language_code),
        )
    )
    chosen = in_reader_language(
        campaigns.select_related("locale").defer_streamfields(), language_code=language_code
    )
    return sorted(chosen.values(), key=lambda campaign: campaign.starts_on, reverse=True)
