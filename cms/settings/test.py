"""Tests: the real database and cache named by DATABASE_URL and REDIS_URL (PostgreSQL and
Redis in CI), SQLite and a memory cache when they are unset."""

import os
import tempfile

from .base import *
from .base import CACHES, env

DEBUG = False
SECRET_KEY = "test-only-key"
ALLOWED_HOSTS = ["*"]

# Each run gets its own cache namespace, so parallel runs on one Redis never see each
# other's keys.
CACHES["default"]["KEY_PREFIX"] = f"test-{os.getpid()}"

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
MEDIA_ROOT = tempfile.mkdtemp(prefix="platform-test-media-")
PRIVATE_MEDIA_ROOT = tempfile.mkdtemp(prefix="platform-test-private-")
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    "private": {
        "BACKEND": "cms.uploads.PrivateFileSystemStorage",
        "OPTIONS": {"location": PRIVATE_MEDIA_ROOT},
    },
}
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
WAGTAILADMIN_BASE_URL = "http://testserver"
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
LOGGING["root"]["level"] = env.get_str("LOG_LEVEL", "WARNING")

# Tests never reach the network: only the stored oEmbed data answers for embeds.
WAGTAILEMBEDS_FINDERS = [{"class": "campaigns.videos.embeds.StoredOEmbedFinder"}]

SERVE_MEDIA = True  # uploads from this process (production serves them elsewhere)

# The partners' servers of the webhook tests listen on 127.0.0.1; the test of the refusal
# switches this off.
WEBHOOK_ALLOW_PRIVATE_ADDRESSES = True

# Every edit is seen at once by the playlist responses of this process.
SCREEN_PLAYLIST_VERSION_CHECK_SECONDS = 0
# Each status report is written at once (tests/campaigns/screens/test_screen_status.py
# checks the batching with the production value).
SCREEN_STATUS_FLUSH_SECONDS = 0

# The whole suite reads the API from one address within a minute or two: the rate limits are
# tested with low rates of their own (tests/campaigns/partners/test_access.py).
API_READER_RATE = API_PARTNER_RATE = "100000/min"
# Likewise the poll votes (tests/cms/polls/test_polls.py tests the limit with a low rate).
POLL_VOTE_RATE = "100000/min"
# And photovoice submissions (tests/campaigns/photovoice/test_photovoice.py tests the limit).
PHOTOVOICE_SUBMISSION_RATE = "100000/min"

# Tests change rows directly (without the signals a real edit sends), so the origin's page
# cache is off; tests/cms/test_cdn.py turns it on where it is tested.
PAGE_CACHE_ORIGIN_SECONDS = 0
