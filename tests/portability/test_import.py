"""Importing a JSON export: round trips, idempotence, and clear refusals that change nothing."""

from __future__ import annotations

import copy
import json
import uuid
from datetime import date
from typing import Any, cast

import pytest
from django.contrib.auth.models import User

from journal.demo.seed import demo_seed
from journal.models import EntryEmotion, JournalEntry, Profile, Sensation, Tag
from journal.portability import json_format
from journal.portability.importer import ImportFileError, journal_import
from journal.portability.reader import JournalReader
from practices.models import Practice, PracticeSession
from tests.factories import TagFactory, UserFactory
from tests.portability.test_export_formats import build_journal, document

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def fast_passwords(settings: Any) -> None:
    # Argon2 takes a noticeable moment per user; these tests make many users.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


LIMIT = 10 * 1024 * 1024


def export_bytes(user: User) -> bytes:
    return b"".join(json_format.export_json(JournalReader(user)))


def without_export_time(doc: dict[str, Any]) -> dict[str, Any]:
    doc = dict(doc)
    doc.pop("exported_at")
    return doc


def row_counts() -> dict[str, int]:
    return {
        model.__name__: model.objects.count()
        for model in (
            User,
            Profile,
            Tag,
            Practice,
            PracticeSession,
            JournalEntry,
            EntryEmotion,
            JournalEntry.tags.through,
            Sensation,
        )
    }


@pytest.fixture
def fresh(db: None) -> User:
    return cast(User, UserFactory(username="fresh", profile__time_zone="UTC"))


def test_a_year_of_demo_data_round_trips_exactly(alice, fresh):
    demo_seed(user=alice, years=1, seed=3, until=date(2025, 6, 30))
    first = export_bytes(alice)
    summary = journal_import(user=fresh, data=first, max_bytes=LIMIT)
    assert summary.added["entries"] == JournalEntry.objects.filter(user=alice).count() > 300
    assert summary.skipped_total == 0
    assert summary.settings_applied
    second = export_bytes(fresh)
    assert without_export_time(json.loads(second)) == without_export_time(json.loads(first))


def test_the_small_journal_round_trips_with_every_field(alice, fresh):
    build_journal(alice)
    journal_import(user=fresh, data=export_bytes(alice), max_bytes=LIMIT)
    assert without_export_time(document(fresh)) == without_export_time(document(alice))
    assert Profile.objects.get(user=fresh).time_zone == "Europe/London"


def test_importing_the_same_file_twice_adds_nothing(alice, fresh):
    build_journal(alice)
    data = export_bytes(alice)
    journal_import(user=fresh, data=data, max_bytes=LIMIT)
    before = row_counts()
    summary = journal_import(user=fresh, data=data, max_bytes=LIMIT)
    assert row_counts() == before
    assert summary.added_total == 0
    assert summary.skipped["entries"] == 25
    assert summary.skipped["sensations"] == 24


def test_the_same_uuids_may_live_in_two_accounts(alice, bob):
    """Importing alice's file into bob's account copies it; alice's rows are untouched."""
    build_journal(alice)
    alices = document(alice)
    journal_import(user=bob, data=export_bytes(alice), max_bytes=LIMIT)
    assert JournalEntry.objects.filter(user=bob).count() == 25
    assert without_export_time(document(alice)) == without_export_time(alices)
    assert set(JournalEntry.objects.filter(user=bob).values_list("uuid", flat=True)) == set(
        JournalEntry.objects.filter(user=alice).values_list("uuid", flat=True)
    )


def test_ids_and_user_fields_in_the_file_are_ignored(alice, bob):
    build_journal(bob)
    doc = document(bob)
    bob_entry = JournalEntry.objects.filter(user=bob).earliest("occurred_at")
    for record in doc["entries"]:
        record["id"] = bob_entry.pk
        record["user"] = bob.pk
        record["user_id"] = bob.pk
    doc["user"] = {"username": "bob", "id": bob.pk}
    journal_import(user=alice, data=json.dumps(doc).encode(), max_bytes=LIMIT)
    assert JournalEntry.objects.filter(user=alice).count() == 25
    assert JournalEntry.objects.filter(user=bob).count() == 25
    assert JournalEntry.objects.get(pk=bob_entry.pk).user == bob


