from __future__ import annotations

from django.urls import path

from journal.web import health

app_name = "web"

urlpatterns = [path("healthz", health.healthz, name="healthz")]
