"""Writes for screens: a screen's token, the plays it reports, when it was last seen."""

import hashlib
import secrets
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

from django.db import IntegrityError, transaction
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
    # One batch of a screen at a time: a retry racing its first attempt waits, then finds
    # its events stored, so each is stored and counted once.
    list(Screen.objects.select_for_update().filter(pk=screen.pk).values_list("pk", flat=True))
    ids = [event["event_id"] for event in events]
    known = set(PlayEvent.objects.filter(event_id__in=ids).values_list("event_id", flat=True))
    new: dict = {}
    for event in events:
        if event["event_id"] not in known:
            new.setdefault(event["event_id"], event)
    stored = PlayEvent.objects.bulk_create(
        [
            PlayEvent(
                event_id=event["event_id"],
                screen=screen,
                group_id=screen.group_id,
                video_id=event["video_id"],
                started_at=event["started_at"],
                duration_seconds=event["duration_seconds"],
                language=event["language"],
            )
            for event in new.values()
        ],
        # Another screen sending the same event ids at the same moment (not a player's
        # doing): theirs is kept.
        ignore_conflicts=True,
    )
    add_to_daily_counts(stored)
    return PlayBatchResult(accepted=len(new), duplicates=len(events) - len(new))


def add_to_daily_counts(plays: Iterable[PlayEvent]) -> None:
    """Count plays into the per-day rows the report reads: one UPDATE per day, video,
    group and language in the batch (a screen's batch of 500 has a handful)."""
    zone = timezone.get_default_timezone()
    totals: dict[tuple, list] = {}
    for play in plays:
        day = timezone.localtime(play.started_at, zone).date()
        key = (day, play.video_id, play.group_id, play.language)
        total = totals.setdefault(key, [0, 0.0])
        total[0] += 1
        total[1] += play.duration_seconds
    for (day, video_id, group_id, language), (count, seconds) in totals.items():
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


def record_last_seen(*, screen_ids: Iterable[int], at: datetime) -> int:
    """These screens polled by `at`, in one UPDATE; never moves a time backwards."""
    screen_ids = list(screen_ids)
    if not screen_ids:
        return 0
    moment = Value(at, output_field=DateTimeField())
    return Screen.objects.filter(pk__in=screen_ids).update(
        last_seen_at=Greatest(Coalesce(F("last_seen_at"), moment), moment)
    )
