from __future__ import annotations

from django.urls import path

from practices import guidance_views, views

app_name = "practices"

urlpatterns = [
    path("", views.catalog, name="catalog"),
    path("own/new/", views.own_new, name="own_new"),
    path("own/<uuid:practice_uuid>/edit/", views.own_edit, name="own_edit"),
    path("own/<uuid:practice_uuid>/archive/", views.own_archive, name="own_archive"),
    path("sessions/log/", views.session_log, name="session_log"),
    path("sessions/<uuid:session_uuid>/", views.session_detail, name="session_detail"),
    path("sessions/<uuid:session_uuid>/run/", views.session_run, name="session_run"),
    path("sessions/<uuid:session_uuid>/finish/", views.session_finish, name="session_finish"),
    path("sessions/<uuid:session_uuid>/abandon/", views.session_abandon, name="session_abandon"),
    path("sessions/<uuid:session_uuid>/timer/", guidance_views.session_timer, name="session_timer"),
    path("sessions/<uuid:session_uuid>/sound/", guidance_views.session_sound, name="session_sound"),
    path("settings/sound/", guidance_views.sound_settings, name="sound_settings"),
    path("sessions/<uuid:session_uuid>/edit/", views.session_edit, name="session_edit"),
    path("sessions/<uuid:session_uuid>/delete/", views.session_delete, name="session_delete"),
    path("<slug:slug>/", views.practice_detail, name="detail"),
    path("<slug:slug>/start/", views.start, name="start"),
]
