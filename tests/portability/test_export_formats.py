"""What each export format holds: everything of the person's, nothing of anyone else's."""

from __future__ import annotations

import csv
import io
import json
import zipfile
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from django.contrib.auth.models import User
from jsonschema import Draft202012Validator

from journal.core.vocabulary import Emotion, EntryKind, Feel, Quality, RedFlag, Region
from journal.models import JournalEntry, Profile, Sensation, Tag
from journal.portability import csv_format, json_format, markdown_format
from journal.portability.csv_format import safe_cell
from journal.portability.reader import DateRange, JournalReader
from practices.models import RATINGS, Practice, PracticeSession
from tests.factories import (
    CheckInFactory,
    JournalEntryFactory,
    PracticeFactory,
    PracticeSessionFactory,
    SensationFactory,
    TagFactory,
    builtin_practice,
)

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def fast_passwords(settings: Any) -> None:
    # Argon2 takes a noticeable moment per user; these tests make many users.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


LONDON = ZoneInfo("Europe/London")
TRICKY = 'Said "no", then: cried\non the bus, comma, "quote"\r\nand a new line'


def build_journal(user: User, *, days: int = 12, start: date = date(2025, 3, 1)) -> None:
    """A small but complete journal: every kind of row and field an export carries."""
    deadline = TagFactory(user=user, name="work deadline")
    said_no = TagFactory(user=user, name="said no")
    own = PracticeFactory(
        user=user, name="Lying on the warm floor", slug="warm-floor", steps=["Lie down.", "Rest."]
    )
    for n in range(days):
        morning = datetime.combine(start + timedelta(days=n), datetime.min.time(), LONDON)
        session = PracticeSessionFactory(
            user=user,
            practice=own if n % 3 == 0 else builtin_practice("body-scan"),
            started_at=morning + timedelta(hours=8),
            notes=f"Session {n}: breath slowed",
        )
        SensationFactory(
            entry=None,
            session=session,
            region=Region.SACRUM,
            quality=Quality.SPACIOUS,
            feel=Feel.PLEASANT,
            intensity=3,
            note="-ease spreading" if n == 0 else "",
        )
        CheckInFactory(user=user, occurred_at=morning + timedelta(hours=7), sleep_hours=6.5)
        entry = JournalEntryFactory(
            user=user,
            kind=EntryKind.POST_PRACTICE,
            occurred_at=morning + timedelta(hours=9),
            session=session,
            body=TRICKY if n == 0 else f"Entry {n}: ease in the lower back",
            tags=[deadline, said_no] if n % 2 == 0 else [deadline],
            emotions=["calm", "hopeful"],
        )
        SensationFactory(entry=entry, note="=HYPERLINK(1)" if n == 0 else "")
    JournalEntryFactory(
        user=user,
        kind=EntryKind.REFRAME,
        occurred_at=datetime.combine(start, datetime.min.time(), LONDON) + timedelta(hours=20),
        belief="Bending will break me",
        belief_strength_before=80,
        reframe="My back is strong and adapts",
        belief_strength_after=40,
        red_flag_night_pain=True,
    )


def document(user: User, date_range: DateRange | None = None) -> dict[str, Any]:
    return json.loads(b"".join(json_format.export_json(JournalReader(user, date_range))))


def csv_files(user: User) -> dict[str, list[dict[str, str]]]:
    data = b"".join(csv_format.export_csv_zip(JournalReader(user)))
    archive = zipfile.ZipFile(io.BytesIO(data))
    assert archive.testzip() is None
    return {
        name: list(csv.DictReader(io.StringIO(archive.read(name).decode("utf-8-sig"))))
        for name in archive.namelist()
    }


def markdown(user: User, date_range: DateRange | None = None) -> str:
    return b"".join(markdown_format.export_markdown(JournalReader(user, date_range))).decode()


@pytest.fixture
def journals(alice: User, bob: User) -> None:
    build_journal(alice)
    bobs = JournalEntryFactory(user=bob, body="bob's private words")
    SensationFactory(entry=bobs, note="bob's knee")
    PracticeSessionFactory(user=bob, notes="bob's session")
    TagFactory(user=bob, name="bob's tag")
    PracticeFactory(user=bob, name="Bob's own practice")


