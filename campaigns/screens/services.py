"""Writes for screens: a screen's token, the plays it reports, when it was last seen."""

import hashlib
import secrets
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

from django.db import transaction
from django.db.models import DateTimeField, F, Value
from django.db.models.functions import Coalesce, Greatest
from django.utils import timezone

from campaigns.screens.models import PlayEvent, Screen


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
    ids = [event["event_id"] for event in events]
    known = set(PlayEvent.objects.filter(event_id__in=ids).values_list("event_id", flat=True))
    new: dict = {}
    for event in events:
        if event["event_id"] not in known:
            new.setdefault(event["event_id"], event)
    PlayEvent.objects.bulk_create(
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
        # A retry racing its first attempt: the other request stored it.
        ignore_conflicts=True,
    )
    return PlayBatchResult(accepted=len(new), duplicates=len(events) - len(new))


def record_last_seen(*, screen_ids: Iterable[int], at: datetime) -> int:
    """These screens polled by `at`, in one UPDATE; never moves a time backwards."""
    screen_ids = list(screen_ids)
    if not screen_ids:
        return 0
    moment = Value(at, output_field=DateTimeField())
    return Screen.objects.filter(pk__in=screen_ids).update(
        last_seen_at=Greatest(Coalesce(F("last_seen_at"), moment), moment)
    )
