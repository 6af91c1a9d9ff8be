"""What every way a file can be unreadable has in common: one error with messages."""

from __future__ import annotations

from django.utils import formats
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

NESTED_TOO_DEEPLY = gettext_lazy("The file is nested too deeply to be a journal export.")


class ImportFileError(Exception):
    """The file cannot be imported; `messages` say what and where."""

    def __init__(self, messages: list[str]) -> None:
        super().__init__("; ".join(messages))
        self.messages = messages


def human_size(n: int) -> str:
    """ "2.5 MB" ("2,5 MB" in German), "12 KB"."""
    if n >= 1024 * 1024:
        megabytes = round(n / (1024 * 1024), 1)
        shown = formats.number_format(megabytes, 0 if megabytes % 1 == 0 else 1)
        return _("%(size)s MB") % {"size": shown}
    return _("%(size)s KB") % {"size": max(1, round(n / 1024))}
