from django.apps import AppConfig


class CampaignsConfig(AppConfig):
    name = "campaigns"
    verbose_name = "Campaigns, stories and screens"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from campaigns.alerts import signals as alerts
        from campaigns.partners import signals as partners
        from campaigns.photovoice import search as photovoice_search
        from campaigns.screens import signals as screens
        from campaigns.videos import search as videos_search

        screens.connect()
        alerts.connect()
        partners.connect()
        # What the search finds besides pages (cms.search.sources).
        photovoice_search.connect()
        videos_search.connect()
