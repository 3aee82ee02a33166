"""The search page in every language (/<lang>/search/?q=), server-rendered and usable
without JavaScript, and the count of results readers open (the links' `ping`)."""

from django.core.paginator import Paginator
from django.http import HttpResponse
from django.template.response import TemplateResponse
from django.utils.translation import gettext_lazy as _
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_GET, require_POST

from cms import languages
from cms.search import selectors, services, sources
from cms.search.forms import SearchForm

RESULTS_PER_PAGE = 20
# What each kind of result is called for readers (settings.SEARCH_PAGE_KINDS and the apps'
# registered sources).
KIND_NAMES = {
    "lesson": _("Lesson"),
    "course": _("Course"),
    "story": _("Story"),
    "campaign": _("Campaign"),
    "page": _("Page"),
    "data_story": _("Facts and figures"),
    "video": _("Video"),
    "photo": _("Photo"),
}
QUERY_SHOWN = 200  # characters of a refused query shown back (escaped)


# Not kept by a CDN or the origin: every search is counted, and a result withdrawn a
# moment ago must not be listed from a stored copy.
@never_cache
@require_GET
def search_page(request):
    language = languages.current()
    form = SearchForm(request.GET)
    status = 200
    found = None
    results = None
    query = ""
    if form.is_valid():
        query = form.cleaned_data["q"].strip()
        if query:
            found = selectors.search(query, language=language.code)
            paginator = Paginator(found.results, RESULTS_PER_PAGE)
            number = form.cleaned_data["page"] or 1
            if number > max(paginator.num_pages, 1):
                status = 404
            results = paginator.get_page(number)
            if number == 1:
                services.record_search(language=language.code, query=query, found=found.count)
    else:
        status = 400
        query = request.GET.get("q", "")[:QUERY_SHOWN]
    context = {
        "form": form,
        "query": query,
        "found": found,
        "results": results,
        "same_in_every_language": True,
        "shown": [
            {
                "result": result,
                "kind_name": KIND_NAMES.get(result.entry.kind, result.entry.kind),
                "language": languages.get(result.entry.language),
            }
            for result in selectors.with_snippets(list(results or []))
        ],
        "other_languages": [item for item in languages.all_languages() if item != language],
        "suggestions": sources.suggestions(language.code) if found and not found.count else [],
    }
    return TemplateResponse(request, "cms/search.html", context, status=status)


@csrf_exempt  # a link's ping carries no token; it can only add one to a day's count
@require_POST
def result_opened(request):
    form = SearchForm(request.GET)
    if form.is_valid() and form.cleaned_data["q"].strip():
        services.record_click(language=languages.current().code, query=form.cleaned_data["q"])
        return HttpResponse(status=204)
    return HttpResponse("Give the search as ?q=.", status=400, content_type="text/plain")
