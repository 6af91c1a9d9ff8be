"""The app's words for the body, feelings and kinds of entry.

These enumerations are the shared vocabulary of forms, charts and exports;
their values are stored and exported, so they never change once released.
"""

from __future__ import annotations

from django.db import models


class Region(models.TextChoices):
    NECK = "neck", "Neck"
    UPPER_BACK = "upper_back", "Upper back (thoracic)"
    BETWEEN_SHOULDER_BLADES = "between_shoulder_blades", "Between the shoulder blades"
    LEFT_SHOULDER_BLADE = "left_shoulder_blade", "Left shoulder blade"
    RIGHT_SHOULDER_BLADE = "right_shoulder_blade", "Right shoulder blade"
    MID_BACK = "mid_back", "Mid back"
    LOWER_BACK = "lower_back", "Lower back (lumbar)"
    SACRUM = "sacrum", "Sacrum"
    LEFT_HIP = "left_hip", "Left hip"
    RIGHT_HIP = "right_hip", "Right hip"
    BUTTOCKS = "buttocks", "Buttocks"
    LEFT_LEG = "left_leg", "Left leg"
    RIGHT_LEG = "right_leg", "Right leg"
    JAW = "jaw", "Jaw"
    SHOULDERS = "shoulders", "Shoulders"
    CHEST = "chest", "Chest"
    BELLY = "belly", "Belly"
    WHOLE_BODY = "whole_body", "Whole body"
    # Added later: ease is often felt first in the limbs and the head.
    HEAD = "head", "Head"
    LEFT_ARM = "left_arm", "Left arm"
    RIGHT_ARM = "right_arm", "Right arm"
    LEFT_HAND = "left_hand", "Left hand"
    RIGHT_HAND = "right_hand", "Right hand"
    LEFT_KNEE = "left_knee", "Left knee"
    RIGHT_KNEE = "right_knee", "Right knee"
    LEFT_FOOT = "left_foot", "Left foot"
    RIGHT_FOOT = "right_foot", "Right foot"


class Quality(models.TextChoices):
    TIGHT = "tight", "Tight"
    ACHING = "aching", "Aching"
    BURNING = "burning", "Burning"
    SHARP = "sharp", "Sharp"
    PULSING = "pulsing", "Pulsing"
    THROBBING = "throbbing", "Throbbing"
    TINGLING = "tingling", "Tingling"
    NUMB = "numb", "Numb"
    HEAVY = "heavy", "Heavy"
    TIGHT_BUT_NUMB = "tight_but_numb", "Tight but numb"
    WARM = "warm", "Warm"
    COOL = "cool", "Cool"
    SOFT = "soft", "Soft"
    SPACIOUS = "spacious", "Spacious"
    AT_EASE = "at_ease", "At ease"
    LENGTHENING = "lengthening", "Lengthening"
    BUZZING = "buzzing", "Buzzing"


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
    UNPLEASANT = "unpleasant", "Unpleasant"
    NEUTRAL = "neutral", "Neutral"
    PLEASANT = "pleasant", "Pleasant"


class Emotion(models.TextChoices):
    CALM = "calm", "Calm"
    GRATEFUL = "grateful", "Grateful"
    HOPEFUL = "hopeful", "Hopeful"
    CONTENT = "content", "Content"
    TIRED = "tired", "Tired"
    ANXIOUS = "anxious", "Anxious"
    ANGRY = "angry", "Angry"
    SAD = "sad", "Sad"
    FRUSTRATED = "frustrated", "Frustrated"
    ASHAMED = "ashamed", "Ashamed"
    LONELY = "lonely", "Lonely"
    OVERWHELMED = "overwhelmed", "Overwhelmed"


class EntryKind(models.TextChoices):
    CHECK_IN = "check_in", "Check-in"
    FREE = "free", "Free reflection"
    POST_PRACTICE = "post_practice", "Post-practice reflection"
    EXPRESSIVE = "expressive", "Expressive writing"
    REFRAME = "reframe", "Belief reframe"


class SleepQuality(models.IntegerChoices):
    VERY_POOR = 1, "Very poor"
    POOR = 2, "Poor"
    OKAY = 3, "Okay"
    GOOD = 4, "Good"
    VERY_GOOD = 5, "Very good"


class RedFlag(models.TextChoices):
    BLADDER_BOWEL = "bladder_bowel", "New loss of bladder or bowel control"
    LEG_WEAKNESS = "leg_weakness", "Numbness or weakness in the legs that is getting worse"
    FEVER_WEIGHT = "fever_weight", "Fever, or weight loss you cannot explain"
    NIGHT_PAIN = "night_pain", "Severe pain that does not ease and is worse at night"


class Weekday(models.IntegerChoices):
    MONDAY = 0, "Monday"
    TUESDAY = 1, "Tuesday"
    WEDNESDAY = 2, "Wednesday"
    THURSDAY = 3, "Thursday"
    FRIDAY = 4, "Friday"
    SATURDAY = 5, "Saturday"
    SUNDAY = 6, "Sunday"


# One label map per enumeration, for code that turns stored values into words.
REGION_LABELS: dict[str, str] = dict(Region.choices)
QUALITY_LABELS: dict[str, str] = dict(Quality.choices)
FEEL_LABELS: dict[str, str] = dict(Feel.choices)
EMOTION_LABELS: dict[str, str] = dict(Emotion.choices)
ENTRY_KIND_LABELS: dict[str, str] = dict(EntryKind.choices)
SLEEP_QUALITY_LABELS: dict[int, str] = dict(SleepQuality.choices)
RED_FLAG_LABELS: dict[str, str] = dict(RedFlag.choices)
WEEKDAY_LABELS: dict[int, str] = dict(Weekday.choices)


def suggested_feel(quality: str) -> str:
    """The feel a quality usually has; only a suggestion, the person may choose another."""
    if quality in EASE_QUALITIES:
        return Feel.PLEASANT.value
    if quality in PAIN_QUALITIES:
        return Feel.UNPLEASANT.value
    return Feel.NEUTRAL.value
