"""Import a JSON export into one person's journal: checked first, then all or nothing."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError, CommandParser

from journal.portability.importer import ImportFileError, journal_import


class Command(BaseCommand):
    help = "Import a JSON journal export into a person's account."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--username", required=True)
        parser.add_argument("path", help="A JSON file made by export_journal or the Export page.")
        parser.add_argument(
            "--max-bytes",
            type=int,
            default=None,
            help="Largest file to accept (default: the IMPORT_MAX_BYTES setting).",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            user = get_user_model().objects.get(username=options["username"])
        except get_user_model().DoesNotExist:
            raise CommandError(f"There is no user called {options['username']!r}.") from None
        path = Path(options["path"])
        if not path.is_file():
            raise CommandError(f"There is no file at {path}.")
        limit = options["max_bytes"] or settings.IMPORT_MAX_BYTES
        with path.open("rb") as handle:
            data = handle.read(limit + 1)
        try:
            summary = journal_import(user=user, data=data, max_bytes=limit)
        except ImportFileError as error:
            raise CommandError(
                "Nothing was imported:\n" + "\n".join(f"  {m}" for m in error.messages)
            ) from None
        for line in summary.lines():
            self.stdout.write(line)
        if summary.settings_applied:
            self.stdout.write("Time zone and week start taken from the file.")
