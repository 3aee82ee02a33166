"""The lessons and courses of the scale data set (cms/scale/__init__.py): copies of the demo
lessons, numbered, under the lesson index of each language, with their translations in every
other language up to date, outdated, machine-drafted or missing; courses of six of them."""

import uuid

from django.db import transaction
from wagtail.models import Page

from cms import languages
from cms.demo.helpers import source_text
from cms.scale import Run, add_made
from cms.scale.families import BATCH, Copy, Family, FamilyCopier, copy_in_batches, plan_copies
from learning.demo import texts
from learning.models import CoursePage, LessonIndexPage, LessonPage

ORDER = 10
DONOR = "en"  # languages the demo lessons lack take the English text, as machine drafts


def generate(*, run: Run) -> None:
    index = LessonIndexPage.objects.filter(
        locale__language_code=languages.source_language().code
    ).first()
    if index is None:
        run.log("No lesson index: the demo content is missing.")
        return
    parents = {
        page.locale.language_code: page
        for page in LessonIndexPage.objects.filter(translation_key=index.translation_key)
        .select_related("locale")
        .filter(alias_of__isnull=True)
    }
    _lessons(run, parents)
    _courses(run, parents)


def _templates(model, slugs: list[str]) -> list[Family]:
    code = languages.source_language().code
    pages = model.objects.filter(locale__language_code=code, slug__in=slugs).order_by("path")
    return [Family.of(page, code) for page in pages]


def _lessons(run: Run, parents: dict[str, Page]) -> None:
    templates = _templates(LessonPage, [source_text(lesson["slug"]) for lesson in texts.LESSONS])
    copy_in_batches(run, "lessons", templates, parents=parents, donor=DONOR)


def _courses(run: Run, parents: dict[str, Page]) -> None:
    wanted = run.missing("courses")
    source_code = languages.source_language().code
    lessons = list(
        LessonPage.objects.filter(locale__language_code=source_code, title__contains=" · ")
        .order_by("pk")
        .values_list("translation_key", flat=True)
    )
    if not wanted or len(lessons) < 6:
        run.log("Courses: all there" if not wanted else "Courses: generate lessons first")
        return
    template = _templates(CoursePage, [source_text(texts.COURSE["slug"])])[0]
    chooser = run.random("courses:lessons")
    chosen: dict[int, list[uuid.UUID]] = {}  # course number → its lessons' keys, in order
    ids: dict[tuple[uuid.UUID, str], int] = {}  # (lesson key, language) → page id

    def adjust(page: Page, item: Copy, code: str) -> None:
        # Each language's course lists that language's copy of the lesson, else the source.
        blocks = template.versions[copier.content_code(code)].lessons
        page.lessons = [
            {"type": "lesson", "value": ids.get((key, code), ids[key, source_code]), "id": block.id}
            for key, block in zip(chosen[item.number], blocks, strict=False)
        ]

    copier = FamilyCopier(
        template, parents=parents, donor=DONOR, adjust=adjust, adjusted_fields=["lessons"]
    )
    with run.progress("courses", wanted) as bar:
        for start in range(0, wanted, BATCH):
            size = min(BATCH, wanted - start)
            with transaction.atomic():
                planned = [item for _, item in plan_copies(run, "courses", [template], size)]
                chosen.clear()
                for item in planned:
                    chosen[item.number] = chooser.sample(lessons, len(template.source.lessons))
                keys = {key for keys in chosen.values() for key in keys}
                ids.clear()
                versions = LessonPage.objects.filter(translation_key__in=keys)
                for key, code, pk in versions.values_list(
                    "translation_key", "locale__language_code", "pk"
                ):
                    ids[key, code] = pk
                copier.copy(planned)
                add_made("courses", size)
            bar.update(size)
