"""Two tabs on one draft: each autosave carries the version the tab holds; a stale tab is
told so, with the saved draft shown, and its own words stay in its box."""

from __future__ import annotations

from typing import Any

import pytest
from playwright.sync_api import Page, expect

from journal.models import JournalEntry
from tests import factories
from tests.browser.a11y import serious_violations
from tests.browser.conftest import log_in, screenshot
from tests.factories import PASSWORD

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.browser]

JournalEntryFactory: Any = factories.JournalEntryFactory
UserFactory: Any = factories.UserFactory


def test_a_stale_tab_is_told_and_keeps_its_words(page: Page) -> None:
    maya = UserFactory(username="maya", profile__time_zone="Europe/Paris")
    draft = JournalEntryFactory(user=maya, kind="expressive", is_draft=True, body="Start. ")
    log_in(page, "maya", PASSWORD)
    url = f"/journal/{draft.uuid}/edit/"
    page.goto(url)
    other = page.context.new_page()
    other.goto(url)

    box = page.get_by_label("Write freely")
    box.press("Control+End")
    box.press_sequentially("First tab, still writing.")
    expect(page.locator("#autosave-status")).to_contain_text("Draft saved")
    box.press_sequentially(" More.")  # a second autosave from the same tab is not stale
    expect(page.locator("#autosave-status")).to_contain_text("Draft saved")
    page.wait_for_timeout(1500)

    stale_box = other.get_by_label("Write freely")
    stale_box.press("Control+End")
    stale_box.press_sequentially("Old tab.")
    status = other.locator("#autosave-status")
    expect(status).to_contain_text("changed in another tab")
    expect(status).to_contain_text("First tab, still writing. More.")
    expect(stale_box).to_have_value("Start. Old tab.")
    screenshot(other, "stale-autosave")
    assert serious_violations(other) == []
    assert JournalEntry.objects.get(pk=draft.pk).body == "Start. First tab, still writing. More."
