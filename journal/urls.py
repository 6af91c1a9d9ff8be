from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path

from journal.sessions import (
    BoundedLoginView,
    LogoutEverywhereView,
    PasswordChangeEndOthersView,
)
from journal.views import account as account_views
from journal.views import accounts, health, home
from journal.views import entries as entry_views
from journal.views import export as export_views
from journal.views import review as review_views
from journal.views import tags as tag_views
from journal.views import timeline as timeline_views

urlpatterns = [
    path("", home.home, name="home"),
    *[
        path(f"journal/new/{kind}/", entry_views.entry_new, {"kind": kind}, name="entry_new")
        for kind in ("free", "expressive", "reframe")
    ],
    path("journal/reflect/<uuid:session_uuid>/", entry_views.reflection_new, name="reflection_new"),
    path("journal/<uuid:entry_uuid>/", entry_views.entry_detail, name="entry_detail"),
    path("journal/<uuid:entry_uuid>/edit/", entry_views.entry_edit, name="entry_edit"),
    path("journal/<uuid:entry_uuid>/delete/", entry_views.entry_delete_view, name="entry_delete"),
    path("timeline/", timeline_views.timeline, name="timeline"),
    path("review/", review_views.review, name="review"),
    path("review/trends/", review_views.review_trends, name="review_trends"),
    path("review/<int:year>/<int:week>/", review_views.review_week, name="review_week"),
    path("tags/", tag_views.tags_page, name="tags"),
    path("tags/<uuid:tag_uuid>/rename/", tag_views.tag_rename_view, name="tag_rename"),
    path("tags/<uuid:tag_uuid>/archive/", tag_views.tag_archive_view, name="tag_archive"),
    path("healthz", health.healthz, name="healthz"),
    path("signup/", accounts.signup, name="signup"),
    path("settings/", accounts.settings_page, name="settings"),
    path("settings/delete-account/", account_views.delete_account, name="account_delete"),
    path("export/", export_views.export_page, name="export"),
    path("export/download/", export_views.export_download, name="export_download"),
    path("export/summary/", export_views.export_summary, name="export_summary"),
    path("import/", export_views.import_page, name="import"),
    path("accounts/login/", BoundedLoginView.as_view(), name="login"),
    path("accounts/logout/", LogoutEverywhereView.as_view(), name="logout"),
    path(
        "accounts/password/change/",
        PasswordChangeEndOthersView.as_view(),
        name="password_change",
    ),
    path(
        "accounts/password/change/done/",
        auth_views.PasswordChangeDoneView.as_view(),
        name="password_change_done",
    ),
    path(
        "accounts/password/reset/",
        auth_views.PasswordResetView.as_view(),
        name="password_reset",
    ),
    path(
        "accounts/password/reset/sent/",
        auth_views.PasswordResetDoneView.as_view(),
        name="password_reset_done",
    ),
    path(
        "accounts/password/reset/<uidb64>/<token>/",
        auth_views.PasswordResetConfirmView.as_view(),
        name="password_reset_confirm",
    ),
    path(
        "accounts/password/reset/complete/",
        auth_views.PasswordResetCompleteView.as_view(),
        name="password_reset_complete",
    ),
    path("practices/", include("practices.urls")),
    path("admin/", admin.site.urls),
]
