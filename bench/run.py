"""`python -m bench.run`: the benchmark (see README, Benchmark). `--small` is the smoke run.

Steps: a throwaway database (an SQLite file under /tmp, or the empty PostgreSQL database in
DATABASE_URL), migrations and collectstatic as in production, the data set (bench/data.py),
query counts per request through Django's test client, then gunicorn with DEBUG off and wrk at
a fixed concurrency, warm-up first, several rounds, medians; export and import times last.
"""

from __future__ import annotations

import argparse
import logging
import os
import platform
import runpy
import secrets
import shutil
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m bench.run", description=__doc__)
    parser.add_argument("--small", action="store_true", help="tiny data, one short round")
    parser.add_argument("--rounds", type=int, help="rounds per target (default 5; small 1)")
    parser.add_argument("--seconds", type=int, help="seconds per wrk run (default 5; small 1)")
    parser.add_argument("--warmup", type=int, help="warm-up seconds per target (default 2)")
    parser.add_argument("--connections", type=int, default=16)
    parser.add_argument("--wrk-threads", type=int, default=2)
    parser.add_argument("--workers", type=int, help="gunicorn workers (as gunicorn.conf.py)")
    parser.add_argument("--threads", type=int, help="threads per worker (as gunicorn.conf.py)")
    parser.add_argument("--only", action="append", default=[], help="measure only this target")
    parser.add_argument("--out", type=Path, default=ROOT / "bench-results.json")
    parser.add_argument("--keep", action="store_true", help="keep the SQLite file afterwards")
    parser.add_argument(
        "--db",
        type=Path,
        help="an SQLite file to use instead of a fresh one; a data set already in it (from "
        "an earlier --keep run) is reused and new migrations are applied to it",
    )
    args = parser.parse_args(argv)
    # What `make serve` would run, unless told otherwise.
    served = runpy.run_path(str(ROOT / "gunicorn.conf.py"))
    args.workers = args.workers or served["workers"]
    args.threads = args.threads or served["threads"]
    args.rounds = args.rounds or (1 if args.small else 5)
    args.seconds = args.seconds or (1 if args.small else 5)
    args.warmup = args.warmup if args.warmup is not None else (0 if args.small else 2)
    return args


_STARTED = time.monotonic()


def say(message: str) -> None:
    print(f"[{time.monotonic() - _STARTED:5.0f} s] {message}", flush=True)


def configure(workdir: Path, *, small: bool, db: Path | None) -> dict[str, str]:
    """The environment for this process and gunicorn: production settings, local only."""
    env = {
        "DJANGO_SETTINGS_MODULE": "journal.settings",
        "DEBUG": "false",
        # A key for this run only: the sessions it signs die with the throwaway database.
        "SECRET_KEY": secrets.token_urlsafe(50),
        "ALLOWED_HOSTS": "127.0.0.1",
        "SECURE_SSL_REDIRECT": "false",
        "SECURE_COOKIES": "false",
        "SECURE_HSTS_SECONDS": "0",
        "LOG_LEVEL": "WARNING",
        # The smoke run skips collectstatic (compressing every file takes seconds): pages then
        # link plain static names, which changes nothing the benchmark measures.
        "STATIC_MANIFEST": "false" if small else "true",
    }
    if db is not None:
        env["SQLITE_PATH"] = str(db.resolve())
        os.environ.pop("DATABASE_URL", None)
    elif not os.environ.get("DATABASE_URL"):
        env["SQLITE_PATH"] = str(workdir / "bench.sqlite3")
    os.environ.update(env)
    return {**os.environ, **env}


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    from bench.load import BenchError, wrk_path

    try:
        wrk_path()
    except BenchError as error:
        print(error, file=sys.stderr)
        return 2
    workdir = Path(tempfile.mkdtemp(prefix="soma-bench-"))
    try:
        env = configure(workdir, small=args.small, db=args.db)
        return _bench(args, env)
    except BenchError as error:
        print(f"benchmark failed: {error}", file=sys.stderr)
        return 1
    finally:
        if args.keep:
            say(f"kept {workdir}")
        else:
            shutil.rmtree(workdir, ignore_errors=True)


