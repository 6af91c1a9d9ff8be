"""`python -m bench.profile --db FILE [--only NAME]...`: where a page spends its time.

Uses the data set an earlier `python -m bench.run --keep` left behind. For each target it prints
the time per request through Django's test client (production settings, no network), the
slowest SQL statements, and the functions with the most time of their own (cProfile).
"""

from __future__ import annotations

import argparse
import cProfile
import io
import pstats
import statistics
import sys
import tempfile
import time
from pathlib import Path


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.profile", description=__doc__)
    parser.add_argument("--db", type=Path, required=True, help="SQLite file from bench.run --keep")
    parser.add_argument("--only", action="append", default=[], help="profile only this target")
    parser.add_argument("--requests", type=int, default=20)
    parser.add_argument("--top", type=int, default=25)
    parser.add_argument("--sort", default="tottime", help="cProfile sort key, e.g. cumulative")
    args = parser.parse_args(argv)

    from bench.run import _path_values, configure

    configure(Path(tempfile.gettempdir()), small=False, db=args.db)
    import django

    django.setup()
    from django.db import connection
    from django.test.utils import CaptureQueriesContext
    from django.utils import timezone

    from bench import data as bench_data
    from bench import measure
    from bench.targets import TARGETS

    data = bench_data.existing(until=timezone.localdate())
    if data is None:
        print(f"{args.db} holds no benchmark data set", file=sys.stderr)
        return 2
    people = measure.People.sign_in(data)
    values = _path_values(data.until)
    for target in TARGETS:
        if args.only and target.name not in args.only:
            continue
        path = target.url_path(values)
        if not measure.resolves(target, path)[0]:
            print(f"== {target.name}: no page at {path}")
            continue
        person = people.writer if target.as_writer else people.heavy
        if not target.signed_in:
            person = measure.Person.anonymous(data.heavy)
        measure._request(target, path, person)  # warm caches
        with CaptureQueriesContext(connection) as queries:
            measure._request(target, path, person)
        slowest = sorted(queries.captured_queries, key=lambda q: -float(q["time"]))
        timings = []
        for _ in range(args.requests):
            started = time.perf_counter()
            measure._request(target, path, person)
            timings.append((time.perf_counter() - started) * 1000)
        print(
            f"== {target.name} {path}: {statistics.median(timings):.1f} ms per request "
            f"(median of {args.requests}; best {min(timings):.1f} ms)"
        )
        profiler = cProfile.Profile()
        profiler.enable()
        for _ in range(args.requests):
            measure._request(target, path, person)
        profiler.disable()
        sql_ms = sum(float(q["time"]) for q in queries.captured_queries) * 1000
        print(f"   {len(queries.captured_queries)} queries, {sql_ms:.1f} ms of SQL; slowest:")
        for query in slowest[:5]:
            print(f"   {float(query['time']) * 1000:7.1f} ms  {query['sql'][:300]}")
        out = io.StringIO()
        stats = pstats.Stats(profiler, stream=out).sort_stats(args.sort)
        stats.print_stats(args.top)
        if args.top:
            print("\n".join(line for line in out.getvalue().splitlines() if line.strip())[:6000])
    return 0


if __name__ == "__main__":
    sys.exit(main())
