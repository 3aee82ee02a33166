"""Reads for handouts: what a lesson's or course's PDF shows, and the PDF itself, kept in
the shared cache under a key that changes whenever anything it shows changes."""

import base64
import hashlib
import re
from dataclasses import dataclass, field

import segno
from django.conf import settings
from django.core.cache import cache
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from wagtail.models import Page

from cms.api.addresses import absolute
from learning.glossary.models import GlossaryTerm
from learning.handouts import pdf
from learning.models import CoursePage, LessonPage

CACHE_SECONDS = 7 * 24 * 3600
IMAGE_RENDITION = "max-600x360"


@dataclass
class LessonHandout:
    lesson: LessonPage
    url: str
    qr_code: str  # an SVG data: URI
    key_words: list[tuple[str, str]] = field(default_factory=list)
    images: dict[str, str] = field(default_factory=dict)  # block id → data: URI


def handout_path(page: Page, paper: str) -> str:
    with translation.override(page.locale.language_code):
        return reverse("handout", kwargs={"page_id": page.pk, "paper": paper})


def handout_urls(page: Page) -> dict[str, str]:
    """The page's handout in each paper size, absolute."""
    return {paper: absolute(handout_path(page, paper)) for paper in pdf.PAPER_SIZES}


def _qr_code(url: str) -> str:
    return segno.make(url, error="m").svg_data_uri(scale=3, border=2)


def _glossary_in(lesson: LessonPage, terms: list[GlossaryTerm]) -> list[tuple[str, str]]:
    text = " ".join(lesson.readable_paragraphs())
    return [
        (term.term, term.explanation)
        for term in terms
        if re.search(rf"(?<!\w){re.escape(term.term.strip())}(?!\w)", text, re.IGNORECASE)
    ]


def _image_data(block_value) -> str | None:
    image = block_value.get("image")
    if image is None:
        return None
    rendition = image.get_rendition(IMAGE_RENDITION)
    with rendition.file.open("rb") as stored:
        data = stored.read()
    kind = "png" if rendition.file.name.lower().endswith(".png") else "jpeg"
    if rendition.file.name.lower().endswith(".webp"):
        kind = "webp"
    return f"data:image/{kind};base64,{base64.b64encode(data).decode()}"


def lesson_handout(lesson: LessonPage, terms: list[GlossaryTerm]) -> LessonHandout:
    url = absolute(lesson.get_url())
    key_words = [
        (child.value["word"], child.value["explanation"])
        for child in lesson.body
        if child.block_type == "key_word"
    ]
    own = {word.casefold() for word, _ in key_words}
    key_words += [pair for pair in _glossary_in(lesson, terms) if pair[0].casefold() not in own]
    images = {
        child.id: data
        for child in lesson.body
        if child.block_type == "image" and (data := _image_data(child.value))
    }
    return LessonHandout(
        lesson=lesson, url=url, qr_code=_qr_code(url), key_words=key_words, images=images
    )


def _lessons_of(page: Page) -> list[LessonPage]:
    if isinstance(page, CoursePage):
        # The course's lessons in the course's language, or the nearest of its fallbacks.
        with translation.override(page.locale.language_code):
            return page.ordered_lessons()
    return [page]


def _version(page: Page, lessons: list[LessonPage], terms: list[GlossaryTerm]) -> str:
    parts = [page.pk, page.live_revision_id, str(page.last_published_at)]
    parts += [(lesson.pk, lesson.live_revision_id) for lesson in lessons]
    parts += [(term.pk, term.term, term.explanation) for term in terms]
    return hashlib.sha256(repr(parts).encode()).hexdigest()[:24]


def handout_html(page: Page, paper: str) -> str:
    """The handout as HTML, in the page's own language, before it becomes a PDF."""
    language = page.locale.language_code
    terms = list(GlossaryTerm.objects.filter(locale__language_code=language))
    lessons = [lesson_handout(lesson, terms) for lesson in _lessons_of(page)]
    url = absolute(page.get_url())
    with translation.override(language):
        return render_to_string(
            "learning/handouts/handout.html",
            {
                "page": page,
                "course": page if isinstance(page, CoursePage) else None,
                "lessons": lessons,
                "url": url,
                "qr_code": _qr_code(url),
                "paper": pdf.PAPER_SIZES[paper],
                "language": language,
                "direction": "rtl" if translation.get_language_bidi() else "ltr",
                "site_name": settings.WAGTAIL_SITE_NAME,
            },
        )


def handout_pdf(page: Page, paper: str) -> bytes:
    """The PDF, from the shared cache when nothing it shows has changed since it was made.

    Raises pdf.HandoutError when it cannot be made."""
    language = page.locale.language_code
    terms = list(GlossaryTerm.objects.filter(locale__language_code=language))
    version = _version(page, _lessons_of(page), terms)
    key = f"handout:{page.pk}:{paper}:{version}"
    made = cache.get(key)
    if made is None:
        made = pdf.render(handout_html(page, paper))
        cache.set(key, made, CACHE_SECONDS)
    return made
