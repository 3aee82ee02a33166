"""What publishing an alert (Wagtail's snippet Publish and Unpublish) sets off."""

from wagtail.signals import published, unpublished

from campaigns.alerts import services
from campaigns.alerts.models import Alert


def alert_published(sender, instance, **kwargs) -> None:
    services.alert_published(alert=instance)


def alert_unpublished(sender, instance, **kwargs) -> None:
    services.alert_unpublished(alert=instance)


def connect() -> None:
    published.connect(alert_published, sender=Alert, dispatch_uid="alerts-published")
    unpublished.connect(alert_unpublished, sender=Alert, dispatch_uid="alerts-unpublished")
