"""A share link keeps the language chosen when it was made: its page, PDF and refusals in
that language, whoever opens it; an older link without one follows the visitor's."""

from __future__ import annotations

import io
from collections.abc import Iterator
from typing import Any, cast

import pytest
from django.conf import settings
from django.contrib.auth.models import User
from django.test import Client
from django.urls import reverse
from django.utils import translation
from pypdf import PdfReader

from journal.models import ShareLink
from journal.sharing.services import share_revoke
from tests.sharing.test_share_links import _journal, _link, _url

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _english_after() -> Iterator[None]:
    """A German request leaves German active in this thread; the next test starts in English."""
    yield
    translation.activate(settings.LANGUAGE_CODE)


@pytest.fixture(autouse=True)
def fast_passwords(settings: Any) -> None:
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


def test_making_a_link_keeps_its_language(alice: User, alice_client: Client) -> None:
    response = alice_client.post(
        reverse("sharing:create"),
        {"expires_in_days": 3, "chosen": "1", "sections": ["charts"], "language": "de"},
    )
    assert response.status_code == 200
    assert ShareLink.objects.get().language == "de"


def test_the_link_defaults_to_the_makers_language(alice: User, alice_client: Client) -> None:
    alice_client.post(reverse("sharing:create"), {"expires_in_days": 3, "chosen": "1"})
    assert ShareLink.objects.get().language == "en-gb"


def test_the_shared_page_is_in_the_links_language(alice: User, bob: User) -> None:
    _journal(alice, bob)
    _, token = _link(alice, language="de")
    # The clinician's browser asks for English; the link says German.
    response = Client(HTTP_ACCEPT_LANGUAGE="en").get(_url(token))
    html = response.content.decode()
    assert response.status_code == 200
    assert '<html lang="de"' in html
    assert "März 2026" in html
    pdf = Client(HTTP_ACCEPT_LANGUAGE="en").get(f"{_url(token)}pdf/")
    reader = PdfReader(io.BytesIO(pdf.content))
    assert str(cast(Any, reader.trailer["/Root"])["/Lang"]) == "de"
    assert "März" in "\n".join(page.extract_text() for page in reader.pages)


def test_a_link_without_a_language_follows_the_visitor(alice: User, bob: User) -> None:
    _journal(alice, bob)
    _, token = _link(alice)
    html = Client(HTTP_ACCEPT_LANGUAGE="de").get(_url(token)).content.decode()
    assert '<html lang="de"' in html and "März 2026" in html
    html = Client(HTTP_ACCEPT_LANGUAGE="en-gb").get(_url(token)).content.decode()
    assert "March 2026" in html


def test_the_german_shared_page_runs_the_same_queries(
    alice: User, bob: User, django_assert_num_queries: Any
) -> None:
    _journal(alice, bob)
    _, token = _link(alice, language="de")
    with django_assert_num_queries(19):  # as in English (test_share_links)
        response = Client().get(_url(token))
    assert '<html lang="de"' in response.content.decode()


def test_a_withdrawn_link_is_refused_in_the_visitors_language(alice: User) -> None:
    link, token = _link(alice, language="de")
    share_revoke(link=link)
    response = Client(HTTP_ACCEPT_LANGUAGE="en-gb").get(_url(token))
    assert response.status_code == 410
    assert "withdrawn" in response.content.decode()
