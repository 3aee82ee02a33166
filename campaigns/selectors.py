"""Reads for stories, campaigns, screens and partner sites. Every public read of a story goes
through consent."""

import contextlib
import hashlib
import hmac
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from django.conf import settings
from django.core.cache import cache
from django.db.models import Count, OuterRef, Q, QuerySet, Subquery, Sum
from django.db.models.functions import TruncDate
from django.utils import timezone

from campaigns import schedule
from campaigns.models import (
    CONSENT_SCOPES,
    SCREENS,
    WEB,
    CampaignIndexPage,
    CampaignPage,
    ConsentRecord,
    Organisation,
    PartnerKey,
    PlayEvent,
    Playlist,
    PlaylistAssignment,
    PlaylistItem,
    Screen,
    StoryIndexPage,
    StoryPage,
    Theme,
    WebhookDelivery,
    WebhookEndpoint,
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


# --- Screens and playlists (docs/screens.md) ----------------------------------------------

# Why an item or a playlist does not play: shown in the agenda, left out of the playlist API.
VIDEO_UNPUBLISHED = "video_unpublished"
VIDEO_NOT_READY = "video_not_ready"
STORY_NOT_PUBLIC = "story_not_public"
CAMPAIGN_UNPUBLISHED = "campaign_unpublished"
NOTHING_PLAYABLE = "nothing_playable"


@dataclass
class PlannedPlaylist:
    """A playlist that may play on a screen, with the assignment that brings it there
    (None for the fallback) and what of it can play now."""

    playlist: Playlist
    assignment: PlaylistAssignment | None
    items: list[PlaylistItem]
    problems: dict[int, str] = field(default_factory=dict)  # item id → why it cannot play
    problem: str | None = None  # why the whole playlist cannot play

    @property
    def candidate(self) -> schedule.Candidate:
        assignment = self.assignment
        return schedule.Candidate(
            assignment_id=assignment.pk,
            playlist_id=self.playlist.pk,
            priority=assignment.priority,
            for_screen=assignment.screen_id is not None,
            rule=self.playlist.rule,
        )

    @property
    def playable(self) -> list[PlaylistItem]:
        return [item for item in self.items if item.pk not in self.problems]


@dataclass
class ScreenPlan:
    """Everything that decides what a screen plays: its assignments and the fallback."""

    screen: Screen
    assigned: list[PlannedPlaylist]
    fallback: PlannedPlaylist | None

    def playing(self) -> list[PlannedPlaylist]:
        return [planned for planned in self.assigned if planned.problem is None]

    def by_assignment(self) -> dict[int, PlannedPlaylist]:
        return {planned.assignment.pk: planned for planned in self.assigned}

    def timeline(self, start: datetime, end: datetime) -> list[schedule.Segment]:
        zone = timezone.get_default_timezone()
        return schedule.timeline([p.candidate for p in self.playing()], start, end, zone)


def screen_plan(screen: Screen) -> ScreenPlan:
    """A screen's assignments (direct and through its group) and the fallback, each with
    what can play: published, processed videos; stories with consent for screens; published
    campaigns. A constant number of queries, whatever the number of playlists."""
    assignments = list(
        PlaylistAssignment.objects.filter(
            Q(screen=screen) | Q(group_id=screen.group_id), playlist__is_fallback=False
        )
        .select_related("playlist__campaign")
        .prefetch_related("playlist__time_windows")
        .order_by("-priority", "pk")
    )
    fallback = (
        Playlist.objects.filter(is_fallback=True)
        .select_related("campaign")
        .prefetch_related("time_windows")
        .first()
    )
    playlists = {a.playlist_id: a.playlist for a in assignments}
    if fallback:
        playlists[fallback.pk] = fallback
    items = list(
        PlaylistItem.objects.filter(playlist_id__in=playlists)
        .select_related("video__poster", "story")
        .prefetch_related("video__captions")
        .order_by("playlist_id", "sort_order", "pk")
    )
    story_ids = {item.story_id for item in items if item.story_id}
    public_story_ids = (
        set(stories_for_screens().filter(pk__in=story_ids).values_list("pk", flat=True))
        if story_ids
        else set()
    )
    items_by_playlist: dict[int, list[PlaylistItem]] = {pk: [] for pk in playlists}
    for item in items:
        items_by_playlist[item.playlist_id].append(item)

    def planned(playlist: Playlist, assignment: PlaylistAssignment | None) -> PlannedPlaylist:
        own = items_by_playlist[playlist.pk]
        result = PlannedPlaylist(playlist=playlist, assignment=assignment, items=own)
        for item in own:
            problem = _item_problem(item, public_story_ids)
            if problem:
                result.problems[item.pk] = problem
        if playlist.campaign_id and not playlist.campaign.live:
            result.problem = CAMPAIGN_UNPUBLISHED
        elif not result.playable:
            result.problem = NOTHING_PLAYABLE
        return result

    return ScreenPlan(
        screen=screen,
        assigned=[planned(a.playlist, a) for a in assignments],
        fallback=planned(fallback, None) if fallback else None,
    )


def _item_problem(item: PlaylistItem, public_story_ids: set[int]) -> str | None:
    if not item.video.published:
        return VIDEO_UNPUBLISHED
    if not item.video.is_ready:
        return VIDEO_NOT_READY
    if item.story_id and item.story_id not in public_story_ids:
        return STORY_NOT_PUBLIC
    return None


@dataclass
class AgendaEntry:
    planned: PlannedPlaylist
    why_not: str | None  # a schedule.Rule.why_not code, a playlist problem, or "outranked"


@dataclass
class Agenda:
    """What plays on a screen at a moment, and why: the answer to an editor's question."""

    screen: Screen
    moment: datetime
    playing: PlannedPlaylist | None
    is_fallback: bool
    entries: list[AgendaEntry]


def agenda(*, screen: Screen, moment: datetime) -> Agenda:
    plan = screen_plan(screen)
    zone = timezone.get_default_timezone()
    winner = schedule.winner([p.candidate for p in plan.playing()], moment, zone)
    entries = []
    for planned in plan.assigned:
        if planned.problem:
            why_not = planned.problem
        else:
            why_not = planned.playlist.rule.why_not(moment, zone)
            if why_not is None and winner and winner.assignment_id != planned.assignment.pk:
                why_not = "outranked"
        entries.append(AgendaEntry(planned=planned, why_not=why_not))
    if winner:
        playing = plan.by_assignment()[winner.assignment_id]
    else:
        playing = plan.fallback if plan.fallback and not plan.fallback.problem else None
    return Agenda(
        screen=screen,
        moment=moment,
        playing=playing,
        is_fallback=winner is None and playing is not None,
        entries=entries,
    )


def silent_screens(*, minutes: int | None = None) -> QuerySet:
    """Active screens not heard from in the last `minutes`."""
    minutes = settings.SCREEN_SILENT_AFTER_MINUTES if minutes is None else minutes
    since = timezone.now() - timedelta(minutes=minutes)
    return Screen.objects.filter(active=True).filter(
        Q(last_seen_at__isnull=True) | Q(last_seen_at__lt=since)
    )


def screen_for_token(*, screen_id: int, token: str) -> Screen | None:
    """The screen whose token this is, or None. Compared in constant time."""
    screen = Screen.objects.filter(pk=screen_id).select_related("group").first()
    if screen is None or not screen.token_hash or not token:
        return None
    digest = hashlib.sha256(token.encode()).hexdigest()
    return screen if hmac.compare_digest(digest, screen.token_hash) else None


@dataclass(frozen=True)
class PlayCount:
    day: date
    video_id: int | None
    video_title: str
    group_name: str
    language: str
    plays: int
    seconds: float


def play_counts(*, since: date, until: date, group_id: int | None = None) -> list[PlayCount]:
    """Plays per local day, video, screen group and language, from `since` to `until`
    (both included)."""
    zone = timezone.get_default_timezone()
    start = datetime.combine(since, datetime.min.time(), tzinfo=zone)
    end = datetime.combine(until + timedelta(days=1), datetime.min.time(), tzinfo=zone)
    plays = PlayEvent.objects.filter(started_at__gte=start, started_at__lt=end)
    if group_id:
        plays = plays.filter(group_id=group_id)
    rows = (
        plays.annotate(day=TruncDate("started_at", tzinfo=zone))
        .values("day", "video_id", "video__title", "group__name", "language")
        .annotate(plays=Count("pk"), seconds=Sum("duration_seconds"))
        .order_by("day", "video__title", "group__name", "language")
    )
    return [
        PlayCount(
            day=row["day"],
            video_id=row["video_id"],
            video_title=row["video__title"] or "",
            group_name=row["group__name"] or "",
            language=row["language"],
            plays=row["plays"],
            seconds=row["seconds"] or 0.0,
        )
        for row in rows
    ]


# --- Partner sites (docs/partners.md) ------------------------------------------------------

PARTNER_ORIGINS_CACHE_KEY = "partners:cors-origins"
# Saving or deleting a key forgets the cached origins; this bounds any other staleness.
PARTNER_ORIGINS_CACHE_SECONDS = 10 * 60


def partner_key_for(key: str) -> PartnerKey | None:
    """The partner key, active or revoked, whose secret this is; None for an unknown key.
    Looked up by its SHA-256, so the comparison never sees the secret."""
    if not key or len(key) > 200:
        return None
    digest = hashlib.sha256(key.encode()).hexdigest()
    return PartnerKey.objects.filter(key_hash=digest).select_related("organisation").first()


def partner_origins() -> frozenset[str]:
    """Origins listed by active partner keys: those whose pages may call the API from a
    reader's browser. Cached; see campaigns.signal_handlers for the invalidation."""
    try:
        origins = cache.get(PARTNER_ORIGINS_CACHE_KEY)
    except Exception:  # a cache outage must not take the API down: ask the database
        origins = None
    if origins is None:
        origins = set()
        active = PartnerKey.objects.filter(revoked_at__isnull=True).exclude(key_hash="")
        for text in active.exclude(allowed_origins="").values_list("allowed_origins", flat=True):
            origins.update(line for line in text.splitlines() if line)
        origins = sorted(origins)
        with contextlib.suppress(Exception):
            cache.set(PARTNER_ORIGINS_CACHE_KEY, origins, PARTNER_ORIGINS_CACHE_SECONDS)
    return frozenset(origins)


def webhook_endpoints_with_last_status() -> QuerySet:
    """Endpoints, each annotated with `last_delivery_status` and `last_delivery_at`."""
    newest = WebhookDelivery.objects.filter(endpoint=OuterRef("pk")).order_by("-created_at")
    return WebhookEndpoint.objects.select_related("organisation").annotate(
        last_delivery_status=Subquery(newest.values("status")[:1]),
        last_delivery_at=Subquery(newest.values("created_at")[:1]),
    )


def webhook_deliveries(*, endpoint_id: int | None = None, status: str | None = None) -> QuerySet:
    deliveries = WebhookDelivery.objects.select_related("endpoint__organisation")
    if endpoint_id:
        deliveries = deliveries.filter(endpoint_id=endpoint_id)
    if status:
        deliveries = deliveries.filter(status=status)
    return deliveries.order_by("-created_at")
