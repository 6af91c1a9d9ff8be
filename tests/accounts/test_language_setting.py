"""The language setting: saved on the profile, applied from the next page on, winning over the
browser's Accept-Language; pages before log-in follow the browser. The assertions read what
Django itself translates (`<html lang>`, month and weekday names), not the app's catalogues."""

from __future__ import annotations

from typing import Any

import pytest
from django.contrib.auth.forms import PasswordResetForm
from django.contrib.auth.models import User
from django.core import mail
from django.test import Client
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.dates import MONTHS

from journal.models import Profile
from tests.factories import PASSWORD

pytestmark = pytest.mark.django_db


def settings_data(user: User, **fields: str) -> dict[str, str]:
    return {"time_zone": "Europe/London", "week_start": "0", "email": user.email, **fields}


def test_settings_offer_each_language_in_its_own_name(alice_client: Client) -> None:
    html = alice_client.get(reverse("accounts:settings")).content.decode()
    assert '<option value="" selected>Follow my browser</option>' in html
    assert '<option value="de" lang="de">Deutsch</option>' in html
    assert '<option value="pt-br" lang="pt-br">Português (Brasil)</option>' in html
    assert '<option value="en-gb" lang="en-gb">English</option>' in html


def test_a_chosen_language_is_saved_and_the_next_page_speaks_it(
    alice_client: Client, alice: User
) -> None:
    response = alice_client.post(reverse("accounts:settings"), settings_data(alice, language="de"))
    assert response.status_code == 302
    assert Profile.objects.get(user=alice).language == "de"
    assert response.cookies["language"].value == "de"
    page = alice_client.get(response["Location"], headers={"accept-language": "fr"})
    assert '<html lang="de" dir="ltr">' in page.content.decode()


def test_the_persons_language_wins_over_the_browsers(alice_client: Client, alice: User) -> None:
    alice.profile.language = "pt-br"
    alice.profile.save()
    alice_client.cookies.pop("language", None)
    html = alice_client.get(reverse("today:home"), headers={"accept-language": "de"}).content
    assert b'<html lang="pt-br"' in html


def test_follow_my_browser_uses_accept_language_and_forgets_the_cookie(
    alice_client: Client, alice: User
) -> None:
    alice.profile.language = "de"
    alice.profile.save()
    response = alice_client.post(reverse("accounts:settings"), settings_data(alice, language=""))
    assert response.status_code == 302
    assert Profile.objects.get(user=alice).language == ""
    assert response.cookies["language"].value == ""  # deleted
    html = alice_client.get(reverse("accounts:settings"), headers={"accept-language": "fr"})
    assert b'<html lang="fr"' in html.content


def test_an_unknown_language_is_refused(alice_client: Client, alice: User) -> None:
    response = alice_client.post(reverse("accounts:settings"), settings_data(alice, language="xx"))
    assert response.status_code == 400
    assert Profile.objects.get(user=alice).language == ""


@pytest.mark.parametrize("name", ["today:home", "accounts:login", "accounts:signup"])
def test_pages_before_log_in_follow_accept_language(client: Client, name: str) -> None:
    html = client.get(reverse(name), headers={"accept-language": "nl,en;q=0.5"}).content
    assert b'<html lang="nl"' in html
    english = client.get(reverse(name), headers={"accept-language": "en-GB"}).content
    assert b'<html lang="en-gb"' in english


def test_the_settings_page_in_german_counts_the_same_queries(
    alice_client: Client, alice: User, django_assert_num_queries: Any
) -> None:
    alice.profile.language = "de"
    alice.profile.save()
    # session, user, profile; the person's and their groups' permissions (may they invite?)
    with django_assert_num_queries(5):
        response = alice_client.get(reverse("accounts:settings"))
    assert b'<html lang="de"' in response.content


def test_the_new_device_email_is_in_the_persons_language(alice: User) -> None:
    alice.profile.language = "de"
    alice.profile.save()
    # Logged in from a browser that asks for English: the email still follows the person.
    client = Client(headers={"accept-language": "en-GB"})
    response = client.post(
        reverse("accounts:login"), {"username": alice.username, "password": PASSWORD}
    )
    assert response.status_code == 302
    [message] = mail.outbox
    now = timezone.now().astimezone(alice.profile.zone)
    with translation.override("de"):
        month = str(MONTHS[now.month])
    with translation.override("en-gb"):
        english_month = str(MONTHS[now.month])
    assert month in message.body
    if month != english_month:
        assert english_month not in message.body


def test_the_reset_email_is_in_the_persons_language(
    client: Client, alice: User, monkeypatch: pytest.MonkeyPatch
) -> None:
    alice.profile.language = "de"
    alice.profile.save()
    languages: list[str | None] = []
    sending = PasswordResetForm.send_mail

    def record(self: PasswordResetForm, *args: Any, **kwargs: Any) -> None:
        languages.append(translation.get_language())
        sending(self, *args, **kwargs)

    monkeypatch.setattr(PasswordResetForm, "send_mail", record)
    response = client.post(
        reverse("accounts:password_reset"),
        {"email": alice.email},
        headers={"accept-language": "en-GB"},
    )
    assert response.status_code == 302
    assert languages == ["de"]
    assert len(mail.outbox) == 1
