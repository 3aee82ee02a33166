"""Public videos as the search finds them: their title, and the text of their captions in
each caption's language, leading to a live page that shows the video."""

import webvtt
from django.db.models import Model
from wagtail.models import Page, ReferenceIndex

from campaigns.videos.models import Caption, Video
from cms.api.addresses import api_url
from cms.search.sources import Document, Source, register

CAPTION_LETTERS = 20_000


def _caption_text(caption: Caption) -> str:
    try:
        with caption.file.open("rb") as handle:
            data = handle.read(512 * 1024).decode("utf-8-sig", errors="replace")
        return " ".join(cue.text for cue in webvtt.from_string(data).captions)[:CAPTION_LETTERS]
    except (
        OSError,
        ValueError,
        webvtt.errors.MalformedFileError,
        webvtt.errors.MalformedCaptionError,
    ):
        return ""  # a missing or broken file: the title is still found


def _pages_showing(video: Video) -> list[Page]:
    references = ReferenceIndex.get_references_to(video).values_list("object_id", flat=True)
    ids = [int(pk) for pk in references if str(pk).isdigit()]
    return list(Page.objects.live().public().filter(pk__in=ids).select_related("locale"))


def documents(obj: Model) -> tuple[str, list[Document]]:
    video_id = obj.video_id if isinstance(obj, Caption) else obj.pk
    source = f"video:{video_id}"
    video = Video.objects.filter(pk=video_id).first()
    if video is None or not video.is_public:
        return source, []
    pages = _pages_showing(video)
    if not pages:
        return source, []  # no page shows it: nothing for a reader to open
    by_language = {page.locale.language_code: page for page in pages}
    captions = list(video.captions.all())
    languages = [caption.language for caption in captions] or [pages[0].locale.language_code]
    texts = {caption.language: _caption_text(caption) for caption in captions}
    found = []
    for language in dict.fromkeys(languages):
        page = by_language.get(language, pages[0])
        url = page.get_url()
        if url:
            found.append(
                Document(
                    source=source,
                    group=source,
                    language=language,
                    kind="video",
                    title=video.title,
                    url=url,
                    text=texts.get(language, ""),
                    api_url=api_url(Video._meta.label_lower, video.pk) or "",
                )
            )
    return source, found


def connect() -> None:
    source = Source(documents=documents, every=lambda: Video.objects.filter(published=True))
    register(Video._meta.label_lower, source)
    register(Caption._meta.label_lower, source)
