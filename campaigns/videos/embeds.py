"""An embed finder that needs no network: oEmbed records stored in the repository
(campaigns/embeds.json) for the external videos the platform ships with.

It comes first in WAGTAILEMBEDS_FINDERS; links it does not know go to the providers'
own oEmbed endpoints (unless EMBEDS_ONLINE is false, as in the tests)."""

import json
import re
from functools import cache
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

from wagtail.embeds.finders.base import EmbedFinder

STORED = Path(__file__).with_name("embeds.json")
_FACEBOOK_VIDEO = re.compile(r"/videos/(?:[^/]+/)?(\d+)")


def video_key(url: str) -> str | None:
    """ "youtube:<id>" or "facebook:<id>" for the many shapes of a video link, else None."""
    parts = urlsplit(url.strip())
    host = (parts.hostname or "").removeprefix("www.").removeprefix("m.")
    if host in {"youtube.com", "youtube-nocookie.com"}:
        if parts.path == "/watch":
            video_id = parse_qs(parts.query).get("v", [""])[0]
        else:
            video_id = parts.path.rstrip("/").rsplit("/", 1)[-1]
        return f"youtube:{video_id}" if video_id else None
    if host == "youtu.be":
        return f"youtube:{parts.path.strip('/')}" if parts.path.strip("/") else None
    if host in {"facebook.com", "fb.watch"}:
        match = _FACEBOOK_VIDEO.search(parts.path)
        return f"facebook:{match.group(1)}" if match else None
    return None


@cache
def _records() -> dict[str, dict]:
    return {
        key: value
        for key, value in json.loads(STORED.read_text(encoding="utf-8")).items()
        if not key.startswith("_")
    }


class StoredOEmbedFinder(EmbedFinder):
    def __init__(self, **options):
        self.options = options

    def accept(self, url):
        return video_key(url) in _records()

    def find_embed(self, url, max_width=None, max_height=None):
        record = _records()[video_key(url)]
        return {
            "title": record.get("title", ""),
            "author_name": record.get("author_name", ""),
            "provider_name": record.get("provider_name", ""),
            "type": record["type"],
            "thumbnail_url": None,  # a reader's page must not load images from elsewhere
            "width": record.get("width"),
            "height": record.get("height"),
            "html": record["html"],
        }