def test_the_json_export_holds_every_row_of_the_person(journals, alice):
    doc = document(alice)
    assert doc["format"] == "soma-journal"
    assert doc["version"] == 1
    assert doc["profile"] == {"time_zone": "Europe/London", "week_start": 0, "language": ""}
    assert len(doc["entries"]) == JournalEntry.objects.filter(user=alice).count() == 25
    assert len(doc["sessions"]) == PracticeSession.objects.filter(user=alice).count() == 12
    sensations = [s for r in doc["entries"] + doc["sessions"] for s in r["sensations"]]
    assert len(sensations) == Sensation.objects.filter(user=alice).count() == 24
    assert {t["name"] for t in doc["tags"]} == {"work deadline", "said no"}
    assert [p["slug"] for p in doc["practices"]] == ["warm-floor"]
    assert {json.dumps(s["practice"]) for s in doc["sessions"]} == {
        json.dumps({"slug": "body-scan"}),
        json.dumps({"uuid": doc["practices"][0]["uuid"]}),
    }


def test_the_json_export_keeps_full_detail(journals, alice):
    doc = document(alice)
    first = next(e for e in doc["entries"] if e["body"] == TRICKY)
    assert first["emotions"] == ["calm", "hopeful"]
    assert sorted(first["tag_names"]) == ["said no", "work deadline"]
    assert first["session"] in {s["uuid"] for s in doc["sessions"]}
    # Times carry the offset of the person's zone (London is UTC+0 in March).
    assert first["occurred_at"] == "2025-03-01T09:00:00+00:00"
    check_in = next(e for e in doc["entries"] if e["kind"] == "check_in")
    assert check_in["sleep_hours"] == 6.5
    assert check_in["pain"] == 4
    reframe = next(e for e in doc["entries"] if e["kind"] == "reframe")
    assert reframe["belief_strength_before"] == 80
    assert reframe["red_flags"] == ["night_pain"]
    session = doc["sessions"][0]
    assert session["before"] == {"pain": 6, "tension": 6, "safety": 4, "connection": 4}
    assert session["after"]["safety"] == 6


def test_times_in_summer_carry_the_summer_offset(alice):
    JournalEntryFactory(user=alice, occurred_at=datetime(2025, 7, 1, 9, 0, tzinfo=LONDON))
    assert document(alice)["entries"][0]["occurred_at"] == "2025-07-01T09:00:00+01:00"


@pytest.mark.parametrize("fmt", ["json", "csv", "md"])
def test_bobs_data_never_appears_in_alices_export(journals, alice, fmt):
    if fmt == "json":
        text = json.dumps(document(alice))
    elif fmt == "csv":
        text = json.dumps(csv_files(alice))
    else:
        text = markdown(alice)
    assert "bob" not in text.lower()


def test_the_csv_zip_has_one_file_per_kind_with_every_row(journals, alice):
    files = csv_files(alice)
    assert sorted(files) == ["entries.csv", "sensations.csv", "sessions.csv"]
    entry_uuids = {
        str(u) for u in JournalEntry.objects.filter(user=alice).values_list("uuid", flat=True)
    }
    assert {row["uuid"] for row in files["entries.csv"]} == entry_uuids
    assert len(files["sessions.csv"]) == 12
    assert len(files["sensations.csv"]) == 24
    parents = {row["parent_kind"] for row in files["sensations.csv"]}
    assert parents == {"entry", "session"}


def test_commas_quotes_and_newlines_survive_the_csv(journals, alice):
    files = csv_files(alice)
    bodies = [row["body"] for row in files["entries.csv"]]
    assert TRICKY in bodies


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("=SUM(A1:A3)", "'=SUM(A1:A3)"),
        ("+44 20", "'+44 20"),
        ("-ease", "'-ease"),
        ("@risk", "'@risk"),
        ("\tindent", "'\tindent"),
        ("\rreturn", "'\rreturn"),
        ("plain, words", "plain, words"),
        ("", ""),
        (None, ""),
        (True, "true"),
        (7, "7"),
    ],
)
def test_formula_like_cells_are_made_inert(text, expected):
    assert safe_cell(text) == expected


