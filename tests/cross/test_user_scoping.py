"""bob can never reach alice's rows through any query helper."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import AnonymousUser
from django.http import Http404

from journal.core.ownership import get_owned_or_404
from journal.models import JournalEntry, Sensation, Tag
from practices.models import Practice, PracticeSession
from tests.factories import (
    JournalEntryFactory,
    PracticeFactory,
    PracticeSessionFactory,
    SensationFactory,
    TagFactory,
)


@pytest.fixture
def alices_data(alice):
    entry = JournalEntryFactory.create(user=alice)
    session = PracticeSessionFactory.create(user=alice)
    return {
        JournalEntry: entry,
        PracticeSession: session,
        Sensation: SensationFactory.create(entry=entry),
        Tag: TagFactory.create(user=alice),
    }


@pytest.mark.parametrize("model", [JournalEntry, PracticeSession, Sensation, Tag])
def test_it_hides_alices_rows_from_bob(alices_data, alice, bob, model):
    row = alices_data[model]
    assert list(model.objects.for_user(alice)) == [row]
    assert not model.objects.for_user(bob).exists()
    with pytest.raises(Http404):
        get_owned_or_404(model.objects.for_user(bob), uuid=row.uuid)


@pytest.mark.parametrize("model", [JournalEntry, PracticeSession, Sensation, Tag])
def test_anonymous_sees_nothing(alices_data, model):
    assert not model.objects.for_user(AnonymousUser()).exists()


def test_a_malformed_id_is_a_404_not_an_error(alice):
    with pytest.raises(Http404):
        get_owned_or_404(JournalEntry.objects.for_user(alice), uuid="not-a-uuid")


def test_own_practices_are_visible_to_their_owner_only(alice, bob):
    mine = PracticeFactory.create(user=alice, name="Lying on the warm floor")
    assert mine in Practice.objects.for_user(alice)
    assert mine not in Practice.objects.for_user(bob)
    assert mine not in Practice.objects.for_user(AnonymousUser())
    assert list(Practice.objects.owned_by(alice)) == [mine]
    assert not Practice.objects.owned_by(bob).exists()
    # Everyone sees the built-in catalog.
    assert Practice.objects.for_user(bob).filter(slug="body-scan").exists()
