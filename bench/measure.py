"""Measuring one target: does it exist and work, its queries per request, one wrk run."""

from __future__ import annotations

import argparse
import time
import uuid
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from urllib.parse import urlencode, urlsplit

from django.conf import settings
from django.contrib.auth.models import User
from django.db import connection
from django.http import HttpRequest
from django.middleware.csrf import get_token
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import Resolver404, resolve

from bench import load
from bench.data import DataSet, people_create
from bench.targets import Target
from journal.models import JournalEntry, Sensation


class TargetFailed(Exception):
    """The target exists but does not answer as expected; the message says how."""


@dataclass(frozen=True)
class Person:
    user: User
    client: Client
    cookie: str
    csrf_token: str

    @classmethod
    def sign_in(cls, user: User) -> Person:
        # The test client signs the person in and stores the session in the shared database;
        # the same cookie then works against gunicorn.
        client = Client(SERVER_NAME="127.0.0.1")
        client.force_login(user, backend="django.contrib.auth.backends.ModelBackend")
        request = HttpRequest()
        token = get_token(request)
        secret = request.META["CSRF_COOKIE"]
        client.cookies[settings.CSRF_COOKIE_NAME] = secret
        session = client.cookies[settings.SESSION_COOKIE_NAME].value
        cookie = f"{settings.SESSION_COOKIE_NAME}={session}; {settings.CSRF_COOKIE_NAME}={secret}"
        return cls(user=user, client=client, cookie=cookie, csrf_token=token)

    @classmethod
    def anonymous(cls, user: User) -> Person:
        """Nobody signed in (`user` is only there to find rows written by a POST)."""
        return cls(user=user, client=Client(SERVER_NAME="127.0.0.1"), cookie="", csrf_token="")


@dataclass(frozen=True)
class People:
    heavy: Person
    light: Person
    writer: Person

    @classmethod
    def sign_in(cls, data: DataSet) -> People:
        return cls(
            heavy=Person.sign_in(data.heavy),
            light=Person.sign_in(data.light),
            writer=Person.sign_in(data.writer),
        )


def form_body(target: Target, csrf_token: str, *, fresh: bool) -> str:
    """The urlencoded body; `fresh` fills __UUID__ now instead of leaving it to wrk."""
    body = urlencode([("csrfmiddlewaretoken", csrf_token), *target.form])
    return body.replace("__UUID__", str(uuid.uuid4())) if fresh else body


def resolves(target: Target, path: str) -> tuple[bool, str]:
    try:
        resolve(urlsplit(path).path)
    except Resolver404:
        return False, f"not available yet (no page at {urlsplit(path).path})"
    return True, ""


def _request(target: Target, path: str, person: Person) -> int:
    """One request through the test client; returns how many queries it made."""
    with CaptureQueriesContext(connection) as queries:
        if target.method == "POST":
            response = person.client.post(
                path,
                form_body(target, person.csrf_token, fresh=True),
                content_type="application/x-www-form-urlencoded",
            )
        else:
            response = person.client.get(path)
        if response.streaming:
            b"".join(response.streaming_content)  # type: ignore[attr-defined]
    if response.status_code not in target.expect_status:
        raise TargetFailed(f"failed: {target.method} answered {response.status_code}")
    return len(queries.captured_queries)


def _count(target: Target, path: str, person: Person) -> int:
    if target.method == "POST":
        # Posts as the measured people are counted, then removed, so the pages stay the same.
        newest = JournalEntry.objects.filter(user=person.user).order_by("-id").first()
        floor = newest.pk if newest else 0
        try:
            counts = [_request(target, path, person) for _ in range(3)]
        finally:
            JournalEntry.objects.filter(user=person.user, pk__gt=floor).delete()
    else:
        # The first request warms per-process caches; a session may be written once a minute.
        counts = [_request(target, path, person) for _ in range(3)][1:]
    return min(counts)


