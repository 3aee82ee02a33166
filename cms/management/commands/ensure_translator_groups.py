from django.core.management.base import BaseCommand

from cms.translation import services


class Command(BaseCommand):
    help = (
        "Create the translator group of every language other than the source and give it its "
        "language's pages (docs/translation.md). Safe to run again: only adds what is missing."
    )

    def handle(self, *args, **options):
        groups = services.ensure_translator_groups()
        for code, group in groups.items():
            pages = group.page_permissions.values("page").distinct().count()
            self.stdout.write(f"{group.name} ({code}): permissions on {pages} home page(s)")
