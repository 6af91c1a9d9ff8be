"""What the benchmark measures: one line per page in `TARGETS`.

A target's path may use `{today}`, `{month_ago}`, `{year}` and `{week}` (the measured person's
local dates); a POST target names a form body, where `__UUID__` becomes a fresh UUID on every
request (the check-in form's double-submit token) and the CSRF token is added by the harness.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

Kind = Literal["reference", "read", "write", "download"]

# Goals from the issue, as fractions of the reference's requests per second.
READ_RATIO_GOAL = 0.40
WRITE_RATIO_GOAL = 0.25
P99_GOAL_MS = 100.0


@dataclass(frozen=True)
class Target:
    name: str
    path: str
    kind: Kind = "read"
    method: Literal["GET", "POST"] = "GET"
    form: tuple[tuple[str, str], ...] = ()
    # A health probe carries no cookie; every page is requested as the signed-in person.
    signed_in: bool = True
    # A POST target is measured as its own person, so it cannot change what the pages show.
    as_writer: bool = False
    notes: str = ""
    expect_status: tuple[int, ...] = field(default=(200,))

    def url_path(self, values: dict[str, str]) -> str:
        return self.path.format(**values)


# The morning check-in on Today with three sensations, as a browser without JavaScript posts it.
CHECKIN_FORM: tuple[tuple[str, str], ...] = (
    ("token", "__UUID__"),
    ("pain", "4"),
    ("tension", "5"),
    ("stress", "6"),
    ("sleep_hours", "7.5"),
    ("sleep_quality", "3"),
    ("emotions", "calm"),
    ("emotions", "hopeful"),
    ("new_tags", ""),
    ("body", "Shoulders dropped after the walk; lower back quieter than yesterday."),
    ("sens-TOTAL_FORMS", "3"),
    ("sens-INITIAL_FORMS", "0"),
    ("sens-MIN_NUM_FORMS", "0"),
    ("sens-MAX_NUM_FORMS", "1000"),
    ("sens-0-region", "lower_back"),
    ("sens-0-quality", "tight"),
    ("sens-0-intensity", "6"),
    ("sens-0-feel", "unpleasant"),
    ("sens-0-note", ""),
    ("sens-1-region", "between_shoulder_blades"),
    ("sens-1-quality", "aching"),
    ("sens-1-intensity", "3"),
    ("sens-1-feel", "unpleasant"),
    ("sens-1-note", ""),
    ("sens-2-region", "belly"),
    ("sens-2-quality", "soft"),
    ("sens-2-intensity", "2"),
    ("sens-2-feel", "pleasant"),
    ("sens-2-note", "warm after breathing"),
)

TARGETS: list[Target] = [
    Target("healthz", "/healthz", kind="reference", signed_in=False),
    Target("today", "/"),
    Target("timeline", "/timeline/"),
    Target("timeline filtered", "/timeline/?kind=check_in&start={month_ago}&end={today}"),
    Target("week review", "/review/"),
    Target("trends", "/review/trends/"),
    Target("practice detail", "/practices/body-scan/"),
    Target(
        "check-in POST",
        "/",
        kind="write",
        method="POST",
        form=CHECKIN_FORM,
        as_writer=True,
        expect_status=(302, 303),
    ),
    Target(
        "JSON export", "/export/download/?format=json", kind="download", notes="5 years, streamed"
    ),
]
