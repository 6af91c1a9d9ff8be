"""Passkeys end to end through the JSON endpoints, answered by a software authenticator:
added in Settings, then used as the second step and as a log-in without a password."""

from __future__ import annotations

import json
from typing import Any

import pytest
from django.contrib.auth.models import User
from django.test import Client

from journal.factors.models import Passkey, RecoveryCode
from tests.factors.helpers import is_logged_in, log_in
from tests.factors.soft_authenticator import SoftAuthenticator

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def fast_passwords(settings: Any) -> None:
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


def post_json(client: Client, url: str, data: Any = None) -> Any:
    return client.post(url, json.dumps(data or {}), content_type="application/json")


def add_passkey(client: Client, authenticator: SoftAuthenticator, name: str = "phone") -> Any:
    options = post_json(client, "/settings/two-step/passkeys/options/").json()
    answer = authenticator.create(options)
    return post_json(client, "/settings/two-step/passkeys/", {"credential": answer, "name": name})


def passkey_log_in(client: Client, authenticator: SoftAuthenticator, **kwargs: Any) -> Any:
    options = post_json(client, "/accounts/login/passkey/options/").json()
    answer = authenticator.get(options, **kwargs)
    return post_json(client, "/accounts/login/passkey/", {"credential": answer, "next": "/review/"})


@pytest.fixture
def phone(alice_client: Client) -> SoftAuthenticator:
    authenticator = SoftAuthenticator()
    response = add_passkey(alice_client, authenticator)
    assert response.status_code == 200, response.content
    return authenticator


def test_adding_the_first_passkey_makes_recovery_codes(
    alice_client: Client, alice: User, phone: SoftAuthenticator
) -> None:
    passkey = Passkey.objects.get(user=alice)
    assert passkey.name == "phone" and passkey.transports == ["internal"]
    assert bytes(passkey.credential_id) == phone.credential_id
    assert RecoveryCode.objects.filter(user=alice).count() == 10
    page = alice_client.get("/settings/two-step/recovery-codes/")
    assert page.status_code == 200 and page.content.decode().count("<code>") == 10


def test_the_same_passkey_cannot_be_added_twice(
    alice_client: Client, alice: User, phone: SoftAuthenticator
) -> None:
    response = add_passkey(alice_client, phone, "again")

    assert response.status_code == 400
    assert Passkey.objects.filter(user=alice).count() == 1


def test_a_passkey_logs_in_without_a_password(alice: User, phone: SoftAuthenticator) -> None:
    client = Client()

    response = passkey_log_in(client, phone)

    assert response.json() == {"redirect": "/review/"}
    assert is_logged_in(client)
    assert int(client.session["_auth_user_id"]) == alice.pk
    assert Passkey.objects.get(user=alice).sign_count == phone.sign_count


def test_without_a_password_the_authenticator_must_verify_the_person(
    alice: User, phone: SoftAuthenticator
) -> None:
    phone.verifies_user = False
    client = Client()

    assert passkey_log_in(client, phone).status_code == 400
    assert not is_logged_in(client)


def test_a_cloned_passkey_whose_counter_goes_back_is_refused(
    alice: User, phone: SoftAuthenticator
) -> None:
    assert passkey_log_in(Client(), phone, count_step=5).status_code == 200
    client = Client()

    assert passkey_log_in(client, phone, count_step=-2).status_code == 400
    assert not is_logged_in(client)


def test_a_passkey_is_the_second_step_after_the_password(
    alice: User, phone: SoftAuthenticator
) -> None:
    client = Client()
    assert log_in(client)["Location"] == "/accounts/login/second-step/"
    assert not is_logged_in(client)

    response = passkey_log_in(client, phone)

    assert response.status_code == 200 and is_logged_in(client)
    # The next page is the one the password form was given, not the script's.
    assert response.json() == {"redirect": "/"}


def test_another_accounts_passkey_is_not_alices_second_step(
    alice: User, bob: User, phone: SoftAuthenticator, bob_client: Client
) -> None:
    bobs = SoftAuthenticator()
    assert add_passkey(bob_client, bobs).status_code == 200
    client = Client()
    log_in(client)

    response = passkey_log_in(client, bobs)

    assert response.status_code == 400
    assert not is_logged_in(client)
