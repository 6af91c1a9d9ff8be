"""Any input gives a valid save or form errors: never an exception, never a 500, never a
partial write.

Three layers, all generated so new code is covered without editing this file:
- every form class in journal/ and practices/ (found by importing their modules), bound
  to Hypothesis data shaped by its fields; a valid ModelForm must also save;
- every page that takes a POST (from the URL resolver), fed data for the fields its own
  HTML form offers; a refused form leaves every table as it was;
- the JSON import, fed mutated exports and arbitrary JSON: all or nothing.
"""

from __future__ import annotations

import importlib
import inspect
import json
import os
import pkgutil
from datetime import timedelta
from html.parser import HTMLParser
from typing import Any, cast

import pytest
from django import forms
from django.contrib.auth.forms import AuthenticationForm
from django.contrib.auth.models import User
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction
from django.test import Client, RequestFactory
from django.utils import timezone
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import journal
import practices
from journal.accounts.profiles import profile_for
from journal.models import EntryEmotion, JournalEntry, Profile, Sensation, Tag
from journal.portability.reader import DateRange
from journal.portability.summary_options import reflection_candidates
from practices.models import Practice, PracticeSession
from tests.cross.test_access_matrix import ROUTES, Cast, Route, fill
from tests.factories import (
    CheckInFactory,
    JournalEntryFactory,
    PracticeFactory,
    PracticeSessionFactory,
    SensationFactory,
    TagFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db

EXAMPLES = int(os.environ.get("FORM_PROPERTY_EXAMPLES", "10"))
PROPERTY = settings(
    max_examples=EXAMPLES,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


@pytest.fixture(autouse=True)
def fast_passwords(settings: Any) -> None:
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


# Discovering the forms.


def _form_classes() -> list[type[forms.BaseForm]]:
    found: dict[str, type[forms.BaseForm]] = {}
    for package in (journal, practices):
        for module_info in pkgutil.walk_packages(package.__path__, f"{package.__name__}."):
            name = module_info.name
            if ".migrations" in name or name.endswith((".settings", ".wsgi", ".asgi")):
                continue
            module = importlib.import_module(name)
            for obj in vars(module).values():
                if (
                    inspect.isclass(obj)
                    and issubclass(obj, forms.BaseForm)
                    and obj.__module__ == module.__name__
                ):
                    found[f"{obj.__module__}.{obj.__qualname__}"] = obj
    return [found[key] for key in sorted(found)]


FORM_CLASSES = _form_classes()


def _alice_session(user: User) -> PracticeSession:
    session = PracticeSession.objects.filter(user=user).first()
    return session or cast(PracticeSession, PracticeSessionFactory(user=user))


# Required constructor arguments by name -> how to make one for alice.
CONSTRUCTOR_ARGS: dict[str, Any] = {
    "user": lambda user: user,
    "kind": lambda user: "free",
    "session": _alice_session,
    # The clinician summary's form offers the person's own reflections as choices.
    "candidates": lambda user: reflection_candidates(user, DateRange()),
}


ONE_PER_PERSON: dict[Any, Any] = {Profile: profile_for}


def form_kwargs(form_class: type[forms.BaseForm], user: User) -> dict[str, Any]:
    kwargs: dict[str, Any] = {}
    if issubclass(form_class, AuthenticationForm):
        # Log-in forms authenticate, and axes needs the request to do so.
        kwargs["request"] = RequestFactory().post("/accounts/login/")
    for param in inspect.signature(form_class.__init__).parameters.values():
        if param.name in {"self", "args", "kwargs", "data", "files"}:
            continue
        if param.kind in {param.VAR_POSITIONAL, param.VAR_KEYWORD}:
            continue
        if param.default is not inspect.Parameter.empty:
            continue
        if param.name not in CONSTRUCTOR_ARGS:
            pytest.fail(
                f"{form_class.__module__}.{form_class.__qualname__} needs `{param.name}`: add "
                f"it to CONSTRUCTOR_ARGS in tests/cross/test_forms_properties.py."
            )
        kwargs[param.name] = CONSTRUCTOR_ARGS[param.name](user)
    model = getattr(getattr(form_class, "_meta", None), "model", None)
    if model in ONE_PER_PERSON:
        # A row each person has exactly one of is edited, never made a second time.
        kwargs["instance"] = ONE_PER_PERSON[model](user)
    return kwargs


# Data for a field.

ANY_TEXT = st.one_of(
    st.text(max_size=40),
    st.text(max_size=2000),
    st.sampled_from(
        [
            "",
            " ",
            "\x00",
            "0",
            "-1",
            "11",
            "1e309",
            "NaN",
            "99999999999999999999",
            "2024-02-30",
            "0000-00-00",
            "<script>alert(1)</script>",
            "' OR 1=1 --",
            "𝔘𝔫𝔦𝔠𝔬𝔡𝔢",
        ]
    ),
)


def _choice_values(field: forms.Field) -> list[str]:
    values: list[str] = []
    for value, label in getattr(field, "choices", []):
        if isinstance(label, list | tuple):  # option groups
            values += [str(v) for v, _ in label]
        else:
            values.append(str(value))
    return [v for v in values if v != ""] or [""]


def field_strategy(field: forms.Field) -> st.SearchStrategy[Any]:
    if isinstance(field, forms.FileField):
        return st.binary(max_size=3000).map(
            lambda data: SimpleUploadedFile("upload.json", data, "application/json")
        )
    if isinstance(field, forms.MultipleChoiceField | forms.ModelMultipleChoiceField):
        options = _choice_values(field)
        return st.lists(st.one_of(st.sampled_from(options), ANY_TEXT), max_size=5)
    if isinstance(field, forms.ChoiceField | forms.ModelChoiceField):
        return st.one_of(st.sampled_from(_choice_values(field)), ANY_TEXT)
    if isinstance(field, forms.IntegerField | forms.DecimalField | forms.FloatField):
        return st.one_of(
            st.integers(min_value=-(10**12), max_value=10**12).map(str),
            st.decimals(allow_nan=True, allow_infinity=True).map(str),
            ANY_TEXT,
        )
    if isinstance(field, forms.DateTimeField):
        return st.one_of(
            st.datetimes().map(lambda d: d.strftime("%Y-%m-%dT%H:%M")),
            ANY_TEXT,
        )
    if isinstance(field, forms.DateField):
        return st.one_of(st.dates().map(lambda d: d.isoformat()), ANY_TEXT)
    if isinstance(field, forms.BooleanField):
        return st.one_of(st.sampled_from(["on", "true", "", "false"]), ANY_TEXT)
    return ANY_TEXT


@st.composite
def form_data(draw: st.DrawFn, fields: dict[str, forms.Field]) -> tuple[dict, dict]:
    data: dict[str, Any] = {}
    files: dict[str, Any] = {}
    for name, field in fields.items():
        if draw(st.integers(0, 9)) == 0:
            continue  # sometimes a field is simply missing
        value = draw(field_strategy(field))
        if isinstance(field, forms.FileField):
            files[name] = value
        else:
            data[name] = value
    return data, files


class _Rollback(Exception):
    pass


@pytest.mark.parametrize(
    "form_class", FORM_CLASSES, ids=lambda c: f"{c.__module__}.{c.__qualname__}"
)
def test_every_form_gives_errors_or_a_clean_save(
    form_class: type[forms.BaseForm], alice: User
) -> None:
    CheckInFactory(user=alice)
    TagFactory(user=alice)
    kwargs = form_kwargs(form_class, alice)
    fields = form_class(**kwargs).fields

    @PROPERTY
    @given(generated=form_data(fields))
    def check(generated: tuple[dict, dict]) -> None:
        data, files = generated
        for upload in files.values():
            upload.seek(0)
        form = form_class(data=data, files=cast(Any, files), **form_kwargs(form_class, alice))
        if not form.is_valid():
            assert form.errors
            return
        assert isinstance(form.cleaned_data, dict)
        if isinstance(form, forms.ModelForm):
            # A form that says yes must be something the database accepts.
            try:
                with transaction.atomic():
                    instance = form.save(commit=False)
                    if hasattr(instance, "user_id") and instance.user_id is None:
                        instance.user = alice
                    instance.save()
                    form.save_m2m()
                    raise _Rollback
            except _Rollback:
                pass

    check()


def test_form_discovery_finds_the_forms() -> None:
    names = {c.__name__ for c in FORM_CLASSES}
    assert {"SignupForm", "ProfileForm"} <= names


# Pages that take a POST, fed through their own HTML form.


class FormFields(HTMLParser):
    """Field names and offered values of the POST forms on a page."""

    def __init__(self) -> None:
        super().__init__()
        self.fields: dict[str, list[str]] = {}
        self._select: str | None = None
        self._in_post_form = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: v or "" for k, v in attrs}
        if tag == "form":
            self._in_post_form = a.get("method", "get").lower() == "post"
        if not self._in_post_form:
            return
        name = a.get("name")
        if tag in {"input", "textarea"} and name and name != "csrfmiddlewaretoken":
            self.fields.setdefault(name, [])
            if a.get("value"):
                self.fields[name].append(a["value"])
        elif tag == "select" and name:
            self._select = name
            self.fields.setdefault(name, [])
        elif tag == "option" and self._select:
            self.fields[self._select].append(a.get("value", ""))

    def handle_endtag(self, tag: str) -> None:
        if tag == "select":
            self._select = None
        if tag == "form":
            self._in_post_form = False


def page_fields(html: str) -> dict[str, list[str]]:
    parser = FormFields()
    parser.feed(html)
    return parser.fields


MODELS: tuple[Any, ...] = (
    User,
    Profile,
    JournalEntry,
    JournalEntry.tags.through,
    EntryEmotion,
    Sensation,
    Tag,
    Practice,
    PracticeSession,
)


def row_counts() -> dict[str, int]:
    return {model.__name__: model.objects.count() for model in MODELS}


def make_cast(alice: User, bob: User) -> Cast:
    now = timezone.now()
    tag = TagFactory(user=alice, name="work deadline")
    session = PracticeSessionFactory(user=alice, started_at=now - timedelta(hours=1))
    entry = JournalEntryFactory(user=alice, tags=[tag])
    SensationFactory(entry=entry)
    return Cast(
        alice=alice,
        bob=bob,
        rows={
            "entry": entry,
            "session": session,
            "tag": tag,
            "practice": PracticeFactory(user=alice),
        },
    )


def refused(status: int, html: str) -> bool:
    return status >= 400 or "notice-error" in html or 'class="error"' in html


EDGE_VALUES = ["", "\x00", "-1", "9223372036854775808", "1e309", "NaN", "x" * 5000]

POST_ROUTES = [
    pytest.param(route, id=str(route))
    for route in ROUTES
    if route.name not in {"accounts:logout", "accounts:password_reset_confirm"}
]


@pytest.mark.parametrize("route", POST_ROUTES)
def test_every_post_gives_errors_or_a_whole_write(route: Route, alice: User, bob: User) -> None:
    cast = make_cast(alice, bob)
    url, _ = fill(route, cast)
    client = Client()
    client.force_login(alice, backend="django.contrib.auth.backends.ModelBackend")
    page = client.get(url)
    before = row_counts()
    if client.post(url, {"x": "\x00" * 10}).status_code == 405:
        # A read-only page: refusing the POST is the right answer, and nothing was written.
        assert row_counts() == before
        return
    html = page.content.decode() if page["Content-Type"].startswith("text/html") else ""
    offered = page_fields(html)

    values = {
        name: st.one_of(st.sampled_from(options), ANY_TEXT) if options else ANY_TEXT
        for name, options in offered.items()
    }
    extra = st.dictionaries(st.sampled_from(["token", "kind", "sensations", "x"]), ANY_TEXT)

    def post(data: dict[str, str]) -> None:
        before = row_counts()
        response = client.post(url, data)
        body = response.content.decode(errors="replace") if not response.streaming else ""
        assert response.status_code < 500, (url, data)
        if refused(response.status_code, body):
            assert row_counts() == before, f"{url} refused the form but wrote rows"
        # Logged out or deleted by this example: log in again for the next one.
        client.force_login(alice, backend="django.contrib.auth.backends.ModelBackend")

    # The classic edge values in every field at once, every run, before the random ones.
    for edge in EDGE_VALUES:
        post(dict.fromkeys(offered, edge))

    @PROPERTY
    @given(data=st.fixed_dictionaries({}, optional=values), more=extra)
    def check(data: dict[str, str], more: dict[str, str]) -> None:
        post({**more, **data})

    check()


# The JSON import.


def export_document(user: User) -> dict[str, Any]:
    from journal.portability.json_format import export_json
    from journal.portability.reader import DateRange, JournalReader

    raw = b"".join(
        chunk if isinstance(chunk, bytes) else chunk.encode()
        for chunk in export_json(JournalReader(user, DateRange(since=None, until=None)))
    )
    document: dict[str, Any] = json.loads(raw)
    return document


def leaf_paths(value: Any, path: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    if isinstance(value, dict):
        return [p for k, v in value.items() for p in leaf_paths(v, (*path, k))] or [path]
    if isinstance(value, list):
        return [p for i, v in enumerate(value) for p in leaf_paths(v, (*path, i))] or [path]
    return [path]


def replaced(document: Any, path: tuple[Any, ...], new: Any) -> Any:
    if not path:
        return new
    head, rest = path[0], path[1:]
    if isinstance(document, dict):
        return {**document, head: replaced(document[head], rest, new)}
    copy = list(document)
    copy[head] = replaced(copy[head], rest, new)
    return copy


JSON_VALUES = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(min_value=-(2**70), max_value=2**70)
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(max_size=30)
    | st.sampled_from(["", "00000000-0000-0000-0000-000000000000", "2024-13-01T00:00:00Z"]),
    lambda children: (
        st.lists(children, max_size=3) | st.dictionaries(st.text(max_size=10), children, max_size=3)
    ),
    max_leaves=8,
)


def _source_journal() -> User:
    source = cast(User, UserFactory(username="source"))
    tag = TagFactory(user=source, name="said no")
    practice = PracticeFactory(user=source)
    session = PracticeSessionFactory(user=source, practice=practice)
    SensationFactory(entry=None, session=session, user=source)
    entry = CheckInFactory(user=source, tags=[tag], emotions=["calm", "hopeful"])
    SensationFactory(entry=entry, note="soft")
    JournalEntryFactory(user=source, session=session, tags=[tag])
    return source


def test_the_import_takes_a_real_export(alice: User) -> None:
    from journal.portability.importer import journal_import

    document = export_document(_source_journal())
    before = row_counts()

    summary = journal_import(user=alice, data=json.dumps(document).encode(), max_bytes=10**7)

    assert summary.added_total > 0
    assert row_counts() != before


def test_the_import_is_all_or_nothing_for_mutated_exports(alice: User) -> None:
    from journal.portability.importer import ImportFileError, journal_import

    document = export_document(_source_journal())
    paths = leaf_paths(document)

    @PROPERTY
    @given(
        mutations=st.lists(
            st.tuples(st.integers(0, len(paths) - 1), JSON_VALUES), min_size=1, max_size=4
        )
    )
    def check(mutations: list[tuple[int, Any]]) -> None:
        mutated: Any = document
        for index, value in mutations:
            try:
                mutated = replaced(mutated, paths[index], value)
            except (KeyError, IndexError, TypeError):
                continue  # an earlier mutation removed this path
        before = row_counts()
        try:
            with transaction.atomic():
                journal_import(user=alice, data=json.dumps(mutated).encode(), max_bytes=10**7)
                raise _Rollback  # keep every example starting from the same journal
        except ImportFileError as error:
            assert error.args or str(error) is not None
            assert row_counts() == before, "a refused import wrote rows"
        except _Rollback:
            pass

    check()


@PROPERTY
@given(raw=st.one_of(st.binary(max_size=500), JSON_VALUES.map(lambda v: json.dumps(v).encode())))
def test_the_import_refuses_arbitrary_files_cleanly(raw: bytes) -> None:
    from journal.portability.importer import ImportFileError, journal_import

    alice = cast(User, UserFactory(username="alice"))
    before = row_counts()
    try:
        with transaction.atomic():
            journal_import(user=alice, data=raw, max_bytes=10**6)
            raise _Rollback
    except ImportFileError:
        assert row_counts() == before
    except _Rollback:
        pass
