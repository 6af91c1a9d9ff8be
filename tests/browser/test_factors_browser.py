"""Passkeys in a real browser, through Chromium's virtual authenticator (DevTools protocol),
and the two-step pages scanned by axe.

The live server answers on http://localhost:PORT. localhost is a secure context, so the
browser allows WebAuthn there over plain HTTP, and `localhost` is the relying party id.
"""

from __future__ import annotations

import re
from base64 import b32decode
from typing import Any

import pyotp
import pytest
from django.contrib.auth.models import User
from django_otp.plugins.otp_totp.models import TOTPDevice
from playwright.sync_api import Page, expect

from journal.factors.models import Passkey
from tests.browser.a11y import serious_violations
from tests.browser.conftest import log_in, screenshot
from tests.factories import PASSWORD

pytestmark = pytest.mark.django_db(transaction=True)


def add_virtual_authenticator(page: Page) -> Any:
    cdp = page.context.new_cdp_session(page)
    cdp.send("WebAuthn.enable")
    cdp.send(
        "WebAuthn.addVirtualAuthenticator",
        {
            "options": {
                "protocol": "ctap2",
                "transport": "internal",
                "hasResidentKey": True,
                "hasUserVerification": True,
                "isUserVerified": True,
            }
        },
    )
    return cdp


def log_out(page: Page) -> None:
    page.get_by_role("button", name="Log out").click()
    expect(page.get_by_role("navigation").get_by_role("link", name="Log in")).to_be_visible()


def scan_light_and_dark(page: Page, name: str) -> None:
    for scheme in ("light", "dark"):
        page.emulate_media(color_scheme=scheme)
        assert serious_violations(page) == [], f"{name} ({scheme})"
    page.emulate_media(color_scheme="light")


def test_a_passkey_is_added_then_logs_in_with_and_without_a_password(
    page: Page, alice: User, live_server: Any
) -> None:
    assert live_server.url.startswith("http://localhost:")
    add_virtual_authenticator(page)
    log_in(page, "alice", PASSWORD)

    page.goto("/settings/")
    page.get_by_role("link", name="Two-step log-in and passkeys").click()
    scan_light_and_dark(page, "two-step overview")
    page.get_by_label("Name for this passkey").fill("this laptop")
    page.get_by_role("button", name="Add a passkey").click()

    # The first factor comes with ten recovery codes, shown once.
    page.wait_for_url("**/settings/two-step/recovery-codes/")
    assert page.locator(".recovery-codes li").count() == 10
    scan_light_and_dark(page, "recovery codes")
    screenshot(page, "factors-recovery-codes")
    page.get_by_role("link", name="I have kept them").click()
    assert page.get_by_text("this laptop", exact=True).is_visible()
    screenshot(page, "factors-overview")
    passkey = Passkey.objects.get(user=alice)
    assert passkey.name == "this laptop" and passkey.user_handle

    # Without a password.
    log_out(page)
    page.goto("/accounts/login/")
    screenshot(page, "factors-login-page")
    page.get_by_role("button", name="Log in with a passkey").click()
    page.wait_for_url(f"{live_server.url}/")
    assert page.get_by_role("button", name="Log out").is_visible()
    log_out(page)

    # As the second step after the password.
    page.goto("/accounts/login/")
    page.get_by_label("Username").fill("alice")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in", exact=True).click()
    page.wait_for_url("**/accounts/login/second-step/")
    scan_light_and_dark(page, "second step")
    page.get_by_role("button", name="Use your passkey").click()
    page.wait_for_url(f"{live_server.url}/")
    assert page.get_by_role("button", name="Log out").is_visible()
    passkey.refresh_from_db()
    assert passkey.last_used_at is not None
    assert page.console_errors == []  # type: ignore[attr-defined]


def test_the_app_is_set_up_by_scanning_or_typing_the_key(
    page: Page, alice: User, live_server: Any
) -> None:
    log_in(page, "alice", PASSWORD)
    page.goto("/settings/two-step/app/")
    qr = page.get_by_role("img", name=re.compile("QR code"))
    assert qr.is_visible() and qr.bounding_box()["width"] >= 200  # type: ignore[index]
    scan_light_and_dark(page, "app set-up")
    screenshot(page, "factors-app-setup")
    secret = page.locator(".secret-key").inner_text().replace(" ", "")

    page.get_by_label("Code from the app").fill(pyotp.TOTP(secret).now())
    page.get_by_role("button", name="Turn on").click()

    page.wait_for_url("**/settings/two-step/recovery-codes/")
    assert TOTPDevice.objects.get(user=alice).bin_key == b32decode(secret)
    page.goto("/settings/two-step/app/off/")
    scan_light_and_dark(page, "turn the app off")
    assert page.console_errors == []  # type: ignore[attr-defined]


def test_without_javascript_the_passkey_button_stays_hidden(no_js_page: Page, alice: User) -> None:
    no_js_page.goto("/accounts/login/")

    assert no_js_page.get_by_role("button", name="Log in with a passkey").count() == 0
    assert no_js_page.get_by_role("button", name="Log in", exact=True).is_visible()


def test_on_a_phone_every_target_on_the_two_step_pages_is_big_enough(
    phone_page: Page, alice: User
) -> None:
    from tests.factors.helpers import totp_on

    _, codes = totp_on(alice)
    passkey = Passkey.objects.create(
        user=alice, name="phone", credential_id=b"c", public_key=b"-", user_handle=b"h"
    )
    page = phone_page
    log_in(page, "alice", PASSWORD)  # the password step: the second step comes next
    page.wait_for_url("**/accounts/login/second-step/")
    small = _small_targets(page, "second step")
    screenshot(page, "factors-second-step-phone")
    page.get_by_label("Code").fill(codes[0])
    page.get_by_role("button", name="Continue").click()
    page.wait_for_url("**/")
    for path in [
        "/settings/two-step/",
        "/settings/two-step/app/off/",
        "/settings/two-step/recovery-codes/new/",
        f"/settings/two-step/passkeys/{passkey.uuid}/remove/",
    ]:
        page.goto(path)
        small += _small_targets(page, path)
    screenshot(page, "factors-remove-passkey-phone")
    assert small == []


def _small_targets(page: Page, path: str) -> list[str]:
    found = []
    for target in page.locator("main a:visible, main button:visible, main input:visible").all():
        box = target.bounding_box()
        if box and box["height"] < 44:
            found.append(f"{path}: {target.inner_text() or target.get_attribute('name')}")
    return found
