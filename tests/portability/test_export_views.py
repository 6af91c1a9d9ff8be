"""The Export, summary and Import pages: downloads, headers, access and query counts."""

from __future__ import annotations

import io
import json
import zipfile
from typing import Any

import pytest
from django.contrib.auth.models import User
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from journal.models import JournalEntry, Sensation
from tests.factories import JournalEntryFactory, SensationFactory
from tests.portability.test_export_formats import build_journal
from tests.portability.test_import import row_counts, without_export_time

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def fast_passwords(settings: Any) -> None:
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


def download(client: Client, **params: str) -> tuple[Any, bytes]:
    response: Any = client.get(reverse("portability:download"), params)
    body = b"".join(response.streaming_content) if response.streaming else response.content
    return response, body


@pytest.mark.parametrize(
    "name",
    [
        "portability:export",
        "portability:download",
        "portability:summary",
        "portability:import",
        "accounts:delete",
    ],
)
def test_anonymous_people_are_sent_to_log_in(client, name):
    response = client.get(reverse(name))
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")


def test_the_export_page_offers_every_format(alice_client, django_assert_num_queries):
    # session, user, profile (time zone)
    with django_assert_num_queries(3):
        response = alice_client.get(reverse("portability:export"))
    assert response.status_code == 200
    html = response.content.decode()
    for value in ("json", "csv", "md", "pdf"):
        assert f'value="{value}"' in html
    assert 'aria-current="page"' in html


@pytest.mark.parametrize(
    ("fmt", "content_type", "name"),
    [
        ("json", "application/json", "journal-"),
        ("csv", "application/zip", "journal-"),
        ("md", "text/markdown; charset=utf-8", "journal-"),
        ("pdf", "application/pdf", "journal-summary-"),
    ],
)
def test_a_download_is_a_private_attachment_with_a_safe_name(
    alice_client, alice, fmt, content_type, name
):
    build_journal(alice, days=2)
    response, body = download(alice_client, format=fmt)
    assert response.status_code == 200
    assert response["Content-Type"] == content_type
    assert "no-store" in response["Cache-Control"]
    disposition = response["Content-Disposition"]
    assert disposition.startswith(f'attachment; filename="{name}')
    assert "alice" not in disposition
    extension = {"md": "md", "csv": "zip"}.get(fmt, fmt)
    assert disposition.endswith(f'.{extension}"')
    assert response.streaming == (fmt != "pdf")
    assert body


def test_the_json_download_streams_the_whole_journal(
    alice_client, alice, django_assert_num_queries
):
    build_journal(alice, days=30)
    # session, user, profile, tags, own practices, sessions, their sensations, entries,
    # their emotions, their tags, their sensations: the same for 30 days as for 3.
    with django_assert_num_queries(11):
        response, body = download(alice_client, format="json")
    doc = json.loads(body)
    assert len(doc["entries"]) == JournalEntry.objects.filter(user=alice).count() == 61


def test_the_csv_download_is_a_zip_of_three_files(alice_client, alice, django_assert_num_queries):
    build_journal(alice, days=30)
    # session, user, profile, entries, their emotions, their tags, sessions, sensations
    with django_assert_num_queries(8):
        response, body = download(alice_client, format="csv")
    archive = zipfile.ZipFile(io.BytesIO(body))
    assert sorted(archive.namelist()) == ["entries.csv", "sensations.csv", "sessions.csv"]


def test_the_download_never_holds_bobs_rows(alice_client, alice, bob):
    build_journal(alice, days=2)
    SensationFactory(entry=JournalEntryFactory(user=bob, body="bob's words"), note="bob's note")
    for fmt in ("json", "csv", "md"):
        _, body = download(alice_client, format=fmt)
        if fmt == "csv":
            archive = zipfile.ZipFile(io.BytesIO(body))
            body = b"".join(archive.read(n) for n in archive.namelist())
        assert b"bob" not in body


def test_a_pdf_download_is_a_pdf(alice_client, alice):
    build_journal(alice, days=3)
    response, body = download(alice_client, format="pdf", since="2025-03-01", until="2025-03-02")
    assert body.startswith(b"%PDF-")
    assert len(body) > 2000


def test_a_bad_range_is_explained_on_the_export_page(alice_client):
    response, _ = download(alice_client, format="json", since="2025-03-05", until="2025-03-01")
    assert response.status_code == 400
    assert "before the first day" in response.content.decode()


@pytest.mark.parametrize("fmt", ["json", "csv", "md", "pdf"])
def test_a_range_beyond_the_calendar_is_explained_on_the_export_page(alice_client, fmt):
    response, _ = download(alice_client, format=fmt, since="0001-01-01", until="9999-12-31")
    assert response.status_code == 400
    assert "between 1900 and 9998" in response.content.decode()


