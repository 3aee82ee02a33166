"""What the core does when content changes: locales after migrate, and the stored answers of
the API and of public pages forgotten on every publish, unpublish, move, deletion or save
of what they show."""

from django.apps import apps
from django.conf import settings
from django.db.backends.signals import connection_created
from django.db.models.signals import post_delete, post_migrate, post_save, pre_save
from wagtail.images import get_image_model
from wagtail.models import Page
from wagtail.signals import page_published, page_unpublished, post_page_move

from cms import images, services
from cms.api.caching import ContentVersion, content_version
from cms.cdn import page_version


def create_locales_after_migrate(sender, using="default", **kwargs):
    services.sync_locales(using=using)


def _lower(value):
    return value.lower() if isinstance(value, str) else value


def unicode_lower_in_sqlite(sender, connection, **kwargs) -> None:
    """SQLite's LOWER() knows only ASCII letters: lists ordered by title without regard to
    case would put "Нов" after "юг" in development and before it on PostgreSQL."""
    if connection.vendor == "sqlite":
        connection.connection.create_function("LOWER", 1, _lower, deterministic=True)


class Changed:
    """A receiver that starts a new content version (for a page deletion: of pages only)."""

    def __init__(self, version: ContentVersion, *, pages_only: bool = False):
        self.version = version
        self.pages_only = pages_only

    def __call__(self, sender, instance=None, **kwargs) -> None:
        if not self.pages_only or isinstance(instance, Page):
            self.version.changed()


def follow(version: ContentVersion, model_labels: list[str], uid: str) -> None:
    """`version` changes with every publish, unpublish, move or deletion of a page and every
    save or deletion of the models named."""
    changed = Changed(version)
    # Receivers are kept with strong references: these objects live as long as the process.
    page_published.connect(changed, dispatch_uid=f"{uid}-page-published", weak=False)
    page_unpublished.connect(changed, dispatch_uid=f"{uid}-page-unpublished", weak=False)
    post_page_move.connect(changed, dispatch_uid=f"{uid}-page-moved", weak=False)
    post_delete.connect(
        Changed(version, pages_only=True), dispatch_uid=f"{uid}-page-deleted", weak=False
    )
    for label in model_labels:
        model = apps.get_model(label)
        model_uid = f"{uid}-{model._meta.label_lower}"
        post_save.connect(changed, sender=model, dispatch_uid=f"{model_uid}-save", weak=False)
        post_delete.connect(changed, sender=model, dispatch_uid=f"{model_uid}-delete", weak=False)


def connect(app_config) -> None:
    # After every migrate (and after tests flush the database) each configured language
    # has its Locale row, so nobody creates them by hand.
    post_migrate.connect(create_locales_after_migrate, sender=app_config)
    connection_created.connect(unicode_lower_in_sqlite, dispatch_uid="sqlite-unicode-lower")
    follow(content_version, settings.API_CONTENT_MODELS, "api")
    follow(page_version, settings.PAGE_CONTENT_MODELS, "pages")
    # Every image file is stored without its metadata (cms/images.py).
    pre_save.connect(
        images.clean_before_saving, sender=get_image_model(), dispatch_uid="clean-image-files"
    )
