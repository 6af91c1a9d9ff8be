"""Eight processes write check-ins with sensations at once for 20 s: no error, and every
committed check-in is stored exactly once with all its sensations.

Runs against the database the suite is on: a file-based SQLite (WAL, immediate
transactions) by default, PostgreSQL when DATABASE_URL is set. The writers are separate
processes, each with its own connection, as gunicorn workers would be.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import closing, contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit, urlunsplit

import pytest
from django.db import connection

ROOT = Path(__file__).resolve().parents[2]
WORKERS = 8
SECONDS = float(os.environ.get("CONCURRENCY_SECONDS", "20"))
SENSATIONS_PER_CHECKIN = 3

# Run by each writer process: check-ins through the service the check-in page uses, each
# with three sensations, an emotion, a tag shared by every writer and one of its own.
# A token is written to the worker's file only after its transaction committed.
WRITER = r"""
import os, sys, time, uuid
import django
django.setup()
from django.contrib.auth import get_user_model
from journal.entries.services import checkin_create

username, seconds, worker, out_path = sys.argv[1], float(sys.argv[2]), sys.argv[3], sys.argv[4]
user = get_user_model().objects.get(username=username)
start = float(os.environ["WRITERS_START_AT"])
while time.time() < start:
    time.sleep(0.005)
deadline = time.monotonic() + seconds
count = 0
with open(out_path, "a", encoding="ascii") as out:
    while time.monotonic() < deadline:
        token = uuid.uuid4()
        checkin_create(
            user=user,
            pain=count % 11,
            tension=(count * 3) % 11,
            stress=(count * 7) % 11,
            sleep_hours=7.5,
            sleep_quality=3,
            body=f"worker {worker} check-in {count}",
            sensations=[
                {"region": "lower_back", "quality": "tight", "intensity": count % 11,
                 "feel": "unpleasant"},
                {"region": "neck", "quality": "warm", "intensity": 3, "feel": "pleasant"},
                {"region": "belly", "quality": "soft", "intensity": 2, "feel": "neutral",
                 "note": "breath low"},
            ],
            emotions=["calm"],
            tag_names=["Shared trigger", f"worker {worker}"],
            token=token,
        )
        out.write(f"{token}\n")
        out.flush()
        count += 1
print(count)
"""


@dataclass
class Database:
    """Environment that points a fresh process at the database under test."""

    env: dict[str, str]
    vendor: str


def base_env() -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in {"DATABASE_URL", "SQLITE_PATH"}}
    env.update(DEBUG="true", DJANGO_SETTINGS_MODULE="journal.settings", PYTHONPATH=str(ROOT))
    env.setdefault("SECRET_KEY", "test-only-key-not-secret-0123456789-abcdefghijklmnop")
    return env


def manage(*args: str, env: dict[str, str], timeout: float = 300) -> str:
    result = subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    return result.stdout


def postgres_url(name: str) -> str:
    """The suite's DATABASE_URL pointed at another database on the same server."""
    parts = urlsplit(os.environ["DATABASE_URL"])
    return urlunsplit(parts._replace(path=f"/{name}"))


def on_postgresql() -> bool:
    return bool(os.environ.get("DATABASE_URL"))


_SQLITE_TEMPLATE = Path(tempfile.gettempdir()) / f"journal-migrated-{os.getpid()}.sqlite3"


def migrated_sqlite_template() -> Path:
    """Migrations take seconds: run them once per test process, then copy the file."""
    if not _SQLITE_TEMPLATE.exists():
        env = base_env()
        building = _SQLITE_TEMPLATE.with_suffix(".building")
        building.unlink(missing_ok=True)
        env["SQLITE_PATH"] = str(building)
        manage("migrate", "--noinput", "-v0", env=env)
        building.replace(_SQLITE_TEMPLATE)
    return _SQLITE_TEMPLATE


@contextmanager
def scratch_database(
    tmp_path: Path, blocker: Any, label: str, *, migrate: bool = True
) -> Iterator[Database]:
    """An empty database of the suite's kind (an SQLite file under tmp_path, or a PostgreSQL
    database beside the test database, dropped afterwards), migrated unless told not to."""
    env = base_env()
    if not on_postgresql():
        path = tmp_path / f"{label}.sqlite3"
        env["SQLITE_PATH"] = str(path)
        if migrate:
            shutil.copyfile(migrated_sqlite_template(), path)
        yield Database(env=env, vendor="sqlite")
        return
    name = f"{connection.settings_dict['NAME']}_{label}_{os.getpid()}"
    with blocker.unblock(), connection.cursor() as cursor:
        cursor.execute(f'DROP DATABASE IF EXISTS "{name}"')
        cursor.execute(f'CREATE DATABASE "{name}"')
    env["DATABASE_URL"] = postgres_url(name)
    try:
        if migrate:
            manage("migrate", "--noinput", "-v0", env=env)
        yield Database(env=env, vendor="postgresql")
    finally:
        with blocker.unblock(), connection.cursor() as cursor:
            cursor.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture
