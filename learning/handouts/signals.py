"""A handout leaves the CDN with its page: publishing or unpublishing a lesson purges its
handouts and those of the courses that include it (their PDFs include the lesson)."""

from django.conf import settings
from wagtail.signals import page_published, page_unpublished

from cms import cdn
from cms.api.addresses import absolute
from cms.api.purge import purge_after_commit
from learning.handouts import pdf
from learning.handouts.selectors import handout_path
from learning.models import CoursePage, LessonPage


def handout_addresses(page) -> list[str]:
    shown = [
        candidate
        for candidate in cdn.pages_showing([page])
        if candidate.specific_class in (LessonPage, CoursePage)
    ]
    return sorted(
        {
            absolute(handout_path(candidate, paper))
            for candidate in shown
            for paper in pdf.PAPER_SIZES
        }
    )


def page_changed(sender, instance, **kwargs) -> None:
    if settings.WAGTAILFRONTENDCACHE and isinstance(instance, (LessonPage, CoursePage)):
        purge_after_commit(handout_addresses(instance))


def connect() -> None:
    page_published.connect(page_changed, dispatch_uid="handouts-purge-published")
    page_unpublished.connect(page_changed, dispatch_uid="handouts-purge-unpublished")
