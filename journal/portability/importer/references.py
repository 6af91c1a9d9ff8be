"""What a schema cannot say: links between records, clashes, and readable times.

These run on every record, whatever the schema found, so they look only at values of
the right type and leave the rest to the schema's messages.
"""

from __future__ import annotations

from typing import Any
from uuid import UUID

from django.utils.translation import gettext as _

from journal.core.timezones import time_zone_names
from journal.portability.importer.conversion import MOMENTS, moment, practice_slug
from journal.portability.importer.existing import Existing
from journal.portability.importer.messages import Path, Problems, describe, place


def _uuid(value: Any) -> UUID | None:
    if not isinstance(value, str):
        return None
    try:
        return UUID(value)
    except ValueError:
        return None


def _records(parent: dict[str, Any], key: str) -> list[tuple[int, dict[str, Any]]]:
    value = parent.get(key)
    if not isinstance(value, list):
        return []
    return [(i, record) for i, record in enumerate(value) if isinstance(record, dict)]


class ReferenceChecks:
    """Checks one record at a time, remembering what earlier records defined."""

    def __init__(self, existing: Existing, problems: Problems) -> None:
        self.existing = existing
        self.problems = problems
        self.seen: dict[str, dict[UUID, str]] = {
            kind: {} for kind in ("tags", "practices", "sessions", "entries", "sensations")
        }
        self.tag_names: dict[str, str] = {}
        self.practice_keys: dict[str, dict[str, str]] = {"slug": {}, "name": {}}

    def _unique(self, record: dict[str, Any], kind: str, path: Path) -> None:
        value = _uuid(record.get("uuid"))
        if value is None:
            return
        first = self.seen[kind].get(value)
        if first is not None:
            self.problems.add(
                (*path, "uuid"),
                _("%(value)s is also used by %(first)s") % {"value": value, "first": first},
            )
        else:
            self.seen[kind][value] = place(path)

    def _moments(self, record: dict[str, Any], kind: str, path: Path) -> None:
        for key in MOMENTS[kind]:
            value = record.get(key)
            if isinstance(value, str):
                try:
                    moment(value)
                except ValueError as error:
                    self.problems.add((*path, key), str(error))

    def profile(self, profile: Any) -> None:
        if not isinstance(profile, dict) or "time_zone" not in profile:
            return
        zone = profile["time_zone"]
        if isinstance(zone, str) and zone not in time_zone_names():
            self.problems.add(
                ("profile", "time_zone"),
                _("%(value)s is not a time zone we know") % {"value": describe(zone)},
            )

    def tag(self, record: dict[str, Any], path: Path) -> None:
        self._unique(record, "tags", path)
        name = record.get("name")
        if isinstance(name, str) and name.strip():
            key = name.strip().lower()
            first = self.tag_names.get(key)
            if first is not None:
                self.problems.add(
                    (*path, "name"),
                    _("%(value)s is also the name of %(first)s")
                    % {"value": describe(name.strip()), "first": first},
                )
            self.tag_names[key] = place(path)
        self._moments(record, "tag", path)

    def practice(self, record: dict[str, Any], path: Path) -> None:
        self._unique(record, "practices", path)
        name, slug = record.get("name"), record.get("slug")
        if isinstance(name, str) and (slug is None or isinstance(slug, str)):
            keys = {"slug": practice_slug(record), "name": name.strip().lower()}
            for where, key in keys.items():
                seen = self.practice_keys[where]
                if not key:
                    continue
                if key in seen:
                    self.problems.add(
                        (*path, where),
                        _("%(value)s is also used by %(first)s")
                        % {"value": describe(key), "first": seen[key]},
                    )
                seen[key] = place(path)
        self._moments(record, "practice", path)

    def _practice_ref(self, ref: Any, path: Path) -> None:
        if not isinstance(ref, dict) or ("slug" in ref) == ("uuid" in ref):
            return
        slug = ref.get("slug")
        if isinstance(slug, str) and slug not in self.existing.builtin_slugs:
            self.problems.add(
                (*path, "slug"),
                _("%(value)s is not a practice in this app's catalog") % {"value": describe(slug)},
            )
        practice = _uuid(ref.get("uuid"))
        if practice is not None and not (
            practice in self.seen["practices"] or practice in self.existing.practices
        ):
            self.problems.add(
                (*path, "uuid"),
                _("no practice with UUID %(uuid)s in the file or your journal")
                % {"uuid": practice},
            )

    def session(self, record: dict[str, Any], path: Path) -> None:
        self._unique(record, "sessions", path)
        self._practice_ref(record.get("practice"), (*path, "practice"))
        self._moments(record, "session", path)
        started, ended = record.get("started_at"), record.get("ended_at")
        if isinstance(started, str) and isinstance(ended, str):
            try:
                if moment(ended) < moment(started):
                    self.problems.add((*path, "ended_at"), _("is before started_at"))
            except ValueError:
                pass  # already reported by _moments
        self.sensations(record, path)

    def entry(self, record: dict[str, Any], path: Path) -> None:
        self._unique(record, "entries", path)
        self._moments(record, "entry", path)
        tags = record.get("tags")
        for i, ref in enumerate(tags if isinstance(tags, list) else []):
            tag = _uuid(ref)
            if tag is not None and tag not in self.seen["tags"] and tag not in self.existing.tags:
                self.problems.add(
                    (*path, "tags", i),
                    _("no tag with UUID %(uuid)s in the file or your journal") % {"uuid": tag},
                )
        session = _uuid(record.get("session"))
        if session is not None and not (
            session in self.seen["sessions"] or session in self.existing.sessions
        ):
            self.problems.add(
                (*path, "session"),
                _("no session with UUID %(uuid)s in the file or your journal") % {"uuid": session},
            )
        self.sensations(record, path)

    def sensations(self, parent: dict[str, Any], path: Path) -> None:
        for i, record in _records(parent, "sensations"):
            where = (*path, "sensations", i)
            self._unique(record, "sensations", where)
            self._moments(record, "sensation", where)
