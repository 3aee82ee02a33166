from django.db import models


class GeneratedContent(models.Model):
    """How much of each kind of content `manage.py generate_scale_data` has made in this
    database. Its presence says the database was filled by the generator (which then may
    add to it); a later run adds only what is missing."""

    kind = models.CharField(max_length=40, unique=True)
    count = models.PositiveIntegerField(default=0)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = "generated content"

    def __str__(self):
        return f"{self.count} {self.kind}"
