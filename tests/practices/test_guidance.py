"""Guided practice on the server: the scripts, the timer's endpoint, sound settings."""

from __future__ import annotations

import importlib
import json
import re
from datetime import timedelta

import pytest
from django.db.migrations import RunPython
from django.urls import reverse
from django.utils import timezone

from practices import guidance, timing
from practices.catalog import CATALOG, sync_catalog
from practices.models import GuidanceSettings, Practice, PracticeSession, SessionState
from practices.script_types import speaking_seconds
from tests.factories import PracticeFactory, PracticeSessionFactory

pytestmark = pytest.mark.django_db


def url(name: str, session: PracticeSession) -> str:
    return reverse(f"practices:{name}", kwargs={"session_uuid": session.uuid})


def open_session(user, **kwargs) -> PracticeSession:
    kwargs.setdefault("started_at", timezone.now() - timedelta(seconds=30))
    return PracticeSessionFactory.create(
        user=user, state=SessionState.IN_PROGRESS, ended_at=None, duration_seconds=None, **kwargs
    )


# The scripts


def test_the_scripts_ship_in_a_data_migration():
    migration = importlib.import_module("practices.migrations.0005_catalog_guidance_scripts")
    [operation] = [op for op in migration.Migration.operations if isinstance(op, RunPython)]
    assert operation.code is sync_catalog


@pytest.mark.parametrize("item", CATALOG, ids=lambda item: item["slug"])
def test_each_script_fills_its_practice_and_leaves_room_after_each_cue(item):
    script = item["script"]
    assert sum(step["seconds"] for step in script) == item["default_minutes"] * 60
    for step in script:
        assert step["cues"], step["text"]
        assert step["cues"][0]["at"] == 0, "each step opens with a cue"
        for cue in step["cues"]:
            # The silence after a cue is at least a few seconds once its words are said.
            assert cue["silence"] >= 3, cue["text"]
            assert cue["at"] + speaking_seconds(cue["text"]) + cue["silence"] <= step["seconds"]


def test_the_body_scan_has_many_more_cues_than_steps_and_long_silences():
    practice = Practice.objects.built_in().get(slug="body-scan")
    steps = practice.guidance["steps"]
    cues = [cue for step in steps for cue in step["cues"]]
    assert len(cues) >= 3 * len(steps)
    assert sum(cue["silence"] for cue in cues) >= 0.6 * 600
    assert practice.steps == [step["text"] for step in steps]
    # The steps have their own lengths, not ten minutes cut into equal slices.
    assert len({step["seconds"] for step in steps}) > 1


def test_the_words_invite_and_promise_no_cure():
    words = " ".join(cue["text"] for item in CATALOG for s in item["script"] for cue in s["cues"])
    for promise in ("cure", "heal", "fix", "you must", "should", "try harder"):
        assert not re.search(rf"\b{promise}\b", words.lower()), promise
    assert "open your eyes" not in " ".join(
        cue["text"].lower() for s in CATALOG[6]["script"] for cue in s["cues"]
    )


def test_an_own_practice_is_spoken_from_its_steps(alice):
    own = PracticeFactory.create(user=alice, steps=["Sit.", "Breathe.", "Rest."], default_minutes=3)
    steps = guidance.script_steps(own)
    assert [s["text"] for s in steps] == ["Sit.", "Breathe.", "Rest."]
    assert [s["cues"][0]["text"] for s in steps] == ["Sit.", "Breathe.", "Rest."]
    assert sum(s["seconds"] for s in steps) == 180


def test_the_schedule_stretches_to_the_planned_time():
    practice = Practice.objects.built_in().get(slug="body-scan")
    full = guidance.schedule(practice, 600)
    half = guidance.schedule(practice, 300)
    assert [s["start"] for s in half] == [s["start"] / 2 for s in full]
    assert half[1]["cues"][1]["at"] == full[1]["cues"][1]["at"] / 2


# The timer's endpoint


def post_timer(client, session, action: str):
    return client.post(url("session_timer", session), {"action": action})


def test_begin_pause_resume_and_add_are_kept_on_the_server(alice_client, alice, monkeypatch):
    session = open_session(alice, planned_minutes=10)
    clock = {"now": timezone.now()}
    monkeypatch.setattr(timing, "now", lambda: clock["now"])

    assert post_timer(alice_client, session, "begin").json()["running"] is True
    clock["now"] += timedelta(seconds=90)
    paused = post_timer(alice_client, session, "pause").json()
    assert (paused["elapsed_ms"], paused["running"]) == (90_000, False)
    clock["now"] += timedelta(minutes=5)
    assert alice_client.get(url("session_timer", session)).json()["elapsed_ms"] == 90_000
    post_timer(alice_client, session, "resume")
    clock["now"] += timedelta(seconds=10)
    added = post_timer(alice_client, session, "add_minute").json()
    assert (added["elapsed_ms"], added["total_ms"]) == (100_000, 660_000)
    session.refresh_from_db()
    assert len(session.timer_intervals) == 2
    assert session.added_minutes == 1


