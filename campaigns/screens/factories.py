"""Test data for screens and playlists (factory_boy; development only)."""

import factory
from factory.django import DjangoModelFactory

from campaigns.screens.models import (
    Playlist,
    PlaylistAssignment,
    PlaylistItem,
    PlaylistTimeWindow,
    Screen,
    ScreenGroup,
)


class ScreenGroupFactory(DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Линия {n}")

    class Meta:
        model = ScreenGroup


class ScreenFactory(DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Екран {n}")
    group = factory.SubFactory(ScreenGroupFactory)
    language = "bg"

    class Meta:
        model = Screen


class PlaylistFactory(DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Плейлист {n}")

    class Meta:
        model = Playlist


class PlaylistItemFactory(DjangoModelFactory):
    playlist = factory.SubFactory(PlaylistFactory)

    class Meta:
        model = PlaylistItem


class PlaylistTimeWindowFactory(DjangoModelFactory):
    class Meta:
        model = PlaylistTimeWindow


class PlaylistAssignmentFactory(DjangoModelFactory):
    priority = 0

    class Meta:
        model = PlaylistAssignment
