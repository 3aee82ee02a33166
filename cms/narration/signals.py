"""Narration follows the page: made when it is published, taken down when it is not."""

from django.db.models.signals import post_delete
from wagtail.signals import page_published, page_unpublished

from cms.narration import services
from cms.narration.models import Narration


def page_published_receiver(sender, instance, **kwargs) -> None:
    services.request_narration(page=instance)


def page_unpublished_receiver(sender, instance, **kwargs) -> None:
    services.take_down_narration(page=instance)


def narration_deleted(sender, instance, **kwargs) -> None:
    services.delete_files(narration=instance)


def connect() -> None:
    page_published.connect(page_published_receiver, dispatch_uid="narration-page-published")
    page_unpublished.connect(page_unpublished_receiver, dispatch_uid="narration-page-unpublished")
    post_delete.connect(narration_deleted, sender=Narration, dispatch_uid="narration-deleted")