def test_a_tag_with_a_name_already_there_is_reused(alice, fresh):
    build_journal(alice)
    mine = cast(Tag, TagFactory(user=fresh, name="Work Deadline"))
    JournalEntry.objects.filter(user=fresh).delete()
    summary = journal_import(user=fresh, data=export_bytes(alice), max_bytes=LIMIT)
    assert summary.added["tags"] == 1
    assert Tag.objects.filter(user=fresh).count() == 2
    assert mine.entries.count() == 12
    # The person already had something, so their own settings stay.
    assert not summary.settings_applied
    assert Profile.objects.get(user=fresh).time_zone == "UTC"


def _valid_doc(alice: User) -> dict[str, Any]:
    build_journal(alice, days=3)
    return document(alice)


BAD_DOCUMENTS: list[tuple[str, Any, str]] = [
    ("wrong top-level type", lambda d: [d], "should hold a JSON object"),
    ("a string at the top", lambda d: "journal", "should hold a JSON object"),
    ("unknown format", lambda d: {**d, "format": "daylio"}, '"format" is "daylio"'),
    ("unknown schema version", lambda d: {**d, "version": 2}, "version: 2 is not a schema"),
    ("version as text", lambda d: {**d, "version": "1"}, 'version: "1" is not a schema'),
    (
        "rating above 10",
        lambda d: _set(d, ["sessions", 0, "after", "pain"], 14),
        "sessions[0].after.pain: 14 is above 10",
    ),
    (
        "negative rating",
        lambda d: _set(d, ["entries", 1, "stress"], -1),
        "entries[1].stress: -1 is below 0",
    ),
    (
        "fractional rating",
        lambda d: _set(d, ["entries", 0, "pain"], 4.5),
        "entries[0].pain: 4.5 is not a whole number",
    ),
    (
        "huge number",
        lambda d: _set(d, ["sessions", 1, "before", "tension"], 10**30),
        "sessions[1].before.tension: 10000000000000000... is above 10",
    ),
    (
        "true as a rating",
        lambda d: _set(d, ["entries", 0, "pain"], True),
        "entries[0].pain: should be a whole number, not true",
    ),
    (
        "intensity out of range",
        lambda d: _set(d, ["entries", 1, "sensations", 0, "intensity"], 11),
        "entries[1].sensations[0].intensity: 11 is above 10",
    ),
    (
        "impossible date",
        lambda d: _set(d, ["entries", 0, "occurred_at"], "2025-02-30T09:00:00+00:00"),
        'entries[0].occurred_at: "2025-02-30T09:00:00+00:00" is not a date and time',
    ),
    (
        "no time zone offset",
        lambda d: _set(d, ["sessions", 0, "started_at"], "2025-03-01T09:00:00"),
        'sessions[0].started_at: "2025-03-01T09:00:00" has no time zone offset',
    ),
    (
        "impossible offset",
        lambda d: _set(d, ["sessions", 0, "started_at"], "2025-03-01T09:00:00+25:00"),
        "sessions[0].started_at:",
    ),
    (
        "year out of range",
        lambda d: _set(d, ["entries", 2, "occurred_at"], "0001-01-01T00:00:00+05:00"),
        "entries[2].occurred_at:",
    ),
    (
        "unknown time zone",
        lambda d: _set(d, ["profile", "time_zone"], "Mars/Olympus_Mons"),
        'profile.time_zone: "Mars/Olympus_Mons" is not a time zone we know',
    ),
    (
        "ended before started",
        lambda d: _set(d, ["sessions", 0, "ended_at"], "2020-01-01T00:00:00+00:00"),
        "sessions[0].ended_at: is before started_at",
    ),
    (
        "duplicate entry UUID",
        lambda d: _set(d, ["entries", 1, "uuid"], d["entries"][0]["uuid"]),
        "entries[1].uuid: ",
    ),
    (
        "duplicate sensation UUID across parents",
        lambda d: _set(
            d, ["entries", 1, "sensations", 0, "uuid"], d["sessions"][0]["sensations"][0]["uuid"]
        ),
        "is also used by sessions[0].sensations[0]",
    ),
    (
        "entry pointing at a missing session",
        lambda d: _set(d, ["entries", 1, "session"], str(uuid.UUID(int=7))),
        f"entries[1].session: no session with UUID {uuid.UUID(int=7)}",
    ),
    (
        "entry pointing at a missing tag",
        lambda d: _set(d, ["entries", 1, "tags"], [str(uuid.UUID(int=8))]),
        f"entries[1].tags[0]: no tag with UUID {uuid.UUID(int=8)}",
    ),
    (
        "session pointing at a missing practice",
        lambda d: _set(d, ["sessions", 0, "practice"], {"uuid": str(uuid.UUID(int=9))}),
        f"sessions[0].practice.uuid: no practice with UUID {uuid.UUID(int=9)}",
    ),
    (
        "session pointing at a practice not in the catalog",
        lambda d: _set(d, ["sessions", 1, "practice"], {"slug": "levitation"}),
        'sessions[1].practice.slug: "levitation" is not a practice',
    ),
    (
        "unknown region",
        lambda d: _set(d, ["entries", 1, "sensations", 0, "region"], "elbow"),
        'entries[1].sensations[0].region: "elbow" is not one of',
    ),
    (
        "not a UUID",
        lambda d: _set(d, ["tags", 0, "uuid"], "tag-1"),
        'tags[0].uuid: "tag-1" is not a UUID',
    ),
    (
        "a list where an object belongs",
        lambda d: _set(d, ["entries", 0], [1, 2]),
        "entries[0]: should be an object, not a list",
    ),
    (
        "text where a list belongs",
        lambda d: {**d, "sessions": "many"},
        'sessions: should be a list, not "many"',
    ),
    (
        "a NUL character in text",
        lambda d: _set(d, ["entries", 1, "body"], "bad\x00byte"),
        "entries[1].body: contains a NUL character",
    ),
    (
        "a note that is too long",
        lambda d: _set(d, ["entries", 1, "sensations", 0, "note"], "x" * 301),
        "entries[1].sensations[0].note: is 301 characters long; at most 300 fit",
    ),
]


