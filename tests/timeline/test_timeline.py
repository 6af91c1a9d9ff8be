from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from django.urls import reverse
from django.utils import timezone

from journal.timeline.selectors import PAGE_SIZE
from tests import factories

pytestmark = pytest.mark.django_db

# factory_boy calls are untyped; the aliases make their results Any for mypy.
CheckInFactory: Any = factories.CheckInFactory
JournalEntryFactory: Any = factories.JournalEntryFactory
PracticeSessionFactory: Any = factories.PracticeSessionFactory
SensationFactory: Any = factories.SensationFactory
TagFactory: Any = factories.TagFactory
URL = "/timeline/"


def fill(user, days: int = 40) -> None:
    tags = [TagFactory(user=user, name=f"tag {i}") for i in range(3)]
    now = timezone.now()
    for d in range(days):
        when = now - timedelta(days=d, hours=1)
        entry = CheckInFactory(user=user, occurred_at=when, tags=tags, emotions=["calm", "sad"])
        SensationFactory(entry=entry, region="neck")
        SensationFactory(entry=entry, region="jaw")
        session = PracticeSessionFactory(user=user, started_at=when - timedelta(hours=2))
        SensationFactory(entry=None, session=session, region="belly")


def test_the_timeline_needs_a_log_in(client) -> None:
    response = client.get(URL)
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:login"))


def test_it_shows_entries_and_sessions_newest_first_by_day(alice_client, alice) -> None:
    london = ZoneInfo("Europe/London")
    late = datetime(2026, 3, 3, 23, 30, tzinfo=london)
    JournalEntryFactory(user=alice, occurred_at=late, body="late night")
    PracticeSessionFactory(user=alice, started_at=late - timedelta(days=1))
    response = alice_client.get(URL)
    days = response.context["page"].days
    assert [d.day.isoformat() for d in days] == ["2026-03-03", "2026-03-02"]
    assert days[0].items[0].entry.body == "late night"
    assert days[1].items[0].session is not None


def test_it_hides_bobs_entries(alice_client, bob) -> None:
    JournalEntryFactory(user=bob, body="bob only")
    PracticeSessionFactory(user=bob)
    response = alice_client.get(URL)
    assert response.context["page"].days == []
    assert b"bob only" not in response.content


def test_the_first_page_query_count_is_fixed(
    alice_client, alice, django_assert_num_queries
) -> None:
    fill(alice)
    # Log-in session, user; practices and tags for the filter form; profile;
    # entries + their sensations, emotions and tags; sessions + their sensations.
    with django_assert_num_queries(11):
        response = alice_client.get(URL)
    items = [i for d in response.context["page"].days for i in d.items]
    assert len(items) == PAGE_SIZE
    assert response.context["more_query"]


def test_a_filtered_page_query_count_is_fixed(
    alice_client, alice, django_assert_num_queries
) -> None:
    fill(alice)
    # As the first page, less the session sensations: no session has a neck sensation,
    # so there is nothing to prefetch.
    with django_assert_num_queries(10):
        response = alice_client.get(URL, {"region": "neck", "q": ""})
    items = [i for d in response.context["page"].days for i in d.items]
    assert len(items) == PAGE_SIZE
    assert all(i.entry for i in items)


def test_load_more_continues_where_the_page_stopped(alice_client, alice) -> None:
    fill(alice, days=20)
    first = alice_client.get(URL)
    seen = [i for d in first.context["page"].days for i in d.items]
    more = alice_client.get(URL + "?" + first.context["more_query"], headers={"HX-Request": "true"})
    assert more.status_code == 200
    assert b"<html" not in more.content
    rest = [i for d in more.context["page"].days for i in d.items]
    assert len(seen) + len(rest) == 40
    assert {i.when for i in seen}.isdisjoint({i.when for i in rest})


