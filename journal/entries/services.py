"""Workflows that write to several tables."""

from __future__ import annotations

import uuid
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from typing import Any

from django.contrib.auth.models import User
from django.db import IntegrityError, transaction
from django.utils import timezone

from journal.core.markdown import BODY_MAX_CHARS
from journal.core.vocabulary import EntryKind
from journal.models import RED_FLAG_FIELDS, EntryEmotion, JournalEntry, Sensation, Tag
from practices.models import PracticeSession

# --- Journal entries -------------------------------------------------------------------


class StaleEntry(Exception):
    """The entry was changed since the form was opened; `current` is what is saved now."""

    def __init__(self, current: JournalEntry) -> None:
        super().__init__(f"entry {current.uuid} is at version {current.version}")
        self.current = current


class BodyTooLong(ValueError):
    def __init__(self, length: int) -> None:
        super().__init__(f"a body of {length} characters; at most {BODY_MAX_CHARS} fit")
        self.length = length


@dataclass(frozen=True)
class SensationInput:
    region: str
    quality: str
    intensity: int | None  # None: not rated
    feel: str
    note: str = ""


SensationLike = SensationInput | Mapping[str, Any]


def _sensation_input(value: SensationLike) -> SensationInput:
    if isinstance(value, SensationInput):
        return value
    return SensationInput(
        region=value["region"],
        quality=value["quality"],
        intensity=None if value.get("intensity") is None else int(value["intensity"]),
        feel=value["feel"],
        note=value.get("note") or "",
    )


def tags_get_or_create(*, user: User, names: Iterable[str]) -> list[Tag]:
    """The person's tags with these names (case-insensitive), made when new."""
    wanted: dict[str, str] = {}
    for raw in names:
        name = " ".join(raw.split())[:60]
        if name:
            wanted.setdefault(name.casefold(), name)
    if not wanted:
        return []
    tags: list[Tag] = []
    existing = {t.name.casefold(): t for t in Tag.objects.for_user(user)}
    for key, name in wanted.items():
        tag = existing.get(key)
        if tag is None:
            try:
                with transaction.atomic():
                    tag = Tag.objects.create(user=user, name=name)
            except IntegrityError:
                # Made a moment ago by a parallel request: use that one.
                tag = Tag.objects.for_user(user).get(name__iexact=name)
        tags.append(tag)
    return tags


def _write_children(
    *,
    entry: JournalEntry,
    sensations: Iterable[SensationLike] | None,
    emotions: Iterable[str] | None,
    tags: Iterable[Tag] | None,
) -> None:
    if sensations is not None:
        entry.sensations.all().delete()
        Sensation.objects.bulk_create(
            Sensation(
                user=entry.user,
                entry=entry,
                occurred_at=entry.occurred_at,
                region=s.region,
                quality=s.quality,
                intensity=s.intensity,
                feel=s.feel,
                note=s.note,
            )
            for s in map(_sensation_input, sensations)
        )
    if emotions is not None:
        entry.emotions.all().delete()
        EntryEmotion.objects.bulk_create(
            EntryEmotion(entry=entry, emotion=e) for e in dict.fromkeys(emotions)
        )
    if tags is not None:
        entry.tags.set(tags)


ENTRY_FIELDS = (
    "body",
    "pain",
    "tension",
    "stress",
    "sleep_hours",
    "sleep_quality",
    "belief",
    "belief_strength_before",
    "reframe",
    "belief_strength_after",
)


def _apply(entry: JournalEntry, fields: Mapping[str, Any], red_flags: Iterable[str] | None) -> None:
    for name, value in fields.items():
        if name not in ENTRY_FIELDS:
            raise TypeError(f"{name} is not an entry field")
        setattr(
            entry, name, "" if value is None and name in {"body", "belief", "reframe"} else value
        )
    if red_flags is not None:
        chosen = set(red_flags)
        for flag, field in RED_FLAG_FIELDS.items():
            setattr(entry, field, flag.value in chosen)


def _resent(existing: JournalEntry, sent: dict[str, Any]) -> JournalEntry:
    """A form sent again under the same token: apply what it says now, if it says more."""
    if existing.is_draft:
        return existing  # finishing a draft is the caller's step, with the whole form
    if not _differs(existing, sent):
        return existing
    return entry_update(entry=existing, **sent)


