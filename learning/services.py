"""Writes for lessons."""

from django.db import transaction

from learning import easy_language
from learning.models import LessonPage


@transaction.atomic
def rescore_lesson(*, lesson: LessonPage) -> easy_language.Report:
    """Store the easy-language score, grade, estimated level and reading time of the
    lesson's current text.

    Saving a lesson does this by itself; this is for when the thresholds change. Only the
    four stored columns are written: no new revision, nothing republished."""
    report = lesson.set_derived_fields()
    LessonPage.objects.filter(pk=lesson.pk).update(
        easy_language_score=lesson.easy_language_score,
        easy_language_grade=lesson.easy_language_grade,
        easy_language_cefr=lesson.easy_language_cefr,
        reading_time_minutes=lesson.reading_time_minutes,
    )
    return report