def test_a_range_beyond_the_calendar_is_explained_on_the_summary_page(alice_client):
    params = {"since": "0001-01-01", "until": "9999-12-31"}
    response = alice_client.get(reverse("portability:summary"), params)
    assert response.status_code == 400
    assert "between 1900 and 9998" in response.content.decode()


def test_the_first_and_last_accepted_days_export(alice_client):
    response, _ = download(alice_client, format="json", since="1900-01-01", until="9998-12-31")
    assert response.status_code == 200


def test_an_unknown_format_is_explained(alice_client):
    response, _ = download(alice_client, format="xlsx")
    assert response.status_code == 400
    assert "Select a valid choice" in response.content.decode()


@pytest.mark.parametrize("name", ["portability:export", "portability:download"])
def test_export_pages_refuse_post(alice_client, name):
    assert alice_client.post(reverse(name)).status_code == 405


# Import page.


def upload(client: Client, data: bytes, name: str = "journal.json") -> Any:
    return client.post(reverse("portability:import"), {"file": SimpleUploadedFile(name, data)})


def test_the_import_page_round_trips_an_export(alice_client, alice, bob, bob_client):
    build_journal(alice, days=5)
    _, first = download(alice_client, format="json")
    response = upload(bob_client, first)
    assert response.status_code == 200
    html = response.content.decode()
    assert "Import finished" in html
    assert "entries: 11 added, 0 already there" in html
    _, second = download(bob_client, format="json")
    assert without_export_time(json.loads(second)) == without_export_time(json.loads(first))
    again = upload(bob_client, first).content.decode()
    assert "0 items added, 29 already in your journal and left as they were" in again


def test_the_import_page_query_count_does_not_grow_with_the_file(
    alice_client, alice, bob_client, django_assert_num_queries
):
    # 15 days: 31 entries, few enough for one INSERT each even within SQLite's 999
    # variables, so the count is the same on SQLite and PostgreSQL.
    build_journal(alice, days=15)
    _, data = download(alice_client, format="json")
    # session, user, profile (time zone); savepoint; what bob already has (tags, practices,
    # sessions, entries, catalog slugs, sensations); then one batch per section, each in its
    # own savepoint and release (8), holding per table an insert and one executemany for the
    # file's timestamps: tags (2), practices (2), sessions with their sensations (4), entries
    # (2), emotions, entry tags, their sensations (2); the file's settings onto the profile
    # in a savepoint (3); release; the imports' rate limit: one count, and clearing past
    # windows as this one begins.
    with django_assert_num_queries(38):
        response = upload(bob_client, data)
    assert response.status_code == 200
    assert Sensation.objects.filter(user__username="bob").count() == 30


def test_a_bad_file_on_the_import_page_lists_its_problems(alice_client, alice, bob_client):
    build_journal(alice, days=2)
    _, data = download(alice_client, format="json")
    doc = json.loads(data)
    doc["sessions"][1]["after"]["pain"] = 14
    before = row_counts()
    response = upload(bob_client, json.dumps(doc).encode())
    assert response.status_code == 400
    html = response.content.decode()
    assert "Nothing was imported" in html
    assert "sessions[1].after.pain: 14 is above 10" in html
    assert row_counts() == before


def test_an_oversized_upload_gets_a_clear_message(alice_client, settings):
    settings.IMPORT_MAX_BYTES = 1024
    before = row_counts()
    response = upload(alice_client, b"{" + b" " * 4000 + b"}")
    assert response.status_code == 400
    assert "This file is 4 KB; the largest file this server accepts is 1 KB." in (
        response.content.decode()
    )
    assert row_counts() == before


def test_a_huge_upload_is_refused_before_it_is_read(alice_client, settings):
    settings.IMPORT_MAX_BYTES = 1024
    response = upload(alice_client, b" " * 200_000)
    assert response.status_code == 413
    assert "largest file this server accepts" in response.content.decode()


def test_an_import_without_a_file_asks_for_one(alice_client):
    response = alice_client.post(reverse("portability:import"), {})
    assert response.status_code == 400
    assert "This field is required" in response.content.decode()


def test_the_import_page_shows_the_size_limit(alice_client, settings, django_assert_num_queries):
    settings.IMPORT_MAX_BYTES = 5 * 1024 * 1024
    # session, user, profile (time zone)
    with django_assert_num_queries(3):
        html = alice_client.get(reverse("portability:import")).content.decode()
    assert "Up to 5 MB." in html
    assert 'enctype="multipart/form-data"' in html


def test_get_on_import_changes_nothing(alice_client, alice: User):
    before = row_counts()
    assert alice_client.get(reverse("portability:import")).status_code == 200
    assert row_counts() == before
