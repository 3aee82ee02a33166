"""Narration for pages published before it existed, or after a voice or setting changed:
queued for the `narration` worker, or made right away with --now (docs/narration.md)."""

from django.core.management.base import BaseCommand, CommandError
from tqdm import tqdm
from wagtail.models import Page

from cms import languages
from cms.narration import services
from cms.narration.models import Narration, NarrationStatus


class Command(BaseCommand):
    help = "Make the read-aloud audio of every published lesson and story that lacks it."

    def add_arguments(self, parser):
        parser.add_argument("--language", help="Only pages in this language (a code: bg, ar…).")
        parser.add_argument(
            "--now", action="store_true", help="Make it here and now instead of queueing it."
        )

    def handle(self, *args, language=None, now=False, **options):
        if language and language not in languages.codes():
            raise CommandError(
                f"Unknown language {language!r}. Choose one of: {', '.join(languages.codes())}."
            )
        pages = Page.objects.live().specific().order_by("pk")
        if language:
            pages = pages.filter(locale__language_code=language)
        counts = {"queued": 0, "made": 0, "unchanged": 0}
        for page in tqdm(pages, disable=not self.stdout.isatty(), unit="page"):
            if services.narrated_sentences(page) is None:
                continue
            narration = services.request_narration(page=page)
            if narration is None or narration.status == NarrationStatus.READY:
                counts["unchanged"] += 1
                continue
            if now:
                made = services.make_narration(page_id=page.pk, text_hash=narration.text_hash)
                counts["made" if made is not None else "unchanged"] += 1
            else:
                counts["queued"] += 1
        failed = Narration.objects.filter(
            status__in=[NarrationStatus.FAILED, NarrationStatus.NO_VOICE]
        ).count()
        self.stdout.write(
            f"{counts['made']} made, {counts['queued']} queued, {counts['unchanged']} unchanged;"
            f" {failed} without narration (Admin → Narration says why)."
        )
