"""export_journal and import_journal, for the person who hosts the app."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path
from typing import Any

import pytest
from django.core.management import CommandError, call_command

from journal.models import JournalEntry
from tests.factories import UserFactory
from tests.portability.test_export_formats import build_journal

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def fast_passwords(settings: Any) -> None:
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.mark.parametrize(
    ("fmt", "magic"), [("json", b"{"), ("csv", b"PK"), ("md", b"# My"), ("pdf", b"%PDF")]
)
def test_export_journal_writes_each_format(alice, tmp_path: Path, fmt: str, magic: bytes):
    build_journal(alice, days=2)
    out = tmp_path / f"out.{fmt}"
    call_command("export_journal", "--username", "alice", "--format", fmt, "--out", str(out))
    assert out.read_bytes().startswith(magic)
    if fmt == "csv":
        assert len(zipfile.ZipFile(out).namelist()) == 3


def test_export_then_import_moves_a_journal(alice, tmp_path: Path, capsys):
    build_journal(alice, days=3)
    out = tmp_path / "journal.json"
    call_command("export_journal", "--username", "alice", "--out", str(out))
    UserFactory(username="moved")
    call_command("import_journal", "--username", "moved", str(out))
    assert "entries: 7 added, 0 already there" in capsys.readouterr().out
    assert JournalEntry.objects.filter(user__username="moved").count() == 7
    call_command("import_journal", "--username", "moved", str(out))
    assert "entries: 0 added, 7 already there" in capsys.readouterr().out


def test_export_journal_keeps_to_the_dates_given(alice, tmp_path: Path):
    build_journal(alice, days=5)
    out = tmp_path / "part.json"
    call_command(
        "export_journal",
        "--username",
        "alice",
        "--since",
        "2025-03-02",
        "--until",
        "2025-03-03",
        "--out",
        str(out),
    )
    doc = json.loads(out.read_text())
    assert {e["occurred_at"][:10] for e in doc["entries"]} == {"2025-03-02", "2025-03-03"}


def test_import_journal_explains_a_bad_file(alice, tmp_path: Path):
    bad = tmp_path / "bad.json"
    bad.write_text('{"format": "soma-journal", "version": 1, "entries": [{"pain": 14}]}')
    with pytest.raises(CommandError) as refused:
        call_command("import_journal", "--username", "alice", str(bad))
    assert "entries[0].pain: 14 is above 10" in str(refused.value)
    assert "entries[0].uuid" in str(refused.value)
    assert not JournalEntry.objects.exists()


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["export_journal", "--username", "nobody", "--out", "x.json"], "no user called 'nobody'"),
        (["import_journal", "--username", "nobody", "x.json"], "no user called 'nobody'"),
        (
            ["export_journal", "--username", "alice", "--since", "2025-13-01", "--out", "x"],
            "not a day like",
        ),
        (
            [
                "export_journal",
                "--username",
                "alice",
                "--since",
                "2025-03-05",
                "--until",
                "2025-03-01",
                "--out",
                "x",
            ],
            "--since is after --until",
        ),
        (["import_journal", "--username", "alice", "/no/such/file.json"], "no file at"),
    ],
)
def test_the_commands_explain_what_is_wrong(alice, args, message):
    with pytest.raises(CommandError, match=message):
        call_command(*args)