def test_an_unknown_action_is_refused(alice_client, alice):
    session = open_session(alice)
    assert post_timer(alice_client, session, "rewind").status_code == 400


def test_another_persons_timer_is_not_found(bob_client, alice):
    session = open_session(alice)
    assert post_timer(bob_client, session, "begin").status_code == 404
    session.refresh_from_db()
    assert session.timer_intervals == []


def test_finishing_from_any_tab_credits_the_servers_time(alice_client, alice, monkeypatch):
    session = open_session(alice, planned_minutes=1)
    clock = {"now": timezone.now()}
    monkeypatch.setattr(timing, "now", lambda: clock["now"])
    post_timer(alice_client, session, "begin")
    # The first tab ran to 0:00 long ago; another tab finishes now.
    clock["now"] += timedelta(minutes=20)
    alice_client.post(url("session_finish", session), {"after_pain": "2"})
    session.refresh_from_db()
    assert (session.state, session.duration_seconds) == (SessionState.FINISHED, 60)


def test_finishing_early_credits_what_was_practised(alice_client, alice, monkeypatch):
    session = open_session(alice, planned_minutes=10)
    clock = {"now": timezone.now()}
    monkeypatch.setattr(timing, "now", lambda: clock["now"])
    post_timer(alice_client, session, "begin")
    clock["now"] += timedelta(seconds=150)
    alice_client.post(url("session_finish", session), {"notes": ""})
    session.refresh_from_db()
    assert session.duration_seconds == 150


def test_the_run_page_continues_from_the_servers_time(alice_client, alice):
    session = open_session(alice, planned_minutes=10)
    session.timer_intervals = [[(timezone.now() - timedelta(seconds=200)).isoformat(), None]]
    session.save()
    html = alice_client.get(url("session_run", session)).content.decode()
    assert ">6:40<" in html or ">6:39<" in html
    config = json.loads(html.split('id="run-config" type="application/json">')[1].split("<")[0])
    assert config["timer"]["running"] is True
    assert config["steps"][0]["cues"][0]["at"] == 0
    assert config["sound"] == "speak"


def test_the_writing_practice_opens_the_writing_page(alice_client, alice):
    session = open_session(
        alice, practice=Practice.objects.built_in().get(slug="expressive-writing")
    )
    response = alice_client.get(url("session_run", session))
    assert response["Location"] == reverse("entries:write", kwargs={"session_uuid": session.uuid})


# Sound settings


SETTINGS = reverse("practices:sound_settings")


def test_the_settings_page_shows_the_defaults_without_saving_them(alice_client, alice):
    html = alice_client.get(SETTINGS).content.decode()
    assert re.search(r'value="speak"[^>]*checked', html)
    assert not GuidanceSettings.objects.filter(user=alice).exists()


def test_the_settings_are_saved_with_the_account(alice_client, alice):
    response = alice_client.post(
        SETTINGS,
        {
            "sound": "chimes",
            "voice": "Daniel",
            "rate_percent": "70",
            "interval_minutes": "5",
            "settling_seconds": "30",
        },
    )
    assert response.status_code == 302
    chosen = GuidanceSettings.objects.get(user=alice)
    assert (chosen.sound, chosen.voice, chosen.rate_percent) == ("chimes", "Daniel", 70)
    assert (chosen.interval_minutes, chosen.settling_seconds) == (5, 30)
    assert "Daniel" in alice_client.get(SETTINGS).content.decode()


def test_bad_settings_are_refused(alice_client, alice):
    response = alice_client.post(SETTINGS, {"sound": "loud", "rate_percent": "300"})
    assert response.status_code == 200
    assert not GuidanceSettings.objects.filter(user=alice).exists()


def test_the_run_page_switches_the_sound_with_htmx_and_without(alice_client, alice):
    session = open_session(alice)
    fragment = alice_client.post(
        url("session_sound", session), {"sound": "silent"}, headers={"HX-Request": "true"}
    )
    assert fragment.status_code == 200
    assert re.search(r'value="silent"[^>]*checked', fragment.content.decode())
    assert GuidanceSettings.objects.get(user=alice).sound == "silent"
    plain = alice_client.post(url("session_sound", session), {"sound": "chimes"})
    assert plain["Location"] == url("session_run", session)
    assert GuidanceSettings.objects.get(user=alice).sound == "chimes"


def test_the_settings_page_counts_its_queries(alice_client, alice, django_assert_num_queries):
    GuidanceSettings.objects.create(user=alice, sound="chimes")
    alice_client.get(SETTINGS)
    # session, user, profile (the time zone), guidance settings
    with django_assert_num_queries(4):
        alice_client.get(SETTINGS)


def test_the_timer_endpoint_counts_its_queries(alice_client, alice, django_assert_num_queries):
    session = open_session(alice)
    post_timer(alice_client, session, "begin")
    # session, user, profile, the practice session; to pause, also the lock, the re-read
    # and the write, inside a savepoint and its release
    with django_assert_num_queries(4):
        alice_client.get(url("session_timer", session))
    with django_assert_num_queries(9):
        post_timer(alice_client, session, "pause")
