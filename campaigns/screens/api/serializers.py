import uuid
from datetime import timedelta

from django.conf import settings
from django.utils import timezone
from django.utils.dateparse import parse_datetime
from rest_framework import serializers

from cms import languages


class PlayEventSerializer(serializers.Serializer):
    event_id = serializers.UUIDField(help_text="Made by the player; sending it again is harmless.")
    video_id = serializers.IntegerField(min_value=1)
    started_at = serializers.DateTimeField()
    duration_seconds = serializers.FloatField(min_value=0, max_value=24 * 3600)
    language = serializers.ChoiceField(
        choices=languages.codes(), help_text="The language of the captions shown."
    )

    def validate_video_id(self, value: int) -> int:
        if value not in self.context["known_video_ids"]:
            raise serializers.ValidationError("No video has this number.")
        return value

    def validate_started_at(self, value):
        now = timezone.now()
        # A screen's clock may run a little fast; a day ahead is a broken clock.
        if value > now + timedelta(minutes=settings.SCREEN_PLAYS_CLOCK_SKEW_MINUTES):
            raise serializers.ValidationError("This is in the future: check the screen's clock.")
        if value < now - timedelta(days=settings.SCREEN_PLAYS_MAX_AGE_DAYS):
            raise serializers.ValidationError(
                f"Plays older than {settings.SCREEN_PLAYS_MAX_AGE_DAYS} days are not accepted."
            )
        return value


class PlayBatchSerializer(serializers.Serializer):
    events = PlayEventSerializer(many=True, allow_empty=False, max_length=500)


def video_ids_in(data) -> set[int]:
    """The integer video ids a raw batch names, to look up in one query before validation."""
    events = data.get("events") if isinstance(data, dict) else None
    if not isinstance(events, list):
        return set()
    return {
        event["video_id"]
        for event in events[:500]
        if isinstance(event, dict)
        and isinstance(event.get("video_id"), int)
        and 0 < event["video_id"] < 2**63
    }


def quickly_validated(data, known_video_ids: set[int]) -> list[dict] | None:
    """A well-formed batch's events as PlayBatchSerializer would give them, checked in
    plain Python: the serializer's fields cost about a quarter of a millisecond per event,
    most of a batch's time. Anything unusual (a naive time, a number as text, a wrong
    value) returns None, and the serializer then checks the batch and words the errors."""
    events = data.get("events") if isinstance(data, dict) else None
    if not isinstance(events, list) or not 0 < len(events) <= 500:
        return None
    now = timezone.now()
    latest = now + timedelta(minutes=settings.SCREEN_PLAYS_CLOCK_SKEW_MINUTES)
    earliest = now - timedelta(days=settings.SCREEN_PLAYS_MAX_AGE_DAYS)
    codes = set(languages.codes())
    valid = []
    for event in events:
        if not isinstance(event, dict):
            return None
        event_id, video_id, started_at, duration, language = (
            event.get("event_id"),
            event.get("video_id"),
            event.get("started_at"),
            event.get("duration_seconds"),
            event.get("language"),
        )
        if not (
            type(event_id) is str
            and type(video_id) is int
            and video_id in known_video_ids
            and type(started_at) is str
            and type(duration) in (int, float)
            and 0 <= duration <= 24 * 3600
            and type(language) is str
            and language in codes
        ):
            return None
        try:
            event_id = uuid.UUID(event_id)
            started = parse_datetime(started_at)
        except ValueError:
            return None
        if started is None or started.tzinfo is None or not earliest <= started <= latest:
            return None
        valid.append(
            {
                "event_id": event_id,
                "video_id": video_id,
                "started_at": started,
                "duration_seconds": float(duration),
                "language": language,
            }
        )
    return valid


class ScreenStatusSerializer(serializers.Serializer):
    """What a player says about itself: at start, after applying a playlist change and
    every SCREEN_PLAYER_STATUS_SECONDS."""

    playlist_etag = serializers.CharField(
        max_length=80, allow_blank=True, help_text="The ETag of the playlist it plays from."
    )
    playing = serializers.CharField(
        max_length=200, allow_blank=True, default="", help_text="The item it is playing."
    )
    cached_items = serializers.IntegerField(min_value=0, max_value=100_000, default=0)
    cached_bytes = serializers.IntegerField(min_value=0, max_value=2**53, default=0)
    free_bytes = serializers.IntegerField(
        min_value=0, max_value=2**53, allow_null=True, default=None, help_text="If known."
    )
    player_version = serializers.CharField(max_length=40, allow_blank=True, default="")
    clock = serializers.DateTimeField(
        allow_null=True, default=None, help_text="The player's own clock when it sent this."
    )
    errors = serializers.ListField(
        child=serializers.CharField(max_length=300),
        max_length=10,
        default=list,
        help_text="Its most recent errors, newest last.",
    )

    def validate(self, attrs):
        unknown = sorted(set(self.initial_data) - set(self.fields))
        if unknown:
            raise serializers.ValidationError(
                {name: ["This field is not part of a status report."] for name in unknown}
            )
        return attrs


STATUS_TEXT_LIMITS = {"playlist_etag": 80, "playing": 200, "player_version": 40}
STATUS_COUNTS = {"cached_items": 100_000, "cached_bytes": 2**53}


def quick_status(data) -> dict | None:
    """A well-formed report as ScreenStatusSerializer would give it, checked in plain Python
    for the status fast path (fast_path.py). Anything unusual (a number as text, a naive
    time, an unknown field) returns None, and the serializer then checks it and words the
    errors."""
    if not isinstance(data, dict) or "playlist_etag" not in data:
        return None
    if (
        set(data)
        - set(STATUS_TEXT_LIMITS)
        - set(STATUS_COUNTS)
        - {
            "free_bytes",
            "clock",
            "errors",
        }
    ):
        return None
    valid = {}
    for name, limit in STATUS_TEXT_LIMITS.items():
        value = data.get(name, "")
        if type(value) is not str or len(value.strip()) > limit:
            return None
        valid[name] = value.strip()
    for name, largest in STATUS_COUNTS.items():
        value = data.get(name, 0)
        if type(value) is not int or not 0 <= value <= largest:
            return None
        valid[name] = value
    free = data.get("free_bytes")
    if free is not None and (type(free) is not int or not 0 <= free <= 2**53):
        return None
    valid["free_bytes"] = free
    clock = data.get("clock")
    if clock is not None:
        if type(clock) is not str:
            return None
        try:
            clock = parse_datetime(clock)
        except ValueError:
            return None
        if clock is None or clock.tzinfo is None:
            return None
    valid["clock"] = clock
    errors = data.get("errors", [])
    if type(errors) is not list or len(errors) > 10:
        return None
    if any(type(error) is not str or len(error.strip()) > 300 for error in errors):
        return None
    valid["errors"] = [error.strip() for error in errors]
    return valid
