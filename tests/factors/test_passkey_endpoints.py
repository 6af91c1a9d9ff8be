"""The JSON endpoints of passkeys, short of a real authenticator (the browser suite has one):
what options they send, and that anything that does not check out is refused."""

from __future__ import annotations

import json
import logging
from io import StringIO
from typing import Any

import pytest
from django.contrib.auth.models import User
from django.core.management import call_command
from django.test import Client
from django_otp.plugins.otp_totp.models import TOTPDevice
from webauthn.helpers import bytes_to_base64url

from journal.factors.models import Passkey, RecoveryCode
from tests.factors.helpers import is_logged_in, log_in, totp_on
from tests.factors.test_factor_settings import make_passkey

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def fast_passwords(settings: Any) -> None:
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


def post_json(client: Client, url: str, data: Any = None) -> Any:
    return client.post(url, json.dumps(data or {}), content_type="application/json")


def test_password_less_options_ask_the_authenticator_to_verify_the_person() -> None:
    options = post_json(Client(), "/accounts/login/passkey/options/").json()

    assert options["rpId"] == "testserver"
    assert options["userVerification"] == "required"
    assert options["allowCredentials"] == []
    assert len(options["challenge"]) >= 40


def test_second_step_options_name_only_that_accounts_passkeys(alice: User, bob: User) -> None:
    mine = make_passkey(alice, "phone")
    make_passkey(bob, "bobs")
    client = Client()
    log_in(client)

    options = post_json(client, "/accounts/login/passkey/options/").json()

    assert [c["id"] for c in options["allowCredentials"]] == [
        bytes_to_base64url(bytes(mine.credential_id))
    ]


def test_a_made_up_answer_does_not_log_in(alice: User, caplog: pytest.LogCaptureFixture) -> None:
    make_passkey(alice)
    client = Client()
    post_json(client, "/accounts/login/passkey/options/")
    caplog.set_level(logging.INFO, logger="journal.security")
    fake = {
        "id": bytes_to_base64url(b"phone-credential"),
        "rawId": bytes_to_base64url(b"phone-credential"),
        "type": "public-key",
        "response": {
            "clientDataJSON": bytes_to_base64url(b"{}"),
            "authenticatorData": bytes_to_base64url(b"\0" * 37),
            "signature": bytes_to_base64url(b"sig"),
            "userHandle": bytes_to_base64url(b"handle"),
        },
    }

    response = post_json(client, "/accounts/login/passkey/", {"credential": fake})

    assert response.status_code == 400 and "error" in response.json()
    assert not is_logged_in(client)
    assert "passkey refused" in caplog.text
    # The challenge was spent: the same answer again has nothing to match.
    assert post_json(client, "/accounts/login/passkey/", {"credential": fake}).status_code == 400


def test_not_json_is_refused() -> None:
    response = Client().post("/accounts/login/passkey/", "nonsense", content_type="text/plain")

    assert response.status_code == 400


def test_registration_options_keep_one_user_handle_and_exclude_known_passkeys(
    alice_client: Client, alice: User
) -> None:
    existing = make_passkey(alice, "phone")

    options = post_json(alice_client, "/settings/two-step/passkeys/options/").json()

    assert options["rp"]["id"] == "testserver"
    assert options["user"]["name"] == "alice"
    assert options["user"]["id"] == bytes_to_base64url(b"handle")
    assert options["authenticatorSelection"]["residentKey"] == "required"
    assert [c["id"] for c in options["excludeCredentials"]] == [
        bytes_to_base64url(bytes(existing.credential_id))
    ]


def test_a_registration_without_a_real_credential_adds_nothing(
    alice_client: Client, alice: User
) -> None:
    post_json(alice_client, "/settings/two-step/passkeys/options/")

    response = post_json(
        alice_client, "/settings/two-step/passkeys/", {"credential": {"id": "x"}, "name": "x"}
    )

    assert response.status_code == 400
    assert not Passkey.objects.filter(user=alice).exists()


def test_the_host_can_turn_every_factor_off(alice: User) -> None:
    totp_on(alice)
    make_passkey(alice)
    out = StringIO()

    call_command("factors_off", "alice", stdout=out)

    assert "Removed 2" in out.getvalue()
    assert not TOTPDevice.objects.filter(user=alice).exists()
    assert not Passkey.objects.filter(user=alice).exists()
    assert not RecoveryCode.objects.filter(user=alice).exists()
    client = Client()
    assert log_in(client)["Location"] == "/"
