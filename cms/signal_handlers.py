from cms import services


def create_locales_after_migrate(sender, using="default", **kwargs):
    services.sync_locales(using=using)
