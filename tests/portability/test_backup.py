"""`manage.py backup` and `restore`: a backup taken while people write holds every row
committed before it began, consistently, and restores into a fresh database."""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Iterator
from contextlib import closing
from pathlib import Path
from typing import Any
from unittest import mock

import pytest
from django.core.management import CommandError, call_command

from tests.cross.test_concurrency import (
    COUNTS,
    SENSATIONS_PER_CHECKIN,
    Database,
    base_env,
    committed_tokens,
    finish_writers,
    make_user,
    manage,
    on_postgresql,
    scratch_database,
    start_writers,
    stored_tokens,
    table_counts,
)

WRITE_SECONDS = 12.0


@pytest.fixture
def database(tmp_path: Path, django_db_blocker: Any) -> Iterator[Database]:
    with scratch_database(tmp_path, django_db_blocker, "source") as db:
        yield db


@pytest.fixture
def fresh_database(tmp_path: Path, django_db_blocker: Any) -> Iterator[Database]:
    """An empty database of the same kind to restore into."""
    with scratch_database(tmp_path, django_db_blocker, "restored", migrate=False) as db:
        yield db


@pytest.mark.django_db(transaction=True)
def test_a_backup_taken_during_writes_restores_every_committed_row(
    database: Database, fresh_database: Database, tmp_path: Path
) -> None:
    make_user(database, "writer")
    out_dir = tmp_path / "tokens"
    out_dir.mkdir()
    backup = tmp_path / "journal.backup"

    writers = start_writers(database, "writer", out_dir, WRITE_SECONDS)
    # Let the writers get going before the backup starts.
    give_up = time.monotonic() + 60
    while len(committed_tokens(out_dir)) < 40 and time.monotonic() < give_up:
        time.sleep(0.2)
    began = time.monotonic()
    before = set(committed_tokens(out_dir))
    manage("backup", str(backup), env=database.env)
    after = set(committed_tokens(out_dir))
    print(f"backup: {time.monotonic() - began:.1f} s, {len(after) - len(before)} written meanwhile")
    finish_writers(writers, WRITE_SECONDS)

    assert len(before) > 0
    assert len(after) > len(before), "check-ins must be committed while the backup runs"
    assert oct(backup.stat().st_mode & 0o777) == oct(0o600)
    manage("restore", str(backup), "--force", env=fresh_database.env)
    restored = set(stored_tokens(fresh_database))
    entries, sensations, emotions, entry_tags, tags = table_counts(fresh_database, COUNTS)
    # Everything committed before the backup began is there; nothing after it ended is.
    assert {t.replace("-", "") for t in before} <= restored
    assert restored <= {t.replace("-", "") for t in after}
    assert entries == len(restored)
    # A consistent snapshot: no check-in without all its sensations, emotions and tags.
    assert sensations == SENSATIONS_PER_CHECKIN * entries
    assert emotions == entries
    assert entry_tags == 2 * entries
    # The shared tag and one per writer that had committed by then.
    assert 2 <= tags <= 1 + 8
    # The restored database is a working one: the app can migrate and read it.
    manage("migrate", "--check", env=fresh_database.env)


@pytest.mark.django_db(transaction=True)
def test_restore_replaces_what_is_there(
    database: Database, fresh_database: Database, tmp_path: Path
) -> None:
    make_user(database, "first")
    backup = tmp_path / "first.backup"
    manage("backup", str(backup), env=database.env)
    manage("migrate", "--noinput", "-v0", env=fresh_database.env)
    make_user(fresh_database, "someone_else")

    manage("restore", str(backup), "--force", env=fresh_database.env)

    users = manage(
        "shell",
        "-c",
        "from django.contrib.auth.models import User;"
        "print(sorted(User.objects.values_list('username', flat=True)))",
        env=fresh_database.env,
    )
    assert users.strip().splitlines()[-1] == "['first']"


def test_backup_refuses_to_overwrite_a_file_without_force(tmp_path: Path) -> None:
    existing = tmp_path / "old.backup"
    existing.write_text("keep me")

    with pytest.raises(CommandError, match="already exists"):
        call_command("backup", str(existing))

    assert existing.read_text() == "keep me"


def test_restore_refuses_without_force_when_it_cannot_ask(tmp_path: Path) -> None:
    backup = tmp_path / "some.backup"
    backup.write_bytes(b"anything")

    with pytest.raises(CommandError, match="--force"):
        call_command("restore", str(backup), interactive=False)


@pytest.mark.parametrize("answer", ["no", "", "y"])
def test_restore_stops_unless_the_answer_is_yes(tmp_path: Path, answer: str) -> None:
    backup = tmp_path / "some.backup"
    backup.write_bytes(b"anything")

    with (
        mock.patch("builtins.input", return_value=answer),
        mock.patch("journal.management.commands.restore.backup_restore") as restore,
        pytest.raises(CommandError, match="cancelled"),
    ):
        call_command("restore", str(backup))

    assert not restore.called


def test_restore_goes_ahead_on_yes(tmp_path: Path) -> None:
    backup = tmp_path / "some.backup"
    backup.write_bytes(b"anything")

    with (
        mock.patch("builtins.input", return_value="yes"),
        mock.patch("journal.management.commands.restore.backup_restore") as restore,
    ):
        call_command("restore", str(backup))

    restore.assert_called_once()


def test_restore_names_a_missing_file(tmp_path: Path) -> None:
    with pytest.raises(CommandError, match="No backup file"):
        call_command("restore", str(tmp_path / "missing"), force=True)


@pytest.mark.skipif(on_postgresql(), reason="SQLite file checks")
def test_restore_refuses_a_file_that_is_not_an_sqlite_backup(tmp_path: Path) -> None:
    env = base_env()
    env["SQLITE_PATH"] = str(tmp_path / "target.sqlite3")
    bogus = tmp_path / "bogus.backup"
    bogus.write_bytes(b"this is not a database" * 100)

    import subprocess
    import sys

    result = subprocess.run(
        [sys.executable, "manage.py", "restore", str(bogus), "--force"],
        cwd=Path(__file__).resolve().parents[2],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )

    assert result.returncode != 0
    assert "is not an SQLite backup" in result.stderr


@pytest.mark.skipif(on_postgresql(), reason="SQLite file checks")
def test_an_sqlite_backup_is_a_standalone_file(database: Database, tmp_path: Path) -> None:
    backup = tmp_path / "standalone.sqlite3"
    manage("backup", str(backup), env=database.env)

    with closing(sqlite3.connect(backup)) as conn:
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert not Path(f"{backup}-wal").exists()


def test_pg_dump_gets_the_password_from_the_environment_only() -> None:
    from journal.portability import backup as backup_module

    db = {
        "ENGINE": "django.db.backends.postgresql",
        "NAME": "journal",
        "USER": "journal",
        "PASSWORD": "s3cret-password",
        "HOST": "127.0.0.1",
        "PORT": "5432",
        "OPTIONS": {},
    }
    with mock.patch.object(backup_module.subprocess, "run") as run:
        run.return_value.returncode = 0
        backup_module._pg_dump(db, Path("/tmp/x.dump"))

    args = run.call_args.args[0]
    env = run.call_args.kwargs["env"]
    assert "s3cret-password" not in " ".join(args)
    assert env["PGPASSWORD"] == "s3cret-password"
    assert "--no-password" in args
    assert "--format=custom" in args
