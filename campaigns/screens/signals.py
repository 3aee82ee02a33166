"""What makes every screen's playlist be built again: any change to something it shows
(docs/screens.md)."""

from django.db import transaction
from django.db.models.signals import post_delete, post_save
from wagtail.images import get_image_model
from wagtail.signals import page_published, page_unpublished

from campaigns.alerts.models import Alert
from campaigns.pages.models import CampaignPage
from campaigns.photovoice.models import PhotoSubmission
from campaigns.screens.api.playlists import playlist_version
from campaigns.screens.models import (
    Playlist,
    PlaylistAssignment,
    PlaylistItem,
    PlaylistTimeWindow,
    Screen,
    ScreenGroup,
)
from campaigns.screens.selectors import auth_key
from campaigns.stories.models import ConsentRecord, StoryPage
from campaigns.videos.models import Caption, Video
from cms.api.caching import shared

SHOWN_ON_SCREENS = [
    Alert,
    PhotoSubmission,
    Screen,
    ScreenGroup,
    Playlist,
    PlaylistItem,
    PlaylistAssignment,
    PlaylistTimeWindow,
    Video,
    Caption,
    ConsentRecord,
]
PAGES_ON_SCREENS = (StoryPage, CampaignPage)


def playlists_changed(**kwargs) -> None:
    playlist_version.changed()


def forget_screen(sender, instance, **kwargs) -> None:
    """A saved screen (a new token, switched off) is authenticated afresh: now, and after
    commit, as a request in between may have kept the old row."""
    shared.delete(auth_key(instance.pk))
    transaction.on_commit(lambda: shared.delete(auth_key(instance.pk)))


def page_changed(sender, instance, **kwargs) -> None:
    if isinstance(instance, PAGES_ON_SCREENS):
        playlists_changed()


def connect() -> None:
    for model in [*SHOWN_ON_SCREENS, get_image_model()]:
        uid = f"screens-{model._meta.label_lower}"
        post_save.connect(playlists_changed, sender=model, dispatch_uid=f"{uid}-save")
        post_delete.connect(playlists_changed, sender=model, dispatch_uid=f"{uid}-delete")
    post_save.connect(forget_screen, sender=Screen, dispatch_uid="screens-auth-save")
    post_delete.connect(forget_screen, sender=Screen, dispatch_uid="screens-auth-delete")
    page_published.connect(page_changed, dispatch_uid="screens-page-published")
    page_unpublished.connect(page_changed, dispatch_uid="screens-page-unpublished")
    post_delete.connect(page_changed, dispatch_uid="screens-page-deleted")
