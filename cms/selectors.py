"""Reads that belong to the platform core: readiness probes and page language links."""

import uuid
from dataclasses import dataclass

from django.core.cache import cache
from django.db import DEFAULT_DB_ALIAS, connections
from django.http import HttpRequest
from wagtail.models import Page

from cms import languages


def _describe(error: Exception) -> str:
    # The first line is enough for an operator and keeps DSNs and tracebacks out.
    message = str(error).strip().splitlines()[0] if str(error).strip() else ""
    return f"{type(error).__name__}: {message}" if message else type(error).__name__


def database_problem(alias: str = DEFAULT_DB_ALIAS) -> str | None:
    """None when the database answers a trivial query, otherwise what went wrong."""
    try:
        with connections[alias].cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except Exception as error:
        connections[alias].close_if_unusable_or_obsolete()
        return _describe(error)
    return None


def cache_problem() -> str | None:
    """None when the cache stores and returns a value, otherwise what went wrong."""
    key = "readyz:probe"
    token = uuid.uuid4().hex
    try:
        cache.set(key, token, timeout=10)
        if cache.get(key) != token:
            return "the cache did not return the value just stored"
    except Exception as error:
        return _describe(error)
    return None


@dataclass(frozen=True)
class LanguageLink:
    language: languages.Language
    url: str
    is_current: bool
    is_translated: bool  # False: the link leads to a marked fallback


def language_links(
    *, page: Page | None, request: HttpRequest, keep_path: bool = False
) -> list[LanguageLink]:
    """One link per platform language that keeps the reader on the same page.

    Where the page has a live translation the link goes to it; otherwise to the same
    path under the other language's prefix, which routing answers with the nearest
    fallback (see cms.translatable.LocalizedRoutingMixin). A view that is the same in
    every language (the search) asks to `keep_path`, its query included."""
    current = languages.current().code
    if page is None:
        prefix = f"/{current}/"
        rest = ""
        if keep_path and request.path.startswith(prefix):
            rest = request.get_full_path()[len(prefix) :]
        return [
            LanguageLink(language, f"/{language.code}/{rest}", language.code == current, True)
            for language in languages.all_languages()
        ]
    translations = {
        translation.locale.language_code: translation
        for translation in page.get_translations(inclusive=True).live().select_related("locale")
    }
    own_url = page.get_url(request=request) or "/"
    own_prefix = f"/{page.locale.language_code}/"
    links = []
    for language in languages.all_languages():
        translation = translations.get(language.code)
        if translation is not None:
            url = translation.get_url(request=request)
        elif own_url.startswith(own_prefix):
            url = f"/{language.code}/{own_url[len(own_prefix) :]}"
        else:
            url = f"/{language.code}/"
        links.append(LanguageLink(language, url, language.code == current, translation is not None))
    return links
