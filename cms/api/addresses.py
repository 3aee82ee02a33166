"""The API's addresses: where each type lives under /api/v1/ (settings.API_OBJECT_PATHS, by
model label, so the core never imports an app's models to decide) and absolute URLs, as
partners, webhooks and screens receive them."""

from urllib.parse import urljoin

from django.conf import settings
from wagtail.models import Page

API_ROOT = "/api/v1/"


def absolute(url: str | None) -> str | None:
    """`url` on the platform's public address (WAGTAILADMIN_BASE_URL)."""
    return urljoin(settings.WAGTAILADMIN_BASE_URL, url) if url else None


def api_url(model_label: str, pk) -> str | None:
    """The API address of an object of a type the API publishes, else None."""
    path = settings.API_OBJECT_PATHS.get(model_label.lower())
    return absolute(f"{API_ROOT}{path}/{pk}/") if path else None


def api_path(page: Page) -> str | None:
    """The page type's path under /api/v1/ ("lessons"), or None if the API does not serve
    it."""
    return settings.API_OBJECT_PATHS.get(page.specific_class._meta.label_lower)


def api_type(page: Page) -> str:
    """The type's name in webhook payloads: "lesson", "course", "story", "campaign"."""
    return page.specific_class._meta.model_name.removesuffix("page")


def api_detail_url(page: Page) -> str | None:
    """The absolute address of the page in the API."""
    return api_url(page.specific_class._meta.label_lower, page.pk)
