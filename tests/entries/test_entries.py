from __future__ import annotations

import uuid
from typing import Any

import pytest
from django.urls import reverse

from journal.models import JournalEntry
from tests import factories

pytestmark = pytest.mark.django_db

# factory_boy calls are untyped; the aliases make their results Any for mypy.
JournalEntryFactory: Any = factories.JournalEntryFactory
PracticeSessionFactory: Any = factories.PracticeSessionFactory
SensationFactory: Any = factories.SensationFactory
TagFactory: Any = factories.TagFactory


def new_url(kind: str) -> str:
    return reverse("entries:new", kwargs={"kind": kind})


@pytest.mark.parametrize("kind", ["free", "reframe"])
def test_each_writing_page_opens(alice_client, kind) -> None:
    response = alice_client.get(new_url(kind))
    assert response.status_code == 200
    assert response.context["form"].kind == kind


def test_expressive_writing_starts_the_practice_when_no_draft_waits(alice_client) -> None:
    # One expressive writing: its before-ratings, then the writing page (tests/practices).
    response = alice_client.get(new_url("expressive"))
    assert response["Location"] == "/practices/expressive-writing/start/"


def test_an_unknown_kind_is_not_found(alice_client) -> None:
    assert alice_client.get("/journal/new/poem/").status_code == 404