def test_formula_like_text_is_neutralised_in_the_csv_files(journals, alice):
    files = csv_files(alice)
    notes = {row["note"] for row in files["sensations.csv"]}
    assert "'=HYPERLINK(1)" in notes
    assert "'-ease spreading" in notes
    assert "=HYPERLINK(1)" not in notes


def test_the_markdown_has_a_section_per_day_and_every_entry(journals, alice):
    text = markdown(alice)
    assert text.count("\n## ") == 12
    assert "## Saturday 1 March 2025" in text
    for body in (
        JournalEntry.objects.filter(user=alice).exclude(body="").values_list("body", flat=True)
    ):
        assert body.strip() in text
    assert text.count("· Check-in") == 12
    assert "- Pain: 6 before, 4 after" in text
    assert "Spacious in sacrum, 3/10, pleasant" in text
    assert "Kinder view (40/100): My back is strong and adapts" in text
    assert "Severe pain that does not ease and is worse at night" in text


def test_a_date_range_keeps_only_those_days(journals, alice):
    chosen = DateRange(since=date(2025, 3, 3), until=date(2025, 3, 4))
    doc = document(alice, chosen)
    days = {e["occurred_at"][:10] for e in doc["entries"]} | {
        s["started_at"][:10] for s in doc["sessions"]
    }
    assert days == {"2025-03-03", "2025-03-04"}
    assert doc["range"] == {"since": "2025-03-03", "until": "2025-03-04"}
    text = markdown(alice, chosen)
    assert text.count("\n## ") == 2


def test_a_partial_export_leaves_out_links_to_sessions_outside_it(alice):
    session = PracticeSessionFactory(
        user=alice, started_at=datetime(2025, 3, 1, 23, 50, tzinfo=LONDON)
    )
    JournalEntryFactory(
        user=alice, session=session, occurred_at=datetime(2025, 3, 2, 0, 5, tzinfo=LONDON)
    )
    doc = document(alice, DateRange(since=date(2025, 3, 2)))
    assert doc["sessions"] == []
    assert doc["entries"][0]["session"] is None


def test_an_empty_journal_exports_cleanly(alice):
    doc = document(alice)
    assert doc["entries"] == doc["sessions"] == doc["tags"] == doc["practices"] == []
    assert markdown(alice).startswith("# My journal")
    assert all(len(rows) == 0 for rows in csv_files(alice).values())


def test_the_json_streams_in_several_chunks(journals, alice):
    chunks = list(json_format.export_json(JournalReader(alice)))
    assert len(chunks) > 5
    assert all(isinstance(chunk, bytes) for chunk in chunks)


# Columns that are not the person's data (ids, double-submit tokens), or are carried
# another way (parents by nesting or UUID).
# `version` counts an entry's saves to refuse stale edits; a new journal starts it again.
NOT_EXPORTED = {"id", "user", "entry", "session", "practice", "submit_token", "start_token"}
NOT_EXPORTED |= {"version"}
# A practice's spoken script is the catalog's (own practices are spoken from their steps).
NOT_EXPORTED |= {"guidance"}
# Its words in other languages are the catalog's too (practices/catalog_i18n/).
NOT_EXPORTED |= {"translations"}
CARRIED_AS = {
    "red_flag_bladder_bowel": "red_flags",
    "red_flag_leg_weakness": "red_flags",
    "red_flag_fever_weight": "red_flags",
    "red_flag_night_pain": "red_flags",
    **{f"{when}_{r}": when for when in ("before", "after") for r in RATINGS},
}