def _bench(args: argparse.Namespace, env: dict[str, str]) -> int:
    import django

    django.setup()
    from django.conf import settings
    from django.contrib.auth.models import User
    from django.core.management import call_command
    from django.db import connection
    from django.utils import timezone

    from bench import data as bench_data
    from bench import load, report
    from bench.targets import TARGETS

    started = time.perf_counter()
    call_command("migrate", verbosity=0, interactive=False)
    timings: dict[str, float] = {"migrate": time.perf_counter() - started}
    until = timezone.localdate()
    data = bench_data.existing(until=until) if args.db else None
    if data is None and User.objects.exists():
        raise load.BenchError(
            "the database already holds people: point DATABASE_URL at an empty database "
            "the benchmark may fill and throw away."
        )
    if not args.small:
        started = time.perf_counter()
        call_command("collectstatic", verbosity=0, interactive=False)
        timings["collectstatic"] = time.perf_counter() - started
    # A page that fails is reported in the table; its traceback would only bury the table.
    logging.getLogger("django.request").setLevel(logging.CRITICAL)

    if data is None:
        size = bench_data.SMALL if args.small else bench_data.FULL
        data = bench_data.build(size=size, until=until, say=say)
        timings["seed_demo"] = data.seconds["seed_demo"]
    else:
        say(f"reusing the data set in {args.db} (no seed_demo time this run)")

    from bench import measure

    say("counting queries per request")
    people = measure.People.sign_in(data)
    values = _path_values(until)
    targets = [t for t in TARGETS if not args.only or t.name in args.only]
    rows = []
    for target in targets:
        row = report.row_for(target, target.url_path(values))
        row.available, row.reason = measure.resolves(target, row.path)
        if row.available:
            try:
                row.queries, row.queries_light = measure.query_counts(target, row.path, people)
            except Exception as error:  # noqa: BLE001 - any failure is reported, not fatal
                row.available = False
                row.reason = f"failed: {type(error).__name__}: {str(error)[:200]}"
        rows.append(row)

    port = load.free_port()
    say(
        f"gunicorn: {args.workers} workers x {args.threads} threads on 127.0.0.1:{port}; "
        f"wrk: {args.connections} connections, {args.rounds} rounds of {args.seconds} s"
    )
    with load.gunicorn(env=env, port=port, workers=args.workers, threads=args.threads) as base:
        live = []
        for target, row in zip(targets, rows, strict=True):
            if row.available:
                row.available, row.reason = measure.works(target, row.path, base, people)
            if row.available:
                live.append((target, row))
            else:
                say(f"{target.name}: {row.reason}")
        for target, row in live:
            if args.warmup:
                measure.load_once(target, row.path, base, people, args, seconds=args.warmup)
            else:
                # Every worker compiles its templates on first use: a burst reaches them all.
                measure.warm(target, row.path, base, people, probes=args.connections)
            row.alone_ms = measure.alone_ms(
                target, row.path, base, people, repeats=2 if args.small else 5
            )
        for n in range(args.rounds):
            for target, row in live:
                row.runs.append(
                    measure.load_once(target, row.path, base, people, args, seconds=args.seconds)
                )
            say(f"round {n + 1} of {args.rounds} done")

    say("timing export and import")
    timings.update(measure.export_import_times(data))
    results = report.summarise(
        rows=rows,
        setup={
            "small": args.small,
            "machine": platform.platform(),
            "cpus": os.cpu_count(),
            "python": platform.python_version(),
            "django": django.get_version(),
            "database": connection.vendor,
            "gunicorn_workers": args.workers,
            "gunicorn_threads": args.threads,
            "wrk_connections": args.connections,
            "wrk_threads": args.wrk_threads,
            "rounds": args.rounds,
            "seconds_per_run": args.seconds,
            "warmup_seconds": args.warmup,
            "debug": settings.DEBUG,
        },
        data={"rows": data.rows, "seconds": {k: round(v, 2) for k, v in data.seconds.items()}},
        timings=timings,
    )
    report.write(results, args.out)
    print(report.table(results))
    say(f"wrote {args.out}")
    return 0


def _path_values(until: date) -> dict[str, str]:
    year, week, _ = until.isocalendar()
    return {
        "today": until.isoformat(),
        "month_ago": (until - timedelta(days=30)).isoformat(),
        "year": str(year),
        "week": str(week),
    }


if __name__ == "__main__":
    sys.exit(main())
