"""Reads for narration: what a page's player and the API show."""

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
