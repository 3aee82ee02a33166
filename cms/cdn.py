"""What a CDN, and the origin itself, may keep of the public pages (docs/deployment.md).

Every public page is the same for every reader: the language is in the address, and what
belongs to one reader (a vote, a form's answer, an editor's session) is on answers of its
own. So a page answered to a reader without a session, that sets no cookie and used no CSRF
token, is `public` for `PAGE_CACHE_S_MAXAGE` at a CDN and `PAGE_CACHE_MAX_AGE` in browsers;
every other answer on a public address is `private, no-store`. A view that chose its own
Cache-Control keeps it.

The origin keeps public pages too (`PAGE_CACHE_ORIGIN_SECONDS`, 0 turns it off), as bytes
in the shared cache under the pages' content version (the API's mechanism,
cms.api.caching): any publish, unpublish, move or deletion of a page, and any save of what
pages show (settings.PAGE_CONTENT_MODELS), starts a new version, so no page built before a
change is served after it.

CDNs are purged on the same events: every public address that may show what changed
(`addresses_showing`: its page in every language, the pages that link or embed it, their
index pages, the sitemap), once the transaction commits, each address once
(cms.api.purge.purge_after_commit). Wagtail's frontend_cache app is not installed: its
own purge on publish would purge only the page's address, before the commit.
"""

import dataclasses
import datetime
import hashlib
import math
import time
from collections.abc import Iterable

from django.apps import apps
from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.http import HttpResponse
from django.utils import timezone
from wagtail.images import get_image_model
from wagtail.models import Page, ReferenceIndex
from wagtail.signals import page_published, page_unpublished, post_page_move, pre_page_move

from cms import languages
from cms.api.addresses import absolute
from cms.api.caching import ContentVersion, StoredAnswers
from cms.api.purge import PREFIX, purge_after_commit
from cms.sitemaps import is_sitemap_address, sitemap_paths

PUBLIC_STATUSES = {200, 301, 404}

page_version = ContentVersion("pages:content-version")
stored_pages = StoredAnswers("pages:answer", page_version)


def is_public_address(path: str) -> bool:
    """The addresses of public pages: under a language's prefix, and the sitemap's files."""
    if is_sitemap_address(path):
        return True
    return any(path.startswith(f"/{code}/") for code in languages.codes())


def public_cache_control(*, at_most: int | None = None) -> str:
    """`at_most`: seconds until the answer changes by itself (a poll closes), if sooner."""
    max_age, s_maxage = settings.PAGE_CACHE_MAX_AGE, settings.PAGE_CACHE_S_MAXAGE
    if at_most is not None:
        max_age, s_maxage = min(max_age, at_most), min(s_maxage, at_most)
    return (
        f"public, max-age={max_age}, s-maxage={s_maxage}, "
        f"stale-while-revalidate={settings.PAGE_CACHE_STALE_WHILE_REVALIDATE}, "
        f"stale-if-error={settings.PAGE_CACHE_STALE_IF_ERROR}"
    )


def changes_by_itself_at(request, moment: datetime.datetime) -> None:
    """What is being rendered changes at `moment` without any save (a poll closes by its
    time, and its form gives way to the results): no cache keeps the answer past it, as no
    event would purge it."""
    if request is None:
        return
    earliest = getattr(request, "changes_by_itself_at", None)
    if earliest is None or moment < earliest:
        request.changes_by_itself_at = moment


def seconds_until_it_changes(request) -> int | None:
    moment = getattr(request, "changes_by_itself_at", None)
    if moment is None:
        return None
    return max(0, math.ceil((moment - timezone.now()).total_seconds()))


def has_session(request) -> bool:
    """An editor's (or any) Django session: its pages may show them their own things."""
    return settings.SESSION_COOKIE_NAME in request.COOKIES


def is_shared_answer(request, response) -> bool:
    """Whether this answer is the same for every reader of its address."""
    vary = {part.strip().lower() for part in response.get("Vary", "").split(",")}
    return (
        request.method in ("GET", "HEAD")
        and not has_session(request)
        and response.status_code in PUBLIC_STATUSES
        and not response.cookies
        and not request.META.get("CSRF_COOKIE_NEEDS_UPDATE")
        and "cookie" not in vary
        and not response.streaming
    )


