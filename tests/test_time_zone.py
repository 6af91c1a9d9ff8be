from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError

from journal.forms import ProfileForm
from journal.models import Profile, validate_time_zone


@pytest.mark.parametrize("name", ["UTC", "Europe/London", "Pacific/Auckland", "America/New_York"])
def test_it_accepts_iana_time_zones(name):
    validate_time_zone(name)


@pytest.mark.parametrize("name", ["", "Mars/Olympus", "GMT+25", "europe/london ", "../etc/passwd"])
def test_it_rejects_unknown_time_zones(name):
    with pytest.raises(ValidationError):
        validate_time_zone(name)


def test_the_settings_form_rejects_an_unknown_zone(alice):
    form = ProfileForm({"time_zone": "Mars/Olympus", "week_start": 0}, instance=alice.profile)
    assert not form.is_valid()
    assert "time_zone" in form.errors


def test_the_profile_model_validates_its_zone(alice):
    profile = Profile.objects.get(user=alice)
    profile.time_zone = "Nowhere/Special"
    with pytest.raises(ValidationError):
        profile.full_clean()
