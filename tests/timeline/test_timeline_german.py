"""The timeline in German: day headings in Django's German names; the same queries."""

from __future__ import annotations

from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from django.contrib.auth.models import User
from django.test import Client

from tests.factories import CheckInFactory
from tests.i18n.german import english_queries, make_german

pytestmark = pytest.mark.django_db


URL = "/timeline/"


def test_the_timeline_reads_in_german(alice_client: Client, alice: User) -> None:
    make_german(alice)
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
    in_english = english_queries(alice_client, URL)
    make_german(alice)
    alice_client.get(URL)
    # The words cost no query: as many as the same page in English.
    with django_assert_num_queries(in_english):
        alice_client.get(URL)
