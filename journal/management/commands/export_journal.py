"""Export one person's journal to a file, the same bytes as the Export page gives."""

from __future__ import annotations

import sys
from datetime import date
from pathlib import Path
from typing import Any

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError, CommandParser

from journal.portability import formats
from journal.portability.reader import DateRange, JournalReader


def _day(value: str) -> date:
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise CommandError(f"{value!r} is not a day like 2025-03-04.") from None


class Command(BaseCommand):
    help = "Export a person's journal as JSON, a CSV zip, Markdown or a PDF summary."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--username", required=True)
        parser.add_argument("--format", choices=list(formats.BY_KEY), default=formats.DEFAULT)
        parser.add_argument("--since", type=_day, help="First day, in the person's time zone.")
        parser.add_argument("--until", type=_day, help="Last day, included.")
        parser.add_argument("--out", required=True, help="File to write, or - for stdout.")

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            user = get_user_model().objects.get(username=options["username"])
        except get_user_model().DoesNotExist:
            raise CommandError(f"There is no user called {options['username']!r}.") from None
        since, until = options["since"], options["until"]
        if since and until and since > until:
            raise CommandError("--since is after --until.")
        reader = JournalReader(user, DateRange(since=since, until=until))
        chosen = options["format"]
        if options["out"] == "-":
            out = sys.stdout.buffer
            self._write(reader, chosen, out)
            out.flush()
            return
        path = Path(options["out"])
        with path.open("wb") as out:
            self._write(reader, chosen, out)
        self.stderr.write(f"Wrote {path} ({path.stat().st_size} bytes).")

    def _write(self, reader: JournalReader, chosen: str, out: Any) -> None:
        for chunk in formats.BY_KEY[chosen].write(reader):
            out.write(chunk)
