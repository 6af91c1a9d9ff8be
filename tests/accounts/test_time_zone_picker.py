"""The short time-zone list: common zones by region, no aliases or Etc/*, and a choice asked
for rather than assumed."""

from __future__ import annotations

from typing import Any

import pytest
from django.contrib.auth.models import User
from django.test import Client
from django.urls import reverse

from journal.core.timezones import COMMON_ZONES, time_zone_choices

pytestmark = pytest.mark.django_db


def offered(groups: list[tuple[str, list[tuple[str, str]]]]) -> list[str]:
    return [value for _label, options in groups for value, _text in options]


def test_the_list_is_short_grouped_and_free_of_aliases() -> None:
    groups = time_zone_choices()
    names = offered(groups)
    assert 60 < len(names) < 130
    assert not [n for n in names if n.startswith("Etc/") or n in {"Factory", "GMT+0"}]
    assert "Asia/Calcutta" not in names and "Asia/Kolkata" in names
    assert "Europe/Kiev" not in names and "Europe/Kyiv" in names
    labels = [label for label, _options in groups]
    assert labels[:2] == ["Africa", "Americas"] and "Europe" in labels
    europe = dict(groups)["Europe"]
    assert ("Europe/Berlin", "Berlin") in europe
    assert dict(dict(groups)["Americas"])["America/Argentina/Buenos_Aires"] == "Buenos Aires"


def test_a_current_zone_outside_the_list_comes_first() -> None:
    groups = time_zone_choices("America/Argentina/Salta")
    assert groups[0][1] == [("America/Argentina/Salta", "America/Argentina/Salta")]
    assert time_zone_choices("Europe/Berlin")[0][0] == "Africa"


def test_every_common_zone_is_a_canonical_name() -> None:
    import zoneinfo

    for names in COMMON_ZONES.values():
        for name in names:
            assert name in zoneinfo.available_timezones(), name


def test_without_javascript_sign_up_asks_for_a_zone(client: Client, alice: User) -> None:
    html = client.get(reverse("accounts:signup")).content.decode()
    assert '<option value="" selected>Choose your time zone</option>' in html
    data = {
        "username": "maya",
        "password1": "slow breath over the hills",
        "password2": "slow breath over the hills",
        "time_zone": "",
        "week_start": "0",
    }
    response = client.post(reverse("accounts:signup"), data)
    assert response.status_code == 400
    assert "Choose the time zone you live in" in response.content.decode()
    assert not User.objects.filter(username="maya").exists()


def test_a_detected_zone_outside_the_list_is_accepted(client: Client, alice: User) -> None:
    data = {
        "username": "maya",
        "password1": "slow breath over the hills",
        "password2": "slow breath over the hills",
        "time_zone": "America/Argentina/Salta",
        "week_start": "0",
    }
    assert client.post(reverse("accounts:signup"), data).status_code == 302
    assert User.objects.get(username="maya").profile.time_zone == "America/Argentina/Salta"


def test_settings_show_the_persons_zone_chosen(alice_client: Client) -> None:
    html = alice_client.get(reverse("accounts:settings")).content.decode()
    assert '<option value="Europe/London" selected>London</option>' in html
    assert "data-time-zone-search" in html


def test_the_settings_page_query_count(
    alice_client: Client, django_assert_num_queries: Any
) -> None:
    # session, user, profile; the person's and their groups' permissions (may they invite?)
    with django_assert_num_queries(5):
        response = alice_client.get(reverse("accounts:settings"))
    assert response.status_code == 200
