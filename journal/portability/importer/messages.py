"""Problems in plain words, each at its place in the file (`sessions[12].after.pain`).

The schema's own checks arrive as jsonschema `ValidationError`s; `explain` turns each into
the same words the hand-written checks use, one message per place.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator, Sequence
from decimal import Decimal
from typing import Any

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from jsonschema import ValidationError

MAX_ERRORS = 50

Path = tuple[str | int, ...]

# What a JSON value should be, as it ends "should be ..., not ...".
_NOUNS = {
    "object": gettext_lazy("an object"),
    "array": gettext_lazy("a list"),
    "string": gettext_lazy("text"),
    "integer": gettext_lazy("a whole number"),
    "number": gettext_lazy("a number"),
    "boolean": gettext_lazy("true or false"),
}
_FORMAT_NOUNS = {
    "uuid": gettext_lazy("a UUID"),
    "date-time": gettext_lazy("a date and time as text"),
}
_PATTERN_WORDS = {
    "^[^\\u0000]*$": gettext_lazy("contains a NUL character"),
    "\\S": gettext_lazy("should not be empty"),
    # Translators: %(value)s is the value as found in the file.
    "^[-a-zA-Z0-9_]+$": gettext_lazy("%(value)s may hold only letters, digits, - and _"),
}


class TooManyProblems(Exception):
    pass


def describe(value: Any) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, dict):
        return str(_NOUNS["object"])
    if isinstance(value, list):
        return str(_NOUNS["array"])
    if isinstance(value, str):
        shown = value if len(value) <= 30 else value[:27] + "..."
        return json.dumps(shown, ensure_ascii=False)
    text = str(value)
    return text if len(text) <= 20 else text[:17] + "..."


def place(path: Iterable[str | int]) -> str:
    text = ""
    for part in path:
        if isinstance(part, int):
            text += f"[{part}]"
        else:
            text += f".{part}" if text else part
    return text


class Problems:
    """Messages in the order found; stops the checks once there are MAX_ERRORS of them."""

    def __init__(self) -> None:
        self.messages: list[str] = []

    def add(self, path: Path, message: str) -> None:
        self.messages.append(f"{place(path)}: {message}")
        if len(self.messages) >= MAX_ERRORS:
            raise TooManyProblems

    def add_schema_errors(self, prefix: Path, errors: Iterable[ValidationError]) -> int:
        """Record the schema's complaints about one part of the file; returns how many."""
        # One message per place: 14.5 for a 0..10 rating is "above 10", not also fractional.
        best: dict[Path, tuple[int, str]] = {}
        for error in errors:
            for path, rank, message in explain(error):
                if path not in best or rank < best[path][0]:
                    best[path] = (rank, message)
        for path, (_rank, message) in best.items():
            self.add(prefix + path, message)
        return len(best)


def _is_number(value: Any) -> bool:
    return isinstance(value, int | Decimal) and not isinstance(value, bool)


def _noun(error: ValidationError) -> str:
    form = error.schema.get("format") if isinstance(error.schema, dict) else None
    if form in _FORMAT_NOUNS:
        return str(_FORMAT_NOUNS[form])
    names = [
        str(_NOUNS.get(name, name)) for name in _types(error.validator_value) if name != "null"
    ]
    if len(names) == 2:
        return _("%(first)s or %(second)s") % {"first": names[0], "second": names[1]}
    return ", ".join(names)


def _types(limit: str | list[str]) -> list[str]:
    return [limit] if isinstance(limit, str) else list(limit)


def _limit_words(keyword: str, shown: str, value: Any, limit: Any) -> str | None:
    """The words for a value outside a limit of the schema; None for another keyword."""
    values = {"value": shown, "limit": limit}
    if keyword == "maximum":
        return _("%(value)s is above %(limit)s") % values
    if keyword == "minimum":
        return _("%(value)s is below %(limit)s") % values
    if keyword == "enum":
        choices = ", ".join(map(str, limit))
        return _("%(value)s is not one of %(choices)s") % {"value": shown, "choices": choices}
    if keyword == "minLength":
        return _("should not be empty")
    if keyword == "maxLength":
        return _("is %(length)s characters long; at most %(limit)s fit") % {
            "length": len(value),
            "limit": limit,
        }
    if keyword == "pattern" and limit in _PATTERN_WORDS:
        return str(_PATTERN_WORDS[limit]) % {"value": shown}
    if keyword == "format":
        kind = str(_FORMAT_NOUNS.get(limit, limit))
        return _("%(value)s is not %(kind)s") % {"value": shown, "kind": kind}
    if keyword == "uniqueItems":
        return _("lists the same value more than once")
    return None


def explain(error: ValidationError) -> Iterator[tuple[Path, int, str]]:
    """(place, rank, words) for one schema error; the lowest rank at a place is shown."""
    path: Path = tuple(error.absolute_path)
    keyword, value, limit = error.validator, error.instance, error.validator_value
    shown = describe(value)
    words = _limit_words(str(keyword), shown, value, limit)
    if words is not None:
        yield path, 1, words
    elif keyword == "required":
        for name in limit:
            if name not in value:
                yield (*path, name), 0, _("is missing")
    elif keyword == "type":
        if _is_number(value) and "integer" in limit:
            yield path, 2, _("%(value)s is not a whole number") % {"value": shown}
        else:
            words = _("should be %(kind)s, not %(value)s") % {"kind": _noun(error), "value": shown}
            yield path, 0, words
    elif keyword == "additionalProperties":
        known = ", ".join(error.schema.get("properties", {}))
        for extra in value:
            if extra not in error.schema.get("properties", {}):
                words = _("%(value)s is not one of %(choices)s")
                yield path, 1, words % {"value": describe(extra), "choices": known}
    elif keyword == "oneOf":
        yield from _explain_one_of(error, path)
    else:
        yield path, 1, error.message


def _explain_one_of(error: ValidationError, path: Path) -> Iterator[tuple[Path, int, str]]:
    """A session's practice: by slug or by UUID, so say which part of the chosen way fails."""
    value = error.instance
    if not isinstance(value, dict):
        yield (
            path,
            0,
            _("should be %(kind)s, not %(value)s")
            % {
                "kind": _NOUNS["object"],
                "value": describe(value),
            },
        )
        return
    choices: Sequence[dict[str, Any]] = error.validator_value
    chosen = [
        i for i, choice in enumerate(choices) if set(choice.get("required", ())) <= set(value)
    ]
    if len(chosen) != 1:
        keys = [name for choice in choices for name in choice.get("required", ())]
        # Translators: the two keys are JSON names, such as "slug" and "uuid".
        yield (
            path,
            0,
            _("should have either a %(first)s or a %(second)s")
            % {
                "first": keys[0],
                "second": keys[-1],
            },
        )
        return
    for sub in error.context or ():
        if sub.relative_schema_path[0] == chosen[0]:
            yield from explain(sub)
