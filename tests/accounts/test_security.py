"""Log-in brute-force protection (django-axes), the security log and private-page headers."""

from __future__ import annotations

import logging
import os
import runpy
import subprocess
import sys
from datetime import timedelta
from pathlib import Path
from typing import Any, cast

import pytest
from axes.models import AccessAttempt
from django.contrib.auth.models import User
from django.db.models import F
from django.http import HttpResponse
from django.test import Client
from django.urls import reverse

from tests.factories import PASSWORD

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def fast_passwords(settings: Any) -> None:
    # Argon2 costs about half a second per check; these tests log in many times.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


WRONG = "not the password at all"


def attempt(
    password: str, *, ip: str = "203.0.113.7", forwarded: str | None = None, user: str = "alice"
) -> HttpResponse:
    extra: dict[str, Any] = {"REMOTE_ADDR": ip}
    if forwarded:
        extra["HTTP_X_FORWARDED_FOR"] = forwarded
    response = Client().post(
        reverse("accounts:login"), {"username": user, "password": password}, **extra
    )
    return cast(HttpResponse, response)


def lock_out(ip: str = "203.0.113.7", user: str = "alice") -> None:
    for _ in range(4):
        assert attempt(WRONG, ip=ip, user=user).status_code == 200
    # The fifth wrong password is the one that locks.
    assert attempt(WRONG, ip=ip, user=user).status_code == 429


def test_five_wrong_passwords_lock_that_username_from_that_address(alice: User) -> None:
    lock_out()

    response = attempt(PASSWORD)

    assert response.status_code == 429
    assert b"Too many" in response.content or b"pause" in response.content.lower()


def test_a_right_password_before_the_limit_resets_the_count(alice: User) -> None:
    for _ in range(4):
        attempt(WRONG)
    assert attempt(PASSWORD).status_code == 302
    for _ in range(4):
        attempt(WRONG)

    assert attempt(PASSWORD).status_code == 302


def test_a_forged_forwarded_for_header_does_not_change_the_address(alice: User) -> None:
    for n in range(5):
        attempt(WRONG, forwarded=f"198.51.100.{n}")

    assert attempt(PASSWORD, forwarded="198.51.100.99").status_code == 429
    assert set(AccessAttempt.objects.values_list("ip_address", flat=True)) == {"203.0.113.7"}


def test_the_person_can_still_log_in_from_another_address(alice: User) -> None:
    lock_out(ip="203.0.113.7")

    assert attempt(PASSWORD, ip="192.0.2.44").status_code == 302


def test_another_username_from_the_same_address_is_not_locked(alice: User, bob: User) -> None:
    lock_out(user="alice")

    assert attempt(PASSWORD, user="bob").status_code == 302


def test_the_lock_lifts_after_the_cool_off(alice: User) -> None:
    lock_out()
    assert attempt(PASSWORD).status_code == 429

    # Travel past the 15-minute cool-off by ageing the recorded attempts.
    AccessAttempt.objects.update(attempt_time=F("attempt_time") - timedelta(minutes=16))

    assert attempt(PASSWORD).status_code == 302


def test_the_lock_holds_during_the_cool_off(alice: User) -> None:
    lock_out()
    AccessAttempt.objects.update(attempt_time=F("attempt_time") - timedelta(minutes=14))

    assert attempt(PASSWORD).status_code == 429


def test_a_trusted_proxy_count_makes_the_forwarded_address_count(
    alice: User, settings: pytest.FixtureRequest
) -> None:
    settings.TRUSTED_PROXY_COUNT = 1  # type: ignore[attr-defined]
    for n in range(5):
        # What a client writes itself sits left of what the proxy appends.
        attempt(WRONG, ip="10.0.0.1", forwarded=f"192.0.2.{n}, 198.51.100.5")

    assert attempt(PASSWORD, ip="10.0.0.1", forwarded="198.51.100.5").status_code == 429
    assert attempt(PASSWORD, ip="10.0.0.1", forwarded="198.51.100.6").status_code == 302
    assert set(AccessAttempt.objects.values_list("ip_address", flat=True)) == {"198.51.100.5"}


