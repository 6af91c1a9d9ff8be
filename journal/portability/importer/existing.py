"""What the importing person's journal already holds, matched by UUID (and tag names)."""

from __future__ import annotations

from dataclasses import dataclass
from uuid import UUID

from django.contrib.auth.models import User

from journal.models import JournalEntry, Sensation, Tag
from practices.models import Practice, PracticeSession


@dataclass
class Existing:
    tags: dict[UUID, int]
    tag_names: dict[str, int]
    practices: dict[UUID, int]
    practice_slugs: dict[str, int]
    practice_names: dict[str, int]
    builtin_slugs: dict[str, int]
    sessions: dict[UUID, int]
    entries: dict[UUID, int]
    sensations: set[UUID]
    is_empty: bool

    @classmethod
    def load(cls, user: User) -> Existing:
        tags = list(Tag.objects.for_user(user).values_list("uuid", "pk", "name"))
        practices = list(Practice.objects.owned_by(user).values_list("uuid", "pk", "slug", "name"))
        sessions = dict(PracticeSession.objects.for_user(user).values_list("uuid", "pk"))
        entries = dict(JournalEntry.objects.for_user(user).values_list("uuid", "pk"))
        return cls(
            tags={u: pk for u, pk, _ in tags},
            tag_names={name.lower(): pk for _, pk, name in tags},
            practices={u: pk for u, pk, _, _ in practices},
            practice_slugs={slug: pk for _, pk, slug, _ in practices},
            practice_names={name.lower(): pk for _, pk, _, name in practices},
            builtin_slugs=dict(Practice.objects.built_in().values_list("slug", "pk")),
            sessions=sessions,
            entries=entries,
            sensations=set(Sensation.objects.for_user(user).values_list("uuid", flat=True)),
            is_empty=not (tags or practices or sessions or entries),
        )
