from __future__ import annotations

import uuid
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from django.urls import reverse
from django.utils import timezone

from journal.models import JournalEntry, Sensation
from practices.models import SessionState
from tests import factories

pytestmark = pytest.mark.django_db

# factory_boy calls are untyped; the aliases make their results Any for mypy.
CheckInFactory: Any = factories.CheckInFactory
JournalEntryFactory: Any = factories.JournalEntryFactory
PracticeSessionFactory: Any = factories.PracticeSessionFactory
SensationFactory: Any = factories.SensationFactory
TagFactory: Any = factories.TagFactory
HOME = "/"


def checkin_data(**extra: Any) -> dict[str, Any]:
    data: dict[str, Any] = {
        "token": str(uuid.uuid4()),
        "pain": "4",
        "tension": "6",
        "stress": "3",
        "sleep_hours": "7.5",
        "sleep_quality": "4",
        "emotions": ["calm", "hopeful"],
        "new_tags": "Work deadline, said no",
        "body": "Slow morning.",
        "sens-TOTAL_FORMS": "3",
        "sens-INITIAL_FORMS": "0",
        "sens-0-region": "lower_back",
        "sens-0-quality": "tight",
        "sens-0-intensity": "6",
        "sens-0-feel": "unpleasant",
        "sens-1-region": "belly",
        "sens-1-quality": "soft",
        "sens-1-intensity": "3",
        "sens-1-feel": "pleasant",
        "sens-2-region": "",  # an empty row: nothing chosen in it, not even a strength
    }
    data.update(extra)
    return data


def test_visitors_see_the_landing_page(client) -> None:
    response = client.get(HOME)
    assert response.status_code == 200
    assert b"Create your journal" in response.content


def test_a_visitor_posting_a_check_in_goes_to_log_in(client) -> None:
    response = client.post(HOME, checkin_data())
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:login"))
    assert not JournalEntry.objects.exists()


def test_alice_sees_the_today_page(alice_client) -> None:
    response = alice_client.get(HOME)
    assert response.status_code == 200
    assert response.context["check_in_title"].encode() in response.content
    assert b'aria-label="Lower back (lumbar)"' in response.content
    assert response.context["form"].kind == "check_in"


def test_a_check_in_saves_everything_once(alice_client, alice) -> None:
    data = checkin_data()
    response = alice_client.post(HOME, data)
    assert response.status_code == 302
    entry = JournalEntry.objects.get(user=alice)
    assert (entry.kind, entry.pain, entry.tension, entry.stress) == ("check_in", 4, 6, 3)
    assert str(entry.sleep_hours) == "7.5"
    assert sorted(e.emotion for e in entry.emotions.all()) == ["calm", "hopeful"]
    assert sorted(t.name for t in entry.tags.all()) == ["Work deadline", "said no"]
    assert sorted(s.region for s in entry.sensations.all()) == ["belly", "lower_back"]
    # A double click sends the same form again: still one entry, one set of sensations.
    again = alice_client.post(HOME, data)
    assert again.status_code == 302
    assert JournalEntry.objects.filter(user=alice).count() == 1
    assert Sensation.objects.filter(user=alice).count() == 2


def test_existing_tags_can_be_chosen(alice_client, alice) -> None:
    tag = TagFactory(user=alice, name="Long drive")
    alice_client.post(HOME, checkin_data(tags=[str(tag.uuid)], new_tags="long DRIVE"))
    entry = JournalEntry.objects.get(user=alice)
    assert list(entry.tags.all()) == [tag]


def test_bobs_tags_cannot_be_attached(alice_client, bob) -> None:
    tag = TagFactory(user=bob, name="Bob's")
    response = alice_client.post(HOME, checkin_data(tags=[str(tag.uuid)]))
    assert response.status_code == 200
    assert "tags" in response.context["form"].errors
    assert not JournalEntry.objects.exists()


def test_a_half_filled_sensation_keeps_what_was_typed(alice_client) -> None:
    data = checkin_data(**{"sens-2-region": "neck", "sens-2-note": "only a note"})
    response = alice_client.post(HOME, data)
    assert response.status_code == 200
    row = response.context["rows"].forms[2]
    assert row.errors["quality"] == ["Choose what it feels like."]
    assert b"only a note" in response.content
    assert b"Slow morning." in response.content
    assert not JournalEntry.objects.exists()


