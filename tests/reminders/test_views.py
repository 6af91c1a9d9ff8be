"""The reminder settings page, devices, and the installable app's manifest, worker and
offline page."""

from __future__ import annotations

import json
from datetime import time
from typing import Any

import pytest
from django.contrib.auth.models import User
from django.contrib.staticfiles import finders
from django.test import Client

from journal.reminders.models import PushSubscription, Reminder, ReminderKind, ReminderPreferences
from journal.reminders.push import vapid_keys_make
from tests.factories import PracticeFactory, builtin_practice

pytestmark = pytest.mark.django_db


def add(client: Client, **fields: object) -> object:
    data = {
        "kind": "check_in",
        "at": "07:30",
        "weekdays": ["0", "1", "2", "3", "4"],
        "by_push": "on",
        "enabled": "on",
    }
    data.update(fields)  # type: ignore[arg-type]
    return client.post("/reminders/", data)


def test_reminders_are_off_until_the_person_adds_one(alice_client: Client, alice: User) -> None:
    page = alice_client.get("/reminders/")
    assert page.status_code == 200
    assert "No reminders" in page.content.decode()
    assert not Reminder.objects.exists()


def test_adding_a_check_in_reminder(alice_client: Client, alice: User) -> None:
    response = add(alice_client)
    assert response.status_code == 302  # type: ignore[attr-defined]
    reminder = Reminder.objects.get(user=alice)
    assert (reminder.kind, reminder.at, reminder.days, reminder.by_push) == (
        "check_in",
        time(7, 30),
        "01234",
        True,
    )
    page = alice_client.get("/reminders/").content.decode()
    assert "07:30" in page and "next on" in page


def test_a_practice_reminder_with_a_chosen_practice(alice_client: Client, alice: User) -> None:
    practice = builtin_practice("body-scan")
    add(alice_client, kind="practice", practice=str(practice.pk))
    assert Reminder.objects.get(user=alice).practice == practice


def test_someone_elses_practice_cannot_be_chosen(alice_client: Client, bob: User) -> None:
    bobs: Any = PracticeFactory(user=bob)
    response = add(alice_client, kind="practice", practice=str(bobs.pk))
    assert response.status_code == 400  # type: ignore[attr-defined]
    assert not Reminder.objects.exists()


def test_a_reminder_needs_a_way_to_arrive_and_email_needs_an_address(
    alice_client: Client, alice: User
) -> None:
    assert add(alice_client, by_push="").status_code == 400  # type: ignore[attr-defined]
    User.objects.filter(pk=alice.pk).update(email="")
    assert add(alice_client, by_push="", by_email="on").status_code == 400  # type: ignore[attr-defined]
    assert not Reminder.objects.exists()


def test_the_week_reminder_needs_no_days(alice_client: Client, alice: User) -> None:
    add(alice_client, kind="week", weekdays=[], at="18:00")
    assert Reminder.objects.get(user=alice).kind == ReminderKind.WEEK


def test_editing_and_removing(alice_client: Client, alice: User) -> None:
    add(alice_client)
    reminder = Reminder.objects.get()
    url = f"/reminders/{reminder.uuid}/"
    assert alice_client.get(url).status_code == 200
    alice_client.post(
        url, {"kind": "check_in", "at": "21:00", "weekdays": ["5", "6"], "by_email": "on"}
    )
    reminder.refresh_from_db()
    assert (reminder.at, reminder.days, reminder.by_push, reminder.by_email, reminder.enabled) == (
        time(21),
        "56",
        False,
        True,
        False,
    )
    alice_client.post(f"{url}delete/")
    assert not Reminder.objects.exists()


def test_bob_cannot_touch_alices_reminder(alice_client: Client, bob_client: Client) -> None:
    add(alice_client)
    reminder = Reminder.objects.get()
    assert bob_client.get(f"/reminders/{reminder.uuid}/").status_code == 404
    assert bob_client.post(f"/reminders/{reminder.uuid}/delete/").status_code == 404
    assert Reminder.objects.count() == 1


def test_quiet_hours_and_pause(alice_client: Client, alice: User) -> None:
    alice_client.post("/reminders/quiet-hours/", {"quiet_from": "22:00", "quiet_until": "07:00"})
    prefs = ReminderPreferences.objects.get(user=alice)
    assert (prefs.quiet_from, prefs.quiet_until) == (time(22), time(7))
    assert alice_client.post("/reminders/quiet-hours/", {"quiet_from": "22:00"}).status_code == 400

    alice_client.post("/reminders/pause/", {"days": "3"})
    prefs.refresh_from_db()
    assert prefs.paused_until is not None
    assert "paused until" in alice_client.get("/reminders/").content.decode()
    alice_client.post("/reminders/pause/", {"days": "0"})
    prefs.refresh_from_db()
    assert prefs.paused_until is None


def test_a_device_subscribes_is_listed_and_can_be_removed(
    alice_client: Client, alice: User, bob_client: Client
) -> None:
    data = {
        "endpoint": "https://push.example.net/send/abc",
        "p256dh": "BPk",
        "auth": "xyz",
        "device": "Firefox on Android",
    }
    response = alice_client.post("/reminders/devices/", data)
    assert response.status_code == 201
    subscription = PushSubscription.objects.get(user=alice)
    assert "Firefox on Android" in alice_client.get("/reminders/").content.decode()
    # The same browser subscribing again replaces its row.
    alice_client.post("/reminders/devices/", {**data, "auth": "new"})
    assert PushSubscription.objects.get().auth == "new"
    assert bob_client.post(f"/reminders/devices/{subscription.uuid}/remove/").status_code == 404
    alice_client.post(f"/reminders/devices/{subscription.uuid}/remove/")
    assert not PushSubscription.objects.exists()


