"""Reads of the glossary."""

from learning.glossary.models import GlossaryTerm


def glossary_terms(language_code: str) -> list[str]:
    """The glossary's terms written in this language."""
    terms = GlossaryTerm.objects.filter(locale__language_code=language_code)
    return list(terms.values_list("term", flat=True))
