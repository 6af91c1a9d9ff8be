"""The check-in's words: titles by time of day, suggested feels, one wording of scale ends."""

from __future__ import annotations

from datetime import datetime

import pytest

from journal.core.scales import SCALE_ENDS, scale_ends_text
from journal.core.vocabulary import Quality, suggested_feel
from journal.entries.forms import EntryForm
from journal.entries.presenters import sensation_text
from journal.models import Sensation
from journal.today.views import check_in_title
from practices.forms import RATING_HELP


@pytest.mark.parametrize(
    ("hour", "title"),
    [
        (5, "Morning check-in"),
        (11, "Morning check-in"),
        (13, "Check-in"),
        (20, "Evening check-in"),
        (23, "Check-in"),
        (2, "Check-in"),
    ],
)
def test_the_title_says_morning_or_evening_only_when_it_is(hour: int, title: str) -> None:
    assert check_in_title(datetime(2026, 3, 4, hour, 40), again=False) == title


def test_a_second_check_in_is_welcomed_again() -> None:
    assert check_in_title(datetime(2026, 3, 4, 8), again=True) == "Check in again"


@pytest.mark.parametrize(
    ("quality", "feel"),
    [
        (Quality.AT_EASE, "pleasant"),
        (Quality.SOFT, "pleasant"),
        (Quality.TIGHT, "unpleasant"),
        (Quality.SHARP, "unpleasant"),
        (Quality.TINGLING, "neutral"),
        (Quality.BUZZING, "neutral"),
    ],
)
def test_the_feel_is_suggested_from_the_quality(quality: str, feel: str) -> None:
    assert suggested_feel(quality) == feel


def test_every_scale_end_has_one_wording_on_every_form(alice) -> None:
    form = EntryForm(user=alice, kind="check_in")
    assert form.fields["pain"].help_text == scale_ends_text("pain")
    assert RATING_HELP["pain"] == scale_ends_text("pain")
    assert RATING_HELP["tension"] == form.fields["tension"].help_text
    assert str(scale_ends_text("pain")) == "0 is no pain, 10 is the worst you can imagine."
    assert set(RATING_HELP) <= set(SCALE_ENDS)


def test_no_markdown_jargon_under_the_text_box(alice) -> None:
    form = EntryForm(user=alice, kind="free")
    assert "Markdown" not in str(form.fields["body"].help_text)


def test_an_unrated_sensation_reads_without_a_number() -> None:
    rated = Sensation(region="lower_back", quality="tight", intensity=6, feel="unpleasant")
    unrated = Sensation(region="right_hand", quality="at_ease", intensity=None, feel="pleasant")
    assert sensation_text(rated) == "Tight in lower back (lumbar), 6/10"
    assert sensation_text(unrated) == "At ease in right hand"
