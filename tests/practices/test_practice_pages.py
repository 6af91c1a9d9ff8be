"""The catalog, a practice's page, and a person's own practices."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from practices.models import Practice, SessionState
from practices.services import practice_create
from tests.factories import PracticeFactory, PracticeSessionFactory, builtin_practice

pytestmark = pytest.mark.django_db


CATALOG = reverse("practices:catalog")


def detail_url(slug: str) -> str:
    return reverse("practices:detail", kwargs={"slug": slug})


def own_data(**overrides: str) -> dict[str, str]:
    data = {
        "name": "Warm shower stretch",
        "category": "movement",
        "summary": "Loosening up under warm water.",
        "steps": "Let the water warm the lower back.\n\n  Roll the shoulders slowly.  \n",
        "default_minutes": "6",
    }
    return {**data, **overrides}


# Catalog


def test_the_catalog_marks_own_practices_and_hides_archived_ones(alice_client, alice, bob):
    PracticeFactory.create(user=alice, name="Evening walk")
    PracticeFactory.create(user=alice, name="Old habit", is_archived=True)
    PracticeFactory.create(user=bob, name="Bob's swim")
    html = alice_client.get(CATALOG).content.decode()
    assert "Evening walk" in html
    assert "your own" in html
    assert "Your archived practices" in html
    assert "Bob's swim" not in html


def test_the_catalog_counts_its_queries(alice_client, alice, django_assert_num_queries):
    for _ in range(5):
        PracticeFactory.create(user=alice)
    alice_client.get(CATALOG)
    # session, user, profile (time zone), the practices (built-in and own, archived included)
    with django_assert_num_queries(4):
        response = alice_client.get(CATALOG)
    assert response.status_code == 200


# A practice's page


def test_the_practice_page_has_a_start_button_and_recent_sessions(alice_client, alice, bob):
    PracticeSessionFactory.create(user=alice, before_pain=7, after_pain=3)
    PracticeSessionFactory.create(user=bob, notes="bob was here", before_pain=1, after_pain=9)
    html = alice_client.get(detail_url("body-scan")).content.decode()
    assert reverse("practices:start", kwargs={"slug": "body-scan"}) in html
    assert "7 → 3" in html
    assert "4 lower" in html
    assert "1 → 9" not in html


def test_the_practice_page_points_to_an_open_session(alice_client, alice):
    session = PracticeSessionFactory.create(
        user=alice, state=SessionState.IN_PROGRESS, ended_at=None, duration_seconds=None
    )
    html = alice_client.get(detail_url("body-scan")).content.decode()
    assert "still open" in html
    assert reverse("practices:session_detail", kwargs={"session_uuid": session.uuid}) in html


def test_the_practice_page_counts_its_queries(alice_client, alice, django_assert_num_queries):
    practice = builtin_practice()
    for days in range(15):
        PracticeSessionFactory.create(
            user=alice, practice=practice, started_at=timezone.now() - timedelta(days=days)
        )
    alice_client.get(detail_url("body-scan"))
    # session, user, practice, profile, the ten most recent sessions
    with django_assert_num_queries(5):
        response = alice_client.get(detail_url("body-scan"))
    assert response.content.decode().count('class="card session-item"') == 10


def test_anyone_can_read_a_built_in_practice(client, db):
    response = client.get(detail_url("body-scan"))
    assert response.status_code == 200
    assert "Your recent sessions" not in response.content.decode()


def test_bobs_own_practice_is_404_for_alice(alice_client, bob):
    bobs = PracticeFactory.create(user=bob)
    assert alice_client.get(detail_url(bobs.slug)).status_code == 404


# Own practices


def test_alice_adds_a_practice_of_her_own(alice_client, alice):
    response = alice_client.post(reverse("practices:own_new"), own_data())
    practice = Practice.objects.get(user=alice)
    assert response["Location"] == detail_url("warm-shower-stretch")
    assert practice.slug == "warm-shower-stretch"
    assert practice.steps == ["Let the water warm the lower back.", "Roll the shoulders slowly."]
    assert practice.default_minutes == 6
    assert practice.category == "movement"


def test_an_own_slug_never_takes_a_built_in_one(alice_client, alice):
    alice_client.post(reverse("practices:own_new"), own_data(name="Body Scan"))
    mine = Practice.objects.get(user=alice)
    assert mine.slug == "body-scan-2"
    assert alice_client.get(detail_url("body-scan")).context["practice"] == builtin_practice()
    assert alice_client.get(detail_url("body-scan-2")).context["practice"] == mine


def test_slugs_stay_unique_among_own_practices(alice):
    first = practice_create(
        user=alice, name="Walk!", category="movement", steps=[], default_minutes=5
    )
    second = practice_create(
        user=alice, name="Walk?", category="movement", steps=[], default_minutes=5
    )
    assert (first.slug, second.slug) == ("walk", "walk-2")


def test_a_name_with_no_letters_still_gets_a_slug(alice):
    practice = practice_create(
        user=alice, name="🌿🌿", category="breath", steps=[], default_minutes=5
    )
    assert practice.slug == "practice"


def test_two_people_can_use_the_same_name(alice_client, bob):
    PracticeFactory.create(user=bob, name="Warm shower stretch", slug="warm-shower-stretch")
    response = alice_client.post(reverse("practices:own_new"), own_data())
    assert response.status_code == 302


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"name": "  "}, "This field is required"),
        ({"name": "warm SHOWER stretch"}, "already have a practice with this name"),
        ({"default_minutes": "0"}, "at least 1 minute"),
        ({"default_minutes": "500"}, "at most 180 minutes"),
        ({"category": "dancing"}, "Select a valid choice"),
        ({"steps": "\n".join(f"step {n}" for n in range(31))}, "30 steps or fewer"),
        ({"name": "x" * 81}, "at most 80 characters"),
    ],
)
def test_own_practice_form_explains_problems(alice_client, alice, overrides, message):
    PracticeFactory.create(user=alice, name="Warm shower stretch", slug="warm-shower-stretch")
    response = alice_client.post(reverse("practices:own_new"), own_data(**overrides))
    assert response.status_code == 200
    assert message in response.content.decode()
    assert Practice.objects.filter(user=alice).count() == 1


def test_alice_edits_her_practice(alice_client, alice):
    mine = PracticeFactory.create(user=alice, name="Walk", slug="walk")
    url = reverse("practices:own_edit", kwargs={"practice_uuid": mine.uuid})
    assert "Walk" in alice_client.get(url).content.decode()
    response = alice_client.post(url, own_data(name="Long walk", default_minutes="30"))
    mine.refresh_from_db()
    assert response["Location"] == detail_url("long-walk")
    assert (mine.name, mine.slug, mine.default_minutes) == ("Long walk", "long-walk", 30)


def test_keeping_the_name_keeps_the_slug(alice_client, alice):
    mine = PracticeFactory.create(user=alice, name="Walk", slug="my-walk")
    url = reverse("practices:own_edit", kwargs={"practice_uuid": mine.uuid})
    alice_client.post(url, own_data(name="Walk"))
    mine.refresh_from_db()
    assert mine.slug == "my-walk"


def test_alice_archives_and_restores_her_practice(alice_client, alice):
    mine = PracticeFactory.create(user=alice, name="Walk", slug="walk")
    PracticeSessionFactory.create(user=alice, practice=mine)
    url = reverse("practices:own_archive", kwargs={"practice_uuid": mine.uuid})
    assert alice_client.post(url)["Location"] == CATALOG
    mine.refresh_from_db()
    assert mine.is_archived
    assert mine.sessions.count() == 1
    alice_client.post(url, {"restore": "on"})
    mine.refresh_from_db()
    assert not mine.is_archived


@pytest.mark.parametrize("name", ["own_edit", "own_archive"])
def test_bob_gets_404_on_alices_practice(bob_client, alice, name):
    mine = PracticeFactory.create(user=alice)
    url = reverse(f"practices:{name}", kwargs={"practice_uuid": mine.uuid})
    assert bob_client.post(url, own_data()).status_code == 404
    mine.refresh_from_db()
    assert not mine.is_archived


def test_built_in_practices_cannot_be_edited_by_uuid(alice_client):
    url = reverse("practices:own_edit", kwargs={"practice_uuid": builtin_practice().uuid})
    assert alice_client.get(url).status_code == 404


def test_archive_refuses_get(alice_client, alice):
    mine = PracticeFactory.create(user=alice)
    url = reverse("practices:own_archive", kwargs={"practice_uuid": mine.uuid})
    assert alice_client.get(url).status_code == 405


@pytest.mark.parametrize("name", ["own_new"])
def test_anonymous_own_practice_pages_go_to_log_in(client, db, name):
    assert client.get(reverse(f"practices:{name}"))["Location"].startswith(
        reverse("accounts:login")
    )
