"""What a reminder says and which page it opens. Invitations only: no counts, no streaks."""

from __future__ import annotations

from dataclasses import dataclass

from django.urls import reverse
from django.utils.translation import get_language, gettext

from journal.reminders.models import Reminder, ReminderKind


@dataclass(frozen=True)
class Words:
    title: str
    body: str
    path: str  # the page the reminder opens, on this server


def _in_sentence(name: str) -> str:
    """A practice's name inside a sentence: lower case, except in German, whose nouns keep
    their capital."""
    return name if (get_language() or "").startswith("de") else name.lower()


def words_for(reminder: Reminder) -> Words:
    if reminder.kind == ReminderKind.PRACTICE:
        practice = reminder.practice
        if practice is not None and not practice.is_archived:
            return Words(
                # Translators: practice is a practice's name, e.g. "body scan".
                title=gettext("A few minutes of %(practice)s, if you like")
                % {"practice": _in_sentence(practice.display_name)},
                body=gettext("It is waiting whenever you are ready. Skipping is fine too."),
                path=reverse("practices:start", kwargs={"slug": practice.slug}),
            )
        return Words(
            title=gettext("A moment to practise, if you like"),
            body=gettext("Choose whatever feels kind today. Skipping is fine too."),
            path=reverse("practices:catalog"),
        )
    if reminder.kind == ReminderKind.WEEK:
        return Words(
            title=gettext("Your week is ready"),
            body=gettext("When you have a moment, see what this week held."),
            path=reverse("review:index"),
        )
    return Words(
        title=gettext("A moment for a check-in, if you like"),
        body=gettext("Whatever you notice is welcome, in a minute or in ten."),
        path=reverse("today:home") + "#check-in",
    )
