from django.apps import AppConfig


class CampaignsConfig(AppConfig):
    name = "campaigns"
    verbose_name = "Campaigns, stories and screens"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from campaigns.partners import signals as partners
        from campaigns.screens import signals as screens

        screens.connect()
        partners.connect()