def _differs(entry: JournalEntry, sent: dict[str, Any]) -> bool:
    for name in ENTRY_FIELDS:
        if name in sent:
            value = sent[name]
            if ("" if value is None and name in {"body", "belief", "reframe"} else value) != (
                getattr(entry, name)
            ):
                return True
    if {f.value for f in entry.red_flags} != set(sent["red_flags"]):
        return True
    if {e.emotion for e in entry.emotions.all()} != set(sent["emotions"]):
        return True
    names = {" ".join(n.split())[:60].casefold() for n in sent["tag_names"]} - {""}
    if {t.name.casefold() for t in entry.tags.all()} != names:
        return True
    fields = ("region", "quality", "intensity", "feel", "note")
    saved = sorted(tuple(getattr(s, f) for f in fields) for s in entry.sensations.all())
    wanted = sorted(
        tuple(getattr(s, f) for f in fields) for s in map(_sensation_input, sent["sensations"])
    )
    return saved != wanted


@transaction.atomic
def entry_create(
    *,
    user: User,
    kind: str,
    occurred_at: datetime | None = None,
    session: PracticeSession | None = None,
    is_draft: bool = False,
    token: uuid.UUID | None = None,
    red_flags: Iterable[str] = (),
    sensations: Iterable[SensationLike] = (),
    emotions: Iterable[str] = (),
    tag_names: Iterable[str] = (),
    **fields: Any,
) -> JournalEntry:
    """Write an entry of any kind with its sensations, emotions and tags.

    With a `token`, sending the same form twice makes one entry: a resent form with the
    same content leaves it as it is, one with changed content (an answer corrected after
    going back) updates it, so nothing the person sent last is dropped.
    """
    if session is not None and session.user_id != user.pk:
        raise ValueError("The session belongs to someone else.")
    red_flags, sensations = list(red_flags), list(sensations)
    emotions, tag_names = list(emotions), list(tag_names)
    resent = {
        "red_flags": red_flags,
        "sensations": sensations,
        "emotions": emotions,
        "tag_names": tag_names,
        **fields,
    }
    if token is not None:
        existing = JournalEntry.objects.for_user(user).filter(submit_token=token).first()
        if existing is not None:
            return _resent(existing, resent)
    entry = JournalEntry(
        user=user,
        kind=kind,
        occurred_at=occurred_at or timezone.now(),
        session=session,
        is_draft=is_draft,
        submit_token=token,
    )
    _apply(entry, fields, red_flags)
    try:
        with transaction.atomic():
            entry.save()
    except IntegrityError:
        if token is None:
            raise
        # The same form won a race a moment ago.
        return _resent(JournalEntry.objects.for_user(user).get(submit_token=token), resent)
    _write_children(
        entry=entry,
        sensations=sensations,
        emotions=emotions,
        tags=tags_get_or_create(user=user, names=tag_names),
    )
    return entry


@transaction.atomic
def checkin_create(
    *,
    user: User,
    occurred_at: datetime | None = None,
    pain: int | None = None,
    tension: int | None = None,
    stress: int | None = None,
    sleep_hours: Decimal | float | None = None,
    sleep_quality: int | None = None,
    body: str = "",
    red_flags: Iterable[str] = (),
    sensations: Iterable[SensationLike] = (),
    emotions: Iterable[str] = (),
    tag_names: Iterable[str] = (),
    token: uuid.UUID | None = None,
) -> JournalEntry:
    """Record a morning check-in with its sensations, emotions and tags.

    checkin_create(*, user, occurred_at=None (now), pain=None, tension=None, stress=None
    (each 0-10), sleep_hours=None (0-24), sleep_quality=None (1-5), body="" (Markdown),
    red_flags=() (RedFlag values), sensations=() (SensationInput or dicts with region,
    quality, intensity, feel, note), emotions=() (Emotion values), tag_names=() (matched
    case-insensitively, made when new), token=None) -> JournalEntry

    Idempotent per `token`: calling it twice (or concurrently) with the same token
    returns one entry, updated to the content sent last.
    """
    return entry_create(
        user=user,
        kind=EntryKind.CHECK_IN,
        occurred_at=occurred_at,
        token=token,
        red_flags=red_flags,
        sensations=sensations,
        emotions=emotions,
        tag_names=tag_names,
        pain=pain,
        tension=tension,
        stress=stress,
        sleep_hours=sleep_hours,
        sleep_quality=sleep_quality,
        body=body,
    )


