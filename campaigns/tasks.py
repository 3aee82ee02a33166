"""Background work, run by `manage.py db_worker --backend videos` and
`manage.py db_worker --backend webhooks`."""

from django_tasks import task

from campaigns import services, webhooks


@task(backend="videos")
def process_video(video_id: int, file_name: str) -> str:
    video = services.process_video(video_id=video_id, file_name=file_name)
    return video.processing_status if video else "superseded"


@task(backend="webhooks")
def deliver_webhook(delivery_id: str, attempt: int) -> str:
    """One attempt; a failed one enqueues the next with `run_after` (campaigns.webhooks)."""
    return webhooks.deliver(delivery_id=delivery_id, attempt=attempt)
