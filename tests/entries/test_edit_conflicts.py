"""Two tabs, resent forms and long texts: nothing typed is silently overwritten or cut."""

from __future__ import annotations

import uuid
from typing import Any

import pytest
from django.urls import reverse

from journal.core.markdown import BODY_MAX_CHARS
from journal.models import JournalEntry
from tests import factories
from tests.today.test_today import checkin_data

pytestmark = pytest.mark.django_db

JournalEntryFactory: Any = factories.JournalEntryFactory
HX = {"HX-Request": "true"}


def edit_url(entry: JournalEntry) -> str:
    return reverse("entries:edit", kwargs={"entry_uuid": entry.uuid})


def opened_form(client: Any, entry: JournalEntry) -> dict[str, Any]:
    """What a tab holds after opening the edit page: the form's initial values."""
    form = client.get(edit_url(entry)).context["form"]
    data = {name: form[name].value() for name in ("token", "version", "body")}
    sent = {k: "" if v is None else str(v) for k, v in data.items()}
    return {**sent, "sens-TOTAL_FORMS": "0", "sens-INITIAL_FORMS": "0"}


def test_a_stale_tab_is_refused_and_both_texts_are_kept(alice_client, alice) -> None:
    entry = JournalEntryFactory(user=alice, body="The first words.")
    tab_a, tab_b = opened_form(alice_client, entry), opened_form(alice_client, entry)
    assert tab_a["version"] == tab_b["version"] == "1"

    saved = alice_client.post(edit_url(entry), {**tab_a, "body": "A long entry " * 50})
    assert saved.status_code == 302
    stale = alice_client.post(edit_url(entry), {**tab_b, "body": "An older short draft."})

    assert stale.status_code == 409
    page = stale.content.decode()
    assert "An older short draft." in page  # the person's own text, still in the form
    assert "A long entry A long entry" in page  # and the one saved by the other tab
    entry.refresh_from_db()
    assert (entry.body, entry.version) == ("A long entry " * 50, 2)

    # Saving again from the refused page is a choice made knowingly: it now goes through.
    again = stale.context["form"]
    retry = {**tab_b, "version": again["version"].value(), "body": "An older short draft."}
    assert alice_client.post(edit_url(entry), retry).status_code == 302
    entry.refresh_from_db()
    assert (entry.body, entry.version) == ("An older short draft.", 3)


def test_a_stale_autosave_is_refused_and_shows_the_saved_draft(alice_client, alice) -> None:
    draft = JournalEntryFactory(user=alice, kind="expressive", is_draft=True, body="start")
    url = edit_url(draft)
    first = alice_client.post(
        url, {"body": "six hundred words", "autosave": "1", "version": "1"}, headers=HX
    )
    assert first.status_code == 200
    assert 'name="version" value="2"' in first.content.decode()  # the tab now holds 2

    late = alice_client.post(url, {"body": "short", "autosave": "1", "version": "1"}, headers=HX)
    assert late.status_code == 409
    assert "six hundred words" in late.content.decode()
    draft.refresh_from_db()
    assert draft.body == "six hundred words"


def test_a_resent_check_in_with_a_changed_answer_is_not_dropped(alice_client, alice) -> None:
    data = checkin_data()
    assert alice_client.post("/", data).status_code == 302
    # Back, a warning sign ticked, the same form sent again (its token unchanged).
    resent = alice_client.post("/", {**data, "red_flags": ["leg_weakness"], "pain": "7"})
    assert resent.status_code == 302
    entry = JournalEntry.objects.get(user=alice)
    assert entry.red_flag_leg_weakness and entry.pain == 7
    assert entry.sensations.count() == 2


def test_a_resent_check_in_with_the_same_answers_changes_nothing(alice_client, alice) -> None:
    data = checkin_data()
    alice_client.post("/", data)
    version = JournalEntry.objects.get(user=alice).version
    alice_client.post("/", data)
    entry = JournalEntry.objects.get(user=alice)
    assert entry.version == version


def test_autosave_over_the_limit_says_so_and_keeps_the_draft(alice_client, alice) -> None:
    url = reverse("entries:new", kwargs={"kind": "expressive"})
    token = str(uuid.uuid4())
    alice_client.post(url, {"token": token, "body": "kept", "autosave": "1"}, headers=HX)
    too_long = "a" * (BODY_MAX_CHARS + 1)
    response = alice_client.post(
        url, {"token": token, "body": too_long, "autosave": "1", "version": "1"}, headers=HX
    )
    assert response.status_code == 422
    text = response.content.decode()
    assert "Not saved" in text and "200000" in text
    assert "Draft saved" not in text
    assert JournalEntry.objects.get(user=alice).body == "kept"


def test_the_form_refuses_a_text_over_the_limit_with_a_clear_message(alice_client) -> None:
    url = reverse("entries:new", kwargs={"kind": "free"})
    response = alice_client.post(
        url, {"token": str(uuid.uuid4()), "body": "a" * (BODY_MAX_CHARS + 1)}
    )
    assert response.status_code == 200
    assert "Nothing was cut" in response.content.decode()
    assert not JournalEntry.objects.exists()


def test_the_same_limit_lets_a_long_imported_body_be_edited(alice_client, alice) -> None:
    entry = JournalEntryFactory(user=alice, body="b" * BODY_MAX_CHARS)
    tab = opened_form(alice_client, entry)
    response = alice_client.post(edit_url(entry), {**tab, "body": "c" * BODY_MAX_CHARS})
    assert response.status_code == 302
