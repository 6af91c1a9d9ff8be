"""Downloading an export in a real browser and importing it into another account."""

from __future__ import annotations

from typing import Any, cast

import pytest
from django.contrib.auth.models import User
from playwright.sync_api import Page, expect

from journal.models import JournalEntry
from tests.browser.a11y import serious_violations
from tests.browser.conftest import log_in, screenshot
from tests.factories import PASSWORD, UserFactory
from tests.portability.test_export_formats import build_journal

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture(autouse=True)
def fast_passwords(settings: Any) -> None:
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


def test_a_person_downloads_their_journal_and_imports_it_elsewhere(
    page: Page, phone_page: Page, tmp_path
):
    alice = cast(User, UserFactory(username="alice", profile__time_zone="Europe/London"))
    build_journal(alice, days=6)
    UserFactory(username="maya")

    log_in(page, "alice", PASSWORD)
    page.get_by_role("link", name="Export").first.click()
    expect(page.get_by_role("heading", name="Your journal, to keep")).to_be_visible()
    expect(page.get_by_label("JSON: everything")).to_be_checked()
    screenshot(page, "export-desktop")
    assert serious_violations(page) == []
    with page.expect_download() as download_info:
        page.get_by_role("button", name="Download").click()
    download = download_info.value
    assert download.suggested_filename.startswith("journal-")
    assert download.suggested_filename.endswith(".json")
    saved = tmp_path / download.suggested_filename
    download.save_as(saved)
    # The page stays usable for a second download (no disabled button left behind).
    page.get_by_label("Markdown").check()
    with page.expect_download() as second:
        page.get_by_role("button", name="Download").click()
    assert second.value.suggested_filename.endswith(".md")
    assert page.console_errors == []  # type: ignore[attr-defined]

    log_in(phone_page, "maya", PASSWORD)
    phone_page.goto("/import/")
    assert serious_violations(phone_page) == []
    phone_page.get_by_label("Journal export (.json)").set_input_files(saved)
    phone_page.get_by_role("button", name="Import").click()
    expect(phone_page.get_by_role("heading", name="Import finished")).to_be_visible()
    expect(phone_page.get_by_text("entries: 13 added, 0 already there")).to_be_visible()
    screenshot(phone_page, "import-done-phone")
    assert serious_violations(phone_page) == []
    assert JournalEntry.objects.filter(user__username="maya").count() == 13

    # The same file again adds nothing.
    phone_page.get_by_label("Journal export (.json)").set_input_files(saved)
    phone_page.get_by_role("button", name="Import").click()
    expect(phone_page.get_by_text("entries: 0 added, 13 already there")).to_be_visible()


def test_a_broken_file_is_explained_without_changing_anything(phone_page: Page, tmp_path):
    UserFactory(username="maya")
    broken = tmp_path / "journal.json"
    broken.write_text('{"format": "soma-journal", "version": 1, "sessions": [{"after": ')
    log_in(phone_page, "maya", PASSWORD)
    phone_page.goto("/import/")
    phone_page.get_by_label("Journal export (.json)").set_input_files(broken)
    phone_page.get_by_role("button", name="Import").click()
    alert = phone_page.get_by_role("alert")
    expect(alert).to_contain_text("Nothing was imported")
    expect(alert).to_contain_text("not complete, valid JSON")
    screenshot(phone_page, "import-error-phone")
    assert serious_violations(phone_page) == []


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_the_summary_and_deletion_pages_read_well(page: Page, scheme: str):
    alice = cast(User, UserFactory(username="alice", profile__time_zone="Europe/London"))
    build_journal(alice, days=20)
    page.emulate_media(color_scheme=scheme)  # type: ignore[arg-type]
    log_in(page, "alice", PASSWORD)
    page.goto("/export/summary/")
    expect(page.get_by_role("img", name="Pain around practice", exact=False)).to_be_visible()
    screenshot(page, f"summary-desktop-{scheme}")
    assert serious_violations(page) == []
    page.goto("/settings/")
    page.get_by_role("link", name="Delete my account").click()
    expect(page.get_by_label("Your password")).to_be_visible()
    screenshot(page, f"account-delete-{scheme}")
    assert serious_violations(page) == []
    assert page.console_errors == []  # type: ignore[attr-defined]


def test_deleting_the_account_logs_the_person_out(phone_page: Page):
    alice = cast(User, UserFactory(username="alice"))
    build_journal(alice, days=2)
    log_in(phone_page, "alice", PASSWORD)
    phone_page.goto("/settings/delete-account/")
    phone_page.get_by_label("Your password").fill(PASSWORD)
    phone_page.get_by_role("button", name="Delete my account and journal").click()
    expect(phone_page.get_by_role("heading", name="Your account is gone")).to_be_visible()
    screenshot(phone_page, "account-deleted-phone")
    assert not JournalEntry.objects.exists()
    phone_page.goto("/export/")
    assert "/accounts/login/" in phone_page.url


def test_the_export_and_summary_pages_fit_a_phone(phone_page: Page):
    alice = cast(User, UserFactory(username="alice", profile__time_zone="Europe/London"))
    build_journal(alice, days=10)
    log_in(phone_page, "alice", PASSWORD)
    for path, name in (("/export/", "export-phone"), ("/export/summary/", "summary-phone")):
        phone_page.goto(path)
        # Nothing wider than the screen: tables scroll inside their own box.
        width = phone_page.evaluate("document.documentElement.scrollWidth")
        assert width <= 390, f"{path} is {width} px wide"
        screenshot(phone_page, name)
        assert serious_violations(phone_page) == []


def test_a_large_import_runs_as_a_job_the_page_follows(phone_page: Page, tmp_path, settings):
    from journal.portability.import_jobs import import_job_run
    from journal.portability.jobs import ImportJob
    from journal.portability.json_format import export_json
    from journal.portability.reader import JournalReader

    settings.IMPORT_INLINE_BYTES = 1024  # this small journal counts as large here
    alice = cast(User, UserFactory(username="alice"))
    build_journal(alice, days=6)
    saved = tmp_path / "journal.json"
    saved.write_bytes(b"".join(export_json(JournalReader(alice))))
    UserFactory(username="maya")

    log_in(phone_page, "maya", PASSWORD)
    phone_page.goto("/import/")
    phone_page.get_by_label("Journal export (.json)").set_input_files(saved)
    phone_page.get_by_role("button", name="Import").click()
    expect(phone_page.get_by_role("heading", name="Importing your journal")).to_be_visible()
    expect(phone_page.get_by_text("waiting its turn")).to_be_visible()
    assert serious_violations(phone_page) == []

    import_job_run(job_uuid=ImportJob.objects.get().uuid)  # what the worker does
    # The page asks again by itself and shows the outcome.
    expect(phone_page.get_by_role("heading", name="Import finished")).to_be_visible(timeout=10_000)
    expect(phone_page.get_by_text("entries: 13 added, 0 already there")).to_be_visible()
    screenshot(phone_page, "import-job-done-phone")
    assert serious_violations(phone_page) == []
