import logging

from django.conf import settings
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.cache import patch_cache_control
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_GET, require_POST
from wagtail.models import Page

from cms import cdn
from learning import selectors
from learning.forms import LessonFilterForm, QuizAnswerForm
from learning.glossary import selectors as glossary_selectors
from learning.handouts import pdf
from learning.handouts import selectors as handout_selectors
from learning.models import CoursePage, LessonIndexPage, LessonPage
from learning.offline import selectors as offline_selectors

logger = logging.getLogger(__name__)


def lesson_index(request, *, index_page: LessonIndexPage):
    """The lesson list: filters in the address; bad values answer 400 with the reason and
    the unfiltered list, so the reader still has something to read."""
    topics = selectors.topics_in_reader_language()
    form = LessonFilterForm(request.GET, topics=topics)
    status = 200
    filters = selectors.LessonFilters()
    page_number = 1
    if form.is_valid():
        filters = selectors.LessonFilters(
            topic=form.cleaned_data["topic"],
            level=form.cleaned_data["level"],
            reads_at=form.cleaned_data["reads_at"],
            query=form.cleaned_data["q"].strip(),
        )
        page_number = form.cleaned_data["page"] or 1
    else:
        status = 400
    lessons = selectors.lessons_for_index(index_page=index_page, filters=filters)
    shown = Paginator(lessons, settings.LESSONS_PER_PAGE).get_page(page_number)
    by_key = {topic.translation_key: topic for topic in topics}
    for lesson in shown:
        # Lessons link the source language's topics; show each in the reader's language.
        lesson.display_topics = [
            by_key[topic.translation_key]
            for topic in lesson.topics.all()
            if topic.translation_key in by_key
        ]
    context = index_page.get_context(request)
    context.update(form=form, filters=filters, lessons=shown, topics=topics)
    return TemplateResponse(request, index_page.get_template(request), context, status=status)


# Checking an answer changes nothing on the server, and lesson pages must stay cacheable
# for everyone (no CSRF cookie), so this form post carries no CSRF token.
@csrf_exempt
@require_POST
def check_quiz(request, page_id: int):
    """The quiz without JavaScript: the lesson page again, with this question's feedback."""
    lesson = get_object_or_404(LessonPage.objects.live().public(), pk=page_id)
    question = next(
        (
            child
            for child in lesson.body
            if child.block_type == "quiz" and child.id == request.POST.get("question")
        ),
        None,
    )
    context = lesson.get_context(request)
    status = 200
    if question is None:
        status = 400
        context["quiz_error"] = "unknown_question"
    else:
        form = QuizAnswerForm(request.POST, option_count=len(question.value["options"]))
        if form.is_valid() and form.cleaned_data["answer"]:
            answers = set(form.cleaned_data["answer"])
            context["quiz_result"] = {
                "question": question.id,
                "answers": answers,
                "is_right": question.value.is_right(answers),
            }
        else:
            status = 400
            context["quiz_result"] = {"question": question.id, "missing_answer": True}
    return TemplateResponse(request, lesson.get_template(request), context, status=status)


@require_GET
def glossary(request):
    """Every glossary term in the reader's language (or its fallback, marked), with its
    explanation: where a marked term in a lesson leads without JavaScript."""
    context = {
        "terms": glossary_selectors.glossary_in_reader_language(),
        "same_in_every_language": True,
    }
    return TemplateResponse(request, "learning/glossary_page.html", context)


@require_GET
def handout(request, page_id: int, paper: str):
    """A lesson's or course's printable PDF (docs/handouts.md), in the page's own language:
    the address carries it, so another language's prefix redirects there. Drafts, private
    and unpublished pages are not found."""
    page = Page.objects.live().public().filter(pk=page_id).specific().first()
    if not isinstance(page, (LessonPage, CoursePage)):
        raise Http404
    if page.locale.language_code != request.LANGUAGE_CODE:
        return redirect(handout_selectors.handout_path(page, paper), permanent=True)
    try:
        made = handout_selectors.handout_pdf(page, paper)
    except pdf.HandoutError as error:
        logger.error("Handout of page %s (%s) could not be made: %s", page.pk, paper, error)
        return TemplateResponse(
            request, "learning/handouts/unavailable.html", {"page": page}, status=503
        )
    response = HttpResponse(made, content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="{page.slug}-{paper}.pdf"'
    response["Cache-Control"] = cdn.public_cache_control()
    return response


@require_GET
def offline_manifest(request, page_id: int):
    """What saving this lesson or course for offline use stores, and its size (JSON)."""
    page = Page.objects.live().public().filter(pk=page_id).specific().first()
    if not isinstance(page, (LessonPage, CoursePage)):
        return JsonResponse(
            {"detail": "No published lesson or course has this number."}, status=404
        )
    response = JsonResponse(offline_selectors.offline_manifest(page, request))
    # Always asked again: it names the current narration and pictures, whose files change.
    patch_cache_control(response, no_cache=True)
    return response


def saved(request):
    """What this phone keeps for offline use, its bookmarks and its progress: all of it in
    the browser (offline.js fills the page); the server knows nothing of it."""
    return TemplateResponse(request, "learning/saved_page.html", {})
