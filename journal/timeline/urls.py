from __future__ import annotations

from django.urls import path

from journal.timeline import views

app_name = "timeline"

urlpatterns = [path("", views.timeline, name="index")]
