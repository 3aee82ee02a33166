"""Writes for screens: a screen's token, the plays it reports, when it was last seen."""

import hashlib
import secrets
import uuid
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

from django.db import IntegrityError, connection, transaction
from django.db.models import DateTimeField, F, Value
from django.db.models.functions import Coalesce, Greatest
from django.utils import timezone

from campaigns.screens.models import DailyPlays, PlayEvent, Screen


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
    stored = [unique[event_id] for event_id in _insert_new_plays(screen, list(unique.values()))]
    add_to_daily_counts(stored, group_id=screen.group_id)
    return PlayBatchResult(accepted=len(stored), duplicates=len(events) - len(stored))


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
    if connection.vendor == "postgresql":
        # Five arrays, not 4,000 parameters: psycopg and the server parse it at once.
        sql = (
            insert + "SELECT play.event_id, %s, %s, play.video_id, play.started_at, play.duration,"
            " play.language, %s FROM unnest(%s::uuid[], %s::bigint[], %s::timestamptz[],"
            " %s::float8[], %s::text[])"
            " AS play(event_id, video_id, started_at, duration, language)" + returning
        )
        parameters = [
            screen.pk,
            screen.group_id,
            received,
            [event["event_id"] for event in events],
            [event["video_id"] for event in events],
            [event["started_at"] for event in events],
            [event["duration_seconds"] for event in events],
            [event["language"] for event in events],
        ]
    else:
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


def add_to_daily_counts(plays: Iterable[dict], *, group_id: int | None) -> None:
    """Count one screen's new plays into the per-day rows the report reads: one UPDATE
    per day, video and language in the batch (a screen's batch of 500 has a handful)."""
    zone = timezone.get_default_timezone()
    totals: dict[tuple, list] = {}
    for play in plays:
        day = timezone.localtime(play["started_at"], zone).date()
        key = (day, play["video_id"], play["language"])
        total = totals.setdefault(key, [0, 0.0])
        total[0] += 1
        total[1] += play["duration_seconds"]
    # In one order for every batch: two screens of a group add to the same rows, and
    # taking their locks in different orders would deadlock.
    ordered = sorted(totals.items())
    if not ordered:
        return
    if connection.vendor == "postgresql" and group_id is not None:
        _upsert_daily_counts(ordered, group_id=group_id)
        return
    for (day, video_id, language), (count, seconds) in ordered:
        kind = {"day": day, "video_id": video_id, "group_id": group_id, "language": language}
        for _attempt in range(2):
            row = DailyPlays.objects.filter(**kind).order_by("pk").values_list("pk", flat=True)
            if DailyPlays.objects.filter(pk__in=row[:1]).update(
                plays=F("plays") + count, seconds=F("seconds") + seconds
            ):
                break
            try:
                with transaction.atomic():
                    DailyPlays.objects.create(**kind, plays=count, seconds=seconds)
                break
            except IntegrityError:  # another batch created it meanwhile: add to it
                continue


def _upsert_daily_counts(totals: list[tuple], *, group_id: int) -> None:
    """All of a batch's counts in one INSERT … ON CONFLICT DO UPDATE on PostgreSQL: the rows
    a group's screens share are locked for one statement, not one per row. (A screen
    without a group takes the loop above: its rows' NULL never conflicts.)"""
    table = connection.ops.quote_name(DailyPlays._meta.db_table)
    sql = (
        f"INSERT INTO {table} AS daily (day, video_id, group_id, language, plays, seconds)"
        " SELECT count.day, count.video_id, %s, count.language, count.plays, count.seconds"
        " FROM unnest(%s::date[], %s::bigint[], %s::text[], %s::integer[], %s::float8[])"
        " AS count(day, video_id, language, plays, seconds)"
        " ON CONFLICT (day, video_id, group_id, language) DO UPDATE"
        " SET plays = daily.plays + EXCLUDED.plays, seconds = daily.seconds + EXCLUDED.seconds"
    )
    columns = list(zip(*[(*kind, *total) for kind, total in totals], strict=True))
    with connection.cursor() as cursor:
        cursor.execute(sql, [group_id, *[list(column) for column in columns]])


def record_last_seen(*, screen_ids: Iterable[int], at: datetime) -> int:
    """These screens polled by `at`, in one UPDATE; never moves a time backwards."""
    screen_ids = list(screen_ids)
    if not screen_ids:
        return 0
    moment = Value(at, output_field=DateTimeField())
    return Screen.objects.filter(pk__in=screen_ids).update(
        last_seen_at=Greatest(Coalesce(F("last_seen_at"), moment), moment)
    )
