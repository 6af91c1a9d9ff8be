"""Every URL the app serves, tried as its owner, as another person and anonymously.

The URL list comes from the resolver, so a page added later is covered without editing
this file. Path arguments are filled with real rows by name (see FILLERS); a URL with an
argument name not in that table fails with a message saying what to add.

- alice (the owner): her page or a redirect, never 404 or 500 (405 for a method the view
  does not take).
- bob: 404 for any URL carrying one of alice's rows, and none of her rows changes; his own
  pages otherwise.
- anonymous: the log-in page, except for PUBLIC pages.
- every POST without a CSRF token is refused with 403, htmx requests included.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date
from typing import Any

import pytest
from django.contrib.auth.models import User
from django.http import HttpResponse
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver
from django.urls.resolvers import RegexPattern, RoutePattern

from journal.models import (
    JournalEntry,
    Passkey,
    PushSubscription,
    Reminder,
    Sensation,
    ShareLink,
    Tag,
)
from journal.portability.summary_options import SummaryOptions
from journal.sharing.services import share_create
from practices.models import Practice, PracticeSession
from tests.factories import (
    JournalEntryFactory,
    PracticeFactory,
    PracticeSessionFactory,
    SensationFactory,
    TagFactory,
)

pytestmark = pytest.mark.django_db

# Pages anyone may see. Keyed by URL name (with namespace).
PUBLIC = {
    "today:home",
    "accounts:signup",
    "accounts:login",
    "accounts:logout",  # POST only; ends a session if there is one
    "accounts:logout_everywhere",  # POST only; ends every session of a signed-in person
    "accounts:password_reset",
    "accounts:password_reset_done",
    "accounts:password_reset_confirm",
    "accounts:password_reset_complete",
    "practices:catalog",
    "practices:detail",
    "web:healthz",
    # The app's words for its scripts, and the language switch of public pages.
    "web:javascript-catalog",
    "set_language",
    # The log-in's second step and log-in with a passkey (journal/factors/).
    "factors:verify",
    "factors:passkey_options",
    "factors:passkey_login",
    "reminders:unsubscribe",  # the signed token in the link stands in for a log-in
    "reminders:manifest",
    "reminders:service_worker",
    "reminders:offline",
    # A share link opens for whoever holds its token, signed in or not.
    "sharing:open",
    "sharing:pdf",
}
# POSTs that must work without a CSRF token: RFC 8058's one-click unsubscribe, sent by mail
# clients with no cookie. The signed token in the URL guards them instead.
CSRF_EXEMPT = {"reminders:unsubscribe"}
# What the owner may get: her page, a redirect, a form's 400, or 405 for a method the
# view does not take.
OWNER_OK = {200, 204, 301, 302, 303, 400, 405}
# Prefixes tested separately (staff only).
EXCLUDED_PREFIXES = ("admin/",)


@dataclass
class Cast:
    alice: User
    bob: User
    rows: dict[str, Any]


def _session(cast: Cast) -> Any:
    return cast.rows.setdefault("session", PracticeSessionFactory(user=cast.alice))


def _entry(cast: Cast) -> Any:
    if "entry" not in cast.rows:
        entry = JournalEntryFactory(user=cast.alice, body="alice's own words")
        SensationFactory(entry=entry)
        cast.rows["entry"] = entry
    return cast.rows["entry"]


def _sensation(cast: Cast) -> Any:
    entry = _entry(cast)
    return cast.rows.setdefault("sensation", Sensation.objects.filter(entry=entry).first())


def _tag(cast: Cast) -> Any:
    return cast.rows.setdefault("tag", TagFactory(user=cast.alice, name="alices tag"))


def _practice(cast: Cast) -> Any:
    return cast.rows.setdefault("practice", PracticeFactory(user=cast.alice))


def _passkey(cast: Cast) -> Any:
    return cast.rows.setdefault(
        "passkey",
        Passkey.objects.create(
            user=cast.alice,
            name="alices phone",
            credential_id=b"alices-credential",
            public_key=b"-",
            user_handle=b"alices-handle",
        ),
    )


def _reminder(cast: Cast) -> Any:
    return cast.rows.setdefault(
        "reminder", Reminder.objects.create(user=cast.alice, kind="check_in", at="08:00")
    )


def _subscription(cast: Cast) -> Any:
    return cast.rows.setdefault(
        "subscription",
        PushSubscription.objects.create(
            user=cast.alice, endpoint="https://push.example.net/alice", p256dh="k", auth="a"
        ),
    )


def _share(cast: Cast) -> Any:
    if "share" not in cast.rows:
        _entry(cast)
        cast.rows["share"] = share_create(user=cast.alice, options=SummaryOptions(), days=7)
    return cast.rows["share"]


def _import_job(cast: Cast) -> Any:
    from journal.portability.jobs import ImportJob

    return cast.rows.setdefault("import_job", ImportJob.objects.create(user=cast.alice))


def _uuid_of(getter: Callable[[Cast], Any]) -> Callable[[Cast], str]:
    return lambda cast: str(getter(cast).uuid)


# kwarg name -> (filler, carries one of alice's rows?)
FILLERS: dict[str, tuple[Callable[[Cast], str], bool]] = {
    "entry_uuid": (_uuid_of(_entry), True),
    "session_uuid": (_uuid_of(_session), True),
    "sensation_uuid": (_uuid_of(_sensation), True),
    "tag_uuid": (_uuid_of(_tag), True),
    "practice_uuid": (_uuid_of(_practice), True),
    "passkey_uuid": (_uuid_of(_passkey), True),
    "reminder_uuid": (_uuid_of(_reminder), True),
    "subscription_uuid": (_uuid_of(_subscription), True),
    "share_uuid": (lambda cast: str(_share(cast)[0].uuid), True),
    # The token is the key itself: anyone holding it sees the same shared summary.
    "share_token": (lambda cast: _share(cast)[1], False),
    "job_uuid": (_uuid_of(_import_job), True),
    "slug": (lambda cast: "body-scan", False),
    "language": (lambda cast: "de", False),
    "year": (lambda cast: str(date.today().isocalendar().year), False),
    "week": (lambda cast: str(date.today().isocalendar().week), False),
    "day": (lambda cast: date.today().isoformat(), False),
    # Password-reset confirmation, tried with a link that is not valid.
    "uidb64": (lambda cast: "MQ", False),
    "token": (lambda cast: "not-a-valid-token", False),
}


@dataclass(frozen=True)
class Route:
    name: str
    template: str  # "/journal/<uuid:entry_uuid>/" style

    @property
    def kwarg_names(self) -> list[str]:
        return re.findall(r"<(?:[^>:]+:)?([^>]+)>", self.template)

    def __str__(self) -> str:
        return f"{self.name} {self.template}"


def _walk(patterns: list[Any], prefix: str, namespace: str | None) -> Iterator[Route]:
    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            ns = pattern.namespace or namespace
            yield from _walk(pattern.url_patterns, prefix + _route_text(pattern.pattern), ns)
        elif isinstance(pattern, URLPattern):
            name = f"{namespace}:{pattern.name}" if namespace else (pattern.name or "")
            yield Route(name=name, template="/" + prefix + _route_text(pattern.pattern))


def _route_text(pattern: RoutePattern | RegexPattern | Any) -> str:
    if isinstance(pattern, RoutePattern):
        return str(pattern)
    text = str(pattern.regex.pattern).lstrip("^").rstrip("$").replace("\\Z", "")
    if pattern.regex.groups:
        # A regex with groups cannot be filled by name here.
        return f"<regex:{text}>"
    return text


def all_routes() -> list[Route]:
    routes = {}
    for route in _walk(get_resolver().url_patterns, "", None):
        if route.template.lstrip("/").startswith(EXCLUDED_PREFIXES):
            continue
        routes[route.template] = route
    return sorted(routes.values(), key=lambda r: r.template)


ROUTES = all_routes()


def fill(route: Route, cast: Cast) -> tuple[str, bool]:
    url = route.template
    personal = False
    for kwarg in route.kwarg_names:
        if kwarg not in FILLERS:
            pytest.fail(
                f"{route}: the URL argument <{kwarg}> is not in tests/cross/test_access_matrix.py "
                f"FILLERS. Add it there with a function that returns a real value owned by "
                f"alice (and say whether it carries her data), so this URL is tested."
            )
        filler, owned = FILLERS[kwarg]
        personal = personal or owned
        url = re.sub(rf"<(?:[^>:]+:)?{re.escape(kwarg)}>", filler(cast), url, count=1)
    return url, personal


def snapshot(user: User) -> dict[str, list[dict[str, Any]]]:
    """Everything of alice's that another person's request must not change."""
    models: tuple[Any, ...] = (JournalEntry, Sensation, Tag, Practice, PracticeSession, Passkey)
    models += (Reminder, PushSubscription, ShareLink)
    return {
        model.__name__: [
            dict(row) for row in model.objects.filter(user=user).order_by("id").values()
        ]
        for model in models
    }


def logged_in(user: User, **kwargs: Any) -> Client:
    client = Client(**kwargs)
    client.force_login(user, backend="django.contrib.auth.backends.ModelBackend")
    return client


def request(client: Client, method: str, url: str, **headers: str) -> HttpResponse:
    if method == "GET":
        response = client.get(url, headers=headers)
    else:
        response = client.post(url, {}, headers=headers)
    return response  # type: ignore[return-value]


def is_login_redirect(response: HttpResponse) -> bool:
    return response.status_code == 302 and response["Location"].startswith("/accounts/login/")


@pytest.fixture(autouse=True)
def fast_passwords(settings: Any) -> None:
    # Argon2 costs about half a second per user; these tests make hundreds of users.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def cast(alice: User, bob: User) -> Cast:
    return Cast(alice=alice, bob=bob, rows={})


def test_the_resolver_walk_finds_the_app(cast: Cast) -> None:
    names = {route.name for route in ROUTES}
    assert {"today:home", "accounts:login", "practices:catalog", "practices:detail"} <= names
    assert not any(route.template.startswith("/admin/") for route in ROUTES)


@pytest.mark.parametrize("route", ROUTES, ids=str)
def test_access(route: Route, cast: Cast) -> None:
    url, personal = fill(route, cast)
    public = route.name in PUBLIC
    problems: list[str] = []

    def expect(ok: bool, role: str, method: str, response: HttpResponse, wanted: str) -> None:
        if not ok:
            location = f" -> {response['Location']}" if response.has_header("Location") else ""
            problems.append(
                f"{role} {method} {url}: {response.status_code}{location} (expected {wanted})"
            )

    # Anonymous.
    for method in ("GET", "POST"):
        response = request(Client(), method, url)
        if public:
            expect(response.status_code < 500, "anonymous", method, response, "no error")
            expect(
                response.status_code != 404 or personal, "anonymous", method, response, "not 404"
            )
        else:
            expect(
                is_login_redirect(response) or response.status_code == 405,
                "anonymous",
                method,
                response,
                "redirect to log-in",
            )

    # Alice's GET, as a full page and as an htmx fragment.
    before = snapshot(cast.alice)
    owner: dict[str, int] = {}
    response = request(logged_in(cast.alice), "GET", url)
    owner["GET"] = response.status_code
    expect(
        response.status_code in OWNER_OK and not is_login_redirect(response),
        "alice",
        "GET",
        response,
        "her page",
    )
    htmx = request(logged_in(cast.alice), "GET", url, HX_Request="true")
    expect(
        htmx.status_code in OWNER_OK | {286} and not is_login_redirect(htmx),
        "alice (htmx)",
        "GET",
        htmx,
        "her fragment",
    )
    if snapshot(cast.alice) != before:
        problems.append(f"alice GET {url} changed her rows (a GET must not write)")

    # Bob, before alice's own POST (which may delete the row).
    bob = logged_in(cast.bob)
    bob_responses: dict[str, HttpResponse] = {}
    for method in ("GET", "POST"):
        before = snapshot(cast.alice)
        bob_responses[method] = request(bob, method, url)
        if snapshot(cast.alice) != before:
            problems.append(f"bob {method} {url} changed alice's rows")

    # Alice's POST last: it may delete or end things.
    response = request(logged_in(cast.alice), "POST", url)
    owner["POST"] = response.status_code
    expect(
        response.status_code in OWNER_OK and not is_login_redirect(response),
        "alice",
        "POST",
        response,
        "a form, a redirect or 405",
    )

    for method, response in bob_responses.items():
        if personal:
            # A method the view never takes is refused before any row is looked up.
            allowed = {404, 405} if owner[method] == 405 else {404}
            expect(response.status_code in allowed, "bob", method, response, "404")
        else:
            expect(
                response.status_code < 500 and response.status_code != 404,
                "bob",
                method,
                response,
                "his own page",
            )

    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("route", ROUTES, ids=str)
def test_every_post_needs_a_csrf_token(route: Route, cast: Cast) -> None:
    url, _ = fill(route, cast)
    signed_in = logged_in(cast.alice, enforce_csrf_checks=True)
    anonymous = Client(enforce_csrf_checks=True)

    if route.name in CSRF_EXEMPT:
        # Without its signed token the URL refuses the POST and changes nothing.
        assert anonymous.post(url, {}).status_code == 400, url
        return
    for headers in ({}, {"HX-Request": "true"}):
        assert signed_in.post(url, {}, headers=headers).status_code == 403, (url, headers)
        assert anonymous.post(url, {}, headers=headers).status_code == 403, (url, headers)


def test_the_admin_is_for_staff_only(cast: Cast) -> None:
    for client in (Client(), logged_in(cast.alice)):
        response = client.get("/admin/")
        assert response.status_code == 302
        assert response["Location"].startswith("/admin/login/")
    staff = cast.bob
    staff.is_staff = True
    staff.save()
    assert logged_in(staff).get("/admin/").status_code == 200


def test_an_unknown_url_argument_fails_with_instructions(cast: Cast) -> None:
    route = Route(name="made_up", template="/things/<uuid:thing_uuid>/")

    with pytest.raises(pytest.fail.Exception, match="thing_uuid.*FILLERS"):
        fill(route, cast)