def test_paging_through_items_that_share_a_minute_shows_each_once(alice_client, alice) -> None:
    # Times typed by hand have no seconds: a check-in and a logged session often share one.
    when = timezone.now().replace(second=0, microsecond=0) - timedelta(hours=1)
    entries = {
        e.uuid for e in CheckInFactory.create_batch(PAGE_SIZE + 7, user=alice, occurred_at=when)
    }
    sessions = {
        s.uuid for s in PracticeSessionFactory.create_batch(PAGE_SIZE, user=alice, started_at=when)
    }
    older = CheckInFactory(user=alice, occurred_at=when - timedelta(minutes=1))
    seen: list[Any] = []
    query, pages = "", 0
    while True:
        response = alice_client.get(URL + ("?" + query if query else ""))
        seen += [i.entry or i.session for d in response.context["page"].days for i in d.items]
        pages += 1
        query = response.context["more_query"]
        if not query:
            break
    uuids = [record.uuid for record in seen]
    assert len(uuids) == len(set(uuids)) == len(entries) + len(sessions) + 1
    assert set(uuids) == entries | sessions | {older.uuid}
    assert uuids[-1] == older.uuid
    assert pages == 3


def test_a_page_link_without_the_item_mark_still_cuts_by_time(alice_client, alice) -> None:
    now = timezone.now()
    newer = CheckInFactory(user=alice, occurred_at=now - timedelta(hours=1))
    older = CheckInFactory(user=alice, occurred_at=now - timedelta(hours=2))
    response = alice_client.get(URL, {"before": newer.occurred_at.isoformat()})
    items = [i.entry for d in response.context["page"].days for i in d.items]
    assert items == [older]


def test_a_malformed_item_mark_is_ignored_not_an_error(alice_client, alice) -> None:
    CheckInFactory(user=alice)
    response = alice_client.get(URL, {"before": timezone.now().isoformat(), "last": "x-1;--"})
    assert response.status_code == 200


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"kind": "free"}, {"free"}),
        ({"kind": "session"}, {"session"}),
        ({"emotion": "angry"}, {"free"}),
        ({"q": "HAMMOCK"}, {"free"}),
        ({"region": "belly"}, {"session"}),
    ],
)
def test_filters(alice_client, alice, params, expected) -> None:
    entry = JournalEntryFactory(user=alice, body="a hammock day", emotions=["angry"])
    SensationFactory(entry=entry, region="neck")
    CheckInFactory(user=alice, body="other", emotions=["calm"])
    session = PracticeSessionFactory(user=alice)
    SensationFactory(entry=None, session=session, region="belly")
    response = alice_client.get(URL, params)
    items = [i for d in response.context["page"].days for i in d.items]
    kinds = {i.entry.kind if i.entry else "session" for i in items}
    assert kinds == expected


def test_filter_by_tag_and_practice(alice_client, alice) -> None:
    tag = TagFactory(user=alice, name="said no")
    tagged = JournalEntryFactory(user=alice, tags=[tag])
    JournalEntryFactory(user=alice)
    session = PracticeSessionFactory(user=alice)
    by_tag = alice_client.get(URL, {"tag": str(tag.uuid)})
    assert [i.entry for d in by_tag.context["page"].days for i in d.items] == [tagged]
    by_practice = alice_client.get(URL, {"practice": str(session.practice.uuid)})
    assert [i.session for d in by_practice.context["page"].days for i in d.items] == [session]


def test_a_date_range_keeps_the_days_inside(alice_client, alice) -> None:
    london = ZoneInfo("Europe/London")
    inside = JournalEntryFactory(user=alice, occurred_at=datetime(2026, 5, 2, 9, tzinfo=london))
    JournalEntryFactory(user=alice, occurred_at=datetime(2026, 5, 4, 9, tzinfo=london))
    response = alice_client.get(URL, {"start": "2026-05-01", "end": "2026-05-02"})
    assert [i.entry for d in response.context["page"].days for i in d.items] == [inside]


def test_an_inverted_range_is_explained(alice_client) -> None:
    response = alice_client.get(URL, {"start": "2026-05-03", "end": "2026-05-01"})
    assert response.context["form"].errors["end"] == ["Choose a day on or after the first day."]


def test_bobs_tag_is_not_a_filter_choice(alice_client, bob) -> None:
    tag = TagFactory(user=bob)
    response = alice_client.get(URL, {"tag": str(tag.uuid)})
    assert "tag" in response.context["form"].errors


def test_htmx_filtering_returns_the_results_only(alice_client, alice) -> None:
    JournalEntryFactory(user=alice, body="hello")
    response = alice_client.get(URL, {"kind": "free"}, headers={"HX-Request": "true"})
    assert b'id="timeline-results"' in response.content
    assert b"<html" not in response.content
