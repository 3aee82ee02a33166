"""Writes for the video library."""

from django.db import transaction

from campaigns import tasks
from campaigns.videos.models import Video


def request_processing(*, video: Video) -> None:
    """Queue the slow work on a freshly uploaded video; it runs in `manage.py db_worker`."""
    file_name = video.file.name
    transaction.on_commit(lambda: tasks.process_video.enqueue(video.pk, file_name))
