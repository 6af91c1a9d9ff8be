"""The timeline in German: day headings in Django's German names; the same queries."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from django.conf import settings
from django.contrib.auth.models import User
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import translation

from journal.models import Profile
from tests.factories import CheckInFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _english_after() -> Iterator[None]:
    """A German request leaves German active in this thread; the next test starts in English."""
    yield
    translation.activate(settings.LANGUAGE_CODE)


URL = "/timeline/"


def _german(user: User) -> None:
    Profile.objects.filter(user=user).update(language="de")


def test_the_timeline_reads_in_german(alice_client: Client, alice: User) -> None:
    _german(alice)
    # Monday 1 December 2025, in alice's zone.
    CheckInFactory(user=alice, occurred_at=datetime(2025, 12, 1, 9, 0, tzinfo=ZoneInfo("UTC")))
    response = alice_client.get(URL)
    html = response.content.decode()
    assert response.status_code == 200
    assert '<html lang="de"' in html
    assert "Montag, 1. Dezember 2025" in html


def test_german_timeline_runs_the_same_queries(
    alice_client: Client, alice: User, django_assert_num_queries: Any
) -> None:
    for _ in range(3):
        CheckInFactory(user=alice)
    alice_client.get(URL)
    with CaptureQueriesContext(connection) as english:
        alice_client.get(URL)
    in_english = len(english)  # read now: each request clears the connection's query log
    _german(alice)
    alice_client.get(URL)
    # The words cost no query: as many as the same page in English.
    with django_assert_num_queries(in_english):
        alice_client.get(URL)
