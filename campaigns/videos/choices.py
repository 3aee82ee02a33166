from django.db import models
from django.utils.translation import gettext_lazy as _


class ProcessingStatus(models.TextChoices):
    PENDING = "pending", _("Waiting to be processed")
    PROCESSING = "processing", _("Processing")
    READY = "ready", _("Ready")
    FAILED = "failed", _("Failed")
