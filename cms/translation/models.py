from django.db import models


class TranslationCoverage(models.Model):
    """One row of the editors' translations table, kept as pages, snippets and their
    translations change: a translated page or snippet (its translation key) and its status
    in each language, so that the table counts, filters and pages in the database."""

    translation_key = models.UUIDField(unique=True)
    content_type = models.ForeignKey(
        "contenttypes.ContentType", on_delete=models.CASCADE, related_name="+"
    )
    # The row's title as the table sorts it (the source version's admin title, casefolded).
    title_key = models.CharField(max_length=255)
    # Language code → status (cms.translation.status.STATUSES).
    statuses = models.JSONField(default=dict)

    class Meta:
        verbose_name = "translation coverage"
        indexes = [
            models.Index(fields=["content_type", "title_key"], name="coverage_by_title"),
        ]

    def __str__(self):
        return f"{self.translation_key}: {self.statuses}"


class UntranslatedText(models.Model):
    """Text in another language found in one language's version of a page (English left in
    the Arabic copy), as it was last published: the translations table shows the version as
    "contains untranslated text" until it is published without it."""

    content_type = models.ForeignKey(
        "contenttypes.ContentType", on_delete=models.CASCADE, related_name="+"
    )
    object_id = models.CharField(max_length=255)
    translation_key = models.UUIDField(db_index=True)
    language_code = models.CharField(max_length=16)
    # [{"text": …, "language": …}], in the order the strings come in the page.
    passages = models.JSONField(default=list)
    checked_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = "untranslated text"
        constraints = [
            models.UniqueConstraint(
                fields=["content_type", "object_id"], name="untranslated_text_once"
            )
        ]

    def __str__(self):
        return f"{self.language_code} {self.object_id}: {len(self.passages)} passages"
