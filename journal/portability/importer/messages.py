"""Problems in plain words, each at its place in the file (`sessions[12].after.pain`).

The schema's own checks arrive as jsonschema `ValidationError`s; `explain` turns each into
the same words the hand-written checks use, one message per place.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator, Sequence
from decimal import Decimal
from typing import Any

from jsonschema import ValidationError

MAX_ERRORS = 50

Path = tuple[str | int, ...]

_NOUNS = {
    "object": "an object",
    "array": "a list",
    "string": "text",
    "integer": "a whole number",
    "number": "a number",
    "boolean": "true or false",
}
_FORMAT_NOUNS = {"uuid": "a UUID", "date-time": "a date and time as text"}
_PATTERN_WORDS = {
    "^[^\\u0000]*$": "contains a NUL character",
    "\\S": "should not be empty",
    "^[-a-zA-Z0-9_]+$": "{value} may hold only letters, digits, - and _",
}


class TooManyProblems(Exception):
    pass


def describe(value: Any) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, dict):
        return "an object"
    if isinstance(value, list):
        return "a list"
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
        for path, (_, message) in best.items():
            self.add(prefix + path, message)
        return len(best)


def _is_number(value: Any) -> bool:
    return isinstance(value, int | Decimal) and not isinstance(value, bool)


def _noun(error: ValidationError) -> str:
    form = error.schema.get("format") if isinstance(error.schema, dict) else None
    if form in _FORMAT_NOUNS:
        return _FORMAT_NOUNS[form]
    names = [name for name in _types(error.validator_value) if name != "null"]
    return " or ".join(_NOUNS.get(name, name) for name in names)


def _types(limit: str | list[str]) -> list[str]:
    return [limit] if isinstance(limit, str) else list(limit)


def explain(error: ValidationError) -> Iterator[tuple[Path, int, str]]:
    """(place, rank, words) for one schema error; the lowest rank at a place is shown."""
    path: Path = tuple(error.absolute_path)
    keyword, value, limit = error.validator, error.instance, error.validator_value
    shown = describe(value)
    if keyword == "required":
        for name in limit:
            if name not in value:
                yield (*path, name), 0, "is missing"
    elif keyword == "type":
        if _is_number(value) and "integer" in limit:
            yield path, 2, f"{shown} is not a whole number"
        else:
            yield path, 0, f"should be {_noun(error)}, not {shown}"
    elif keyword == "maximum":
        yield path, 1, f"{shown} is above {limit}"
    elif keyword == "minimum":
        yield path, 1, f"{shown} is below {limit}"
    elif keyword == "enum":
        yield path, 1, f"{shown} is not one of {', '.join(map(str, limit))}"
    elif keyword == "minLength":
        yield path, 1, "should not be empty"
    elif keyword == "maxLength":
        yield path, 1, f"is {len(value)} characters long; at most {limit} fit"
    elif keyword == "pattern" and limit in _PATTERN_WORDS:
        yield path, 1, _PATTERN_WORDS[limit].format(value=shown)
    elif keyword == "format":
        yield path, 1, f"{shown} is not {_FORMAT_NOUNS.get(limit, limit)}"
    elif keyword == "uniqueItems":
        yield path, 1, "lists the same value more than once"
    elif keyword == "additionalProperties":
        known = list(error.schema.get("properties", {}))
        for extra in value:
            if extra not in known:
                yield path, 1, f"{describe(extra)} is not one of {', '.join(known)}"
    elif keyword == "oneOf":
        yield from _explain_one_of(error, path)
    else:
        yield path, 1, error.message


def _explain_one_of(error: ValidationError, path: Path) -> Iterator[tuple[Path, int, str]]:
    """A session's practice: by slug or by UUID, so say which part of the chosen way fails."""
    value = error.instance
    if not isinstance(value, dict):
        yield path, 0, f"should be an object, not {describe(value)}"
        return
    choices: Sequence[dict[str, Any]] = error.validator_value
    chosen = [
        i for i, choice in enumerate(choices) if set(choice.get("required", ())) <= set(value)
    ]
    if len(chosen) != 1:
        keys = " or a ".join(name for choice in choices for name in choice.get("required", ()))
        yield path, 0, f"should have either a {keys}"
        return
    for sub in error.context or ():
        if sub.relative_schema_path[0] == chosen[0]:
            yield from explain(sub)
