"""What the core does when content changes: locales after migrate, and the API's stored
answers forgotten on every publish, unpublish, deletion or save of what it shows."""

from django.apps import apps
from django.conf import settings
from django.db.models.signals import post_delete, post_migrate, post_save
from wagtail.models import Page
from wagtail.signals import page_published, page_unpublished

from cms import services
from cms.api.caching import content_version


def create_locales_after_migrate(sender, using="default", **kwargs):
    services.sync_locales(using=using)


def api_content_changed(**kwargs) -> None:
    content_version.changed()


def page_deleted(sender, instance, **kwargs) -> None:
    if isinstance(instance, Page):
        api_content_changed()


def connect(app_config) -> None:
    # After every migrate (and after tests flush the database) each configured language
    # has its Locale row, so nobody creates them by hand.
    post_migrate.connect(create_locales_after_migrate, sender=app_config)
    # Every publish, unpublish or deletion of a page, and every save or deletion of the
    # models in settings.API_CONTENT_MODELS, makes the content API build its answers again.
    page_published.connect(api_content_changed, dispatch_uid="api-page-published")
    page_unpublished.connect(api_content_changed, dispatch_uid="api-page-unpublished")
    post_delete.connect(page_deleted, dispatch_uid="api-page-deleted")
    for label in settings.API_CONTENT_MODELS:
        model = apps.get_model(label)
        uid = f"api-{model._meta.label_lower}"
        post_save.connect(api_content_changed, sender=model, dispatch_uid=f"{uid}-save")
        post_delete.connect(api_content_changed, sender=model, dispatch_uid=f"{uid}-delete")
