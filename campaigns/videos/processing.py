"""The slow work on an uploaded video, run by `manage.py db_worker --backend videos` (the task
campaigns.tasks.process_video): measure it, make its poster and its data-saver rendition."""

import logging
import tempfile
from pathlib import Path

from django.conf import settings
from django.core.files.base import ContentFile, File
from django.utils import timezone
from wagtail.images import get_image_model

from campaigns.videos import media
from campaigns.videos.choices import ProcessingStatus
from campaigns.videos.models import Video
from cms.services import root_collection

logger = logging.getLogger(__name__)


def process_video(*, video_id: int, file_name: str) -> Video | None:
    """Measure the video, make its poster (unless one was given) and its data-saver
    rendition. Runs outside a transaction: ffmpeg may take minutes on a long video.

    Returns None when the video is gone or a newer upload replaced `file_name`."""
    video = Video.objects.filter(pk=video_id).first()
    if video is None or video.file.name != file_name:
        return None
    _set_status(video, ProcessingStatus.PROCESSING)
    try:
        with media.local_path(video.file) as path:
            info = media.probe(path)
            video.duration_seconds = info.duration_seconds
            video.width, video.height = info.width, info.height
            video.size_bytes = video.file.size
            with video.file.open("rb") as stored:
                video.sha256 = media.sha256_of(stored.chunks())
            if video.poster_id is None:
                video.poster = _poster_image(video, path, info)
            _make_data_saver(video, path, info)
    except media.UnreadableVideo as error:
        logger.warning("Video %s could not be processed: %s", video.pk, error)
        video.processing_status = ProcessingStatus.FAILED
        video.processing_error = str(error)
    else:
        video.processing_status = ProcessingStatus.READY
        video.processing_error = ""
    video.processed_at = timezone.now()
    video.save()
    return video


def _set_status(video: Video, status: str) -> None:
    video.processing_status = status
    Video.objects.filter(pk=video.pk).update(processing_status=status)


def _poster_image(video: Video, path: str, info: media.VideoInfo):
    jpeg = media.poster_frame(path, at_seconds=min(1.0, info.duration_seconds / 2))
    return get_image_model().objects.create(
        title=f"{video.title} (poster)",
        file=ContentFile(jpeg, name=f"video-{video.pk}-poster.jpg"),
        collection=root_collection(),
    )


def _make_data_saver(video: Video, path: str, info: media.VideoInfo) -> None:
    height = min(settings.VIDEO_DATA_SAVER_HEIGHT, info.height - info.height % 2)
    with tempfile.TemporaryDirectory(prefix="video-") as folder:
        target = Path(folder) / f"{Path(video.file.name).stem}-{height}p.mp4"
        media.data_saver(path, target, height=height, bitrate=settings.VIDEO_DATA_SAVER_BITRATE)
        if video.data_saver:
            video.data_saver.delete(save=False)
        with target.open("rb") as rendition:
            video.data_saver.save(target.name, File(rendition), save=False)
            rendition.seek(0)
            video.data_saver_sha256 = media.sha256_of(iter(lambda: rendition.read(1 << 20), b""))
        video.data_saver_size_bytes = target.stat().st_size
