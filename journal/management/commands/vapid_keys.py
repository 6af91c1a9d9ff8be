from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from journal.reminders.push import vapid_keys_make


class Command(BaseCommand):
    help = (
        "Make the server's VAPID keys for Web Push, kept in the database; does nothing when "
        "they exist. --replace makes new ones: every device must then subscribe again."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--replace", action="store_true", help="Make new keys.")

    def handle(self, *args: Any, **options: Any) -> None:
        keys, made = vapid_keys_make(replace=options["replace"])
        state = "made" if made else "kept"
        self.stdout.write(f"VAPID keys {state}; public key: {keys.public_key}")
