import hashlib
import json
import logging

from django.conf import settings
from django.contrib.sitemaps import views as sitemap_views
from django.http import HttpResponse, HttpResponseRedirect, JsonResponse
from django.template.loader import render_to_string
from django.templatetags.static import static
from django.urls import reverse
from django.utils import translation
from django.utils.cache import patch_cache_control, patch_vary_headers
from django.views.decorators.http import require_safe

from cms import languages, selectors, sitemaps

logger = logging.getLogger(__name__)


@require_safe
def healthz(request):
    """Alive: the process answers. Touches neither database nor cache."""
    response = JsonResponse({"status": "ok"})
    patch_cache_control(response, no_store=True)
    return response


@require_safe
def readyz(request):
    """Ready: the database and the cache both answer; 503 otherwise. The reason goes to the
    log, not to whoever asks: an error text can name hosts, ports and versions."""
    problems = [
        f"{name}: {problem}"
        for name, problem in (
            ("database", selectors.database_problem()),
            ("cache", selectors.cache_problem()),
        )
        if problem
    ]
    if problems:
        logger.warning("readyz: not ready: %s", "; ".join(problems))
        body = {"status": "unavailable", "detail": "Not ready: the reason is in the log."}
        response = JsonResponse(body, status=503)
    else:
        response = JsonResponse({"status": "ready"})
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
    # Each reader's own answer: a shared cache keyed on the address alone would send every
    # reader to the first one's language.
    patch_cache_control(response, private=True, no_cache=True)
    return response


@require_safe
def sitemap_index(request):
    """/sitemap.xml: the sections (one per language, in files of SITEMAP_URLS_PER_FILE)."""
    return sitemap_views.index(
        request, sitemaps.sitemaps_for(request), sitemap_url_name="sitemap_section"
    )


@require_safe
def sitemap_section(request, section: str):
    """One language's pages (`?p=2` for the next file); an unknown section or page is a 404."""
    return sitemap_views.sitemap(request, sitemaps.sitemaps_for(request), section=section)


@require_safe
def robots_txt(request):
    sitemap_url = request.build_absolute_uri(reverse("sitemap"))
    # Search answers are endless and counted for editors: crawlers keep out of them.
    searches = [f"Disallow: /{code}/search/" for code in languages.codes()]
    lines = [
        "User-agent: *",
        "Disallow: /admin/",
        *searches,
        "Allow: /",
        "",
        f"Sitemap: {sitemap_url}",
        "",
    ]
    response = HttpResponse("\n".join(lines), content_type="text/plain; charset=utf-8")
    patch_cache_control(response, public=True, max_age=60 * 60)
    return response


OFFLINE_HTML = """<!doctype html><html><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1"><title>Offline</title></head>
<body style="font-family: system-ui, sans-serif; max-width: 36rem; margin: 2rem auto;
 padding: 0 1rem">
<h1>Offline</h1>
<p lang="bg">Няма връзка с интернет. Отворете страница, която сте чели преди.</p>
<p lang="en">You are offline. Open a page you have read before.</p>
<p lang="ar" dir="rtl">أنت غير متصل بالإنترنت. افتح صفحة قرأتها من قبل.</p>
<p lang="fa" dir="rtl">شما آفلاین هستید. صفحه‌ای را باز کنید که قبلاً خوانده‌اید.</p>
<p lang="uk">Немає з'єднання з інтернетом. Відкрийте сторінку, яку ви вже читали.</p>
<p lang="ru">Нет подключения к интернету. Откройте страницу, которую вы уже читали.</p>
<p lang="tr">İnternet bağlantısı yok. Daha önce okuduğunuz bir sayfayı açın.</p>
</body></html>"""


@require_safe
def service_worker(request):
    """/sw.js at the site root, so that it may keep pages of every language for offline
    reading. Its version follows the static files' (hashed) names, so a deployment with
    new files replaces the old cache."""
    precache = [static(path) for path in settings.OFFLINE_STATIC_FILES]
    script = render_to_string(
        "sw.js",
        {
            "version": hashlib.sha256("\n".join(precache).encode()).hexdigest()[:12],
            "precache_json": json.dumps(precache),
            "max_pages": settings.OFFLINE_PAGES_KEPT,
            "offline_html": OFFLINE_HTML,
            # Saved narration and pictures are answered offline when the media are served
            # from this site; from another origin (a bucket's CDN) the browser fetches them.
            "media_prefix": settings.MEDIA_URL if settings.MEDIA_URL.startswith("/") else "",
        },
    )
    response = HttpResponse(script, content_type="text/javascript; charset=utf-8")
    patch_cache_control(response, no_cache=True)  # browsers must always look for updates
    return response