def test_writing_pages_need_a_log_in(client) -> None:
    response = client.get(new_url("free"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:login"))


def test_a_free_reflection_is_saved(alice_client, alice) -> None:
    response = alice_client.post(
        new_url("free"),
        {
            "token": str(uuid.uuid4()),
            "body": "My *shoulders* dropped.",
            "emotions": ["calm"],
            "sens-TOTAL_FORMS": "1",
            "sens-INITIAL_FORMS": "0",
            "sens-0-region": "shoulders",
            "sens-0-quality": "soft",
            "sens-0-intensity": "2",
            "sens-0-feel": "pleasant",
        },
    )
    assert response.status_code == 302
    entry = JournalEntry.objects.get(user=alice)
    assert entry.kind == "free"
    assert entry.sensations.get().region == "shoulders"


def test_a_free_reflection_needs_words(alice_client) -> None:
    response = alice_client.post(
        new_url("free"),
        {
            "token": str(uuid.uuid4()),
            "body": "",
            "sens-TOTAL_FORMS": "0",
            "sens-INITIAL_FORMS": "0",
        },
    )
    assert response.status_code == 200
    assert "body" in response.context["form"].errors


def test_a_belief_reframe_keeps_both_strengths(alice_client, alice) -> None:
    response = alice_client.post(
        new_url("reframe"),
        {
            "token": str(uuid.uuid4()),
            "belief": "Bending will break my back.",
            "belief_strength_before": "80",
            "reframe": "My back is strong; bending gently is safe.",
            "belief_strength_after": "40",
        },
    )
    assert response.status_code == 302
    entry = JournalEntry.objects.get(user=alice)
    assert (entry.belief_strength_before, entry.belief_strength_after) == (80, 40)


def test_a_belief_strength_over_100_is_refused(alice_client) -> None:
    response = alice_client.post(
        new_url("reframe"),
        {"token": str(uuid.uuid4()), "belief": "x", "belief_strength_before": "150"},
    )
    assert response.status_code == 200
    assert "belief_strength_before" in response.context["form"].errors


def test_expressive_writing_autosaves_one_draft_then_finishes_it(alice_client, alice) -> None:
    token = str(uuid.uuid4())
    url = new_url("expressive")
    headers = {"HX-Request": "true"}
    first = alice_client.post(
        url, {"token": token, "body": "I am", "autosave": "1"}, headers=headers
    )
    assert first.status_code == 200
    assert b"Draft saved" in first.content
    alice_client.post(url, {"token": token, "body": "I am angry", "autosave": "1"}, headers=headers)
    draft = JournalEntry.objects.get(user=alice)
    assert (draft.is_draft, draft.body) == (True, "I am angry")
    # Reopening the page offers the draft.
    reopened = alice_client.get(url)
    assert reverse("entries:edit", kwargs={"entry_uuid": draft.uuid}).encode() in reopened.content
    done = alice_client.post(url, {"token": token, "body": "I am angry and tired."})
    assert done.status_code == 302
    entry = JournalEntry.objects.get(user=alice)
    assert (entry.pk, entry.is_draft, entry.body) == (draft.pk, False, "I am angry and tired.")
    # A late autosave must not reopen or change the finished entry.
    alice_client.post(url, {"token": token, "body": "late", "autosave": "1"}, headers=headers)
    entry.refresh_from_db()
    assert (entry.is_draft, entry.body) == (False, "I am angry and tired.")


def test_a_draft_is_autosaved_from_its_edit_page(alice_client, alice) -> None:
    draft = JournalEntryFactory(user=alice, kind="expressive", is_draft=True, body="start")
    url = reverse("entries:edit", kwargs={"entry_uuid": draft.uuid})
    alice_client.post(url, {"body": "start and more", "autosave": "1"})
    draft.refresh_from_db()
    assert (draft.is_draft, draft.body) == (True, "start and more")


def test_a_reflection_after_a_practice_links_the_session(alice_client, alice) -> None:
    session = PracticeSessionFactory(user=alice)
    url = reverse("entries:reflect", kwargs={"session_uuid": session.uuid})
    page = alice_client.get(url)
    assert b"What did your breath do?" in page.content
    response = alice_client.post(
        url,
        {
            "token": str(uuid.uuid4()),
            "body": "Breath went lower.",
            "sens-TOTAL_FORMS": "0",
            "sens-INITIAL_FORMS": "0",
        },
    )
    assert response.status_code == 302
    entry = JournalEntry.objects.get(user=alice)
    assert (entry.kind, entry.session) == ("post_practice", session)


def test_bob_cannot_reflect_on_alices_session(bob_client, alice) -> None:
    session = PracticeSessionFactory(user=alice)
    url = reverse("entries:reflect", kwargs={"session_uuid": session.uuid})
    assert bob_client.get(url).status_code == 404
    assert bob_client.post(url, {"token": str(uuid.uuid4()), "body": "x"}).status_code == 404


def test_alice_opens_her_entry(alice_client, alice, django_assert_num_queries) -> None:
    entry = JournalEntryFactory(
        user=alice, body="Some **ease** today", tags=[TagFactory(user=alice)], emotions=["calm"]
    )
    for region in ["neck", "jaw", "belly", "chest"]:
        SensationFactory(entry=entry, region=region)
    url = reverse("entries:detail", kwargs={"entry_uuid": entry.uuid})
    # Log-in session, user; the entry with its session and practice, then its sensations,
    # emotions and tags; profile.
    with django_assert_num_queries(7):
        response = alice_client.get(url)
    assert response.status_code == 200
    assert b"<strong>ease</strong>" in response.content


def test_bob_gets_404_on_alices_entry(bob_client, alice) -> None:
    entry = JournalEntryFactory(user=alice)
    for name in ["entries:detail", "entries:edit"]:
        url = reverse(name, kwargs={"entry_uuid": entry.uuid})
        assert bob_client.get(url).status_code == 404
    edit = reverse("entries:edit", kwargs={"entry_uuid": entry.uuid})
    assert bob_client.post(edit, {"body": "mine now"}).status_code == 404
    delete = reverse("entries:delete", kwargs={"entry_uuid": entry.uuid})
    assert bob_client.post(delete).status_code == 404
    assert JournalEntry.objects.get(pk=entry.pk).body == entry.body


def test_alice_edits_an_entry_and_its_sensations(alice_client, alice) -> None:
    entry = JournalEntryFactory(user=alice, body="before")
    SensationFactory(entry=entry, region="neck")
    url = reverse("entries:edit", kwargs={"entry_uuid": entry.uuid})
    page = alice_client.get(url)
    assert page.context["rows"].forms[0].initial["region"] == "neck"
    response = alice_client.post(
        url,
        {
            "token": str(uuid.uuid4()),
            "body": "after",
            "sens-TOTAL_FORMS": "2",
            "sens-INITIAL_FORMS": "1",
            "sens-0-region": "neck",
            "sens-0-quality": "tight",
            "sens-0-intensity": "5",
            "sens-0-feel": "unpleasant",
            "sens-0-DELETE": "on",
            "sens-1-region": "jaw",
            "sens-1-quality": "warm",
            "sens-1-intensity": "2",
            "sens-1-feel": "pleasant",
        },
    )
    assert response.status_code == 302
    entry.refresh_from_db()
    assert entry.body == "after"
    assert [s.region for s in entry.sensations.all()] == ["jaw"]


def test_delete_refuses_get(alice_client, alice) -> None:
    entry = JournalEntryFactory(user=alice)
    url = reverse("entries:delete", kwargs={"entry_uuid": entry.uuid})
    assert alice_client.get(url).status_code == 405
    assert JournalEntry.objects.filter(pk=entry.pk).exists()


def test_alice_deletes_her_entry(alice_client, alice) -> None:
    entry = JournalEntryFactory(user=alice)
    SensationFactory(entry=entry)
    response = alice_client.post(reverse("entries:delete", kwargs={"entry_uuid": entry.uuid}))
    assert response.status_code == 302
    assert not JournalEntry.objects.filter(pk=entry.pk).exists()


def test_anonymous_people_go_to_log_in_for_entries(client, alice) -> None:
    entry = JournalEntryFactory(user=alice)
    for name in ["entries:detail", "entries:edit"]:
        response = client.get(reverse(name, kwargs={"entry_uuid": entry.uuid}))
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("accounts:login"))


def test_an_empty_reflection_is_not_saved(alice_client, alice) -> None:
    session = PracticeSessionFactory(user=alice)
    url = reverse("entries:reflect", kwargs={"session_uuid": session.uuid})
    data = {"token": str(uuid.uuid4()), "sens-TOTAL_FORMS": "0", "sens-INITIAL_FORMS": "0"}
    response = alice_client.post(url, data)
    assert response.status_code == 200
    assert b"There is nothing to save yet" in response.content
    assert not JournalEntry.objects.exists()
