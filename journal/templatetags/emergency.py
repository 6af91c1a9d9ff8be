"""`{% emergency_numbers as numbers %}`: the emergency numbers for the active time zone."""

from __future__ import annotations

from django import template
from django.utils import timezone

from journal.core.emergency import EmergencyNumbers, emergency_numbers

register = template.Library()


@register.simple_tag
def emergency_numbers_here() -> EmergencyNumbers:
    # PersonTimeZoneMiddleware has made the signed-in person's zone the active one.
    return emergency_numbers(timezone.get_current_timezone_name())
