"""The README's nginx block logs paths only: no query strings (the timeline's filters hold
the person's words) and no referrers (the next page's Referer would repeat them)."""

from __future__ import annotations

import re

from django.conf import settings

FORBIDDEN = ("$args", "$query_string", "$request_uri", "$http_referer", "$arg_")


def nginx_block() -> str:
    readme = (settings.BASE_DIR / "README.md").read_text(encoding="utf-8")
    blocks = re.findall(r"```nginx\n(.*?)```", readme, flags=re.S)
    assert len(blocks) == 1, "expected one nginx block in the README"
    return blocks[0]


def directives(block: str, name: str) -> list[str]:
    text = re.sub(r"#[^\n]*", "", block)
    return [m.strip() for m in re.findall(rf"(?:^|\s){name}\s+([^;]*);", text)]


def test_the_documented_log_format_holds_no_query_string_or_referrer() -> None:
    formats = directives(nginx_block(), "log_format")
    assert formats, "the nginx block should define its own log_format"
    for value in formats:
        assert not any(name in value for name in FORBIDDEN), value
        # $request is the whole request line, query string included (the combined format).
        assert not re.search(r"\$request(?![_a-z])", value), value
        assert "$uri" in value  # the path, without its query string


def test_every_access_log_uses_the_documented_format() -> None:
    block = nginx_block()
    name = directives(block, "log_format")[0].split()[0]
    logs = directives(block, "access_log")
    assert logs, "each server block should name its access log and format"
    for value in logs:
        assert value == "off" or value.split()[-1] == name, value