@pytest.mark.parametrize(
    ("count", "forwarded", "expected"),
    [
        (0, "192.0.2.1", "10.0.0.1"),
        (1, "192.0.2.1", "192.0.2.1"),
        (1, "6.6.6.6, 192.0.2.1", "192.0.2.1"),
        (2, "6.6.6.6, 192.0.2.1, 10.0.0.2", "192.0.2.1"),
        (2, "192.0.2.1", "10.0.0.1"),
        (1, "not-an-address", "10.0.0.1"),
        (1, "", "10.0.0.1"),
    ],
)
def test_the_client_address_counts_only_trusted_proxies(
    settings: pytest.FixtureRequest, count: int, forwarded: str, expected: str
) -> None:
    from django.test import RequestFactory

    from journal.accounts.security_log import client_ip_from_meta

    settings.TRUSTED_PROXY_COUNT = count  # type: ignore[attr-defined]
    request = RequestFactory().get("/", REMOTE_ADDR="10.0.0.1", HTTP_X_FORWARDED_FOR=forwarded)

    assert client_ip_from_meta(request) == expected


# The security log.


@pytest.fixture
def security_log(caplog: pytest.LogCaptureFixture) -> pytest.LogCaptureFixture:
    caplog.set_level(logging.INFO, logger="journal.security")
    return caplog


def security_lines(caplog: pytest.LogCaptureFixture) -> list[str]:
    return [r.getMessage() for r in caplog.records if r.name == "journal.security"]


def test_it_logs_a_log_in(alice: User, security_log: pytest.LogCaptureFixture) -> None:
    attempt(PASSWORD)

    assert f"login ok user_id={alice.pk} ip=203.0.113.7" in security_lines(security_log)


def test_it_logs_a_failed_log_in_with_the_username_but_never_the_password(
    alice: User, security_log: pytest.LogCaptureFixture
) -> None:
    attempt(WRONG)

    assert "login failed username=alice ip=203.0.113.7" in security_lines(security_log)
    assert WRONG not in security_log.text
    assert all(WRONG not in str(r.args) for r in security_log.records)


def test_a_failed_log_in_for_no_account_does_not_log_what_was_typed(
    alice: User, security_log: pytest.LogCaptureFixture
) -> None:
    # Often a password typed into the username field.
    attempt(WRONG, user="MyS3cretPassw0rd")

    assert "login failed username=(unknown) ip=203.0.113.7" in security_lines(security_log)
    assert "MyS3cretPassw0rd" not in security_log.text


def test_a_lockout_for_no_account_does_not_log_what_was_typed(
    alice: User, security_log: pytest.LogCaptureFixture
) -> None:
    lock_out(user="MyS3cretPassw0rd")

    assert "lockout username=(unknown) ip=203.0.113.7" in security_lines(security_log)
    assert "MyS3cretPassw0rd" not in security_log.text


def test_a_typed_username_cannot_forge_a_log_line(
    db: None, security_log: pytest.LogCaptureFixture
) -> None:
    attempt(WRONG, user="eve\nlogin ok user_id=1")

    lines = security_lines(security_log)
    assert not any(line.startswith("login ok") for line in lines)
    assert all("\n" not in line for line in lines)


def test_it_logs_a_lockout(alice: User, security_log: pytest.LogCaptureFixture) -> None:
    lock_out()

    assert "lockout username=alice ip=203.0.113.7" in security_lines(security_log)


def test_it_logs_a_log_out(alice_client: Client, security_log: pytest.LogCaptureFixture) -> None:
    alice_client.post(reverse("accounts:logout"))

    assert any(line.startswith("logout user_id=") for line in security_lines(security_log))


