"""Turn off every second factor of one account, for a person who lost their phone and codes."""

from __future__ import annotations

from typing import Any

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError, CommandParser

from journal.factors.services import factors_all_off


class Command(BaseCommand):
    help = (
        "Remove the authenticator app, the passkeys and the recovery codes of an account, "
        "so that its password alone logs in again. Check first that the request comes from "
        "the person themselves."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("username")

    def handle(self, *args: Any, **options: Any) -> None:
        model = get_user_model()
        user = model._default_manager.filter(username=options["username"]).first()
        if user is None:
            raise CommandError(f"There is no account named {options['username']!r}.")
        removed = factors_all_off(user=user)
        name = user.get_username()
        self.stdout.write(f"Removed {removed} factor(s). {name} logs in with the password now.")
