"""The catalog's words in other languages: `english` prints the file a translator starts
from; `check LANG` lists every gap, and every cue too long for the quiet after it."""

from __future__ import annotations

import json
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from practices import catalog_translations
from practices.catalog import CATALOG


class Command(BaseCommand):
    help = "Print the English catalog in the translation files' shape, or check one language."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("action", choices=["english", "check"])
        parser.add_argument("language", nargs="?", help="a language code, e.g. de or pt-br")

    def handle(self, *args: Any, **options: Any) -> None:
        if options["action"] == "english":
            english = catalog_translations.english_source(list(CATALOG))
            self.stdout.write(json.dumps(english, ensure_ascii=False, indent=2))
            return
        language = options["language"]
        if not language:
            raise CommandError("Name the language to check, e.g. `catalog_words check de`.")
        found = catalog_translations.problems(language, list(CATALOG))
        if found:
            self.stdout.write("\n".join(found))
            raise CommandError(f"{language}: {len(found)} problems")
        self.stdout.write(f"{language}: complete, every cue fits")
