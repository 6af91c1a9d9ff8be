from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from journal.portability.backup import BackupError, backup_create, database_vendor


class Command(BaseCommand):
    help = (
        "Write a backup of the whole database to PATH while the app keeps running "
        "(SQLite: online backup; PostgreSQL: pg_dump custom format)."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("path", type=Path, help="Backup file to write.")
        parser.add_argument(
            "--force", action="store_true", help="Replace PATH if it already exists."
        )
        parser.add_argument("--database", default="default", help="Database alias.")

    def handle(self, *args: Any, **options: Any) -> None:
        path: Path = options["path"]
        if path.exists() and not options["force"]:
            raise CommandError(f"{path} already exists. Use --force to replace it.")
        try:
            backup_create(path=path, using=options["database"])
        except BackupError as exc:
            raise CommandError(str(exc)) from None
        vendor = database_vendor(options["database"])
        self.stdout.write(self.style.SUCCESS(f"Backed up the {vendor} database to {path}."))
