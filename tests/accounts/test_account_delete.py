"""Deleting an account removes every row of that person and none of anyone else's."""

from __future__ import annotations

from typing import Any

import pytest
from axes.models import AccessAttempt, AccessLog
from django.contrib.auth.models import User
from django.test import Client
from django.urls import reverse

from journal.accounts.services import account_delete
from journal.models import AccountSession, EntryEmotion, JournalEntry, Profile, Sensation, Tag
from practices.models import Practice, PracticeSession
from tests.factories import PASSWORD
from tests.portability.test_export_formats import build_journal

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def fast_passwords(settings: Any) -> None:
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


def rows_of(user_id: int, username: str) -> dict[str, int]:
    return {
        "user": User.objects.filter(pk=user_id).count(),
        "profile": Profile.objects.filter(user_id=user_id).count(),
        "tags": Tag.objects.filter(user_id=user_id).count(),
        "practices": Practice.objects.filter(user_id=user_id).count(),
        "sessions": PracticeSession.objects.filter(user_id=user_id).count(),
        "entries": JournalEntry.objects.filter(user_id=user_id).count(),
        "emotions": EntryEmotion.objects.filter(entry__user_id=user_id).count(),
        "entry tags": JournalEntry.tags.through.objects.filter(
            journalentry__user_id=user_id
        ).count(),
        "sensations": Sensation.objects.filter(user_id=user_id).count(),
        "log-ins": AccountSession.objects.filter(user_id=user_id).count(),
        "log-in records": AccessAttempt.objects.filter(username=username).count()
        + AccessLog.objects.filter(username=username).count(),
    }


@pytest.fixture
def two_journals(alice: User, bob: User) -> None:
    build_journal(alice, days=4)
    build_journal(bob, days=3)
    for user in (alice, bob):
        AccessAttempt.objects.create(
            username=user.username,
            ip_address="203.0.113.5",
            user_agent="test",
            failures_since_start=1,
        )
        AccessLog.objects.create(username=user.username, ip_address="203.0.113.5", user_agent="t")


def log_in_elsewhere(user: User) -> Client:
    other = Client()
    other.force_login(user, backend="django.contrib.auth.backends.ModelBackend")
    return other


def test_the_service_removes_every_row_of_alice_and_none_of_bobs(two_journals, alice, bob):
    log_in_elsewhere(alice)
    log_in_elsewhere(bob)
    alice_id, bob_id = alice.pk, bob.pk
    bobs_before = rows_of(bob_id, "bob")
    assert all(count > 0 for count in rows_of(alice_id, "alice").values())
    counts = account_delete(user=alice)
    assert set(rows_of(alice_id, "alice").values()) == {0}
    assert rows_of(bob_id, "bob") == bobs_before
    assert counts.entries == 9
    assert counts.sensations == 8


def test_the_page_asks_for_the_password_and_offers_an_export(
    alice_client, django_assert_num_queries
):
    # session, user, profile (time zone)
    with django_assert_num_queries(3):
        response = alice_client.get(reverse("accounts:delete"))
    html = response.content.decode()
    assert response.status_code == 200
    assert 'type="password"' in html
    assert f"{reverse('portability:download')}?format=json" in html


def test_a_wrong_password_deletes_nothing(two_journals, alice_client, alice):
    before = rows_of(alice.pk, "alice")
    response = alice_client.post(reverse("accounts:delete"), {"password": "not my password"})
    assert response.status_code == 400
    assert "That is not your password." in response.content.decode()
    after = rows_of(alice.pk, "alice")
    # The wrong password is counted like a failed log-in (one lock-out record more).
    assert after.pop("log-in records") == before.pop("log-in records") + 1
    assert after == before


def test_no_password_deletes_nothing(two_journals, alice_client, alice):
    before = rows_of(alice.pk, "alice")
    assert alice_client.post(reverse("accounts:delete"), {}).status_code == 400
    assert rows_of(alice.pk, "alice") == before


def test_deleting_through_the_page_ends_every_session(two_journals, alice_client, alice, bob):
    elsewhere = log_in_elsewhere(alice)
    bob_client = log_in_elsewhere(bob)
    alice_id = alice.pk
    bobs_before = rows_of(bob.pk, "bob")
    response = alice_client.post(reverse("accounts:delete"), {"password": PASSWORD})
    assert response.status_code == 200
    assert "Your account is gone" in response.content.decode()
    assert set(rows_of(alice_id, "alice").values()) == {0}
    assert rows_of(bob.pk, "bob") == bobs_before
    # Both of alice's browsers are logged out; bob is not.
    for client in (alice_client, elsewhere):
        response = client.get(reverse("portability:export"))
        assert response.status_code == 302
        assert response["Location"].startswith("/accounts/login/")
    assert bob_client.get(reverse("portability:export")).status_code == 200


def test_the_deleted_person_cannot_log_in_again(two_journals, alice_client, client):
    alice_client.post(reverse("accounts:delete"), {"password": PASSWORD})
    response = client.post(reverse("accounts:login"), {"username": "alice", "password": PASSWORD})
    assert response.status_code == 200
    assert "_auth_user_id" not in client.session


def test_settings_links_to_export_and_deletion(alice_client):
    html = alice_client.get(reverse("accounts:settings")).content.decode()
    assert reverse("accounts:delete") in html
    assert reverse("portability:export") in html
