"""Background work, run by `manage.py db_worker --backend videos`."""

from django_tasks import task

from campaigns import services


@task(backend="videos")
def process_video(video_id: int, file_name: str) -> str:
    video = services.process_video(video_id=video_id, file_name=file_name)
    return video.processing_status if video else "superseded"
