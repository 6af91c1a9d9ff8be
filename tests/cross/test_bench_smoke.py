"""The benchmark's smoke run (`make bench-smoke`): tiny data, one short round, so it cannot rot.

It runs `python -m bench.run --small` in its own process: an SQLite file under a temporary
directory, production settings, gunicorn on 127.0.0.1 and wrk. No timing is asserted; only that
every target was measured and reported with numbers.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from bench.targets import TARGETS

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def results(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    assert shutil.which("wrk"), (
        "wrk is not installed, so the benchmark cannot run: `scripts/system-deps.sh bench` "
        "installs it (Debian package wrk)."
    )
    out = tmp_path_factory.mktemp("bench") / "bench-results.json"
    # The run makes its own throwaway SQLite database and production settings.
    env = {
        name: value
        for name, value in os.environ.items()
        if name not in {"DATABASE_URL", "SQLITE_PATH", "DEBUG", "SECRET_KEY", "ALLOWED_HOSTS"}
    }
    finished = subprocess.run(
        [sys.executable, "-m", "bench.run", "--small", "--out", str(out)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert finished.returncode == 0, finished.stdout[-3000:] + finished.stderr[-3000:]
    loaded: dict[str, Any] = json.loads(out.read_text())
    loaded["_stdout"] = finished.stdout
    return loaded


def test_it_reports_every_target_in_order(results: dict[str, Any]) -> None:
    assert [t["name"] for t in results["targets"]] == [t.name for t in TARGETS]


@pytest.mark.parametrize("name", [t.name for t in TARGETS])
def test_it_measures_each_target_with_numbers(results: dict[str, Any], name: str) -> None:
    (row,) = [t for t in results["targets"] if t["name"] == name]
    assert row["available"], f"{name} was not measured: {row['reason']}"
    assert row["rps"] > 0
    assert 0 < row["p50_ms"] <= row["p99_ms"]
    assert row["ratio"] > 0
    assert isinstance(row["queries"], int)
    assert isinstance(row["queries_light"], int)
    assert row["errors"] == 0, f"{name}: {row['errors']} failed requests under load"
    assert len(row["rounds"]) == 1
    if row["kind"] != "reference":
        assert "queries_independent_of_data" in row["goals"]


def test_its_reference_touches_no_database(results: dict[str, Any]) -> None:
    reference = results["targets"][0]
    assert reference["kind"] == "reference"
    assert reference["queries"] == 0
    assert reference["ratio"] == 1.0


def test_it_times_seed_demo_export_and_import(results: dict[str, Any]) -> None:
    timings = results["timings_seconds"]
    for name in (
        "seed_demo",
        "export_json_measured_person",
        "import_json_measured_person",
        "export_json_40k_check_ins",
    ):
        assert timings[name] > 0, name
    assert results["export_goal"]["met"] in (True, False)


def test_it_ran_with_production_settings(results: dict[str, Any]) -> None:
    assert results["setup"]["debug"] is False
    assert results["setup"]["small"] is True
    assert results["setup"]["wrk_connections"] == 16


def test_it_prints_a_table(results: dict[str, Any]) -> None:
    stdout = results["_stdout"]
    assert "req/s" in stdout
    for target in TARGETS:
        assert target.name in stdout
