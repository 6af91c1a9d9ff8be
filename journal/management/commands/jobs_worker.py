"""The background worker: tidy what a stopped worker left, then run django-tasks' db_worker."""

from __future__ import annotations

from typing import Any

from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandParser

from journal.portability.import_jobs import import_jobs_recover


class Command(BaseCommand):
    help = (
        "Run queued jobs (large imports). Imports a stopped worker left halfway are removed "
        "first. Options after -- go to django-tasks' db_worker (e.g. --batch)."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--batch", action="store_true", help="Stop when no job is left.")

    def handle(self, *args: Any, **options: Any) -> None:
        stopped = import_jobs_recover()
        if stopped:
            self.stderr.write(f"Removed what {stopped} stopped import job(s) had written.")
        extra = ["--batch"] if options["batch"] else []
        call_command("db_worker", "--no-startup-delay", *extra)
