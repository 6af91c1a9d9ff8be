"""The one expressive-writing practice: before-ratings, the writing page, after-ratings."""

from __future__ import annotations

import uuid

import pytest
from django.urls import reverse

from journal.core.vocabulary import EntryKind
from journal.models import JournalEntry
from practices.models import PracticeSession, SessionState
from tests.factories import JournalEntryFactory

pytestmark = pytest.mark.django_db

HX = {"HX-Request": "true"}


def start(client) -> PracticeSession:
    response = client.post(
        reverse("practices:start", kwargs={"slug": "expressive-writing"}),
        {"before_pain": "5", "planned_minutes": "15", "token": str(uuid.uuid4())},
    )
    session = PracticeSession.objects.latest("started_at")
    assert response["Location"] == write_url(session)
    return session


def write_url(session: PracticeSession) -> str:
    return reverse("entries:write", kwargs={"session_uuid": session.uuid})


def test_the_practice_leads_from_ratings_to_writing_to_ratings(alice_client, alice):
    session = start(alice_client)
    page = alice_client.get(write_url(session)).content.decode()
    assert 'name="body"' in page and "data-autosave" in page
    assert '"total_ms": 900000' in page

    saved = alice_client.post(write_url(session), {"body": "I am", "autosave": "1"}, headers=HX)
    assert b"Draft saved" in saved.content
    alice_client.post(write_url(session), {"body": "I am tired", "autosave": "1"}, headers=HX)
    draft = JournalEntry.objects.get(user=alice)
    assert (draft.kind, draft.is_draft, draft.session, draft.body) == (
        EntryKind.EXPRESSIVE,
        True,
        session,
        "I am tired",
    )

    done = alice_client.post(write_url(session), {"body": "I am tired and angry."})
    assert done["Location"] == reverse(
        "practices:session_finish", kwargs={"session_uuid": session.uuid}
    )
    entry = JournalEntry.objects.get(user=alice)
    assert (entry.pk, entry.is_draft, entry.body) == (draft.pk, False, "I am tired and angry.")

    alice_client.post(done["Location"], {"after_pain": "3"})
    session.refresh_from_db()
    assert (session.state, session.before_pain, session.after_pain) == (SessionState.FINISHED, 5, 3)
    detail = alice_client.get(
        reverse("practices:session_detail", kwargs={"session_uuid": session.uuid})
    )
    assert reverse("entries:detail", kwargs={"entry_uuid": entry.uuid}).encode() in detail.content


def test_a_waiting_draft_is_offered_on_today_and_behind_write(alice_client, alice):
    session = start(alice_client)
    alice_client.post(write_url(session), {"body": "half a thought", "autosave": "1"}, headers=HX)
    today = alice_client.get("/").content.decode()
    assert "A draft is waiting — continue?" in today
    assert write_url(session) in today
    waiting = alice_client.get(
        reverse("entries:new", kwargs={"kind": "expressive"})
    ).content.decode()
    assert "A draft is waiting — continue?" in waiting
    assert write_url(session) in waiting
    assert "/practices/expressive-writing/start/" in waiting


def test_older_expressive_entries_stay_readable_and_their_drafts_editable(alice_client, alice):
    old = JournalEntryFactory.create(user=alice, kind="expressive", body="From before.")
    old_draft = JournalEntryFactory.create(
        user=alice, kind="expressive", is_draft=True, body="Unfinished"
    )
    page = alice_client.get(reverse("entries:detail", kwargs={"entry_uuid": old.uuid}))
    assert b"From before." in page.content
    waiting = alice_client.get(reverse("entries:new", kwargs={"kind": "expressive"}))
    assert (
        reverse("entries:edit", kwargs={"entry_uuid": old_draft.uuid}).encode() in waiting.content
    )


def test_an_empty_page_makes_no_entry(alice_client, alice):
    session = start(alice_client)
    alice_client.post(write_url(session), {"body": "  "})
    assert not JournalEntry.objects.filter(user=alice).exists()


def test_another_persons_writing_page_is_not_found(alice_client, bob_client, alice):
    session = start(alice_client)
    assert bob_client.get(write_url(session)).status_code == 404
    assert bob_client.post(write_url(session), {"body": "x", "autosave": "1"}).status_code == 404
    assert not JournalEntry.objects.exists()


def test_the_writing_pages_count_their_queries(alice_client, alice, django_assert_num_queries):
    session = start(alice_client)
    alice_client.post(write_url(session), {"body": "some words", "autosave": "1"}, headers=HX)
    # session, user, profile, the practice session with its practice, its entry
    with django_assert_num_queries(5):
        alice_client.get(write_url(session))
    # session, user, profile, the drafts with their sessions and practices
    with django_assert_num_queries(4):
        alice_client.get(reverse("entries:new", kwargs={"kind": "expressive"}))


def test_a_writing_sessions_detail_counts_its_queries(
    alice_client, alice, django_assert_num_queries
):
    session = start(alice_client)
    alice_client.post(write_url(session), {"body": "words"})
    detail = reverse("practices:session_detail", kwargs={"session_uuid": session.uuid})
    # session, user, profile, the practice session with its practice, its writing
    with django_assert_num_queries(5):
        alice_client.get(detail)


def test_a_stale_tab_cannot_overwrite_the_writing_draft(alice_client, alice):
    session = start(alice_client)
    first = alice_client.post(write_url(session), {"body": "a", "autosave": "1"}, headers=HX)
    draft = JournalEntry.objects.get(user=alice)
    assert f'name="version" value="{draft.version}"' in first.content.decode()
    opened_at = draft.version
    # Another tab saves a longer text and moves the version on.
    alice_client.post(
        write_url(session),
        {"body": "six hundred careful words", "autosave": "1", "version": str(opened_at)},
        headers=HX,
    )
    # The first tab, still holding the old version, is refused and shown the saved text.
    stale = alice_client.post(
        write_url(session),
        {"body": "a short old draft", "autosave": "1", "version": str(opened_at)},
        headers=HX,
    )
    assert stale.status_code == 409
    assert "six hundred careful words" in stale.content.decode()
    assert JournalEntry.objects.get(user=alice).body == "six hundred careful words"


def test_a_writing_draft_over_the_limit_is_refused_whole(alice_client, alice, settings):
    from journal.core.markdown import BODY_MAX_CHARS

    session = start(alice_client)
    alice_client.post(write_url(session), {"body": "kept", "autosave": "1"}, headers=HX)
    too_long = "x" * (BODY_MAX_CHARS + 1)
    response = alice_client.post(
        write_url(session), {"body": too_long, "autosave": "1"}, headers=HX
    )
    assert response.status_code == 422
    assert "Not saved." in response.content.decode()
    assert JournalEntry.objects.get(user=alice).body == "kept"
