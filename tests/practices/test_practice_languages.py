"""Practices in the person's language: the catalog, the detail and the run page show a built-in
practice in its words for the active language, the spoken guidance carries those words and
the language's BCP-47 tag, and a person's own practice stays in their words."""

from __future__ import annotations

import json
import re
from datetime import timedelta
from typing import Any

import pytest
from django.contrib.auth.models import User
from django.test import Client
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.dates import WEEKDAYS

from practices.guidance import language_tag
from practices.models import Practice, PracticeSession, SessionState
from tests.factories import PracticeFactory, PracticeSessionFactory

pytestmark = pytest.mark.django_db

ENGLISH_SCRIPT = [
    {
        "text": "Settle.",
        "seconds": 60,
        "cues": [{"at": 0, "text": "Let yourself settle.", "silence": 58}],
    },
    {
        "text": "Breathe.",
        "seconds": 60,
        "cues": [{"at": 0, "text": "Feel the breath.", "silence": 58}],
    },
]
GERMAN_SCRIPT = [
    {
        "text": "Ankommen.",
        "seconds": 60,
        "cues": [{"at": 0, "text": "Komm zur Ruhe.", "silence": 58}],
    },
    {"text": "Atmen.", "seconds": 60, "cues": [{"at": 0, "text": "Spür den Atem.", "silence": 58}]},
]


@pytest.fixture
def quiet_practice() -> Practice:
    """A built-in practice with German words (the shipped catalogue is being translated)."""
    return Practice.objects.create(
        user=None,
        slug="quiet-test",
        name="Quiet test",
        category="awareness",
        summary="A short quiet practice.",
        steps=["Settle.", "Breathe."],
        guidance={"steps": ENGLISH_SCRIPT},
        default_minutes=2,
        translations={
            "de": {
                "name": "Stille Probe",
                "summary": "Eine kurze stille Übung.",
                "steps": ["Ankommen.", "Atmen."],
                "script": GERMAN_SCRIPT,
            }
        },
    )


def speak(user: User, language: str) -> None:
    user.profile.language = language
    user.profile.save()


def open_session(user: User, practice: Practice) -> PracticeSession:
    return PracticeSessionFactory.create(
        user=user,
        practice=practice,
        state=SessionState.IN_PROGRESS,
        started_at=timezone.now() - timedelta(minutes=1),
        ended_at=None,
        duration_seconds=None,
        planned_minutes=2,
    )


def run_config(client: Client, session: PracticeSession) -> dict[str, Any]:
    html = client.get(
        reverse("practices:session_run", kwargs={"session_uuid": session.uuid})
    ).content.decode()
    match = re.search(r'<script id="run-config" type="application/json">(.*?)</script>', html)
    assert match, "the run page carries its config"
    config: dict[str, Any] = json.loads(match.group(1))
    return config


def test_the_catalog_and_detail_show_a_practice_in_german(
    client: Client, quiet_practice: Practice
) -> None:
    catalog = client.get(reverse("practices:catalog"), headers={"accept-language": "de"})
    assert "Stille Probe" in catalog.content.decode()
    assert "Eine kurze stille Übung." in catalog.content.decode()
    detail = client.get(
        reverse("practices:detail", args=[quiet_practice.slug]), headers={"accept-language": "de"}
    ).content.decode()
    assert "<h1>Stille Probe</h1>" in detail
    assert "<li>Ankommen.</li>" in detail
    english = client.get(
        reverse("practices:detail", args=[quiet_practice.slug]), headers={"accept-language": "en"}
    ).content.decode()
    assert "<h1>Quiet test</h1>" in english
    assert "<li>Settle.</li>" in english


def test_the_run_config_speaks_german_with_lang_de(
    alice_client: Client, alice: User, quiet_practice: Practice
) -> None:
    speak(alice, "de")
    config = run_config(alice_client, open_session(alice, quiet_practice))
    assert config["lang"] == "de"
    cues = [cue["text"] for step in config["steps"] for cue in step["cues"]]
    assert cues == ["Komm zur Ruhe.", "Spür den Atem."]
    assert [step["text"] for step in config["steps"]] == ["Ankommen.", "Atmen."]


