from campaigns.choices import ProcessingStatus
from campaigns.models.campaigns import CampaignIndexPage, CampaignPage
from campaigns.models.organisations import Organisation, Theme
from campaigns.models.partners import (
    DeliveryStatus,
    PartnerKey,
    WebhookDelivery,
    WebhookEndpoint,
    WebhookEvent,
)
from campaigns.models.photovoice import AuditTheme, PhotoSubmission, PhotovoicePage
from campaigns.models.screens import (
    PlayEvent,
    Playlist,
    PlaylistAssignment,
    PlaylistItem,
    PlaylistTimeWindow,
    Screen,
    ScreenGroup,
)
from campaigns.models.stories import (
    CONSENT_SCOPES,
    PARTNERS,
    SCREENS,
    WEB,
    ConsentRecord,
    StoryIndexPage,
    StoryPage,
)
from campaigns.models.videos import Caption, Video

__all__ = [
    "CONSENT_SCOPES",
    "PARTNERS",
    "SCREENS",
    "WEB",
    "AuditTheme",
    "CampaignIndexPage",
    "CampaignPage",
    "Caption",
    "ConsentRecord",
    "DeliveryStatus",
    "Organisation",
    "PartnerKey",
    "PhotoSubmission",
    "PhotovoicePage",
    "PlayEvent",
    "Playlist",
    "PlaylistAssignment",
    "PlaylistItem",
    "PlaylistTimeWindow",
    "ProcessingStatus",
    "Screen",
    "ScreenGroup",
    "StoryIndexPage",
    "StoryPage",
    "Theme",
    "Video",
    "WebhookDelivery",
    "WebhookEndpoint",
    "WebhookEvent",
]
