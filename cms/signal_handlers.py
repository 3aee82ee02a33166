from django.apps import apps
from django.conf import settings
from django.db import transaction
from django.db.models.signals import post_delete, post_save
from wagtail.models import Page
from wagtail.signals import page_published, page_unpublished

from cms import services


def create_locales_after_migrate(sender, using="default", **kwargs):
    services.sync_locales(using=using)


def home_page_created(sender, instance, created, raw=False, **kwargs) -> None:
    """A language's home page (a new language, or its first translation) gives that
    language's translator group its pages, once the page is saved for good."""
    if created and not raw and instance.depth == 2:
        transaction.on_commit(lambda: services.give_translators_their_home_page(home=instance))


def api_content_changed(**kwargs) -> None:
    from cms.api.caching import content_changed

    # Now, for readers inside this transaction, and again after commit, so an answer built
    # from the old rows in between is not kept.
    content_changed()
    transaction.on_commit(content_changed)


def page_deleted(sender, instance, **kwargs) -> None:
    if isinstance(instance, Page):
        api_content_changed()


def connect_api_cache() -> None:
    """Every publish, unpublish or deletion of a page, and every save or deletion of the
    models in settings.API_CONTENT_MODELS, makes the content API build its answers again."""
    page_published.connect(api_content_changed, dispatch_uid="api-page-published")
    page_unpublished.connect(api_content_changed, dispatch_uid="api-page-unpublished")
    post_delete.connect(page_deleted, dispatch_uid="api-page-deleted")
    for label in settings.API_CONTENT_MODELS:
        model = apps.get_model(label)
        uid = f"api-{model._meta.label_lower}"
        post_save.connect(api_content_changed, sender=model, dispatch_uid=f"{uid}-save")
        post_delete.connect(api_content_changed, sender=model, dispatch_uid=f"{uid}-delete")


def poll_deleted(sender, instance, **kwargs) -> None:
    from cms.polls import services as polls

    # After the commit, when every row deleted with it (a whole tree of translations) is gone.
    key = instance.translation_key
    transaction.on_commit(lambda: polls.forget_votes_of_deleted_poll(poll_key=key))
