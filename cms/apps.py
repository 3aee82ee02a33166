from django.apps import AppConfig
from django.db.models.signals import post_migrate


class CmsConfig(AppConfig):
    name = "cms"
    verbose_name = "Platform core"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from django.db.models.signals import post_delete, post_save

        from cms import (
            languages,  # noqa: F401  registers the settings check
            uploads,  # noqa: F401  registers the private files check
        )
        from cms.api import schema  # noqa: F401  registers the OpenAPI security schemes
        from cms.api.purge import connect_object_purges
        from cms.models import HomePage, Poll
        from cms.signal_handlers import (
            connect_api_cache,
            create_locales_after_migrate,
            home_page_created,
            poll_deleted,
        )

        # After every migrate (and after tests flush the database) each configured
        # language has its Locale row, so nobody creates them by hand.
        post_migrate.connect(create_locales_after_migrate, sender=self)
        connect_api_cache()
        connect_object_purges()
        post_save.connect(home_page_created, sender=HomePage, dispatch_uid="translator-groups")
        post_delete.connect(poll_deleted, sender=Poll, dispatch_uid="poll-votes")
