"""Golden pages: the HTML of every page kind and the bytes of every export, for a fixed seed
and clock, compared with copies recorded before the code was reorganised.

`GOLDEN_RECORD=1 pytest tests/cross/test_golden.py` writes the copies to tests/golden/;
without it the test compares against them. CSRF tokens and CSP nonces are masked.
"""

from __future__ import annotations

import io
import itertools
import os
import re
import uuid
import zipfile
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any, cast
from unittest import mock

import pytest
import time_machine
from django.contrib.auth.models import User
from django.test import Client

GOLDEN = Path(__file__).resolve().parent.parent / "golden"
RECORD = os.environ.get("GOLDEN_RECORD") == "1"
NOW = datetime(2026, 11, 25, 10, 30, tzinfo=UTC)
_MASKS = [
    (
        re.compile(r'name="csrfmiddlewaretoken" value="[^"]+"'),
        'name="csrfmiddlewaretoken" value="-"',
    ),
    (re.compile(r'"X-CSRFToken": "[^"]+"'), '"X-CSRFToken": "-"'),
    (re.compile(r'nonce="[^"]+"'), 'nonce="-"'),
]


def _mask(text: str) -> str:
    for pattern, replacement in _MASKS:
        text = pattern.sub(replacement, text)
    return text


def _fixed_uuids() -> None:
    """Give every stored row a UUID made from its table and id, so pages are repeatable."""
    from journal.models import JournalEntry, Sensation, Tag
    from practices.models import Practice, PracticeSession

    models: list[Any] = [Tag, Practice, PracticeSession, JournalEntry, Sensation]
    for table, model in enumerate(models, 1):
        # By rank, not by id: ids depend on what earlier tests inserted and deleted.
        pks = model.objects.order_by("pk").values_list("pk", flat=True)
        for rank, pk in enumerate(pks, 1):
            model.objects.filter(pk=pk).update(uuid=uuid.UUID(int=(table << 64) + rank))


def _build(user: User) -> None:
    from journal.core.vocabulary import EntryKind
    from journal.demo.seed import demo_seed
    from journal.entries.services import entry_create
    from practices.models import Practice
    from practices.services import practice_create, session_start

    demo_seed(user=user, years=1, seed=7, until=date(2026, 11, 25))
    entry_create(
        user=user,
        kind=EntryKind.EXPRESSIVE,
        is_draft=True,
        body="A draft that is **still** being written.",
        token=uuid.UUID(int=1),
    )
    practice_create(
        user=user,
        name="Sofa breathing",
        category="breath",
        summary="Slow breaths on the sofa.",
        steps=["Sit back.", "Breathe out slowly."],
        default_minutes=5,
    )
    session_start(
        user=user,
        practice=Practice.objects.get(slug="body-scan", user=None),
        planned_minutes=10,
        before={"pain": 5, "tension": 6, "safety": 4, "connection": 5},
        token=uuid.UUID(int=2),
    )
    _fixed_uuids()


