"""Fill a person's journal with years of realistic, deterministic demo data."""

from __future__ import annotations

import secrets
import time
from datetime import date
from typing import Any

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils import timezone

from journal.accounts.profiles import profile_for
from journal.accounts.services import user_signup
from journal.core.timezones import validate_time_zone
from journal.demo.seed import demo_seed


def _date(value: str) -> date:
    try:
        return date.fromisoformat(value)
    except ValueError as error:
        raise CommandError(f"--until wants a date like 2026-03-31, not {value!r}.") from error


class Command(BaseCommand):
    help = (
        "Create or fill a user with years of check-ins, practice sessions, reflections and "
        "sensations. Days that already hold an entry or session are left alone, so running it "
        "again with the same arguments adds nothing."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--username", default="demo")
        parser.add_argument("--years", type=int, default=1)
        parser.add_argument("--seed", type=int, default=1, help="Same seed, same data.")
        parser.add_argument(
            "--until", type=_date, default=None, help="Last day (YYYY-MM-DD); default today."
        )
        parser.add_argument(
            "--password", default=None, help="For a new user; a random one is printed if omitted."
        )
        parser.add_argument(
            "--time-zone", default=None, help="IANA name; a new user defaults to Europe/London."
        )

    def handle(self, *args: Any, **options: Any) -> None:
        years: int = options["years"]
        if not 1 <= years <= 20:
            raise CommandError("--years must be between 1 and 20.")
        zone_name: str | None = options["time_zone"]
        if zone_name is not None:
            try:
                validate_time_zone(zone_name)
            except Exception as error:
                raise CommandError(f"{zone_name!r} is not a time zone we know.") from error

        User = get_user_model()
        username: str = options["username"]
        user = User.objects.filter(username=username).first()
        if user is None:
            password = options["password"] or secrets.token_urlsafe(12)
            user = user_signup(
                username=username, password=password, time_zone=zone_name or "Europe/London"
            )
            shown = "the password you gave" if options["password"] else password
            self.stdout.write(f"Created {username} (password: {shown}).")
        else:
            self.stdout.write(f"Filling {username}; days that already hold data are kept.")
            if zone_name is not None:
                profile = profile_for(user)
                profile.time_zone = zone_name
                profile.save(update_fields=["time_zone"])
        # profile_for: an account made with createsuperuser or the admin has no profile yet.
        until: date = options["until"] or timezone.localdate(timezone=profile_for(user).zone)

        started = time.perf_counter()
        summary = demo_seed(
            user=user, years=years, seed=options["seed"], until=until, stdout=self.stdout
        )
        seconds = time.perf_counter() - started
        self.stdout.write(
            self.style.SUCCESS(
                f"Done in {seconds:.1f} s: {summary.entries} entries ({summary.check_ins} "
                f"check-ins), {summary.sessions} sessions, {summary.sensations} sensations over "
                f"{summary.days} days ({summary.skipped_days} already filled)."
            )
        )
