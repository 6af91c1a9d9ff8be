"""Every shipped language's catalogues are complete, and say what the English says."""

from __future__ import annotations

import re
from pathlib import Path

import polib
import pytest
from django.conf import settings

from practices import catalog_translations
from practices.catalog import CATALOG

LOCALE = Path(settings.BASE_DIR) / "locale"
SHIPPED = [code for code, _ in settings.LANGUAGES if code != settings.LANGUAGE_CODE]
# Python's %(name)s and %s, the template's {name} and JavaScript's %(name)s.
PLACEHOLDER = re.compile(r"%\([a-z_]+\)[sdf]|%[sdf]|\{[a-z_]*\}")


def _catalogues() -> list[tuple[str, Path]]:
    found = []
    for code in SHIPPED:
        folder = LOCALE / catalog_translations._file_stem(code) / "LC_MESSAGES"
        found += [(code, folder / "django.po"), (code, folder / "djangojs.po")]
    return found


def _placeholders(text: str) -> list[str]:
    return sorted(PLACEHOLDER.findall(text))


@pytest.mark.parametrize(("code", "path"), _catalogues(), ids=lambda v: str(v)[-30:])
def test_every_message_is_translated_and_none_is_fuzzy(code: str, path: Path) -> None:
    catalogue = polib.pofile(str(path))
    untranslated = [e.msgid for e in catalogue.untranslated_entries()]
    fuzzy = [e.msgid for e in catalogue.fuzzy_entries()]
    assert untranslated == [], (
        f"{code}: {len(untranslated)} untranslated, first: {untranslated[:5]}"
    )
    assert fuzzy == [], f"{code}: {len(fuzzy)} fuzzy, first: {fuzzy[:5]}"
    assert catalogue.metadata.get("Language", "").lower().replace("_", "-") == code


@pytest.mark.parametrize(("code", "path"), _catalogues(), ids=lambda v: str(v)[-30:])
def test_placeholders_match_between_each_message_and_its_translation(code: str, path: Path) -> None:
    wrong = []
    for entry in polib.pofile(str(path)).translated_entries():
        if entry.msgid_plural:
            pairs = [
                (entry.msgid_plural if n else entry.msgid, s)
                for n, s in sorted(entry.msgstr_plural.items())
            ]
        else:
            pairs = [(entry.msgid, entry.msgstr)]
        for english, local in pairs:
            # A plural's singular may say "one" where the English has %(count)s.
            if set(_placeholders(local)) - set(_placeholders(english)) or (
                not entry.msgid_plural and _placeholders(local) != _placeholders(english)
            ):
                wrong.append((english, local))
    assert wrong == [], f"{code}: {len(wrong)} differ, first: {wrong[:3]}"


@pytest.mark.parametrize("code", SHIPPED)
def test_the_practice_catalog_is_translated_and_every_cue_fits_its_time(code: str) -> None:
    assert catalog_translations.problems(code, list(CATALOG)) == []
