"""Writes for screens: a screen's token, the plays it reports, when it was last seen, what
its player says about itself."""

import hashlib
import io
import json
import secrets
import uuid
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

from django.conf import settings
from django.core.files.base import ContentFile
from django.db import IntegrityError, connection, transaction
from django.db.models import DateTimeField, F, Model, Sum, Value
from django.db.models.functions import Coalesce, Greatest, TruncMonth
from django.utils import timezone
from PIL import Image

from campaigns.screens.models import (
    DailyPlays,
    GroupDailyPlays,
    MonthlyPlays,
    PlayEvent,
    QrScans,
    Screen,
    ScreenScreenshot,
    ScreenStatus,
)
from cms.api.caching import shared


def issue_screen_token(*, screen: Screen) -> str:
    """A new secret for the screen's player; the old one stops working. Only its hash is
    stored: show the returned token once."""
    token = secrets.token_urlsafe(32)
    screen.token_hash = hashlib.sha256(token.encode()).hexdigest()
    screen.token_issued_at = timezone.now()
    screen.save(update_fields=["token_hash", "token_issued_at"])
    return token


@dataclass(frozen=True)
class PlayBatchResult:
    accepted: int
    duplicates: int


@transaction.atomic
def record_plays(*, screen: Screen, events: list[dict]) -> PlayBatchResult:
    """Store a screen's validated play events; events seen before (by event id, from any
    batch) are counted as duplicates and not stored again."""
    unique: dict[uuid.UUID, dict] = {}
    for event in events:
        unique.setdefault(event["event_id"], event)
    if connection.vendor == "postgresql" and screen.group_id is not None and unique:
        accepted = _store_and_count(screen, list(unique.values()))
    else:
        stored = [unique[key] for key in _insert_new_plays(screen, list(unique.values()))]
        add_to_play_counts(stored, group_id=screen.group_id)
        accepted = len(stored)
    return PlayBatchResult(accepted=accepted, duplicates=len(events) - accepted)


# On PostgreSQL a batch is one statement: the events arrive as one JSON parameter (parsed
# by the server, not dumped value by value), the new ones are inserted, and what that
# insert returns is counted into the three report tables by the same statement, each in
# sorted order (two screens of a group lock the rows they share in the same order). The
# Python loop in add_to_play_counts does the same elsewhere.
_STORE_AND_COUNT = """
WITH play AS (
    SELECT * FROM jsonb_to_recordset(%(events)s::jsonb)
        AS p(event_id uuid, video_id bigint, started_at timestamptz,
             duration_seconds float8, language text)
), stored AS (
    INSERT INTO {plays} (event_id, screen_id, group_id, video_id, started_at,
                         duration_seconds, language, received_at)
    SELECT event_id, %(screen)s, %(group)s, video_id, started_at, duration_seconds, language,
           %(received)s
    FROM play
    ON CONFLICT (event_id) DO NOTHING
    RETURNING video_id, (started_at AT TIME ZONE %(zone)s)::date AS day, duration_seconds,
              language
), daily AS (
    INSERT INTO {daily} AS counted (day, video_id, group_id, language, plays, seconds)
    SELECT day, video_id, %(group)s, language, count(*), sum(duration_seconds)
    FROM stored GROUP BY day, video_id, language ORDER BY day, video_id, language
    ON CONFLICT (day, video_id, group_id, language) DO UPDATE
    SET plays = counted.plays + EXCLUDED.plays, seconds = counted.seconds + EXCLUDED.seconds
), monthly AS (
    INSERT INTO {monthly} AS counted (month, video_id, group_id, language, plays, seconds)
    SELECT date_trunc('month', day)::date, video_id, %(group)s, language, count(*),
           sum(duration_seconds)
    FROM stored GROUP BY 1, video_id, language ORDER BY 1, video_id, language
    ON CONFLICT (month, video_id, group_id, language) DO UPDATE
    SET plays = counted.plays + EXCLUDED.plays, seconds = counted.seconds + EXCLUDED.seconds
), group_daily AS (
    INSERT INTO {group_daily} AS counted (day, group_id, plays, seconds)
    SELECT day, %(group)s, count(*), sum(duration_seconds)
    FROM stored GROUP BY day ORDER BY day
    ON CONFLICT (day, group_id) DO UPDATE
    SET plays = counted.plays + EXCLUDED.plays, seconds = counted.seconds + EXCLUDED.seconds
)
SELECT count(*) FROM stored
"""


