"""The built-in practice catalog shipped with the app.

Data migrations call `sync_catalog` so every database, tests included, has the
same catalog; a later change to this text ships with a migration that calls it
again.
"""

from __future__ import annotations

from typing import Any, TypedDict


class CatalogPractice(TypedDict):
    slug: str
    name: str
    category: str
    default_minutes: int
    summary: str
    steps: list[str]


CATALOG: list[CatalogPractice] = [
    {
        "slug": "body-scan",
        "name": "Body scan",
        "category": "awareness",
        "default_minutes": 10,
        "summary": (
            "Move your attention slowly through the body, from the feet upwards, "
            "and notice what is there without trying to change it."
        ),
        "steps": [
            "Lie down or sit supported. Let your eyes close or rest your gaze on the floor.",
            "Start at your feet. Notice temperature, contact, pressure, or nothing at all.",
            "Move up through the legs, hips and pelvis, a little at a time.",
            "Linger at the lower and mid back. Name what you find: tight, warm, heavy, soft.",
            "Continue through the shoulders, neck, jaw and face.",
            "Finish with the whole body at once, breathing as it wants to.",
        ],
    },
    {
        "slug": "somatic-tracking",
        "name": "Somatic tracking",
        "category": "awareness",
        "default_minutes": 5,
        "summary": (
            "Watch a sensation with curiosity and a sense of safety, as information "
            "rather than a threat, and notice how it shifts."
        ),
        "steps": [
            "Find a comfortable position and take two slow breaths.",
            "Bring gentle attention to one sensation, such as an ache in the lower back.",
            "Describe it to yourself: size, edges, temperature, movement.",
            "Remind yourself that you are safe right now; this is a signal, not damage.",
            "Notice any change, however small: spreading, softening, pulsing.",
            "If it gets too much, move attention to a neutral place, then come back.",
        ],
    },
    {
        "slug": "breath-anchoring",
        "name": "Breath anchoring",
        "category": "breath",
        "default_minutes": 5,
        "summary": (
            "Use the feel of the breath in one place as a steady anchor to return to "
            "whenever attention is pulled towards pain or worry."
        ),
        "steps": [
            "Choose an anchor: the nostrils, the chest, or the belly rising and falling.",
            "Rest your attention there for a few breaths.",
            "When the mind wanders to pain or plans, notice where it went.",
            "Kindly come back to the anchor, as many times as needed.",
            "Before you finish, notice how the back feels now.",
        ],
    },
    {
        "slug": "pendulation",
        "name": "Pendulation",
        "category": "awareness",
        "default_minutes": 8,
        "summary": (
            "Let attention swing between a place of discomfort and a place of ease, "
            "so the nervous system learns it can move through tension and back."
        ),
        "steps": [
            "Find a place in the body that feels neutral or pleasant: hands, feet, belly.",
            "Stay there for a few breaths and let the ease register.",
            "Move attention to the uncomfortable area, briefly and gently.",
            "Return to the place of ease.",
            "Swing back and forth at your own pace, a few times.",
            "End on the place of ease.",
        ],
    },
    {
        "slug": "micro-movement-mapping",
        "name": "Micro-movement mapping",
        "category": "movement",
        "default_minutes": 10,
        "summary": (
            "Make very small, slow movements and map where they are felt, building a "
            "finer picture of the back than pain alone gives."
        ),
        "steps": [
            "Sit or lie comfortably.",
            "Tilt the pelvis a few millimetres forward and back. Notice where it is felt.",
            "Try a tiny side-to-side shift, then a small rotation.",
            "Note which movements feel easy and which feel guarded.",
            "Stay well within comfort; smaller is better.",
            "Rest and notice the back as a whole.",
        ],
    },
    {
        "slug": "interoceptive-journaling",
        "name": "Interoceptive journaling",
        "category": "writing",
        "default_minutes": 10,
        "summary": (
            "Write down what you feel inside the body, including calm and pleasant "
            "sensations, to see patterns between mood, stress and pain."
        ),
        "steps": [
            "Pause and take three breaths.",
            "Write where you notice sensation right now, and what it is like.",
            "Add what happened today: stress, sleep, people, events.",
            "Write one place that feels at ease, however small.",
            "Read it back without judging it.",
        ],
    },
    {
        "slug": "expressive-writing",
        "name": "Expressive writing",
        "category": "writing",
        "default_minutes": 15,
        "summary": (
            "Write without stopping or editing about what weighs on you. No one else "
            "reads it; the point is to let it out, not to write well."
        ),
        "steps": [
            "Set the timer and start writing about what is on your mind.",
            "Keep the pen (or keys) moving. Do not correct or censor.",
            "If you get stuck, write 'I don't know what to write' until something comes.",
            "Let feelings such as anger, grief or fear onto the page.",
            "When the timer ends, stop. Notice how the body feels.",
        ],
    },
    {
        "slug": "mindful-breathing",
        "name": "Mindfulness: breath-focused meditation",
        "category": "meditation",
        "default_minutes": 10,
        "summary": (
            "Sit with the breath and whatever arises, letting thoughts and sensations "
            "come and go, which calms the stress response over time."
        ),
        "steps": [
            "Sit upright but relaxed, supported if you need it.",
            "Follow the breath in and out without controlling it.",
            "Label thoughts lightly, 'thinking', and return to the breath.",
            "Let sensations in the back be there alongside the breath.",
            "Close with a few deeper breaths and open your eyes.",
        ],
    },
    {
        "slug": "guided-visualisation",
        "name": "Guided visualisation",
        "category": "meditation",
        "default_minutes": 10,
        "summary": (
            "Picture warmth, space or softness in the back, giving the brain a "
            "different story to tell about the signals it receives."
        ),
        "steps": [
            "Settle and take a few slow breaths.",
            "Picture a place where you feel safe, with as much detail as you like.",
            "Imagine warmth or light spreading through the lower back.",
            "Picture the spine lengthening and the muscles around it softening.",
            "Stay with the image, then slowly return to the room.",
        ],
    },
    {
        "slug": "vagus-nerve-activation",
        "name": "Vagus-nerve activation",
        "category": "breath",
        "default_minutes": 5,
        "summary": (
            "Signal safety to the nervous system through a long exhale, humming, cool "
            "water on the face, or laughter."
        ),
        "steps": [
            "Breathe in for a count of four and out for a count of eight, several times.",
            "Hum on the out-breath and feel the vibration in the chest and throat.",
            "If you like, splash cool water on your face or hold something cool.",
            "Let a smile or laugh happen if it comes; it counts.",
            "Notice any change in the shoulders, jaw and back.",
        ],
    },
    {
        "slug": "gentle-yoga",
        "name": "Gentle yoga",
        "category": "movement",
        "default_minutes": 20,
        "summary": (
            "Slow, supported postures moved with the breath, focusing on how each one "
            "feels from the inside rather than how far you go."
        ),
        "steps": [
            "Start lying down with knees bent; breathe into the belly.",
            "Move between cat and cow on hands and knees, slowly.",
            "Rest in child's pose, supported with cushions if needed.",
            "Try a gentle supine twist on each side.",
            "End in a comfortable resting position for a few minutes.",
        ],
    },
    {
        "slug": "pilates",
        "name": "Pilates",
        "category": "movement",
        "default_minutes": 20,
        "summary": (
            "Controlled movements that build deep core support, done with attention "
            "to breath and alignment."
        ),
        "steps": [
            "Lie on your back with knees bent and find a neutral spine.",
            "Breathe wide into the ribs; on the out-breath, gently draw the belly in.",
            "Add slow heel slides, one leg at a time.",
            "Try small pelvic curls, rolling up and down through the spine.",
            "Rest and notice the support around the lower back.",
        ],
    },
    {
        "slug": "feldenkrais",
        "name": "Feldenkrais",
        "category": "movement",
        "default_minutes": 15,
        "summary": (
            "Easy, exploratory movements that invite the nervous system to find new, "
            "more comfortable ways to move."
        ),
        "steps": [
            "Lie on your back and notice how the body meets the floor.",
            "Slowly let both knees tip to one side, then back, a little at a time.",
            "Notice what else moves: the ribs, the head, the breath.",
            "Repeat to the other side, comparing without judging.",
            "Rest and scan again: has the contact with the floor changed?",
        ],
    },
    {
        "slug": "morning-check-in",
        "name": "Morning check-in",
        "category": "check_in",
        "default_minutes": 3,
        "summary": (
            "A short moment at the start of the day to notice how you slept, how the "
            "body feels and what the day may bring."
        ),
        "steps": [
            "Before getting up, take three slow breaths.",
            "Notice how the back feels, and one place that feels neutral or good.",
            "Note how you slept and how stressed you feel, 0 to 10.",
            "Name an emotion or two, without needing to change them.",
            "Choose one kind thing to do for your body today.",
        ],
    },
]


def sync_catalog(apps: Any, schema_editor: Any = None) -> None:
    """Create or update the built-in practices; used by data migrations."""
    practice_model = apps.get_model("practices", "Practice")
    for item in CATALOG:
        practice_model.objects.update_or_create(
            user=None,
            slug=item["slug"],
            defaults={
                "name": item["name"],
                "category": item["category"],
                "default_minutes": item["default_minutes"],
                "summary": item["summary"],
                "steps": item["steps"],
            },
        )
