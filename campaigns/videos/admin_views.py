"""The video library in the admin (docs/videos.md)."""

from django.utils.translation import gettext_lazy
from wagtail.snippets.views.snippets import SnippetViewSet

from campaigns.videos.models import Video


class VideoViewSet(SnippetViewSet):
    model = Video
    icon = "media"
    menu_label = gettext_lazy("Videos")
    list_display = [
        "title",
        "published",
        "processing_status",
        "duration_seconds",
        "width",
        "height",
        "size_bytes",
        "uploaded_at",
    ]
    list_filter = ["processing_status", "published"]
    search_fields = ["title"]
