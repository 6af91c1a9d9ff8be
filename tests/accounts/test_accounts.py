from __future__ import annotations

import re

import pytest
from django.contrib.auth.models import User
from django.core import mail

from journal.models import AccountSession, Profile

SIGNUP = {
    "username": "maya",
    "email": "Maya@Example.org",
    "password1": "slow breath over the hills",
    "password2": "slow breath over the hills",
    "time_zone": "Pacific/Auckland",
    "week_start": "6",
}


@pytest.mark.django_db
def test_signing_up_creates_the_account_and_profile_and_logs_in(client):
    response = client.post("/signup/", SIGNUP)
    assert response.status_code == 302
    user = User.objects.get(username="maya")
    assert user.email == "maya@example.org"
    assert user.password.startswith("argon2")
    profile = Profile.objects.get(user=user)
    assert (profile.time_zone, profile.week_start) == ("Pacific/Auckland", 6)
    assert client.get("/settings/").status_code == 200


@pytest.mark.django_db
def test_a_bad_signup_keeps_what_was_typed_and_says_why(client):
    data = {**SIGNUP, "password2": "something else entirely", "time_zone": "Mars/Olympus"}
    response = client.post("/signup/", data)
    assert response.status_code == 400
    html = response.content.decode()
    assert 'value="maya"' in html
    assert "is not a time zone we know" in html
    assert "didn’t match" in html or "didn't match" in html
    assert not User.objects.filter(username="maya").exists()


@pytest.mark.django_db
def test_signup_refuses_a_common_password(client):
    data = {**SIGNUP, "password1": "password123", "password2": "password123"}
    response = client.post("/signup/", data)
    assert "too common" in response.content.decode()
    assert not User.objects.filter(username="maya").exists()


def test_logging_in_and_out(client, alice, password):
    response = client.post("/accounts/login/", {"username": "alice", "password": password})
    assert response.status_code == 302
    assert AccountSession.objects.filter(user=alice).count() == 1
    response = client.post("/accounts/logout/")
    assert response.status_code == 302
    assert client.get("/settings/").status_code == 302


def test_a_wrong_password_is_refused_with_a_message(client, alice):
    response = client.post("/accounts/login/", {"username": "alice", "password": "nope"})
    assert response.status_code == 200
    assert "correct username and password" in response.content.decode()


def test_log_out_refuses_get(alice_client):
    assert alice_client.get("/accounts/logout/").status_code == 405


def test_changing_the_password(alice_client, alice, password):
    response = alice_client.post(
        "/accounts/password/change/",
        {
            "old_password": password,
            "new_password1": "a brand new calm password",
            "new_password2": "a brand new calm password",
        },
    )
    assert response.status_code == 302
    alice.refresh_from_db()
    assert alice.check_password("a brand new calm password")
    # The person stays logged in on this device.
    assert alice_client.get("/settings/").status_code == 200


def test_resetting_a_forgotten_password_by_email(client, alice):
    response = client.post("/accounts/password/reset/", {"email": alice.email})
    assert response.status_code == 302
    assert len(mail.outbox) == 1
    link = re.search(r"http://testserver(\S+)", str(mail.outbox[0].body))
    assert link is not None
    response = client.get(link.group(1), follow=True)
    assert response.status_code == 200
    form_url = response.redirect_chain[-1][0]
    response = client.post(
        form_url,
        {"new_password1": "the sea at dawn again", "new_password2": "the sea at dawn again"},
    )
    assert response.status_code == 302
    alice.refresh_from_db()
    assert alice.check_password("the sea at dawn again")


def test_a_reset_for_an_unknown_address_says_the_same_and_sends_nothing(client, db):
    response = client.post("/accounts/password/reset/", {"email": "nobody@example.org"})
    assert response.status_code == 302
    assert mail.outbox == []


def test_settings_save_the_time_zone_and_week_start(alice_client, alice):
    response = alice_client.post(
        "/settings/", {"time_zone": "America/New_York", "week_start": "6", "email": alice.email}
    )
    assert response.status_code == 302
    profile = Profile.objects.get(user=alice)
    assert (profile.time_zone, profile.week_start) == ("America/New_York", 6)


def test_settings_only_change_the_signed_in_persons_profile(bob_client, alice, bob):
    data = {"time_zone": "Asia/Tokyo", "week_start": "2", "email": bob.email}
    bob_client.post("/settings/", data)
    assert Profile.objects.get(user=alice).time_zone == "Europe/London"
    assert Profile.objects.get(user=bob).time_zone == "Asia/Tokyo"


@pytest.mark.django_db
def test_anonymous_people_are_sent_to_log_in_for_settings(client):
    response = client.get("/settings/")
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")


@pytest.mark.django_db
def test_an_account_made_in_the_admin_gets_a_profile_on_first_visit(client):
    user = User.objects.create_user("admin-made", password="x" * 20)
    client.force_login(user, backend="django.contrib.auth.backends.ModelBackend")
    assert client.get("/settings/").status_code == 200
    assert Profile.objects.get(user=user).time_zone == "UTC"


@pytest.mark.django_db
def test_the_public_pages_say_what_a_person_can_do(client, django_assert_num_queries):
    with django_assert_num_queries(0):
        response = client.get("/")
    html = response.content.decode()
    assert "Create your journal" in html
    assert "See your own patterns" in html


@pytest.mark.django_db
def test_the_catalog_lists_every_practice(client, django_assert_num_queries):
    with django_assert_num_queries(1):  # the practices, built in only for anonymous visitors
        response = client.get("/practices/")
    assert response.content.decode().count('class="card"') == 14


def test_the_catalog_query_count_does_not_grow_with_own_practices(
    alice_client, alice, django_assert_num_queries
):
    from tests.factories import PracticeFactory

    PracticeFactory.create_batch(5, user=alice)
    # session, user, profile (time zone), practices
    with django_assert_num_queries(4):
        response = alice_client.get("/practices/")
    assert response.content.decode().count("your own practice") == 5


def test_bob_cannot_open_alices_own_practice(bob_client, alice):
    from tests.factories import PracticeFactory

    practice = PracticeFactory.create(user=alice, slug="lying-on-the-floor")
    assert bob_client.get(f"/practices/{practice.slug}/").status_code == 404


def test_every_page_carries_the_strict_content_security_policy(alice_client):
    policy = alice_client.get("/settings/")["Content-Security-Policy"]
    assert "script-src 'self'" in policy
    assert "unsafe-inline" not in policy and "unsafe-eval" not in policy


def test_private_pages_are_not_cached(alice_client):
    assert "no-store" in alice_client.get("/settings/")["Cache-Control"]