def test_it_logs_a_csrf_failure_once(alice: User, security_log: pytest.LogCaptureFixture) -> None:
    client = Client(enforce_csrf_checks=True)
    client.force_login(alice, backend="django.contrib.auth.backends.ModelBackend")

    response = client.post(reverse("accounts:settings"), {"time_zone": "UTC", "week_start": 0})

    assert response.status_code == 403
    refused = [line for line in security_lines(security_log) if line.startswith("refused")]
    assert len(refused) == 1
    assert "reason=csrf" in refused[0]
    assert f"user_id={alice.pk}" in refused[0]


def test_it_logs_a_refused_object_without_the_query_string(
    alice_client: Client, alice: User, security_log: pytest.LogCaptureFixture
) -> None:
    alice_client.get("/practices/no-such-practice/?q=my+private+words")

    refused = [line for line in security_lines(security_log) if line.startswith("refused")]
    assert refused == [
        f"refused status=404 reason=not_found method=GET path=/practices/no-such-practice/ "
        f"user_id={alice.pk} ip=127.0.0.1"
    ]
    assert "private words" not in security_log.text


def test_it_logs_permission_denied(
    alice_client: Client, security_log: pytest.LogCaptureFixture
) -> None:
    # The admin refuses a signed-in person who is not staff with a redirect, so a view
    # raising PermissionDenied is simulated through the middleware directly.
    from django.core.exceptions import PermissionDenied
    from django.test import RequestFactory

    from journal.web.middleware import RefusedAccessLogMiddleware

    request = RequestFactory().get("/somewhere/")
    request.user = User.objects.get(username="alice")
    middleware = RefusedAccessLogMiddleware(lambda r: HttpResponse(status=403))
    middleware.process_exception(request, PermissionDenied())
    middleware(request)

    refused = [line for line in security_lines(security_log) if line.startswith("refused")]
    assert len(refused) == 1
    assert "reason=permission_denied" in refused[0]


# Headers on private pages.


def test_signed_in_pages_are_never_cached(alice_client: Client) -> None:
    response = alice_client.get(reverse("accounts:settings"))

    assert "no-store" in response["Cache-Control"]
    assert "private" in response["Cache-Control"]


def test_pages_carry_the_security_headers(client: Client) -> None:
    response = client.get(reverse("accounts:login"))

    assert response["X-Frame-Options"] == "DENY"
    assert response["Referrer-Policy"] == "same-origin"
    assert response["X-Content-Type-Options"] == "nosniff"
    csp = response["Content-Security-Policy"]
    assert "script-src 'self'" in csp
    assert "unsafe-inline" not in csp
    assert "frame-ancestors 'none'" in csp


def test_session_and_csrf_cookies_are_http_only(alice: User) -> None:
    client = Client()
    client.get(reverse("accounts:login"))
    response = client.post(reverse("accounts:login"), {"username": "alice", "password": PASSWORD})

    assert response.cookies["sessionid"]["httponly"]
    assert response.cookies["sessionid"]["samesite"] == "Lax"


def test_no_script_keeps_anything_in_browser_storage() -> None:
    from pathlib import Path

    root = Path(__file__).resolve().parents[2]
    sources = [
        *root.joinpath("static").rglob("*.js"),
        *root.joinpath("templates").rglob("*.html"),
    ]
    # htmx's own history cache is switched off in base.html; vendored htmx is excluded.
    ours = [p for p in sources if "htmx" not in p.name and "vendor" not in p.parts]
    assert ours, "found no scripts or templates to check"
    # The one exception (README, Privacy): entries sent without a connection wait in
    # IndexedDB until the server has them.
    allowed = {("static/js/offline-queue.js", "indexedDB")}
    offenders = [
        f"{path.relative_to(root)}: {word}"
        for path in ours
        for word in ("localStorage", "sessionStorage", "indexedDB", "document.cookie")
        if word in path.read_text(errors="replace")
        and (str(path.relative_to(root)), word) not in allowed
    ]

    assert not offenders


