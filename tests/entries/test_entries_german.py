"""Entry pages in German: dates in Django's German names, a built-in practice by its name in
the active language (its catalog words), the same wording rules as in English."""

from __future__ import annotations

from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from django.contrib.auth.models import User
from django.test import Client
from django.urls import reverse

from practices.models import Practice
from tests.factories import CheckInFactory, PracticeSessionFactory, TagFactory
from tests.i18n.german import make_german

pytestmark = pytest.mark.django_db


def test_a_reflection_names_its_practice_inside_the_sentence(
    alice_client: Client, alice: User
) -> None:
    session: Any = PracticeSessionFactory(user=alice, duration_seconds=600)
    html = alice_client.get(reverse("entries:reflect", kwargs={"session_uuid": session.uuid}))
    assert "After body scan, 10 minutes. Take a moment" in html.content.decode()


def test_a_reflection_in_german_uses_the_catalogs_german_name(
    alice_client: Client, alice: User
) -> None:
    make_german(alice)
    practice = Practice.objects.get(user=None, slug="body-scan")
    practice.translations = {**practice.translations, "de": {"name": "Körperreise"}}
    practice.save(update_fields=["translations"])
    session: Any = PracticeSessionFactory(user=alice, practice=practice)
    response = alice_client.get(reverse("entries:reflect", kwargs={"session_uuid": session.uuid}))
    html = response.content.decode()
    assert response.status_code == 200
    assert '<html lang="de"' in html
    assert "Körperreise" in html  # a noun keeps its capital in German
    assert "Body scan" not in html


def test_an_entry_reads_its_date_in_german(alice_client: Client, alice: User) -> None:
    make_german(alice)
    entry: Any = CheckInFactory(
        user=alice, occurred_at=datetime(2025, 12, 1, 9, 0, tzinfo=ZoneInfo("Europe/London"))
    )
    response = alice_client.get(reverse("entries:detail", kwargs={"entry_uuid": entry.uuid}))
    html = response.content.decode()
    assert response.status_code == 200
    assert "Montag, 1. Dezember 2025, 09:00" in html


def test_the_tags_page_renders_in_german(alice_client: Client, alice: User) -> None:
    make_german(alice)
    TagFactory(user=alice, name="work deadline")
    response = alice_client.get(reverse("tags:index"))
    assert response.status_code == 200
    assert '<html lang="de"' in response.content.decode()
