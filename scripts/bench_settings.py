"""Settings for `make bench`'s API case (scripts/bench_api.py): production settings plus
scripts/bench_urls.py, which adds the uncached comparison endpoint. Never used outside it."""

from cms.settings.production import *  # noqa: F403

ROOT_URLCONF = "bench_urls"

# wrk is one reader: at the public rate it would mostly measure 429s. The throttle still
# runs (and counts in the cache) on every request of both cases.
API_READER_RATE = "100000000/min"
