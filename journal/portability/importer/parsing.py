"""Bytes to JSON, with a clear message for every way a file can be unreadable."""

from __future__ import annotations

import json
from decimal import Decimal
from typing import Any

NESTED_TOO_DEEPLY = "The file is nested too deeply to be a journal export."


class ImportFileError(Exception):
    """The file cannot be imported; `messages` say what and where."""

    def __init__(self, messages: list[str]) -> None:
        super().__init__("; ".join(messages))
        self.messages = messages


def human_size(n: int) -> str:
    if n >= 1024 * 1024:
        return f"{n / (1024 * 1024):.1f} MB".replace(".0 MB", " MB")
    return f"{max(1, round(n / 1024))} KB"


def _reject_constant(name: str) -> Any:
    raise ValueError(f"the file contains {name}, which is not a number JSON allows")


def parse_export(data: bytes, *, max_bytes: int) -> Any:
    """The file's JSON; numbers with a fraction become Decimal so none loses digits."""
    if len(data) > max_bytes:
        raise ImportFileError(
            [
                f"The file is {human_size(len(data))}; the largest file this server accepts "
                f"is {human_size(max_bytes)}."
            ]
        )
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise ImportFileError(
            [f"The file is not UTF-8 text (unreadable byte at position {error.start})."]
        ) from None
    try:
        return json.loads(text, parse_float=Decimal, parse_constant=_reject_constant)
    except json.JSONDecodeError as error:
        raise ImportFileError(
            [
                "The file is not complete, valid JSON "
                f"(line {error.lineno}, column {error.colno}: {error.msg})."
            ]
        ) from None
    except RecursionError:
        raise ImportFileError([NESTED_TOO_DEEPLY]) from None
    except ValueError as error:
        message = str(error)
        if "digits" in message:
            message = "the file contains a number with too many digits"
        raise ImportFileError([f"The file cannot be read: {message}."]) from None
