"""The code stays in small pieces: modules of at most 400 lines, functions of at most 60."""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
MAX_MODULE_LINES = 400
MAX_FUNCTION_LINES = 60


def _modules() -> list[Path]:
    return sorted(
        path
        for package in ("journal", "practices")
        for path in (ROOT / package).rglob("*.py")
        if "migrations" not in path.parts
    )


def test_it_finds_the_modules() -> None:
    names = {path.relative_to(ROOT).as_posix() for path in _modules()}
    assert {
        "journal/models/entries.py",
        "practices/models.py",
        "journal/core/vocabulary.py",
    } <= names


def test_no_module_is_longer_than_400_lines() -> None:
    long = {
        path.relative_to(ROOT).as_posix(): count
        for path in _modules()
        if (count := len(path.read_text().splitlines())) > MAX_MODULE_LINES
    }
    assert long == {}


def test_no_function_is_longer_than_60_lines() -> None:
    long: dict[str, int] = {}
    for path in _modules():
        tree = ast.parse(path.read_text())
        for node in ast.walk(tree):
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
                start = min([node.lineno, *(d.lineno for d in node.decorator_list)])
                lines = (node.end_lineno or node.lineno) - start + 1
                if lines > MAX_FUNCTION_LINES:
                    long[f"{path.relative_to(ROOT).as_posix()}:{node.name}"] = lines
    assert long == {}