@transaction.atomic
def entry_update(
    *,
    entry: JournalEntry,
    occurred_at: datetime | None = None,
    is_draft: bool | None = None,
    red_flags: Iterable[str] | None = None,
    sensations: Iterable[SensationLike] | None = None,
    emotions: Iterable[str] | None = None,
    tag_names: Iterable[str] | None = None,
    expected_version: int | None = None,
    **fields: Any,
) -> JournalEntry:
    """Change an entry; a None collection is left as it was, a list replaces it.

    With `expected_version` (the version the form was opened with), a change saved since
    then in another tab raises StaleEntry instead of being overwritten.
    """
    current = (
        JournalEntry.objects.select_for_update()
        .filter(pk=entry.pk)
        .values_list("version", flat=True)
        .first()
    )
    if current is None:
        raise JournalEntry.DoesNotExist
    if expected_version is not None and expected_version != current:
        raise StaleEntry(JournalEntry.objects.get(pk=entry.pk))
    entry.version = current + 1
    if occurred_at is not None:
        entry.occurred_at = occurred_at
    if is_draft is not None:
        entry.is_draft = is_draft
    _apply(entry, fields, red_flags)
    entry.save()
    if occurred_at is not None and sensations is None:
        entry.sensations.update(occurred_at=occurred_at)
    _write_children(
        entry=entry,
        sensations=sensations,
        emotions=emotions,
        tags=None if tag_names is None else tags_get_or_create(user=entry.user, names=tag_names),
    )
    return entry


@transaction.atomic
def entry_draft_save(
    *,
    user: User,
    kind: str,
    token: uuid.UUID | None = None,
    entry: JournalEntry | None = None,
    body: str,
    expected_version: int | None = None,
    **fields: Any,
) -> JournalEntry:
    """Keep what is typed so far as a draft: `entry`, or the one found by the form's token.

    A body over BODY_MAX_CHARS raises BodyTooLong (nothing is cut); a draft changed in
    another tab since `expected_version` raises StaleEntry.
    """
    if len(body) > BODY_MAX_CHARS:
        raise BodyTooLong(len(body))
    if entry is None:
        entry = JournalEntry.objects.for_user(user).filter(submit_token=token).first()
        if entry is None:
            return entry_create(
                user=user, kind=kind, token=token, is_draft=True, body=body, **fields
            )
    if not entry.is_draft:
        # Already finished in another request: a late autosave must not reopen it.
        return entry
    return entry_update(entry=entry, body=body, expected_version=expected_version, **fields)


@transaction.atomic
def entry_delete(*, entry: JournalEntry) -> None:
    entry.delete()


# --- Tags ------------------------------------------------------------------------------


@transaction.atomic
def tag_create(*, user: User, name: str) -> Tag:
    return tags_get_or_create(user=user, names=[name])[0]


@transaction.atomic
def tag_rename(*, tag: Tag, name: str) -> Tag:
    """Rename a tag; a name the person already uses merges the two into that tag."""
    name = " ".join(name.split())[:60]
    other = Tag.objects.for_user(tag.user).filter(name__iexact=name).exclude(pk=tag.pk).first()
    if other is None:
        tag.name = name
        tag.save(update_fields=["name"])
        return tag
    through = JournalEntry.tags.through
    already = set(through.objects.filter(tag=other).values_list("journalentry_id", flat=True))
    moving = through.objects.filter(tag=tag).exclude(journalentry_id__in=already)
    through.objects.bulk_create(
        through(journalentry_id=row.journalentry_id, tag=other) for row in moving
    )
    tag.delete()
    if other.is_archived and not tag.is_archived:
        other.is_archived = False
        other.save(update_fields=["is_archived"])
    return other


@transaction.atomic
def tag_archive(*, tag: Tag, archived: bool = True) -> Tag:
    tag.is_archived = archived
    tag.save(update_fields=["is_archived"])
    return tag
