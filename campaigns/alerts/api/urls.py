from django.urls import path

from campaigns.alerts.api import views

urlpatterns = [
    path("alerts.cap", views.alerts_feed, name="api_alerts_cap"),
    path("alerts/<int:alert_id>.cap", views.alert_cap, name="api_alert_cap"),
]
