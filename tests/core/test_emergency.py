"""The emergency number shown with a warning sign, chosen from the person's time zone."""

from __future__ import annotations

import pytest

from journal.core.emergency import country_of_zone, emergency_numbers


@pytest.mark.parametrize(
    ("zone", "first"),
    [
        ("Europe/Berlin", "112"),
        ("Europe/Paris", "112"),
        ("Europe/Lisbon", "112"),
        ("Europe/London", "999"),
        ("America/Chicago", "911"),
        ("America/Toronto", "911"),
        ("US/Pacific", "911"),
        ("Australia/Sydney", "000"),
        ("Pacific/Auckland", "111"),
        ("Asia/Kolkata", "112"),
        ("Asia/Calcutta", "112"),
        ("Asia/Tokyo", "119"),
        ("America/Sao_Paulo", "192"),
        ("Africa/Nairobi", "112"),  # not in the table: the fallback
        ("UTC", "112"),
    ],
)
def test_the_local_number_comes_first(zone: str, first: str) -> None:
    assert emergency_numbers(zone).first == first


def test_112_is_offered_too_where_it_also_works() -> None:
    assert emergency_numbers("Europe/London").numbers == ("999", "112")
    assert emergency_numbers("Australia/Perth").numbers == ("000", "112")


def test_an_unknown_zone_falls_back_to_112_without_naming_a_country() -> None:
    numbers = emergency_numbers("Etc/GMT-3")
    assert (numbers.country, numbers.where, numbers.numbers) == ("", "", ("112",))


def test_countries_come_from_the_zone_and_its_old_aliases() -> None:
    assert country_of_zone("America/Indiana/Knox") == "US"
    assert country_of_zone("Canada/Eastern") == "CA"
    assert country_of_zone("Brazil/East") == "BR"
    assert country_of_zone("Europe/Madrid") == ""
