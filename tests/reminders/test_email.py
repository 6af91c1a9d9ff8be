"""Reminder emails: the words, the link to the right page, List-Unsubscribe, and an
unsubscribe link that works without logging in."""

from __future__ import annotations

import re
from datetime import timedelta

import pytest
from django.contrib.auth.models import User
from django.core import mail
from django.test import Client
from django.utils import timezone

from journal.reminders.models import Reminder, ReminderKind, ReminderPreferences
from journal.reminders.sender import run_once

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def site_url(settings: pytest.FixtureRequest) -> None:
    settings.SITE_URL = "https://journal.example.org"  # type: ignore[attr-defined]


def email_reminder(user: User, minutes_ago: int = 5, **fields: object) -> Reminder:
    zone = user.profile.zone
    at = (timezone.now() - timedelta(minutes=minutes_ago)).astimezone(zone).time()
    values = {"kind": ReminderKind.WEEK, "by_push": False, "by_email": True, "days": "0123456"}
    values.update(fields)
    reminder = Reminder.objects.create(user=user, at=at.replace(second=0, microsecond=0), **values)
    if reminder.kind == ReminderKind.WEEK:
        # The week reminder comes on the last day of the week: make today that day.
        # (the slot's own local day, which is yesterday just after midnight)
        today = (timezone.now() - timedelta(minutes=minutes_ago)).astimezone(zone).weekday()
        user.profile.week_start = (today + 1) % 7
        user.profile.save()
    return reminder


def test_the_week_email_invites_links_and_carries_one_click_unsubscribe(alice: User) -> None:
    email_reminder(alice)
    report = run_once()

    assert report.emailed == 1
    [message] = mail.outbox
    assert message.to == [alice.email]
    assert message.subject == "Your week is ready"
    assert "https://journal.example.org/review/" in message.body
    html = message.alternatives[0][0]  # type: ignore[attr-defined]
    assert 'href="https://journal.example.org/review/"' in html
    header = message.extra_headers["List-Unsubscribe"]
    assert re.fullmatch(r"<https://journal\.example\.org/reminders/unsubscribe/[^/>]+/>", header)
    assert message.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert header[1:-1] in message.body
    for word in ("missed", "streak", "in a row"):
        assert word not in message.body.lower()


def test_the_unsubscribe_link_works_without_logging_in(alice: User) -> None:
    reminder = email_reminder(alice)
    run_once()
    link = mail.outbox[0].extra_headers["List-Unsubscribe"][1:-1]
    path = link.removeprefix("https://journal.example.org")

    anonymous = Client(enforce_csrf_checks=True)
    page = anonymous.get(path)
    assert page.status_code == 200
    assert "Stop reminder emails" in page.content.decode()
    reminder.refresh_from_db()
    assert reminder.by_email  # looking at the page changes nothing

    # What a mail client's one-click button sends (RFC 8058): a POST, no cookie, no token.
    done = anonymous.post(path, {"List-Unsubscribe": "One-Click"})
    assert done.status_code == 200
    reminder.refresh_from_db()
    assert not reminder.by_email
    assert not ReminderPreferences.objects.get(user=alice).email_allowed

    mail.outbox.clear()
    email_reminder(alice, minutes_ago=3, kind=ReminderKind.CHECK_IN)
    ReminderPreferences.objects.filter(user=alice).update(email_allowed=False)
    run_once()
    assert mail.outbox == []


def test_a_forged_or_altered_unsubscribe_token_does_nothing(alice: User) -> None:
    reminder = email_reminder(alice)
    run_once()
    path = (
        mail.outbox[0]
        .extra_headers["List-Unsubscribe"][1:-1]
        .removeprefix("https://journal.example.org")
    )
    altered = path.replace("/unsubscribe/", "/unsubscribe/x")
    for url in (altered, "/reminders/unsubscribe/not-a-token/"):
        assert Client().post(url).status_code == 400
    reminder.refresh_from_db()
    assert reminder.by_email


def test_no_email_for_a_person_without_an_address(alice: User) -> None:
    email_reminder(alice)
    User.objects.filter(pk=alice.pk).update(email="")
    assert run_once().emailed == 0
    assert mail.outbox == []


def test_quiet_hours_and_a_pause_hold_the_email(alice: User) -> None:
    reminder = email_reminder(alice)
    local = reminder.at
    prefs = ReminderPreferences.objects.create(
        user=alice,
        quiet_from=local.replace(minute=0),
        quiet_until=(timezone.now() + timedelta(hours=1)).astimezone(alice.profile.zone).time(),
    )
    run_once()
    assert mail.outbox == []
    prefs.quiet_from = prefs.quiet_until = None
    prefs.paused_until = timezone.now() + timedelta(days=2)
    prefs.save()
    run_once()
    assert mail.outbox == []
    prefs.paused_until = None
    prefs.save()
    run_once()
    assert len(mail.outbox) == 1
