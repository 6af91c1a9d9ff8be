from __future__ import annotations

from typing import cast

import pytest
from django.contrib.auth.models import User
from django.test import Client

from tests.factories import PASSWORD, UserFactory


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
