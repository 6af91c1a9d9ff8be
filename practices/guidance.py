"""Reads for guided practice: the script a session follows, and a person's sound settings."""

from __future__ import annotations

from typing import Any

from django.contrib.auth.models import User
from django.utils.translation import get_language, to_locale
from django.utils.translation import gettext as _

from practices import timing
from practices.models import GuidanceSettings, Practice, PracticeSession
from practices.script_types import Step, speaking_seconds


def script_steps(practice: Practice) -> list[Step]:
    """The practice's script in the active language; an own practice is spoken from its steps,
    shared out evenly."""
    scripted: list[Step] = practice.display_script
    if scripted:
        return scripted
    texts = [str(text) for text in practice.display_steps]
    if not texts:
        return []
    length = practice.default_minutes * 60
    each = length // len(texts)
    steps: list[Step] = []
    for i, text in enumerate(texts):
        seconds = each if i < len(texts) - 1 else length - each * (len(texts) - 1)
        silence = max(0, seconds - speaking_seconds(text))
        steps.append(
            {
                "text": text,
                "seconds": seconds,
                "cues": [{"at": 0, "text": text, "silence": silence}],
            }
        )
    return steps


def schedule(practice: Practice, total_seconds: int) -> list[dict[str, Any]]:
    """Steps and cues at seconds from the start, stretched or shortened to the planned time."""
    steps = script_steps(practice)
    length = sum(step["seconds"] for step in steps)
    if not steps or length <= 0:
        return []
    scale = total_seconds / length
    out: list[dict[str, Any]] = []
    start = 0.0
    for step in steps:
        end = start + step["seconds"] * scale
        cues = [
            {"at": round(start + cue["at"] * scale, 1), "text": cue["text"]} for cue in step["cues"]
        ]
        out.append({"text": step["text"], "start": round(start, 1), "cues": cues})
        start = end
    return out


def settings_for(user: User) -> GuidanceSettings:
    """The person's settings, or the defaults (not saved) if they never changed them."""
    found = GuidanceSettings.objects.filter(user=user).first()
    return found if found is not None else GuidanceSettings(user=user)


def timer_state(session: PracticeSession) -> timing.TimerState:
    return timing.timer_state(
        session.timer_intervals,
        planned_minutes=session.planned_minutes,
        added_minutes=session.added_minutes,
        at=timing.now(),
    )


def page_words() -> dict[str, str]:
    """What the run page's script says on screen, in the page's language."""
    return {
        "ready": _("Ready when you are"),
        "settling": _("Settling in. The bell will mark the start."),
        "running": _("Practising"),
        "paused": _("Paused"),
        "done": _("Time is up"),
        "begin": _("Begin"),
        "pause": _("Pause"),
        "resume": _("Resume"),
        "resumed": _("Resumed."),
        "paused_say": _("Paused. Resume whenever you like."),
        "begun": _("Begun."),
        "added": _("One more minute added."),
        "ended": _("Time is up. Take your time coming back, then say how you are now."),
        "no_voice": _(
            "This browser has no voice to speak the guidance, so you will hear the chimes only."
        ),
        "tap_sound": _("Sound is off until you tap the screen once."),
        "offline": _("The connection dropped; the timer keeps going here and will catch up."),
    }


def language_tag(language: str | None = None) -> str:
    """The page language as a BCP-47 tag for speech ("de", "pt-BR", "en-GB")."""
    return to_locale(language or get_language() or "en").replace("_", "-")


def run_config(
    *, session: PracticeSession, chosen: GuidanceSettings, timer_url: str, language: str
) -> dict[str, Any]:
    """Everything the run page's script needs, given to it as JSON in the page."""
    state = timer_state(session)
    return {
        "steps": schedule(session.practice, session.planned_minutes * 60),
        "timer_url": timer_url,
        "timer": state.as_json(),
        "sound": chosen.sound,
        "voice": chosen.voice,
        "rate": chosen.rate_percent / 100,
        "interval_minutes": chosen.interval_minutes,
        "settling_seconds": chosen.settling_seconds,
        "lang": language_tag(language),
        "words": page_words(),
    }
