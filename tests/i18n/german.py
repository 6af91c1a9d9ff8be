"""Helpers for the per-capability German tests: a person who reads German, and the number of
queries a page costs in English, to hold the German page to."""

from __future__ import annotations

from django.contrib.auth.models import User
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from journal.models import Profile


def make_german(user: User) -> None:
    Profile.objects.filter(user=user).update(language="de")


def english_queries(client: Client, url: str) -> int:
    """The queries of one request for `url`, after a first one has warmed what is cached."""
    client.get(url)
    with CaptureQueriesContext(connection) as english:
        client.get(url)
    return len(english)  # read now: each request clears the connection's query log
