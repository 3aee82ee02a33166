"""Wagtail finds each app's `wagtail_hooks`: each room of campaigns registers its own, and the
Campaigns menu gathers the lists of several rooms."""

from django.utils.translation import gettext_lazy
from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSetGroup

from campaigns import attention
from campaigns.alerts.admin_views import AlertViewSet
from campaigns.partners import wagtail_hooks as partners
from campaigns.photovoice import wagtail_hooks as photovoice
from campaigns.photovoice.admin_views import AuditThemeViewSet, PhotovoiceModerationViewSet
from campaigns.screens import wagtail_hooks as screens
from campaigns.stories import wagtail_hooks as stories
from campaigns.stories.admin_views import ConsentRecordViewSet, OrganisationViewSet, ThemeViewSet
from campaigns.videos import wagtail_hooks as videos
from campaigns.videos.admin_views import VideoViewSet

__all__ = ["partners", "photovoice", "screens", "stories", "videos"]


class CampaignsGroup(SnippetViewSetGroup):
    items = [
        AlertViewSet,
        VideoViewSet,
        OrganisationViewSet,
        ThemeViewSet,
        ConsentRecordViewSet,
        AuditThemeViewSet,
        PhotovoiceModerationViewSet,
    ]
    menu_icon = "pick"
    menu_label = gettext_lazy("Campaigns")
    menu_name = "campaigns"
    menu_order = 220


register_snippet(CampaignsGroup)


@hooks.register("register_attention_counts")
def campaigns_attention(user):
    return attention.attention(user)