def query_counts(target: Target, path: str, people: People) -> tuple[int, int]:
    """Queries per request for the 5-year person and the 3-week person."""
    if not target.signed_in:
        anonymous = Person.anonymous(people.heavy.user)
        count = _count(target, path, anonymous)
        return count, count
    return _count(target, path, people.heavy), _count(target, path, people.light)


def works(target: Target, path: str, base: str, people: People) -> tuple[bool, str]:
    """One request through gunicorn, checked before any load is put on it."""
    person = people.writer if target.as_writer else people.heavy
    cookie = person.cookie if target.signed_in else ""
    if target.method == "POST":
        entries = JournalEntry.objects.filter(user=person.user)
        sensations = Sensation.objects.filter(user=person.user)
        before = entries.count(), sensations.count()
        body = form_body(target, person.csrf_token, fresh=True).encode()
        status, _ = load.fetch(base + path, method="POST", cookie=cookie, body=body)
        after = entries.count(), sensations.count()
        if status not in target.expect_status or after[0] != before[0] + 1:
            added = after[0] - before[0]
            return False, f"failed: the POST answered {status} and added {added} entries"
        return True, ""
    for _ in range(3):
        status, _content = load.fetch(base + path, cookie=cookie)
        if status not in target.expect_status:
            return False, f"failed: GET answered {status} through gunicorn"
    return True, ""


def warm(target: Target, path: str, base: str, people: People, *, probes: int) -> None:
    """`probes` requests at once, so that every worker has served the page before it is timed."""
    person = people.writer if target.as_writer else people.heavy
    cookie = person.cookie if target.signed_in else ""

    def one(_: int) -> None:
        body = form_body(target, person.csrf_token, fresh=True).encode() if target.form else None
        load.fetch(base + path, method=target.method, cookie=cookie, body=body)

    with ThreadPoolExecutor(max_workers=probes) as pool:
        list(pool.map(one, range(probes)))


def alone_ms(target: Target, path: str, base: str, people: People, *, repeats: int = 5) -> float:
    """The best of sequential requests: the page's own time, without queueing."""
    person = people.writer if target.as_writer else people.heavy
    cookie = person.cookie if target.signed_in else ""
    best = float("inf")
    for _ in range(repeats):
        body = form_body(target, person.csrf_token, fresh=True).encode() if target.form else None
        started = time.perf_counter()
        load.fetch(base + path, method=target.method, cookie=cookie, body=body)
        best = min(best, time.perf_counter() - started)
    return best * 1000


def load_once(
    target: Target, path: str, base: str, people: People, args: argparse.Namespace, *, seconds: int
) -> load.Run:
    person = people.writer if target.as_writer else people.heavy
    run = load.wrk(
        base + path,
        connections=args.connections,
        seconds=seconds,
        threads=args.wrk_threads,
        method=target.method,
        cookie=person.cookie if target.signed_in else "",
        body=form_body(target, person.csrf_token, fresh=False) if target.method == "POST" else "",
    )
    load.drain(base, probes=args.connections)
    return run


def export_import_times(data: DataSet) -> dict[str, float]:
    """Export the measured person's journal to JSON, import it into a new account, and export
    the 40,000 check-ins: the services themselves, without HTTP."""
    from journal.portability.importer import journal_import
    from journal.portability.json_format import export_json
    from journal.portability.reader import JournalReader

    timings: dict[str, float] = {}
    started = time.perf_counter()
    document = b"".join(export_json(JournalReader(data.heavy)))
    timings["export_json_measured_person"] = time.perf_counter() - started
    data.rows["export_json_measured_person_bytes"] = len(document)

    (importer,) = people_create([f"bench-import-{uuid.uuid4().hex[:8]}"])
    started = time.perf_counter()
    journal_import(user=importer, data=document, max_bytes=len(document) + 1)
    timings["import_json_measured_person"] = time.perf_counter() - started
    importer.delete()

    started = time.perf_counter()
    document = b"".join(export_json(JournalReader(data.bulk)))
    timings["export_json_40k_check_ins"] = time.perf_counter() - started
    data.rows["export_json_40k_check_ins_bytes"] = len(document)
    return timings
