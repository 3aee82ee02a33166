"""The data set of `make bench`'s API case (scripts/bench_api.py), run inside Django after
`load_demo_content`:

    manage.py shell -v0 -c "import runpy; runpy.run_path('scripts/bench_api_data.py')"

Adds published Bulgarian lessons, copies of the demo lessons' bodies under new titles, so
that lists have many pages (BENCH_LESSONS in all, default 240), then writes the list URLs to
measure (BENCH_OUT, JSON): three languages (Bulgarian, English with its translations and
fallbacks, Arabic), several pages and a topic filter.
"""

import json
import logging
import os
from pathlib import Path

from django.db import transaction
from wagtail.models import Locale

from learning.models import LessonIndexPage, LessonPage

logging.getLogger("wagtail").setLevel(logging.WARNING)
TOTAL = int(os.environ.get("BENCH_LESSONS", "240"))
PAGE_SIZE = 20


@transaction.atomic
def add_lessons() -> int:
    bulgarian = Locale.objects.get(language_code="bg")
    index = LessonIndexPage.objects.get(locale=bulgarian)
    models = list(LessonPage.objects.child_of(index).live().order_by("pk"))
    count = len(models)
    number = 0
    while count < TOTAL:
        model = models[number % len(models)]
        number += 1
        lesson = LessonPage(
            title=f"{model.title} ({number})",
            slug=f"{model.slug}-{number}",
            summary=model.summary,
            level=model.level,
            body=model.body.raw_data,
        )
        index.add_child(instance=lesson)
        lesson.topics.set(model.topics.all())
        lesson.save_revision().publish()
        count += 1
    return count


lessons = add_lessons()
topic = LessonPage.objects.filter(locale__language_code="bg").first().topics.first()
pages = lessons // PAGE_SIZE
queries = [f"lang={code}&page={page}" for code in ("bg", "en", "ar") for page in (1, 2, pages)]
queries += [f"lang=bg&topic={topic.slug}", "lang=en&level=A1", "lang=uk&ordering=-title"]
Path(os.environ["BENCH_OUT"]).write_text(json.dumps({"lessons": lessons, "queries": queries}))
