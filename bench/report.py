"""Results: medians over the rounds, the goals, a printed table and `bench-results.json`."""

from __future__ import annotations

import json
import statistics
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from bench.load import Run
from bench.targets import P99_GOAL_MS, READ_RATIO_GOAL, WRITE_RATIO_GOAL, Target

EXPORT_GOAL_SECONDS = 5.0


@dataclass
class Row:
    name: str
    method: str
    path: str
    kind: str
    available: bool = False
    reason: str = ""
    runs: list[Run] = field(default_factory=list)
    queries: int | None = None
    queries_light: int | None = None
    alone_ms: float | None = None
    notes: str = ""

    @property
    def rps(self) -> float | None:
        return statistics.median(r.rps for r in self.runs) if self.runs else None

    @property
    def p50_ms(self) -> float | None:
        return statistics.median(r.p50_ms for r in self.runs) if self.runs else None

    @property
    def p99_ms(self) -> float | None:
        return statistics.median(r.p99_ms for r in self.runs) if self.runs else None

    @property
    def errors(self) -> int:
        return sum(r.status_errors + r.socket_errors for r in self.runs)


def row_for(target: Target, path: str) -> Row:
    return Row(
        name=target.name, method=target.method, path=path, kind=target.kind, notes=target.notes
    )


def _goals(row: Row, reference_rps: float | None) -> dict[str, Any]:
    """Each goal that applies to this row: the value, the threshold and whether it is met."""
    goals: dict[str, Any] = {}
    if not row.available or row.rps is None:
        return goals
    ratio = row.rps / reference_rps if reference_rps else None
    if row.kind in ("read", "write") and ratio is not None:
        wanted = READ_RATIO_GOAL if row.kind == "read" else WRITE_RATIO_GOAL
        goals["ratio"] = {"value": round(ratio, 3), "goal": f">= {wanted}", "met": ratio >= wanted}
    if row.kind != "download" and row.p99_ms is not None:
        goals["p99_ms"] = {
            "value": round(row.p99_ms, 1),
            "goal": f"< {P99_GOAL_MS:g}",
            "met": row.p99_ms < P99_GOAL_MS,
        }
    if row.queries is not None and row.queries_light is not None:
        same = row.queries == row.queries_light
        goals["queries_independent_of_data"] = {
            "value": [row.queries, row.queries_light],
            "goal": "same count for 5 years and 3 weeks of data",
            "met": same,
        }
    if row.errors or not row.rps:
        goals["no_errors"] = {
            "value": row.errors,
            "goal": "every request answered, some within each run",
            "met": False,
        }
    return goals


def summarise(
    *,
    rows: list[Row],
    setup: dict[str, Any],
    data: dict[str, Any],
    timings: dict[str, float],
) -> dict[str, Any]:
    reference = next((r for r in rows if r.kind == "reference"), None)
    reference_rps = reference.rps if reference else None
    targets = []
    for row in rows:
        goals = _goals(row, reference_rps)
        targets.append(
            {
                "name": row.name,
                "method": row.method,
                "path": row.path,
                "kind": row.kind,
                "available": row.available,
                "reason": row.reason,
                "rps": _round(row.rps, 1),
                "p50_ms": _round(row.p50_ms, 2),
                "p99_ms": _round(row.p99_ms, 2),
                "alone_ms": _round(row.alone_ms, 2),
                "ratio": _round(row.rps / reference_rps, 3)
                if row.rps is not None and reference_rps
                else None,
                "queries": row.queries,
                "queries_light": row.queries_light,
                "errors": row.errors,
                "rounds": [asdict(run) | {"rps": round(run.rps, 1)} for run in row.runs],
                "goals": goals,
                "met": all(g["met"] for g in goals.values()) if goals else None,
                "notes": row.notes,
            }
        )
    export_goal = None
    if "export_json_40k_check_ins" in timings:
        seconds = timings["export_json_40k_check_ins"]
        export_goal = {
            "value": round(seconds, 2),
            "goal": f"< {EXPORT_GOAL_SECONDS:g} s for {data['rows']['export_person_check_ins']} "
            "check-ins",
            "met": seconds < EXPORT_GOAL_SECONDS,
        }
    return {
        "setup": setup,
        "data": data,
        "timings_seconds": {k: round(v, 3) for k, v in timings.items()},
        "targets": targets,
        "export_goal": export_goal,
        "all_goals_met": all(t["met"] is not False for t in targets)
        and all(t["available"] for t in targets)
        and (export_goal is None or export_goal["met"]),
    }


def _round(value: float | None, digits: int) -> float | None:
    return None if value is None else round(value, digits)


def _cell(value: Any, fmt: str = "{}") -> str:
    return "-" if value is None else fmt.format(value)


def table(results: dict[str, Any]) -> str:
    header = ("target", "req/s", "ratio", "p50 ms", "p99 ms", "alone ms", "queries", "goals")
    measured: list[tuple[str, ...]] = [header]
    missing: list[tuple[str, str]] = []
    for t in results["targets"]:
        if not t["available"]:
            missing.append((t["name"], t["reason"]))
            continue
        queries = f"{_cell(t['queries'])} / {_cell(t['queries_light'])}"
        missed = [name for name, g in t["goals"].items() if not g["met"]]
        verdict = "-" if t["met"] is None else ("met" if t["met"] else "MISSED " + ",".join(missed))
        measured.append(
            (
                t["name"],
                _cell(t["rps"], "{:.0f}"),
                _cell(t["ratio"], "{:.2f}"),
                _cell(t["p50_ms"], "{:.1f}"),
                _cell(t["p99_ms"], "{:.1f}"),
                _cell(t["alone_ms"], "{:.1f}"),
                queries,
                verdict,
            )
        )
    widths = [max(len(line[i]) for line in measured) for i in range(len(header))]
    out = [
        "  ".join(cell.ljust(widths[i]) for i, cell in enumerate(line)).rstrip()
        for line in measured
    ]
    out.insert(1, "-" * len(out[0]))
    out += [f"{name}: {reason}" for name, reason in missing]
    out.append("alone: best of 5 requests one at a time (the page's own time, no queueing)")
    out.append("queries: per request for the 5-year person / the 3-week person")
    for name, seconds in results["timings_seconds"].items():
        out.append(f"{name.replace('_', ' ')}: {seconds:.2f} s")
    if results["export_goal"]:
        goal = results["export_goal"]
        verdict = "met" if goal["met"] else "MISSED"
        out.append(f"export goal: {goal['value']} s ({goal['goal']}): {verdict}")
    out.append(
        "all goals met" if results["all_goals_met"] else "some goals missed or pages missing"
    )
    return "\n".join(out)


def write(results: dict[str, Any], path: Path) -> None:
    path.write_text(json.dumps(results, indent=2) + "\n")
