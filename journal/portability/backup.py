"""Whole-database backup and restore, safe to run while people keep writing.

SQLite: the online backup API copies a consistent snapshot of the live file in one step
(in WAL mode writers carry on meanwhile). PostgreSQL: `pg_dump -Fc` (one transaction,
so one snapshot) and `pg_restore --clean --if-exists`. The password travels in the
PGPASSWORD environment variable, never on a command line that `ps` can show.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess  # nosec B404
import tempfile
from contextlib import closing
from pathlib import Path
from typing import Any

from django.db import connections

from journal.core.files import PRIVATE_FILE, private_file, private_folder, readable_by_others

SQLITE = {"django.db.backends.sqlite3", "journal.core.sqlite"}
POSTGRESQL = "django.db.backends.postgresql"


class BackupError(Exception):
    pass


def _database(using: str) -> dict[str, Any]:
    settings_dict: dict[str, Any] = connections[using].settings_dict
    return settings_dict


def database_vendor(using: str = "default") -> str:
    engine = _database(using)["ENGINE"]
    if engine in SQLITE:
        return "sqlite"
    if engine == POSTGRESQL:
        return "postgresql"
    raise BackupError(f"Backups of {engine} databases are not supported.")


def backup_create(*, path: Path, using: str = "default") -> None:
    """Write a backup of the database to `path` (replaced atomically when complete)."""
    path = path.resolve()
    private_folder(path.parent)
    # Written beside the target, then renamed: a reader never sees half a backup.
    fd, tmp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".partial", dir=path.parent)
    os.close(fd)
    tmp = Path(tmp_name)
    try:
        if database_vendor(using) == "sqlite":
            _sqlite_backup(Path(_database(using)["NAME"]), tmp)
        else:
            _pg_dump(_database(using), tmp)
        tmp.chmod(0o600)
        tmp.replace(path)
    finally:
        tmp.unlink(missing_ok=True)


def backup_restore(*, path: Path, using: str = "default") -> None:
    """Replace the database's contents with the backup at `path`."""
    path = path.resolve()
    if not path.is_file():
        raise BackupError(f"No backup file at {path}.")
    connections[using].close()
    if database_vendor(using) == "sqlite":
        _sqlite_restore(path, Path(_database(using)["NAME"]))
    else:
        _pg_restore(_database(using), path)


# SQLite.


def _sqlite_check(path: Path) -> None:
    try:
        with closing(sqlite3.connect(f"file:{path}?mode=ro", uri=True)) as conn:
            result = conn.execute("PRAGMA quick_check").fetchone()
    except sqlite3.DatabaseError as exc:
        raise BackupError(f"{path} is not an SQLite backup: {exc}") from None
    if result is None or result[0] != "ok":
        raise BackupError(f"{path} failed SQLite's integrity check: {result}")


def _sqlite_backup(source: Path, target: Path) -> None:
    if str(source) in {":memory:", ""} or not source.is_file():
        raise BackupError(f"The SQLite database {source} is not a file on disk.")
    with (
        closing(sqlite3.connect(f"file:{source}?mode=ro", uri=True, timeout=60)) as src,
        closing(sqlite3.connect(target)) as dst,
    ):
        # pages=-1: the whole file in one step, so the copy is one consistent snapshot.
        src.backup(dst, pages=-1)
        # A standalone file: no -wal beside it to lose.
        dst.execute("PRAGMA journal_mode=DELETE")
    _sqlite_check(target)


def _sqlite_restore(backup: Path, target: Path) -> None:
    _sqlite_check(backup)
    # A database restored where none was is created private, like one made by migrate.
    private_file(target)
    with (
        closing(sqlite3.connect(f"file:{backup}?mode=ro", uri=True)) as src,
        closing(sqlite3.connect(target, timeout=60)) as dst,
    ):
        # Copies page by page under the destination's write lock; other connections
        # see either the old database or the restored one.
        src.backup(dst, pages=-1)
        dst.execute("PRAGMA journal_mode=WAL")
    _check_private(target)


def _check_private(target: Path) -> None:
    for path in (target, Path(f"{target}-wal"), Path(f"{target}-shm")):
        if readable_by_others(path):
            path.chmod(PRIVATE_FILE)


# PostgreSQL.


def _pg_tool(name: str) -> str:
    """pg_dump/pg_restore from PG_BIN_DIR, PATH, or the newest Debian install."""
    bin_dir = os.environ.get("PG_BIN_DIR")
    if bin_dir:
        candidate = Path(bin_dir) / name
        if candidate.is_file():
            return str(candidate)
    found = shutil.which(name)
    if found:
        return found
    installs = sorted(
        Path("/usr/lib/postgresql").glob(f"*/bin/{name}"),
        key=lambda p: int(p.parent.parent.name) if p.parent.parent.name.isdigit() else 0,
    )
    if installs:
        return str(installs[-1])
    raise BackupError(f"{name} was not found: install the PostgreSQL client or set PG_BIN_DIR.")


def _pg_env(db: dict[str, Any]) -> dict[str, str]:
    env = dict(os.environ)
    for key in ("PGPASSWORD", "PGHOST", "PGPORT", "PGUSER", "PGDATABASE"):
        env.pop(key, None)
    if db.get("PASSWORD"):
        env["PGPASSWORD"] = str(db["PASSWORD"])
    options = db.get("OPTIONS") or {}
    if options.get("sslmode"):
        env["PGSSLMODE"] = str(options["sslmode"])
    return env


def _pg_connection_args(db: dict[str, Any]) -> list[str]:
    args: list[str] = []
    if db.get("HOST"):
        args += ["--host", str(db["HOST"])]
    if db.get("PORT"):
        args += ["--port", str(db["PORT"])]
    if db.get("USER"):
        args += ["--username", str(db["USER"])]
    # --no-password: fail instead of prompting when the password is wrong or missing.
    return [*args, "--no-password", "--dbname", str(db["NAME"])]


def _run(args: list[str], env: dict[str, str]) -> None:
    # Only fixed pg_dump/pg_restore argument lists reach here, never a shell.
    result = subprocess.run(  # nosec B603
        args, env=env, capture_output=True, text=True, check=False
    )
    if result.returncode != 0:
        raise BackupError(f"{Path(args[0]).name} failed: {result.stderr.strip()}")


def _pg_dump(db: dict[str, Any], target: Path) -> None:
    _run(
        [_pg_tool("pg_dump"), "--format=custom", "--file", str(target), *_pg_connection_args(db)],
        _pg_env(db),
    )


def _pg_restore(db: dict[str, Any], backup: Path) -> None:
    _run(
        [
            _pg_tool("pg_restore"),
            "--clean",
            "--if-exists",
            "--no-owner",
            "--single-transaction",
            "--exit-on-error",
            *_pg_connection_args(db),
            str(backup),
        ],
        _pg_env(db),
    )
