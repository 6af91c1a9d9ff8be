"""Views for a practice session: start, run, finish, abandon, detail, edit, delete, log."""

from __future__ import annotations

import re
import uuid
from datetime import timedelta
from zoneinfo import ZoneInfo

import pytest
from django.urls import reverse
from django.utils import timezone

from practices.forms import DATETIME_LOCAL
from practices.models import PracticeSession, SessionState
from tests.factories import PracticeFactory, PracticeSessionFactory, builtin_practice

pytestmark = pytest.mark.django_db


def start_url(slug: str = "body-scan") -> str:
    return reverse("practices:start", kwargs={"slug": slug})


def url(name: str, session: PracticeSession) -> str:
    return reverse(f"practices:{name}", kwargs={"session_uuid": session.uuid})


def in_progress(user, **kwargs) -> PracticeSession:
    return PracticeSessionFactory.create(
        user=user,
        state=SessionState.IN_PROGRESS,
        started_at=timezone.now() - timedelta(minutes=3),
        ended_at=None,
        duration_seconds=None,
        after_pain=None,
        after_tension=None,
        after_safety=None,
        after_connection=None,
        **kwargs,
    )


# Start


def test_start_asks_the_before_ratings_with_the_practice_length(alice_client):
    response = alice_client.get(start_url())
    html = response.content.decode()
    assert response.status_code == 200
    assert 'name="before_pain"' in html
    assert 'name="before_connection"' in html
    assert 'name="planned_minutes" value="10"' in html
    assert 'name="token"' in html


def test_start_creates_one_in_progress_session_and_opens_the_timer(alice_client, alice):
    token = uuid.uuid4()
    response = alice_client.post(
        start_url(),
        {"before_pain": "6", "before_safety": "3", "planned_minutes": "7", "token": token},
    )
    session = PracticeSession.objects.get(user=alice)
    assert response.status_code == 302
    assert response["Location"] == url("session_run", session)
    assert session.state == SessionState.IN_PROGRESS
    assert session.practice == builtin_practice()
    assert session.planned_minutes == 7
    assert (session.before_pain, session.before_tension, session.before_safety) == (6, None, 3)
    assert timezone.now() - session.started_at < timedelta(seconds=5)


def test_a_double_clicked_start_makes_exactly_one_session(alice_client, alice):
    data = {"before_pain": "5", "planned_minutes": "10", "token": uuid.uuid4()}
    first = alice_client.post(start_url(), data)
    second = alice_client.post(start_url(), data)
    assert PracticeSession.objects.filter(user=alice).count() == 1
    assert first["Location"] == second["Location"]


def test_two_separate_starts_make_two_sessions(alice_client, alice):
    for _ in range(2):
        alice_client.post(start_url(), {"planned_minutes": "10", "token": uuid.uuid4()})
    assert PracticeSession.objects.filter(user=alice).count() == 2


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("planned_minutes", "0", "at least 1 minute"),
        ("planned_minutes", "181", "at most 180 minutes"),
        ("before_pain", "11", "Select a valid choice"),
        ("before_tension", "-1", "Select a valid choice"),
    ],
)
def test_start_explains_out_of_range_values_next_to_the_field(
    alice_client, alice, field, value, message
):
    data = {"planned_minutes": "10", "token": uuid.uuid4(), field: value}
    response = alice_client.post(start_url(), data)
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not PracticeSession.objects.filter(user=alice).exists()


def test_start_of_an_unknown_or_other_persons_practice_is_404(alice_client, bob):
    bobs = PracticeFactory.create(user=bob)
    assert alice_client.get(start_url("no-such-practice")).status_code == 404
    assert alice_client.get(start_url(bobs.slug)).status_code == 404


def test_start_of_an_own_practice_works(alice_client, alice):
    mine = PracticeFactory.create(user=alice, default_minutes=4)
    response = alice_client.post(
        start_url(mine.slug), {"planned_minutes": "4", "token": uuid.uuid4()}
    )
    assert response.status_code == 302
    assert PracticeSession.objects.get(user=alice).practice == mine


def test_start_pauses_for_a_red_flag_reported_today(alice_client, alice):
    from tests.factories import CheckInFactory

    CheckInFactory.create(user=alice, red_flag_leg_weakness=True)
    html = alice_client.get(start_url()).content.decode()
    assert "Please get medical care first" in html
    assert "Numbness or weakness in the legs" in html


def test_start_shows_no_red_flag_notice_on_an_ordinary_day(alice_client, alice):
    from tests.factories import CheckInFactory

    CheckInFactory.create(
        user=alice, occurred_at=timezone.now() - timedelta(days=3), red_flag_night_pain=True
    )
    assert "Please get medical care first" not in alice_client.get(start_url()).content.decode()