@dataclasses.dataclass(frozen=True)
class StoredPage:
    status: int
    headers: tuple[tuple[str, str], ...]
    body: bytes
    stored_at: float = 0.0

    def response(self) -> HttpResponse:
        response = HttpResponse(self.body, status=self.status)
        for name, value in self.headers:
            response[name] = value
        response["X-Origin-Cache"] = "hit"
        # How long the origin has kept it: a CDN and browsers count their max-age from
        # the page's making, not from this answer.
        if self.stored_at:  # kept by an earlier release without the time
            response["Age"] = str(max(0, int(time.time() - self.stored_at)))
        return response


def stored_identity(request) -> str:
    address = f"{request.scheme}://{request.get_host()}{request.get_full_path()}"
    return hashlib.sha256(address.encode()).hexdigest()


class PublicPageCacheMiddleware:
    """Sets the Cache-Control of public pages and answers repeated requests for them from
    the origin's page cache. Placed before the session, CSRF and messages middleware, so
    it sees every cookie they set."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not is_public_address(request.path_info):
            return self.get_response(request)
        keep = (
            settings.PAGE_CACHE_ORIGIN_SECONDS > 0
            and request.method in ("GET", "HEAD")
            and not has_session(request)
        )
        token = identity = None
        if keep:
            token = page_version.current()[0]
            identity = stored_identity(request)
            stored = stored_pages.find(identity, token=token)
            if stored is not None:
                return stored.response()
        response = self.get_response(request)
        if "Cache-Control" in response:
            return response  # the view knows better (robots.txt, no-store answers)
        if not is_shared_answer(request, response):
            response["Cache-Control"] = "private, no-store"
            return response
        at_most = seconds_until_it_changes(request)
        if at_most == 0:
            response["Cache-Control"] = "public, max-age=0, s-maxage=0, must-revalidate"
            return response
        response["Cache-Control"] = public_cache_control(at_most=at_most)
        if keep and request.method == "GET":
            headers = tuple(
                (name, value)
                for name, value in response.items()
                if name.lower() not in ("set-cookie", "x-origin-cache")
            )
            stored_pages.keep(
                identity,
                StoredPage(
                    status=response.status_code,
                    headers=headers,
                    body=response.content,
                    stored_at=time.time(),
                ),
                timeout=min(settings.PAGE_CACHE_ORIGIN_SECONDS, at_most or math.inf),
                token=token,
            )
        return response


# --- What to purge ---------------------------------------------------------------------------


def paths_in_every_language(page: Page) -> set[str]:
    """The page's address in every language, for each of its translations' slugs: a reader
    of a language without a translation is served another language's copy at that
    language's prefix (cms.translatable.LocalizedRoutingMixin)."""
    paths = set()
    for translation in page.get_translations(inclusive=True).select_related("locale"):
        parts = translation.get_url_parts()
        if parts is None:
            continue
        prefix = f"/{translation.locale.language_code}/"
        if parts[2].startswith(prefix):
            rest = parts[2][len(prefix) :]
            paths.update(f"/{code}/{rest}" for code in languages.codes())
    return paths


def pages_showing(objects: Iterable[models.Model]) -> list[Page]:
    """Pages that show these objects: the pages themselves, the pages that link, embed or
    choose them (Wagtail's reference index: a course's lessons, a campaign's stories, a
    lesson's video or topics), and the parents of all of these (index pages list them). A
    part shown inside its owner (a video's caption, settings.API_PURGED_ON_SAVE) stands for
    its owner: pages choose the video, not the caption."""
    objects = [shown_as(obj) for obj in objects]
    objects = [obj for obj in objects if obj is not None]
    shown = [obj for obj in objects if isinstance(obj, Page)]
    for obj in objects:
        if not isinstance(obj, Page):
            shown += pages_choosing(obj)
    page_type = ContentType.objects.get_for_model(Page)
    # Another language's copy may be the one chosen (a course links the source's lessons).
    copies = [
        copy
        for obj in objects
        for copy in (obj.get_translations(inclusive=True) if isinstance(obj, Page) else [obj])
    ]
    referencing = ReferenceIndex.get_references_to_in_bulk(copies).filter(
        base_content_type=page_type
    )
    ids = {int(pk) for pk in referencing.values_list("object_id", flat=True)}
    shown += Page.objects.filter(pk__in=ids)
    parents = [page.get_parent() for page in shown if page.depth > 2]
    return [*shown, *(parent for parent in parents if parent is not None)]


