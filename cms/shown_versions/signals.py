"""The shown versions follow every save, move and deletion of a page, and every view
restriction set or lifted."""

from django.db.models.signals import post_delete, post_save
from wagtail.models import Page, PageViewRestriction
from wagtail.signals import post_page_move

from cms.shown_versions import services


def page_saved(sender, instance=None, update_fields=None, **kwargs) -> None:
    if not isinstance(instance, Page) or instance.is_root():
        return
    if update_fields is not None and not set(update_fields) & services.fields_kept(sender):
        return  # e.g. a new draft's revision: nothing readers see changed
    services.refresh_shown_versions(translation_keys=[instance.translation_key])


def page_deleted(sender, instance=None, **kwargs) -> None:
    if isinstance(instance, Page):
        services.refresh_shown_versions(translation_keys=[instance.translation_key])


def page_moved(sender, instance=None, **kwargs) -> None:
    # Under a new parent: a new parent key, and maybe behind a view restriction now.
    moved = Page.objects.filter(pk=instance.pk).first()  # its path as stored now
    if moved is not None:
        services.refresh_subtree(page=moved)


def restriction_changed(sender, instance=None, **kwargs) -> None:
    page = Page.objects.filter(pk=instance.page_id).first()
    if page is not None:
        services.refresh_subtree(page=page)


def connect() -> None:
    # Any sender: a page saves as its own type (LessonPage, CoursePage…).
    post_save.connect(page_saved, dispatch_uid="shown-versions-save", weak=False)
    post_delete.connect(page_deleted, dispatch_uid="shown-versions-delete", weak=False)
    post_page_move.connect(page_moved, dispatch_uid="shown-versions-move", weak=False)
    for signal, name in ((post_save, "saved"), (post_delete, "deleted")):
        signal.connect(
            restriction_changed,
            sender=PageViewRestriction,
            dispatch_uid=f"shown-versions-restriction-{name}",
            weak=False,
        )
