from __future__ import annotations

from typing import Any

from django import template
from django.forms.utils import flatatt
from django.utils.html import format_html
from django.utils.safestring import SafeString

register = template.Library()


@register.filter
def option_input(choice: Any) -> SafeString:
    """A radio or checkbox option's <input>, as `choice.tag` renders it, without a template."""
    data = choice.data
    attrs = dict(data["attrs"])
    if data["selected"]:
        attrs["checked"] = True
    value = "" if data["value"] is None else str(data["value"])
    return format_html(
        '<input type="{}" name="{}" value="{}"{}>',
        data["type"],
        data["name"],
        value,
        flatatt(attrs),
    )
