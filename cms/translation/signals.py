"""A new language's home page goes to that language's translators."""

from django.db import transaction
from django.db.models.signals import post_save

from cms.models import HomePage
from cms.translation import services


def home_page_created(sender, instance, created, raw=False, **kwargs) -> None:
    """A language's home page (a new language, or its first translation) gives that
    language's translator group its pages, once the page is saved for good."""
    if created and not raw and instance.depth == 2:
        transaction.on_commit(lambda: services.give_translators_their_home_page(home=instance))


def connect() -> None:
    post_save.connect(home_page_created, sender=HomePage, dispatch_uid="translator-groups")
