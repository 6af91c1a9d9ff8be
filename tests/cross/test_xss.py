"""Stored hostile text renders inert on every page, every htmx fragment and every HTML export.

alice's journal is filled with script tags, event handlers, javascript: links, htmx
attributes and quote-breaking text in every free-text field. Then every URL from the
resolver (see test_access_matrix) is fetched as alice, as a page and as an htmx request,
and the HTML is parsed: none of that text may have become a tag or an attribute.
"""

from __future__ import annotations

from datetime import timedelta
from html.parser import HTMLParser
from typing import Any, cast

import pytest
from django.test import Client
from django.utils import timezone

from journal.core.vocabulary import EntryKind
from journal.models import Passkey
from tests.cross.test_access_matrix import ROUTES, Cast, Route, fill
from tests.factories import (
    JournalEntryFactory,
    PracticeFactory,
    PracticeSessionFactory,
    SensationFactory,
    TagFactory,
)

pytestmark = pytest.mark.django_db

MARK = "xss-mark"
# Everything at once, for long fields (<= 300 characters).
PAYLOAD = (
    f'<script>alert("{MARK}")</script>'
    f"<img src=x onerror=alert('{MARK}')>"
    f"\"'><b data-{MARK}=1 onmouseover=alert(1)>"
    f"[click](javascript:alert('{MARK}')) "
    f"<a href=\"javascript:alert('{MARK}')\">j</a>"
    f'<div hx-get="/{MARK}/" hx-trigger="load">h</div>'
    f"<svg onload=alert(1)><style>*{{color:red}}</style>"
)
# For names (<= 60 characters).
SHORT = f"\"'><b data-{MARK}=1 onclick=x><script>{MARK}</script>"

assert len(PAYLOAD) <= 300, len(PAYLOAD)
assert len(SHORT) <= 60, len(SHORT)

URL_ATTRIBUTES = {"href", "src", "action", "formaction", "xlink:href", "hx-get", "hx-post"}


class InertChecker(HTMLParser):
    """Collects every way hostile text could have become live markup."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.problems: list[str] = []
        self._in_script = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._check_tag(tag, attrs)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._check_tag(tag, attrs)

    def _check_tag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        names = {name for name, _ in attrs}
        for name, raw in attrs:
            value = raw or ""
            if name.startswith("on"):
                self.problems.append(f"<{tag} {name}=...>: an event handler")
            if MARK in name:
                self.problems.append(f"<{tag} {name}>: text broke out of an attribute")
            if name.startswith(("hx-", "data-hx-")) and MARK in value:
                self.problems.append(f"<{tag} {name}={value!r}>: stored text drives htmx")
            if name in URL_ATTRIBUTES and value.strip().lower().startswith("javascript:"):
                self.problems.append(f"<{tag} {name}={value!r}>: a javascript: URL")
            if name == "style":
                self.problems.append(f"<{tag} style=...>: an inline style (CSP forbids it)")
        if tag == "script":
            src = dict(attrs).get("src") or ""
            # Our own files, and the translations the scripts use (journal/web/i18n.py).
            if not src.startswith(("/static/", "/jsi18n/")):
                self.problems.append(f"<script> without a /static/ src ({sorted(names)})")
            self._in_script = True
        if tag == "style":
            self.problems.append("<style> element (CSP forbids inline styles)")

    def handle_endtag(self, tag: str) -> None:
        if tag == "script":
            self._in_script = False

    def handle_data(self, data: str) -> None:
        if self._in_script and data.strip():
            self.problems.append(f"inline script content: {data[:60]!r}")


def inert_problems(html: str) -> list[str]:
    checker = InertChecker()
    checker.feed(html)
    checker.close()
    return checker.problems


def test_the_checker_catches_live_markup() -> None:
    # The checker itself must be able to fail.
    assert inert_problems(PAYLOAD)
    assert inert_problems(f'<input value=""><b data-{MARK}=1>')
    assert inert_problems('<a href=" JavaScript:alert(1)">x</a>')
    assert not inert_problems(
        '<input value="&quot;&#x27;&gt;&lt;b data-xss-mark=1&gt;">'
        '<script src="/static/js/app.js"></script><p>&lt;script&gt;</p>'
    )


@pytest.fixture(autouse=True)
def fast_passwords(settings: Any) -> None:
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def hostile(alice: Any, bob: Any) -> Cast:
    """alice's journal with hostile text in every free-text field."""
    return hostile_journal(alice, bob, body=PAYLOAD)


