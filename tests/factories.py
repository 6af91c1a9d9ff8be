"""factory_boy factories for the journal's models."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import factory
from django.contrib.auth import get_user_model
from django.utils import timezone

from journal.core.vocabulary import EntryKind, Feel, Quality, Region
from journal.models import EntryEmotion, JournalEntry, Profile, Sensation, Tag
from practices.models import Practice, PracticeSession, SessionState

PASSWORD = "a calm long password 42"


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()
        django_get_or_create = ("username",)
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"person{n}")
    email = factory.LazyAttribute(lambda u: f"{u.username}@example.org")
    password = factory.PostGenerationMethodCall("set_password", PASSWORD)
    profile = factory.RelatedFactory("tests.factories.ProfileFactory", factory_related_name="user")

    @factory.post_generation
    def _save_password(obj: Any, create: bool, extracted: Any, **kwargs: Any) -> None:  # noqa: N805
        if create:
            obj.save(update_fields=["password"])


class ProfileFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Profile
        django_get_or_create = ("user",)

    user = factory.SubFactory(UserFactory, profile=None)
    time_zone = "UTC"
    week_start = 0


class TagFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Tag

    user = factory.SubFactory(UserFactory)
    name = factory.Sequence(lambda n: f"tag {n}")


def builtin_practice(slug: str = "body-scan") -> Practice:
    return Practice.objects.get(user=None, slug=slug)


class PracticeFactory(factory.django.DjangoModelFactory):
    """A person's own practice (the built-in catalog comes from a migration)."""

    class Meta:
        model = Practice

    user = factory.SubFactory(UserFactory)
    name = factory.Sequence(lambda n: f"My practice {n}")
    slug = factory.Sequence(lambda n: f"my-practice-{n}")
    category = "awareness"
    summary = "A practice of my own."
    steps = factory.LazyFunction(lambda: ["Breathe.", "Notice."])
    default_minutes = 10


class PracticeSessionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = PracticeSession

    user = factory.SubFactory(UserFactory)
    practice = factory.LazyFunction(builtin_practice)
    state = SessionState.FINISHED
    started_at = factory.LazyFunction(lambda: timezone.now() - timedelta(hours=1))
    ended_at = factory.LazyAttribute(lambda s: s.started_at + timedelta(minutes=10))
    planned_minutes = 10
    duration_seconds = 600
    before_pain = 6
    before_tension = 6
    before_safety = 4
    before_connection = 4
    after_pain = 4
    after_tension = 4
    after_safety = 6
    after_connection = 6


class JournalEntryFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = JournalEntry
        skip_postgeneration_save = True

    user = factory.SubFactory(UserFactory)
    kind = EntryKind.FREE
    occurred_at = factory.LazyFunction(timezone.now)
    body = "Noticed my lower back soften after a walk."

    @factory.post_generation
    def tags(obj: Any, create: bool, extracted: Any, **kwargs: Any) -> None:  # noqa: N805
        if create and extracted:
            obj.tags.add(*extracted)

    @factory.post_generation
    def emotions(obj: Any, create: bool, extracted: Any, **kwargs: Any) -> None:  # noqa: N805
        if create and extracted:
            EntryEmotion.objects.bulk_create(
                EntryEmotion(entry=obj, emotion=emotion) for emotion in extracted
            )


class CheckInFactory(JournalEntryFactory):
    kind = EntryKind.CHECK_IN
    body = ""
    pain = 4
    tension = 5
    stress = 5
    sleep_hours = 7
    sleep_quality = 3


class SensationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Sensation

    user = factory.LazyAttribute(lambda s: (s.entry or s.session).user)
    entry = factory.SubFactory(JournalEntryFactory)
    session = None
    occurred_at = factory.LazyAttribute(
        lambda s: s.entry.occurred_at if s.entry else s.session.started_at
    )
    region = Region.LOWER_BACK
    quality = Quality.TIGHT
    intensity = 5
    feel = Feel.UNPLEASANT
