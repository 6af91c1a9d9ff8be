"""Your devices: the list, ending one or the others, log-out on one device, keep me logged in,
and the new-device email."""

from __future__ import annotations

import time
from typing import Any

import pytest
from django.contrib.auth.models import User
from django.core import mail
from django.test import Client
from django.urls import reverse

from journal.accounts.devices import device_id, device_label
from journal.accounts.session_keys import KEEP, LAST_SEEN, LOGIN_AT
from journal.models import AccountSession
from tests.factories import PASSWORD

pytestmark = pytest.mark.django_db

FIREFOX = "Mozilla/5.0 (X11; Ubuntu; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0"
IPHONE = (
    "Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 "
    "(KHTML, like Gecko) Version/17.4 Mobile/15E148 Safari/604.1"
)


@pytest.fixture(autouse=True)
def fast_passwords(settings: Any) -> None:
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


def log_in(user: User, agent: str = FIREFOX, *, remember: bool = False, **kwargs: Any) -> Client:
    client = Client(headers={"user-agent": agent}, **kwargs)
    data = {"username": user.username, "password": PASSWORD}
    if remember:
        data["remember"] = "on"
    response = client.post(reverse("accounts:login"), data)
    assert response.status_code == 302
    return client


def shift_clocks(client: Client, *, login_ago: int, seen_ago: int) -> None:
    session = client.session
    now = int(time.time())
    session[LOGIN_AT] = now - login_ago
    session[LAST_SEEN] = now - seen_ago
    session.save()


def test_device_labels_are_short() -> None:
    assert device_label(FIREFOX) == "Firefox 128 on Ubuntu"
    assert device_label(IPHONE) == "Mobile Safari 17 on iOS"
    assert device_label("") == "An unknown browser"
    assert len(device_label("x" * 100_000)) < 100


def test_the_devices_page_lists_every_log_in_and_marks_this_one(
    alice: User, django_assert_num_queries: Any
) -> None:
    laptop = log_in(alice, FIREFOX)
    log_in(alice, IPHONE)
    log_in(alice, IPHONE)
    # session, user, profile (time zone), the person's sessions
    with django_assert_num_queries(4):
        response = laptop.get(reverse("accounts:devices"))
    html = response.content.decode()
    assert html.count('class="card device"') == 3
    assert html.count('<span class="badge">this device</span>') == 1
    assert html.index("Firefox 128 on Ubuntu") < html.index('class="badge"')
    assert html.count("Mobile Safari 17 on iOS") >= 2
    assert "Log out all other devices" in html
    # The session key itself is never on the page.
    assert laptop.cookies["sessionid"].value not in html


def test_ending_one_device_logs_it_out_and_htmx_is_sent_to_log_in(alice: User) -> None:
    laptop = log_in(alice, FIREFOX)
    phone = log_in(alice, IPHONE)
    phone_key = phone.cookies["sessionid"].value

    response = laptop.post(reverse("accounts:device_end"), {"device": device_id(phone_key)})

    assert response.status_code == 302
    assert not AccountSession.objects.filter(session_key=phone_key).exists()
    htmx = phone.get(reverse("accounts:devices"), headers={"HX-Request": "true"})
    assert htmx.status_code == 204
    assert htmx["HX-Redirect"].startswith("/accounts/login/")
    assert phone.get(reverse("accounts:settings"))["Location"].startswith("/accounts/login/")
    assert laptop.get(reverse("accounts:settings")).status_code == 200


def test_a_device_of_another_person_cannot_be_ended(alice: User, bob: User) -> None:
    bobs = log_in(bob)
    laptop = log_in(alice)
    bobs_key = bobs.cookies["sessionid"].value
    laptop.post(reverse("accounts:device_end"), {"device": device_id(bobs_key)})
    assert AccountSession.objects.filter(session_key=bobs_key).exists()


def test_ending_this_device_from_the_list_logs_out_here(alice: User) -> None:
    laptop = log_in(alice)
    key = laptop.cookies["sessionid"].value
    response = laptop.post(reverse("accounts:device_end"), {"device": device_id(key)})
    assert response["Location"] == reverse("accounts:login")
    assert not AccountSession.objects.filter(session_key=key).exists()


