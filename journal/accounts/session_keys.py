"""What a log-in session keeps besides Django's own keys."""

from __future__ import annotations

from typing import Any

# The clocks journal.web.middleware.SessionTimeoutMiddleware reads, in seconds: the log-in time
# and the last visit (moved on at most once a minute, so the session is rarely saved).
LOGIN_AT = "_journal_login_at"
LAST_SEEN = "_journal_last_seen"
LAST_SEEN_STEP = 60
# "Keep me logged in on this device": the longer idle limit applies to this log-in.
KEEP = "_journal_keep"
# The log-in form's choice, kept until `login()` runs (after a second step, if any).
REMEMBER_ASKED = "_journal_remember_asked"
# The browser and system of this log-in, shortened from the user agent at log-in.
DEVICE = "_journal_device"
# Wrong passwords typed inside this log-in (journal.accounts.password_checks).
PASSWORD_FAILURES = "_journal_password_failures"  # nosec B105


def stamp_clocks(session: Any, now: int) -> None:
    session[LOGIN_AT] = now
    session[LAST_SEEN] = now
