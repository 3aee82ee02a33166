"""Demo screens in the metro, trams and the central station, with a campaign playlist, a
morning playlist on weekdays, a night playlist past midnight and the fallback."""

import datetime
from collections.abc import Callable

from django.db import transaction
from django.urls import reverse

from campaigns.pages.models import CampaignPage
from campaigns.screens import services
from campaigns.screens.models import (
    Playlist,
    PlaylistAssignment,
    PlaylistItem,
    PlaylistTimeWindow,
    Screen,
    ScreenGroup,
)
from campaigns.stories.models import StoryPage
from campaigns.videos.models import Video

Log = Callable[[str], None]

GROUPS = ["Метро", "Трамваи", "Централна гара"]
SCREENS = [
    ("Метростанция „Сердика“, перон 1", "Метро", "Сердика", "bg"),
    ("Метростанция „Сердика“, перон 2", "Метро", "Сердика", "en"),
    ("Трамвай 5, вагон 1", "Трамваи", "Линия 5", "bg"),
    ("Централна гара, чакалня", "Централна гара", "Чакалнята", "ar"),
]


@transaction.atomic
def ensure_screens(
    *, campaign: CampaignPage, clips: dict[str, Video], story: StoryPage, base_url: str, log: Log
) -> None:
    if Screen.objects.exists():
        return
    groups = {name: ScreenGroup.objects.create(name=name) for name in GROUPS}
    for name, group, location, language in SCREENS:
        screen = Screen.objects.create(
            name=name, group=groups[group], location=location, language=language
        )
        token = services.issue_screen_token(screen=screen)
        player = base_url + reverse("screen_player", args=[screen.pk])
        log(f"Screen: “{name}” plays at {player}#token={token}")

    fallback = Playlist.objects.create(name="Добре дошли", is_fallback=True)
    for clip in clips.values():
        PlaylistItem.objects.create(playlist=fallback, video=clip)

    on_the_metro = Playlist.objects.create(
        name="Световен месец на бежанците в метрото", campaign=campaign
    )
    PlaylistItem.objects.create(playlist=on_the_metro, video=clips["metro"])
    PlaylistItem.objects.create(
        playlist=on_the_metro, video=clips["tram"], story=story, duration_seconds=4
    )
    PlaylistAssignment.objects.create(playlist=on_the_metro, group=groups["Метро"], priority=10)

    mornings = Playlist.objects.create(name="Сутрин в трамваите", weekdays=[0, 1, 2, 3, 4])
    PlaylistTimeWindow.objects.create(
        playlist=mornings, starts_at=datetime.time(7), ends_at=datetime.time(10)
    )
    PlaylistItem.objects.create(playlist=mornings, video=clips["tram"], story=story)
    PlaylistAssignment.objects.create(playlist=mornings, group=groups["Трамваи"], priority=5)

    nights = Playlist.objects.create(name="Нощем на гарата")
    PlaylistTimeWindow.objects.create(
        playlist=nights, starts_at=datetime.time(22), ends_at=datetime.time(2)
    )
    PlaylistItem.objects.create(playlist=nights, video=clips["metro"])
    PlaylistAssignment.objects.create(playlist=nights, group=groups["Централна гара"], priority=5)
    log(f"Screens: {len(SCREENS)} screens in {len(GROUPS)} groups, 4 playlists")
