from campaigns.choices import ProcessingStatus
from campaigns.models.campaigns import CampaignIndexPage, CampaignPage
from campaigns.models.organisations import Organisation, Theme
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
    "CampaignIndexPage",
    "CampaignPage",
    "Caption",
    "ConsentRecord",
    "Organisation",
    "ProcessingStatus",
    "StoryIndexPage",
    "StoryPage",
    "Theme",
    "Video",
]
