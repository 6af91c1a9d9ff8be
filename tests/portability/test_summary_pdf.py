"""The PDF summary: tagged for assistive technology, the overview on its first page, the
name only when typed; each one drawn to PNG (pdftoppm) in test-artifacts/ to look at."""

from __future__ import annotations

import io
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest
from django.contrib.auth.models import User
from pypdf import PdfReader

from journal.portability.pdf_format import export_pdf
from journal.portability.reader import DateRange, JournalReader
from journal.portability.summary_options import SummaryOptions
from tests.portability.test_export_formats import build_journal

pytestmark = pytest.mark.django_db

ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"


def _pdf(user: User, **options: Any) -> PdfReader:
    reader = JournalReader(user)
    return PdfReader(io.BytesIO(export_pdf(reader, SummaryOptions(**options))))


def _structure_roles(node: Any, found: set[str], depth: int = 0) -> None:
    node = node.get_object()
    if "/S" in node:
        found.add(str(node["/S"]))
    kids = node.get("/K")
    if kids is None or depth > 40:
        return
    kids = kids.get_object()
    for kid in kids if isinstance(kids, list) else [kids]:
        kid = kid.get_object() if hasattr(kid, "get_object") else kid
        if isinstance(kid, dict):
            _structure_roles(kid, found, depth + 1)


def test_the_pdf_is_tagged_with_a_structure_tree(alice: User) -> None:
    build_journal(alice, days=14)
    pdf = _pdf(alice)
    root: Any = pdf.trailer["/Root"]
    assert bool(root["/MarkInfo"]["/Marked"])
    assert "/Lang" in root
    roles: set[str] = set()
    _structure_roles(root["/StructTreeRoot"], roles)
    assert {"/H1", "/H2", "/Table", "/P"} <= roles, roles
    assert pdf.metadata is not None and pdf.metadata.title


def test_the_first_page_holds_the_overview(alice: User) -> None:
    build_journal(alice, days=14)
    pdf = _pdf(alice)
    first = pdf.pages[0].extract_text()
    for words in ("Overview", "Period", "Days logged", "Pain (0–10)", "Sleep (hours)",
                  "Practices that seemed to help", "Warning signs reported"):  # fmt: skip
        assert words in first, words
    assert "Over time" not in first  # the charts start on the next page
    assert len(pdf.pages) >= 2


def test_the_name_appears_only_when_typed(alice: User) -> None:
    build_journal(alice, days=3)
    without = "".join(page.extract_text() for page in _pdf(alice).pages)
    assert "Name" not in without.split("Overview")[1][:40]
    assert "Date of birth" not in without
    named = _pdf(alice, name="Rowan Ash", birth_date=None)
    text = named.pages[0].extract_text()
    assert "Rowan Ash" in text
    assert named.metadata is not None and "Rowan Ash" in str(named.metadata.title)


def test_sections_left_out_are_not_in_the_pdf(alice: User) -> None:
    build_journal(alice, days=3)
    text = "".join(p.extract_text() for p in _pdf(alice, sections=frozenset()).pages)
    assert "Over time" not in text and "Reflections" not in text
    assert "Bending will break me" not in text


def test_the_pdf_draws_to_png_pages(alice: User) -> None:
    if shutil.which("pdftoppm") is None:
        pytest.fail("pdftoppm is missing: run scripts/system-deps.sh test (poppler-utils)")
    build_journal(alice, days=40)
    data = export_pdf(
        JournalReader(alice, DateRange()),
        SummaryOptions(name="Rowan Ash"),
    )
    ARTIFACTS.mkdir(exist_ok=True)
    target = ARTIFACTS / "summary.pdf"
    target.write_bytes(data)
    subprocess.run(
        ["pdftoppm", "-png", "-r", "60", str(target), str(ARTIFACTS / "summary-page")],
        check=True,
        timeout=60,
    )
    pages = sorted(ARTIFACTS.glob("summary-page-*.png"))
    assert len(pages) >= 2
    assert all(page.stat().st_size > 5000 for page in pages)
