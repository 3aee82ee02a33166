"""System checks of how the platform is deployed (`manage.py check --deploy`)."""

from django.conf import settings
from django.core.checks import Error, Tags, register

PER_PROCESS_CACHES = (
    "django.core.cache.backends.locmem.LocMemCache",
    "django.core.cache.backends.dummy.DummyCache",
)


@register(Tags.caches, deploy=True)
def check_shared_cache(app_configs, **kwargs):
    """Several processes need one shared cache: stored answers, content versions and rate
    limits live in it (docs/deployment.md)."""
    backend = settings.CACHES["default"]["BACKEND"]
    if backend in PER_PROCESS_CACHES and not settings.SINGLE_PROCESS:
        return [
            Error(
                f"The cache ({backend}) is each process's own.",
                hint="Set REDIS_URL, or SINGLE_PROCESS=true when one process serves.",
                id="cms.E020",
            )
        ]
    return []
