"""Files holding health data or keys are created 0600, whatever the umask says, and a
start-up check warns about any that other accounts could open."""

from __future__ import annotations

import os
import stat
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from journal import settings as journal_settings
from journal.core.checks import private_files_check
from journal.core.files import private_file
from tests.cross.test_concurrency import base_env, manage, migrated_sqlite_template, on_postgresql

SQLITE_ONLY = pytest.mark.skipif(on_postgresql(), reason="SQLite files; the suite is on PostgreSQL")

# Shows the modes of the database and its -wal/-shm while a connection is open.
MODES = r"""
import os, stat
from django.db import connection
with connection.cursor() as cursor:
    cursor.execute("CREATE TABLE IF NOT EXISTS mode_probe (x int)")
    cursor.execute("INSERT INTO mode_probe VALUES (1)")
    name = connection.settings_dict["NAME"]
    for path in (name, name + "-wal", name + "-shm"):
        print(path, oct(stat.S_IMODE(os.stat(path).st_mode)))
"""


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.fixture
def open_umask() -> Iterator[None]:
    """A umask that would leave new files readable by everyone."""
    previous = os.umask(0o022)
    yield
    os.umask(previous)


def modes_while_open(env: dict[str, str]) -> list[str]:
    lines = manage("shell", "-c", MODES, env=env).splitlines()
    return [line.split()[-1] for line in lines if line.endswith(("0o600", "0o644", "0o640"))]


@SQLITE_ONLY
def test_migrate_creates_the_database_and_its_wal_private(tmp_path: Path) -> None:
    env = base_env()
    folder = tmp_path / "data"
    env["SQLITE_PATH"] = str(folder / "journal.sqlite3")
    manage("migrate", "--noinput", "-v0", env=env)
    assert mode(folder / "journal.sqlite3") == 0o600
    assert mode(folder) == 0o700  # a folder the app made for it
    assert modes_while_open(env) == ["0o600", "0o600", "0o600"]


@SQLITE_ONLY
def test_restore_creates_the_database_private(tmp_path: Path) -> None:
    env = base_env()
    source = tmp_path / "source.sqlite3"
    source.write_bytes(migrated_sqlite_template().read_bytes())
    env["SQLITE_PATH"] = str(source)
    backup = tmp_path / "journal.backup"
    manage("backup", str(backup), env=env)
    target = tmp_path / "restored" / "journal.sqlite3"
    env["SQLITE_PATH"] = str(target)
    manage("restore", str(backup), "--force", env=env)
    assert mode(backup) == 0o600
    assert mode(target) == 0o600
    assert modes_while_open(env) == ["0o600", "0o600", "0o600"]


def test_the_first_start_writes_the_secret_key_private(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, open_umask: None
) -> None:
    monkeypatch.setattr(journal_settings, "BASE_DIR", tmp_path)
    monkeypatch.delenv("SECRET_KEY", raising=False)
    key = journal_settings._secret_key()
    path = tmp_path / ".secret_key"
    assert mode(path) == 0o600
    assert path.read_text() == key and len(key) >= 40
    assert journal_settings._secret_key() == key  # kept for the next start


def test_a_private_file_is_never_readable_even_for_a_moment(tmp_path: Path, open_umask: None):
    path = tmp_path / "new" / "file"
    assert private_file(path)
    assert mode(path) == 0o600 and mode(path.parent) == 0o700
    assert not private_file(path)  # an existing file is left as it is


@pytest.mark.filterwarnings("ignore:Overriding setting DATABASES")
def test_the_start_up_check_warns_about_a_database_others_can_read(
    tmp_path: Path, settings: Any
) -> None:
    database = tmp_path / "journal.sqlite3"
    database.write_bytes(b"")
    database.chmod(0o644)
    settings.DATABASES = {"default": {"ENGINE": "journal.core.sqlite", "NAME": str(database)}}
    settings.BASE_DIR = tmp_path
    settings.FILE_UPLOAD_TEMP_DIR = str(tmp_path / "uploads")
    warnings = private_files_check()
    assert [w.id for w in warnings] == ["journal.W001"]
    assert "mode 0644" in warnings[0].msg and str(database) in warnings[0].msg
    database.chmod(0o600)
    assert private_files_check() == []
