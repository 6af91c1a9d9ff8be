"""The built-in practice catalog shipped with the app.

Data migrations call `sync_catalog` so every database, tests included, has the
same catalog; a later change to this text ships with a migration that calls it
again. Each practice's steps and spoken cues are its script (scripts_stillness,
scripts_moving); the steps shown on the page are the script's step texts.
"""

from __future__ import annotations

from typing import Any, TypedDict

from practices import catalog_translations
from practices import scripts_moving as moving
from practices import scripts_stillness as stillness
from practices.script_types import Step


class CatalogPractice(TypedDict):
    slug: str
    name: str
    category: str
    default_minutes: int
    summary: str
    script: list[Step]


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
        "script": stillness.BODY_SCAN,
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
        "script": stillness.SOMATIC_TRACKING,
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
        "script": stillness.BREATH_ANCHORING,
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
        "script": stillness.PENDULATION,
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
        "script": moving.MICRO_MOVEMENT,
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
        "script": moving.INTEROCEPTIVE_JOURNALING,
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
        "script": moving.EXPRESSIVE_WRITING,
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
        "script": stillness.MINDFUL_BREATHING,
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
        "script": stillness.GUIDED_VISUALISATION,
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
        "script": stillness.VAGUS_NERVE,
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
        "script": moving.GENTLE_YOGA,
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
        "script": moving.PILATES,
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
        "script": moving.FELDENKRAIS,
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
        "script": moving.MORNING_CHECK_IN,
    },
]


def steps_of(item: CatalogPractice) -> list[str]:
    return [part["text"] for part in item["script"]]


def translations_of(item: CatalogPractice) -> dict[str, Any]:
    """Every shipped language's words for one practice (practices/catalog_i18n/)."""
    found = {}
    for language in catalog_translations.languages():
        words = catalog_translations.translate(item, language)
        if words is not None:
            found[language] = words
    return found


def sync_catalog(apps: Any, schema_editor: Any = None) -> None:
    """Create or update the built-in practices; used by data migrations.

    An older migration's model may not have the `guidance` or `translations` field
    yet: then only the fields it has are written.
    """
    practice_model = apps.get_model("practices", "Practice")
    fields = {f.name for f in practice_model._meta.get_fields()}
    has_guidance = "guidance" in fields
    for item in CATALOG:
        defaults: dict[str, Any] = {
            "name": item["name"],
            "category": item["category"],
            "default_minutes": item["default_minutes"],
            "summary": item["summary"],
            "steps": steps_of(item),
        }
        if has_guidance:
            defaults["guidance"] = {"steps": item["script"]}
        if "translations" in fields:
            defaults["translations"] = translations_of(item)
        practice_model.objects.update_or_create(user=None, slug=item["slug"], defaults=defaults)