def _store_and_count(screen: Screen, events: list[dict]) -> int:
    """Store the new events and count them, in one statement (PostgreSQL). Returns how many
    were new."""
    quote = connection.ops.quote_name
    sql = _STORE_AND_COUNT.format(
        plays=quote(PlayEvent._meta.db_table),
        daily=quote(DailyPlays._meta.db_table),
        monthly=quote(MonthlyPlays._meta.db_table),
        group_daily=quote(GroupDailyPlays._meta.db_table),
    )
    rows = [
        {
            "event_id": str(event["event_id"]),
            "video_id": event["video_id"],
            "started_at": event["started_at"].isoformat(),
            "duration_seconds": event["duration_seconds"],
            "language": event["language"],
        }
        for event in events
    ]
    with connection.cursor() as cursor:
        cursor.execute(
            sql,
            {
                "events": json.dumps(rows),
                "screen": screen.pk,
                "group": screen.group_id,
                "received": timezone.now(),
                "zone": settings.TIME_ZONE,
            },
        )
        return cursor.fetchone()[0]


def _insert_new_plays(screen: Screen, events: list[dict]) -> list[uuid.UUID]:
    """One INSERT … ON CONFLICT DO NOTHING … RETURNING: the database tells which event ids
    were new. A retry racing its first attempt waits on the unique index for it, then
    stores nothing; no lookup of known ids, no lock on the screen."""
    if not events:
        return []
    meta = PlayEvent._meta
    quote = connection.ops.quote_name
    names = ["event_id", "screen", "group", "video", "started_at", "duration_seconds"]
    fields = [meta.get_field(name) for name in [*names, "language", "received_at"]]
    event_id = quote(meta.get_field("event_id").column)
    insert = (
        f"INSERT INTO {quote(meta.db_table)} "
        f"({', '.join(quote(field.column) for field in fields)}) "
    )
    returning = f" ON CONFLICT ({event_id}) DO NOTHING RETURNING {event_id}"
    received = timezone.now()
    marks = ", ".join(["(" + ", ".join(["%s"] * len(fields)) + ")"] * len(events))
    sql = f"{insert}VALUES {marks}{returning}"
    parameters = []
    for event in events:
        row = (
            event["event_id"],
            screen.pk,
            screen.group_id,
            event["video_id"],
            event["started_at"],
            event["duration_seconds"],
            event["language"],
            received,
        )
        parameters += [
            field.get_db_prep_save(value, connection)
            for field, value in zip(fields, row, strict=True)
        ]
    with connection.cursor() as cursor:
        cursor.execute(sql, parameters)
        returned = [row[0] for row in cursor.fetchall()]
    # SQLite returns the stored hex text, PostgreSQL a UUID.
    return [value if isinstance(value, uuid.UUID) else uuid.UUID(value) for value in returned]


# The counts the plays report reads, each keyed by its own columns: a batch adds to all
# three, in this order and each in sorted order, so two screens of a group lock the rows
# they share in the same order and never deadlock.
_COUNTS: dict[type[Model], tuple[str, ...]] = {
    DailyPlays: ("day", "video_id", "group_id", "language"),
    MonthlyPlays: ("month", "video_id", "group_id", "language"),
    GroupDailyPlays: ("day", "group_id"),
}


def add_to_play_counts(plays: Iterable[dict], *, group_id: int | None) -> None:
    """Count one screen's new plays into the rows the report reads: per day, video and
    language; per month, video and language; per day (the screen's group throughout)."""
    zone = timezone.get_default_timezone()
    daily: dict[tuple, list] = {}
    for play in plays:
        day = timezone.localtime(play["started_at"], zone).date()
        total = daily.setdefault((day, play["video_id"], group_id, play["language"]), [0, 0.0])
        total[0] += 1
        total[1] += play["duration_seconds"]
    if daily:
        for model in _COUNTS:
            _add_counts(model, rolled_up(daily, model))


