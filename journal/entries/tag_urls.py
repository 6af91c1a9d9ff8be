"""Tags live under /tags/ but belong to the entries namespace's tag views."""

from __future__ import annotations

from django.urls import path

from journal.entries import tag_views

app_name = "tags"

urlpatterns = [
    path("", tag_views.tags_page, name="index"),
    path("<uuid:tag_uuid>/rename/", tag_views.tag_rename_view, name="rename"),
    path("<uuid:tag_uuid>/archive/", tag_views.tag_archive_view, name="archive"),
]
