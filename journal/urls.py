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
    # The language switch of public pages (Django's set_language: a cookie, then back).
    path("i18n/", include("django.conf.urls.i18n")),
    path("admin/", admin.site.urls),
]
