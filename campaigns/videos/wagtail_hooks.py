"""A video saved with a new file is queued for processing (campaigns/wagtail_hooks.py puts
the library in the Campaigns menu)."""

from django.contrib import messages
from django.utils.translation import gettext as _
from wagtail import hooks

from campaigns.videos import services
from campaigns.videos.choices import ProcessingStatus
from campaigns.videos.models import Video


@hooks.register("after_create_snippet")
@hooks.register("after_edit_snippet")
def process_new_video_file(request, instance):
    if isinstance(instance, Video) and instance.processing_status == ProcessingStatus.PENDING:
        services.request_processing(video=instance)
        messages.info(
            request,
            _(
                "“%(title)s” is being processed: poster, size check and a small version for "
                "slow connections. Its state shows in the list of videos."
            )
            % {"title": instance.title},
        )
