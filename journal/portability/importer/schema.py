"""The published schema, schema/journal-export-v1.schema.json, as the importer's checks.

Every range, length and list of allowed words lives there once. The validators are
built on first use and kept: one for the document's own fields and one per record kind,
so each record's problems can be reported (and counted) as it is reached.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from decimal import Decimal
from functools import cache
from typing import Any

from django.conf import settings
from jsonschema import Draft202012Validator, FormatChecker, ValidationError, validators

SECTIONS = ("tags", "practices", "sessions", "entries")
RECORD_KINDS = {"tags": "tag", "practices": "practice", "sessions": "session", "entries": "entry"}


def _is_integer(checker: Any, instance: Any) -> bool:
    # Numbers with a point are read as Decimal; 5.0 is as whole as 5, as JSON Schema says.
    if isinstance(instance, bool):
        return False
    if isinstance(instance, int):
        return True
    return (
        isinstance(instance, Decimal)
        and instance.is_finite()
        and instance == instance.to_integral_value()
    )


def _is_number(checker: Any, instance: Any) -> bool:
    return isinstance(instance, int | Decimal) and not isinstance(instance, bool)


_Validator = validators.extend(
    Draft202012Validator,
    type_checker=Draft202012Validator.TYPE_CHECKER.redefine_many(
        {"integer": _is_integer, "number": _is_number}
    ),
)
# Dates and times are checked by hand (with their own messages, and without the extra
# package jsonschema would need for them); UUIDs by the schema.
_FORMATS = FormatChecker(formats=["uuid"])


@cache
def published_schema() -> dict[str, Any]:
    path = settings.BASE_DIR / "schema" / "journal-export-v1.schema.json"
    schema: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    _Validator.check_schema(schema)
    return schema


@cache
def _document_validator() -> Any:
    schema = published_schema()
    # The records are checked one at a time by record_errors, so here only "a list".
    properties = {**schema["properties"], **{name: {"type": "array"} for name in SECTIONS}}
    return _Validator({**schema, "properties": properties}, format_checker=_FORMATS)


@cache
def _record_validator(kind: str) -> Any:
    definitions = published_schema()["$defs"]
    return _Validator({**definitions[kind], "$defs": definitions}, format_checker=_FORMATS)


def document_errors(document: dict[str, Any]) -> Iterator[ValidationError]:
    """Problems with the document's own fields (format, profile, whether lists are lists)."""
    return _document_validator().iter_errors(document)


def record_errors(section: str, record: Any) -> Iterator[ValidationError]:
    """Problems with one record of a section, its sensations included."""
    return _record_validator(RECORD_KINDS[section]).iter_errors(record)
