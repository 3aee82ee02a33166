from django.apps import AppConfig


class CampaignsConfig(AppConfig):
    name = "campaigns"
    verbose_name = "Campaigns, stories and screens"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from campaigns import signal_handlers

        signal_handlers.connect()
