"""Rate limits shared through the database: imports, PDF exports, password resets, sign-ups,
invitations and log-ins from one address, each with a calm 429."""

from __future__ import annotations

from typing import Any

import pytest
from django.contrib.auth.models import User
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from journal.accounts.services import account_delete
from journal.models import JournalEntry, RateLimitCounter
from tests.factories import PASSWORD
from tests.portability.test_export_formats import build_journal

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def small_limits(settings: Any) -> None:
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    settings.RATE_LIMITS = {
        **settings.RATE_LIMITS,
        "import": (2, 3600),
        "pdf_export": (2, 3600),
        "password_reset": (3, 3600),
        "signup": (3, 3600),
        "invitation": (3, 3600),
        "login": (20, 600),
    }


def json_export(client: Client) -> bytes:
    response: Any = client.get(reverse("portability:download"), {"format": "json"})
    return b"".join(response.streaming_content) if response.streaming else response.content


def upload(client: Client, data: bytes) -> Any:
    upload = SimpleUploadedFile("journal.json", data)
    return client.post(reverse("portability:import"), {"file": upload})


def assert_calm_429(response: Any) -> None:
    assert response.status_code == 429
    html = response.content.decode()
    assert "Please wait a little" in html
    assert "Nothing of yours was changed" in html
    assert int(response["Retry-After"]) > 0


def test_the_third_import_in_an_hour_gets_429_and_writes_nothing(
    alice: User, alice_client: Client, bob: User, bob_client: Client
) -> None:
    build_journal(alice, days=2)
    data = json_export(alice_client)
    for _ in range(2):
        assert upload(bob_client, data).status_code == 200
    before = JournalEntry.objects.filter(user=bob).count()
    response = upload(bob_client, data)
    assert_calm_429(response)
    assert JournalEntry.objects.filter(user=bob).count() == before
    # Only imports are limited; the page itself still opens.
    assert bob_client.get(reverse("portability:import")).status_code == 200


def test_the_import_limit_is_per_account_too(alice: User, alice_client: Client, bob: User) -> None:
    build_journal(alice, days=1)
    data = json_export(alice_client)
    # Bob from two addresses: the account's count is shared.
    for address in ("203.0.113.1", "203.0.113.2"):
        client = Client(REMOTE_ADDR=address)
        client.force_login(bob, backend="django.contrib.auth.backends.ModelBackend")
        assert upload(client, data).status_code == 200
    client = Client(REMOTE_ADDR="203.0.113.3")
    client.force_login(bob, backend="django.contrib.auth.backends.ModelBackend")
    assert upload(client, data).status_code == 429


def test_the_third_pdf_in_an_hour_gets_429(alice: User, alice_client: Client) -> None:
    build_journal(alice, days=1)
    url = reverse("portability:download")
    for _ in range(2):
        response = alice_client.get(url, {"format": "pdf"})
        assert response.status_code == 200
        assert response["Content-Type"] == "application/pdf"
    assert_calm_429(alice_client.get(url, {"format": "pdf"}))
    # Other formats are not counted.
    assert alice_client.get(url, {"format": "csv"}).status_code == 200


def test_the_clinician_summary_pdf_shares_the_pdf_limit(alice: User, alice_client: Client) -> None:
    build_journal(alice, days=1)
    url = reverse("portability:summary_pdf")
    for _ in range(2):
        response = alice_client.post(url)
        assert response.status_code == 200
        assert response["Content-Type"] == "application/pdf"
    assert_calm_429(alice_client.post(url))


def test_password_reset_emails_are_limited(alice: User, client: Client) -> None:
    url = reverse("accounts:password_reset")
    for _ in range(3):
        assert client.post(url, {"email": alice.email}).status_code == 302
    assert len(mail.outbox) == 3
    assert_calm_429(client.post(url, {"email": alice.email}))
    assert len(mail.outbox) == 3


