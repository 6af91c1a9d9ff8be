"""Passwords typed inside a log-in count as failed log-ins and end the log-in after a few;
the sign-up and password forms put each error on the field at fault."""

from __future__ import annotations

from typing import Any

import pytest
from axes.models import AccessAttempt
from django.contrib.auth.models import User
from django.test import Client
from django.urls import reverse

from journal.models import AccountSession
from tests.factories import PASSWORD

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def fast_passwords(settings: Any) -> None:
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    settings.IN_SESSION_PASSWORD_FAILURES = 3
    settings.AXES_FAILURE_LIMIT = 50


def test_wrong_passwords_to_delete_the_account_end_the_log_in(
    alice_client: Client, alice: User
) -> None:
    url = reverse("accounts:delete")
    for _ in range(2):
        assert alice_client.post(url, {"password": "guess"}).status_code == 400
    assert AccessAttempt.objects.get(username="alice").failures_since_start == 2
    response = alice_client.post(url, {"password": "guess"})
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")
    assert not AccountSession.objects.filter(user=alice).exists()
    assert User.objects.filter(pk=alice.pk).exists()
    assert alice_client.get(url)["Location"].startswith("/accounts/login/")


def test_wrong_current_passwords_to_change_it_end_the_log_in(
    alice_client: Client, alice: User
) -> None:
    url = reverse("accounts:password_change")
    data = {
        "old_password": "guess",
        "new_password1": "a new long password 42",
        "new_password2": "a new long password 42",
    }
    assert alice_client.post(url, data).status_code == 200
    assert alice_client.post(url, data).status_code == 200
    response = alice_client.post(url, data)
    assert response["Location"].startswith("/accounts/login/")
    alice.refresh_from_db()
    assert alice.check_password(PASSWORD)


def test_changing_the_email_needs_the_password(alice_client: Client, alice: User) -> None:
    url = reverse("accounts:settings")
    data = {"time_zone": "Europe/London", "week_start": "0", "email": "new@example.org"}
    response = alice_client.post(url, data)
    assert response.status_code == 400
    assert "To change the email address, type your password." in response.content.decode()
    alice.refresh_from_db()
    assert alice.email == "alice@example.org"

    response = alice_client.post(url, {**data, "password": PASSWORD})
    assert response.status_code == 302
    alice.refresh_from_db()
    assert alice.email == "new@example.org"


def test_wrong_passwords_for_the_email_count_too(alice_client: Client, alice: User) -> None:
    url = reverse("accounts:settings")
    data = {"time_zone": "Europe/London", "week_start": "0", "email": "x@example.org"}
    for _ in range(2):
        alice_client.post(url, {**data, "password": "guess"})
    response = alice_client.post(url, {**data, "password": "guess"})
    assert response["Location"].startswith("/accounts/login/")
    alice.refresh_from_db()
    assert alice.email == "alice@example.org"


def test_other_settings_change_without_the_password(alice_client: Client, alice: User) -> None:
    data = {"time_zone": "Asia/Tokyo", "week_start": "6", "email": alice.email}
    assert alice_client.post(reverse("accounts:settings"), data).status_code == 302
    alice.profile.refresh_from_db()
    assert alice.profile.time_zone == "Asia/Tokyo"
    assert alice.profile.notify_new_device is False  # the box was not ticked


SIGNUP = {
    "username": "maya",
    "email": "",
    "password1": "short",
    "password2": "short",
    "time_zone": "Europe/Berlin",
    "week_start": "0",
}


def field_errors(html: str, name: str) -> str:
    """The text of a field's block in _field.html."""
    start = html.index(f'for="id_{name}"')
    end = html.find('<div class="field', start)
    return html[start:end]


def test_a_short_password_is_marked_on_the_password_field(client: Client, alice: User) -> None:
    html = client.post(reverse("accounts:signup"), SIGNUP).content.decode()
    assert "This password is too short" in field_errors(html, "password1")
    assert "too short" not in field_errors(html, "password2")


def test_a_mismatch_is_marked_on_the_confirmation(client: Client, alice: User) -> None:
    data = {**SIGNUP, "password1": "slow breath over the hills", "password2": "other words"}
    html = client.post(reverse("accounts:signup"), data).content.decode()
    assert "didn’t match" in field_errors(html, "password2")
    assert "didn’t match" not in field_errors(html, "password1")


def test_the_banner_does_not_claim_nothing_was_lost(client: Client, alice: User) -> None:
    html = client.post(reverse("accounts:signup"), SIGNUP).content.decode()
    assert "nothing you typed has been lost" not in html
    assert "Password fields are emptied each time" in html
    assert 'value="maya"' in html


def test_a_password_change_marks_the_new_password(alice_client: Client) -> None:
    data = {"old_password": PASSWORD, "new_password1": "short", "new_password2": "short"}
    html = alice_client.post(reverse("accounts:password_change"), data).content.decode()
    assert "This password is too short" in field_errors(html, "new_password1")
    assert "too short" not in field_errors(html, "new_password2")


def test_sign_up_without_email_is_warned(client: Client, alice: User) -> None:
    page = client.get(reverse("accounts:signup")).content.decode()
    assert "Without an email address a forgotten password cannot be reset" in page
    data = {**SIGNUP, "password1": "slow breath", "password2": "slow breath"}
    data["password1"] = data["password2"] = "slow breath over the hills"
    response = client.post(reverse("accounts:signup"), data, follow=True)
    assert "a forgotten password cannot be reset" in response.content.decode()
    settings_page = client.get(reverse("accounts:settings")).content.decode()
    assert "Your account has no email address" in settings_page