def test_every_column_of_the_journal_is_in_the_export(journals, alice):
    """A field added to a model later fails here until the export carries it."""
    doc = document(alice)
    samples = {
        JournalEntry: doc["entries"][0],
        PracticeSession: doc["sessions"][0],
        Sensation: doc["sessions"][0]["sensations"][0],
        Tag: doc["tags"][0],
        Practice: doc["practices"][0],
        Profile: doc["profile"],
    }
    for model, record in samples.items():
        for model_field in model._meta.concrete_fields:
            name = model_field.name
            # The new-device email is a log-in setting of this server, not part of the journal.
            if name in NOT_EXPORTED or (
                model is Profile and name in {"created_at", "notify_new_device"}
            ):
                continue
            assert CARRIED_AS.get(name, name) in record, f"{model.__name__}.{name}"
    many_to_many = {f.name for f in JournalEntry._meta.many_to_many}
    assert many_to_many == {"tags"}
    assert {rel.name for rel in JournalEntry._meta.related_objects} >= {"emotions", "sensations"}


SCHEMA_PATH = Path(__file__).resolve().parents[2] / "schema" / "journal-export-v1.schema.json"


def test_the_export_matches_the_published_json_schema(journals, alice):
    schema = json.loads(SCHEMA_PATH.read_text())
    Draft202012Validator.check_schema(schema)
    validator = Draft202012Validator(schema, format_checker=Draft202012Validator.FORMAT_CHECKER)
    errors = [
        f"{list(e.absolute_path)}: {e.message}" for e in validator.iter_errors(document(alice))
    ]
    assert errors == []


def test_the_schema_lists_the_apps_current_vocabulary():
    defs = json.loads(SCHEMA_PATH.read_text())["$defs"]
    assert defs["sensation"]["properties"]["region"]["enum"] == Region.values
    assert defs["sensation"]["properties"]["quality"]["enum"] == Quality.values
    assert defs["sensation"]["properties"]["feel"]["enum"] == Feel.values
    assert defs["entry"]["properties"]["kind"]["enum"] == EntryKind.values
    assert defs["entry"]["properties"]["emotions"]["items"]["enum"] == Emotion.values
    assert defs["entry"]["properties"]["red_flags"]["items"]["enum"] == RedFlag.values


def test_small_reading_chunks_give_the_same_export(journals, alice, monkeypatch):
    """Chunk boundaries (children fetched per chunk) lose and repeat nothing."""
    whole = document(alice)
    monkeypatch.setattr("journal.portability.reader.CHUNK_SIZE", 4)
    chunked = document(alice)
    whole.pop("exported_at")
    chunked.pop("exported_at")
    assert chunked == whole
    assert len(csv_files(alice)["sensations.csv"]) == 24


def test_plain_text_fields_cannot_become_markup_in_the_markdown(alice):
    tag = TagFactory(user=alice, name="<b>loud</b> & [link](x)")
    entry = JournalEntryFactory(user=alice, body="My **own** Markdown", tags=[tag])
    SensationFactory(entry=entry, note="<img src=x> *not emphasis*")
    text = markdown(alice)
    assert r"- Tags: \<b\>loud\</b\> \& \[link\](x)" in text
    assert r"\<img src=x\> \*not emphasis\*" in text
    # The entry body is the person's own Markdown and stays as written.
    assert "My **own** Markdown" in text


def test_html_in_an_entry_body_is_shown_as_text_in_the_markdown(alice):
    body = (
        "Tight <script>alert(1)</script> today\n"
        '<img src=x onerror="alert(2)">\n'
        "> a quote I keep\n"
        "> > and a nested one\n"
        "Typed &lt; and &#60; by hand, fish & chips, 3 > 2"
    )
    JournalEntryFactory(user=alice, body=body)
    text = markdown(alice)
    assert "<script" not in text
    assert "<img" not in text
    assert "Tight &lt;script&gt;alert(1)&lt;/script&gt; today" in text
    assert '&lt;img src=x onerror="alert(2)"&gt;' in text
    # Quoted lines stay quotes; a bare & is left alone, one that starts an entity is escaped.
    assert "\n> a quote I keep\n> > and a nested one\n" in text
    assert "Typed &amp;lt; and &amp;#60; by hand, fish & chips, 3 &gt; 2" in text
