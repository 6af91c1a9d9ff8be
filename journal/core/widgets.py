"""Form widgets shared by several capabilities."""

from __future__ import annotations

from typing import Any

from django import forms


class LanguageSelect(forms.Select):
    """Each language's option marked with its own `lang`, so a screen reader says it right."""

    def create_option(self, *args: Any, **kwargs: Any) -> dict[str, Any]:
        option: dict[str, Any] = super().create_option(*args, **kwargs)
        if option["value"]:
            option["attrs"]["lang"] = option["value"]
        return option
