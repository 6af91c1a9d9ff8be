from __future__ import annotations

from django.urls import path

from journal.web import health, i18n

app_name = "web"

urlpatterns = [
    path("healthz", health.healthz, name="healthz"),
    path("jsi18n/<str:language>/", i18n.javascript_catalog, name="javascript-catalog"),
]
