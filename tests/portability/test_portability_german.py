"""Export, summary and PDF in German; the summary's own language, chosen apart from the
person's (a clinician may read another); the Markdown export's headings."""

from __future__ import annotations

import io
from datetime import date
from typing import Any, cast

import pytest
from django.contrib.auth.models import User
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation
from pypdf import PdfReader

from journal.portability.pdf_format import export_pdf
from journal.portability.reader import DateRange, JournalReader
from journal.portability.summary_options import SummaryOptions, language_choices
from tests.i18n.german import make_german
from tests.portability.test_export_formats import build_journal
from tests.portability.test_export_views import download

pytestmark = pytest.mark.django_db


SUMMARY = "/export/summary/"


@pytest.fixture(autouse=True)
def fast_passwords(settings: Any) -> None:
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


def _pdf_text(data: bytes) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages)


def test_the_export_page_reads_in_german(
    alice_client: Client, alice: User, django_assert_num_queries: Any
) -> None:
    make_german(alice)
    with django_assert_num_queries(3):  # as in English: session, user, profile
        response = alice_client.get(reverse("portability:export"))
    html = response.content.decode()
    assert response.status_code == 200
    assert '<html lang="de"' in html
    assert 'value="md"' in html


def test_each_language_is_offered_in_its_own_name() -> None:
    names = dict(language_choices())
    assert names["de"] == "Deutsch"
    assert names["fr"] == "Français"
    assert set(names) == {"en-gb", "de", "es", "fr", "it", "nl", "pt-br"}


def test_the_summary_language_defaults_to_the_persons(alice_client: Client, alice: User) -> None:
    assert alice_client.get(SUMMARY).context["form"]["language"].value() == "en-gb"
    make_german(alice)
    response = alice_client.get(SUMMARY)
    assert response.context["form"]["language"].value() == "de"
    assert '<html lang="de"' in response.content.decode()
    # Each choice in its own language, so a screen reader says it right.
    assert '<option value="fr" lang="fr">Français</option>' in response.content.decode()


def test_an_english_speaker_makes_a_german_summary(alice_client: Client, alice: User) -> None:
    build_journal(alice, days=20)  # from Saturday 1 March 2025
    response = alice_client.post(SUMMARY, {"chosen": "1", "sections": ["charts"], "language": "de"})
    html = response.content.decode()
    assert response.status_code == 200
    assert '<html lang="de"' in html
    assert "1. März 2025" in html
    assert "March" not in html
    # The person's own pages stay in their language.
    assert '<html lang="en-gb"' in alice_client.get(reverse("portability:export")).content.decode()


def test_a_language_not_offered_is_refused(alice_client: Client) -> None:
    response = alice_client.post(SUMMARY, {"chosen": "1", "language": "xx"})
    assert response.status_code == 400


def test_the_german_summary_runs_the_same_queries(
    alice_client: Client, alice: User, django_assert_num_queries: Any
) -> None:
    build_journal(alice, days=20)
    choices = {"chosen": "1", "sections": ["charts", "practices"]}
    with CaptureQueriesContext(connection) as english:
        alice_client.post(SUMMARY, {**choices, "language": "en-gb"})
    in_english = len(english)
    with django_assert_num_queries(in_english):
        response = alice_client.post(SUMMARY, {**choices, "language": "de"})
    assert '<html lang="de"' in response.content.decode()


def test_the_pdf_is_written_in_its_chosen_language(alice: User) -> None:
    build_journal(alice, days=14)
    reader = JournalReader(alice, DateRange(since=date(2025, 3, 1)))
    german = export_pdf(reader, SummaryOptions(language="de"))
    pdf = PdfReader(io.BytesIO(german))
    assert str(cast(Any, pdf.trailer["/Root"])["/Lang"]) == "de"
    assert "März" in _pdf_text(german)
    with translation.override("de"):  # the person's language does not decide it
        english = export_pdf(reader, SummaryOptions(language="en-gb"))
    assert "March" in _pdf_text(english) and "März" not in _pdf_text(english)


def test_the_pdf_view_follows_the_summary_language(alice_client: Client, alice: User) -> None:
    build_journal(alice, days=14)
    response = alice_client.post(
        reverse("portability:summary_pdf"),
        {"chosen": "1", "sections": ["charts"], "language": "de"},
    )
    assert response.status_code == 200
    assert "März" in _pdf_text(response.content)


def test_the_markdown_export_has_german_headings(alice_client: Client, alice: User) -> None:
    build_journal(alice, days=3)
    make_german(alice)
    _, body = download(alice_client, format="md")
    text = body.decode()
    assert "## Samstag, 1. März 2025" in text
    _, json_body = download(alice_client, format="json")
    assert b'"entries"' in json_body  # the JSON keeps its English keys


def test_the_german_summary_charts_keep_their_numbers_unlocalised(
    alice_client: Client, alice: User
) -> None:
    import re

    build_journal(alice, days=20)
    choices = {"chosen": "1", "sections": ["charts", "body_map"], "language": "de"}
    html = alice_client.post(SUMMARY, choices).content.decode()
    svgs = re.findall(r"<svg.*?</svg>", html, flags=re.S)
    assert svgs
    numbers = re.findall(r'\s(?:x|y|x1|x2|y1|y2|width|height|cx|cy|r)="([^"]*)"', "".join(svgs))
    assert numbers and not [n for n in numbers if "," in n]
    # Polylines: pairs "x,y" apart by spaces, each number with a point if it has decimals.
    for points in re.findall(r'points="([^"]*)"', "".join(svgs)):
        assert all(pair.count(",") == 1 for pair in points.split())


def test_the_markdown_export_names_built_in_practices_in_german(
    alice_client: Client, alice: User
) -> None:
    from practices.models import Practice
    from tests.factories import PracticeSessionFactory

    practice = Practice.objects.get(user=None, slug="body-scan")
    practice.translations = {**practice.translations, "de": {"name": "Körperreise"}}
    practice.save(update_fields=["translations"])
    PracticeSessionFactory(user=alice, practice=practice)
    _, english = download(alice_client, format="md")
    assert "Body scan" in english.decode()
    make_german(alice)
    _, german = download(alice_client, format="md")
    assert "Körperreise" in german.decode() and "Body scan" not in german.decode()
    _, json_body = download(alice_client, format="json")
    assert "Body scan" in json_body.decode()  # the JSON keeps the catalog's own name
