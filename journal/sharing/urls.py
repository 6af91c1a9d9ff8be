from __future__ import annotations

from django.urls import path

from journal.sharing import public_views, views

app_name = "sharing"

urlpatterns = [
    path("", views.index, name="index"),
    path("new/", views.create, name="create"),
    path("links/<uuid:share_uuid>/withdraw/", views.revoke, name="revoke"),
    # Public: opened by a clinician without an account.
    path("s/<str:share_token>/", public_views.open_link, name="open"),
    path("s/<str:share_token>/pdf/", public_views.open_pdf, name="pdf"),
]
