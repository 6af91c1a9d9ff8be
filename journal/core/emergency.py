"""The emergency number to show someone, chosen from the country of their time zone.

A time zone is the only hint of where a person lives that the app keeps, so the country is
looked up from it. The table covers the countries whose number is not 112; everywhere else
(the whole of the EU and most of Europe, and as the fallback) 112 is shown, since it works on
any mobile phone in far more countries than those listed.

The number is the one for an ambulance: in Japan that is 119 (fire and ambulance; 110 is the
police), in Brazil 192 (SAMU, the ambulance service; 190 is the police). India's single number
is 112, with 108 as the ambulance line most states keep.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _


@dataclass(frozen=True)
class EmergencyNumbers:
    country: str  # ISO 3166 code, "" when the fallback is used
    where: str  # the place, in words, for "the emergency number in ..."; "" for the fallback
    numbers: tuple[str, ...]  # the local number first

    @property
    def first(self) -> str:
        return self.numbers[0]

    @property
    def others(self) -> tuple[str, ...]:
        return self.numbers[1:]


FALLBACK = "112"

# Country -> (where, numbers), the local emergency number first.
_NUMBERS: dict[str, tuple[object, tuple[str, ...]]] = {
    "GB": (_("the United Kingdom"), ("999", "112")),
    "IE": (_("Ireland"), ("112", "999")),
    "US": (_("the United States"), ("911",)),
    "CA": (_("Canada"), ("911",)),
    "AU": (_("Australia"), ("000", "112")),
    "NZ": (_("New Zealand"), ("111",)),
    "IN": (_("India"), ("112", "108")),
    "JP": (_("Japan"), ("119",)),
    "BR": (_("Brazil"), ("192",)),
}

# Zones (from the tz database's zone.tab, with the old aliases people still have) by country.
_ZONES: dict[str, tuple[str, ...]] = {
    "GB": ("Europe/London", "Europe/Belfast", "GB", "GB-Eire"),
    "IE": ("Europe/Dublin", "Eire"),
    "US": (
        "America/Adak",
        "America/Anchorage",
        "America/Boise",
        "America/Chicago",
        "America/Denver",
        "America/Detroit",
        "America/Indiana/Indianapolis",
        "America/Indiana/Knox",
        "America/Indiana/Marengo",
        "America/Indiana/Petersburg",
        "America/Indiana/Tell_City",
        "America/Indiana/Vevay",
        "America/Indiana/Vincennes",
        "America/Indiana/Winamac",
        "America/Juneau",
        "America/Kentucky/Louisville",
        "America/Kentucky/Monticello",
        "America/Los_Angeles",
        "America/Menominee",
        "America/Metlakatla",
        "America/New_York",
        "America/Nome",
        "America/North_Dakota/Beulah",
        "America/North_Dakota/Center",
        "America/North_Dakota/New_Salem",
        "America/Phoenix",
        "America/Sitka",
        "America/Yakutat",
        "Pacific/Honolulu",
        "America/Indianapolis",
        "America/Louisville",
        "America/Fort_Wayne",
        "America/Knox_IN",
        "Navajo",
    ),  # fmt: skip
    "CA": (
        "America/Atikokan",
        "America/Blanc-Sablon",
        "America/Cambridge_Bay",
        "America/Creston",
        "America/Dawson",
        "America/Dawson_Creek",
        "America/Edmonton",
        "America/Fort_Nelson",
        "America/Glace_Bay",
        "America/Goose_Bay",
        "America/Halifax",
        "America/Inuvik",
        "America/Iqaluit",
        "America/Moncton",
        "America/Rankin_Inlet",
        "America/Regina",
        "America/Resolute",
        "America/St_Johns",
        "America/Swift_Current",
        "America/Toronto",
        "America/Vancouver",
        "America/Whitehorse",
        "America/Winnipeg",
        "America/Montreal",
        "America/Nipigon",
        "America/Thunder_Bay",
        "America/Rainy_River",
        "America/Pangnirtung",
        "America/Yellowknife",
    ),  # fmt: skip
    "AU": ("Antarctica/Macquarie",),
    "NZ": ("Pacific/Auckland", "Pacific/Chatham", "NZ", "NZ-CHAT"),
    "IN": ("Asia/Kolkata", "Asia/Calcutta"),
    "JP": ("Asia/Tokyo", "Japan"),
    "BR": (
        "America/Araguaina",
        "America/Bahia",
        "America/Belem",
        "America/Boa_Vista",
        "America/Campo_Grande",
        "America/Cuiaba",
        "America/Eirunepe",
        "America/Fortaleza",
        "America/Maceio",
        "America/Manaus",
        "America/Noronha",
        "America/Porto_Velho",
        "America/Recife",
        "America/Rio_Branco",
        "America/Santarem",
        "America/Sao_Paulo",
        "America/Porto_Acre",
    ),  # fmt: skip
}
# Whole families of old alias names.
_PREFIXES = {"US/": "US", "Canada/": "CA", "Australia/": "AU", "Brazil/": "BR"}

_COUNTRY_OF_ZONE: dict[str, str] = {
    zone: country for country, zones in _ZONES.items() for zone in zones
}


def country_of_zone(zone: str) -> str:
    """The ISO country code for a zone this module knows, else ""."""
    if zone in _COUNTRY_OF_ZONE:
        return _COUNTRY_OF_ZONE[zone]
    for prefix, country in _PREFIXES.items():
        if zone.startswith(prefix):
            return country
    return ""


def emergency_numbers(zone: str) -> EmergencyNumbers:
    """The emergency numbers to show someone living in this time zone."""
    country = country_of_zone(zone)
    if country in _NUMBERS:
        where, numbers = _NUMBERS[country]
        return EmergencyNumbers(country=country, where=str(where), numbers=numbers)
    return EmergencyNumbers(country="", where="", numbers=(FALLBACK,))
