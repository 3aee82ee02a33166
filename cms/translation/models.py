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
