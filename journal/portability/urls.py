from __future__ import annotations

from django.urls import path

from journal.portability import summary_views, views

app_name = "portability"

urlpatterns = [
    path("export/", views.export_page, name="export"),
    path("export/download/", views.export_download, name="download"),
    path("export/summary/", summary_views.summary_page, name="summary"),
    path("export/summary/pdf/", summary_views.summary_pdf, name="summary_pdf"),
    path("import/", views.import_page, name="import"),
    path("import/<uuid:job_uuid>/", views.import_job_page, name="import_job"),
]
