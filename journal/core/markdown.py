"""Journal text is Markdown, rendered safely and within a time budget.

markdown-it-py in its safe "js-default" preset (raw HTML off, unsafe link schemes
refused), then nh3 with a small allow-list as a second fence; links get
rel="noopener noreferrer nofollow".

Some inputs cost markdown-it far more than their length suggests: every unclosed `[`
or `![` makes it scan the rest of the paragraph again, so 200,000 of them take minutes.
Every parsing rule therefore checks a deadline; a text that would take longer than
RENDER_BUDGET_SECONDS is shown as escaped plain text (its words kept, its formatting not).
The budget is the rendering thread's own CPU time, so a busy server does not turn ordinary
text plain.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from contextvars import ContextVar
from functools import cache
from typing import Any

import nh3
from django.utils.html import linebreaks
from django.utils.safestring import SafeString, mark_safe
from markdown_it import MarkdownIt

# The one limit on a body's length, for the form, autosave and the import alike (the
# export schema's "body" maxLength says the same; a test keeps the two equal).
BODY_MAX_CHARS = 200_000
# How long one render may take before the text is shown plain instead.
RENDER_BUDGET_SECONDS = 0.3
# A card shows the start of a body: only this much of it is rendered.
EXCERPT_CHARS = 2_000

ALLOWED_TAGS = {
    "p", "br", "strong", "em", "ul", "ol", "li", "blockquote", "code", "pre", "a",
    "h1", "h2", "h3", "h4", "hr",
}  # fmt: skip
ALLOWED_ATTRIBUTES = {"a": {"href", "title"}}

_deadline: ContextVar[float] = ContextVar("markdown_deadline", default=float("inf"))


class _OverBudget(Exception):
    pass


# Rule calls between two looks at the clock (a look is a system call).
_EVERY = 64
_calls = [0]  # shared by threads: only a sampling counter, so a lost increment is harmless


def _timed(rule: Callable[..., Any]) -> Callable[..., Any]:
    def checked(*args: Any) -> Any:
        _calls[0] += 1
        if not _calls[0] % _EVERY and time.thread_time() > _deadline.get():
            raise _OverBudget
        return rule(*args)

    return checked


@cache
def _parser() -> MarkdownIt:
    md = MarkdownIt("js-default", {"breaks": True, "linkify": False})
    for ruler in (md.block.ruler, md.inline.ruler, md.inline.ruler2):
        rules: list[Any] = list(ruler.__rules__)
        for rule in rules:
            ruler.at(rule.name, _timed(rule.fn), {"alt": rule.alt})
    return md


def plain_text_html(text: str) -> SafeString:
    """The text escaped, in paragraphs and line breaks: what is shown when Markdown cannot be."""
    return mark_safe(linebreaks(text, autoescape=True))  # noqa: S308 - escaped just above


def render_markdown(text: str, *, budget: float = RENDER_BUDGET_SECONDS) -> SafeString:
    text = text or ""
    if not text:
        return SafeString("")
    parser = _parser()  # built once per process, outside the budget
    token = _deadline.set(time.thread_time() + budget)
    try:
        html = parser.render(text)
    except (_OverBudget, RecursionError):
        return plain_text_html(text)
    finally:
        _deadline.reset(token)
    clean = nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes={"http", "https", "mailto"},
        link_rel="noopener noreferrer nofollow",
    )
    return mark_safe(clean)  # noqa: S308 - cleaned by nh3 just above


def render_excerpt(text: str) -> SafeString:
    """The start of a body rendered, for a card that shows only its first words."""
    return render_markdown((text or "")[:EXCERPT_CHARS])