# Run


def test_the_timer_page_shows_steps_length_and_a_finish_link(alice_client, alice):
    session = in_progress(alice, planned_minutes=3)
    response = alice_client.get(url("session_run", session))
    html = response.content.decode()
    assert response.status_code == 200
    assert 'id="run-config"' in html
    assert '"total_ms": 180000' in html
    assert ">3:00<" in html
    assert "Start at your feet" in html
    assert url("session_finish", session) in html
    assert 'name="duration_seconds"' not in html


def test_the_timer_page_of_a_finished_session_goes_to_its_detail(alice_client, alice):
    session = PracticeSessionFactory.create(user=alice)
    response = alice_client.get(url("session_run", session))
    assert response["Location"] == url("session_detail", session)


def test_the_timer_page_counts_its_queries(alice_client, alice, django_assert_num_queries):
    session = in_progress(alice)
    alice_client.get(url("session_run", session))
    # session, user, profile, session joined with its practice, guidance settings
    with django_assert_num_queries(5):
        alice_client.get(url("session_run", session))


# Finish


def test_finish_saves_after_ratings_and_the_practised_seconds(alice_client, alice):
    session = in_progress(alice)
    # The timer ran for 95 seconds, then paused; what a page would send is not asked.
    now = timezone.now()
    session.timer_intervals = [
        [(now - timedelta(seconds=150)).isoformat(), (now - timedelta(seconds=55)).isoformat()]
    ]
    session.save()
    response = alice_client.post(
        url("session_finish", session),
        {"after_pain": "3", "after_connection": "8", "notes": "Softer.", "duration_seconds": "9"},
    )
    session.refresh_from_db()
    assert response["Location"] == url("session_detail", session)
    assert session.state == SessionState.FINISHED
    assert session.duration_seconds == 95
    assert session.ended_at is not None
    assert (session.after_pain, session.after_tension, session.after_connection) == (3, None, 8)
    assert session.notes == "Softer."


def test_finish_without_javascript_counts_from_the_start(alice_client, alice):
    session = in_progress(alice)
    alice_client.post(url("session_finish", session), {"after_pain": "4"})
    session.refresh_from_db()
    assert session.duration_seconds is not None
    # Started three minutes ago; the margin only absorbs a slow test machine.
    assert 180 <= session.duration_seconds <= 240


def test_finish_rejects_out_of_range_ratings(alice_client, alice):
    session = in_progress(alice)
    response = alice_client.post(url("session_finish", session), {"after_pain": "12"})
    session.refresh_from_db()
    assert response.status_code == 200
    assert session.state == SessionState.IN_PROGRESS


def test_finishing_twice_keeps_the_first_answers(alice_client, alice):
    session = in_progress(alice)
    alice_client.post(url("session_finish", session), {"after_pain": "2"})
    response = alice_client.post(url("session_finish", session), {"after_pain": "9"})
    session.refresh_from_db()
    assert response["Location"] == url("session_detail", session)
    assert session.after_pain == 2


def test_the_finish_page_asks_the_after_ratings(alice_client, alice):
    session = in_progress(alice)
    html = alice_client.get(url("session_finish", session)).content.decode()
    assert "How are you now?" in html
    assert 'name="after_safety"' in html


# Abandon


def test_abandon_sets_an_open_session_aside(alice_client, alice):
    session = in_progress(alice)
    response = alice_client.post(url("session_abandon", session))
    session.refresh_from_db()
    assert response["Location"] == url("session_detail", session)
    assert session.state == SessionState.ABANDONED


def test_abandon_leaves_a_finished_session_alone(alice_client, alice):
    session = PracticeSessionFactory.create(user=alice)
    alice_client.post(url("session_abandon", session))
    session.refresh_from_db()
    assert session.state == SessionState.FINISHED


# Detail


def test_an_open_session_offers_resume_finish_and_abandon(alice_client, alice):
    session = in_progress(alice)
    html = alice_client.get(url("session_detail", session)).content.decode()
    assert "still open" in html
    assert url("session_run", session) in html
    assert url("session_finish", session) in html
    assert url("session_abandon", session) in html


def test_the_detail_shows_before_after_and_the_change(alice_client, alice):
    session = PracticeSessionFactory.create(
        user=alice, before_pain=7, after_pain=4, notes="Warm hands."
    )
    html = alice_client.get(url("session_detail", session)).content.decode()
    assert "3 lower" in html
    assert "2 higher" in html  # safety 4 -> 6
    assert "Warm hands." in html


