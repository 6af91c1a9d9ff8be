"""`python -m bench.durability --db FILE`: what SQLite's synchronous=FULL costs the check-in.

Uses the data set an earlier `python -m bench.run --keep` left behind. Posts the benchmark's
check-in (three sensations) one request at a time through Django's test client, switching the
connection between `PRAGMA synchronous=NORMAL` and `FULL` every block of requests, so that a
change in the machine's load falls on both alike. Prints the median and 90th percentile per
setting. With the server itself (gunicorn, 16 connections) use `SQLITE_SYNCHRONOUS=NORMAL
python -m bench.run --db FILE --only "check-in POST"` and the same with FULL.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.durability", description=__doc__)
    parser.add_argument("--db", type=Path, required=True, help="SQLite file from bench.run --keep")
    parser.add_argument("--blocks", type=int, default=10, help="blocks per setting")
    parser.add_argument("--block", type=int, default=20, help="requests per block")
    args = parser.parse_args(argv)

    from bench.run import _path_values, configure

    configure(Path(tempfile.gettempdir()), small=False, db=args.db)
    import django

    django.setup()
    from django.db import connection
    from django.utils import timezone

    from bench import data as bench_data
    from bench import measure
    from bench.targets import TARGETS

    data = bench_data.existing(until=timezone.localdate())
    if data is None:
        print(f"{args.db} holds no benchmark data set", file=sys.stderr)
        return 2
    target = next(t for t in TARGETS if t.name == "check-in POST")
    path = target.url_path(_path_values(data.until))
    writer = measure.People.sign_in(data).writer
    measure._request(target, path, writer)  # warm caches
    timings: dict[str, list[float]] = {"NORMAL": [], "FULL": []}
    for _ in range(args.blocks):
        for mode, found in timings.items():
            with connection.cursor() as cursor:
                cursor.execute(f"PRAGMA synchronous={mode}")
            for _ in range(args.block):
                started = time.perf_counter()
                measure._request(target, path, writer)
                found.append((time.perf_counter() - started) * 1000)
            # The test client keeps this connection across requests: the setting held.
            with connection.cursor() as cursor:
                cursor.execute("PRAGMA synchronous")
                assert cursor.fetchone()[0] == {"NORMAL": 1, "FULL": 2}[mode]
    for mode, found in timings.items():
        found.sort()
        p90 = found[int(len(found) * 0.9)]
        print(
            f"synchronous={mode:<6} check-in POST: median {statistics.median(found):.2f} ms, "
            f"p90 {p90:.2f} ms ({len(found)} requests)"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