@pytest.mark.parametrize(
    ("field", "value"),
    [("pain", "11"), ("stress", "-1"), ("sleep_hours", "25"), ("sleep_quality", "9")],
)
def test_out_of_range_values_are_refused(alice_client, field, value) -> None:
    response = alice_client.post(HOME, checkin_data(**{field: value}))
    assert response.status_code == 200
    assert field in response.context["form"].errors
    assert not JournalEntry.objects.exists()


def test_a_day_in_the_future_is_refused(alice_client) -> None:
    later = (timezone.now() + timedelta(days=2)).strftime("%Y-%m-%dT%H:%M")
    response = alice_client.post(HOME, checkin_data(occurred_at=later))
    assert response.status_code == 200
    assert response.context["form"].errors["occurred_at"] == [
        "That day has not come yet. Choose today or earlier."
    ]


def test_a_typed_time_is_read_in_the_persons_own_zone(alice, alice_client) -> None:
    alice.profile.time_zone = "Europe/Paris"
    alice.profile.save()
    alice_client.post(HOME, checkin_data(occurred_at="2026-01-10T08:00"))
    entry = JournalEntry.objects.get()
    assert entry.occurred_at == datetime(2026, 1, 10, 7, 0, tzinfo=UTC)
    assert {s.occurred_at for s in entry.sensations.all()} == {entry.occurred_at}


def test_late_evening_east_of_greenwich_is_still_today(alice, alice_client, monkeypatch) -> None:
    # 22:30 UTC is 23:30 in Paris: the form shows 23:30, and saving it must not be "tomorrow".
    alice.profile.time_zone = "Europe/Paris"
    alice.profile.save()
    late = datetime(2026, 11, 21, 22, 30, tzinfo=UTC)
    monkeypatch.setattr(timezone, "now", lambda: late)
    page = alice_client.get(HOME)
    assert page.context["form"]["occurred_at"].value().strftime("%H:%M") == "23:30"
    response = alice_client.post(HOME, checkin_data(occurred_at="2026-11-21T23:30"))
    assert response.status_code == 302
    assert JournalEntry.objects.get().occurred_at == late


def test_an_impossible_wall_clock_time_is_a_form_error(alice, alice_client) -> None:
    # Clocks in Paris jump from 02:00 to 03:00 on 29 March 2026.
    alice.profile.time_zone = "Europe/Paris"
    alice.profile.save()
    response = alice_client.post(HOME, checkin_data(occurred_at="2026-03-29T02:30"))
    assert response.status_code == 200
    assert "occurred_at" in response.context["form"].errors
    assert not JournalEntry.objects.exists()


def test_an_empty_check_in_asks_for_one_answer(alice_client) -> None:
    data = {"token": str(uuid.uuid4()), "sens-TOTAL_FORMS": "0", "sens-INITIAL_FORMS": "0"}
    response = alice_client.post(HOME, data)
    assert response.status_code == 200
    assert b"There is nothing to save yet" in response.content


def test_a_sensation_alone_is_a_check_in(alice_client, alice) -> None:
    data = {
        "token": str(uuid.uuid4()),
        "sens-TOTAL_FORMS": "1",
        "sens-INITIAL_FORMS": "0",
        "sens-0-region": "jaw",
        "sens-0-quality": "tight",
        "sens-0-intensity": "4",
        "sens-0-feel": "unpleasant",
    }
    assert alice_client.post(HOME, data).status_code == 302
    assert Sensation.objects.get(user=alice).region == "jaw"


def test_adding_a_row_without_javascript_saves_nothing(alice_client) -> None:
    response = alice_client.post(HOME, checkin_data(add_row="1"))
    assert response.status_code == 200
    assert len(response.context["rows"].forms) == 4
    assert b"Slow morning." in response.content
    assert not JournalEntry.objects.exists()


