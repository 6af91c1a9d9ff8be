"""Django's SQLite backend, with the database file created private (0600) before use.

sqlite3 would create a missing file with the process's default mode (often 0644,
readable by every account on the machine); SQLite then gives its -wal and -shm files
the same mode as the database file.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.db.backends.sqlite3 import base

from journal.core.files import private_file


def _on_disk(name: Any) -> Path | None:
    text = str(name)
    if not text or text == ":memory:" or "mode=memory" in text or text.startswith("file:"):
        return None
    return Path(text)


class DatabaseWrapper(base.DatabaseWrapper):
    def get_new_connection(self, conn_params: dict[str, Any]) -> Any:
        path = _on_disk(conn_params.get("database", ""))
        if path is not None:
            private_file(path)
        return super().get_new_connection(conn_params)