def shown_as(obj: models.Model) -> models.Model | None:
    """What pages choose to show `obj`: its owner for a part (a caption's video), else
    itself; None for a part whose owner is gone (deleted with it)."""
    owner_field = settings.API_PURGED_ON_SAVE.get(obj._meta.label_lower)
    if not owner_field:
        return obj
    return (
        obj._meta.get_field(owner_field)
        .related_model.objects.filter(pk=getattr(obj, obj._meta.get_field(owner_field).attname))
        .first()
    )


def pages_choosing(obj: models.Model) -> list[Page]:
    """Pages that chose this object (or another language's copy of it) in a many-to-many
    field, which the reference index leaves out: a lesson's topics, a story's themes."""
    copies = obj.get_translations(inclusive=True) if hasattr(obj, "get_translations") else [obj]
    found = []
    for relation in obj._meta.related_objects:
        if relation.many_to_many and issubclass(relation.related_model, Page):
            found += relation.related_model.objects.filter(**{f"{relation.field.name}__in": copies})
    return found


def addresses_showing(objects: Iterable[models.Model]) -> list[str]:
    """Every public address that may show these objects, absolute, with the sitemap's files."""
    paths = set()
    for page in pages_showing(objects):
        paths |= paths_in_every_language(page)
    return [*(absolute(path) for path in sorted(paths)), *map(absolute, sitemap_paths())]


def purge_showing(objects: Iterable[models.Model]) -> None:
    """Purge from the CDN, once committed, every public address that may show these."""
    if settings.WAGTAILFRONTENDCACHE:
        purge_after_commit(addresses_showing(objects))


def every_page_changed() -> None:
    """Something every public page shows changed (an alert's banner): the origin's copies
    are dropped at once, and the CDN's once committed, by a purge of each language's
    whole address space (cms.api.purge: a prefix ends in `*`)."""
    page_version.changed()
    if settings.WAGTAILFRONTENDCACHE:
        purge_after_commit([absolute(f"/{code}/") + PREFIX for code in languages.codes()])


# --- When ----------------------------------------------------------------------------------


def page_changed(sender, instance, **kwargs) -> None:
    """Published, unpublished, or about to move / moved (both its old and new addresses)."""
    purge_showing([instance])


def object_changed(sender, instance, raw: bool = False, **kwargs) -> None:
    if not raw:
        purge_showing([instance])


def image_deleted(sender, instance, **kwargs) -> None:
    """A deleted image (a withdrawn photo) leaves the CDN too: its file and renditions."""
    if settings.WAGTAILFRONTENDCACHE:
        files = [instance.file, *(rendition.file for rendition in instance.renditions.all())]
        purge_after_commit([absolute(file.url) for file in files if file])


def connect() -> None:
    page_published.connect(page_changed, dispatch_uid="pages-purge-published")
    page_unpublished.connect(page_changed, dispatch_uid="pages-purge-unpublished")
    pre_page_move.connect(page_changed, dispatch_uid="pages-purge-before-move")
    post_page_move.connect(page_changed, dispatch_uid="pages-purge-after-move")
    for label in settings.PAGE_CONTENT_MODELS:
        model = apps.get_model(label)
        if issubclass(model, Page):
            continue
        uid = f"pages-purge-{model._meta.label_lower}"
        models.signals.post_save.connect(object_changed, sender=model, dispatch_uid=f"{uid}-save")
        models.signals.pre_delete.connect(
            object_changed, sender=model, dispatch_uid=f"{uid}-delete"
        )
    models.signals.pre_delete.connect(
        image_deleted, sender=get_image_model(), dispatch_uid="pages-purge-image-files"
    )