def test_the_run_config_in_english_keeps_the_english_script(
    alice_client: Client, alice: User, quiet_practice: Practice
) -> None:
    config = run_config(alice_client, open_session(alice, quiet_practice))
    assert config["lang"] == "en-GB"
    cues = [cue["text"] for step in config["steps"] for cue in step["cues"]]
    assert cues == ["Let yourself settle.", "Feel the breath."]


def test_a_language_without_words_speaks_the_english_script_under_its_own_tag(
    alice_client: Client, alice: User, quiet_practice: Practice
) -> None:
    speak(alice, "pt-br")
    config = run_config(alice_client, open_session(alice, quiet_practice))
    assert config["lang"] == "pt-BR"
    assert config["steps"][0]["cues"][0]["text"] == "Let yourself settle."


@pytest.mark.parametrize(
    ("language", "tag"), [("de", "de"), ("pt-br", "pt-BR"), ("en-gb", "en-GB"), ("nl", "nl")]
)
def test_language_tags_are_bcp47(language: str, tag: str) -> None:
    assert language_tag(language) == tag


def test_an_own_practice_stays_in_its_words(alice_client: Client, alice: User) -> None:
    speak(alice, "de")
    own = PracticeFactory.create(user=alice, name="Mein Spaziergang", steps=["Walk slowly."])
    config = run_config(alice_client, open_session(alice, own))
    assert config["lang"] == "de"
    assert config["steps"][0]["cues"][0]["text"] == "Walk slowly."


def test_the_run_page_in_german_counts_the_same_queries(
    alice_client: Client, alice: User, quiet_practice: Practice, django_assert_num_queries: Any
) -> None:
    speak(alice, "de")
    session = open_session(alice, quiet_practice)
    url = reverse("practices:session_run", kwargs={"session_uuid": session.uuid})
    alice_client.get(url)
    # session, user, profile, session joined with its practice, guidance settings
    with django_assert_num_queries(5):
        response = alice_client.get(url)
    assert "Stille Probe" in response.content.decode()


def test_a_session_in_german_is_dated_in_german(
    alice_client: Client, alice: User, quiet_practice: Practice
) -> None:
    speak(alice, "de")
    session = PracticeSessionFactory.create(user=alice, practice=quiet_practice)
    html = alice_client.get(
        reverse("practices:session_detail", kwargs={"session_uuid": session.uuid})
    ).content.decode()
    weekday = session.started_at.astimezone(alice.profile.zone).weekday()
    with translation.override("de"):
        assert str(WEEKDAYS[weekday]) in html
    assert "<h1>Stille Probe</h1>" in html


def test_every_page_of_practices_settings_and_reminders_renders_in_german(
    alice_client: Client, alice: User, quiet_practice: Practice
) -> None:
    speak(alice, "de")
    own = PracticeFactory.create(user=alice)
    done = PracticeSessionFactory.create(user=alice, practice=quiet_practice)
    open_one = open_session(alice, quiet_practice)
    session = {"session_uuid": done.uuid}
    pages = [
        reverse("practices:catalog"),
        reverse("practices:detail", args=[quiet_practice.slug]),
        reverse("practices:start", args=[quiet_practice.slug]),
        reverse("practices:own_new"),
        reverse("practices:own_edit", kwargs={"practice_uuid": own.uuid}),
        reverse("practices:session_log"),
        reverse("practices:session_detail", kwargs=session),
        reverse("practices:session_edit", kwargs=session),
        reverse("practices:session_delete", kwargs=session),
        reverse("practices:session_finish", kwargs={"session_uuid": open_one.uuid}),
        reverse("practices:session_run", kwargs={"session_uuid": open_one.uuid}),
        reverse("practices:sound_settings"),
        reverse("accounts:settings"),
        reverse("accounts:devices"),
        reverse("accounts:delete"),
        reverse("accounts:password_change"),
        reverse("factors:index"),
        reverse("reminders:settings"),
    ]
    for url in pages:
        response = alice_client.get(url)
        assert response.status_code == 200, url
        assert b'<html lang="de" dir="ltr">' in response.content, url
