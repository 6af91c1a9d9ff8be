"""The demo's planted patterns and the words it writes."""

from __future__ import annotations

from journal.core.vocabulary import Quality, Region

# Mean change in pain from before to after, per practice; the planted "what helped".
PRACTICE_EFFECT: dict[str, float] = {
    "somatic-tracking": -2.3,
    "pendulation": -2.0,
    "body-scan": -1.4,
    "breath-anchoring": -1.2,
    "vagus-nerve-activation": -1.1,
    "mindful-breathing": -1.0,
    "feldenkrais": -0.9,
    "expressive-writing": -0.8,
    "gentle-yoga": -0.3,
    "pilates": -0.3,
}

# How often each practice is chosen (gentle yoga often, so its weak effect is well measured).
PRACTICE_WEIGHT: dict[str, int] = {
    "somatic-tracking": 5,
    "pendulation": 4,
    "body-scan": 4,
    "breath-anchoring": 3,
    "vagus-nerve-activation": 2,
    "mindful-breathing": 2,
    "feldenkrais": 1,
    "expressive-writing": 1,
    "gentle-yoga": 5,
    "pilates": 2,
}

DEADLINE = "work deadline"

LONG_DRIVE = "long drive"

SAID_NO = "said no"

FAMILY = "family visit"

WALK = "walk outside"

TAG_NAMES = (DEADLINE, LONG_DRIVE, SAID_NO, FAMILY, WALK)

UNPLEASANT_REGIONS = [
    (Region.LOWER_BACK, 10),
    (Region.SACRUM, 3),
    (Region.MID_BACK, 3),
    (Region.BETWEEN_SHOULDER_BLADES, 3),
    (Region.NECK, 4),
    (Region.SHOULDERS, 4),
    (Region.JAW, 2),
    (Region.LEFT_HIP, 2),
    (Region.RIGHT_HIP, 1),
    (Region.BUTTOCKS, 1),
    (Region.LEFT_LEG, 1),
    (Region.UPPER_BACK, 2),
]

EASE_REGIONS = [
    (Region.BELLY, 4),
    (Region.CHEST, 4),
    (Region.SHOULDERS, 2),
    (Region.LOWER_BACK, 3),
    (Region.WHOLE_BODY, 2),
    (Region.LEFT_LEG, 1),
    (Region.RIGHT_LEG, 1),
    (Region.NECK, 1),
]

UNPLEASANT_QUALITIES = [
    (Quality.TIGHT, 8),
    (Quality.ACHING, 7),
    (Quality.HEAVY, 3),
    (Quality.BURNING, 2),
    (Quality.SHARP, 2),
    (Quality.THROBBING, 2),
    (Quality.TIGHT_BUT_NUMB, 1),
]

NEUTRAL_QUALITIES = [(Quality.TINGLING, 3), (Quality.PULSING, 3), (Quality.BUZZING, 2),
                     (Quality.COOL, 2), (Quality.NUMB, 1)]  # fmt: skip

PLEASANT_QUALITIES = [(Quality.WARM, 4), (Quality.SOFT, 4), (Quality.SPACIOUS, 3),
                      (Quality.AT_EASE, 3), (Quality.LENGTHENING, 2)]  # fmt: skip

CHECK_IN_NOTES = [
    "Slept badly, woke stiff.",
    "Back felt looser after getting up slowly.",
    "Heavy morning, but it eased with coffee and a short walk.",
    "Noticed I was bracing while brushing my teeth.",
    "A good morning. Nothing much to report.",
    "Woke up worrying about the week.",
    "Jaw clenched again on waking.",
    "Tight in the lower back, softer once I moved.",
]

REFLECTIONS = [
    "My breath slowed down by itself halfway through.",
    "The ache moved from the left side to the middle, then faded a little.",
    "Found ease in my belly while the back stayed tight. Both were there at once.",
    "Hard to settle today. I stayed with the tightness for a few breaths anyway.",
    "The sensation was smaller than I expected when I looked at it closely.",
    "Warmth spread across my shoulders near the end.",
    "I noticed I was holding my breath whenever the pain came up.",
    "Moving attention to my hands and back again made the back feel less loud.",
]

EXPRESSIVE = [
    "I am tired of planning every day around my back. Writing it down, it is more anger "
    "than pain today: anger that I have to be careful all the time.",
    "Thinking about last year. I never let myself be sad about losing the running.",
    "Work has been relentless and I keep saying yes. My shoulders know it before I do.",
    "Something about my father's voice on the phone made everything tighten.",
]

BELIEFS = [
    ("If it hurts, I am damaging my spine.",
     "Pain is a signal my nervous system sends; it can be loud without damage."),
    ("I will never be able to lift my kids again.",
     "Some days are harder, and I have lifted more this month than last."),
    ("Sitting is dangerous for my back.",
     "I can sit, shift and move; my back is strong and adaptable."),
]  # fmt: skip

FREE_NOTES = [
    "Walked to the park and back without thinking about my back until I got home.",
    "Said no to an extra project. Felt guilty, then lighter.",
    "Long day with the family. Tired but happy.",
    "Noticed I brace my belly whenever the phone rings.",
]
