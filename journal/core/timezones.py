"""Time zones: every IANA name Python knows is valid; the picker offers a short list of the
common ones by region (no legacy aliases such as Asia/Calcutta, no Etc/* or "Factory")."""

from __future__ import annotations

import zoneinfo
from functools import cache

from django.core.exceptions import ValidationError
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

# One or two zones per country or region that most people there use, by IANA region.
COMMON_ZONES: dict[str, tuple[str, ...]] = {
    "Africa": (
        "Africa/Abidjan",
        "Africa/Accra",
        "Africa/Algiers",
        "Africa/Cairo",
        "Africa/Casablanca",
        "Africa/Johannesburg",
        "Africa/Lagos",
        "Africa/Nairobi",
        "Africa/Tunis",
    ),
    "America": (
        "America/Anchorage",
        "America/Argentina/Buenos_Aires",
        "America/Bogota",
        "America/Caracas",
        "America/Chicago",
        "America/Denver",
        "America/Edmonton",
        "America/Halifax",
        "America/Havana",
        "America/Lima",
        "America/Los_Angeles",
        "America/Mexico_City",
        "America/Montevideo",
        "America/New_York",
        "America/Phoenix",
        "America/Puerto_Rico",
        "America/Santiago",
        "America/Sao_Paulo",
        "America/St_Johns",
        "America/Toronto",
        "America/Vancouver",
        "America/Winnipeg",
    ),
    "Asia": (
        "Asia/Almaty",
        "Asia/Bangkok",
        "Asia/Dhaka",
        "Asia/Dubai",
        "Asia/Ho_Chi_Minh",
        "Asia/Hong_Kong",
        "Asia/Jakarta",
        "Asia/Jerusalem",
        "Asia/Karachi",
        "Asia/Kathmandu",
        "Asia/Kolkata",
        "Asia/Kuala_Lumpur",
        "Asia/Manila",
        "Asia/Riyadh",
        "Asia/Seoul",
        "Asia/Shanghai",
        "Asia/Singapore",
        "Asia/Taipei",
        "Asia/Tashkent",
        "Asia/Tehran",
        "Asia/Tokyo",
    ),
    "Atlantic": ("Atlantic/Azores", "Atlantic/Canary", "Atlantic/Reykjavik"),
    "Australia": (
        "Australia/Adelaide",
        "Australia/Brisbane",
        "Australia/Darwin",
        "Australia/Hobart",
        "Australia/Melbourne",
        "Australia/Perth",
        "Australia/Sydney",
    ),
    "Europe": (
        "Europe/Amsterdam",
        "Europe/Athens",
        "Europe/Berlin",
        "Europe/Brussels",
        "Europe/Bucharest",
        "Europe/Copenhagen",
        "Europe/Dublin",
        "Europe/Helsinki",
        "Europe/Istanbul",
        "Europe/Kyiv",
        "Europe/Lisbon",
        "Europe/London",
        "Europe/Madrid",
        "Europe/Moscow",
        "Europe/Oslo",
        "Europe/Paris",
        "Europe/Prague",
        "Europe/Rome",
        "Europe/Stockholm",
        "Europe/Vienna",
        "Europe/Warsaw",
        "Europe/Zurich",
    ),
    "Indian": ("Indian/Mauritius",),
    "Pacific": ("Pacific/Auckland", "Pacific/Fiji", "Pacific/Guam", "Pacific/Honolulu"),
}
REGION_LABELS: dict[str, Promise] = {
    "Africa": _("Africa"),
    "America": _("Americas"),
    "Asia": _("Asia"),
    "Atlantic": _("Atlantic"),
    "Australia": _("Australia"),
    "Europe": _("Europe"),
    "Indian": _("Indian Ocean"),
    "Pacific": _("Pacific"),
}


@cache
def time_zone_names() -> frozenset[str]:
    return frozenset(zoneinfo.available_timezones())


def zone_label(name: str) -> str:
    """ "America/Argentina/Buenos_Aires" -> "Buenos Aires"."""
    return name.rsplit("/", 1)[-1].replace("_", " ")


def time_zone_choices(current: str = "") -> list[tuple[str, list[tuple[str, str]]]]:
    """Grouped choices for a select: the person's current zone first when it is not a common
    one, then the common zones by region, then UTC."""
    known = time_zone_names()
    groups: list[tuple[str, list[tuple[str, str]]]] = []
    common = {name for names in COMMON_ZONES.values() for name in names}
    if current and current in known and current not in common and current != "UTC":
        groups.append((str(_("Your time zone")), [(current, current.replace("_", " "))]))
    for region, names in COMMON_ZONES.items():
        options = sorted(
            ((name, zone_label(name)) for name in names if name in known), key=lambda o: o[1]
        )
        groups.append((str(REGION_LABELS[region]), options))
    groups.append((str(_("Universal")), [("UTC", str(_("UTC (no local time)")))]))
    return groups


def validate_time_zone(value: str) -> None:
    if value not in time_zone_names():
        raise ValidationError(
            _("%(value)s is not a time zone we know. Use a name like Europe/Paris."),
            params={"value": value},
            code="invalid_time_zone",
        )