def test_the_settings_page_query_count(
    alice_client: Client, alice: User, django_assert_num_queries
) -> None:
    vapid_keys_make()
    for hour in range(6):
        add(
            alice_client,
            at=f"{hour + 6:02d}:15",
            kind="practice",
            practice=str(builtin_practice("body-scan").pk),
        )
    for n in range(3):
        PushSubscription.objects.create(
            user=alice, endpoint=f"https://push.example.net/{n}", p256dh="k", auth="a"
        )
    alice_client.get("/reminders/")
    # session, user, profile, preferences, reminders with their practices, devices, the VAPID
    # public key, the practice choices of the add form
    with django_assert_num_queries(8):
        assert alice_client.get("/reminders/").status_code == 200


def test_the_settings_page_links_here(alice_client: Client) -> None:
    assert 'href="/reminders/"' in alice_client.get("/settings/").content.decode()


def test_the_manifest(client: Client) -> None:
    response = client.get("/manifest.webmanifest")
    assert response["Content-Type"] == "application/manifest+json"
    manifest = json.loads(response.content)
    assert manifest["start_url"] == "/"
    assert manifest["display"] == "standalone"
    assert manifest["name"] and manifest["short_name"]
    sizes = {(i["sizes"], i.get("purpose", "any")) for i in manifest["icons"]}
    assert {("192x192", "any"), ("512x512", "any"), ("512x512", "maskable")} <= sizes
    for icon in manifest["icons"]:
        assert finders.find(icon["src"].removeprefix("/static/")), icon


def test_every_page_links_the_manifest_and_theme_colours(
    client: Client, alice_client: Client
) -> None:
    for page in (client.get("/"), alice_client.get("/")):
        html = page.content.decode()
        assert '<link rel="manifest" href="/manifest.webmanifest">' in html
        assert html.count('name="theme-color"') == 2
        assert "js/offline-queue.js" in html


def test_the_service_worker_is_served_for_the_whole_site(client: Client) -> None:
    response = client.get("/sw.js")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/javascript")
    assert response["Service-Worker-Allowed"] == "/"
    assert "no-cache" in response["Cache-Control"]
    assert "Content-Security-Policy" in response
    config = json.loads(
        response.content.decode().split("\n", 1)[0].removeprefix("self.APP_CONFIG = ").rstrip(";")
    )
    # The app shell only: static files and the offline page, never a page with a journal.
    assert all(url.startswith("/static/") or url == "/offline/" for url in config["shell"])
    assert "/offline/" in config["shell"]
    source = response.content.decode()
    assert 'addEventListener("fetch"' in source and 'addEventListener("push"' in source


def test_the_offline_page_holds_no_ones_data(client: Client, alice_client: Client) -> None:
    page = client.get("/offline/")
    assert page.status_code == 200
    assert "No connection just now" in page.content.decode()


def test_the_edit_page_query_count(
    alice_client: Client, alice: User, django_assert_num_queries: Any
) -> None:
    add(alice_client)
    url = f"/reminders/{Reminder.objects.get().uuid}/"
    alice_client.get(url)
    # session, user, profile, the reminder, the practice choices
    with django_assert_num_queries(5):
        assert alice_client.get(url).status_code == 200


def test_the_public_files_need_no_database(
    client: Client, alice: User, django_assert_num_queries: Any
) -> None:
    from journal.reminders.mail import unsubscribe_token

    with django_assert_num_queries(0):
        for url in ("/manifest.webmanifest", "/sw.js", "/offline/"):
            assert client.get(url).status_code == 200
    # The unsubscribe page looks up the person the signed token names.
    with django_assert_num_queries(1):
        assert client.get(f"/reminders/unsubscribe/{unsubscribe_token(alice)}/").status_code == 200


@pytest.mark.parametrize(
    "endpoint",
    [
        "http://push.example.net/send/1",
        "https://127.0.0.1/send/1",
        "https://10.0.0.5/send/1",
        "https://[::1]/send/1",
        "https://localhost/send/1",
    ],
)
def test_in_production_an_endpoint_must_be_a_public_https_host(
    alice_client: Client, settings: Any, endpoint: str
) -> None:
    settings.DEBUG = False
    data = {"endpoint": endpoint, "p256dh": "k", "auth": "a"}
    assert alice_client.post("/reminders/devices/", data).status_code == 400
    assert not PushSubscription.objects.exists()
    ok = alice_client.post("/reminders/devices/", {**data, "endpoint": "https://fcm.example.com/x"})
    assert ok.status_code == 201


def test_one_account_cannot_fill_the_table_with_devices(alice_client: Client, alice: User) -> None:
    from journal.reminders.services import MAX_DEVICES

    for n in range(MAX_DEVICES):
        PushSubscription.objects.create(
            user=alice, endpoint=f"https://push.example.net/{n}", p256dh="k", auth="a"
        )
    data = {"endpoint": "https://push.example.net/one-more", "p256dh": "k", "auth": "a"}
    assert alice_client.post("/reminders/devices/", data).status_code == 400
    again = {"endpoint": "https://push.example.net/3", "p256dh": "k2", "auth": "a2"}
    assert alice_client.post("/reminders/devices/", again).status_code == 201
    assert PushSubscription.objects.count() == MAX_DEVICES