def test_the_detail_counts_its_queries(alice_client, alice, django_assert_num_queries):
    session = PracticeSessionFactory.create(user=alice)
    alice_client.get(url("session_detail", session))
    # session, user, profile, session joined with its practice
    with django_assert_num_queries(4):
        alice_client.get(url("session_detail", session))


# Edit and delete


def test_edit_changes_time_length_ratings_and_notes(alice_client, alice):
    session = PracticeSessionFactory.create(user=alice)
    response = alice_client.post(
        url("session_edit", session),
        {
            "started_at": "2026-01-05T08:30",
            "minutes": "15",
            "before_pain": "8",
            "after_pain": "",
            "notes": "Edited.",
        },
    )
    session.refresh_from_db()
    assert response["Location"] == url("session_detail", session)
    # Alice lives in London: 08:30 in January is 08:30 UTC.
    assert session.started_at.isoformat() == "2026-01-05T08:30:00+00:00"
    assert session.duration_seconds == 900
    assert session.ended_at - session.started_at == timedelta(minutes=15)
    assert (session.before_pain, session.after_pain, session.before_tension) == (8, None, None)
    assert session.notes == "Edited."


def test_edit_reads_times_in_the_persons_time_zone(alice_client, alice):
    session = PracticeSessionFactory.create(user=alice)
    alice_client.post(url("session_edit", session), {"started_at": "2026-07-05T08:30"})
    session.refresh_from_db()
    assert session.started_at.isoformat() == "2026-07-05T07:30:00+00:00"


def test_edit_shows_the_current_values(alice_client, alice):
    session = PracticeSessionFactory.create(user=alice, before_pain=6, after_pain=None)
    html = alice_client.get(url("session_edit", session)).content.decode()
    checked = set(re.findall(r'<input type="radio" name="(\w+)" value="(\d*)"[^>]* checked', html))
    assert ("before_pain", "6") in checked
    assert ("after_pain", "") in checked


def test_edit_refuses_a_future_start(alice_client, alice):
    session = PracticeSessionFactory.create(user=alice)
    future = (timezone.now() + timedelta(days=2)).strftime("%Y-%m-%dT%H:%M")
    response = alice_client.post(url("session_edit", session), {"started_at": future})
    assert response.status_code == 200
    assert "still to come" in response.content.decode()


def test_delete_asks_first_then_deletes(alice_client, alice):
    session = PracticeSessionFactory.create(user=alice)
    confirm = alice_client.get(url("session_delete", session))
    assert "Delete this session?" in confirm.content.decode()
    assert PracticeSession.objects.filter(pk=session.pk).exists()
    response = alice_client.post(url("session_delete", session))
    assert response["Location"] == reverse("practices:detail", kwargs={"slug": "body-scan"})
    assert not PracticeSession.objects.filter(pk=session.pk).exists()


# Log a past session


def test_log_a_past_session(alice_client, alice):
    response = alice_client.post(
        reverse("practices:session_log"),
        {
            "practice": builtin_practice("breath-anchoring").uuid,
            "started_at": "2026-03-01T19:00",
            "minutes": "12",
            "before_tension": "7",
            "after_tension": "3",
        },
    )
    session = PracticeSession.objects.get(user=alice)
    assert response["Location"] == url("session_detail", session)
    assert session.state == SessionState.FINISHED
    assert session.duration_seconds == 720
    assert session.rating_change("tension") == -4


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"minutes": "0"}, "at least 1 minute"),
        ({"minutes": "200"}, "at most 180 minutes"),
        ({"minutes": ""}, "This field is required"),
        ({"started_at": "2999-01-01T10:00"}, "still to come"),
        ({"started_at": "not a time"}, "Enter a valid date/time"),
        ({"after_pain": "11"}, "Select a valid choice"),
    ],
)
def test_log_explains_bad_values(alice_client, alice, data, message):
    base = {
        "practice": builtin_practice().uuid,
        "started_at": "2026-03-01T19:00",
        "minutes": "10",
    }
    response = alice_client.post(reverse("practices:session_log"), {**base, **data})
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not PracticeSession.objects.filter(user=alice).exists()


def test_log_does_not_offer_or_accept_bobs_practices(alice_client, alice, bob):
    bobs = PracticeFactory.create(user=bob, name="Bob's secret walk")
    assert (
        "Bob's secret walk"
        not in alice_client.get(reverse("practices:session_log")).content.decode()
    )
    response = alice_client.post(
        reverse("practices:session_log"),
        {"practice": bobs.uuid, "started_at": "2026-03-01T19:00", "minutes": "10"},
    )
    assert response.status_code == 200
    assert not PracticeSession.objects.filter(user=alice).exists()


