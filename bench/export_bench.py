"""Time the exports and the import on seed_demo data (a benchmark, not a test).

    DATABASE_URL=sqlite:////tmp/bench.sqlite3 DEBUG=true .venv/bin/python manage.py migrate
    DATABASE_URL=... DEBUG=true .venv/bin/python manage.py seed_demo --years 5 --username demo5
    DATABASE_URL=... DEBUG=true .venv/bin/python bench/export_bench.py demo5

Prints the best of three runs of each, in-process (Django start-up left out), and
the peak memory each one added.
"""

from __future__ import annotations

import os
import sys
import time
import tracemalloc
from collections.abc import Callable, Iterable
from functools import partial
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "journal.settings")

import django  # noqa: E402

django.setup()

from django.contrib.auth import get_user_model  # noqa: E402
from django.db import transaction  # noqa: E402

from journal.accounts.services import user_signup  # noqa: E402
from journal.portability import formats, json_format  # noqa: E402
from journal.portability.importer import journal_import  # noqa: E402
from journal.portability.reader import JournalReader  # noqa: E402


def _drain(stream: Iterable[bytes]) -> int:
    return sum(len(chunk) for chunk in stream)


def _written(chosen: formats.ExportFormat, reader: JournalReader) -> int:
    return _drain(chosen.write(reader))


def _measure(name: str, run: Callable[[], object], repeat: int = 3) -> None:
    # Wall and CPU time, best of `repeat` runs; CPU time is steadier on a busy machine
    # (with SQLite the database work is in this process too).
    best_wall = best_cpu = float("inf")
    result: object = None
    for _ in range(repeat):
        wall, cpu = time.perf_counter(), time.process_time()
        result = run()
        best_wall = min(best_wall, time.perf_counter() - wall)
        best_cpu = min(best_cpu, time.process_time() - cpu)
    tracemalloc.start()
    run()
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    size = f", output {result / 1e6:.1f} MB" if isinstance(result, int) else ""
    print(
        f"{name:<9} wall {best_wall:5.2f} s  cpu {best_cpu:5.2f} s  "
        f"peak Python memory {peak / 1e6:5.1f} MB{size}"
    )


def main() -> None:
    username = sys.argv[1] if len(sys.argv) > 1 else "demo"
    user = get_user_model().objects.get(username=username)
    reader = JournalReader(user)
    for chosen in formats.FORMATS:
        # One PDF takes seconds; the streamed formats are quick enough for best of three.
        repeat = 3 if chosen.streamed else 1
        _measure(chosen.key, partial(_written, chosen, reader), repeat=repeat)
    document = b"".join(json_format.export_json(reader))

    class Rollback(Exception):
        pass

    def import_into_fresh_account() -> None:
        try:
            with transaction.atomic():
                fresh = user_signup(username="bench-import", password="bench password 12345")
                journal_import(user=fresh, data=document, max_bytes=len(document))
                raise Rollback
        except Rollback:
            pass

    _measure("import", import_into_fresh_account)


if __name__ == "__main__":
    main()
