"""What makes every screen's playlist be rebuilt: any change to something it shows."""

from django.db import transaction
from django.db.models.signals import post_delete, post_save
from wagtail.images import get_image_model
from wagtail.signals import page_published, page_unpublished

from campaigns import models


def playlists_changed(**kwargs) -> None:
    from campaigns.api.playlists import content_changed

    # Now, for readers inside this transaction, and again after commit, so that a request
    # that rebuilt from the old rows in between is not kept.
    content_changed()
    transaction.on_commit(content_changed)


SHOWN_ON_SCREENS = [
    models.Screen,
    models.ScreenGroup,
    models.Playlist,
    models.PlaylistItem,
    models.PlaylistAssignment,
    models.PlaylistTimeWindow,
    models.Video,
    models.Caption,
    models.ConsentRecord,
]
PAGES_ON_SCREENS = (models.StoryPage, models.CampaignPage)


def page_changed(sender, instance, **kwargs) -> None:
    if isinstance(instance, PAGES_ON_SCREENS):
        playlists_changed()


def connect() -> None:
    for model in [*SHOWN_ON_SCREENS, get_image_model()]:
        uid = f"screens-{model._meta.label_lower}"
        post_save.connect(playlists_changed, sender=model, dispatch_uid=f"{uid}-save")
        post_delete.connect(playlists_changed, sender=model, dispatch_uid=f"{uid}-delete")
    page_published.connect(page_changed, dispatch_uid="screens-page-published")
    page_unpublished.connect(page_changed, dispatch_uid="screens-page-unpublished")
    post_delete.connect(page_changed, dispatch_uid="screens-page-deleted")
