from __future__ import annotations

import importlib

import pytest
from django.db.migrations import RunPython

from practices.catalog import CATALOG, sync_catalog
from practices.models import Practice

PRODUCT_PRACTICES = [
    "body-scan",
    "somatic-tracking",
    "breath-anchoring",
    "pendulation",
    "micro-movement-mapping",
    "interoceptive-journaling",
    "expressive-writing",
    "mindful-breathing",
    "guided-visualisation",
    "vagus-nerve-activation",
    "gentle-yoga",
    "pilates",
    "feldenkrais",
    "morning-check-in",
]


def test_the_data_migration_loads_the_catalog():
    migration = importlib.import_module("practices.migrations.0002_catalog").Migration
    [operation] = [op for op in migration.operations if isinstance(op, RunPython)]
    assert operation.code is sync_catalog


@pytest.mark.django_db
def test_the_database_holds_every_practice_of_the_catalog():
    slugs = set(Practice.objects.built_in().values_list("slug", flat=True))
    assert slugs == set(PRODUCT_PRACTICES)
    assert len(CATALOG) == len(PRODUCT_PRACTICES)


@pytest.mark.django_db
def test_every_built_in_practice_has_guidance_and_a_duration():
    for practice in Practice.objects.built_in():
        assert len(practice.summary) > 40, practice.slug
        assert len(practice.steps) >= 4, practice.slug
        assert 1 <= practice.default_minutes <= 30, practice.slug


@pytest.mark.django_db
def test_expressive_writing_defaults_to_fifteen_minutes():
    assert Practice.objects.get(slug="expressive-writing", user=None).default_minutes == 15


@pytest.mark.django_db
def test_syncing_the_catalog_again_changes_nothing():
    from django.apps import apps

    before = list(Practice.objects.built_in().values("slug", "name", "summary", "steps"))
    sync_catalog(apps)
    after = list(Practice.objects.built_in().values("slug", "name", "summary", "steps"))
    assert before == after
