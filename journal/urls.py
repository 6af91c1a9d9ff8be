"""The project's URLs: one include per capability, each under its own namespace."""

from django.contrib import admin
from django.urls import include, path

urlpatterns = [
    path("", include("journal.today.urls")),
    path("", include("journal.web.urls")),
    path("journal/", include("journal.entries.urls")),
    path("tags/", include("journal.entries.tag_urls")),
    path("timeline/", include("journal.timeline.urls")),
    path("review/", include("journal.review.urls")),
    path("", include("journal.portability.urls")),
    path("", include("journal.accounts.urls")),
    path("", include("journal.factors.urls")),
    path("practices/", include("practices.urls")),
    path("", include("journal.reminders.urls")),
    path("share/", include("journal.sharing.urls")),
    path("admin/", admin.site.urls),
]
