"""Fixtures of the screens' tests: a ready video, a screen, its group's playlist, its token."""

import pytest
from django.core.cache import cache

from campaigns.screens import services
from campaigns.screens.factories import (
    PlaylistAssignmentFactory,
    PlaylistFactory,
    PlaylistItemFactory,
    ScreenFactory,
)
from campaigns.videos.choices import ProcessingStatus
from campaigns.videos.models import Video


@pytest.fixture
def video():
    return Video.objects.filter(processing_status=ProcessingStatus.READY).order_by("pk").first()


@pytest.fixture
def screen():
    return ScreenFactory(language="en")


@pytest.fixture
def playlist(screen, video):
    playlist = PlaylistFactory(name="Метро")
    PlaylistItemFactory(playlist=playlist, video=video)
    PlaylistAssignmentFactory(playlist=playlist, group=screen.group, priority=1)
    return playlist


@pytest.fixture
def token(screen):
    # Screen numbers come back after a rolled-back test (SQLite): so would their counts.
    for scope in ("screen_status", "screen_plays", "screen_screenshot"):
        cache.delete(f"throttle_{scope}_{screen.pk}")
    cache.delete(f"screens:screenshot-wanted:{screen.pk}")
    return services.issue_screen_token(screen=screen)