def test_htmx_keeps_no_page_copies_in_local_storage(client: Client) -> None:
    # htmx's history cache would copy pages (health data) into localStorage.
    html = client.get(reverse("accounts:login")).content.decode()

    assert '"historyCacheSize":0' in html
    assert '"allowEval":false' in html


def test_the_access_log_leaves_out_query_strings() -> None:
    # Timeline filters carry the person's own words in the query string.
    import runpy
    from pathlib import Path

    config = runpy.run_path(str(Path(__file__).resolve().parents[2] / "gunicorn.conf.py"))
    log_format = config["access_log_format"]

    assert "%(U)s" in log_format
    for leaky in ("%(r)s", "%(q)s", "%({"):
        assert leaky not in log_format


def test_journal_words_never_reach_the_logs(
    alice_client: Client, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.INFO)
    words = "flare after the anniversary call"

    alice_client.post("/journal/new/free/", {"body": words, "pain": "99"})
    alice_client.post("/journal/new/free/", {"body": words})
    alice_client.get("/timeline/", {"q": words})
    alice_client.get("/no-such-page/", {"q": words})

    assert "anniversary" not in caplog.text


def test_an_overlong_username_is_a_form_error_not_a_failed_log_in(db: None) -> None:
    # axes stores usernames in 255 characters; PostgreSQL refused a longer one with a 500.
    response = attempt(WRONG, user="x" * 5000)

    assert response.status_code == 200
    assert b"at most 150 characters" in response.content
    assert not AccessAttempt.objects.exists()


# Permissions-Policy, referrers, HSTS preload and gunicorn's trust in forwarded headers.


@pytest.mark.parametrize("url", ["/", "/accounts/login/"])
def test_pages_refuse_the_browser_features_the_app_never_uses(client: Client, url: str) -> None:
    policy = client.get(url)["Permissions-Policy"]

    for feature in ("camera", "microphone", "geolocation", "payment", "usb", "interest-cohort"):
        assert f"{feature}=()" in policy


def test_the_practice_timer_may_still_keep_the_screen_on(alice_client: Client) -> None:
    policy = alice_client.get(reverse("accounts:settings"))["Permissions-Policy"]

    assert "screen-wake-lock" not in policy
    assert "speaker-selection" not in policy


def test_the_timeline_sends_no_referrer_because_its_url_holds_the_persons_words(
    alice_client: Client,
) -> None:
    response = alice_client.get(reverse("timeline:index"), {"q": "sore after gardening"})

    assert response["Referrer-Policy"] == "no-referrer"


def test_other_pages_keep_the_same_origin_referrer(alice_client: Client) -> None:
    assert alice_client.get(reverse("accounts:settings"))["Referrer-Policy"] == "same-origin"


def test_hsts_preload_is_off_unless_asked_for() -> None:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DEBUG", "SECURE_"))}
    env.update(DEBUG="false", SECRET_KEY="k" * 50, ALLOWED_HOSTS="a.example")
    code = "import journal.settings as s; print(s.SECURE_HSTS_PRELOAD, s.SECURE_HSTS_SECONDS)"
    result = subprocess.run(
        [sys.executable, "-c", code],
        cwd=Path(__file__).resolve().parents[2],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )

    assert result.stdout.split() == ["False", "31536000"], result.stderr


@pytest.mark.parametrize(
    ("behind_proxy", "trusted"), [("", ""), ("false", ""), ("true", "127.0.0.1,::1")]
)
def test_gunicorn_trusts_forwarded_headers_only_behind_a_tls_proxy(
    monkeypatch: pytest.MonkeyPatch, behind_proxy: str, trusted: str
) -> None:
    monkeypatch.setenv("BEHIND_TLS_PROXY", behind_proxy)
    config = runpy.run_path(str(Path(__file__).resolve().parents[2] / "gunicorn.conf.py"))

    assert config["forwarded_allow_ips"] == trusted
