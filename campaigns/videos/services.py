"""Writes for the video library."""

from functools import partial

from django.db import transaction
from wagtail.models import ReferenceIndex

from campaigns import tasks
from campaigns.videos.models import Video
from cms.api.addresses import absolute
from cms.api.purge import purge_after_commit


def request_processing(*, video: Video) -> None:
    """Queue the slow work on a freshly uploaded video; it runs in `manage.py db_worker`."""
    file_name = video.file.name
    transaction.on_commit(lambda: tasks.process_video.enqueue(video.pk, file_name))


@transaction.atomic
def delete_video(*, video: Video) -> None:
    """Delete a video and everything made from it: the file, the data-saver rendition, the
    captions and the poster (unless another object uses it), their files once committed,
    and their addresses in the CDN. It leaves every playlist (its items go with it)."""
    files = [video.file, video.data_saver, *(caption.file for caption in video.captions.all())]
    stored = [(file.storage, file.name) for file in files if file]
    purge_after_commit([absolute(file.url) for file in files if file])
    poster = video.poster
    video.delete()
    if poster is not None and not ReferenceIndex.get_references_to(poster).exists():
        poster.delete()  # Wagtail deletes its files and renditions; cms.cdn purges them
    for storage, name in stored:
        transaction.on_commit(partial(storage.delete, name))
