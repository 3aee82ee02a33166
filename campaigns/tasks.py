"""Background work, run by `manage.py db_worker --backend videos` and
`manage.py db_worker --backend webhooks`. The work itself lives in its room; these entry
points stay here because django-tasks-db stores their import paths with every queued task."""

from datetime import datetime

from django.db import transaction
from django_tasks import task

from campaigns.partners import webhooks
from campaigns.screens import notices
from campaigns.videos import processing


@task(backend="videos")
def process_video(video_id: int, file_name: str) -> str:
    video = processing.process_video(video_id=video_id, file_name=file_name)
    return video.processing_status if video else "superseded"


@task(backend="webhooks")
def deliver_webhook(delivery_id: str, attempt: int) -> str:
    """One attempt; a failed one is tried again later (campaigns.partners.webhooks)."""
    status, retry_at = webhooks.deliver(delivery_id=delivery_id, attempt=attempt)
    if retry_at is not None:
        enqueue_webhook(delivery_id, attempt=attempt + 1, run_after=retry_at)
    return status


def enqueue_webhook(delivery_id: str, *, attempt: int, run_after: datetime | None = None) -> None:
    """Queue attempt number `attempt` once the current transaction commits."""
    queued = deliver_webhook.using(run_after=run_after) if run_after else deliver_webhook
    transaction.on_commit(lambda: queued.enqueue(delivery_id, attempt))


@task(backend="webhooks")
def email_screen_incident(incident_id: int) -> bool:
    """Tell a screen group's contacts that a screen needs someone, or recovered."""
    return notices.email_incident(incident_id=incident_id)


def enqueue_incident_email(incident_id: int) -> None:
    transaction.on_commit(lambda: email_screen_incident.enqueue(incident_id))
