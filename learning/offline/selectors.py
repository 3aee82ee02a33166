"""What saving a lesson or a course for offline use stores on the phone, and how much room
it takes there, before the reader agrees: every page, the pictures at the size the pages
show them, and the narration with its timings."""

from django.http import HttpRequest

from cms.narration import selectors as narration_selectors
from learning.models import CoursePage, LessonPage

# The rendition the lesson pages show (templates/blocks/image_block.html).
IMAGE_RENDITION = "width-800|format-webp"


def _text_bytes(page, request: HttpRequest) -> int:
    """The page's HTML as the phone keeps it (uncompressed)."""
    response = page.serve(request)
    if hasattr(response, "render"):
        response.render()
    return len(response.content)


def _file(field_file) -> dict:
    return {"url": field_file.url, "bytes": field_file.size}


def _lesson_files(lesson: LessonPage) -> tuple[list[dict], list[dict]]:
    images = [
        _file(child.value["image"].get_rendition(IMAGE_RENDITION).file)
        for child in lesson.body
        if child.block_type == "image" and child.value.get("image")
    ]
    narration = narration_selectors.playable_narration(lesson)
    spoken = []
    if narration is not None:
        spoken = [_file(narration.audio)]
        if narration.timings:
            spoken.append(_file(narration.timings))
    return images, spoken


def offline_manifest(page: LessonPage | CoursePage, request: HttpRequest) -> dict:
    lessons = page.ordered_lessons() if isinstance(page, CoursePage) else [page]
    pages = [page, *lessons] if isinstance(page, CoursePage) else lessons
    files, sizes = [], {"text": 0, "images": 0, "narration": 0}
    for shown in pages:
        size = _text_bytes(shown, request)
        files.append({"url": shown.get_url(request), "bytes": size})
        sizes["text"] += size
    for lesson in lessons:
        images, spoken = _lesson_files(lesson)
        files += images + spoken
        sizes["images"] += sum(item["bytes"] for item in images)
        sizes["narration"] += sum(item["bytes"] for item in spoken)
    kind = "course" if isinstance(page, CoursePage) else "lesson"
    return {
        "key": f"{kind}-{page.translation_key}",
        "title": page.title,
        "url": page.get_url(request),
        "bytes": sum(sizes.values()),
        "sizes": sizes,
        "files": files,
        "lessons": [
            {
                "title": lesson.title,
                "url": lesson.get_url(request),
                "key": str(lesson.translation_key),
            }
            for lesson in lessons
        ],
    }
