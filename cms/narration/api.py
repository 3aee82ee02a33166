"""Narration as partners receive it inside a lesson's or story's detail (docs/api.md)."""

from rest_framework import serializers
from wagtail.models import Page

from cms.api.addresses import absolute
from cms.narration import selectors


class SentenceTimingSerializer(serializers.Serializer):
    start = serializers.FloatField(help_text="Seconds from the start of the audio.")
    end = serializers.FloatField()
    text = serializers.CharField()


class NarrationSerializer(serializers.Serializer):
    url = serializers.URLField(help_text="Ogg Opus, mono.")
    timings_url = serializers.URLField(
        allow_null=True, help_text="The same sentence timings as a JSON file; null without."
    )
    duration_seconds = serializers.FloatField()
    bytes = serializers.IntegerField()
    read_by = serializers.ChoiceField(
        choices=["machine", "human"],
        help_text="`machine`: espeak-ng, made on the server; `human`: an editor's recording.",
    )
    sentences = SentenceTimingSerializer(
        many=True, help_text="Each sentence read, in page order; empty for a recording."
    )


def narration_json(page: Page) -> dict | None:
    """The page's narration when readers can hear it, else None."""
    narration = selectors.playable_narration(page)
    if narration is None:
        return None
    return {
        "url": absolute(narration.audio.url),
        "timings_url": absolute(narration.timings.url) if narration.timings else None,
        "duration_seconds": narration.duration_seconds,
        "bytes": narration.size_bytes,
        "read_by": narration.source,
        "sentences": narration.sentences,
    }
