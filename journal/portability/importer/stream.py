"""Reading an export as a stream: a first pass checks the bytes, later passes yield records.

Nothing holds the whole file: ijson reads a window of it at a time. The first pass
(`scan`) reads every token once, checks UTF-8, nesting depth and numbers as it goes, and
keeps only the document's own small fields (format, version, profile...) with each list
replaced by an empty one. Each later pass (`records`) yields one section's records one by
one, so a section may come anywhere in the file.

ijson's C parser is only given a file the first pass accepted: it crashes on numbers
beyond Python's digit limit and on nesting thousands deep.
"""

from __future__ import annotations

import codecs
import re
from collections.abc import Callable, Iterator
from typing import Any, Protocol

import ijson
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from journal.portability.importer.parsing import NESTED_TOO_DEEPLY, ImportFileError
from journal.portability.importer.schema import SECTIONS

# Deeper than any export (the deepest is 4); shallow enough for every later step.
MAX_DEPTH = 1000
_READ_BYTES = 64 * 1024
_BOM = codecs.BOM_UTF8
_CONSTANT = re.compile(r"-?\b(NaN|Infinity)\b")
# Longer than any number a journal holds; far below Python's 4,300-digit limit, past which
# ijson's C parser crashes instead of raising.
MAX_DIGITS = 1000
_DIGITS = re.compile(rb"[0-9]{%d,}" % MAX_DIGITS)
_TRAILING_DIGITS = re.compile(rb"[0-9]*\Z")
_LEADING_DIGITS = re.compile(rb"\A[0-9]*")
TOO_MANY_DIGITS = gettext_lazy(
    "The file cannot be read: the file contains a number with too many digits."
)


class Readable(Protocol):
    def read(self, size: int = -1, /) -> bytes: ...


Opener = Callable[[], Readable]


class _Window:
    """A file read in windows: the BOM dropped, UTF-8 checked, lines counted."""

    def __init__(self, raw: Readable, *, check: bool) -> None:
        self.raw = raw
        self.decoder = codecs.getincrementaldecoder("utf-8")() if check else None
        self.consumed = 0
        self.lines = 1
        self.failure: ImportFileError | None = None
        self._first = True
        self._digits_before = 0  # digits that ended the previous window

    def read(self, size: int = -1) -> bytes:
        data = self.raw.read(size)
        if self._first and data:
            self._first = False
            if data.startswith(_BOM):
                data = data[len(_BOM) :]
        if self.decoder is not None:
            try:
                self.decoder.decode(data, final=not data and size != 0)
            except UnicodeDecodeError as error:
                self.failure = ImportFileError(
                    [
                        _("The file is not UTF-8 text (unreadable byte at position %(position)s).")
                        % {"position": self.consumed + error.start}
                    ]
                )
                raise self.failure from None
            self._check_digits(data)
        self.consumed += len(data)
        self.lines += data.count(b"\n")
        return data

    def _check_digits(self, data: bytes) -> None:
        leading = _LEADING_DIGITS.match(data)
        run = self._digits_before + (leading.end() if leading else 0)
        if run >= MAX_DIGITS or _DIGITS.search(data):
            self.failure = ImportFileError([str(TOO_MANY_DIGITS)])
            raise self.failure
        trailing = _TRAILING_DIGITS.search(data)
        length = trailing.end() - trailing.start() if trailing else 0
        self._digits_before = run if length == len(data) else length


def _syntax_error(window: _Window, error: Exception) -> ImportFileError:
    text = error.args[0] if error.args else str(error)
    if isinstance(text, bytes):
        text = text.decode("utf-8", "replace")
    text = str(text)
    constant = _CONSTANT.search(text)
    if constant:
        return ImportFileError(
            [
                _(
                    "The file cannot be read: the file contains %(value)s, which is not a number"
                    " JSON allows."
                )
                % {"value": constant.group(1)}
            ]
        )
    first_line = text.strip().splitlines()[0] if text.strip() else _("unexpected end")
    return ImportFileError(
        [
            # Translators: %(problem)s is the JSON parser's own words, in English.
            _("The file is not complete, valid JSON (line %(line)s: %(problem)s).")
            % {"line": window.lines, "problem": first_line}
        ]
    )


class _Head:
    """Builds the document's own fields from parser events, leaving the lists out."""

    def __init__(self) -> None:
        self.document: Any = None
        self.key: str | None = None
        self.builder: Any = None
        self.skipping = False

    def event(self, depth: int, event: str, value: Any) -> None:
        """`depth` is the nesting before this event."""
        if depth == 0:
            if event in {"end_map", "end_array"}:
                return
            if event == "start_map":
                self.document = {}
            elif event == "start_array":
                self.document = []
            else:
                self.document = value
            return
        if not isinstance(self.document, dict):
            return
        if depth == 1:
            if event == "map_key":
                self.key = value
                return
            if event in {"end_map", "end_array"}:
                return
            self._value_starts(event, value)
            return
        if self.builder is not None and not self.skipping:
            self.builder.event(event, value)

    def _value_starts(self, event: str, value: Any) -> None:
        key = self.key or ""
        if key in SECTIONS:
            if key in self.document:
                raise ImportFileError([f'"{key}" appears twice in the file.'])
            placeholder: dict[str, Any] = {"start_array": [], "start_map": {}}
            self.document[key] = placeholder.get(event, value)
            self.builder, self.skipping = None, True
            return
        self.skipping = False
        if event in {"start_map", "start_array"}:
            self.builder = ijson.ObjectBuilder()
            self.builder.event(event, value)
            self.document[key] = _Pending(self.builder)
        else:
            self.builder = None
            self.document[key] = value

    def result(self) -> Any:
        if isinstance(self.document, dict):
            for key, value in self.document.items():
                if isinstance(value, _Pending):
                    self.document[key] = value.builder.value
        return self.document


class _Pending:
    def __init__(self, builder: Any) -> None:
        self.builder = builder


def scan(opener: Opener) -> Any:
    """The document without its lists (each replaced by []), or ImportFileError."""
    window = _Window(opener(), check=True)
    head = _Head()
    depth = 0
    try:
        for event, value in ijson.basic_parse(window, buf_size=_READ_BYTES):
            if event in {"end_map", "end_array"}:
                depth -= 1
            head.event(depth, event, value)
            if event in {"start_map", "start_array"}:
                depth += 1
                if depth > MAX_DEPTH:
                    raise ImportFileError([str(NESTED_TOO_DEEPLY)])
    except ImportFileError:
        raise
    except ijson.JSONError as error:
        raise window.failure or _syntax_error(window, error) from None
    except (ValueError, SystemError) as error:
        if window.failure is not None:
            raise window.failure from None
        if "digits" in str(error):
            raise ImportFileError([str(TOO_MANY_DIGITS)]) from None
        raise ImportFileError(
            [_("The file cannot be read: %(error)s.") % {"error": error}]
        ) from None
    return head.result()


class Records:
    """One section's records, one at a time; `position` is how far into the file it is."""

    def __init__(self, opener: Opener, section: str) -> None:
        self._window = _Window(opener(), check=False)
        self._items = ijson.items(self._window, f"{section}.item", buf_size=_READ_BYTES)

    @property
    def position(self) -> int:
        return self._window.consumed

    def __iter__(self) -> Iterator[Any]:
        return iter(self._items)
