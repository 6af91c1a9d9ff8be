"""SQLite writes survive a power cut (synchronous=FULL); production defaults for sign-up and
password reset."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from django.db import connection
from django.test import Client
from django.urls import reverse

from tests.cross.test_deploy_check import ROOT, production_env


@pytest.mark.django_db
def test_sqlite_connections_use_synchronous_full() -> None:
    if connection.vendor != "sqlite":
        pytest.skip("PostgreSQL keeps its defaults (synchronous_commit=on)")
    connection.ensure_connection()
    with connection.cursor() as cursor:
        cursor.execute("PRAGMA synchronous")
        assert cursor.fetchone()[0] == 2  # FULL
        cursor.execute("PRAGMA journal_mode")
        assert cursor.fetchone()[0] in {"wal", "memory"}


PROBE = """
from django.conf import settings
from django.test import Client
response = Client().get("/accounts/password/reset/")
login = Client().get("/accounts/login/")
print(settings.SIGNUP_MODE, settings.PASSWORD_RESET_ENABLED, response.status_code)
print("ask the person who runs this server" in response.content.decode().lower())
print('href="/accounts/password/reset/"' in login.content.decode())
print("Ask the person who runs this server to set a new one" in login.content.decode())
"""


def run_probe(tmp_path: Path, **extra: str) -> list[str]:
    env = production_env(
        SECURE_SSL_REDIRECT="false",
        ALLOWED_HOSTS="testserver",
        # Plain static file names: no collectstatic manifest is needed to render a page.
        STATIC_MANIFEST="false",
        SQLITE_PATH=str(tmp_path / "unused.sqlite3"),
        **extra,
    )
    if "EMAIL_HOST" not in extra:
        env.pop("EMAIL_HOST", None)
    result = subprocess.run(
        [sys.executable, "manage.py", "shell", "-c", PROBE],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    return result.stdout.split()[-6:]


def test_production_without_smtp_hides_reset_and_says_to_ask_the_host(tmp_path: Path) -> None:
    mode, enabled, status, asks, link, login_asks = run_probe(tmp_path)
    assert (mode, enabled, status) == ("invite", "False", "200")
    assert asks == "True"
    assert link == "False"
    assert login_asks == "True"


def test_production_with_smtp_offers_reset(tmp_path: Path) -> None:
    _mode, enabled, status, asks, link, _login_asks = run_probe(
        tmp_path, EMAIL_HOST="smtp.example.org"
    )
    assert (enabled, status, asks, link) == ("True", "200", "False", "True")


@pytest.mark.django_db
def test_reset_is_hidden_when_mail_cannot_be_sent(client: Client, settings: Any) -> None:
    settings.PASSWORD_RESET_ENABLED = False
    response = client.post(reverse("accounts:password_reset"), {"email": "alice@example.org"})
    assert response.status_code == 200
    assert "This server does not send email" in response.content.decode()
    assert 'href="/accounts/password/reset/"' not in client.get("/accounts/login/").content.decode()


def test_a_wrong_signup_mode_stops_start_up(tmp_path: Path) -> None:
    env = production_env(SIGNUP_MODE="sometimes", SQLITE_PATH=str(tmp_path / "x.sqlite3"))
    result = subprocess.run(
        [sys.executable, "manage.py", "check"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode != 0
    assert "SIGNUP_MODE must be open, invite or closed" in result.stderr
