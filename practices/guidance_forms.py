"""Forms for a person's voice and sound settings, and the run page's quick switch."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from practices.models import GuidanceSettings, SoundMode

RATE_CHOICES = [
    (70, _("Slow")),
    (85, _("Calm (the usual)")),
    (100, _("Ordinary")),
    (115, _("A little quicker")),
]
INTERVAL_CHOICES = [
    (0, _("No interval bells")),
    (1, _("Every minute")),
    (2, _("Every 2 minutes")),
    (3, _("Every 3 minutes")),
    (5, _("Every 5 minutes")),
    (10, _("Every 10 minutes")),
]
SETTLING_CHOICES = [
    (0, _("Begin straight away")),
    (10, _("10 seconds")),
    (30, _("30 seconds")),
    (60, _("1 minute")),
]


def _typed(choices: list[tuple[int, Any]], label: Any, help_text: Any = "") -> forms.Field:
    return forms.TypedChoiceField(
        choices=choices, coerce=int, label=label, help_text=help_text, widget=forms.RadioSelect
    )


# Short words for the run page's switch, where three must fit in one row on a phone.
SWITCH_CHOICES = [
    (SoundMode.SPEAK, _("Voice and chimes")),
    (SoundMode.CHIMES, _("Chimes only")),
    (SoundMode.SILENT, _("Silent")),
]


class SoundModeForm(forms.Form):
    sound = forms.ChoiceField(choices=SWITCH_CHOICES, label=_("Sound"), widget=forms.RadioSelect)


class GuidanceSettingsForm(forms.Form):
    sound = forms.ChoiceField(choices=SoundMode.choices, label=_("Sound"), widget=forms.RadioSelect)
    # The voices are the device's own; the page lists them. Any name is accepted: a voice
    # chosen on one device may be missing on another, which then uses the page's language.
    voice = forms.CharField(
        required=False,
        max_length=200,
        label=_("Voice"),
        help_text=_(
            "Voices come with your device. Where the chosen one is missing, "
            "another voice in your language is used."
        ),
        widget=forms.Select(choices=[("", _("A voice for this page's language"))]),
    )
    rate_percent = _typed(RATE_CHOICES, _("Speaking pace"))
    interval_minutes = _typed(
        INTERVAL_CHOICES,
        _("Interval bells"),
        _("A soft bell now and then, handy for practising in silence."),
    )
    settling_seconds = _typed(
        SETTLING_CHOICES,
        _("Time to settle before the start bell"),
    )

    def __init__(self, *args: Any, chosen: GuidanceSettings | None = None, **kwargs: Any) -> None:
        instance = chosen if chosen is not None else GuidanceSettings()
        kwargs.setdefault(
            "initial",
            {
                "sound": instance.sound,
                "voice": instance.voice,
                "rate_percent": instance.rate_percent,
                "interval_minutes": instance.interval_minutes,
                "settling_seconds": instance.settling_seconds,
            },
        )
        super().__init__(*args, **kwargs)
        if instance.voice:
            # Keep the saved voice selectable even where this device lacks it.
            widget: Any = self.fields["voice"].widget
            widget.choices = [*widget.choices, (instance.voice, instance.voice)]
        if instance.rate_percent not in dict(RATE_CHOICES):
            self.initial["rate_percent"] = 85


class TimerActionForm(forms.Form):
    action = forms.ChoiceField(choices=[(a, a) for a in ("begin", "pause", "resume", "add_minute")])
