"""Local development: `make run` serves these on SQLite with no other service."""

from .base import *
from .base import VAR_DIR, env

DEBUG = True
SECRET_KEY = env.get_str("SECRET_KEY") or "dev-only-insecure-key-never-use-in-production"
ALLOWED_HOSTS = env.get_list("ALLOWED_HOSTS", ["localhost", "127.0.0.1", "[::1]", "testserver"])

# Serve files from app folders directly; no collectstatic needed while developing.
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True

VAR_DIR.mkdir(parents=True, exist_ok=True)

SERVE_MEDIA = True  # uploads from this process (production serves them elsewhere)
# A partner's test server on this machine may receive webhooks while developing.
WEBHOOK_ALLOW_PRIVATE_ADDRESSES = env.get_bool("WEBHOOK_ALLOW_PRIVATE_ADDRESSES", True)
