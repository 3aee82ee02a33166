"""The API's addresses as a CDN holds them, and purging them once a change is committed.

Pages the API serves purge on publish and unpublish (`page_changed`); the objects that are
not pages (settings.API_PURGED_ON_SAVE: videos, topics, organisations…) when an editor saves
or deletes one, so a CDN does not keep their old answers for max-age plus
stale-while-revalidate.

Purges are sent once the transaction commits, in the request (`send_purges`). A PURGE the
CDN does not take (it is down, or answers an error) never fails the publish: it is logged
and the addresses it missed are sent again by a task (`retry_cdn_purge`, run by the
webhooks worker) after CDN_PURGE_RETRY_DELAYS_SECONDS, then given up with an error in
the log. Wagtail's own sender logs failures without saying which, and waits without a
timeout: a dead CDN would hold up every editor's save.
"""

import logging
from collections.abc import Iterable
from datetime import timedelta
from urllib.error import HTTPError
from urllib.parse import urlsplit, urlunsplit
from urllib.request import urlopen

from django.apps import apps
from django.conf import settings
from django.db import models, transaction
from django.utils import timezone
from django_tasks import task
from wagtail.contrib.frontend_cache.backends import CloudfrontBackend, HTTPBackend
from wagtail.contrib.frontend_cache.backends.http import PurgeRequest
from wagtail.contrib.frontend_cache.utils import get_backends
from wagtail.models import Page
from wagtail.signals import page_published, page_unpublished

from cms import languages
from cms.api.addresses import API_ROOT, absolute, api_path

logger = logging.getLogger(__name__)


# An address ending in this purges every address that starts with the rest (every page of a
# language, for an alert's banner): Varnish gets `X-Purge-Prefix` (deploy/varnish/default.vcl),
# CloudFront a wildcard invalidation; Cloudflare purges only whole addresses, so there the
# pages keep the banner's old state until their s-maxage (docs/deployment.md).
PREFIX = "*"


def purge_with_http(backend: HTTPBackend, urls: list[str]) -> list[str]:
    """PURGE each address at a Varnish-style cache; the addresses it did not take. Once the
    cache cannot be reached, the rest are not tried (each would wait for the timeout)."""
    failed = []
    for index, url in enumerate(urls):
        prefix = url.endswith(PREFIX)
        parts = urlsplit(url.removesuffix(PREFIX))
        host = parts.hostname + (f":{parts.port}" if parts.port else "")
        headers = {"Host": host, "User-Agent": "platform-cdn-purge"}
        if prefix:
            headers["X-Purge-Prefix"] = "1"
        request = PurgeRequest(
            url=urlunsplit(
                [backend.cache_scheme, backend.cache_netloc, parts.path, parts.query, ""]
            ),
            headers=headers,
        )
        try:
            # The address is the operator's CDN_PURGE_URL, not a reader's input.
            with urlopen(request, timeout=settings.CDN_PURGE_TIMEOUT_SECONDS):
                pass
        except HTTPError as error:
            logger.warning("cdn purge: %s answered %s to %s", backend.cache_netloc, error.code, url)
            failed.append(url)
        except OSError as error:  # URLError, a timeout, a refused or reset connection
            logger.warning("cdn purge: %s unreachable (%s)", backend.cache_netloc, error)
            return failed + urls[index:]
    return failed


def send_purges(urls: list[str]) -> list[str]:
    """Purge `urls` from every configured CDN now; the addresses that were not purged. Only
    Varnish-style caches report what failed; the others (Cloudflare, CloudFront) purge in
    batches with Wagtail's own error logging."""
    failed: dict[str, None] = {}
    for backend in get_backends().values():
        if isinstance(backend, HTTPBackend):
            failed.update(dict.fromkeys(purge_with_http(backend, urls)))
        elif isinstance(backend, CloudfrontBackend):
            backend.purge_batch(urls)  # `/bg/*` is a CloudFront wildcard as it is
        else:
            whole = [url for url in urls if not url.endswith(PREFIX)]
            if len(whole) < len(urls):
                logger.warning("cdn purge: %s cannot purge by prefix", type(backend).__name__)
            if whole:
                backend.purge_batch(whole)
    return list(failed)


def language_variants(address: str) -> list[str]:
    """An API address as a CDN may hold it: absolute, with and without each `?lang=`."""
    url = absolute(address)
    return [url, *(f"{url}?lang={code}" for code in languages.codes())]


def object_urls(*, path: str, pks: Iterable[int]) -> list[str]:
    """The list of a type and the detail of each of `pks`, in every language variant."""
    addresses = [f"{API_ROOT}{path}/"] + [f"{API_ROOT}{path}/{pk}/" for pk in sorted(set(pks))]
    return [url for address in addresses for url in language_variants(address)]


class PurgeBatch:
    """The addresses one transaction purges when it commits, each once."""

    def __init__(self):
        self.urls: dict[str, None] = {}  # ordered, without repeats
        self.done = False


