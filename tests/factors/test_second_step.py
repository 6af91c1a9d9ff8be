"""The log-in's second step: an authenticator app's code or a recovery code after the
password, and the limits on wrong codes."""

from __future__ import annotations

import logging
import time
from typing import Any
from unittest import mock

import pytest
from django.contrib.auth.models import User
from django.test import Client
from django.urls import reverse

from journal.factors import limits, pending
from journal.factors.models import RecoveryCode
from tests.factors.helpers import app_for, is_logged_in, log_in, totp_on

pytestmark = pytest.mark.django_db
VERIFY = "/accounts/login/second-step/"


@pytest.fixture(autouse=True)
def fast_passwords(settings: Any) -> None:
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def no_otp_pause(settings: Any) -> None:
    # django-otp waits 1, 2, 4... seconds after each wrong code; these tests type fast.
    settings.OTP_TOTP_THROTTLE_FACTOR = 0


def wrong_code(right: str) -> str:
    return f"{(int(right) + 1) % 1_000_000:06d}"


def test_an_account_without_a_factor_logs_in_with_the_password(alice: User) -> None:
    client = Client()
    response = log_in(client)

    assert response.status_code == 302 and response["Location"] == "/"
    assert is_logged_in(client)


def test_the_password_alone_does_not_log_in_an_account_with_an_app(alice: User) -> None:
    totp_on(alice)
    client = Client()

    response = log_in(client)

    assert response.status_code == 302 and response["Location"] == VERIFY
    assert not is_logged_in(client)
    # The marker is signed: edited, it is worthless.
    session = client.session
    session[pending.SESSION_KEY] = session[pending.SESSION_KEY][:-2] + "xx"
    session.save()
    assert client.get(VERIFY)["Location"] == reverse("accounts:login")


def test_the_second_step_logs_in_with_the_apps_code_and_keeps_next(alice: User) -> None:
    device, _ = totp_on(alice)
    client = Client()
    client.post(
        "/accounts/login/?next=/timeline/",
        {"username": "alice", "password": "a calm long password 42", "next": "/timeline/"},
        REMOTE_ADDR="203.0.113.7",
    )
    page = client.get(VERIFY)
    assert page.status_code == 200
    assert 'autocomplete="one-time-code"' in page.content.decode()

    response = client.post(VERIFY, {"code": app_for(device).now()})

    assert response.status_code == 302 and response["Location"] == "/timeline/"
    assert is_logged_in(client)
    assert pending.SESSION_KEY not in client.session


def test_a_code_is_good_for_one_log_in_only(alice: User) -> None:
    device, _ = totp_on(alice)
    code = app_for(device).now()
    first = Client()
    log_in(first)
    assert first.post(VERIFY, {"code": code}).status_code == 302

    second = Client()
    log_in(second)
    response = second.post(VERIFY, {"code": code})

    assert response.status_code == 400
    assert not is_logged_in(second)


@pytest.mark.usefixtures("no_otp_pause")
def test_a_wrong_code_is_refused_and_five_end_the_pending_log_in(alice: User) -> None:
    device, _ = totp_on(alice)
    client = Client()
    log_in(client)
    bad = wrong_code(app_for(device).now())

    for _ in range(pending.MAX_FAILURES - 1):
        response = client.post(VERIFY, {"code": bad})
        assert response.status_code == 400
        assert "did not match" in response.content.decode()
    response = client.post(VERIFY, {"code": bad})

    assert response["Location"] == reverse("accounts:login")
    assert not is_logged_in(client)
    # Even the right code is too late now: the password must be typed again.
    assert client.post(VERIFY, {"code": app_for(device).now()})["Location"] == reverse(
        "accounts:login"
    )
    assert not is_logged_in(client)


@pytest.mark.usefixtures("no_otp_pause")
def test_the_account_pauses_after_too_many_wrong_codes_across_log_ins(alice: User) -> None:
    device, _ = totp_on(alice)
    bad = wrong_code(app_for(device).now())
    for _ in range(limits.ACCOUNT_MAX_FAILURES // pending.MAX_FAILURES):
        client = Client()
        log_in(client)
        for _ in range(pending.MAX_FAILURES):
            client.post(VERIFY, {"code": bad})

    client = Client()
    log_in(client)
    response = client.post(VERIFY, {"code": app_for(device).now()}, follow=True)

    assert not is_logged_in(client)
    assert "wait 15 minutes" in response.content.decode()
    assert limits.second_step_paused(user=alice)


def test_the_apps_pause_after_a_wrong_code_is_kept(alice: User) -> None:
    device, _ = totp_on(alice)
    client = Client()
    log_in(client)
    client.post(VERIFY, {"code": wrong_code(app_for(device).now())})

    response = client.post(VERIFY, {"code": app_for(device).now()})

    assert response.status_code == 400
    assert "wait a few seconds" in response.content.decode()


def test_a_recovery_code_works_once(alice: User) -> None:
    _, codes = totp_on(alice)
    client = Client()
    log_in(client)

    response = client.post(VERIFY, {"code": codes[3].upper().replace("-", " ")})

    assert response.status_code == 302 and is_logged_in(client)
    assert RecoveryCode.objects.filter(user=alice, used_at__isnull=True).count() == 9
    again = Client()
    log_in(again)
    assert again.post(VERIFY, {"code": codes[3]}).status_code == 400
    assert not is_logged_in(again)


def test_recovery_codes_are_kept_only_as_hashes(alice: User) -> None:
    _, codes = totp_on(alice)

    stored = list(RecoveryCode.objects.filter(user=alice).values_list("code_hash", "salt"))

    assert len(stored) == 10 == len(set(codes))
    flat = " ".join(part for row in stored for part in row)
    assert not any(code.replace("-", "") in flat or code in flat for code in codes)


def test_the_pending_log_in_ends_after_five_minutes(alice: User) -> None:
    device, _ = totp_on(alice)
    client = Client()
    log_in(client)
    later = time.time() + pending.MAX_AGE_SECONDS + 1

    with mock.patch("django.core.signing.time.time", return_value=later):
        response = client.post(VERIFY, {"code": app_for(device).now()})

    assert response["Location"] == reverse("accounts:login")
    assert not is_logged_in(client)


def test_a_password_change_voids_a_pending_log_in(alice: User) -> None:
    device, _ = totp_on(alice)
    client = Client()
    log_in(client)
    alice.set_password("another calm long password")
    alice.save()

    response = client.post(VERIFY, {"code": app_for(device).now()})

    assert response["Location"] == reverse("accounts:login")


def test_axes_still_locks_out_wrong_passwords(alice: User) -> None:
    totp_on(alice)
    for _ in range(5):
        log_in(Client(), password="not the password at all")

    response = log_in(Client())

    assert response.status_code == 429


@pytest.mark.usefixtures("no_otp_pause")
def test_the_second_step_is_in_the_security_log_without_codes(
    alice: User, caplog: pytest.LogCaptureFixture
) -> None:
    device, codes = totp_on(alice)
    client = Client()
    caplog.set_level(logging.INFO, logger="journal.security")
    log_in(client)
    code = app_for(device).now()
    client.post(VERIFY, {"code": wrong_code(code)})
    client.post(VERIFY, {"code": code})

    text = "\n".join(r.getMessage() for r in caplog.records if r.name == "journal.security")
    assert f"second step asked user_id={alice.pk}" in text
    assert f"second step failed user_id={alice.pk}" in text
    assert f"login ok user_id={alice.pk}" in text
    assert code not in text and wrong_code(code) not in text
    assert not any(c in text for c in codes)
