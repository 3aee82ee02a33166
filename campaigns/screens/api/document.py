"""The playlist document a screen polls (docs/screens.md, the protocol): what plays on it
now and in the next 48 hours, with its alerts, photos and QR codes. Built by
campaigns.screens.api.playlists, which keeps the bytes."""

import hashlib
from datetime import UTC, datetime, timedelta

import segno
from django.conf import settings
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.dateparse import parse_datetime

from campaigns.alerts import selectors as alerts
from campaigns.screens import selectors
from campaigns.screens.models import PlaylistItem, Screen
from campaigns.videos.models import Caption
from cms import languages
from cms.api.addresses import absolute

# --- The document ------------------------------------------------------------------------


def horizon(now: datetime) -> tuple[datetime, datetime]:
    """From the start of today to three days later (local time): always covers now and
    the next 48 hours, and changes only at midnight."""
    zone = timezone.get_default_timezone()
    today = now.astimezone(zone).date()
    start = datetime.combine(today, datetime.min.time(), tzinfo=zone)
    end = datetime.combine(today + timedelta(days=3), datetime.min.time(), tzinfo=zone)
    return start, end


def build_document(screen: Screen, *, now: datetime) -> dict:
    """The playlist of `screen` for the horizon around `now`, without `generated_at`."""
    start, end = horizon(now)
    plan = selectors.screen_plan(screen)
    by_assignment = plan.by_assignment()
    windows: dict[int, list] = {}  # playlist id → its windows, in order
    planned_by_playlist = {}
    for segment in plan.timeline(start, end):
        if segment.candidate is None:
            if plan.fallback is None or plan.fallback.problem:
                continue
            planned = plan.fallback
        else:
            planned = by_assignment[segment.candidate.assignment_id]
        planned_by_playlist.setdefault(planned.playlist.pk, planned)
        windows.setdefault(planned.playlist.pk, []).append(
            {"starts_at": utc(segment.start), "ends_at": utc(segment.end)}
        )
    preferred = [screen.language, *languages.fallback_chain(screen.language)]
    items = []
    with translation.override(screen.language):
        for playlist_id, playlist_windows in windows.items():
            planned = planned_by_playlist[playlist_id]
            for item in planned.playable:
                items.append(
                    _item(
                        item,
                        planned.playlist,
                        playlist_windows,
                        preferred,
                        planned.assignment,
                        screen,
                    )
                )
    shown_alerts = alerts.alerts_for_screen(screen, start=now, end=end)
    return {
        "screen": {
            "id": screen.pk,
            "name": screen.name,
            "group": screen.group.name,
            "location": screen.location,
            "language": screen.language,
            "orientation": screen.orientation,
        },
        "valid_from": utc(start),
        "valid_until": utc(end),
        "refresh_seconds": refresh_seconds(shown_alerts, now=now),
        "items": items,
        "alerts": [alert.as_json() for alert in shown_alerts],
    }


ALERT_WARNING = timedelta(hours=1)


def refresh_seconds(shown_alerts, *, now: datetime) -> int:
    """Players poll faster while an alert is in force or starts within the hour."""
    soon = now + ALERT_WARNING
    if any(alert.starts_at <= soon for alert in shown_alerts):
        return min(settings.SCREEN_PLAYLIST_REFRESH_SECONDS, settings.SCREEN_ALERT_REFRESH_SECONDS)
    return settings.SCREEN_PLAYLIST_REFRESH_SECONDS


def changes_at(document: dict, *, now: datetime) -> float | None:
    """When the document changes by itself because of its alerts (the faster polling starts
    an hour before one, an alert drops out at its end), as epoch seconds."""
    moments = []
    for alert in document["alerts"]:
        starts_at = parse_datetime(alert["starts_at"])
        ends_at = parse_datetime(alert["ends_at"])
        moments += [m for m in (starts_at - ALERT_WARNING, ends_at) if m > now]
    return min(moments).timestamp() if moments else None


def _item(item: PlaylistItem, playlist, windows, preferred, assignment, screen) -> dict:
    video = item.video
    return {
        "id": item.pk,
        "kind": "video" if video else "photo",
        "playlist": {
            "id": playlist.pk,
            "name": playlist.name,
            "is_fallback": assignment is None,
            "priority": assignment.priority if assignment else None,
        },
        "duration_seconds": item.seconds,
        "video": _video(video) if video else None,
        "photo": _photo(item.photo, screen) if item.photo_id else None,
        "captions": [_caption(caption) for caption in video.captions_for(preferred)]
        if video
        else [],
        "campaign": _page(playlist.campaign) if playlist.campaign_id else None,
        "story": _page(item.story) if item.story_id else None,
        "qr": _qr(item, playlist, screen) if item.show_qr else None,
        "windows": windows,
    }


def _qr(item: PlaylistItem, playlist, screen: Screen) -> dict | None:
    """A QR code to the item's story, or else its playlist's campaign, in the screen's
    language, through the address that counts scans per group and day."""
    target = item.story if item.story_id else playlist.campaign
    if target is None:
        return None
    shown = target.localized
    url = absolute(reverse("screen_qr", args=[screen.group_id, shown.pk]))
    return {"url": url, "svg": segno.make(url, error="m").svg_data_uri(scale=4, border=2)}


def _video(video) -> dict:
    return {
        "id": video.pk,
        "title": video.title,
        "url": absolute(video.file.url),
        "mime_type": video.mime_type,
        "size_bytes": video.size_bytes,
        "sha256": video.sha256,
        "duration_seconds": video.duration_seconds,
        "width": video.width,
        "height": video.height,
        "poster": absolute(video.poster.file.url) if video.poster else None,
        "data_saver": (
            {
                "url": absolute(video.data_saver.url),
                "mime_type": "video/mp4",
                "size_bytes": video.data_saver_size_bytes,
                "sha256": video.data_saver_sha256,
            }
            if video.data_saver
            else None
        ),
    }


# A photo's rendition for a screen: its whole picture at the screen's size, as JPEG.
PHOTO_FILTERS = {
    "landscape": "max-1920x1080|format-jpeg|jpegquality-82",
    "portrait": "max-1080x1920|format-jpeg|jpegquality-82",
}


def _photo(photo, screen: Screen) -> dict:
    """A resident's photo resized for the screen, with its checksum, its caption in the
    language it was written in and the name its sender chose."""
    rendition = photo.image.get_rendition(PHOTO_FILTERS[screen.orientation])
    with rendition.file.open("rb") as handle:
        data = handle.read()
    language = languages.get(photo.language)
    return {
        "id": photo.pk,
        "url": absolute(rendition.url),
        "mime_type": "image/jpeg",
        "size_bytes": len(data),
        "sha256": hashlib.sha256(data).hexdigest(),
        "width": rendition.width,
        "height": rendition.height,
        "caption": photo.caption,
        "alt_text": photo.alt_text,
        "language": language.code,
        "dir": language.direction,
        "author": photo.author_name,
    }


def _caption(caption: Caption) -> dict:
    language = languages.get(caption.language)
    return {
        "language": language.code,
        "name": language.name,
        "dir": language.direction,
        "url": absolute(caption.file.url),
    }


def _page(page) -> dict:
    shown = page.localized  # in the screen's language where translated
    return {"id": page.pk, "title": shown.title, "url": shown.full_url}


def utc(moment: datetime) -> str:
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
