"""Who may sign up: SIGNUP_MODE open, invite and closed; invitations; the first account."""

from __future__ import annotations

from datetime import timedelta
from io import StringIO
from typing import Any
from urllib.parse import parse_qs, urlsplit

import pytest
from django.contrib.auth.models import Permission, User
from django.core.management import call_command
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from journal.accounts.invitations import invitation_create
from journal.models import Invitation

pytestmark = pytest.mark.django_db

SIGNUP = {
    "username": "maya",
    "email": "",
    "password1": "slow breath over the hills",
    "password2": "slow breath over the hills",
    "time_zone": "Europe/Berlin",
    "week_start": "0",
}


@pytest.fixture(autouse=True)
def fast_passwords(settings: Any) -> None:
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


def signup_url(token: str = "") -> str:
    return reverse("accounts:signup") + (f"?invite={token}" if token else "")


def test_open_mode_lets_anyone_sign_up(client: Client, alice: User, settings: Any) -> None:
    settings.SIGNUP_MODE = "open"
    assert 'name="username"' in client.get(signup_url()).content.decode()
    response = client.post(signup_url(), SIGNUP)
    assert response.status_code == 302
    maya = User.objects.get(username="maya")
    assert not maya.is_staff
    assert maya.profile.time_zone == "Europe/Berlin"


def test_closed_mode_says_so_and_refuses_the_post(
    client: Client, alice: User, settings: Any
) -> None:
    settings.SIGNUP_MODE = "closed"
    page = client.get(signup_url())
    assert page.status_code == 200
    html = page.content.decode()
    assert "Sign-up is closed" in html
    assert 'name="username"' not in html
    response = client.post(signup_url(), SIGNUP)
    assert response.status_code == 403
    assert not User.objects.filter(username="maya").exists()


def test_closed_mode_lets_the_first_account_on_an_empty_server_in_as_staff(
    client: Client, settings: Any
) -> None:
    settings.SIGNUP_MODE = "closed"
    assert not User.objects.exists()
    page = client.get(signup_url())
    assert "first account on this server" in page.content.decode()
    response = client.post(signup_url(), SIGNUP)
    assert response.status_code == 302
    host = User.objects.get(username="maya")
    assert host.is_staff and host.is_superuser
    # The next one is refused.
    response = Client().post(signup_url(), {**SIGNUP, "username": "second"})
    assert response.status_code == 403
    assert not User.objects.filter(username="second").exists()


def test_invite_mode_without_a_link_says_to_ask_the_host(
    client: Client, alice: User, settings: Any
) -> None:
    settings.SIGNUP_MODE = "invite"
    html = client.get(signup_url()).content.decode()
    assert "Sign-up is by invitation" in html
    assert client.post(signup_url(), SIGNUP).status_code == 403
    assert not User.objects.filter(username="maya").exists()


def test_an_invitation_signs_up_one_person_once(client: Client, alice: User, settings: Any) -> None:
    settings.SIGNUP_MODE = "invite"
    invitation, token = invitation_create(created_by=alice, note="for maya")
    page = client.get(signup_url(token))
    assert page.status_code == 200
    assert f'value="{token}"' in page.content.decode()  # carried in a hidden field

    response = client.post(signup_url(), {**SIGNUP, "invite": token})
    assert response.status_code == 302
    invitation.refresh_from_db()
    assert invitation.used_by == User.objects.get(username="maya")
    assert invitation.used_at is not None

    again = Client().post(signup_url(), {**SIGNUP, "username": "sam", "invite": token})
    assert again.status_code == 403
    assert "has already been used, or it has expired" in again.content.decode()
    assert not User.objects.filter(username="sam").exists()


def test_an_expired_invitation_is_refused(client: Client, alice: User, settings: Any) -> None:
    settings.SIGNUP_MODE = "invite"
    invitation, token = invitation_create(created_by=alice)
    Invitation.objects.filter(pk=invitation.pk).update(expires_at=timezone.now())
    assert "has expired" in client.get(signup_url(token)).content.decode()
    response = client.post(signup_url(), {**SIGNUP, "invite": token})
    assert response.status_code == 403
    assert not User.objects.filter(username="maya").exists()


def test_a_made_up_invitation_is_refused(client: Client, alice: User, settings: Any) -> None:
    settings.SIGNUP_MODE = "invite"
    response = client.post(signup_url(), {**SIGNUP, "invite": "not-a-real-token"})
    assert response.status_code == 403


def test_only_the_digest_of_a_token_is_stored(alice: User) -> None:
    invitation, token = invitation_create(created_by=alice)
    assert token not in invitation.digest
    assert len(invitation.digest) == 64


def test_the_invite_command_prints_a_working_link(alice: User, settings: Any) -> None:
    settings.SIGNUP_MODE = "invite"
    out, err = StringIO(), StringIO()
    call_command(
        "invite",
        "--note",
        "for maya",
        "--base-url",
        "https://j.example.org",
        stdout=out,
        stderr=err,
    )
    link = out.getvalue().strip()
    assert link.startswith("https://j.example.org/signup/?invite=")
    token = parse_qs(urlsplit(link).query)["invite"][0]
    response = Client().post(signup_url(), {**SIGNUP, "invite": token})
    assert response.status_code == 302
    assert "Single use" in err.getvalue()


def test_the_host_makes_an_invitation_in_the_admin(alice: User, settings: Any) -> None:
    settings.SIGNUP_MODE = "invite"
    alice.is_staff = alice.is_superuser = True
    alice.save()
    admin = Client()
    admin.force_login(alice, backend="django.contrib.auth.backends.ModelBackend")
    expires = (timezone.now() + timedelta(days=3)).strftime("%Y-%m-%d")
    response = admin.post(
        "/admin/journal/invitation/add/",
        {"note": "for maya", "expires_at_0": expires, "expires_at_1": "12:00:00"},
        follow=True,
    )
    html = response.content.decode()
    assert "shown only this once" in html
    invitation = Invitation.objects.get()
    assert invitation.created_by == alice
    token = html.split("?invite=", 1)[1].split()[0].split("<")[0].strip()
    assert Client().post(signup_url(), {**SIGNUP, "invite": token}).status_code == 302


def test_people_the_host_allows_can_invite_from_settings(
    alice_client: Client, alice: User, settings: Any
) -> None:
    settings.SIGNUP_MODE = "invite"
    url = reverse("accounts:invitations")
    page = alice_client.get(url)
    assert "Only the person who runs this server" in page.content.decode()
    assert alice_client.post(url, {"note": "x"}).status_code == 200
    assert not Invitation.objects.exists()

    alice.user_permissions.add(Permission.objects.get(codename="invite_people"))
    alice = User.objects.get(pk=alice.pk)
    alice_client.force_login(alice, backend="django.contrib.auth.backends.ModelBackend")
    response = alice_client.post(url, {"note": "for maya"})
    html = response.content.decode()
    invitation = Invitation.objects.get()
    assert invitation.created_by == alice
    assert "/signup/?invite=" in html
    assert "for maya" in html


def test_the_invitations_page_query_count(
    alice_client: Client, alice: User, django_assert_num_queries: Any
) -> None:
    alice.is_staff = True
    alice.save()
    for n in range(5):
        invitation_create(created_by=alice, note=f"friend {n}")
    # session, user, profile (time zone), invitations with who used them
    with django_assert_num_queries(4):
        response = alice_client.get(reverse("accounts:invitations"))
    assert response.status_code == 200
    assert response.content.decode().count("unused, expires") == 5
