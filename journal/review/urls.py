from __future__ import annotations

from django.urls import path

from journal.review import views

app_name = "review"

urlpatterns = [
    path("", views.review, name="index"),
    path("trends/", views.review_trends, name="trends"),
    path("<int:year>/<int:week>/", views.review_week, name="week"),
]
