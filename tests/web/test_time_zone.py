from __future__ import annotations

from datetime import UTC, datetime
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from django.contrib.auth.models import User
from django.core.exceptions import ValidationError
from django.urls import reverse

from journal.accounts.forms import ProfileForm
from journal.core.timezones import validate_time_zone
from journal.models import Profile
from practices.models import PracticeSession
from tests import factories
from tests.factories import builtin_practice

PracticeSessionFactory: Any = factories.PracticeSessionFactory


@pytest.mark.parametrize("name", ["UTC", "Europe/London", "Pacific/Auckland", "America/New_York"])
def test_it_accepts_iana_time_zones(name):
    validate_time_zone(name)


@pytest.mark.parametrize("name", ["", "Mars/Olympus", "GMT+25", "europe/london ", "../etc/passwd"])
def test_it_rejects_unknown_time_zones(name):
    with pytest.raises(ValidationError):
        validate_time_zone(name)


def test_the_settings_form_rejects_an_unknown_zone(alice):
    form = ProfileForm(
        {"time_zone": "Mars/Olympus", "week_start": 0}, instance=alice.profile, user=alice
    )
    assert not form.is_valid()
    assert "time_zone" in form.errors


def test_the_profile_model_validates_its_zone(alice):
    profile = Profile.objects.get(user=alice)
    profile.time_zone = "Nowhere/Special"
    with pytest.raises(ValidationError):
        profile.full_clean()


def test_pages_show_times_in_the_persons_own_zone(alice, alice_client):
    alice.profile.time_zone = "Asia/Tokyo"
    alice.profile.save()
    session = PracticeSessionFactory(
        user=alice, started_at=datetime(2026, 1, 10, 7, 5, tzinfo=UTC), notes="tokyo"
    )
    url = reverse("practices:session_detail", kwargs={"session_uuid": session.uuid})
    content = alice_client.get(url).content.decode()
    assert "16:05" in content  # 07:05 UTC is 16:05 in Tokyo
    assert "07:05" not in content


def test_a_typed_session_time_is_read_in_the_persons_own_zone(alice, alice_client):
    alice.profile.time_zone = "America/New_York"
    alice.profile.save()
    response = alice_client.post(
        reverse("practices:session_log"),
        {"practice": str(builtin_practice("body-scan").uuid), "started_at": "2026-01-10T08:00",
         "minutes": "10"},
    )  # fmt: skip
    assert response.status_code == 302
    session = PracticeSession.objects.get(user=alice)
    assert session.started_at == datetime(2026, 1, 10, 13, 0, tzinfo=UTC)


def test_an_account_made_without_a_profile_gets_one_on_its_first_page(db, client, password):
    person = User.objects.create_user("shelluser", password=password)
    client.force_login(person)
    assert client.get("/").status_code == 200
    assert Profile.objects.get(user=person).time_zone == "UTC"


def test_the_timeline_and_today_show_local_times(alice, alice_client):
    alice.profile.time_zone = "Asia/Tokyo"
    alice.profile.save()
    now = datetime.now(UTC).replace(second=0, microsecond=0)
    factories.CheckInFactory(user=alice, occurred_at=now)
    local = now.astimezone(ZoneInfo("Asia/Tokyo"))
    for url in ("/timeline/", "/"):
        content = alice_client.get(url).content.decode()
        assert f'<time datetime="{local.isoformat()}">{local:%H:%M}</time>' in content
