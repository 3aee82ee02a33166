"""Production: gunicorn behind a CDN or load balancer, PostgreSQL and Redis from the
environment. Passes `manage.py check --deploy --fail-level WARNING`."""

from .base import *
from .base import WAGTAILLOCALIZE_MACHINE_TRANSLATOR, env

DEBUG = False
SECRET_KEY = env.get_required(
    "SECRET_KEY",
    "production needs a long random value; see docs/configuration.md",
)

# Stored answers, content versions and rate limits live in the cache, and every process
# (gunicorn workers, containers, task workers) must see the same: a memory cache per process
# serves one process's stale answers and multiplies the limits. Only an operator who runs
# one process says so (SINGLE_PROCESS=true); a system check (cms.E020) says it again.
SINGLE_PROCESS = env.get_bool("SINGLE_PROCESS", False)
if not env.get_str("REDIS_URL") and not SINGLE_PROCESS:
    raise env.ConfigurationError(
        "REDIS_URL is not set: production processes share one cache (Redis); "
        "set SINGLE_PROCESS=true only when a single process serves"
    )

STORAGES["staticfiles"] = {
    # Hashed names plus gzip copies, so static files can be cached for a year.
    "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage",
}
WHITENOISE_MAX_AGE = 60 * 60  # unhashed paths; hashed ones get a year and "immutable"

# Every admin user gives a second factor after the password (docs/security.md).
TWO_FACTOR_REQUIRED = env.get_bool("TWO_FACTOR_REQUIRED", True)

# Every language's word-form table read as a worker starts (docs/search.md).
SEARCH_LOAD_WORD_TABLES_AT_START = env.get_bool("SEARCH_LOAD_WORD_TABLES_AT_START", True)

# TLS ends at the load balancer, which tells us the original scheme.
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env.get_bool("SECURE_SSL_REDIRECT", True)
# Load balancers probe over plain HTTP inside the network.
SECURE_REDIRECT_EXEMPT = [r"^healthz$", r"^readyz$"]
SECURE_HSTS_SECONDS = env.get_int("SECURE_HSTS_SECONDS", 60 * 60 * 24 * 365)
SECURE_HSTS_INCLUDE_SUBDOMAINS = env.get_bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", True)
SECURE_HSTS_PRELOAD = env.get_bool("SECURE_HSTS_PRELOAD", True)
SECURE_CONTENT_TYPE_NOSNIFF = True
# Cookies only over HTTPS; a local run without TLS (docker-compose.yml) turns this off.
SESSION_COOKIE_SECURE = CSRF_COOKIE_SECURE = LANGUAGE_COOKIE_SECURE = env.get_bool(
    "SECURE_COOKIES", True
)

# The dummy translator reverses words: a placeholder for offline work and tests, never for
# readers. Without a DeepL key, production offers no machine translation at all.
if WAGTAILLOCALIZE_MACHINE_TRANSLATOR["CLASS"].endswith(".DummyTranslator"):
    del WAGTAILLOCALIZE_MACHINE_TRANSLATOR