def rolled_up(daily: dict[tuple, list], model: type[Model]) -> dict[tuple, list]:
    """Per-day counts {(day, video, group, language): [plays, seconds]} summed into the
    keys of `model`."""
    if model is DailyPlays:
        return daily
    totals: dict[tuple, list] = {}
    for (day, video_id, group_id, language), (plays, seconds) in daily.items():
        if model is MonthlyPlays:
            key = (day.replace(day=1), video_id, group_id, language)
        else:
            key = (day, group_id)
        total = totals.setdefault(key, [0, 0.0])
        total[0] += plays
        total[1] += seconds
    return totals


def _add_counts(model: type[Model], totals: dict[tuple, list]) -> None:
    columns = _COUNTS[model]
    for key, (count, seconds) in sorted(totals.items(), key=lambda item: _sortable(item[0])):
        kind = dict(zip(columns, key, strict=True))
        for _attempt in range(2):
            row = model.objects.filter(**kind).order_by("pk").values_list("pk", flat=True)
            if model.objects.filter(pk__in=row[:1]).update(
                plays=F("plays") + count, seconds=F("seconds") + seconds
            ):
                break
            try:
                with transaction.atomic():
                    model.objects.create(**kind, plays=count, seconds=seconds)
                break
            except IntegrityError:  # another batch created it meanwhile: add to it
                continue


@transaction.atomic
def rebuild_play_rollups() -> None:
    """The per-month and per-day-and-group counts summed afresh from the per-day ones (after
    writing those in bulk, as the scale generator does)."""
    MonthlyPlays.objects.all().delete()
    GroupDailyPlays.objects.all().delete()
    sums = {"plays": Sum("plays"), "seconds": Sum("seconds")}
    months = (
        DailyPlays.objects.annotate(month=TruncMonth("day"))
        .values("month", "video_id", "group_id", "language")
        .annotate(**sums)
        .order_by()
    )
    MonthlyPlays.objects.bulk_create((MonthlyPlays(**row) for row in months), batch_size=2000)
    days = DailyPlays.objects.values("day", "group_id").annotate(**sums).order_by()
    GroupDailyPlays.objects.bulk_create((GroupDailyPlays(**row) for row in days), batch_size=2000)


def _sortable(key: tuple) -> list[tuple]:
    # A None (a screen without a group) sorts apart from the values of its column.
    return [(value is None, 0 if value is None else value) for value in key]


def record_last_seen(*, screen_ids: Iterable[int], at: datetime) -> int:
    """These screens polled by `at`, in one UPDATE; never moves a time backwards."""
    screen_ids = list(screen_ids)
    if not screen_ids:
        return 0
    moment = Value(at, output_field=DateTimeField())
    return Screen.objects.filter(pk__in=screen_ids).update(
        last_seen_at=Greatest(Coalesce(F("last_seen_at"), moment), moment)
    )


STATUS_FIELDS = [
    "reported_at",
    "playlist_etag",
    "playing",
    "cached_items",
    "cached_bytes",
    "free_bytes",
    "player_version",
    "clock_skew_seconds",
    "errors",
]


def status_row(*, screen_id: int, report: dict, at: datetime) -> ScreenStatus:
    """What a validated report keeps (one row per screen, replaced by the next)."""
    clock = report.get("clock")
    return ScreenStatus(
        screen_id=screen_id,
        reported_at=at,
        playlist_etag=report["playlist_etag"],
        playing=report["playing"],
        cached_items=report["cached_items"],
        cached_bytes=report["cached_bytes"],
        free_bytes=report["free_bytes"],
        player_version=report["player_version"],
        clock_skew_seconds=round((clock - at).total_seconds()) if clock else None,
        errors=report["errors"],
    )


@transaction.atomic
def record_statuses(*, rows: list[ScreenStatus]) -> int:
    """Keep the reports gathered since the last write (campaigns.screens.api.reports), each
    screen's latest, in one upsert, and count their screens as seen by the latest of them.
    Reports of screens deleted meanwhile are dropped. Returns how many were kept."""
    existing = set(
        Screen.objects.filter(pk__in=[row.screen_id for row in rows]).values_list("pk", flat=True)
    )
    rows = [row for row in rows if row.screen_id in existing]
    if not rows:
        return 0
    ScreenStatus.objects.bulk_create(
        rows, update_conflicts=True, unique_fields=["screen"], update_fields=STATUS_FIELDS
    )
    record_last_seen(screen_ids=existing, at=max(row.reported_at for row in rows))
    return len(rows)


