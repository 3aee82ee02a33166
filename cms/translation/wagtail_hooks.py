"""The admin for translation: the coverage table, and translators kept to their own
languages in wagtail-localize's views and in snippets."""

from django.contrib import messages
from django.urls import include, path
from django.utils.translation import get_language_info
from django.utils.translation import gettext as _
from wagtail import hooks
from wagtail.models import TranslatableMixin

from cms.translation import access, admin_views, listing_buttons, status, status_counts


@hooks.register("register_admin_viewset")
def register_translation_coverage():
    return admin_views.TranslationCoverageViewSet()


@hooks.register("before_edit_page", order=-2)
def warn_of_untranslated_text(request, page):
    """Opening a version whose published text holds another language's passages (in the page
    editor or wagtail-localize's) says which, in the editor's language."""
    if request.method != "GET":
        return None
    for passage in status.untranslated_passages(page):
        language = get_language_info(passage["language"])["name_translated"]
        messages.warning(
            request,
            _("This version contains text in %(language)s that was not translated: “%(text)s”")
            % {"language": language, "text": passage["text"][:200]},
        )
    return None


# Order -1: before wagtail-localize's own hooks and paths, which would otherwise answer first.


@hooks.register("register_admin_urls", order=-1)
def limit_wagtail_localize_to_translators_languages():
    return [path("localize/", include(access.wagtail_localize_urls()))]


@hooks.register("before_edit_snippet", order=-1)
def edit_only_own_languages(request, instance):
    if isinstance(instance, TranslatableMixin):
        return access.refuse_other_language(request, type(instance), instance.locale.language_code)
    return None


@hooks.register("before_create_snippet", order=-1)
def create_only_in_own_languages(request, model):
    if issubclass(model, TranslatableMixin):
        return access.refuse_other_language(
            request, model, access.locale_code_of_new_snippet(request)
        )
    return None


@hooks.register("before_delete_snippet", order=-1)
def delete_only_in_own_languages(request, instances):
    for instance in instances:
        if isinstance(instance, TranslatableMixin):
            refused = access.refuse_other_language(
                request, type(instance), instance.locale.language_code
            )
            if refused:
                return refused
    return None


# The explorer's translation buttons, without wagtail-localize's queries per row.
listing_buttons.replace_wagtail_localize_buttons()
hooks.register(listing_buttons.HOOK, listing_buttons.translation_buttons)


@hooks.register("construct_explorer_page_queryset")
def annotate_translation_sources(parent_page, pages, request):
    return listing_buttons.annotate_sources(pages)


@hooks.register("register_attention_counts")
def translations_attention(user):
    return status_counts.attention(user)
