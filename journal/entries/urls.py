from __future__ import annotations

from django.urls import path

from journal.entries import views, writing_views

app_name = "entries"

urlpatterns = [
    *[
        path(f"new/{kind}/", views.entry_new, {"kind": kind}, name="new")
        for kind in ("free", "expressive", "reframe")
    ],
    path("reflect/<uuid:session_uuid>/", views.reflection_new, name="reflect"),
    path("write/<uuid:session_uuid>/", writing_views.write, name="write"),
    path("<uuid:entry_uuid>/", views.entry_detail, name="detail"),
    path("<uuid:entry_uuid>/edit/", views.entry_edit, name="edit"),
    path("<uuid:entry_uuid>/delete/", views.entry_delete_view, name="delete"),
]
