"""The practice services on their own: start, finish, abandon, update, archive."""

from __future__ import annotations

import uuid
from datetime import timedelta

import pytest
from django.utils import timezone

from practices import services
from practices.models import PracticeSession, PracticeSessionQuerySet, SessionState
from tests.factories import PracticeFactory, PracticeSessionFactory, builtin_practice

pytestmark = pytest.mark.django_db

NO_RATINGS: dict[str, int | None] = {}


def start(user, token: uuid.UUID) -> PracticeSession:
    return services.session_start(
        user=user, practice=builtin_practice(), planned_minutes=5, before=NO_RATINGS, token=token
    )


def test_the_same_token_returns_the_same_session(alice):
    token = uuid.uuid4()
    assert start(alice, token) == start(alice, token)
    assert PracticeSession.objects.count() == 1


def test_a_twin_request_that_loses_the_race_gets_the_winners_session(alice, monkeypatch):
    token = uuid.uuid4()
    winner = start(alice, token)
    # The twin looked before the winner's row was committed, so it saw nothing.
    monkeypatch.setattr(PracticeSessionQuerySet, "first", lambda self: None)
    assert start(alice, token) == winner
    assert PracticeSession.objects.count() == 1


def test_tokens_are_per_person(alice, bob):
    token = uuid.uuid4()
    assert start(alice, token).user == alice
    assert start(bob, token).user == bob


def test_finish_credits_at_most_the_planned_time(alice):
    session = start(alice, uuid.uuid4())
    long_ago = timezone.now() - timedelta(hours=30)
    session.timer_intervals = [[long_ago.isoformat(), None]]
    session.save()
    services.session_finish(session=session, after=NO_RATINGS)
    assert session.duration_seconds == 5 * 60
    assert session.state == SessionState.FINISHED
    assert session.timer_intervals[-1][1] is not None


def test_finish_keeps_earlier_notes_when_none_are_given(alice):
    session = PracticeSessionFactory.create(
        user=alice, state=SessionState.IN_PROGRESS, ended_at=None, notes="Before: restless."
    )
    services.session_finish(session=session, after={"pain": 2}, notes="")
    session.refresh_from_db()
    assert session.notes == "Before: restless."
    assert session.after_pain == 2


def test_abandon_leaves_finished_sessions_alone(alice):
    session = PracticeSessionFactory.create(user=alice)
    services.session_abandon(session=session)
    assert session.state == SessionState.FINISHED


def test_log_past_sets_the_end_from_the_minutes(alice):
    started = timezone.now() - timedelta(days=1)
    session = services.session_log_past(
        user=alice,
        practice=builtin_practice(),
        started_at=started,
        minutes=25,
        before={"pain": 5},
        after={"pain": 3},
    )
    assert session.ended_at == started + timedelta(minutes=25)
    assert session.rating_change("pain") == -2


def test_update_of_an_open_session_leaves_it_open(alice):
    session = PracticeSessionFactory.create(
        user=alice, state=SessionState.IN_PROGRESS, ended_at=None, duration_seconds=None
    )
    services.session_update(
        session=session,
        started_at=session.started_at,
        minutes=5,
        before=NO_RATINGS,
        after=NO_RATINGS,
        notes="",
    )
    session.refresh_from_db()
    assert session.ended_at is None
    assert session.duration_seconds == 300


def test_built_in_practices_cannot_be_changed_or_archived():
    practice = builtin_practice()
    with pytest.raises(ValueError):
        services.practice_archive(practice=practice)
    with pytest.raises(ValueError):
        services.practice_update(
            practice=practice,
            name="Mine now",
            category="awareness",
            summary="",
            steps=[],
            default_minutes=5,
        )


def test_a_rename_gets_a_new_slug_that_collides_with_nothing(alice):
    walk = PracticeFactory.create(user=alice, name="Walk", slug="walk")
    swim = PracticeFactory.create(user=alice, name="Swim", slug="swim")
    services.practice_update(
        practice=swim, name="Walk too", category="movement", summary="", steps=[], default_minutes=5
    )
    assert swim.slug == "walk-too"
    services.practice_update(
        practice=walk,
        name="Body scan",
        category="movement",
        summary="",
        steps=[],
        default_minutes=5,
    )
    assert walk.slug == "body-scan-2"
