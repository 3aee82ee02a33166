"""The two places the search speaks its database's own language: which entries hold every
word of a query (PostgreSQL: a GIN index over the words as a tsvector; SQLite: FTS5), and
which known words share a trigram with a typed one (PostgreSQL: pg_trgm; SQLite: FTS5's
trigram tokenizer). Everything else is the same SQL on both, so both rank alike."""

from django.db import connection
from django.db.models import BooleanField, QuerySet
from django.db.models.expressions import RawSQL

from cms.search.models import SearchEntry, SearchTerm

# Columns of the entries a match may be restricted to.
COLUMNS = ("title_terms", "terms")


def _is_postgresql() -> bool:
    return connection.vendor == "postgresql"


def holding_all(entries: QuerySet[SearchEntry], words: list[list[str]], column: str) -> QuerySet:
    """Entries whose `column` holds, for every word, at least one of its tokens (tokens are
    "<language>_<term>": a word's alternatives in every language searched)."""
    if column not in COLUMNS:
        raise ValueError(column)
    if _is_postgresql():
        # Lexemes quoted: the tokens are letters, digits and "_" only (text.WORD).
        query = " & ".join(
            "(" + " | ".join(f"'{token}'" for token in tokens) + ")" for tokens in words
        )
        match = RawSQL(
            f"array_to_tsvector(string_to_array({column}, ' ')) @@ %s::tsquery",
            [query],
            output_field=BooleanField(),
        )
        return entries.alias(search_hit=match).filter(search_hit=True)
    query = (
        f"{column} : ("
        + " AND ".join(
            "(" + " OR ".join(f'"{token}"' for token in tokens) + ")" for tokens in words
        )
        + ")"
    )
    matched = RawSQL(
        "SELECT rowid FROM cms_searchentry_fts WHERE cms_searchentry_fts MATCH %s", [query]
    )
    return entries.filter(id__in=matched)


def sharing_a_trigram(language: str, term: str, edits: int) -> QuerySet[SearchTerm]:
    """Known words of `language` within `edits` letters of length of `term` that share at
    least one trigram of "^term$" with it: the candidates a typo may stand for."""
    spelled = f"^{term}$"
    trigrams = sorted({spelled[index : index + 3] for index in range(len(spelled) - 2)})
    words = SearchTerm.objects.filter(
        language=language, length__gte=len(term) - edits, length__lte=len(term) + edits
    )
    if _is_postgresql():
        # Each LIKE is answered by the trigram index (pg_trgm), the union by a bitmap.
        condition = " OR ".join(["spelled LIKE %s"] * len(trigrams))
        match = RawSQL(
            f"({condition})",
            [f"%{trigram}%" for trigram in trigrams],
            output_field=BooleanField(),
        )
        return words.alias(trigram_hit=match).filter(trigram_hit=True)
    query = " OR ".join(f'"{trigram}"' for trigram in trigrams)
    matched = RawSQL(
        "SELECT rowid FROM cms_searchterm_fts WHERE cms_searchterm_fts MATCH %s", [query]
    )
    return words.filter(id__in=matched)
