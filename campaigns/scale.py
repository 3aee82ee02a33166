"""Stories, videos, screens and plays of the scale data set (cms/scale/__init__.py).

Stories are copies of the demo stories (each with its consent record); videos are copies of
the demo clips sharing their files and captions; screen groups each have a playlist of a few
videos; screens report plays of their group's videos over the last year, written with COPY
and counted into the per-day rows the plays report reads (DailyPlays), as ingestion does."""

import copy
import hashlib
import hmac
import uuid
from collections import defaultdict
from datetime import timedelta

from django.conf import settings
from django.db import connection, transaction
from django.utils import timezone
from wagtail.models import Page

from campaigns.screens.models import (
    DailyPlays,
    PlayEvent,
    Playlist,
    PlaylistAssignment,
    PlaylistItem,
    Screen,
    ScreenGroup,
)
from campaigns.screens.services import rebuild_play_rollups
from campaigns.stories.models import ConsentRecord, StoryIndexPage, StoryPage
from campaigns.videos.models import Caption, Video
from cms import languages
from cms.scale import YEAR, Run, add_made, made
from cms.scale.families import Copy, Family, copy_in_batches
from cms.scale.rows import copy_rows, insert

ORDER = 20
DONOR = "en"
SCREENS_PER_GROUP = 50
VIDEOS_PER_PLAYLIST = 4
PLAYS_PER_STEP = 100_000  # between updates of the progress bar
GROUP_KINDS = ("Метро, линия", "Трамвай", "Автобус", "Гара")
SAME_LANGUAGE_AS_GROUP = 0.9  # a line's screens mostly serve the same neighbourhoods
# Screens mostly show Bulgarian captions first; the rest follow where readers live.
SCREEN_LANGUAGE_WEIGHTS = {"bg": 60, "en": 10, "ar": 8, "uk": 8, "ru": 6, "fa": 4, "tr": 4}
DAILY_COLUMNS = ("day", "video_id", "group_id", "language", "plays", "seconds")
PLAY_COLUMNS = (
    "event_id",
    "screen_id",
    "group_id",
    "video_id",
    "started_at",
    "duration_seconds",
    "language",
    "received_at",
)


def generate(*, run: Run) -> None:
    _stories(run)
    _videos(run)
    _screens(run)
    _plays(run)


def screen_token(number: int) -> str:
    """The player token of the generated screen named "Екран <number>": derived from the
    SECRET_KEY so the benchmark can play any screen without storing tokens."""
    key = settings.SECRET_KEY.encode()
    return hmac.new(key, f"scale-screen-{number}".encode(), hashlib.sha256).hexdigest()


# --- stories -------------------------------------------------------------------------------


def _stories(run: Run) -> None:
    source_code = languages.source_language().code
    index = StoryIndexPage.objects.filter(locale__language_code=source_code).first()
    if index is None:
        run.log("No story index: the demo content is missing.")
        return
    parents: dict[str, Page] = {
        page.locale.language_code: page
        for page in StoryIndexPage.objects.filter(translation_key=index.translation_key)
        .select_related("locale")
        .filter(alias_of__isnull=True)
    }
    demo = StoryPage.objects.child_of(index).exclude(title__contains=" · ").order_by("path")
    templates = [Family.of(page, source_code) for page in demo]
    consents = {
        record.story_id: record
        for record in ConsentRecord.objects.filter(story__in=[t.source for t in templates])
    }
    by_key = {template.source.translation_key: template for template in templates}

    def add_consent(copies: list[Copy]) -> None:
        records = []
        for item in copies:
            story = item.pages[source_code]
            template = consents[_template_of(story, by_key).source.pk]
            record = copy.copy(template)
            record.pk = None
            record.story_id = story.pk
            record.story_title = story.title
            record.given_on = item.published_at.date()
            record.recorded_at = item.published_at
            record.notes = "Scale data."
            records.append(record)
        insert(ConsentRecord, records)

    copy_in_batches(run, "stories", templates, parents=parents, donor=DONOR, then=add_consent)


def _template_of(story: StoryPage, by_key: dict[uuid.UUID, Family]) -> Family:
    # A copy keeps its template's slug with its number after it.
    return next(
        template
        for template in by_key.values()
        if story.slug.startswith(template.source.slug + "-")
    )


# --- videos --------------------------------------------------------------------------------


def _videos(run: Run) -> None:
    wanted = run.missing("videos")
    templates = list(Video.objects.exclude(title__contains=" · ").order_by("pk"))
    if not wanted or not templates:
        run.log("Videos: all there" if templates else "No demo videos to copy.")
        return
    captions = defaultdict(list)
    for caption in Caption.objects.filter(video__in=templates):
        captions[caption.video_id].append(caption)
    first = made("videos") + 1
    with run.progress("videos", wanted) as bar, transaction.atomic():
        videos = []
        for number in range(first, first + wanted):
            template = templates[number % len(templates)]
            video = copy.copy(template)
            video._state = copy.copy(template._state)
            video._state.fields_cache = {}
            video.pk = None
            video.title = f"{template.title} · {number}"
            video.uploaded_at = run.now
            video._template_pk = template.pk
            videos.append(video)
        insert(Video, videos, returning=True)
        copies = []
        for video in videos:
            for caption in captions[video._template_pk]:
                row = copy.copy(caption)
                row.pk = None
                row.video_id = video.pk
                copies.append(row)
        insert(Caption, copies)
        add_made("videos", wanted)
        bar.update(wanted)


# --- screens and playlists -----------------------------------------------------------------


