"""The narration worker's entry point, run by `manage.py db_worker --backend narration`
(django-tasks-db stores this import path with every queued task)."""

from django_tasks import task

from cms.narration import services


@task(backend="narration")
def make_narration(page_id: int, text_hash: str) -> str:
    narration = services.make_narration(page_id=page_id, text_hash=text_hash)
    return narration.status if narration else "superseded"
