from django.db import models


class SearchEntry(models.Model):
    """One thing a reader can read (a lesson, a story, a photo's caption…) in one language,
    as the search finds it: its words normalised, and what a result shows."""

    # What it was made from: "page:12", "photo:3", "video:5".
    source = models.CharField(max_length=40)
    # One result per group: a page's translations share one (its translation key).
    group = models.CharField(max_length=64)
    language = models.CharField(max_length=16)
    kind = models.CharField(max_length=20)
    title = models.CharField(max_length=255)
    summary = models.TextField(blank=True)
    text = models.TextField(blank=True)  # plain text, for the snippet around a match
    level = models.CharField(max_length=8, blank=True)
    url = models.CharField(max_length=500)
    api_url = models.CharField(max_length=500, blank=True)
    # Distinct words as "<language>_<word>", space-separated: indexed by the database's own
    # full text (PostgreSQL: a GIN index on them as a tsvector; SQLite: an FTS5 table).
    title_terms = models.TextField()
    terms = models.TextField()
    title_length = models.PositiveSmallIntegerField(default=0)  # shorter titles rank first

    class Meta:
        verbose_name = "search entry"
        verbose_name_plural = "search entries"
        constraints = [
            models.UniqueConstraint(fields=["source", "language"], name="one_entry_per_language")
        ]

    def __str__(self):
        return f"{self.language}: {self.title}"


class SearchTerm(models.Model):
    """A word of one language's entries: how many hold it, its dictionary form and how it
    was spelt, for transliterations, inflected forms and typos to be checked against."""

    language = models.CharField(max_length=16)
    term = models.CharField(max_length=40)
    # "^term$": whole-word trigrams (a trigram index on PostgreSQL, FTS5 on SQLite).
    spelled = models.CharField(max_length=42)
    length = models.PositiveSmallIntegerField()
    lemma = models.CharField(max_length=40)
    spelling = models.CharField(max_length=40)  # as written, for "did you mean"
    entries = models.PositiveIntegerField(default=0)

    class Meta:
        verbose_name = "search term"
        constraints = [
            models.UniqueConstraint(fields=["language", "term"], name="one_term_per_language")
        ]
        indexes = [models.Index(fields=["language", "lemma"], name="search_term_by_lemma")]

    def __str__(self):
        return f"{self.language}: {self.term}"


class SearchQueryDay(models.Model):
    """How often readers searched for one thing on one day, how often it found nothing and
    how often they opened a result: counts only, no address, no cookie."""

    day = models.DateField()
    language = models.CharField(max_length=16)
    query = models.CharField(max_length=100)  # normalised
    searches = models.PositiveIntegerField(default=0)
    empty = models.PositiveIntegerField(default=0)  # searches that found nothing
    clicks = models.PositiveIntegerField(default=0)

    class Meta:
        verbose_name = "search query count"
        constraints = [
            models.UniqueConstraint(
                fields=["day", "language", "query"], name="one_count_per_query_and_day"
            )
        ]
        indexes = [models.Index(fields=["language", "day"], name="search_queries_by_day")]

    def __str__(self):
        return f"{self.day} {self.language}: {self.query}"
