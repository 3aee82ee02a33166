from django.http import HttpResponse, HttpResponseRedirect, JsonResponse
from django.urls import reverse
from django.utils import translation
from django.utils.cache import patch_cache_control, patch_vary_headers
from django.views.decorators.http import require_safe

from cms import languages, selectors


@require_safe
def healthz(request):
    """Alive: the process answers. Touches neither database nor cache."""
    response = JsonResponse({"status": "ok"})
    patch_cache_control(response, no_store=True)
    return response


@require_safe
def readyz(request):
    """Ready: the database and the cache both answer; 503 with the reason otherwise."""
    problems = {
        name: problem
        for name, problem in (
            ("database", selectors.database_problem()),
            ("cache", selectors.cache_problem()),
        )
        if problem
    }
    if problems:
        body = {
            "status": "unavailable",
            "detail": "; ".join(f"{name}: {problem}" for name, problem in problems.items()),
            "checks": {name: problems.get(name, "ok") for name in ("database", "cache")},
        }
        response = JsonResponse(body, status=503)
    else:
        response = JsonResponse({"status": "ready", "checks": {"database": "ok", "cache": "ok"}})
    patch_cache_control(response, no_store=True)
    return response


@require_safe
def choose_language(request):
    """`/`: send the reader to their language by cookie or Accept-Language, else the source."""
    code = translation.get_language_from_request(request)
    try:
        code = languages.get(code).code
    except LookupError:
        code = languages.source_language().code
    response = HttpResponseRedirect(f"/{code}/")
    patch_vary_headers(response, ("Accept-Language", "Cookie"))
    return response


@require_safe
def robots_txt(request):
    sitemap_url = request.build_absolute_uri(reverse("sitemap"))
    lines = ["User-agent: *", "Disallow: /admin/", "Allow: /", "", f"Sitemap: {sitemap_url}", ""]
    response = HttpResponse("\n".join(lines), content_type="text/plain; charset=utf-8")
    patch_cache_control(response, public=True, max_age=60 * 60)
    return response
