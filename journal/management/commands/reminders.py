from __future__ import annotations

import signal
import time
from typing import Any

from django.core.management.base import BaseCommand, CommandParser
from django.db import close_old_connections

from journal.reminders.sender import run_once


class Command(BaseCommand):
    help = (
        "Send the reminders that are due (Web Push and email). Runs every minute until "
        "stopped; --once sends what is due now and exits (for cron or a systemd timer). "
        "Several senders may run at once: each slot is claimed in the database before it "
        "is sent, so none goes out twice."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--once", action="store_true", help="One pass, then exit.")
        parser.add_argument(
            "--interval", type=float, default=60.0, help="Seconds between passes (60)."
        )

    def handle(self, *args: Any, **options: Any) -> None:
        if options["once"]:
            self._pass()
            return
        stopping = False

        def stop(signum: int, frame: Any) -> None:
            nonlocal stopping
            stopping = True

        signal.signal(signal.SIGTERM, stop)
        signal.signal(signal.SIGINT, stop)
        interval = max(options["interval"], 1.0)
        while not stopping:
            close_old_connections()
            self._pass()
            # Wake at the start of the next interval, in small steps so a stop is quick.
            deadline = time.time() + interval - (time.time() % interval)
            while not stopping and time.time() < deadline:
                time.sleep(min(1.0, deadline - time.time()))

    def _pass(self) -> None:
        report = run_once()
        if report.claimed or report.failed:
            self.stdout.write(
                f"reminders: {report.claimed} sent, {report.pushed} pushes, "
                f"{report.emailed} emails, {report.failed} failed, "
                f"{report.skipped_taken} taken by another sender"
            )
