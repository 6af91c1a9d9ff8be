"""What every way a file can be unreadable has in common: one error with messages."""

from __future__ import annotations

NESTED_TOO_DEEPLY = "The file is nested too deeply to be a journal export."


class ImportFileError(Exception):
    """The file cannot be imported; `messages` say what and where."""

    def __init__(self, messages: list[str]) -> None:
        super().__init__("; ".join(messages))
        self.messages = messages


def human_size(n: int) -> str:
    if n >= 1024 * 1024:
        return f"{n / (1024 * 1024):.1f} MB".replace(".0 MB", " MB")
    return f"{max(1, round(n / 1024))} KB"
