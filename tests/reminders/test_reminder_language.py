"""Reminders are sent outside any request, so each is written in its person's language (the
profile's, else the site's). The assertions read the active language during rendering and
what it sets (`<html lang>`), since the app's own catalogues are translated separately."""

from __future__ import annotations

import json
from datetime import timedelta
from typing import Any, cast

import pytest
from django.contrib.auth.models import User
from django.core import mail
from django.core.management import call_command
from django.test import Client
from django.utils import timezone, translation

from journal.reminders import sender
from journal.reminders.models import PushSubscription, Reminder, ReminderKind
from journal.reminders.push import vapid_keys_make
from practices.models import Practice
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def site_url(settings: Any) -> None:
    settings.SITE_URL = "https://journal.example.org"


def due(user: User, **fields: Any) -> Reminder:
    zone = user.profile.zone
    at = (timezone.now() - timedelta(minutes=5)).astimezone(zone).time()
    values = {"kind": ReminderKind.CHECK_IN, "by_push": False, "by_email": True, **fields}
    return Reminder.objects.create(user=user, at=at.replace(second=0, microsecond=0), **values)


def speaking(language: str) -> User:
    return cast(User, UserFactory(profile__time_zone="Europe/Berlin", profile__language=language))


def test_a_reminder_email_is_rendered_in_the_persons_language(alice: User) -> None:
    german = speaking("de")
    due(german)
    due(alice)
    call_command("reminders", "--once")

    by_person = {message.to[0]: message for message in mail.outbox}
    html = by_person[german.email].alternatives[0][0]  # type: ignore[attr-defined]
    assert '<html lang="de">' in html
    english = by_person[alice.email].alternatives[0][0]  # type: ignore[attr-defined]
    assert '<html lang="en-gb">' in english


def test_a_push_for_a_german_speaker_is_written_under_german(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    german = speaking("de")
    practice = Practice.objects.create(
        user=None,
        slug="quiet-test",
        name="Quiet test",
        category="awareness",
        translations={"de": {"name": "Stille Probe", "summary": "", "steps": [], "script": []}},
    )
    vapid_keys_make()
    PushSubscription.objects.create(
        user=german, endpoint="https://push.example.org/1", p256dh="x", auth="y", device="Phone"
    )
    due(german, kind=ReminderKind.PRACTICE, practice=practice, by_push=True, by_email=False)
    sent: list[tuple[dict[str, str], str | None]] = []

    def record(subscription: PushSubscription, payload: dict[str, str], keys: Any) -> bool:
        sent.append((payload, translation.get_language()))
        return True

    monkeypatch.setattr(sender, "push_send", record)
    report = sender.run_once()

    assert report.pushed == 1
    [(payload, language)] = sent
    assert language == "de"
    # The practice is named in German, with its noun's capital kept.
    assert "Stille Probe" in payload["title"]
    assert payload["url"] == "/practices/quiet-test/start/"


def test_without_a_language_a_reminder_is_in_the_sites(monkeypatch: pytest.MonkeyPatch) -> None:
    person = speaking("")
    vapid_keys_make()
    PushSubscription.objects.create(
        user=person, endpoint="https://push.example.org/2", p256dh="x", auth="y", device="Phone"
    )
    due(person, by_push=True, by_email=False)
    languages: list[str | None] = []

    def record(*args: Any) -> bool:
        languages.append(translation.get_language())
        return True

    monkeypatch.setattr(sender, "push_send", record)
    sender.run_once()
    assert languages == ["en-gb"]


def test_the_manifest_names_the_pages_language(client: Client) -> None:
    german = client.get("/manifest.webmanifest", headers={"accept-language": "de"})
    assert json.loads(german.content)["lang"] == "de"
    english = client.get("/manifest.webmanifest", headers={"accept-language": "en-GB"})
    assert json.loads(english.content)["lang"] == "en-gb"


def test_the_reminder_settings_name_practices_in_the_persons_language(
    alice: User, alice_client: Client
) -> None:
    practice = Practice.objects.create(
        user=None,
        slug="quiet-test",
        name="Quiet test",
        category="awareness",
        translations={"de": {"name": "Stille Probe", "summary": "", "steps": [], "script": []}},
    )
    due(alice, kind=ReminderKind.PRACTICE, practice=practice)
    alice.profile.language = "de"
    alice.profile.save()
    html = alice_client.get("/reminders/").content.decode()
    assert f'<option value="{practice.pk}">Stille Probe</option>' in html
    assert " · Stille Probe" in html
    assert "Quiet test" not in html
