"""Numbers written for a person to read, in the active language's way ("2.5", "2,5").

Numbers for machines (SVG coordinates, attributes, JSON) are written with `str` or `f"{x:g}"`
and never go through here.
"""

from __future__ import annotations

from django.utils import formats


def decimal_words(value: float | None, places: int = 1) -> str:
    """ "2.5" in English, "2,5" in German; a dash when there is no value."""
    if value is None:
        return "–"
    return formats.number_format(round(value, places), places)