def _screens(run: Run) -> None:
    wanted = run.missing("screens")
    if not wanted:
        run.log("Screens: all there")
        return
    videos = list(
        Video.objects.filter(title__contains=" · ", published=True).values_list("pk", flat=True)
    ) or list(Video.objects.values_list("pk", flat=True))
    chooser = run.random("screens")
    first = made("screens") + 1
    codes = [code for code in SCREEN_LANGUAGE_WEIGHTS if code in languages.codes()]
    weights = [SCREEN_LANGUAGE_WEIGHTS[code] for code in codes]
    with run.progress("screens", wanted) as bar, transaction.atomic():
        groups: dict[int, ScreenGroup] = {}
        group_languages: dict[int, str] = {}
        screens = []
        for number in range(first, first + wanted):
            group_number = (number - 1) // SCREENS_PER_GROUP + 1
            if group_number not in groups:
                groups[group_number] = _group(group_number, videos, chooser)
                group_languages[group_number] = chooser.choices(codes, weights=weights)[0]
            seen = run.now - timedelta(seconds=chooser.randrange(0, 3600))
            screens.append(
                Screen(
                    name=f"Екран {number}",
                    group=groups[group_number],
                    location=f"{groups[group_number].name}, спирка {number % 40 + 1}",
                    language=(
                        group_languages[group_number]
                        if chooser.random() < SAME_LANGUAGE_AS_GROUP
                        else chooser.choices(codes, weights=weights)[0]
                    ),
                    token_hash=hashlib.sha256(screen_token(number).encode()).hexdigest(),
                    token_issued_at=run.now,
                    last_seen_at=seen,
                    created_at=run.now,
                )
            )
        insert(Screen, screens)
        add_made("screens", wanted)
        bar.update(wanted)


def _group(number: int, videos: list[int], chooser) -> ScreenGroup:
    """The group of screens number `number` (made on its first screen), with a playlist of
    a few videos assigned to it."""
    name = f"{GROUP_KINDS[number % len(GROUP_KINDS)]} {number}"
    group, created = ScreenGroup.objects.get_or_create(name=name)
    if created:
        playlist = Playlist.objects.create(name=f"Плейлиста: {name}")
        for order, video in enumerate(
            chooser.sample(videos, min(VIDEOS_PER_PLAYLIST, len(videos)))
        ):
            PlaylistItem.objects.create(playlist=playlist, video_id=video, sort_order=order)
        PlaylistAssignment.objects.create(playlist=playlist, group=group, priority=5)
    return group


# --- plays ---------------------------------------------------------------------------------


def _plays(run: Run) -> None:
    wanted = run.missing("plays")
    screens = list(
        Screen.objects.filter(name__startswith="Екран ").values_list("pk", "group_id", "language")
    )
    if not wanted or not screens:
        run.log("Plays: all there" if not wanted else "Plays: generate screens first")
        return
    playing: dict[int, list[tuple[int, float]]] = defaultdict(list)
    for group_id, video_id, seconds in PlaylistItem.objects.filter(
        playlist__assignments__group__in={group for _, group, _ in screens}
    ).values_list("playlist__assignments__group", "video_id", "video__duration_seconds"):
        playing[group_id].append((video_id, seconds or 15.0))
    screens = [screen for screen in screens if playing[screen[1]]]
    chooser = run.random("plays")
    zone = timezone.get_default_timezone()
    start, year_seconds = run.now - YEAR, YEAR.total_seconds()
    totals: dict[tuple, list] = defaultdict(lambda: [0, 0.0])

    def rows(size: int):
        for _ in range(size):
            screen_id, group_id, language = screens[chooser.randrange(len(screens))]
            video_id, seconds = playing[group_id][chooser.randrange(len(playing[group_id]))]
            started = start + timedelta(seconds=chooser.random() * year_seconds)
            total = totals[started.astimezone(zone).date(), video_id, group_id, language]
            total[0] += 1
            total[1] += seconds
            yield (
                uuid.UUID(int=chooser.getrandbits(128), version=4),
                screen_id,
                group_id,
                video_id,
                started,
                seconds,
                language,
                started + timedelta(seconds=30),
            )

    # One transaction: the events and their per-day counts land together or not at all.
    with run.progress("plays", wanted) as bar, transaction.atomic():
        for offset in range(0, wanted, PLAYS_PER_STEP):
            size = min(PLAYS_PER_STEP, wanted - offset)
            copy_rows(PlayEvent, PLAY_COLUMNS, rows(size))
            bar.update(size)
        _add_daily(totals)
        add_made("plays", wanted)


def _add_daily(totals: dict[tuple, list]) -> None:
    """Add the run's counts to DailyPlays. Rows that exist are replaced by their sums
    (a delete and an insert: many times faster than updating each row)."""
    existing = {
        (day, video_id, group_id, language): (pk, plays, seconds)
        for pk, day, video_id, group_id, language, plays, seconds in DailyPlays.objects.values_list(
            "pk", "day", "video_id", "group_id", "language", "plays", "seconds"
        )
    }
    stale, rows = [], []
    for key, (plays, seconds) in totals.items():
        if key in existing:
            pk, before, seconds_before = existing[key]
            stale.append(pk)
            plays, seconds = plays + before, seconds + seconds_before
        rows.append((*key, plays, seconds))
    table = connection.ops.quote_name(DailyPlays._meta.db_table)
    with connection.cursor() as cursor:
        for start in range(0, len(stale), 500):
            chunk = stale[start : start + 500]
            # Plain SQL: Django's delete would load each row to run delete signals.
            cursor.execute(
                f"DELETE FROM {table} WHERE id IN ({', '.join(['%s'] * len(chunk))})", chunk
            )
    copy_rows(DailyPlays, DAILY_COLUMNS, rows)
    rebuild_play_rollups()