def _set(doc: dict[str, Any], path: list[Any], value: Any) -> dict[str, Any]:
    doc = copy.deepcopy(doc)
    target: Any = doc
    for key in path[:-1]:
        target = target[key]
    target[path[-1]] = value
    return doc


@pytest.mark.parametrize(
    ("case", "change", "message"), BAD_DOCUMENTS, ids=[c[0] for c in BAD_DOCUMENTS]
)
def test_a_bad_document_is_refused_with_a_clear_message_and_changes_nothing(
    alice, fresh, case, change, message
):
    data = json.dumps(change(_valid_doc(alice))).encode()
    before = row_counts()
    with pytest.raises(ImportFileError) as refused:
        journal_import(user=fresh, data=data, max_bytes=LIMIT)
    assert any(message in m for m in refused.value.messages), refused.value.messages
    assert row_counts() == before


RAW_BAD_FILES: list[tuple[str, Any, str]] = [
    ("truncated JSON", lambda good: good[: len(good) // 2], "not complete, valid JSON (line"),
    ("empty file", lambda good: b"", "not complete, valid JSON"),
    ("invalid UTF-8", lambda good: b"\xff\xfe" + good, "not UTF-8 text"),
    (
        "Latin-1 text",
        lambda good: good.replace(b"Session", "Séance".encode("latin-1")),
        "not UTF-8",
    ),
    ("NaN", lambda good: good.replace(b'"stress":5', b'"stress":NaN', 1), "NaN"),
    ("Infinity", lambda good: good.replace(b'"stress":5', b'"stress":-Infinity', 1), "Infinity"),
    (
        "a float too big for a double",
        lambda good: good.replace(b'"stress":5', b'"stress":1e999', 1),
        "stress: 1E+999 is above 10",
    ),
    (
        "an integer with thousands of digits",
        lambda good: good.replace(b'"stress":5', b'"stress":' + b"9" * 5000, 1),
        "too many digits",
    ),
    ("deeply nested", lambda good: b"[" * 100_000 + b"]" * 100_000, "nested too deeply"),
    (
        "deeply nested inside a record",
        lambda good: good.replace(b'"body":""', b'"body":' + b"[" * 50_000 + b"]" * 50_000, 1),
        "nested too deeply",
    ),
    (
        "deep but parseable nesting",
        lambda good: good.replace(b'"body":""', b'"body":' + b"[" * 200 + b"]" * 200, 1),
        "body: should be text, not a list",
    ),
]


@pytest.mark.parametrize(
    ("case", "change", "message"), RAW_BAD_FILES, ids=[c[0] for c in RAW_BAD_FILES]
)
def test_an_unreadable_file_is_refused_with_a_clear_message_and_changes_nothing(
    alice, fresh, case, change, message
):
    good = json.dumps(_valid_doc(alice), separators=(",", ":")).encode()
    data = change(good)
    assert data != good
    before = row_counts()
    with pytest.raises(ImportFileError) as refused:
        journal_import(user=fresh, data=data, max_bytes=LIMIT)
    assert any(message in m for m in refused.value.messages), refused.value.messages
    assert row_counts() == before


def test_an_oversized_file_is_refused_before_reading(alice, fresh):
    data = b" " * 2048 + json.dumps(_valid_doc(alice)).encode()
    before = row_counts()
    with pytest.raises(ImportFileError) as refused:
        journal_import(user=fresh, data=data, max_bytes=1024)
    assert "the largest file this server accepts is 1 KB" in refused.value.messages[0]
    assert row_counts() == before


def test_many_problems_are_listed_together_up_to_a_limit(alice, fresh):
    doc = _valid_doc(alice)
    for record in doc["entries"]:
        record["pain"] = 99
        record["stress"] = 99
    for _ in range(30):
        doc["entries"].append(copy.deepcopy(doc["entries"][0]) | {"uuid": str(uuid.uuid4())})
    with pytest.raises(ImportFileError) as refused:
        journal_import(user=fresh, data=json.dumps(doc).encode(), max_bytes=LIMIT)
    messages = refused.value.messages
    assert "entries[0].pain: 99 is above 10" in messages
    assert "entries[0].stress: 99 is above 10" in messages
    assert messages[-1] == "(stopped after 50 problems)"


def test_a_minimal_hand_written_file_imports(fresh):
    doc = {
        "format": "soma-journal",
        "version": 1,
        "entries": [
            {
                "uuid": str(uuid.uuid4()),
                "occurred_at": "2025-05-01T08:00:00Z",
                "body": "Typed by hand",
                "sensations": [
                    {
                        "uuid": str(uuid.uuid4()),
                        "region": "neck",
                        "quality": "warm",
                        "intensity": 2,
                        "feel": "pleasant",
                    }
                ],
            }
        ],
    }
    summary = journal_import(user=fresh, data=json.dumps(doc).encode(), max_bytes=LIMIT)
    assert summary.added == {
        "tags": 0,
        "practices": 0,
        "sessions": 0,
        "entries": 1,
        "sensations": 1,
    }
    entry = JournalEntry.objects.get(user=fresh)
    assert entry.kind == "free"
    assert entry.sensations.get().occurred_at == entry.occurred_at


def test_new_regions_and_an_unrated_intensity_round_trip(alice, fresh):
    from tests.factories import CheckInFactory, SensationFactory

    entry = CheckInFactory(user=alice)
    SensationFactory(entry=entry, region="right_hand", quality="at_ease", intensity=None)
    SensationFactory(entry=entry, region="left_knee", quality="tight", intensity=3)
    data = export_bytes(alice)
    records = json.loads(data)
    exported = [s for e in records["entries"] for s in e["sensations"]]
    assert {(s["region"], s["intensity"]) for s in exported} == {
        ("right_hand", None),
        ("left_knee", 3),
    }
    journal_import(user=fresh, data=data, max_bytes=LIMIT)
    assert set(Sensation.objects.filter(user=fresh).values_list("region", "intensity")) == {
        ("right_hand", None),
        ("left_knee", 3),
    }


def test_an_export_made_before_the_new_regions_still_imports(alice, fresh):
    from tests.factories import CheckInFactory, SensationFactory

    entry = CheckInFactory(user=alice)
    SensationFactory(entry=entry, region="lower_back", intensity=6)
    doc = json.loads(export_bytes(alice))
    for record in (s for e in doc["entries"] for s in e["sensations"]):
        assert record["region"] == "lower_back" and record["intensity"] == 6
    journal_import(user=fresh, data=json.dumps(doc).encode(), max_bytes=LIMIT)
    assert list(Sensation.objects.filter(user=fresh).values_list("region", "intensity")) == [
        ("lower_back", 6)
    ]
