from __future__ import annotations

from journal.core.markdown import render_markdown


def test_it_renders_emphasis_and_lists() -> None:
    html = render_markdown("*soft* and **warm**\n\n- breath\n- ease")
    assert "<em>soft</em>" in html
    assert "<strong>warm</strong>" in html
    assert "<li>breath</li>" in html


def test_it_escapes_raw_html() -> None:
    html = render_markdown('<script>alert(1)</script><img src=x onerror="alert(2)">')
    assert "<script" not in html
    assert "<img" not in html
    assert "&lt;script&gt;" in html


def test_it_refuses_javascript_links() -> None:
    html = render_markdown("[click](javascript:alert(1))")
    assert "<a" not in html
    assert "href" not in html


def test_links_get_a_safe_rel() -> None:
    html = render_markdown("[a page](https://example.org/)")
    assert 'href="https://example.org/"' in html
    assert 'rel="noopener noreferrer nofollow"' in html


def test_an_empty_body_renders_nothing() -> None:
    assert render_markdown("") == ""
