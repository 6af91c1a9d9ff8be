"""Workflows for practices and practice sessions: every write goes through here."""

from __future__ import annotations

import uuid
from collections.abc import Mapping
from datetime import datetime, timedelta

from django.contrib.auth.models import User
from django.db import IntegrityError, transaction
from django.utils.text import slugify

from practices import timing
from practices.models import (
    RATINGS,
    GuidanceSettings,
    Practice,
    PracticeSession,
    SessionState,
)

Ratings = Mapping[str, int | None]


def _rating_fields(when: str, ratings: Ratings) -> dict[str, int | None]:
    return {f"{when}_{rating}": ratings.get(rating) for rating in RATINGS}


@transaction.atomic
def session_start(
    *,
    user: User,
    practice: Practice,
    planned_minutes: int,
    before: Ratings,
    token: uuid.UUID,
) -> PracticeSession:
    """Create an in-progress session now; the same token again returns the same session."""
    existing = PracticeSession.objects.for_user(user).filter(start_token=token).first()
    if existing is not None:
        return existing
    try:
        # A savepoint, so a concurrent twin's insert can fail without spoiling the transaction.
        with transaction.atomic():
            return PracticeSession.objects.create(
                user=user,
                practice=practice,
                state=SessionState.IN_PROGRESS,
                started_at=timing.now(),
                planned_minutes=planned_minutes,
                start_token=token,
                **_rating_fields("before", before),
            )
    except IntegrityError:
        return PracticeSession.objects.for_user(user).get(start_token=token)


@transaction.atomic
def session_finish(
    *,
    session: PracticeSession,
    after: Ratings,
    notes: str = "",
) -> PracticeSession:
    """Close a session with the after-ratings, crediting the time the timer ran.

    The server's record of the timer decides, whichever tab or device finishes:
    the time practised, pauses left out, at most the planned plus added minutes.
    """
    session = _locked(session)
    at = timing.now()
    session.duration_seconds = timing.credited_seconds(
        session.timer_intervals,
        started_at=session.started_at,
        planned_minutes=session.planned_minutes,
        added_minutes=session.added_minutes,
        at=at,
    )
    intervals = timing.settle(timing.parse(session.timer_intervals), _total(session), at)
    session.timer_intervals = timing.dump(timing.stop(intervals, at))
    session.state = SessionState.FINISHED
    session.ended_at = max(at, session.started_at)
    for field, value in _rating_fields("after", after).items():
        setattr(session, field, value)
    if notes:
        session.notes = notes
    session.save()
    return session


def _locked(session: PracticeSession) -> PracticeSession:
    # Two tabs may press buttons at once: each change starts from the row as stored.
    PracticeSession.objects.select_for_update().filter(pk=session.pk).exists()
    session.refresh_from_db()
    return session


def _total(session: PracticeSession) -> int:
    return timing.total_seconds(session.planned_minutes, session.added_minutes)


TIMER_ACTIONS = ("begin", "pause", "resume", "add_minute")


@transaction.atomic
def session_timer(*, session: PracticeSession, action: str) -> PracticeSession:
    """Begin, pause, resume or lengthen a session's timer, as of now on the server."""
    if action not in TIMER_ACTIONS:
        raise ValueError(f"Unknown timer action {action!r}")
    session = _locked(session)
    if session.state != SessionState.IN_PROGRESS:
        return session
    at = timing.now()
    intervals = timing.settle(timing.parse(session.timer_intervals), _total(session), at)
    done = bool(intervals) and timing.elapsed_seconds(intervals, at) >= _total(session)
    if action == "add_minute":
        if session.planned_minutes + session.added_minutes < 180:
            session.added_minutes += 1
        if done:
            # Time was up: the extra minute starts now.
            intervals = timing.start(intervals, at)
    elif action in ("begin", "resume") and not done:
        intervals = timing.start(intervals, at)
    elif action == "pause":
        intervals = timing.stop(intervals, at)
    session.timer_intervals = timing.dump(intervals)
    session.save(update_fields=["timer_intervals", "added_minutes", "updated_at"])
    return session


@transaction.atomic
def session_abandon(*, session: PracticeSession) -> PracticeSession:
    """Set an unfinished session aside; it stays in the journal, shown as set aside."""
    session = _locked(session)
    if session.state == SessionState.IN_PROGRESS:
        at = timing.now()
        intervals = timing.settle(timing.parse(session.timer_intervals), _total(session), at)
        session.timer_intervals = timing.dump(timing.stop(intervals, at))
        session.state = SessionState.ABANDONED
        session.ended_at = max(at, session.started_at)
        session.save(update_fields=["state", "ended_at", "timer_intervals", "updated_at"])
    return session