def test_password_resets_for_one_email_are_limited_across_addresses(alice: User) -> None:
    url = reverse("accounts:password_reset")
    for n in range(3):
        Client(REMOTE_ADDR=f"198.51.100.{n}").post(url, {"email": alice.email})
    response = Client(REMOTE_ADDR="198.51.100.9").post(url, {"email": alice.email.upper()})
    assert response.status_code == 429
    assert len(mail.outbox) == 3


def test_sign_ups_from_one_address_are_limited(client: Client, alice: User) -> None:
    url = reverse("accounts:signup")
    for n in range(3):
        data = {
            "username": f"person{n}x",
            "password1": "slow breath over the hills",
            "password2": "slow breath over the hills",
            "time_zone": "UTC",
            "week_start": "0",
        }
        assert client.post(url, data).status_code == 302
        client.post(reverse("accounts:logout"))
    assert_calm_429(client.post(url, {**data, "username": "onemore"}))
    assert not User.objects.filter(username="onemore").exists()


def test_invitation_use_is_limited(client: Client, alice: User, settings: Any) -> None:
    settings.SIGNUP_MODE = "invite"
    for n in range(3):
        client.get(reverse("accounts:signup"), {"invite": f"guess{n}"})
    assert_calm_429(client.get(reverse("accounts:signup"), {"invite": "guess9"}))


def test_thirty_log_ins_with_changing_usernames_from_one_address_are_limited(
    alice: User,
) -> None:
    client = Client(REMOTE_ADDR="192.0.2.50")
    statuses = [
        client.post(
            reverse("accounts:login"), {"username": f"guess{n}", "password": "wrong guess"}
        ).status_code
        for n in range(30)
    ]
    assert statuses[:20] == [200] * 20
    assert statuses[20:] == [429] * 10
    # Even the right password waits: the address is paused, not the account.
    right = client.post(reverse("accounts:login"), {"username": "alice", "password": PASSWORD})
    assert right.status_code == 429
    # From another address alice logs in as usual.
    other = Client(REMOTE_ADDR="192.0.2.51")
    response = other.post(reverse("accounts:login"), {"username": "alice", "password": PASSWORD})
    assert response.status_code == 302


def test_counts_live_in_the_database(alice_client: Client, alice: User) -> None:
    alice_client.get(reverse("portability:download"), {"format": "pdf"})
    keys = set(RateLimitCounter.objects.values_list("key", flat=True))
    assert any(key.startswith(f"pdf_export:user:{alice.pk}:") for key in keys)
    assert any(key.startswith("pdf_export:ip:127.0.0.1:") for key in keys)
    assert set(RateLimitCounter.objects.values_list("count", flat=True)) == {1}


def test_deleting_the_account_removes_its_counts(alice_client: Client, alice: User) -> None:
    alice_client.get(reverse("portability:download"), {"format": "pdf"})
    account_delete(user=alice)
    keys = list(RateLimitCounter.objects.values_list("key", flat=True))
    assert not [key for key in keys if ":user:" in key]
    assert [key for key in keys if ":ip:" in key]


def test_an_ipv6_host_is_counted_by_its_64(alice: User) -> None:
    url = reverse("accounts:login")
    statuses = [
        Client(REMOTE_ADDR=f"2001:db8:1:2::{n:x}")
        .post(url, {"username": f"guess{n}", "password": "x"})
        .status_code
        for n in range(21)
    ]
    assert statuses[-1] == 429
    other = Client(REMOTE_ADDR="2001:db8:1:3::1")
    assert other.post(url, {"username": "alice", "password": PASSWORD}).status_code == 302


def test_reset_emails_are_counted_by_a_digest_of_the_address(alice: User, client: Client) -> None:
    # Whatever is typed (a NUL byte included) is safe to count, and is never stored as typed.
    for typed in (alice.email, "odd\x00@example.org"):
        assert client.post(reverse("accounts:password_reset"), {"email": typed}).status_code in {
            200,
            302,
        }
    keys = list(RateLimitCounter.objects.values_list("key", flat=True))
    assert keys and not any("@" in key or "\x00" in key for key in keys)
    assert sum(key.startswith("password_reset:email:") for key in keys) == 2
