"""WSGI entry point for gunicorn: `gunicorn cms.wsgi` (production settings by default)."""

import os
import sys

from django.conf import settings
from django.core.wsgi import get_wsgi_application
from django.utils.module_loading import import_string

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cms.settings.production")

from cms.settings.environment import ConfigurationError

try:
    application = get_wsgi_application()
except ConfigurationError as error:
    # One line that names the variable instead of a traceback. Exit status 4 is gunicorn's
    # "application failed to load": the master stops instead of respawning workers forever.
    sys.stderr.write(f"Configuration error: {error}\n")
    sys.exit(4)

if settings.SEARCH_LOAD_WORD_TABLES_AT_START:
    # Before the first reader waits for them (docs/search.md).
    from cms import languages
    from cms.search.text import load_word_tables

    load_word_tables(languages.codes())

# Fast paths in front of Django for the hottest URLs (e.g. the playlist every screen polls).
for layer in reversed(settings.WSGI_FAST_PATHS):
    application = import_string(layer)(application)
