from __future__ import annotations

from django.urls import path

from journal.portability import views

app_name = "portability"

urlpatterns = [
    path("export/", views.export_page, name="export"),
    path("export/download/", views.export_download, name="download"),
    path("export/summary/", views.export_summary, name="summary"),
    path("import/", views.import_page, name="import"),
    path("import/<uuid:job_uuid>/", views.import_job_page, name="import_job"),
]