def database(tmp_path: Path, django_db_blocker: Any) -> Iterator[Database]:
    with scratch_database(tmp_path, django_db_blocker, "concurrency") as db:
        yield db


def make_user(database: Database, username: str) -> None:
    manage(
        "shell",
        "-c",
        "from journal.accounts.services import user_signup;"
        f"user_signup(username={username!r}, password='a calm long password 42')",
        env=database.env,
    )


def start_writers(
    database: Database, username: str, out_dir: Path, seconds: float
) -> list[subprocess.Popen[str]]:
    env = dict(database.env)
    # Every writer starts at the same moment, after all have imported Django.
    env["WRITERS_START_AT"] = str(time.time() + 3)
    return [
        subprocess.Popen(
            [sys.executable, "-c", WRITER, username, str(seconds), str(n), str(out_dir / f"{n}")],
            cwd=ROOT,
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for n in range(WORKERS)
    ]


def finish_writers(writers: list[subprocess.Popen[str]], seconds: float) -> list[int]:
    counts = []
    for writer in writers:
        stdout, stderr = writer.communicate(timeout=seconds + 120)
        assert writer.returncode == 0, stderr
        assert "Error" not in stderr, stderr
        counts.append(int(stdout.strip()))
    return counts


def committed_tokens(out_dir: Path) -> list[str]:
    tokens: list[str] = []
    for path in sorted(out_dir.iterdir()):
        tokens += path.read_text().split()
    return tokens


def table_counts(database: Database, query_sql: list[str]) -> list[int]:
    """Counts read by a fresh process, through the database's own driver."""
    if database.vendor == "sqlite":
        with closing(sqlite3.connect(database.env["SQLITE_PATH"])) as conn:
            return [conn.execute(sql).fetchone()[0] for sql in query_sql]
    import psycopg

    with psycopg.connect(database.env["DATABASE_URL"]) as conn:
        return [conn.execute(sql).fetchone()[0] for sql in query_sql]  # type: ignore[index]


def stored_tokens(database: Database) -> list[str]:
    sql = "SELECT submit_token FROM journal_journalentry WHERE submit_token IS NOT NULL"
    if database.vendor == "sqlite":
        with closing(sqlite3.connect(database.env["SQLITE_PATH"])) as conn:
            rows = conn.execute(sql).fetchall()
    else:
        import psycopg

        with psycopg.connect(database.env["DATABASE_URL"]) as conn:
            rows = conn.execute(sql).fetchall()
    # SQLite stores UUIDs as 32 hex digits, PostgreSQL as uuid.
    return [str(row[0]).replace("-", "") for row in rows]


COUNTS = [
    "SELECT COUNT(*) FROM journal_journalentry",
    "SELECT COUNT(*) FROM journal_sensation",
    "SELECT COUNT(*) FROM journal_entryemotion",
    "SELECT COUNT(*) FROM journal_journalentry_tags",
    "SELECT COUNT(*) FROM journal_tag",
]


@pytest.mark.django_db(transaction=True)
def test_eight_writers_lose_and_duplicate_nothing(database: Database, tmp_path: Path) -> None:
    make_user(database, "writer")
    out_dir = tmp_path / "tokens"
    out_dir.mkdir()

    writers = start_writers(database, "writer", out_dir, SECONDS)
    per_writer = finish_writers(writers, SECONDS)

    written = committed_tokens(out_dir)
    total = sum(per_writer)
    print(f"{database.vendor}: {total} check-ins in {SECONDS:.0f} s by {WORKERS} writers")
    assert len(written) == total
    assert total >= WORKERS, per_writer  # every writer got through at least once
    entries, sensations, emotions, entry_tags, tags = table_counts(database, COUNTS)
    assert entries == total
    assert sorted(stored_tokens(database)) == sorted(t.replace("-", "") for t in written)
    assert sensations == SENSATIONS_PER_CHECKIN * total
    assert emotions == total
    assert entry_tags == 2 * total
    # One shared tag however many writers raced to create it, and one per writer.
    assert tags == 1 + WORKERS
