"""The catalogues hold every string the code marks: `make messages` would add nothing."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import polib
from django.conf import settings

ROOT = Path(settings.BASE_DIR)
SOURCES = ["manage.py", "journal", "practices", "templates", "static/js", "locale"]
LOCALES = ["de", "es", "fr", "it", "nl", "pt_BR"]


def _keys(path: Path) -> set[tuple[str | None, str]]:
    return {(entry.msgctxt, entry.msgid) for entry in polib.pofile(str(path))}


def test_makemessages_finds_no_string_the_catalogues_lack(tmp_path: Path) -> None:
    for name in SOURCES:
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, tmp_path / name, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, tmp_path / name)
    locales = [arg for code in LOCALES for arg in ("-l", code)]
    for domain in ("django", "djangojs"):
        subprocess.run(  # noqa: S603 (our own manage.py, fixed arguments)
            [sys.executable, "manage.py", "makemessages", "-d", domain, "--no-wrap", *locales],
            cwd=tmp_path,
            check=True,
            capture_output=True,
            env={"PATH": "/usr/bin:/bin", "DEBUG": "true", "DATABASE_URL": "sqlite:///:memory:"},
        )
    missing = {}
    for code in LOCALES:
        for domain in ("django", "djangojs"):
            name = f"{code}/LC_MESSAGES/{domain}.po"
            new = _keys(tmp_path / "locale" / name) - _keys(ROOT / "locale" / name)
            if new:
                missing[name] = sorted(str(key) for key in new)[:5]
    assert missing == {}, "run `make messages` and translate the new strings"
