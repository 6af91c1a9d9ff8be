from __future__ import annotations

from django.contrib.auth import views as auth_views
from django.urls import path, reverse_lazy

from journal.accounts import device_views, views

app_name = "accounts"

urlpatterns = [
    path("signup/", views.signup, name="signup"),
    path("settings/", views.settings_page, name="settings"),
    path("settings/delete-account/", views.delete_account, name="delete"),
    path("settings/devices/", device_views.devices_page, name="devices"),
    path("settings/devices/end/", device_views.device_end_view, name="device_end"),
    path(
        "settings/devices/end-others/",
        device_views.devices_end_others,
        name="devices_end_others",
    ),
    path("settings/invitations/", device_views.invitations_page, name="invitations"),
    path("accounts/login/", views.BoundedLoginView.as_view(), name="login"),
    path("accounts/logout/", views.LogoutThisDeviceView.as_view(), name="logout"),
    path(
        "accounts/logout/everywhere/",
        views.LogoutEverywhereView.as_view(),
        name="logout_everywhere",
    ),
    path(
        "accounts/password/change/",
        views.PasswordChangeEndOthersView.as_view(
            success_url=reverse_lazy("accounts:password_change_done")
        ),
        name="password_change",
    ),
    path(
        "accounts/password/change/done/",
        auth_views.PasswordChangeDoneView.as_view(),
        name="password_change_done",
    ),
    path(
        "accounts/password/reset/",
        views.BoundedPasswordResetView.as_view(
            success_url=reverse_lazy("accounts:password_reset_done")
        ),
        name="password_reset",
    ),
    path(
        "accounts/password/reset/sent/",
        auth_views.PasswordResetDoneView.as_view(),
        name="password_reset_done",
    ),
    path(
        "accounts/password/reset/<uidb64>/<token>/",
        views.BoundedPasswordResetConfirmView.as_view(
            success_url=reverse_lazy("accounts:password_reset_complete")
        ),
        name="password_reset_confirm",
    ),
    path(
        "accounts/password/reset/complete/",
        auth_views.PasswordResetCompleteView.as_view(),
        name="password_reset_complete",
    ),
]
