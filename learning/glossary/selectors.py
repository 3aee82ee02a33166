"""Reads of the glossary."""

from django.urls import reverse
from django.utils import translation

from learning.glossary.marking import MarkedTerm
from learning.glossary.models import GlossaryTerm


def glossary_terms(language_code: str) -> list[str]:
    """The glossary's terms written in this language."""
    terms = GlossaryTerm.objects.filter(locale__language_code=language_code)
    return list(terms.values_list("term", flat=True))


def terms_for_marking(language_code: str) -> list[MarkedTerm]:
    """The glossary's terms in this language, each with its entry on that language's
    glossary page, for marking a text written in it."""
    with translation.override(language_code):
        page = reverse("glossary")
    return [
        MarkedTerm(term.term, term.explanation, f"{page}#term-{term.pk}")
        for term in GlossaryTerm.objects.filter(locale__language_code=language_code)
    ]


def glossary_in_reader_language(language_code: str | None = None) -> list[GlossaryTerm]:
    """Every term once, in the reader's language or the nearest of its fallback chain,
    sorted as readers of that language sort."""
    terms = GlossaryTerm.objects.select_related("locale", "image", "audio").in_reader_language(
        language_code
    )
    return sorted(terms, key=lambda term: term.term.casefold())
