from django.conf import settings
from django.contrib import messages
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail import hooks
from wagtail.admin.viewsets.pages import PageListingViewSet
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import CreateView, SnippetViewSet

from cms.dashboard import Attention
from learning import easy_language
from learning.glossary.models import GlossaryTerm
from learning.models import LessonIndexPage, LessonPage, Topic
from learning.views import lesson_index


class TopicViewSet(SnippetViewSet):
    model = Topic
    icon = "tag"
    menu_label = gettext_lazy("Topics")
    menu_order = 210
    add_to_admin_menu = True
    list_display = ["name", "slug", "locale"]
    search_fields = ["name", "description"]


class LessonListingViewSet(PageListingViewSet):
    """Every lesson in every language, with its easy-language score to sort and filter by."""

    model = LessonPage
    icon = "doc-full"
    menu_label = gettext_lazy("Lessons")
    menu_order = 200
    add_to_admin_menu = True
    list_display = [
        "title",
        "locale",
        "level",
        "easy_language_score",
        "easy_language_grade",
        "easy_language_cefr",
        "reading_time_minutes",
        "latest_revision_created_at",
    ]
    list_filter = ["locale", "level", "easy_language_grade", "easy_language_cefr", "live"]


register_snippet(TopicViewSet)


class GlossaryTermCreateView(CreateView):
    def get_initial_form_instance(self):
        # "Add to the glossary" from the easy-language check names the rare word.
        instance = super().get_initial_form_instance()
        instance.term = self.request.GET.get("term", "")[:80]
        return instance


class GlossaryViewSet(SnippetViewSet):
    model = GlossaryTerm
    icon = "help"
    menu_label = gettext_lazy("Glossary")
    menu_order = 220
    add_to_admin_menu = True
    add_view_class = GlossaryTermCreateView
    list_display = ["term", "explanation", "locale"]
    search_fields = ["term", "explanation"]


register_snippet(GlossaryViewSet)


@hooks.register("register_admin_viewset")
def register_lesson_listing():
    return LessonListingViewSet("lessons")


@hooks.register("register_attention_counts")
def lessons_attention(user):
    """Published lessons the easy-language check grades hard, for those who may edit pages."""
    if not user.has_perm("wagtailadmin.access_admin") or not (
        user.is_superuser or user.groups.filter(page_permissions__isnull=False).exists()
    ):
        return []
    hard = LessonPage.objects.live().filter(easy_language_grade=easy_language.HARD).count()
    url = reverse("lessons:index") + f"?easy_language_grade={easy_language.HARD}"
    return [Attention(_("published lessons graded hard to read"), hard, url)]


@hooks.register("before_publish_page")
def check_easy_language_before_publishing(request, page):
    """A hard lesson: warn the editor, or (EASY_LANGUAGE_BLOCK_HARD_LESSONS) keep it a draft.

    The draft revision is already saved when this runs, so blocking loses nothing."""
    if not isinstance(page, LessonPage) or page.easy_language_grade != easy_language.HARD:
        return None
    details = _("Score %(score)d of 100. Open the “Easy-language check” preview to see why.") % {
        "score": page.easy_language_score
    }
    if settings.EASY_LANGUAGE_BLOCK_HARD_LESSONS:
        messages.error(
            request,
            _("“%(title)s” was saved as a draft but not published: its text is hard to read.")
            % {"title": page.get_admin_display_title()}
            + " "
            + details,
        )
        return redirect("wagtailadmin_pages:edit", page.pk)
    messages.warning(
        request,
        _("“%(title)s” is hard to read for language learners.")
        % {"title": page.get_admin_display_title()}
        + " "
        + details,
    )
    return None


# Wagtail serves a page through the `on_serve_page` chain; a high order puts this innermost,
# where `page.serve` would be called: view restrictions and the other checks run first.
@hooks.register("on_serve_page", order=100)
def serve_lesson_index(serve):
    """The lesson list is a view (filters, search, pages of results)."""

    def inner(page, request, serve_args, serve_kwargs):
        if isinstance(page, LessonIndexPage):
            return lesson_index(request, index_page=page)
        return serve(page, request, serve_args, serve_kwargs)

    return inner
