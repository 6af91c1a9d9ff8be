"""Settings → Two-step log-in: turning the app on with a real code, recovery codes shown
once and renewed, and turning factors off only with the password or a code."""

from __future__ import annotations

import logging
import re
from base64 import b32decode
from typing import Any

import pyotp
import pytest
from django.contrib.auth.models import User
from django.test import Client
from django_otp.plugins.otp_totp.models import TOTPDevice

from journal.factors.models import Passkey, RecoveryCode
from tests.factories import PASSWORD
from tests.factors.helpers import app_for, totp_on

pytestmark = pytest.mark.django_db
SETUP = "/settings/two-step/app/"


@pytest.fixture(autouse=True)
def fast_passwords(settings: Any) -> None:
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


def shown_secret(html: str) -> str:
    match = re.search(r'<code class="secret-key"[^>]*>([A-Z2-7 ]+)</code>', html)
    assert match, "the secret is shown as text"
    return match.group(1).replace(" ", "")


def make_passkey(user: User, name: str = "phone") -> Passkey:
    return Passkey.objects.create(
        user=user,
        name=name,
        credential_id=name.encode() + b"-credential",
        public_key=b"not used here",
        user_handle=b"handle",
    )


def test_setting_up_the_app_with_a_real_code_turns_it_on(
    alice_client: Client, alice: User, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.INFO, logger="journal.security")
    page = alice_client.get(SETUP)
    html = page.content.decode()
    assert page.status_code == 200
    assert 'src="data:image/svg+xml' in html and "alt=" in html
    secret = shown_secret(html)
    # Reloading keeps the same secret; nothing is saved before a code confirms it.
    assert shown_secret(alice_client.get(SETUP).content.decode()) == secret
    assert not TOTPDevice.objects.filter(user=alice).exists()

    response = alice_client.post(SETUP, {"code": pyotp.TOTP(secret).now()})

    assert response.status_code == 302
    assert response["Location"] == "/settings/two-step/recovery-codes/"
    device = TOTPDevice.objects.get(user=alice)
    assert device.confirmed and device.bin_key == b32decode(secret)
    codes_page = alice_client.get(response["Location"]).content.decode()
    codes = re.findall(r"<code>([0-9a-z]{4}-[0-9a-z]{4}-[0-9a-z]{4})</code>", codes_page)
    assert len(codes) == 10
    # Shown once only.
    assert alice_client.get("/settings/two-step/recovery-codes/")["Location"] == (
        "/settings/two-step/"
    )
    text = "\n".join(r.getMessage() for r in caplog.records)
    assert f"factor added kind=totp user_id={alice.pk}" in text
    assert secret not in text and not any(code in text for code in codes)


def test_a_wrong_code_does_not_turn_the_app_on(alice_client: Client, alice: User) -> None:
    secret = shown_secret(alice_client.get(SETUP).content.decode())
    right = pyotp.TOTP(secret).now()

    response = alice_client.post(SETUP, {"code": f"{(int(right) + 7) % 1_000_000:06d}"})

    assert response.status_code == 400
    assert "did not match" in response.content.decode()
    assert not TOTPDevice.objects.filter(user=alice).exists()


def test_turning_the_app_off_asks_for_the_password_or_a_code(
    alice_client: Client, alice: User, caplog: pytest.LogCaptureFixture
) -> None:
    device, codes = totp_on(alice)
    url = "/settings/two-step/app/off/"
    caplog.set_level(logging.INFO, logger="journal.security")

    assert alice_client.post(url, {}).status_code == 400
    assert alice_client.post(url, {"password": "not it", "code": "123"}).status_code == 400
    assert TOTPDevice.objects.filter(user=alice).exists()

    response = alice_client.post(url, {"code": codes[0]})

    assert response.status_code == 302
    assert not TOTPDevice.objects.filter(user=alice).exists()
    # With no factor left, the recovery codes go too.
    assert not RecoveryCode.objects.filter(user=alice).exists()
    assert f"factor removed kind=totp user_id={alice.pk}" in caplog.text


def test_the_password_also_confirms_it_is_you(alice_client: Client, alice: User) -> None:
    totp_on(alice)

    response = alice_client.post("/settings/two-step/app/off/", {"password": PASSWORD})

    assert response.status_code == 302
    assert not TOTPDevice.objects.filter(user=alice).exists()


def test_new_recovery_codes_replace_the_old_ones(alice_client: Client, alice: User) -> None:
    device, old = totp_on(alice)
    url = "/settings/two-step/recovery-codes/new/"

    response = alice_client.post(url, {"code": app_for(device).now()})

    assert response["Location"] == "/settings/two-step/recovery-codes/"
    page = alice_client.get(response["Location"]).content.decode()
    new = re.findall(r"<code>([0-9a-z-]{14})</code>", page)
    assert len(new) == 10 and not set(new) & set(old)
    assert RecoveryCode.objects.filter(user=alice).count() == 10


