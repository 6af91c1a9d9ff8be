"""Hostile bodies render within a time bound, on every page that shows them."""

from __future__ import annotations

import json
import time
from typing import Any

import pytest
from django.conf import settings
from django.urls import reverse

from journal.core.markdown import BODY_MAX_CHARS, render_excerpt, render_markdown
from tests import factories

JournalEntryFactory: Any = factories.JournalEntryFactory
HOSTILE = {"brackets": "[" * 200_000, "image brackets": "![" * 100_000}
# Generous: the pages take about 0.3 s of CPU here; markdown-it alone takes 10 to 16 s.
# Counted in this thread's CPU time, like the render budget itself, so a busy machine (other
# tests in parallel) does not stretch it.
PAGE_SECONDS = 1.0


def test_a_long_run_of_brackets_falls_back_to_escaped_text_in_time() -> None:
    start = time.thread_time()
    html = render_markdown("![" * 100_000 + "<b>")
    took = time.thread_time() - start
    print(f"render of 200,000 characters of ![: {took:.3f} s")
    assert took < PAGE_SECONDS
    assert html.startswith("<p>![![")
    assert "&lt;b&gt;" in html and "<b>" not in html


def test_ordinary_text_still_renders_as_markdown() -> None:
    # A long journal entry (15,600 characters) with some emphasis in every paragraph.
    entry = "A *soft* morning, with **some** ease in the hands.\n\n" * 300
    html = render_markdown(entry)
    assert html.count("<em>soft</em>") == 300
    assert html.count("<strong>some</strong>") == 300


def test_an_excerpt_renders_only_the_start() -> None:
    html = render_excerpt("*start* " + "words " * 50_000 + "*end*")
    assert "<em>start</em>" in html
    assert "end" not in html


def test_the_body_limit_is_the_export_schema_limit() -> None:
    schema = json.loads(
        (settings.BASE_DIR / "schema" / "journal-export-v1.schema.json").read_text()
    )
    assert schema["$defs"]["entry"]["properties"]["body"]["maxLength"] == BODY_MAX_CHARS


@pytest.mark.parametrize("label", HOSTILE)
def test_pages_with_a_hostile_body_answer_in_time(alice_client, alice, label: str) -> None:
    body = HOSTILE[label]
    entry = JournalEntryFactory(user=alice, body=body)
    pages = {
        "entry page": reverse("entries:detail", kwargs={"entry_uuid": entry.uuid}),
        "Today": reverse("today:home"),
        "timeline": reverse("timeline:index"),
    }
    for name, url in pages.items():
        start = time.thread_time()
        response = alice_client.get(url)
        took = time.thread_time() - start
        print(f"{label}: {name} took {took:.3f} s of CPU")
        assert response.status_code == 200
        assert took < PAGE_SECONDS, (name, took)
        # The text itself is shown (escaped), not dropped.
        assert body[:200] in response.content.decode()
