from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path, re_path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from cms import views
from cms.api import errors as api_errors

urlpatterns = [
    path("healthz", views.healthz, name="healthz"),
    path("readyz", views.readyz, name="readyz"),
    path("robots.txt", views.robots_txt, name="robots_txt"),
    path("sw.js", views.service_worker, name="service_worker"),
    path("sitemap.xml", views.sitemap_index, name="sitemap"),
    path("sitemap-<slug:section>.xml", views.sitemap_section, name="sitemap_section"),
    path("api/v1/", include("cms.api.urls")),
    re_path(r"^api/(?P<path>[\s\S]*)$", api_errors.not_found),  # any character, newlines too
    path("screens/", include("campaigns.screens.urls")),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("", views.choose_language, name="choose_language"),
]

if settings.SERVE_MEDIA:
    # Development and tests only; in production the web server or the bucket's CDN does it.
    from django.views.static import serve

    urlpatterns += [
        re_path(
            rf"^{settings.MEDIA_URL.strip('/')}/(?P<path>.*)$",
            serve,
            {"document_root": settings.MEDIA_ROOT},
        )
    ]

# Public pages live under their language: /bg/, /en/, /ar/…
urlpatterns += i18n_patterns(
    path("", include("cms.search.urls")),
    path("", include("learning.urls")),
    path("", include("cms.polls.urls")),
    path("", include("campaigns.photovoice.urls")),
    path("", include(wagtail_urls)),
    prefix_default_language=True,
)
