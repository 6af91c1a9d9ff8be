from __future__ import annotations

from django.urls import path

from journal.today import views

app_name = "today"

urlpatterns = [path("", views.home, name="home")]
