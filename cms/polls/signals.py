"""A poll's votes go with its last language copy."""

from django.db import transaction
from django.db.models.signals import post_delete

from cms.polls import services
from cms.polls.models import Poll


def poll_deleted(sender, instance, **kwargs) -> None:
    # After the commit, when every row deleted with it (a whole tree of translations) is gone.
    key = instance.translation_key
    transaction.on_commit(lambda: services.forget_votes_of_deleted_poll(poll_key=key))


def connect() -> None:
    post_delete.connect(poll_deleted, sender=Poll, dispatch_uid="poll-votes")
