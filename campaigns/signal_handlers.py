"""What makes every screen's playlist be rebuilt (any change to something it shows), and what
publishing does for partner sites: CDN purge and webhooks (docs/partners.md)."""

import contextlib

from corsheaders.signals import check_request_enabled
from django.core.cache import cache
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


def api_page_published(sender, instance, **kwargs) -> None:
    from campaigns import publication

    publication.page_published(page=instance)


def api_page_unpublished(sender, instance, **kwargs) -> None:
    from campaigns import publication

    publication.page_unpublished(page=instance)


def partner_origins_changed(**kwargs) -> None:
    from campaigns.selectors import PARTNER_ORIGINS_CACHE_KEY

    def forget() -> None:
        # With the cache down nothing reads the cached origins either.
        with contextlib.suppress(Exception):
            cache.delete(PARTNER_ORIGINS_CACHE_KEY)

    # Now, and after commit: a request in between may have cached the old origins.
    forget()
    transaction.on_commit(forget)


def connect() -> None:
    for model in [*SHOWN_ON_SCREENS, get_image_model()]:
        uid = f"screens-{model._meta.label_lower}"
        post_save.connect(playlists_changed, sender=model, dispatch_uid=f"{uid}-save")
        post_delete.connect(playlists_changed, sender=model, dispatch_uid=f"{uid}-delete")
    page_published.connect(page_changed, dispatch_uid="screens-page-published")
    page_unpublished.connect(page_changed, dispatch_uid="screens-page-unpublished")
    post_delete.connect(page_changed, dispatch_uid="screens-page-deleted")
    page_published.connect(api_page_published, dispatch_uid="partners-page-published")
    page_unpublished.connect(api_page_unpublished, dispatch_uid="partners-page-unpublished")
    uid = "partners-origins"
    post_save.connect(partner_origins_changed, sender=models.PartnerKey, dispatch_uid=f"{uid}-save")
    post_delete.connect(
        partner_origins_changed, sender=models.PartnerKey, dispatch_uid=f"{uid}-delete"
    )
    from campaigns.api.partner_access import cors_allows

    check_request_enabled.connect(cors_allows, dispatch_uid="partners-cors")