# --- Screenshots (docs/screens.md, "Screenshots") ------------------------------------------


class ScreenshotRefused(ValueError):
    """Not a picture the platform keeps; the message says why."""


def _wanted_key(screen_id: int) -> str:
    return f"screens:screenshot-wanted:{screen_id}"


@transaction.atomic
def request_screenshot(*, screen: Screen, at: datetime) -> ScreenScreenshot:
    """An operator asks: the player takes one after its next status report. The wish is also
    kept in the shared cache, so that a report's answer needs no database query for it."""
    shot, _created = ScreenScreenshot.objects.get_or_create(screen=screen)
    shot.requested_at = at
    shot.save(update_fields=["requested_at"])
    # Now: a rolled-back wish only makes the player send a picture that is refused (409).
    shared.set(_wanted_key(screen.pk), True, settings.SCREEN_SCREENSHOT_KEEP_HOURS * 3600)
    return shot


def screenshot_wanted(*, screen_id: int) -> bool:
    """For the status answer, from the shared cache (nothing wanted when it is down)."""
    return bool(shared.get(_wanted_key(screen_id)))


def screenshot_pending(*, screen: Screen) -> bool:
    shot = ScreenScreenshot.objects.filter(screen=screen).first()
    return shot is not None and shot.is_pending


@transaction.atomic
def store_screenshot(*, screen: Screen, data: bytes, at: datetime) -> ScreenScreenshot:
    """Keep the picture a player sent (JPEG, PNG or WebP), as a JPEG no larger than
    SCREEN_SCREENSHOT_MAX_SIDE, without metadata; the previous one is deleted. Only when
    one was asked for: a player cannot fill the storage on its own."""
    shot = ScreenScreenshot.objects.select_for_update().filter(screen=screen).first()
    if shot is None or not shot.is_pending:
        raise ScreenshotRefused("No screenshot was asked for.")
    jpeg = _as_jpeg(data)
    old = shot.image.name if shot.image else ""
    shot.image.save(f"screen-{screen.pk}-{uuid.uuid4().hex}.jpg", ContentFile(jpeg), save=False)
    shot.taken_at = shot.received_at = at
    shot.save(update_fields=["image", "taken_at", "received_at"])
    transaction.on_commit(lambda: shared.delete(_wanted_key(screen.pk)))
    if old:
        transaction.on_commit(lambda: shot.image.storage.delete(old))
    return shot


def _as_jpeg(data: bytes) -> bytes:
    largest = settings.SCREEN_SCREENSHOT_MAX_SIDE
    try:
        with Image.open(io.BytesIO(data)) as picture:
            if picture.format not in ("JPEG", "PNG", "WEBP"):
                raise ScreenshotRefused("Send a JPEG, PNG or WebP picture.")
            if picture.width * picture.height > 40_000_000:
                raise ScreenshotRefused("The picture is too large.")
            picture.thumbnail((largest, largest))
            out = io.BytesIO()
            picture.convert("RGB").save(out, "JPEG", quality=80)
    except (OSError, Image.DecompressionBombError, SyntaxError) as error:
        raise ScreenshotRefused("This is not a picture that can be read.") from error
    return out.getvalue()


@transaction.atomic
def prune_screenshots(*, older_than: datetime) -> int:
    """Delete the pictures received before `older_than` (SCREEN_SCREENSHOT_KEEP_HOURS)."""
    old = list(ScreenScreenshot.objects.filter(received_at__lt=older_than).exclude(image=""))
    for shot in old:
        name = shot.image.name
        transaction.on_commit(lambda name=name, storage=shot.image.storage: storage.delete(name))
    ScreenScreenshot.objects.filter(pk__in=[shot.pk for shot in old]).update(image="")
    return len(old)


def count_qr_scan(*, group_id: int, page_id: int, day) -> None:
    """One more scan of a screen group's QR code to a page on `day`: a count, nothing else."""
    kind = {"day": day, "group_id": group_id, "page_id": page_id}
    if QrScans.objects.filter(**kind).update(scans=F("scans") + 1):
        return
    try:
        with transaction.atomic():
            QrScans.objects.create(**kind, scans=1)
    except IntegrityError:  # another scan created it meanwhile
        QrScans.objects.filter(**kind).update(scans=F("scans") + 1)
