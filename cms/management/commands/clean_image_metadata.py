from django.core.management.base import BaseCommand

from cms.images import clean_stored_images


class Command(BaseCommand):
    help = (
        "Strip EXIF, GPS, XMP, colour profiles and comments from image originals stored "
        "before uploads were cleaned, and drop their renditions (docs/security.md). Run once "
        "after upgrading; running it again changes nothing."
    )

    def handle(self, *args, **options):
        cleaned, checked = clean_stored_images()
        self.stdout.write(f"Cleaned {cleaned} of {checked} image(s).")
