"""The journal app's models, one module per part, all importable from `journal.models`.

Capabilities that own their tables keep them in their own package (second factors in
`journal.factors.models`, reminders in `journal.reminders.models`, import jobs in
`journal.portability.jobs`); they are gathered here so Django and the rest of the app find
every model in one place.
"""

from __future__ import annotations

from journal.core.timezones import validate_time_zone
from journal.factors.models import Passkey, RecoveryCode, SecondStepLock
from journal.models.entries import (
    RED_FLAG_FIELDS,
    EntryEmotion,
    JournalEntry,
    JournalEntryQuerySet,
    Sensation,
    SensationQuerySet,
    Tag,
)
from journal.models.people import (
    AccountSession,
    Invitation,
    InvitationQuerySet,
    Profile,
    RateLimitCounter,
)
from journal.models.sharing import ShareLink, ShareRateCounter, ShareView, SummaryIdentity
from journal.reminders.models import (
    PushSubscription,
    Reminder,
    ReminderDelivery,
    ReminderPreferences,
    VapidKeys,
)

__all__ = [
    "RED_FLAG_FIELDS",
    "AccountSession",
    "EntryEmotion",
    "Invitation",
    "InvitationQuerySet",
    "JournalEntry",
    "JournalEntryQuerySet",
    "Passkey",
    "Profile",
    "PushSubscription",
    "RateLimitCounter",
    "RecoveryCode",
    "Reminder",
    "ReminderDelivery",
    "ReminderPreferences",
    "SecondStepLock",
    "Sensation",
    "SensationQuerySet",
    "ShareLink",
    "ShareRateCounter",
    "ShareView",
    "SummaryIdentity",
    "Tag",
    "VapidKeys",
    # Named by migration 0001.
    "validate_time_zone",
]
