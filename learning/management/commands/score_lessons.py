from collections import Counter

from django.core.management.base import BaseCommand, CommandError
from tqdm import tqdm

from cms import languages
from learning import services
from learning.models import LessonPage


class Command(BaseCommand):
    help = (
        "Re-score the easy-language check of every lesson (for example after changing "
        "EASY_LANGUAGE_THRESHOLDS), with a progress bar."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--language", help="Only lessons in this language code (e.g. bg, en, ar)."
        )

    def handle(self, *args, language=None, verbosity=1, **options):
        lessons = LessonPage.objects.select_related("locale").order_by("pk")
        if language:
            try:
                language = languages.get(language).code
            except LookupError as error:
                raise CommandError(str(error)) from None
            lessons = lessons.filter(locale__language_code=language)

        grades: Counter[str] = Counter()
        changed = 0
        with tqdm(
            total=lessons.count(), unit="lesson", file=self.stderr._out, disable=verbosity == 0
        ) as progress:
            for lesson in lessons.iterator(chunk_size=200):
                before = (lesson.easy_language_score, lesson.easy_language_grade)
                report = services.rescore_lesson(lesson=lesson)
                changed += before != (report.score, report.grade)
                grades[report.grade] += 1
                progress.update()

        total = sum(grades.values())
        summary = ", ".join(f"{count} {grade}" for grade, count in sorted(grades.items()))
        self.stdout.write(
            self.style.SUCCESS(f"Scored {total} lessons ({summary or 'none'}); {changed} changed.")
        )
