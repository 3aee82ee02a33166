"""Approved photos readers may see on the website, as the search finds them: their caption
and description in the language they were sent in, leading to the photovoice page."""

from django.db.models import Model

from campaigns.photovoice.models import PhotoSubmission, PhotovoicePage
from campaigns.photovoice.selectors import public_photos
from cms.api.addresses import api_url
from cms.search.sources import Document, Source, register

TITLE_LETTERS = 80


def documents(photo: Model) -> tuple[str, list[Document]]:
    source = f"photo:{photo.pk}"
    public = PhotoSubmission.objects.filter(pk=photo.pk).filter(
        pk__in=public_photos(scope="web").values("pk")
    )
    stored = public.first()
    if stored is None:
        return source, []  # pending, rejected, withdrawn or deleted: nothing to find
    pages = PhotovoicePage.objects.live().public()
    page = (
        pages.filter(locale__language_code=stored.language).first() or pages.order_by("pk").first()
    )
    url = page.get_url() if page else None
    if not url:
        return source, []  # no page shows the gallery
    caption = " ".join(stored.caption.split())
    title = (
        caption
        if len(caption) <= TITLE_LETTERS
        else caption[:TITLE_LETTERS].rsplit(" ", 1)[0] + "…"
    )
    return source, [
        Document(
            source=source,
            group=source,
            language=stored.language,
            kind="photo",
            title=title,
            url=url,
            text=f"{caption} {stored.alt_text}",
            api_url=api_url(PhotoSubmission._meta.label_lower, stored.pk) or "",
        )
    ]


def connect() -> None:
    register(
        PhotoSubmission._meta.label_lower,
        Source(documents=documents, every=lambda: public_photos(scope="web")),
    )
