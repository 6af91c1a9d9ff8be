"""A start-up warning when a file holding health data or keys is open to other accounts.

Files the app creates are private from the start (journal.core.files); this catches ones
made before, or by hand, or copied in with the wrong mode. Runs with every management
command that checks (migrate, runserver, check), so `make run` and `make serve` show it.
"""

from __future__ import annotations

import stat
from pathlib import Path
from typing import Any

from django.conf import settings
from django.core import checks

from journal.core.files import readable_by_others


def _private_paths() -> list[Path]:
    paths = [Path(settings.BASE_DIR) / ".secret_key"]
    database = settings.DATABASES["default"]
    name = str(database.get("NAME") or "")
    sqlite = database["ENGINE"] in {"django.db.backends.sqlite3", "journal.core.sqlite"}
    if sqlite and name and name != ":memory:" and not name.startswith("file:"):
        paths += [Path(name), Path(f"{name}-wal"), Path(f"{name}-shm")]
    return paths


@checks.register(checks.Tags.security)
def private_files_check(app_configs: Any = None, **kwargs: Any) -> list[checks.CheckMessage]:
    found: list[checks.CheckMessage] = []
    for path in _private_paths():
        if readable_by_others(path):
            mode = stat.S_IMODE(path.stat().st_mode)
            found.append(
                checks.Warning(
                    f"{path} can be opened by other accounts on this machine (mode {mode:04o}); "
                    "it holds journal entries, password hashes, log-in sessions or the secret key.",
                    hint=f"Run: chmod 600 {path}",
                    id="journal.W001",
                )
            )
    uploads = Path(settings.FILE_UPLOAD_TEMP_DIR)
    if readable_by_others(uploads):
        found.append(
            checks.Warning(
                f"The upload folder {uploads} can be entered by other accounts on this machine; "
                "journals being imported pass through it.",
                hint=f"Run: chmod 700 {uploads}",
                id="journal.W002",
            )
        )
    return found
