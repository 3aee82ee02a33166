"""Alerts in the admin: a list with what is in force, under Campaigns."""

from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.tables import Column
from wagtail.snippets.views.snippets import SnippetViewSet

from campaigns.alerts.models import Alert


class InForceColumn(Column):
    def get_value(self, instance):
        now = timezone.now()
        if not instance.live:
            return _("Draft")
        if instance.ends_at <= now:
            return _("Ended")
        if instance.starts_at > now:
            return _("Scheduled")
        return _("In force")


class AlertViewSet(SnippetViewSet):
    model = Alert
    icon = "warning"
    menu_label = _("Alerts")
    list_display = [
        "title",
        "severity",
        "starts_at",
        "ends_at",
        InForceColumn("state", label=_("State")),
    ]
    list_filter = ["severity", "locale"]
    ordering = ["-starts_at"]
