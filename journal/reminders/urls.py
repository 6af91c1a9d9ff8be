from __future__ import annotations

from django.urls import path

from journal.reminders import views

app_name = "reminders"

urlpatterns = [
    path("reminders/", views.settings_page, name="settings"),
    path("reminders/<uuid:reminder_uuid>/", views.reminder_edit, name="edit"),
    path("reminders/<uuid:reminder_uuid>/delete/", views.reminder_delete, name="delete"),
    path("reminders/quiet-hours/", views.quiet_hours, name="quiet_hours"),
    path("reminders/pause/", views.pause, name="pause"),
    path("reminders/devices/", views.subscribe, name="subscribe"),
    path(
        "reminders/devices/<uuid:subscription_uuid>/remove/",
        views.device_remove,
        name="device_remove",
    ),
    path("reminders/unsubscribe/<str:token>/", views.unsubscribe, name="unsubscribe"),
    path("manifest.webmanifest", views.manifest_view, name="manifest"),
    path("sw.js", views.service_worker, name="service_worker"),
    path("offline/", views.offline, name="offline"),
]