# Access


SESSION_PAGES = [
    "session_run",
    "session_finish",
    "session_detail",
    "session_edit",
    "session_delete",
]


@pytest.mark.parametrize("name", SESSION_PAGES)
def test_bob_gets_404_on_alices_session_pages(bob_client, alice, name):
    session = in_progress(alice)
    assert bob_client.get(url(name, session)).status_code == 404


@pytest.mark.parametrize(
    "name", ["session_finish", "session_abandon", "session_edit", "session_delete"]
)
def test_bob_cannot_change_alices_sessions(bob_client, alice, name):
    session = in_progress(alice)
    response = bob_client.post(
        url(name, session), {"after_pain": "1", "started_at": "2026-01-01T10:00"}
    )
    assert response.status_code == 404
    session.refresh_from_db()
    assert session.state == SessionState.IN_PROGRESS
    assert session.after_pain is None


@pytest.mark.parametrize("name", [*SESSION_PAGES, "session_abandon"])
def test_anonymous_people_are_sent_to_log_in(client, alice, name):
    session = in_progress(alice)
    response = client.get(url(name, session))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:login"))


def test_anonymous_start_and_log_go_to_log_in(client, db):
    for path in [start_url(), reverse("practices:session_log")]:
        assert client.get(path)["Location"].startswith(reverse("accounts:login"))


def test_abandon_refuses_get(alice_client, alice):
    session = in_progress(alice)
    assert alice_client.get(url("session_abandon", session)).status_code == 405


@pytest.mark.parametrize("name", ["session_run", "session_detail"])
def test_read_only_pages_refuse_post(alice_client, alice, name):
    session = in_progress(alice)
    assert alice_client.post(url(name, session)).status_code == 405


def test_coming_back_to_an_open_session_says_welcome_back(alice_client, alice):
    session = in_progress(alice)
    assert "Welcome back" in alice_client.get(url("session_run", session)).content.decode()


def test_a_fresh_session_has_no_welcome_back(alice_client, alice):
    alice_client.post(start_url(), {"planned_minutes": "10", "token": uuid.uuid4()})
    session = PracticeSession.objects.get(user=alice)
    assert "Welcome back" not in alice_client.get(url("session_run", session)).content.decode()


def test_a_very_short_session_reads_under_a_minute(alice_client, alice):
    session = PracticeSessionFactory.create(user=alice, duration_seconds=20)
    assert (
        "under a minute practised"
        in alice_client.get(url("session_detail", session)).content.decode()
    )


def test_the_start_page_counts_its_queries(alice_client, alice, django_assert_num_queries):
    alice_client.get(start_url())
    # session, user, profile, practice, today's entries with a warning sign
    with django_assert_num_queries(5):
        alice_client.get(start_url())


def test_the_finish_and_edit_pages_count_their_queries(
    alice_client, alice, django_assert_num_queries
):
    session = in_progress(alice)
    alice_client.get(url("session_finish", session))
    # session, user, profile, session joined with its practice
    for name in ["session_finish", "session_edit"]:
        with django_assert_num_queries(4):
            alice_client.get(url(name, session))


def test_the_log_page_counts_its_queries(alice_client, alice, django_assert_num_queries):
    for _ in range(5):
        PracticeFactory.create(user=alice)
    alice_client.get(reverse("practices:session_log"))
    # session, user, profile, the practices to choose from
    with django_assert_num_queries(4):
        response = alice_client.get(reverse("practices:session_log"))
    assert response.content.decode().count("My practice") == 5


def test_a_finished_session_offers_a_reflection(alice_client, alice):
    session = PracticeSessionFactory.create(user=alice)
    html = alice_client.get(url("session_detail", session)).content.decode()
    assert reverse("entries:reflect", kwargs={"session_uuid": session.uuid}) in html


def test_an_open_session_offers_no_reflection_yet(alice_client, alice):
    session = in_progress(alice)
    html = alice_client.get(url("session_detail", session)).content.decode()
    assert "/journal/reflect/" not in html


def test_the_log_page_suggests_ten_minutes_that_ended_just_now(alice_client, alice):
    london = ZoneInfo("Europe/London")
    before = (timezone.now() - timedelta(minutes=10)).astimezone(london)
    html = alice_client.get(reverse("practices:session_log")).content.decode()
    after = (timezone.now() - timedelta(minutes=10)).astimezone(london)
    shown = re.search(r'name="started_at" value="([\d:T-]+)"', html)
    assert shown is not None
    assert shown.group(1) in {before.strftime(DATETIME_LOCAL), after.strftime(DATETIME_LOCAL)}
    assert 'name="minutes" value="10"' in html