@transaction.atomic
def session_log_past(
    *,
    user: User,
    practice: Practice,
    started_at: datetime,
    minutes: int,
    before: Ratings,
    after: Ratings,
    notes: str = "",
) -> PracticeSession:
    """Record a session done earlier, away from the app."""
    return PracticeSession.objects.create(
        user=user,
        practice=practice,
        state=SessionState.FINISHED,
        started_at=started_at,
        ended_at=started_at + timedelta(minutes=minutes),
        planned_minutes=minutes,
        duration_seconds=minutes * 60,
        notes=notes,
        **_rating_fields("before", before),
        **_rating_fields("after", after),
    )


@transaction.atomic
def session_update(
    *,
    session: PracticeSession,
    started_at: datetime,
    minutes: int | None,
    before: Ratings,
    after: Ratings,
    notes: str,
) -> PracticeSession:
    session.started_at = started_at
    if minutes is not None:
        session.duration_seconds = minutes * 60
        if session.state != SessionState.IN_PROGRESS:
            session.ended_at = started_at + timedelta(minutes=minutes)
    elif session.ended_at is not None and session.ended_at < started_at:
        session.ended_at = started_at
    ratings = {**_rating_fields("before", before), **_rating_fields("after", after)}
    for field, value in ratings.items():
        setattr(session, field, value)
    session.notes = notes
    session.save()
    return session


@transaction.atomic
def session_delete(*, session: PracticeSession) -> None:
    # Sensations noted during the session go with it; reflections stay, unlinked.
    session.delete()


def _unique_slug(*, user: User, name: str, exclude: Practice | None = None) -> str:
    base = slugify(name)[:70].strip("-") or "practice"
    own = Practice.objects.owned_by(user)
    if exclude is not None:
        own = own.exclude(uuid=exclude.uuid)
    taken = set(Practice.objects.built_in().values_list("slug", flat=True))
    taken |= set(own.values_list("slug", flat=True))
    slug, n = base, 2
    while slug in taken:
        slug = f"{base}-{n}"
        n += 1
    return slug


@transaction.atomic
def practice_create(
    *,
    user: User,
    name: str,
    category: str,
    summary: str = "",
    steps: list[str],
    default_minutes: int,
) -> Practice:
    """Add a practice of a person's own, with a slug no built-in or own practice uses."""
    return Practice.objects.create(
        user=user,
        name=name,
        slug=_unique_slug(user=user, name=name),
        category=category,
        summary=summary,
        steps=steps,
        default_minutes=default_minutes,
    )


@transaction.atomic
def practice_update(
    *,
    practice: Practice,
    name: str,
    category: str,
    summary: str,
    steps: list[str],
    default_minutes: int,
) -> Practice:
    if practice.user is None:
        raise ValueError("Built-in practices are not edited through the app.")
    if name != practice.name:
        practice.slug = _unique_slug(user=practice.user, name=name, exclude=practice)
    practice.name = name
    practice.category = category
    practice.summary = summary
    practice.steps = steps
    practice.default_minutes = default_minutes
    practice.save()
    return practice


@transaction.atomic
def practice_archive(*, practice: Practice, archived: bool = True) -> Practice:
    """Hide an own practice from the catalog (or bring it back); its sessions stay."""
    if practice.user is None:
        raise ValueError("Built-in practices cannot be archived.")
    practice.is_archived = archived
    practice.save(update_fields=["is_archived"])
    return practice


@transaction.atomic
def guidance_settings_save(
    *,
    user: User,
    sound: str,
    voice: str | None = None,
    rate_percent: int | None = None,
    interval_minutes: int | None = None,
    settling_seconds: int | None = None,
) -> GuidanceSettings:
    """Keep a person's voice and sound choices; a None leaves that choice as it was."""
    chosen, _ = GuidanceSettings.objects.select_for_update().get_or_create(user=user)
    chosen.sound = sound
    changes = {
        "voice": voice,
        "rate_percent": rate_percent,
        "interval_minutes": interval_minutes,
        "settling_seconds": settling_seconds,
    }
    for field, value in changes.items():
        if value is not None:
            setattr(chosen, field, value)
    chosen.save()
    return chosen
