"""Reads for narration: what a page's player and the API show, and what editors are told."""

from django.conf import settings
from django.utils.translation import gettext as _
from wagtail.models import Page

from cms.narration.models import Narration, NarrationStatus


def playable_narration(page: Page) -> Narration | None:
    """The page's narration when readers can hear it, else None (being made, failed, or a
    language without a voice: no player at all)."""
    return (
        Narration.objects.filter(page_id=page.pk, status=NarrationStatus.READY)
        .exclude(audio="")
        .first()
    )


def narrations_by_page(page_ids: list[int]) -> dict[int, Narration]:
    """Playable narrations of many pages in one query (the API's lists)."""
    found = Narration.objects.filter(page_id__in=page_ids, status=NarrationStatus.READY).exclude(
        audio=""
    )
    return {narration.page_id: narration for narration in found}


def problem_of(narration: Narration) -> str:
    """Why readers hear nothing, in the editor's language; empty when nothing is wrong."""
    if narration.status == NarrationStatus.NO_VOICE:
        language = narration.page.locale.language_code
        if not settings.NARRATION_ENABLED:
            return _("Narration is switched off (NARRATION_ENABLED).")
        if language not in settings.NARRATION_VOICES:
            return _(
                "There is no machine voice for %(language)s. Upload a recording by a person."
            ) % {"language": narration.page.locale.get_display_name()}
        return _("espeak-ng is not installed on the server. Upload a recording by a person.")
    if narration.status == NarrationStatus.FAILED:
        if narration.error == "the page has no text to read":
            return _("The page has no text to read.")
        return narration.error
    return ""
