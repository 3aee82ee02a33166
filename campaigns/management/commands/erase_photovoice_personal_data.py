from django.conf import settings
from django.core.management.base import BaseCommand

from campaigns.photovoice import services


class Command(BaseCommand):
    help = (
        "Erase photovoice emails older than PHOTOVOICE_EMAIL_DAYS (links that could not be "
        "sent) and the text of submissions rejected more than PHOTOVOICE_REJECTED_DAYS ago "
        "(docs/photovoice.md). Run daily by `manage.py housekeeping`."
    )

    def handle(self, *args, **options):
        erased = services.erase_expired_personal_data()
        self.stdout.write(
            f"Erased {erased.emails} email(s) older than {settings.PHOTOVOICE_EMAIL_DAYS} days "
            f"and the text of {erased.rejected} submission(s) rejected more than "
            f"{settings.PHOTOVOICE_REJECTED_DAYS} days ago."
        )
