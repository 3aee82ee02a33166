"""Every model of the campaigns app, so that Django registers them (its app registry imports
`campaigns.models`). Code imports a model from its room: `campaigns.screens.models`…"""

from campaigns.alerts.models import Alert
from campaigns.pages.models import CampaignIndexPage, CampaignPage
from campaigns.partners.models import PartnerKey, WebhookDelivery, WebhookEndpoint
from campaigns.photovoice.models import AuditTheme, PhotoSubmission, PhotovoicePage
from campaigns.screens.models import (
    DailyPlays,
    GroupDailyPlays,
    MonthlyPlays,
    PlayEvent,
    Playlist,
    PlaylistAssignment,
    PlaylistItem,
    PlaylistTimeWindow,
    Screen,
    ScreenGroup,
)
from campaigns.stories.models import (
    ConsentRecord,
    Organisation,
    StoryIndexPage,
    StoryPage,
    Theme,
)
from campaigns.videos.models import Caption, Video

__all__ = [
    "Alert",
    "AuditTheme",
    "CampaignIndexPage",
    "CampaignPage",
    "Caption",
    "ConsentRecord",
    "DailyPlays",
    "GroupDailyPlays",
    "MonthlyPlays",
    "Organisation",
    "PartnerKey",
    "PhotoSubmission",
    "PhotovoicePage",
    "PlayEvent",
    "Playlist",
    "PlaylistAssignment",
    "PlaylistItem",
    "PlaylistTimeWindow",
    "Screen",
    "ScreenGroup",
    "StoryIndexPage",
    "StoryPage",
    "Theme",
    "Video",
    "WebhookDelivery",
    "WebhookEndpoint",
]