def _pages(user: User) -> list[tuple[str, str, dict[str, str] | None, bool]]:
    """(name, path, POST data or None, htmx)."""
    from journal.core.vocabulary import EntryKind
    from journal.models import JournalEntry
    from practices.models import PracticeSession

    entries = JournalEntry.objects.for_user(user)
    by_kind = {kind: entries.filter(kind=kind, is_draft=False).first() for kind in EntryKind.values}
    sessions: Any = PracticeSession.objects.for_user(user)
    finished = sessions.finished().first()
    running = sessions.in_progress().first()
    assert finished is not None and running is not None
    pages: list[tuple[str, str, dict[str, str] | None, bool]] = [
        ("today", "/", None, False),
        ("timeline", "/timeline/", None, False),
        ("timeline-filtered", "/timeline/?emotion=anxious&region=lower_back", None, False),
        ("timeline-htmx", "/timeline/?kind=session", None, True),
        ("review", "/review/2026/47/", None, False),
        ("review-last-week", "/review/2026/46/", None, False),
        ("review-htmx", "/review/2026/45/", None, True),
        ("trends", "/review/trends/", None, False),
        ("tags", "/tags/", None, False),
        ("settings", "/settings/", None, False),
        ("delete-account", "/settings/delete-account/", None, False),
        ("export", "/export/", None, False),
        ("import", "/import/", None, False),
        ("summary", "/export/summary/?since=2026-06-01&until=2026-11-25", None, False),
        ("summary-all", "/export/summary/", None, False),
        ("new-free", "/journal/new/free/", None, False),
        ("new-expressive", "/journal/new/expressive/", None, False),
        ("new-reframe", "/journal/new/reframe/", None, False),
        ("reflect", f"/journal/reflect/{finished.uuid}/", None, False),
        ("catalog", "/practices/", None, False),
        ("practice-detail", "/practices/body-scan/", None, False),
        ("practice-start", "/practices/body-scan/start/", None, False),
        ("own-new", "/practices/own/new/", None, False),
        ("session-log", "/practices/sessions/log/", None, False),
        ("session-detail", f"/practices/sessions/{finished.uuid}/", None, False),
        ("session-edit", f"/practices/sessions/{finished.uuid}/edit/", None, False),
        ("session-run", f"/practices/sessions/{running.uuid}/run/", None, False),
        ("session-finish", f"/practices/sessions/{running.uuid}/finish/", None, False),
        ("password-change", "/accounts/password/change/", None, False),
        (
            "today-row-htmx",
            "/",
            {"_add_row": "lower_back", "_index": "3", "token": str(uuid.UUID(int=9))},
            True,
        ),
        (
            "checkin-error",
            "/",
            {"token": str(uuid.UUID(int=10)), "pain": "11"},
            False,
        ),
    ]
    for kind, entry in by_kind.items():
        if entry is not None:
            pages.append((f"entry-{kind}", f"/journal/{entry.uuid}/", None, False))
            pages.append((f"entry-{kind}-edit", f"/journal/{entry.uuid}/edit/", None, False))
    return pages


EXPORTS = [
    ("export.json", "/export/download/?format=json"),
    ("export-range.json", "/export/download/?format=json&since=2026-10-01&until=2026-11-25"),
    ("export.md", "/export/download/?format=md"),
    ("export.csv.zip", "/export/download/?format=csv"),
]


def _compare(name: str, content: bytes) -> None:
    path = GOLDEN / name
    if RECORD:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(content)
        return
    assert path.exists(), f"no golden copy of {name}; record with GOLDEN_RECORD=1"
    assert content == path.read_bytes(), f"{name} differs from its golden copy"


def _zip_contents(data: bytes) -> bytes:
    """The CSV archive's files and bytes (the archive's own timestamps aside)."""
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return b"".join(
            info.filename.encode() + b"\n" + archive.read(info) for info in archive.infolist()
        )


@pytest.mark.django_db
def test_pages_and_exports_match_their_golden_copies() -> None:
    from tests.factories import UserFactory

    counter = itertools.count(1000)
    with (
        time_machine.travel(NOW, tick=False),
        mock.patch("uuid.uuid4", lambda: uuid.UUID(int=next(counter))),
    ):
        user = cast(
            User,
            UserFactory(
                username="golden", profile__time_zone="Europe/Paris", profile__week_start=0
            ),
        )
        _build(user)
        client = Client()
        client.force_login(user, backend="django.contrib.auth.backends.ModelBackend")
        pages = _pages(user)
        assert len(pages) >= 30
        for name, path, data, htmx in pages:
            headers: dict[str, Any] = {"HTTP_HX_REQUEST": "true"} if htmx else {}
            if data is None:
                response = client.get(path, **headers)
            else:
                response = client.post(path, data, **headers)
            assert response.status_code in (200, 400), (name, response.status_code)
            _compare(f"{name}.html", _mask(response.content.decode()).encode())
        for name, path in EXPORTS:
            response = client.get(path)
            assert response.status_code == 200, name
            content = b"".join(response.streaming_content)  # type: ignore[attr-defined]
            if name.endswith(".zip"):
                content = _zip_contents(content)
            _compare(name, content)
        anonymous = Client()
        for name, path in [("home", "/"), ("login", "/accounts/login/"), ("signup", "/signup/")]:
            response = anonymous.get(path)
            _compare(f"anon-{name}.html", _mask(response.content.decode()).encode())