def hostile_journal(alice: Any, bob: Any, *, body: str) -> Cast:
    now = timezone.now()
    tag = TagFactory(user=alice, name=SHORT)
    practice = PracticeFactory(
        user=alice, name=SHORT, summary=PAYLOAD, steps=[PAYLOAD, SHORT], slug="hostile"
    )
    session = PracticeSessionFactory(
        user=alice,
        practice=practice,
        notes=PAYLOAD,
        started_at=now - timedelta(hours=2),
        ended_at=now - timedelta(hours=1, minutes=50),
    )
    SensationFactory(entry=None, session=session, user=alice, note=PAYLOAD)
    entry = JournalEntryFactory(
        user=alice, body=body, occurred_at=now - timedelta(hours=1), tags=[tag]
    )
    SensationFactory(entry=entry, note=PAYLOAD)
    JournalEntryFactory(
        user=alice,
        kind=EntryKind.REFRAME,
        body=body,
        belief=PAYLOAD,
        reframe=PAYLOAD,
        belief_strength_before=80,
        belief_strength_after=40,
        occurred_at=now - timedelta(minutes=30),
        tags=[tag],
    )
    JournalEntryFactory(
        user=alice,
        kind=EntryKind.CHECK_IN,
        body=body,
        pain=5,
        stress=6,
        occurred_at=now - timedelta(days=1),
        tags=[tag],
    )
    passkey = Passkey.objects.create(
        user=alice, name=SHORT, credential_id=b"hostile", public_key=b"-", user_handle=b"h"
    )
    return Cast(
        alice=alice,
        bob=bob,
        rows={
            "entry": entry,
            "session": session,
            "tag": tag,
            "practice": practice,
            "passkey": passkey,
        },
    )


def logged_in(user: Any) -> Client:
    client = Client()
    client.force_login(user, backend="django.contrib.auth.backends.ModelBackend")
    return client


def html_of(response: Any) -> str | None:
    if not response["Content-Type"].startswith("text/html"):
        return None
    if getattr(response, "streaming", False):
        return b"".join(response.streaming_content).decode()
    return str(response.content.decode())


GET_ROUTES = [route for route in ROUTES if not route.name.startswith("logout")]


@pytest.mark.parametrize("route", GET_ROUTES, ids=str)
def test_stored_text_is_inert_on_every_page_and_fragment(route: Route, hostile: Cast) -> None:
    url, _ = fill(route, hostile)
    client = logged_in(hostile.alice)
    problems: list[str] = []

    for headers in ({}, {"HX-Request": "true"}):
        response = client.get(url, headers=headers)
        html = html_of(response)
        if html is None:
            continue
        label = f"GET {url}{' (htmx)' if headers else ''} [{response.status_code}]"
        problems += [f"{label}: {p}" for p in inert_problems(html)]

    assert not problems, "\n".join(problems)


def test_the_hostile_text_is_shown_not_dropped(hostile: Cast) -> None:
    # The pages really do carry the text (escaped), so the test above looks at it.
    entry = hostile.rows["entry"]
    response = logged_in(hostile.alice).get(f"/journal/{entry.uuid}/")

    assert response.status_code == 200
    html = response.content.decode()
    assert "&lt;script&gt;" in html or "&lt;img" in html or MARK in html
    assert not inert_problems(html)


@pytest.mark.parametrize(
    "query", ["", "?since=2000-01-01", f"?q={MARK}"], ids=["all", "since", "query"]
)
def test_the_html_summary_is_inert(hostile: Cast, query: str) -> None:
    response = logged_in(hostile.alice).get(f"/export/summary/{query}")

    assert response.status_code == 200
    assert not inert_problems(response.content.decode())


def test_the_pdf_summary_html_is_inert(hostile: Cast) -> None:
    from journal.portability.pdf_format import summary_html
    from journal.portability.reader import DateRange, JournalReader

    html = summary_html(JournalReader(hostile.alice, DateRange(since=None, until=None)))

    assert "<" in html
    assert not inert_problems(html)


def test_the_pdf_download_works_with_hostile_text(hostile: Cast) -> None:
    response = logged_in(hostile.alice).get("/export/download/?format=pdf")

    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF")


@pytest.mark.parametrize("fmt", ["json", "csv", "md"])
def test_the_file_exports_are_downloads_not_pages(hostile: Cast, fmt: str) -> None:
    # A browser must never render an export as HTML: an attachment, not text/html.
    response = logged_in(hostile.alice).get(f"/export/download/?format={fmt}")

    assert response.status_code == 200
    assert not response["Content-Type"].startswith("text/html")
    assert response["Content-Disposition"].startswith("attachment")
    assert response["X-Content-Type-Options"] == "nosniff"


def test_the_markdown_export_keeps_plain_text_fields_from_becoming_html(
    alice: Any, bob: Any
) -> None:
    """Entry bodies are the person's own Markdown and are exported as written. Every other
    field (tag and practice names, notes, beliefs) is plain text: rendered by an ordinary
    Markdown viewer, which passes HTML through, it must stay text."""
    from markdown_it import MarkdownIt

    journal = hostile_journal(alice, bob, body="Plain words about my back.")
    response = logged_in(journal.alice).get("/export/download/?format=md")
    markdown = b"".join(cast(Any, response).streaming_content).decode()

    assert MARK in markdown
    assert not inert_problems(MarkdownIt("commonmark").render(markdown))
