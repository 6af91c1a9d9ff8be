"""Today in German: the date in Django's German names, the body map's coordinates unlocalised,
the check-in's words from the vocabulary in the active language, the same queries."""

from __future__ import annotations

import re
from typing import Any

import pytest
from django.contrib.auth.models import User
from django.test import Client
from django.utils import dateformat, timezone, translation

from journal.models import Profile
from tests.factories import CheckInFactory
from tests.i18n.german import english_queries, make_german

pytestmark = pytest.mark.django_db


HOME = "/"
GERMAN_WEEKDAYS = {"Montag", "Dienstag", "Mittwoch", "Donnerstag", "Freitag", "Samstag", "Sonntag"}


def test_today_reads_in_german(alice_client: Client, alice: User) -> None:
    make_german(alice)
    response = alice_client.get(HOME)
    html = response.content.decode()
    assert response.status_code == 200
    assert '<html lang="de"' in html
    today = timezone.localtime(timezone.now(), Profile.objects.get(user=alice).zone)
    with translation.override("de"):
        weekday, month = dateformat.format(today, "l"), dateformat.format(today, "F")
    assert weekday in GERMAN_WEEKDAYS
    assert f"{weekday}, {today.day}. {month}" in html


def test_the_body_map_keeps_its_coordinates_in_german(alice_client: Client, alice: User) -> None:
    make_german(alice)
    html = alice_client.get(HOME).content.decode()
    svg = re.findall(r"<svg.*?</svg>", html, flags=re.S)
    assert svg
    numbers = re.findall(r'\s(?:x|y|width|height)="([^"]*)"', "".join(svg))
    assert numbers and not [n for n in numbers if "," in n]


def test_the_vocabulary_follows_the_active_language(alice_client: Client, alice: User) -> None:
    from journal.core.vocabulary import REGION_LABELS, mid_sentence

    with translation.override("en-gb"):
        assert REGION_LABELS["lower_back"] == "Lower back (lumbar)"
        assert mid_sentence("Body scan") == "body scan"
    with translation.override("de"):
        assert mid_sentence("Body scan") == "Body scan"  # German nouns keep their capital


def test_german_today_runs_the_same_queries(
    alice_client: Client, alice: User, django_assert_num_queries: Any
) -> None:
    for _ in range(3):
        CheckInFactory(user=alice)
    in_english = english_queries(alice_client, HOME)
    make_german(alice)
    alice_client.get(HOME)
    # The words cost no query: as many as the same page in English.
    with django_assert_num_queries(in_english):
        response = alice_client.get(HOME)
    assert '<html lang="de"' in response.content.decode()
