from __future__ import annotations

from django.urls import path

from journal.factors import login_views, views

app_name = "factors"

urlpatterns = [
    path("accounts/login/second-step/", login_views.verify, name="verify"),
    path("accounts/login/passkey/options/", login_views.passkey_options, name="passkey_options"),
    path("accounts/login/passkey/", login_views.passkey_finish, name="passkey_login"),
    path("settings/two-step/", views.index, name="index"),
    path("settings/two-step/app/", views.totp_setup, name="totp_setup"),
    path("settings/two-step/app/off/", views.totp_disable, name="totp_disable"),
    path("settings/two-step/recovery-codes/", views.recovery_codes, name="recovery_codes"),
    path("settings/two-step/recovery-codes/new/", views.recovery_renew, name="recovery_renew"),
    path(
        "settings/two-step/passkeys/options/",
        views.passkey_register_options,
        name="passkey_register_options",
    ),
    path("settings/two-step/passkeys/", views.passkey_register, name="passkey_register"),
    path(
        "settings/two-step/passkeys/<uuid:passkey_uuid>/remove/",
        views.passkey_remove,
        name="passkey_remove",
    ),
]