def test_removing_a_passkey_asks_for_the_password(
    alice_client: Client, alice: User, caplog: pytest.LogCaptureFixture
) -> None:
    passkey = make_passkey(alice)
    url = f"/settings/two-step/passkeys/{passkey.uuid}/remove/"
    caplog.set_level(logging.INFO, logger="journal.security")

    assert alice_client.post(url, {"password": "wrong"}).status_code == 400
    response = alice_client.post(url, {"password": PASSWORD})

    assert response.status_code == 302
    assert not Passkey.objects.filter(pk=passkey.pk).exists()
    assert f"factor removed kind=passkey user_id={alice.pk}" in caplog.text


def test_bob_cannot_remove_alices_passkey(bob_client: Client, alice: User) -> None:
    passkey = make_passkey(alice)

    response = bob_client.post(
        f"/settings/two-step/passkeys/{passkey.uuid}/remove/", {"password": PASSWORD}
    )

    assert response.status_code == 404
    assert Passkey.objects.filter(pk=passkey.pk).exists()


def test_there_are_no_recovery_codes_without_a_factor(alice_client: Client, alice: User) -> None:
    response = alice_client.post("/settings/two-step/recovery-codes/new/", {"password": PASSWORD})

    assert response["Location"] == "/settings/two-step/"
    assert not RecoveryCode.objects.filter(user=alice).exists()


def test_settings_links_to_the_two_step_page(alice_client: Client) -> None:
    html = alice_client.get("/settings/").content.decode()

    assert 'href="/settings/two-step/"' in html


def test_the_overview_lists_factors(alice_client: Client, alice: User) -> None:
    totp_on(alice)
    make_passkey(alice, "laptop")

    html = alice_client.get("/settings/two-step/").content.decode()

    assert "Turn off the authenticator app" in html
    assert "laptop" in html
    assert "10 unused codes left" in html


class TestQueryCounts:
    def test_overview(
        self, alice_client: Client, alice: User, django_assert_num_queries: Any
    ) -> None:
        totp_on(alice)
        for name in ("phone", "laptop", "key", "tablet"):
            make_passkey(alice, name)
        # session, user, profile (time zone), recovery-code counts, the app, the passkeys
        with django_assert_num_queries(6):
            assert alice_client.get("/settings/two-step/").status_code == 200

    def test_app_setup(self, alice_client: Client, django_assert_num_queries: Any) -> None:
        alice_client.get(SETUP)
        # session, user, profile, is the app already on
        with django_assert_num_queries(4):
            assert alice_client.get(SETUP).status_code == 200

    def test_turning_off(
        self, alice_client: Client, alice: User, django_assert_num_queries: Any
    ) -> None:
        totp_on(alice)
        # session, user, profile, is the app on
        with django_assert_num_queries(4):
            assert alice_client.get("/settings/two-step/app/off/").status_code == 200

    def test_removing_a_passkey(
        self, alice_client: Client, alice: User, django_assert_num_queries: Any
    ) -> None:
        passkey = make_passkey(alice)
        # session, user, profile, the passkey
        with django_assert_num_queries(4):
            url = f"/settings/two-step/passkeys/{passkey.uuid}/remove/"
            assert alice_client.get(url).status_code == 200

    def test_new_recovery_codes(
        self, alice_client: Client, alice: User, django_assert_num_queries: Any
    ) -> None:
        totp_on(alice)
        # session, user, profile, has a factor (the app)
        with django_assert_num_queries(4):
            assert alice_client.get("/settings/two-step/recovery-codes/new/").status_code == 200

    def test_showing_recovery_codes(
        self, alice_client: Client, alice: User, django_assert_num_queries: Any
    ) -> None:
        device, _ = totp_on(alice)
        alice_client.post("/settings/two-step/recovery-codes/new/", {"code": app_for(device).now()})
        # session, user, profile, and the session saved without the codes (an UPDATE
        # inside a savepoint and its release)
        with django_assert_num_queries(6):
            assert alice_client.get("/settings/two-step/recovery-codes/").status_code == 200

    def test_second_step(self, alice: User, django_assert_num_queries: Any) -> None:
        from tests.factors.helpers import log_in

        totp_on(alice)
        client = Client()
        log_in(client)
        # session, the pending account, its app, its passkeys
        with django_assert_num_queries(4):
            assert client.get("/accounts/login/second-step/").status_code == 200
