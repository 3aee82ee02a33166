from django.apps import AppConfig


class CmsConfig(AppConfig):
    name = "cms"
    verbose_name = "Platform core"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from cms import (
            cdn,
            checks,  # noqa: F401  registers the deployment checks
            languages,  # noqa: F401  registers the settings check
            signals,
            uploads,  # noqa: F401  registers the private files check
        )
        from cms.api import (
            purge,
            schema,  # noqa: F401  registers the OpenAPI security schemes
        )
        from cms.narration import signals as narration
        from cms.polls import signals as polls
        from cms.search import signals as search
        from cms.shown_versions import signals as shown_versions
        from cms.translation import signals as translation

        signals.connect(self)
        purge.connect()
        cdn.connect()
        translation.connect()
        polls.connect()
        shown_versions.connect()
        search.connect()
        narration.connect()