def test_the_body_map_gets_a_row_by_htmx(alice_client) -> None:
    response = alice_client.post(
        HOME, {"_add_row": "left_hip", "_index": "5"}, headers={"HX-Request": "true"}
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert 'name="sens-5-region"' in html
    assert '<option value="left_hip" selected>' in html
    assert "<html" not in html


def test_a_red_flag_shows_an_alert_at_once_and_pauses_practice(alice_client, alice) -> None:
    response = alice_client.post(HOME, checkin_data(red_flags=["bladder_bowel"]), follow=True)
    assert b'class="notice notice-urgent" role="alert"' in response.content
    assert b"seek medical care now" in response.content
    today = alice_client.get(HOME)
    assert b"notice-urgent" in today.content
    assert b'class="notice notice-urgent" role="alert"' not in today.content
    assert b"Practices are paused today" in today.content


def test_today_resumes_a_practice_in_progress(alice_client, alice) -> None:
    session = PracticeSessionFactory(
        user=alice, state=SessionState.IN_PROGRESS, ended_at=None, duration_seconds=None
    )
    response = alice_client.get(HOME)
    assert b"A practice is waiting for you" in response.content
    assert session.practice.name.encode() in response.content


def test_today_lists_only_todays_items_of_alice(alice_client, alice, bob) -> None:
    JournalEntryFactory(user=alice, body="from this morning")
    JournalEntryFactory(
        user=alice, body="from last week", occurred_at=timezone.now() - timedelta(days=7)
    )
    JournalEntryFactory(user=bob, body="bob's secret")
    response = alice_client.get(HOME)
    assert b"from this morning" in response.content
    assert b"from last week" not in response.content
    assert b"bob&#x27;s secret" not in response.content and b"bob's secret" not in response.content


def test_today_query_count_does_not_grow_with_entries(
    alice_client, alice, django_assert_num_queries
) -> None:
    tags = [TagFactory(user=alice) for _ in range(3)]
    for _ in range(15):
        entry = CheckInFactory(user=alice, tags=tags, emotions=["calm", "sad"])
        SensationFactory(entry=entry)
        SensationFactory(entry=entry, region="neck")
        # Now, not a few minutes ago: just after midnight that would be yesterday.
        PracticeSessionFactory(user=alice, started_at=timezone.now())
    # Log-in session, user, profile; today's entries + their sensations, emotions and tags;
    # today's sessions + their sensations; expressive drafts waiting (with their sessions);
    # sessions in progress; tags offered by the form.
    with django_assert_num_queries(12):
        response = alice_client.get(HOME)
    assert response.status_code == 200
    assert len(response.context["today_items"]) == 30


def test_adding_a_row_to_an_empty_form_shows_no_errors_yet(alice_client) -> None:
    data = {"token": str(uuid.uuid4()), "sens-TOTAL_FORMS": "1", "sens-INITIAL_FORMS": "0"}
    data |= {"sens-0-region": "neck", "add_row": "1"}
    response = alice_client.post(HOME, data)
    assert response.status_code == 200
    assert len(response.context["rows"].forms) == 2
    assert b"There is nothing to save yet" not in response.content
    assert b"Choose what it feels like." not in response.content


def test_a_session_in_progress_shows_its_start_in_the_persons_time_zone(
    alice_client, alice
) -> None:
    started = datetime(2026, 7, 1, 8, 0, tzinfo=UTC)  # 09:00 in London (summer time)
    PracticeSessionFactory(
        user=alice, state=SessionState.IN_PROGRESS, started_at=started, ended_at=None
    )
    response = alice_client.get(HOME)
    assert b"started 1 July, 09:00" in response.content


def _sensation_rows(n: int) -> dict[str, str]:
    places = ["lower_back", "right_hand", "neck"]
    data = {"sens-TOTAL_FORMS": str(n), "sens-INITIAL_FORMS": "0"}
    for i in range(n):
        data |= {f"sens-{i}-region": places[i], f"sens-{i}-quality": "tight"}
    return data


@pytest.mark.parametrize("sensations", [1, 3])
def test_a_check_in_post_costs_the_same_queries_for_1_or_3_sensations(
    alice_client, alice, sensations, django_assert_num_queries
) -> None:
    data = checkin_data(**_sensation_rows(sensations))
    data.pop("new_tags")
    # 14, whatever the number of sensations: log-in session, user, profile; savepoint, the
    # token lookup, savepoint, entry insert, release; sensations: delete + one bulk insert;
    # emotions: delete + one bulk insert; release; the session saved (the success message).
    with django_assert_num_queries(QUERIES_FOR_A_CHECK_IN_POST):
        response = alice_client.post(HOME, data)
    assert response.status_code == 302
    assert Sensation.objects.filter(user=alice).count() == sensations


QUERIES_FOR_A_CHECK_IN_POST = 14
