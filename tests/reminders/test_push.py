"""Web Push for real: `reminders --once` encrypts a reminder for a subscription made with the
test's own keys, a push service on 127.0.0.1 receives it, and the test decrypts it."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.contrib.auth.models import User
from django.core.management import call_command
from django.utils import timezone

from journal.reminders.models import PushSubscription, Reminder, ReminderDelivery, ReminderKind
from journal.reminders.push import vapid_keys_make
from tests.factories import builtin_practice
from tests.reminders.push_service import BrowserKeys, push_service

pytestmark = pytest.mark.django_db


def due_reminder(user: User, **fields: object) -> Reminder:
    """A reminder whose slot was five minutes ago in the person's zone."""
    zone = user.profile.zone
    at = (
        (timezone.now() - timedelta(minutes=5))
        .astimezone(zone)
        .time()
        .replace(second=0, microsecond=0)
    )
    return Reminder.objects.create(user=user, at=at, **{"kind": ReminderKind.CHECK_IN, **fields})


def subscribe(user: User, endpoint: str, keys: BrowserKeys) -> PushSubscription:
    return PushSubscription.objects.create(
        user=user, endpoint=endpoint, p256dh=keys.p256dh, auth=keys.auth_b64, device="Test phone"
    )


def test_a_check_in_reminder_arrives_encrypted_with_its_words_and_link(alice: User) -> None:
    server_keys, _ = vapid_keys_make()
    browser = BrowserKeys()
    with push_service() as service:
        subscribe(alice, f"{service.url}/push/alice-phone", browser)
        due_reminder(alice)
        call_command("reminders", "--once")

    assert len(service.received) == 1
    message = service.received[0]
    assert message.path == "/push/alice-phone"
    assert message.headers["content-encoding"] == "aes128gcm"
    assert message.headers["ttl"] == "3600"
    # VAPID: a signed token and the server's public key, the one browsers subscribe with.
    assert message.headers["authorization"].startswith("vapid t=")
    assert f"k={server_keys.public_key}" in message.headers["authorization"]
    payload = browser.decrypt(message.body)
    assert payload == {
        "title": "A moment for a check-in, if you like",
        "body": "Whatever you notice is welcome, in a minute or in ten.",
        "url": "/#check-in",
    }
    assert ReminderDelivery.objects.get().sent_at is not None


def test_a_practice_reminder_opens_the_practices_start_page(alice: User) -> None:
    vapid_keys_make()
    browser = BrowserKeys()
    practice = builtin_practice("body-scan")
    with push_service() as service:
        subscribe(alice, f"{service.url}/push/1", browser)
        due_reminder(alice, kind=ReminderKind.PRACTICE, practice=practice)
        call_command("reminders", "--once")
    payload = browser.decrypt(service.received[0].body)
    assert payload["url"] == f"/practices/{practice.slug}/start/"
    assert practice.name.lower() in payload["title"]
    for word in ("missed", "streak", "days in a row"):
        assert word not in (payload["title"] + payload["body"]).lower()


def test_a_gone_subscription_is_removed_and_the_others_still_get_it(
    alice: User, caplog: pytest.LogCaptureFixture
) -> None:
    vapid_keys_make()
    phone, laptop = BrowserKeys(), BrowserKeys()
    with push_service() as service:
        subscribe(alice, f"{service.url}/push/old-phone/gone", phone)
        subscribe(alice, f"{service.url}/push/laptop", laptop)
        due_reminder(alice)
        with caplog.at_level("INFO", logger="journal.reminders"):
            call_command("reminders", "--once")

    assert sorted(r.path for r in service.received) == ["/push/laptop", "/push/old-phone/gone"]
    assert list(PushSubscription.objects.values_list("device", flat=True)) == ["Test phone"]
    assert PushSubscription.objects.get().endpoint.endswith("/push/laptop")
    logged = caplog.text.lower()
    assert "status=410" in logged
    for word in ("check-in", "moment", "pain"):
        assert word not in logged


def test_a_slot_goes_out_once_however_often_the_sender_runs(alice: User) -> None:
    vapid_keys_make()
    browser = BrowserKeys()
    with push_service() as service:
        subscribe(alice, f"{service.url}/push/1", browser)
        due_reminder(alice)
        for _ in range(3):
            call_command("reminders", "--once")
    assert len(service.received) == 1
    assert ReminderDelivery.objects.count() == 1


def test_no_push_without_vapid_keys_and_nothing_for_a_reminder_turned_off(alice: User) -> None:
    browser = BrowserKeys()
    with push_service() as service:
        subscribe(alice, f"{service.url}/push/1", browser)
        due_reminder(alice, enabled=False)
        call_command("reminders", "--once")
    assert service.received == []
    assert ReminderDelivery.objects.count() == 0


def test_a_sender_that_was_down_catches_up_one_hour_and_skips_older(alice: User) -> None:
    from journal.reminders.sender import run_once

    vapid_keys_make()
    browser = BrowserKeys()
    with push_service() as service:
        subscribe(alice, f"{service.url}/push/1", browser)
        zone = alice.profile.zone
        now = timezone.now()
        for minutes in (50, 70, 180):
            at = (now - timedelta(minutes=minutes)).astimezone(zone).time()
            Reminder.objects.create(
                user=alice, kind=ReminderKind.CHECK_IN, at=at.replace(second=0, microsecond=0)
            )
        report = run_once(now)
    assert report.claimed == 1
    assert len(service.received) == 1


def test_vapid_keys_are_made_once_and_replaced_only_when_asked(
    capsys: pytest.CaptureFixture[str],
) -> None:
    call_command("vapid_keys")
    first = capsys.readouterr().out
    call_command("vapid_keys")
    assert capsys.readouterr().out.replace("kept", "made") == first
    call_command("vapid_keys", "--replace")
    replaced = capsys.readouterr().out
    assert "made" in replaced and replaced != first
    key = replaced.rsplit(" ", 1)[1].strip()
    assert len(key) == 87  # base64url of an uncompressed P-256 point (65 bytes)
