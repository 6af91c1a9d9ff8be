"""The same pages in each shipped language hold no English left over.

The check reads what a person would see or hear read out (text, and the attributes a
screen reader speaks) against a short list of English words that no other shipped
language uses.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser
from typing import Any, cast

import pytest
from django.conf import settings
from django.contrib.auth.models import User
from django.test import Client
from django.utils import timezone

from practices.models import SessionState
from tests.factories import (
    JournalEntryFactory,
    PracticeSessionFactory,
    UserFactory,
    builtin_practice,
)

pytestmark = pytest.mark.django_db

SHIPPED = [code for code, _ in settings.LANGUAGES if code != settings.LANGUAGE_CODE]
ENGLISH = re.compile(
    r"\b(the|and|your|you|with|this|that|what|when|from|have|there|here|which|nothing|"
    r"every|about|after|before|today|save|days|none|yet|still|notice|feel)\b",
    re.IGNORECASE,
)
SPOKEN_ATTRIBUTES = {"aria-label", "title", "placeholder", "alt", "aria-description"}


class VisibleText(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.parts: list[str] = []
        self.hidden = 0
        self.lang = ""

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if tag == "html":
            self.lang = values.get("lang") or ""
        if tag in {"script", "style", "template"}:
            self.hidden += 1
        self.parts += [v for k, v in attrs if k in SPOKEN_ATTRIBUTES and v]
        if tag == "meta" and values.get("name") == "description":
            self.parts.append(values.get("content") or "")
        if tag == "input" and values.get("type") in {"submit", "button"}:
            self.parts.append(values.get("value") or "")

    def handle_endtag(self, tag: str) -> None:
        if tag in {"script", "style", "template"}:
            self.hidden -= 1

    def handle_data(self, data: str) -> None:
        if not self.hidden and data.strip():
            self.parts.append(data.strip())


@pytest.fixture
def person(request: pytest.FixtureRequest) -> User:
    user = cast(User, UserFactory(username="maria", profile__time_zone="Europe/Berlin"))
    JournalEntryFactory(user=user, body="…")
    PracticeSessionFactory(user=user, notes="")
    return user


def english_on(client: Client, path: str, language: str) -> list[str]:
    response = client.get(path)
    assert response.status_code == 200, path
    page = VisibleText()
    page.feed(response.content.decode())
    assert page.lang == language, path
    return [part for part in page.parts if ENGLISH.search(part)]


@pytest.mark.parametrize("language", SHIPPED)
def test_the_main_pages_hold_no_english(client: Client, person: User, language: str) -> None:
    person.profile.language = language
    person.profile.save()
    client.force_login(person, backend="django.contrib.auth.backends.ModelBackend")
    running: Any = PracticeSessionFactory(
        user=person,
        practice=builtin_practice("body-scan"),
        state=SessionState.IN_PROGRESS,
        started_at=timezone.now(),
        ended_at=None,
        duration_seconds=None,
        after_pain=None,
        after_tension=None,
        after_safety=None,
        after_connection=None,
    )
    pages = [
        "/",
        "/review/",
        f"/practices/sessions/{running.uuid}/run/",
        "/practices/body-scan/",
        "/export/",
        "/export/summary/",
        "/timeline/",
        "/settings/",
    ]
    left = {path: english_on(client, path, language) for path in pages}
    assert {path: found for path, found in left.items() if found} == {}


@pytest.mark.parametrize("language", SHIPPED)
def test_the_public_pages_hold_no_english(client: Client, language: str) -> None:
    left = {}
    for path in ["/", "/accounts/login/", "/signup/", "/practices/"]:
        response = client.get(path, HTTP_ACCEPT_LANGUAGE=language)
        assert response.status_code == 200, path
        page = VisibleText()
        page.feed(response.content.decode())
        assert page.lang == language
        # The language switch names each language in its own words, English among them.
        found = [part for part in page.parts if ENGLISH.search(part) and part != "English"]
        if found:
            left[path] = found
    assert left == {}
