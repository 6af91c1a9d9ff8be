"""`manage.py invite`: make a single-use sign-up link (for SIGNUP_MODE=invite)."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandParser

from journal.accounts.invitations import invitation_create, invitation_path


class Command(BaseCommand):
    help = "Make a single-use invitation link to sign up, and print it."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--note", default="", help="who it is for (not shown to them)")
        parser.add_argument(
            "--days", type=int, default=None, help="days until it expires (INVITATION_DAYS)"
        )
        parser.add_argument(
            "--base-url",
            default="",
            help="the server's address, e.g. https://journal.example.org "
            "(default: the first of CSRF_TRUSTED_ORIGINS)",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        days = options["days"]
        if days is not None and days < 1:
            self.stderr.write("--days must be 1 or more.")
            raise SystemExit(2)
        invitation, token = invitation_create(created_by=None, note=options["note"], days=days)
        base = options["base_url"] or next(iter(settings.CSRF_TRUSTED_ORIGINS), "")
        self.stdout.write(base.rstrip("/") + invitation_path(token))
        self.stderr.write(
            f"Single use; expires {invitation.expires_at:%Y-%m-%d %H:%M} UTC. "
            "Send it to the person yourself."
        )
