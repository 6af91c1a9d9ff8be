"""Files that hold health data, password hashes or keys are made private from the start.

Each is created with mode 0600 (and a folder we create with 0700) before anything is
written to it, never chmod-ed afterwards: there is no moment when another account on the
machine could open it. SQLite gives its -wal and -shm files the main file's mode.
"""

from __future__ import annotations

import os
import stat
import time
from pathlib import Path

PRIVATE_FILE = 0o600
PRIVATE_FOLDER = 0o700


def private_folder(path: Path) -> Path:
    """The folder, made 0700 if it does not exist yet (its missing parents too)."""
    if not path.exists():
        path.mkdir(mode=PRIVATE_FOLDER, parents=True, exist_ok=True)
    return path


def private_file(path: Path) -> bool:
    """Create an empty file with mode 0600 unless it exists; True when it was made."""
    private_folder(path.parent)
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, PRIVATE_FILE)
    except FileExistsError:
        return False
    os.close(fd)
    return True


def private_text(path: Path, text: str) -> None:
    """Write a new private file (refused if it exists: nothing is overwritten)."""
    private_folder(path.parent)
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, PRIVATE_FILE)
    with os.fdopen(fd, "w", encoding="utf-8") as out:
        out.write(text)


def readable_by_others(path: Path) -> bool:
    """True if the file exists and its group or other accounts may read or write it."""
    try:
        mode = path.stat().st_mode
    except FileNotFoundError:
        return False
    return bool(mode & (stat.S_IRWXG | stat.S_IRWXO))


def remove_older_than(folder: Path, seconds: float) -> int:
    """Remove files left in `folder` for longer than `seconds`; returns how many."""
    if not folder.is_dir():
        return 0
    cutoff = time.time() - seconds
    removed = 0
    for entry in folder.iterdir():
        try:
            if entry.is_file() and entry.stat().st_mtime < cutoff:
                entry.unlink()
                removed += 1
        except FileNotFoundError:
            continue  # removed meanwhile by another process
    return removed
