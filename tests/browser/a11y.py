"""Accessibility scans with axe-core (shipped inside axe-playwright-python)."""

from __future__ import annotations

from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Page

_axe = Axe()


def serious_violations(page: Page) -> list[str]:
    """Rule ids and targets of every serious or critical axe-core violation on the page."""
    results = _axe.run(page)
    found = []
    for violation in results.response["violations"]:
        if violation.get("impact") in {"serious", "critical"}:
            targets = [", ".join(node["target"]) for node in violation["nodes"]]
            found.append(f"{violation['id']}: {targets}")
    return found
