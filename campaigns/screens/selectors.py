"""Reads for screens: what a screen plays and why (the plan, the agenda), which screens are
silent, a screen's token, and the proof-of-play counts (docs/screens.md)."""

import hashlib
import hmac
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from django.conf import settings
from django.db.models import Q, QuerySet, Sum
from django.utils import timezone

from campaigns.pages.models import CampaignPage
from campaigns.screens import schedule
from campaigns.screens.models import (
    DailyPlays,
    GroupDailyPlays,
    MonthlyPlays,
    Playlist,
    PlaylistAssignment,
    PlaylistItem,
    QrScans,
    Screen,
)
from campaigns.stories.selectors import stories_for_screens
from cms.api.caching import shared

# Why an item or a playlist does not play: shown in the agenda, left out of the playlist API.
VIDEO_UNPUBLISHED = "video_unpublished"
VIDEO_NOT_READY = "video_not_ready"
PHOTO_NOT_FOR_SCREENS = "photo_not_for_screens"
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
        .select_related("video__poster", "story", "photo__image")
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
    if item.photo_id is not None:
        photo = item.photo
        if not (photo.is_public and photo.for_screens):
            return PHOTO_NOT_FOR_SCREENS
    elif not item.video.published:
        return VIDEO_UNPUBLISHED
    elif not item.video.is_ready:
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


AUTH_SECONDS = 600


def auth_key(screen_id: int) -> str:
    return f"screens:auth:{screen_id}"


def _token_matches(screen: Screen, token: str) -> bool:
    digest = hashlib.sha256(token.encode()).hexdigest()
    return bool(screen.token_hash) and hmac.compare_digest(digest, screen.token_hash)


def cached_screen_for_token(*, screen_id: int, token: str) -> Screen | None:
    """The screen whose token this is when the shared cache holds it, else None (the caller
    asks the database through screen_for_token): no query, for the status fast path."""
    screen = shared.get(auth_key(screen_id)) if token else None
    return screen if screen is not None and _token_matches(screen, token) else None


def screen_for_token(*, screen_id: int, token: str) -> Screen | None:
    """The screen whose token this is, or None. Compared in constant time. The screen is kept
    in the shared cache for AUTH_SECONDS (forgotten whenever it is saved: a new token, the
    screen switched off), so that a player's reports cost no query to authenticate."""
    if not token:
        return None
    screen = shared.get(auth_key(screen_id))
    if screen is None:
        screen = Screen.objects.filter(pk=screen_id).select_related("group").first()
        if screen is None:
            return None
        shared.set(auth_key(screen_id), screen, AUTH_SECONDS)
    return screen if _token_matches(screen, token) else None


@dataclass(frozen=True)
class PlayCount:
    day: date
    video_id: int | None
    video_title: str
    group_name: str
    language: str
    plays: int
    seconds: float


def _daily(since: date, until: date, group_id: int | None) -> QuerySet:
    counts = DailyPlays.objects.filter(day__gte=since, day__lte=until)
    return counts.filter(group_id=group_id) if group_id else counts


def play_counts(*, since: date, until: date, group_id: int | None = None) -> Iterator[PlayCount]:
    """Plays per local day, video, screen group and language, from `since` to `until`
    (both included), from the per-day counts (never the raw events). An iterator: a year
    of a large fleet is hundreds of thousands of rows (the CSV export streams them)."""
    rows = (
        _daily(since, until, group_id)
        .values("day", "video_id", "video__title", "group__name", "language")
        .annotate(plays=Sum("plays"), seconds=Sum("seconds"))
        .order_by("day", "video__title", "group__name", "language")
    )
    for row in rows.iterator(chunk_size=2000):
        yield PlayCount(
            day=row["day"],
            video_id=row["video_id"],
            video_title=row["video__title"] or "",
            group_name=row["group__name"] or "",
            language=row["language"],
            plays=row["plays"],
            seconds=row["seconds"] or 0.0,
        )


def plays_per_day(*, since: date, until: date, group_id: int | None = None) -> dict[date, int]:
    """Total plays of each day with any, from the per-day and group counts (one row per day
    and group, summed in the database)."""
    rows = GroupDailyPlays.objects.filter(day__gte=since, day__lte=until)
    if group_id:
        rows = rows.filter(group_id=group_id)
    rows = rows.values("day").annotate(plays=Sum("plays")).order_by("day")
    return {row["day"]: row["plays"] for row in rows}


def play_totals(*, since: date, until: date, group_id: int | None = None) -> list[dict]:
    """Plays and seconds per video, screen group and language over the whole period, most
    played first (a list for the report's pages). Whole calendar months in the period are
    read from the per-month counts, the days before and after them from the per-day ones:
    a year reads some 12 rows per kind instead of 365."""
    first, last = _whole_months(since, until)
    parts = []
    if first is None:
        parts.append(_daily(since, until, group_id))
    else:
        months = MonthlyPlays.objects.filter(month__gte=first, month__lte=last.replace(day=1))
        parts.append(months.filter(group_id=group_id) if group_id else months)
        if since < first:
            parts.append(_daily(since, first - timedelta(days=1), group_id))
        if last < until:
            parts.append(_daily(last + timedelta(days=1), until, group_id))
    totals: dict[tuple, dict] = {}
    for part in parts:
        kinds = part.values("video_id", "video__title", "group__name", "language")
        for row in kinds.annotate(plays=Sum("plays"), seconds=Sum("seconds")).order_by():
            key = (row["video_id"], row["group__name"], row["language"])
            if key in totals:
                totals[key]["plays"] += row["plays"]
                totals[key]["seconds"] += row["seconds"] or 0.0
            else:
                totals[key] = row
    return sorted(
        totals.values(),
        key=lambda row: (
            -row["plays"],
            row["video__title"] or "",
            row["group__name"] or "",
            row["language"],
        ),
    )


def _whole_months(since: date, until: date) -> tuple[date | None, date | None]:
    """The first and last day of the calendar months wholly inside since…until, or (None,
    None) when there is none."""
    first = since if since.day == 1 else (since.replace(day=28) + timedelta(days=4)).replace(day=1)
    after = until + timedelta(days=1)
    last = (after if after.day == 1 else after.replace(day=1)) - timedelta(days=1)
    if first > last:
        return None, None
    return first, last


def qr_target(*, page_id: int):
    """The page a screen's QR code may lead to: a published, public campaign, or a story
    published with consent for screens; None otherwise."""
    if not 0 < page_id <= 2**63 - 1:
        return None
    story = stories_for_screens().filter(pk=page_id).first()
    if story is not None:
        return story
    return CampaignPage.objects.live().public().filter(pk=page_id).first()


def qr_scan_totals(*, since: date, until: date, group_id: int | None = None) -> list[dict]:
    """Scans of screens' QR codes per screen group and page over the period, most first."""
    scans = QrScans.objects.filter(day__gte=since, day__lte=until)
    if group_id is not None:
        scans = scans.filter(group_id=group_id)
    return list(
        scans.values("group__name", "page__title", "page_id")
        .annotate(scans=Sum("scans"))
        .order_by("-scans", "group__name", "page__title")[:50]
    )
