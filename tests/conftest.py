from __future__ import annotations

from collections.abc import Iterator
from typing import cast

import pytest
from django.conf import settings
from django.contrib.auth.models import User
from django.test import Client
from django.utils import translation

from tests.factories import PASSWORD, UserFactory


@pytest.fixture(autouse=True)
def _practice_catalog(request: pytest.FixtureRequest) -> None:
    """Tests with real transactions end by emptying every table, the catalog that the data
    migration loaded included; put it back before each test that uses the database, so
    tests do not depend on the order they run in."""
    if request.node.get_closest_marker("django_db") is None and not {
        "db",
        "transactional_db",
    } & set(request.fixturenames):
        return
    request.getfixturevalue("_django_db_helper")
    from django.apps import apps

    from practices.catalog import sync_catalog
    from practices.models import Practice

    if not Practice.objects.built_in().exists():
        sync_catalog(apps)


@pytest.fixture(autouse=True)
def _site_language() -> Iterator[None]:
    """Each test starts in the site's language: a German request earlier in the same thread
    leaves German active, and code called directly would then speak it."""
    translation.activate(settings.LANGUAGE_CODE)
    yield
    translation.activate(settings.LANGUAGE_CODE)


@pytest.fixture
def password() -> str:
    return PASSWORD


@pytest.fixture
def alice(db: None) -> User:
    """The owner of the data under test."""
    return cast(User, UserFactory(username="alice", profile__time_zone="Europe/London"))


@pytest.fixture
def bob(db: None) -> User:
    """Another person, who must never see alice's data."""
    return cast(User, UserFactory(username="bob"))


@pytest.fixture
def alice_client(client: Client, alice: User) -> Client:
    client.force_login(alice, backend="django.contrib.auth.backends.ModelBackend")
    return client


@pytest.fixture
def bob_client(bob: User) -> Client:
    other = Client()
    other.force_login(bob, backend="django.contrib.auth.backends.ModelBackend")
    return other