def test_ending_all_others_keeps_this_one(alice: User, bob: User) -> None:
    laptop = log_in(alice)
    phone = log_in(alice, IPHONE)
    bobs = log_in(bob)
    laptop.post(reverse("accounts:devices_end_others"))
    assert laptop.get(reverse("accounts:settings")).status_code == 200
    assert phone.get(reverse("accounts:settings")).status_code == 302
    assert bobs.get(reverse("accounts:settings")).status_code == 200


def test_keep_me_logged_in_extends_the_idle_limit(alice: User, settings: Any) -> None:
    settings.SESSION_IDLE_SECONDS = 3 * 24 * 3600
    settings.SESSION_REMEMBER_IDLE_SECONDS = 30 * 24 * 3600
    settings.SESSION_ABSOLUTE_SECONDS = 60 * 24 * 3600
    kept = log_in(alice, remember=True)
    plain = log_in(alice)
    assert kept.session[KEEP] is True
    assert KEEP not in plain.session
    for client in (kept, plain):
        shift_clocks(client, login_ago=10 * 24 * 3600, seen_ago=10 * 24 * 3600)
    assert kept.get(reverse("accounts:settings")).status_code == 200
    assert plain.get(reverse("accounts:settings")).status_code == 302
    # Past the longer idle limit it ends too.
    shift_clocks(kept, login_ago=31 * 24 * 3600, seen_ago=31 * 24 * 3600)
    assert kept.get(reverse("accounts:settings")).status_code == 302


def test_keep_me_logged_in_never_extends_the_absolute_limit(alice: User, settings: Any) -> None:
    settings.SESSION_ABSOLUTE_SECONDS = 14 * 24 * 3600
    settings.SESSION_REMEMBER_IDLE_SECONDS = 30 * 24 * 3600
    kept = log_in(alice, remember=True)
    shift_clocks(kept, login_ago=14 * 24 * 3600 + 60, seen_ago=60)
    assert kept.get(reverse("accounts:settings")).status_code == 302


def test_the_devices_page_leaves_out_log_ins_past_their_limit(alice: User) -> None:
    laptop = log_in(alice)
    old = log_in(alice, IPHONE)
    shift_clocks(old, login_ago=20 * 24 * 3600, seen_ago=20 * 24 * 3600)
    html = laptop.get(reverse("accounts:devices")).content.decode()
    assert "Mobile Safari" not in html


def test_a_new_device_gets_an_email_and_a_known_one_does_not(alice: User) -> None:
    laptop = log_in(alice, FIREFOX)
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == [alice.email]
    assert "Firefox 128 on Ubuntu" in message.body
    assert PASSWORD not in message.body
    # The same browser again (its cookie remembers this account): no email.
    laptop.post(reverse("accounts:logout"))
    laptop.post(reverse("accounts:login"), {"username": "alice", "password": PASSWORD})
    assert len(mail.outbox) == 1
    log_in(alice, IPHONE)
    assert len(mail.outbox) == 2


def test_no_new_device_email_without_an_address_or_when_turned_off(alice: User, bob: User) -> None:
    bob.email = ""
    bob.save()
    log_in(bob)
    alice.profile.notify_new_device = False
    alice.profile.save()
    log_in(alice)
    assert mail.outbox == []


def test_no_new_device_email_for_the_browser_that_signed_up(client: Client) -> None:
    client.post(
        reverse("accounts:signup"),
        {
            "username": "maya",
            "email": "maya@example.org",
            "password1": "slow breath over the hills",
            "password2": "slow breath over the hills",
            "time_zone": "Europe/Berlin",
            "week_start": "0",
        },
    )
    assert User.objects.filter(username="maya").exists()
    assert mail.outbox == []
    client.post(reverse("accounts:logout"))
    client.post(
        reverse("accounts:login"), {"username": "maya", "password": "slow breath over the hills"}
    )
    assert mail.outbox == []


def test_no_new_device_email_when_the_server_cannot_send_mail(alice: User, settings: Any) -> None:
    settings.EMAIL_CAN_SEND = False
    log_in(alice)
    assert mail.outbox == []
