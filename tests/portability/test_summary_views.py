"""The clinician summary page and its PDF: choices, privacy, query counts."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client
from django.urls import reverse

from journal.models import SummaryIdentity
from tests.factories import JournalEntryFactory
from tests.portability.test_export_formats import build_journal

pytestmark = pytest.mark.django_db

URL = "/export/summary/"


@pytest.fixture(autouse=True)
def fast_passwords(settings: Any) -> None:
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


def test_the_summary_page_shows_the_overview_first(alice_client, alice, django_assert_num_queries):
    build_journal(alice, days=20)
    # session, user, profile; reflection candidates; remembered name; entry span, session
    # span; daily values (entries, sessions); session ratings; practices; regions, body maps;
    # red flags; chosen reflections
    with django_assert_num_queries(15):
        response = alice_client.get(reverse("portability:summary"))
    html = response.content.decode()
    assert response.status_code == 200
    assert html.index(">Overview</h2>") < html.index(">Over time</h2>")
    assert "Days logged" in html and "20 days with an entry or a practice" in html
    assert "Pain, tension and stress day to day" in html
    assert "Lying on the warm floor" in html
    assert 'class="body-map"' in html
    assert "Severe pain that does not ease" in html
    assert "My back is strong and adapts" in html
    assert "style=" not in html


def test_the_name_is_posted_never_put_in_a_url(alice_client, alice):
    build_journal(alice, days=3)
    page = alice_client.get(URL).content.decode()
    assert 'method="post"' in page
    choices = {"chosen": "1", "name": "Rowan Ash", "birth_date": "1980-04-02"}
    response = alice_client.post(URL, {**choices, "sections": ["charts"]})
    html = response.content.decode()
    assert "Rowan Ash" in html and "2 April 1980" in html
    assert ">Practices</h2>" not in html  # not chosen
    assert "Rowan" not in alice_client.get(URL).content.decode()  # nothing was stored


def test_the_name_is_remembered_only_when_asked_and_forgotten_when_unticked(alice_client, alice):
    details = {"chosen": "1", "name": "Rowan Ash", "birth_date": "1980-04-02"}
    alice_client.post(URL, {**details, "remember": "on"})
    assert SummaryIdentity.objects.filter(user=alice, name="Rowan Ash").exists()
    page = alice_client.get(URL).content.decode()
    assert 'value="Rowan Ash"' in page and 'value="1980-04-02"' in page
    alice_client.post(URL, details)
    assert not SummaryIdentity.objects.filter(user=alice).exists()


def test_a_future_date_of_birth_is_refused(alice_client):
    response = alice_client.post(URL, {"chosen": "1", "birth_date": "2999-01-01"})
    assert response.status_code == 400
    assert "date of birth in the past" in response.content.decode()


def test_the_summary_leaves_out_expressive_writing_and_drafts(alice_client, alice):
    JournalEntryFactory(user=alice, kind="expressive", body="uncensored pages")
    JournalEntryFactory(user=alice, kind="free", is_draft=True, body="half a thought")
    JournalEntryFactory(user=alice, kind="free", body="a finished reflection")
    html = alice_client.get(reverse("portability:summary")).content.decode()
    assert "a finished reflection" in html
    assert "uncensored pages" not in html  # not quoted even in the list of choices
    assert "half a thought" not in html


def test_unticking_every_reflection_leaves_none(alice_client, alice):
    JournalEntryFactory(user=alice, kind="free", body="a finished reflection")
    html = alice_client.post(URL, {"chosen": "1", "sections": ["reflections"]}).content.decode()
    assert "No reflections chosen." in html
    assert html.count("a finished reflection") == 1  # only its checkbox label


def test_the_summary_of_an_empty_journal_says_so(alice_client):
    html = alice_client.get(reverse("portability:summary")).content.decode()
    assert "nothing in the journal for these days" in html


def test_the_pdf_is_a_private_attachment(alice_client, alice):
    build_journal(alice, days=3)
    response = alice_client.post(reverse("portability:summary_pdf"), {"name": "Rowan Ash"})
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert "no-store" in response["Cache-Control"]
    assert response["Content-Disposition"].startswith('attachment; filename="journal-summary-')
    assert "Rowan" not in response["Content-Disposition"]
    assert response.content.startswith(b"%PDF")


def test_the_pdf_needs_a_post(alice_client):
    assert alice_client.get(reverse("portability:summary_pdf")).status_code == 405
    assert Client().post(reverse("portability:summary_pdf")).status_code == 302
