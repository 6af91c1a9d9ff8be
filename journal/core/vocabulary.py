"""The app's words for the body, feelings and kinds of entry.

These enumerations are the shared vocabulary of forms, charts and exports;
their values are stored and exported, so they never change once released.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from typing import Any, TypeVar

from django.db import models
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

K = TypeVar("K")


class Region(models.TextChoices):
    NECK = "neck", _("Neck")
    UPPER_BACK = "upper_back", _("Upper back (thoracic)")
    BETWEEN_SHOULDER_BLADES = "between_shoulder_blades", _("Between the shoulder blades")
    LEFT_SHOULDER_BLADE = "left_shoulder_blade", _("Left shoulder blade")
    RIGHT_SHOULDER_BLADE = "right_shoulder_blade", _("Right shoulder blade")
    MID_BACK = "mid_back", _("Mid back")
    LOWER_BACK = "lower_back", _("Lower back (lumbar)")
    SACRUM = "sacrum", _("Sacrum")
    LEFT_HIP = "left_hip", _("Left hip")
    RIGHT_HIP = "right_hip", _("Right hip")
    BUTTOCKS = "buttocks", _("Buttocks")
    LEFT_LEG = "left_leg", _("Left leg")
    RIGHT_LEG = "right_leg", _("Right leg")
    JAW = "jaw", _("Jaw")
    SHOULDERS = "shoulders", _("Shoulders")
    CHEST = "chest", _("Chest")
    BELLY = "belly", _("Belly")
    WHOLE_BODY = "whole_body", _("Whole body")
    # Added later: ease is often felt first in the limbs and the head.
    HEAD = "head", _("Head")
    LEFT_ARM = "left_arm", _("Left arm")
    RIGHT_ARM = "right_arm", _("Right arm")
    LEFT_HAND = "left_hand", _("Left hand")
    RIGHT_HAND = "right_hand", _("Right hand")
    LEFT_KNEE = "left_knee", _("Left knee")
    RIGHT_KNEE = "right_knee", _("Right knee")
    LEFT_FOOT = "left_foot", _("Left foot")
    RIGHT_FOOT = "right_foot", _("Right foot")


class Quality(models.TextChoices):
    TIGHT = "tight", _("Tight")
    ACHING = "aching", _("Aching")
    BURNING = "burning", _("Burning")
    SHARP = "sharp", _("Sharp")
    PULSING = "pulsing", _("Pulsing")
    THROBBING = "throbbing", _("Throbbing")
    TINGLING = "tingling", _("Tingling")
    NUMB = "numb", _("Numb")
    HEAVY = "heavy", _("Heavy")
    TIGHT_BUT_NUMB = "tight_but_numb", _("Tight but numb")
    WARM = "warm", _("Warm")
    COOL = "cool", _("Cool")
    SOFT = "soft", _("Soft")
    SPACIOUS = "spacious", _("Spacious")
    AT_EASE = "at_ease", _("At ease")
    LENGTHENING = "lengthening", _("Lengthening")
    BUZZING = "buzzing", _("Buzzing")


# Qualities that usually describe ease rather than discomfort; used to suggest a feel.
EASE_QUALITIES = frozenset(
    {Quality.WARM, Quality.SOFT, Quality.SPACIOUS, Quality.AT_EASE, Quality.LENGTHENING}
)
# Qualities that usually describe discomfort; the rest (pulsing, tingling, cool, buzzing)
# suggest neutral.
PAIN_QUALITIES = frozenset(
    {
        Quality.TIGHT,
        Quality.ACHING,
        Quality.BURNING,
        Quality.SHARP,
        Quality.THROBBING,
        Quality.NUMB,
        Quality.HEAVY,
        Quality.TIGHT_BUT_NUMB,
    }
)


class Feel(models.TextChoices):
    UNPLEASANT = "unpleasant", _("Unpleasant")
    NEUTRAL = "neutral", _("Neutral")
    PLEASANT = "pleasant", _("Pleasant")


class Emotion(models.TextChoices):
    CALM = "calm", _("Calm")
    GRATEFUL = "grateful", _("Grateful")
    HOPEFUL = "hopeful", _("Hopeful")
    CONTENT = "content", _("Content")
    TIRED = "tired", _("Tired")
    ANXIOUS = "anxious", _("Anxious")
    ANGRY = "angry", _("Angry")
    SAD = "sad", _("Sad")
    FRUSTRATED = "frustrated", _("Frustrated")
    ASHAMED = "ashamed", _("Ashamed")
    LONELY = "lonely", _("Lonely")
    OVERWHELMED = "overwhelmed", _("Overwhelmed")


class EntryKind(models.TextChoices):
    CHECK_IN = "check_in", _("Check-in")
    FREE = "free", _("Free reflection")
    POST_PRACTICE = "post_practice", _("Post-practice reflection")
    EXPRESSIVE = "expressive", _("Expressive writing")
    REFRAME = "reframe", _("Belief reframe")


class SleepQuality(models.IntegerChoices):
    VERY_POOR = 1, _("Very poor")
    POOR = 2, _("Poor")
    OKAY = 3, _("Okay")
    GOOD = 4, _("Good")
    VERY_GOOD = 5, _("Very good")


class RedFlag(models.TextChoices):
    BLADDER_BOWEL = "bladder_bowel", _("New loss of bladder or bowel control")
    LEG_WEAKNESS = "leg_weakness", _("Numbness or weakness in the legs that is getting worse")
    FEVER_WEIGHT = "fever_weight", _("Fever, or weight loss you cannot explain")
    NIGHT_PAIN = "night_pain", _("Severe pain that does not ease and is worse at night")


class Weekday(models.IntegerChoices):
    MONDAY = 0, _("Monday")
    TUESDAY = 1, _("Tuesday")
    WEDNESDAY = 2, _("Wednesday")
    THURSDAY = 3, _("Thursday")
    FRIDAY = 4, _("Friday")
    SATURDAY = 5, _("Saturday")
    SUNDAY = 6, _("Sunday")


class LabelMap(Mapping[K, str]):
    """Stored values to their words, in the language active when a label is read."""

    def __init__(self, choices: Iterable[tuple[K, Any]]) -> None:
        self._labels = dict(choices)

    def __getitem__(self, key: K) -> str:
        return str(self._labels[key])

    def __iter__(self) -> Iterator[K]:
        return iter(self._labels)

    def __len__(self) -> int:
        return len(self._labels)


# One label map per enumeration, for code that turns stored values into words.
REGION_LABELS: LabelMap[str] = LabelMap(Region.choices)
QUALITY_LABELS: LabelMap[str] = LabelMap(Quality.choices)
FEEL_LABELS: LabelMap[str] = LabelMap(Feel.choices)
EMOTION_LABELS: LabelMap[str] = LabelMap(Emotion.choices)
ENTRY_KIND_LABELS: LabelMap[str] = LabelMap(EntryKind.choices)
SLEEP_QUALITY_LABELS: LabelMap[int] = LabelMap(SleepQuality.choices)
RED_FLAG_LABELS: LabelMap[str] = LabelMap(RedFlag.choices)
WEEKDAY_LABELS: LabelMap[int] = LabelMap(Weekday.choices)


def suggested_feel(quality: str) -> str:
    """The feel a quality usually has; only a suggestion, the person may choose another."""
    if quality in EASE_QUALITIES:
        return Feel.PLEASANT.value
    if quality in PAIN_QUALITIES:
        return Feel.UNPLEASANT.value
    return Feel.NEUTRAL.value


# Languages whose nouns keep their capital letter inside a sentence.
_CAPITALISED_NOUNS = ("de",)


def mid_sentence(label: str) -> str:
    """A label ("Lower back", "Body scan") as it reads inside a sentence in the active
    language: lower case, except in languages that capitalise nouns (German)."""
    language = (get_language() or "").split("-")[0]
    return label if language in _CAPITALISED_NOUNS else label.lower()
