"""Log-in sessions: rotation, log-out everywhere, password change, idle and absolute limits."""

from __future__ import annotations

import time
from typing import Any
from unittest import mock

import pytest
from django.contrib.auth.models import User
from django.test import Client
from django.urls import reverse

from journal.accounts.services import sessions_end_all
from journal.accounts.session_keys import LAST_SEEN, LOGIN_AT
from journal.models import AccountSession
from tests.factories import PASSWORD

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def fast_passwords(settings: Any) -> None:
    # Argon2 costs about half a second per check; these tests log in many times.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


def logged_in_client(user: User) -> Client:
    client = Client()
    response = client.post(
        reverse("accounts:login"), {"username": user.username, "password": PASSWORD}
    )
    assert response.status_code == 302
    return client


def session_count(user: User) -> int:
    return AccountSession.objects.filter(user=user).count()


def test_log_in_rotates_the_session_key(alice: User) -> None:
    client = Client()
    client.get(reverse("accounts:login"))
    session = client.session
    session["before_login"] = True
    session.save()
    key_before = session.session_key

    client.post(reverse("accounts:login"), {"username": "alice", "password": PASSWORD})

    key_after = client.cookies["sessionid"].value
    assert key_after != key_before
    assert not AccountSession.objects.filter(session_key=key_before).exists()
    assert AccountSession.objects.get(session_key=key_after).user == alice


def test_sessions_record_their_user(alice: User) -> None:
    logged_in_client(alice)
    logged_in_client(alice)

    assert session_count(alice) == 2


def test_log_out_ends_this_device_only(alice: User) -> None:
    laptop = logged_in_client(alice)
    phone = logged_in_client(alice)

    response = laptop.post(reverse("accounts:logout"))

    assert response.status_code == 302
    assert session_count(alice) == 1
    assert laptop.get(reverse("accounts:settings")).status_code == 302
    assert phone.get(reverse("accounts:settings")).status_code == 200


def test_log_out_everywhere_ends_every_session_of_that_person(alice: User, bob: User) -> None:
    laptop = logged_in_client(alice)
    phone = logged_in_client(alice)
    bobs = logged_in_client(bob)

    response = laptop.post(reverse("accounts:logout_everywhere"))

    assert response.status_code == 302
    assert session_count(alice) == 0
    assert phone.get(reverse("accounts:settings")).status_code == 302
    assert bobs.get(reverse("accounts:settings")).status_code == 200


def test_log_out_refuses_get(alice_client: Client) -> None:
    assert alice_client.get(reverse("accounts:logout")).status_code == 405


def test_password_change_keeps_this_session_under_a_new_key_and_ends_the_others(
    alice: User,
) -> None:
    laptop = logged_in_client(alice)
    phone = logged_in_client(alice)
    old_key = laptop.cookies["sessionid"].value
    new_password = "another calm long password 77"

    response = laptop.post(
        reverse("accounts:password_change"),
        {"old_password": PASSWORD, "new_password1": new_password, "new_password2": new_password},
    )

    assert response.status_code == 302
    new_key = laptop.cookies["sessionid"].value
    assert new_key != old_key
    assert list(
        AccountSession.objects.filter(user=alice).values_list("session_key", flat=True)
    ) == [new_key]
    assert laptop.get(reverse("accounts:settings")).status_code == 200
    assert phone.get(reverse("accounts:settings")).status_code == 302


def test_sessions_end_all_leaves_other_people_alone(alice: User, bob: User) -> None:
    logged_in_client(alice)
    logged_in_client(alice)
    bobs = logged_in_client(bob)

    assert sessions_end_all(user=alice) == 2

    assert session_count(alice) == 0
    assert bobs.get(reverse("accounts:settings")).status_code == 200


def test_log_in_starts_the_clocks(alice: User) -> None:
    client = logged_in_client(alice)

    session = client.session
    assert abs(session[LOGIN_AT] - time.time()) < 5
    assert session[LAST_SEEN] == session[LOGIN_AT]


