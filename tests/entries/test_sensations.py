from __future__ import annotations

import uuid
from datetime import timedelta
from typing import Any

import pytest
from django.utils import timezone

from journal.core.vocabulary import EntryKind
from journal.entries.sensation_forms import SensationFormSet, sensation_formset
from journal.entries.services import (
    SensationInput,
    checkin_create,
    entry_update,
    tags_get_or_create,
)
from journal.models import EntryEmotion, JournalEntry, Sensation, Tag
from tests.factories import TagFactory

pytestmark = pytest.mark.django_db


def test_checkin_create_writes_sensations_with_the_entrys_user_and_time(alice) -> None:
    when = timezone.now() - timedelta(hours=2)
    entry = checkin_create(
        user=alice,
        occurred_at=when,
        pain=4,
        sensations=[
            SensationInput(region="lower_back", quality="tight", intensity=6, feel="unpleasant"),
            {"region": "belly", "quality": "soft", "intensity": 3, "feel": "pleasant"},
        ],
        emotions=["calm", "tired", "calm"],
        tag_names=["Work deadline", "work deadline "],
    )
    assert entry.kind == EntryKind.CHECK_IN
    rows = list(Sensation.objects.filter(entry=entry).order_by("region"))
    assert [s.region for s in rows] == ["belly", "lower_back"]
    assert {s.user_id for s in rows} == {alice.pk}
    assert {s.occurred_at for s in rows} == {when}
    assert sorted(EntryEmotion.objects.filter(entry=entry).values_list("emotion", flat=True)) == [
        "calm",
        "tired",
    ]
    assert [t.name for t in entry.tags.all()] == ["Work deadline"]


def test_the_same_token_makes_one_check_in(alice) -> None:
    token = uuid.uuid4()
    first = checkin_create(user=alice, pain=3, token=token)
    second = checkin_create(user=alice, pain=3, token=token)
    assert first.pk == second.pk
    assert JournalEntry.objects.filter(user=alice).count() == 1


def test_tags_match_case_insensitively_per_person(alice, bob) -> None:
    TagFactory(user=alice, name="Said no")
    TagFactory(user=bob, name="said NO")
    tags = tags_get_or_create(user=alice, names=["SAID NO", "new one"])
    assert [t.name for t in tags] == ["Said no", "new one"]
    assert Tag.objects.filter(user=alice).count() == 2
    assert Tag.objects.filter(user=bob).count() == 1


def test_moving_an_entry_moves_its_sensations(alice) -> None:
    entry = checkin_create(
        user=alice,
        sensations=[{"region": "neck", "quality": "tight", "intensity": 5, "feel": "neutral"}],
    )
    later = timezone.now() - timedelta(days=1)
    entry_update(entry=entry, occurred_at=later)
    assert Sensation.objects.get(entry=entry).occurred_at == later


def _rows(*rows: dict[str, str]) -> dict[str, str]:
    data = {"sens-TOTAL_FORMS": str(len(rows)), "sens-INITIAL_FORMS": "0"}
    for i, row in enumerate(rows):
        for key, value in row.items():
            data[f"sens-{i}-{key}"] = value
    return data


def test_an_empty_row_is_ignored() -> None:
    formset: Any = SensationFormSet(
        _rows(
            {"region": "", "note": ""},
            {"region": "neck", "quality": "warm", "intensity": "2", "feel": "pleasant"},
        ),
        prefix="sens",
    )
    assert formset.is_valid()
    assert [s.region for s in formset.inputs()] == ["neck"]


def test_a_half_filled_row_says_what_is_missing() -> None:
    formset = SensationFormSet(_rows({"region": "neck", "intensity": "5"}), prefix="sens")
    assert not formset.is_valid()
    assert formset.forms[0].errors["quality"] == ["Choose what it feels like."]
    # The feel is not asked for: it is suggested from the quality.
    assert "feel" not in formset.forms[0].errors


def test_an_intensity_out_of_range_is_refused() -> None:
    formset = SensationFormSet(
        _rows({"region": "neck", "quality": "warm", "intensity": "11", "feel": "pleasant"}),
        prefix="sens",
    )
    assert not formset.is_valid()
    assert "intensity" in formset.forms[0].errors


def test_a_row_marked_to_leave_out_is_dropped() -> None:
    formset: Any = SensationFormSet(
        _rows({"region": "neck", "quality": "warm", "intensity": "2", "feel": "x", "DELETE": "on"}),
        prefix="sens",
    )
    assert formset.is_valid()
    assert formset.inputs() == []


def test_a_new_form_offers_three_empty_rows() -> None:
    assert len(sensation_formset().forms) == 3
