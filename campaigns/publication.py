"""What publishing or unpublishing a page the API serves does beyond the page itself: its API
addresses are purged from the CDN and partners' webhooks are told (docs/partners.md).

Which page types the API serves, and where, is settings.API_OBJECT_PATHS (by model label):
this app never imports another app's models to decide."""

from urllib.parse import urljoin

from django.conf import settings
from django.db import transaction
from wagtail.contrib.frontend_cache.utils import purge_pages_from_cache
from wagtail.models import Page

from cms.api.purge import API_ROOT, object_urls, purge_after_commit


def api_path(page: Page) -> str | None:
    """The page type's path under /api/v1/ ("lessons"), or None if the API does not serve
    it."""
    return settings.API_OBJECT_PATHS.get(page.specific_class._meta.label_lower)


def api_type(page: Page) -> str:
    """The type's name in webhook payloads: "lesson", "course", "story", "campaign"."""
    return page.specific_class._meta.model_name.removesuffix("page")


def api_detail_url(page: Page) -> str:
    """The absolute address of the page in the API."""
    return urljoin(settings.WAGTAILADMIN_BASE_URL, f"{API_ROOT}{api_path(page)}/{page.pk}/")


def api_urls(page: Page) -> list[str]:
    """Every cached API address that shows the page: its type's list and each translation's
    detail, with and without `?lang=` (a reader may get any translation as a fallback)."""
    path = api_path(page)
    if path is None:
        return []
    return object_urls(
        path=path, pks=page.get_translations(inclusive=True).values_list("pk", flat=True)
    )


def purge_api_object(*, path: str, pk: int, pages=()) -> None:
    """Purge an object that is not a page (a photovoice photo) from the CDN once committed:
    its type's list and detail in the API, and the public `pages` that show it."""
    if not settings.WAGTAILFRONTENDCACHE:
        return
    purge_after_commit(object_urls(path=path, pks=[pk]))
    pages = list(pages)
    if pages:
        transaction.on_commit(lambda: purge_pages_from_cache(pages))


def purge_api_urls(*, page: Page) -> None:
    """Purge the page's API addresses from the CDN once the change is committed (the CDN
    would otherwise fetch and keep the old answer again)."""
    if settings.WAGTAILFRONTENDCACHE:
        purge_after_commit(api_urls(page))


def page_published(*, page: Page) -> None:
    from campaigns import webhooks

    if api_path(page) is None:
        return
    purge_api_urls(page=page)
    webhooks.announce_published(page=page)


def page_unpublished(*, page: Page) -> None:
    from campaigns import webhooks

    if api_path(page) is None:
        return
    purge_api_urls(page=page)
    webhooks.announce_unpublished(page=page)