def at(seconds_from_now: float) -> mock._patch[mock.MagicMock]:
    return mock.patch(
        "journal.web.middleware.time.time", return_value=time.time() + seconds_from_now
    )


@pytest.mark.parametrize("idle", [3600, 7200])
def test_it_signs_out_after_the_idle_limit(
    alice: User, settings: pytest.FixtureRequest, idle: int
) -> None:
    settings.SESSION_IDLE_SECONDS = idle  # type: ignore[attr-defined]
    client = logged_in_client(alice)
    # The last visit is stored to the minute: "just inside" leaves a minute's slack.
    first = idle - 120
    second = first + idle - 120

    with at(first):
        assert client.get(reverse("accounts:settings")).status_code == 200
    # That visit moved the limit on: this one is still inside it.
    with at(second):
        assert client.get(reverse("accounts:settings")).status_code == 200
    with at(second + idle + 60):
        response = client.get(reverse("accounts:settings"))

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:login"))
    assert session_count(alice) == 0


def test_it_signs_out_after_the_absolute_limit_even_when_active(
    alice: User, settings: pytest.FixtureRequest
) -> None:
    settings.SESSION_IDLE_SECONDS = 2 * 3600  # type: ignore[attr-defined]
    settings.SESSION_ABSOLUTE_SECONDS = 3 * 3600  # type: ignore[attr-defined]
    client = logged_in_client(alice)

    for hours in (1, 2, 3):
        with at(hours * 3600 - 30):
            assert client.get(reverse("accounts:settings")).status_code == 200
    with at(3 * 3600 + 30):
        response = client.get(reverse("accounts:settings"))

    assert response.status_code == 302
    assert session_count(alice) == 0


def test_it_writes_the_session_at_most_once_a_minute(alice: User) -> None:
    client = logged_in_client(alice)
    row = AccountSession.objects.get(user=alice)
    base = (int(time.time()) // 60) * 60

    with mock.patch("journal.web.middleware.time.time", return_value=base + 120):
        client.get(reverse("accounts:settings"))
    first = AccountSession.objects.get(pk=row.pk).session_data
    assert first != row.session_data
    with (
        mock.patch("journal.web.middleware.time.time", return_value=base + 150),
        mock.patch("journal.accounts.session_store.SessionStore.save") as save,
    ):
        client.get(reverse("accounts:settings"))

    assert not save.called


def test_a_session_without_clocks_gets_them(alice_client: Client) -> None:
    # A session from before the clocks existed.
    session = alice_client.session
    del session[LOGIN_AT]
    del session[LAST_SEEN]
    session.save()

    assert alice_client.get(reverse("accounts:settings")).status_code == 200

    assert LOGIN_AT in alice_client.session


def test_the_first_request_after_log_in_does_not_write_the_session(
    alice_client: Client,
) -> None:
    # Even force_login (no log-in page) starts the clocks, so query counts stay put.
    logged_in_at = alice_client.session[LOGIN_AT]
    with (
        mock.patch("journal.web.middleware.time.time", return_value=logged_in_at),
        mock.patch("journal.accounts.session_store.SessionStore.save") as save,
    ):
        alice_client.get(reverse("accounts:settings"))

    assert not save.called


def test_an_htmx_request_after_the_log_in_ended_sends_the_window_to_log_in(
    client: Client,
) -> None:
    response = client.get(reverse("accounts:settings"), headers={"HX-Request": "true"})

    assert response.status_code == 204
    assert response["HX-Redirect"].startswith(reverse("accounts:login"))


def test_a_plain_request_after_the_log_in_ended_is_redirected(client: Client) -> None:
    response = client.get(reverse("accounts:settings"))

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:login"))


def test_common_and_short_passwords_are_refused(alice: User) -> None:
    from django.contrib.auth.password_validation import validate_password
    from django.core.exceptions import ValidationError

    for weak in ("password123", "qwertyuiop", "12345678901", "short1"):
        with pytest.raises(ValidationError):
            validate_password(weak, user=alice)
    validate_password("a calm long password 42", user=alice)
