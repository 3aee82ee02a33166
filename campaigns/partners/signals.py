"""What publishing does for partner sites (webhooks), and what keeps the origins allowed to
call the API from a browser current (docs/partners.md)."""

from corsheaders.signals import check_request_enabled
from django.db import transaction
from django.db.models.signals import post_delete, post_save
from wagtail.signals import page_published, page_unpublished

from campaigns.partners import services
from campaigns.partners.access import cors_allows
from campaigns.partners.models import PartnerKey
from campaigns.partners.selectors import PARTNER_ORIGINS_CACHE_KEY
from cms.api.addresses import api_path
from cms.api.caching import shared


def api_page_published(sender, instance, **kwargs) -> None:
    if api_path(instance) is not None:
        services.announce_published(page=instance)


def api_page_unpublished(sender, instance, **kwargs) -> None:
    if api_path(instance) is not None:
        services.announce_unpublished(page=instance)


def forget_partner_origins() -> None:
    # With the cache down nothing reads the cached origins either.
    shared.delete(PARTNER_ORIGINS_CACHE_KEY)


def partner_origins_changed(**kwargs) -> None:
    # Now, and after commit: a request in between may have cached the old origins.
    forget_partner_origins()
    transaction.on_commit(forget_partner_origins)


def connect() -> None:
    page_published.connect(api_page_published, dispatch_uid="partners-page-published")
    page_unpublished.connect(api_page_unpublished, dispatch_uid="partners-page-unpublished")
    uid = "partners-origins"
    post_save.connect(partner_origins_changed, sender=PartnerKey, dispatch_uid=f"{uid}-save")
    post_delete.connect(partner_origins_changed, sender=PartnerKey, dispatch_uid=f"{uid}-delete")
    check_request_enabled.connect(cors_allows, dispatch_uid="partners-cors")
