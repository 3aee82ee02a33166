from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from wagtail.admin.forms import WagtailAdminModelForm

from campaigns.videos import media
from campaigns.videos.choices import ProcessingStatus

MIME_TYPES = {"mp4": "video/mp4", "webm": "video/webm"}
EXTENSIONS = (".mp4", ".m4v", ".webm")


class VideoForm(WagtailAdminModelForm):
    """Refuses what is not a readable MP4 or WebM video before anything is stored; the
    quick probe also fills in duration and size at once. The rest is done by a task."""

    def clean_file(self):
        upload = self.cleaned_data.get("file")
        if not upload or "file" not in self.changed_data:
            return upload
        if not upload.name.lower().endswith(EXTENSIONS):
            raise ValidationError(
                _("Choose an MP4 or WebM video; “%(name)s” is not one.") % {"name": upload.name}
            )
        limit_mb = settings.VIDEO_MAX_UPLOAD_MB
        if upload.size > limit_mb * 1024 * 1024:
            raise ValidationError(
                _("This file is %(size)s MB; a video can be at most %(limit)s MB.")
                % {"size": round(upload.size / (1024 * 1024), 1), "limit": limit_mb}
            )
        upload.seek(0)
        container = media.container_of(upload.read(16))
        upload.seek(0)
        if container is None:
            raise ValidationError(
                _("This file is not an MP4 or WebM video, whatever its name says.")
            )
        with media.uploaded_path(upload) as path:
            try:
                info = media.probe(path)
            except media.UnreadableVideo as error:
                raise ValidationError(
                    _(
                        "This video cannot be read (%(reason)s). "
                        "Export it again as MP4 (H.264) or WebM and upload it once more."
                    )
                    % {"reason": error}
                ) from None
        self.instance.mime_type = MIME_TYPES[container]
        self.instance.duration_seconds = info.duration_seconds
        self.instance.width, self.instance.height = info.width, info.height
        self.instance.size_bytes = upload.size
        # A new file: what was measured from the old one no longer holds.
        self.instance.sha256 = ""
        self.instance.processing_status = ProcessingStatus.PENDING
        self.instance.processing_error = ""
        return upload
