"""The per-account limit on wrong second-step codes, kept in the database so that every
app server and every pending log-in shares it."""

from __future__ import annotations

from datetime import timedelta

from django.contrib.auth.models import User
from django.db import transaction
from django.utils import timezone

from journal.factors.models import SecondStepLock

# Wrong codes for one account within the window before the second step pauses.
ACCOUNT_MAX_FAILURES = 10
WINDOW = timedelta(hours=1)
PAUSE = timedelta(minutes=15)


def second_step_paused(*, user: User) -> bool:
    lock = SecondStepLock.objects.filter(user=user).first()
    return bool(lock and lock.locked_until and lock.locked_until > timezone.now())


@transaction.atomic
def second_step_failed(*, user: User) -> bool:
    """Count one wrong code for the account; True when this one starts a pause."""
    now = timezone.now()
    lock, _ = SecondStepLock.objects.select_for_update().get_or_create(user=user)
    if lock.window_started_at is None or now - lock.window_started_at > WINDOW:
        lock.window_started_at = now
        lock.failures = 0
    lock.failures += 1
    paused = lock.failures >= ACCOUNT_MAX_FAILURES
    if paused:
        lock.locked_until = now + PAUSE
        lock.failures = 0
        lock.window_started_at = None
    lock.save()
    return paused


def second_step_succeeded(*, user: User) -> None:
    SecondStepLock.objects.filter(user=user).delete()
