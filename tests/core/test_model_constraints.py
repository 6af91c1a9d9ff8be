"""The database itself refuses out-of-range values and orphaned sensations."""

from __future__ import annotations

import pytest
from django.db import IntegrityError, transaction

from journal.models import JournalEntry, Sensation
from tests.factories import (
    CheckInFactory,
    JournalEntryFactory,
    PracticeSessionFactory,
    SensationFactory,
    TagFactory,
)


def _rejected(model, pk: int, **values: object) -> bool:
    try:
        with transaction.atomic():
            model.objects.filter(pk=pk).update(**values)
    except IntegrityError:
        return True
    return False


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("pain", 11),
        ("tension", 12),
        ("stress", 11),
        ("sleep_hours", 25),
        ("sleep_quality", 0),
        ("sleep_quality", 6),
        ("belief_strength_before", 101),
        ("belief_strength_after", 101),
        ("kind", "diary"),
    ],
)
def test_it_rejects_out_of_range_entry_values(alice, field, value):
    entry = CheckInFactory.create(user=alice)
    assert _rejected(JournalEntry, entry.pk, **{field: value})


@pytest.mark.parametrize("field", ["pain", "tension", "stress", "belief_strength_after"])
def test_it_accepts_the_edges_of_each_range(alice, field):
    entry = CheckInFactory.create(user=alice)
    assert not _rejected(JournalEntry, entry.pk, **{field: 0})
    assert not _rejected(JournalEntry, entry.pk, **{field: 10})


@pytest.mark.parametrize(
    "field",
    [
        f"{when}_{rating}"
        for when in ("before", "after")
        for rating in ("pain", "tension", "safety", "connection")
    ],
)
def test_it_rejects_session_ratings_above_ten(alice, field):
    from practices.models import PracticeSession

    session = PracticeSessionFactory.create(user=alice)
    assert _rejected(PracticeSession, session.pk, **{field: 11})
    assert not _rejected(PracticeSession, session.pk, **{field: 10})


def test_it_rejects_a_session_that_ends_before_it_starts(alice):
    from practices.models import PracticeSession

    session = PracticeSessionFactory.create(user=alice)
    assert _rejected(PracticeSession, session.pk, ended_at=session.started_at.replace(year=2000))


def test_it_rejects_an_unknown_session_state(alice):
    from practices.models import PracticeSession

    session = PracticeSessionFactory.create(user=alice)
    assert _rejected(PracticeSession, session.pk, state="paused")


@pytest.mark.parametrize(
    ("field", "value"),
    [("intensity", 11), ("region", "elbow"), ("quality", "sparkly"), ("feel", "meh")],
)
def test_it_rejects_invalid_sensations(alice, field, value):
    sensation = SensationFactory.create(entry=JournalEntryFactory.create(user=alice))
    assert _rejected(Sensation, sensation.pk, **{field: value})


def test_a_sensation_needs_exactly_one_parent(alice):
    entry = JournalEntryFactory.create(user=alice)
    session = PracticeSessionFactory.create(user=alice)
    sensation = SensationFactory.create(entry=entry)
    assert _rejected(Sensation, sensation.pk, session=session)  # both parents
    assert _rejected(Sensation, sensation.pk, entry=None)  # no parent
    on_session = SensationFactory.create(entry=None, session=session)
    assert on_session.session_id == session.pk


def test_tag_names_are_unique_per_person_whatever_the_case(alice, bob):
    TagFactory.create(user=alice, name="Work deadline")
    TagFactory.create(user=bob, name="work deadline")  # someone else's is fine
    with pytest.raises(IntegrityError), transaction.atomic():
        TagFactory.create(user=alice, name="WORK DEADLINE")


def test_uuids_are_unique_per_person_not_across_people(alice, bob):
    entry = JournalEntryFactory.create(user=alice)
    JournalEntryFactory.create(user=bob, uuid=entry.uuid)  # an import into another account
    with pytest.raises(IntegrityError), transaction.atomic():
        JournalEntryFactory.create(user=alice, uuid=entry.uuid)
