from django.db import models
from wagtail.models import Page


class ShownVersion(models.Model):
    """For one reader language and one translated page (its translation key): the live
    version those readers are shown, with the columns its lists are ordered by."""

    reader_language = models.CharField(max_length=16)
    translation_key = models.UUIDField()
    # No database constraint: a deletion of many pages removes the rows of each page as it
    # goes and chooses the next version, which may be deleted next (signals.py).
    page = models.ForeignKey(
        Page, on_delete=models.DO_NOTHING, db_constraint=False, related_name="shown_to"
    )
    content_type = models.ForeignKey(
        "contenttypes.ContentType", on_delete=models.CASCADE, related_name="+"
    )
    # The translation key of the page's parent: one key for an index page in every language.
    parent_key = models.UUIDField(null=True)
    # 0: the reader's own language; more: how far down the fallback chain.
    language_rank = models.PositiveSmallIntegerField(default=0)
    title_key = models.CharField(max_length=255)
    # The order of the page type's own lists (a page model's `listing_order` fields, then
    # the title), e.g. a lesson's level, then its title.
    list_key = models.CharField(max_length=400)
    last_published_at = models.DateTimeField(null=True)

    class Meta:
        verbose_name = "shown version"
        constraints = [
            models.UniqueConstraint(
                fields=["reader_language", "translation_key"], name="one_shown_version"
            )
        ]
        indexes = [
            models.Index(
                fields=["reader_language", "content_type", "parent_key", "list_key", "page"],
                name="shown_by_list_order",
            ),
            models.Index(
                fields=["reader_language", "content_type", "title_key", "page"],
                name="shown_by_title",
            ),
            models.Index(
                fields=["reader_language", "content_type", "last_published_at", "page"],
                name="shown_by_publication",
            ),
            models.Index(fields=["translation_key"], name="shown_by_translation_key"),
            # A language's own pages (rank 0), newest first: the sitemap index.
            models.Index(
                fields=["reader_language", "language_rank", "last_published_at"],
                name="shown_own_by_publication",
            ),
        ]

    def __str__(self):
        return f"{self.reader_language}: page {self.page_id}"
