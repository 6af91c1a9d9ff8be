"""Which language a page is in: the person's own, else the switch's cookie, else the browser's."""

from __future__ import annotations

import re
from typing import Any

import pytest
from django.contrib.auth.models import User
from django.test import Client
from django.urls import reverse

pytestmark = pytest.mark.django_db

HTML_LANG = re.compile(r'<html lang="([^"]+)" dir="(ltr|rtl)">')


def page_language(client: Client, path: str = "/", **headers: Any) -> tuple[str, str]:
    response = client.get(path, **headers)
    assert response.status_code == 200
    found = HTML_LANG.search(response.content.decode())
    assert found, "the page has no <html lang dir>"
    return found.group(1), found.group(2)


@pytest.mark.parametrize(
    ("accept", "expected"),
    [("de-DE,de;q=0.9,en;q=0.5", "de"), ("pt-BR", "pt-br"), ("fr-CA", "fr"), ("ja", "en-gb")],
)
def test_public_pages_follow_the_browsers_language(client: Client, accept: str, expected: str):
    assert page_language(client, HTTP_ACCEPT_LANGUAGE=accept) == (expected, "ltr")
    assert page_language(client, reverse("accounts:login"), HTTP_ACCEPT_LANGUAGE=accept)[0] == (
        expected
    )


def test_the_switch_on_public_pages_keeps_the_choice_over_the_browsers(client: Client):
    home = client.get("/", HTTP_ACCEPT_LANGUAGE="de").content.decode()
    assert 'action="/i18n/setlang/"' in home
    assert '<option value="nl" lang="nl">Nederlands</option>' in home
    response = client.post("/i18n/setlang/", {"language": "nl", "next": "/practices/"})
    assert response.status_code == 302
    assert response["Location"] == "/practices/"
    assert response.cookies["language"].value == "nl"
    assert page_language(client, HTTP_ACCEPT_LANGUAGE="de")[0] == "nl"


def test_the_switch_does_not_follow_a_next_to_another_site(client: Client):
    response = client.post("/i18n/setlang/", {"language": "it", "next": "https://evil.test/"})
    assert response.status_code == 302
    assert "evil.test" not in response["Location"]


def test_the_persons_own_language_wins_over_the_browser_and_the_cookie(
    alice_client: Client, alice: User
):
    alice.profile.language = "it"
    alice.profile.save()
    alice_client.cookies["language"] = "nl"
    assert page_language(alice_client, HTTP_ACCEPT_LANGUAGE="de")[0] == "it"
    response = alice_client.get("/", HTTP_ACCEPT_LANGUAGE="de")
    assert response["Content-Language"] == "it"


def test_without_a_language_of_their_own_a_person_gets_the_browsers(
    alice_client: Client, alice: User
):
    assert alice.profile.language == ""
    assert page_language(alice_client, HTTP_ACCEPT_LANGUAGE="es")[0] == "es"


def test_signed_in_pages_have_no_language_switch(alice_client: Client):
    assert 'action="/i18n/setlang/"' not in alice_client.get("/").content.decode()


def test_the_scripts_catalogue_is_served_per_language_and_may_be_kept(client: Client):
    response = client.get("/jsi18n/de/")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/javascript")
    assert "immutable" in response["Cache-Control"]
    assert "public" in response["Cache-Control"]
    assert b"django.gettext" in response.content
    assert client.get("/jsi18n/xx/").status_code == 404


def test_the_scripts_catalogue_holds_no_session_for_a_signed_in_person(alice_client: Client):
    response = alice_client.get("/jsi18n/fr/")
    assert "private" not in response["Cache-Control"]
    assert "no-store" not in response["Cache-Control"]
    assert "Set-Cookie" not in response


def test_every_page_loads_the_catalogue_of_its_own_language(client: Client):
    home = client.get("/", HTTP_ACCEPT_LANGUAGE="fr").content.decode()
    found = re.search(r'<script src="(/jsi18n/[^"]+)" defer>', home)
    assert found
    assert found.group(1).startswith("/jsi18n/fr/?v=")
    # Before the app's own scripts, which use it as they load.
    assert home.index(found.group(1)) < home.index("/static/js/")


def test_a_missing_page_says_so_in_the_browsers_language(client: Client):
    response = client.get("/no-such-page/", HTTP_ACCEPT_LANGUAGE="fr")
    assert response.status_code == 404
    assert '<html lang="fr"' in response.content.decode()
    english = client.get("/no-such-page/").content.decode()
    assert "This page is not here" in english
