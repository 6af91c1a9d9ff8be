"""A session put aside reads "Set aside" everywhere it shows; the stored value stays."""

from __future__ import annotations

import pytest
from django.urls import reverse

from journal.portability import markdown_format
from journal.portability.reader import JournalReader
from practices.models import SessionState
from tests.factories import PracticeSessionFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def set_aside(alice):
    return PracticeSessionFactory.create(
        user=alice, state=SessionState.ABANDONED, duration_seconds=None
    )


def test_the_session_page_and_the_timeline_say_set_aside(alice_client, set_aside):
    pages = [
        reverse("practices:session_detail", kwargs={"session_uuid": set_aside.uuid}),
        reverse("practices:detail", kwargs={"slug": "body-scan"}),
        reverse("timeline:index"),
    ]
    for page in pages:
        html = alice_client.get(page).content.decode()
        assert "Set aside" in html, page
        assert "Abandoned" not in html and "abandoned" not in html.replace("state-abandoned", ""), (
            page
        )


def test_the_markdown_export_says_set_aside(alice, set_aside):
    text = b"".join(markdown_format.export_markdown(JournalReader(alice))).decode()
    assert "Set aside" in text
    assert "bandoned" not in text


def test_the_stored_value_is_unchanged(set_aside):
    set_aside.refresh_from_db()
    assert set_aside.state == "abandoned"
