"""Settings for `make bench-scale` (scripts/bench_scale_paths.py): the production settings,
measured as the uncached origin through Django's test client in one process: no origin page
cache (stored API answers and playlists are cleared before each request that should build
one). Never used outside it."""

from cms.settings.production import *  # noqa: F403

ALLOWED_HOSTS = ["testserver", "127.0.0.1"]  # the test client; gunicorn for plays
SECURE_SSL_REDIRECT = False
# Templates find static files without a collectstatic run.
STORAGES["staticfiles"] = {  # noqa: F405
    "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
}
PAGE_CACHE_ORIGIN_SECONDS = 0
# One process asks for everything: the limits would mostly measure 429s.
API_READER_RATE = API_PARTNER_RATE = SCREEN_PLAYS_RATE = "100000000/min"
# The admin paths are measured logged in with a password only (docs/security.md: a second
# factor is required in production; its own tests cover it).
TWO_FACTOR_REQUIRED = False
