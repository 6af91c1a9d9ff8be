from __future__ import annotations

from django.urls import path

from journal.web import health, views

app_name = "web"

urlpatterns = [
    path("", views.home, name="home"),
    path("healthz", health.healthz, name="healthz"),
]