class PendingPurge:
    """One on-commit callback per change; the first to run purges the whole batch."""

    def __init__(self, batch: PurgeBatch):
        self.batch = batch

    def __call__(self) -> None:
        if not self.batch.done:
            self.batch.done = True
            failed = send_purges(list(self.batch.urls))
            if failed:
                schedule_retry(failed, attempt=1)


def schedule_retry(urls: list[str], *, attempt: int) -> None:
    """Send `urls` again later (attempt number `attempt` of the retries), or give up."""
    delays = settings.CDN_PURGE_RETRY_DELAYS_SECONDS
    if attempt > len(delays):
        logger.error(
            "cdn purge: gave up on %d addresses after %d retries; they expire by their "
            "s-maxage: %s",
            len(urls),
            len(delays),
            " ".join(urls[:20]),
        )
        return
    run_after = timezone.now() + timedelta(seconds=delays[attempt - 1])
    retry_cdn_purge.using(run_after=run_after).enqueue(urls, attempt)


# Run by `manage.py db_worker --backend webhooks`: the worker that delivers to other servers.
@task(backend="webhooks")
def retry_cdn_purge(urls: list[str], attempt: int) -> str:
    """Retry number `attempt` of purges the CDN did not take."""
    failed = send_purges(urls)
    if failed:
        schedule_retry(failed, attempt=attempt + 1)
    return f"{len(urls) - len(failed)} purged, {len(failed)} not"


def purge_after_commit(urls: list[str]) -> None:
    """Purge once committed: before, the CDN could fetch and keep the old answer again.
    Changes within one transaction share one purge (deleting a video deletes each of its
    captions, and each would purge the same addresses)."""
    if not urls or not settings.WAGTAILFRONTENDCACHE:
        return
    batch = None
    connection = transaction.get_connection()
    if connection.in_atomic_block:
        batch = next(
            (
                callback.batch
                for _savepoints, callback, _robust in connection.run_on_commit
                if isinstance(callback, PendingPurge) and not callback.batch.done
            ),
            None,
        )
    batch = batch or PurgeBatch()
    batch.urls.update(dict.fromkeys(urls))
    # Robust: a CDN that fails to answer is logged (by Wagtail's backends), never a failed
    # publish.
    transaction.on_commit(PendingPurge(batch), robust=True)


def saved_object_urls(instance: models.Model) -> list[str]:
    """The API addresses that show a saved or deleted object of settings.API_PURGED_ON_SAVE:
    its own (every translation's, as a reader may get any of them as a fallback), or its
    owner's (a caption shows inside its video)."""
    owner_field = settings.API_PURGED_ON_SAVE[instance._meta.label_lower]
    if owner_field:
        field = instance._meta.get_field(owner_field)
        model, pks = field.related_model, [getattr(instance, field.attname)]
    else:
        model, pks = type(instance), [instance.pk]
        translation_key = getattr(instance, "translation_key", None)
        if translation_key is not None:
            pks += model.objects.filter(translation_key=translation_key).values_list(
                "pk", flat=True
            )
    path = settings.API_OBJECT_PATHS[model._meta.label_lower]
    return object_urls(path=path, pks=[pk for pk in pks if pk is not None])


def object_changed(sender, instance, raw: bool = False, **kwargs) -> None:
    if not raw and settings.WAGTAILFRONTENDCACHE:
        purge_after_commit(saved_object_urls(instance))


def api_urls(page: Page) -> list[str]:
    """Every cached API address that shows the page: its type's list and each translation's
    detail, with and without `?lang=` (a reader may get any translation as a fallback)."""
    path = api_path(page)
    if path is None:
        return []
    return object_urls(
        path=path, pks=page.get_translations(inclusive=True).values_list("pk", flat=True)
    )


def purge_api_urls(*, page: Page) -> None:
    """Purge the page's API addresses from the CDN once the change is committed (the CDN
    would otherwise fetch and keep the old answer again)."""
    if settings.WAGTAILFRONTENDCACHE:
        purge_after_commit(api_urls(page))


def purge_api_object(*, path: str, pk: int) -> None:
    """Purge an object that is not a page (a photovoice photo) from the CDN once committed:
    its type's list and detail in the API."""
    if settings.WAGTAILFRONTENDCACHE:
        purge_after_commit(object_urls(path=path, pks=[pk]))


def page_changed(sender, instance, **kwargs) -> None:
    """A page was published or unpublished: its API addresses are purged."""
    purge_api_urls(page=instance)


def connect() -> None:
    page_published.connect(page_changed, dispatch_uid="api-purge-page-published")
    page_unpublished.connect(page_changed, dispatch_uid="api-purge-page-unpublished")
    for label in settings.API_PURGED_ON_SAVE:
        model = apps.get_model(label)
        uid = f"api-purge-{label}"
        models.signals.post_save.connect(object_changed, sender=model, dispatch_uid=f"{uid}-save")
        models.signals.post_delete.connect(
            object_changed, sender=model, dispatch_uid=f"{uid}-delete"
        )
