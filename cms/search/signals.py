"""The search follows every save, move and deletion of a page, every view restriction set
or lifted, and every change of an object an app registered (cms.search.sources)."""

from django.db import transaction
from django.db.models.signals import post_delete, post_save
from wagtail.models import Page, PageViewRestriction
from wagtail.signals import post_page_move

from cms.search import services, sources

# What a saved page may have changed that readers find (a new draft's revision saves other
# fields and changes nothing public).
SEARCHED_FIELDS = {"live", "title", "path", "url_path", "slug", "locale"}


def page_saved(sender, instance=None, update_fields=None, raw=False, **kwargs) -> None:
    if raw or not isinstance(instance, Page) or instance.is_root():
        return
    if sources.page_kind(instance) is None:
        return
    if update_fields is not None and not set(update_fields) & SEARCHED_FIELDS:
        return
    # As stored: the instance may carry a draft's changes that are not public.
    services.index_page(page=Page.objects.get(pk=instance.pk))
    # What the page shows may now be found through it (a video leads to its pages): after
    # the commit, when Wagtail's reference index (itself updated on commit) knows it.
    transaction.on_commit(lambda: services.index_objects_used_by(page=instance))


def page_deleted(sender, instance=None, **kwargs) -> None:
    if isinstance(instance, Page):
        services.remove_page(page_id=instance.pk)


def subtree_changed(page: Page) -> None:
    # A new address, or behind a view restriction now (or no longer).
    for descendant in page.get_descendants(inclusive=True).specific():
        if sources.page_kind(descendant) is not None:
            services.index_page(page=descendant)


def page_moved(sender, instance=None, **kwargs) -> None:
    moved = Page.objects.filter(pk=instance.pk).first()
    if moved is not None:
        subtree_changed(moved)


def restriction_changed(sender, instance=None, **kwargs) -> None:
    page = Page.objects.filter(pk=instance.page_id).first()
    if page is not None:
        subtree_changed(page)


def object_changed(sender, instance=None, raw=False, **kwargs) -> None:
    if not raw and sender._meta.label_lower in sources.SOURCES:
        services.index_object(obj=instance)


def connect() -> None:
    post_save.connect(page_saved, dispatch_uid="search-page-save", weak=False)
    post_delete.connect(page_deleted, dispatch_uid="search-page-delete", weak=False)
    post_page_move.connect(page_moved, dispatch_uid="search-page-move", weak=False)
    for signal, name in ((post_save, "saved"), (post_delete, "deleted")):
        signal.connect(
            restriction_changed,
            sender=PageViewRestriction,
            dispatch_uid=f"search-restriction-{name}",
            weak=False,
        )
        signal.connect(object_changed, dispatch_uid=f"search-object-{name}", weak=False)
