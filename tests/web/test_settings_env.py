"""The strict environment readers behind settings, and start-up failures with clear messages."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.exceptions import ImproperlyConfigured

from journal.env import envbool, envint, envlist, envstr

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize("raw", ["1", "true", "TRUE", " yes ", "on"])
def test_envbool_reads_true(monkeypatch: pytest.MonkeyPatch, raw: str) -> None:
    monkeypatch.setenv("SOME_FLAG", raw)

    assert envbool("SOME_FLAG", False) is True


@pytest.mark.parametrize("raw", ["0", "false", "No", "off"])
def test_envbool_reads_false(monkeypatch: pytest.MonkeyPatch, raw: str) -> None:
    monkeypatch.setenv("SOME_FLAG", raw)

    assert envbool("SOME_FLAG", True) is False


@pytest.mark.parametrize("raw", [None, "", "   "])
def test_envbool_falls_back_to_the_default_when_unset(
    monkeypatch: pytest.MonkeyPatch, raw: str | None
) -> None:
    if raw is None:
        monkeypatch.delenv("SOME_FLAG", raising=False)
    else:
        monkeypatch.setenv("SOME_FLAG", raw)

    assert envbool("SOME_FLAG", True) is True


@pytest.mark.parametrize("raw", ["maybe", "2", "truee", "y es"])
def test_envbool_refuses_anything_else_naming_the_variable(
    monkeypatch: pytest.MonkeyPatch, raw: str
) -> None:
    monkeypatch.setenv("SOME_FLAG", raw)

    with pytest.raises(ImproperlyConfigured, match="SOME_FLAG"):
        envbool("SOME_FLAG", False)


def test_envint_reads_a_whole_number(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOME_NUMBER", " 42 ")

    assert envint("SOME_NUMBER", 1) == 42


@pytest.mark.parametrize("raw", ["forty", "4.5", "1e3", "0x10"])
def test_envint_refuses_what_is_not_a_whole_number(
    monkeypatch: pytest.MonkeyPatch, raw: str
) -> None:
    monkeypatch.setenv("SOME_NUMBER", raw)

    with pytest.raises(ImproperlyConfigured, match="SOME_NUMBER"):
        envint("SOME_NUMBER", 1)


def test_envint_refuses_a_value_below_the_minimum(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOME_NUMBER", "-3")

    with pytest.raises(ImproperlyConfigured, match="SOME_NUMBER.*minimum of 0"):
        envint("SOME_NUMBER", 1, minimum=0)


def test_envlist_splits_and_trims(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOME_LIST", " a.example , ,b.example")

    assert envlist("SOME_LIST", []) == ["a.example", "b.example"]
    assert envstr("UNSET_FOR_SURE_123", "x") == "x"


def import_settings(**env: str) -> subprocess.CompletedProcess[str]:
    clean = {
        key: value
        for key, value in os.environ.items()
        if key not in {"DEBUG", "SECRET_KEY", "DATABASE_URL"}
    }
    clean.update(env)
    return subprocess.run(
        [sys.executable, "-c", "import journal.settings"],
        cwd=ROOT,
        env=clean,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


def test_settings_refuse_to_start_in_production_without_a_secret_key() -> None:
    result = import_settings(DEBUG="false")

    assert result.returncode != 0
    assert "ImproperlyConfigured" in result.stderr
    assert "SECRET_KEY is not set" in result.stderr


def test_settings_refuse_a_short_secret_key() -> None:
    result = import_settings(DEBUG="false", SECRET_KEY="short")

    assert result.returncode != 0
    assert "SECRET_KEY must be at least 40 characters" in result.stderr


@pytest.mark.parametrize(
    ("name", "value"),
    [
        ("DEBUG", "perhaps"),
        ("SESSION_IDLE_SECONDS", "three days"),
        ("AXES_FAILURE_LIMIT", "0"),
        ("TRUSTED_PROXY_COUNT", "-1"),
    ],
)
def test_settings_name_the_variable_with_a_bad_value(name: str, value: str) -> None:
    result = import_settings(**{"DEBUG": "true", name: value})

    assert result.returncode != 0
    assert f"ImproperlyConfigured: {name}" in result.stderr


def test_settings_refuse_a_malformed_database_url() -> None:
    result = import_settings(DEBUG="true", DATABASE_URL="nonsense://")

    assert result.returncode != 0
    assert "DATABASE_URL" in result.stderr


def test_settings_import_with_good_values() -> None:
    result = import_settings(DEBUG="false", SECRET_KEY="k" * 50, ALLOWED_HOSTS="a.example")

    assert result.returncode == 0, result.stderr
