from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from journal.portability.backup import BackupError, backup_restore, database_vendor


class Command(BaseCommand):
    help = (
        "Replace the whole database with the backup at PATH (made by `backup`). "
        "Stop the app first. Asks for confirmation unless --force is given."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("path", type=Path, help="Backup file to restore.")
        parser.add_argument(
            "--force",
            action="store_true",
            help="Overwrite the current database without asking.",
        )
        parser.add_argument(
            "--noinput",
            "--no-input",
            action="store_false",
            dest="interactive",
            help="Never prompt: without --force, refuse.",
        )
        parser.add_argument("--database", default="default", help="Database alias.")

    def handle(self, *args: Any, **options: Any) -> None:
        path: Path = options["path"]
        using: str = options["database"]
        if not path.is_file():
            raise CommandError(f"No backup file at {path}.")
        if not options["force"]:
            if not options["interactive"]:
                raise CommandError(
                    "Restoring replaces every row in the database. Add --force to go ahead."
                )
            try:
                answer = input(
                    f"This replaces everything in the {database_vendor(using)} database with "
                    f"{path}. Type 'yes' to continue: "
                )
            except EOFError:
                answer = ""
            if answer.strip().lower() != "yes":
                raise CommandError("Restore cancelled; nothing was changed.")
        try:
            backup_restore(path=path, using=using)
        except BackupError as exc:
            raise CommandError(str(exc)) from None
        self.stdout.write(self.style.SUCCESS(f"Restored the database from {path}."))
