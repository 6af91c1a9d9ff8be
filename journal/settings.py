"""Settings for the journal, all read from environment variables (see README)."""

from __future__ import annotations

import contextlib
import secrets
from datetime import timedelta
from pathlib import Path

import dj_database_url
from csp.constants import NONE, SELF
from django.core.exceptions import ImproperlyConfigured

from journal.core.files import private_text
from journal.env import envbool, envint, envlist, envstr

BASE_DIR = Path(__file__).resolve().parent.parent

DEBUG = envbool("DEBUG", False)


def _secret_key() -> str:
    key = envstr("SECRET_KEY")
    if key:
        if len(key) < 40:
            raise ImproperlyConfigured("SECRET_KEY must be at least 40 characters long.")
        return key
    if not DEBUG:
        raise ImproperlyConfigured(
            "SECRET_KEY is not set. Set it to a long random value, or set DEBUG=true "
            "for local development."
        )
    # A development key, made once and kept in an ignored file so sessions survive restarts;
    # created 0600 before the key is written into it.
    path = BASE_DIR / ".secret_key"
    if not path.exists():
        # FileExistsError: made a moment ago by another process starting beside this one.
        with contextlib.suppress(FileExistsError):
            private_text(path, secrets.token_urlsafe(50))
    return path.read_text().strip()


SECRET_KEY = _secret_key()

ALLOWED_HOSTS = envlist("ALLOWED_HOSTS", ["127.0.0.1", "localhost"] if DEBUG else [])
CSRF_TRUSTED_ORIGINS = envlist("CSRF_TRUSTED_ORIGINS", [])
SITE_NAME = envstr("SITE_NAME", "Soma journal")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django_htmx",
    "template_partials",
    "axes",
    # The authenticator app's secret and its checks (journal/factors/).
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_tasks",
    "django_tasks_db",
    "journal",
    "practices",
]

MIDDLEWARE = [
    # Answers /healthz before any session or database work.
    "journal.web.health.HealthzMiddleware",
    # Before WhiteNoise, so static files carry it too.
    "journal.web.middleware.PermissionsPolicyMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    # The language: the person's own once logged in (journal.web.middleware), else the
    # language cookie set by the switch on public pages, else Accept-Language.
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "csp.middleware.CSPMiddleware",
    "journal.web.middleware.PrivateCacheMiddleware",
    "journal.web.middleware.SessionTimeoutMiddleware",
    "journal.web.middleware.PersonTimeZoneMiddleware",
    "journal.web.middleware.HtmxLoginRedirectMiddleware",
    "journal.web.middleware.RefusedAccessLogMiddleware",
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "journal.urls"
WSGI_APPLICATION = "journal.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "django.template.context_processors.i18n",
                "journal.web.context_processors.site",
            ],
        },
    },
]


def _sqlite_synchronous() -> str:
    value = envstr("SQLITE_SYNCHRONOUS", "FULL").strip().upper()
    if value not in {"FULL", "NORMAL"}:
        raise ImproperlyConfigured("SQLITE_SYNCHRONOUS must be FULL or NORMAL.")
    return value


# Databases: an SQLite file by default; DATABASE_URL switches to PostgreSQL.
DATABASE_URL = envstr("DATABASE_URL")
if DATABASE_URL:
    try:
        DATABASES = {
            "default": dj_database_url.parse(
                DATABASE_URL,
                conn_max_age=envint("DATABASE_CONN_MAX_AGE", 600, minimum=0),
                conn_health_checks=True,
            )
        }
    except ValueError as exc:
        raise ImproperlyConfigured(f"DATABASE_URL is not a valid database URL: {exc}") from None
else:
    DATABASES = {
        "default": {
            # Django's SQLite backend, creating the database file 0600 (journal/core/sqlite).
            "ENGINE": "journal.core.sqlite",
            "NAME": envstr("SQLITE_PATH", str(BASE_DIR / "db.sqlite3")),
            "OPTIONS": {
                # Writers queue for the lock instead of failing halfway through a transaction.
                "transaction_mode": "IMMEDIATE",
                "timeout": envint("SQLITE_BUSY_TIMEOUT", 20, minimum=1),
                # synchronous=FULL: a check-in the page confirmed as saved survives a power
                # cut or an OS crash (NORMAL in WAL mode can lose the last transactions).
                "init_command": (
                    "PRAGMA journal_mode=WAL;"
                    f"PRAGMA synchronous={_sqlite_synchronous()};"
                    "PRAGMA foreign_keys=ON;"
                ),
            },
            "TEST": {"NAME": envstr("SQLITE_TEST_PATH") or None},
        }
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2SHA1PasswordHasher",
    "django.contrib.auth.hashers.ScryptPasswordHasher",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 10},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "today:home"
LOGOUT_REDIRECT_URL = "today:home"

# Log-in brute-force protection: a lock per (username, address) pair, so a stranger
# guessing at someone's account cannot lock that person out from their own device,
# and the lock lifts by itself.
AXES_FAILURE_LIMIT = envint("AXES_FAILURE_LIMIT", 5, minimum=1)
AXES_COOLOFF_TIME = timedelta(minutes=envint("AXES_COOLOFF_MINUTES", 15, minimum=1))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "registration/locked_out.html"
# The client address comes from the socket unless the operator says how many
# trusted proxies sit in front; a forged X-Forwarded-For is then ignored.
TRUSTED_PROXY_COUNT = envint("TRUSTED_PROXY_COUNT", 0, minimum=0)
# django-ipware is not installed, so axes would ignore AXES_IPWARE_*: our own reader applies
# TRUSTED_PROXY_COUNT (journal/accounts/security_log.py).
AXES_CLIENT_IP_CALLABLE = "journal.accounts.security_log.client_ip_from_meta"
AXES_VERBOSE = False

LANGUAGE_CODE = "en-gb"
# Each language's own name, so a person finds theirs whatever the page is in.
LANGUAGES = [
    ("en-gb", "English"),
    ("de", "Deutsch"),
    ("es", "Español"),
    ("fr", "Français"),
    ("it", "Italiano"),
    ("nl", "Nederlands"),
    ("pt-br", "Português (Brasil)"),
]
LOCALE_PATHS = [BASE_DIR / "locale"]
LANGUAGE_COOKIE_NAME = "language"
LANGUAGE_COOKIE_AGE = 365 * 24 * 60 * 60
LANGUAGE_COOKIE_SAMESITE = "Lax"
TIME_ZONE = "UTC"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "whitenoise.storage.CompressedManifestStaticFilesStorage"
            if envbool("STATIC_MANIFEST", not DEBUG)
            else "django.contrib.staticfiles.storage.StaticFilesStorage"
        )
    },
}

# Mail: printed to the console unless an SMTP host is given.
EMAIL_HOST = envstr("EMAIL_HOST")
if EMAIL_HOST:
    EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    EMAIL_PORT = envint("EMAIL_PORT", 587, minimum=1)
    EMAIL_HOST_USER = envstr("EMAIL_HOST_USER")
    EMAIL_HOST_PASSWORD = envstr("EMAIL_HOST_PASSWORD")
    EMAIL_USE_TLS = envbool("EMAIL_USE_TLS", True)
else:
    EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
DEFAULT_FROM_EMAIL = envstr("DEFAULT_FROM_EMAIL", "journal@localhost")

# Sessions: an absolute lifetime (the cookie age) and an idle timeout.
SESSION_ENGINE = "journal.accounts.session_store"
SESSION_COOKIE_AGE = envint("SESSION_ABSOLUTE_SECONDS", 14 * 24 * 3600, minimum=60)
SESSION_IDLE_SECONDS = envint("SESSION_IDLE_SECONDS", 3 * 24 * 3600, minimum=60)
# Django's cookie age counts from the last save; journal.web.middleware enforces the real limit.
SESSION_ABSOLUTE_SECONDS = SESSION_COOKIE_AGE
SESSION_SAVE_EVERY_REQUEST = False
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_HTTPONLY = True
CSRF_FAILURE_VIEW = "journal.accounts.security_log.csrf_failure"

# Security headers. The CSP allows scripts and styles from our own origin only.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "media-src": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
        "base-uri": [NONE],
        "object-src": [NONE],
    }
}
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
if envbool("BEHIND_TLS_PROXY", False):
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = envbool("SECURE_SSL_REDIRECT", not DEBUG)
SESSION_COOKIE_SECURE = envbool("SECURE_COOKIES", not DEBUG)
CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE
LANGUAGE_COOKIE_SECURE = SESSION_COOKIE_SECURE
SECURE_HSTS_SECONDS = envint("SECURE_HSTS_SECONDS", 0 if DEBUG else 31536000, minimum=0)
SECURE_HSTS_INCLUDE_SUBDOMAINS = envbool("SECURE_HSTS_INCLUDE_SUBDOMAINS", not DEBUG)
# Preloading is off unless asked for: once browsers ship the host in their preload list,
# taking it out takes months, and every subdomain must then serve HTTPS.
SECURE_HSTS_PRELOAD = envbool("SECURE_HSTS_PRELOAD", False)
# The deployment check's W021 only says that preload is off, which is the choice above.
SILENCED_SYSTEM_CHECKS = ["security.W021"]

# Uploads (journal imports) are capped; the import page says so.
IMPORT_MAX_BYTES = envint("IMPORT_MAX_BYTES", 50 * 1024 * 1024, minimum=1024)
DATA_UPLOAD_MAX_MEMORY_SIZE = 2_621_440
FILE_UPLOAD_MAX_MEMORY_SIZE = 2_621_440
# Files larger than this are imported as a job by the task worker, not in the request.
IMPORT_INLINE_BYTES = envint("IMPORT_INLINE_BYTES", 2 * 1024 * 1024, minimum=0)
# Uploads over FILE_UPLOAD_MAX_MEMORY_SIZE are spooled here while the request reads them:
# a folder only this account can enter, its leftovers removed at start-up.
FILE_UPLOAD_TEMP_DIR = envstr("UPLOAD_TEMP_DIR", str(BASE_DIR / "var" / "uploads"))
FILE_UPLOAD_PERMISSIONS = 0o600
# Background jobs (large imports): django-tasks with its database backend; the worker is
# `manage.py db_worker` (started by `make run`; see README, Production).
TASKS = {"default": {"BACKEND": envstr("TASKS_BACKEND", "django_tasks_db.DatabaseBackend")}}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "plain"}},
    "root": {"handlers": ["console"], "level": envstr("LOG_LEVEL", "INFO")},
    "loggers": {
        # Request lines carry only paths; no path ever holds health data.
        "django.server": {"level": "INFO"},
        "axes": {"level": "WARNING"},
        # Log-ins, failures, log-outs, lock-outs and refused access (see journal/security.py).
        "journal.security": {"level": "INFO"},
        # PDF rendering chatter (fonts, layout) is not useful in the server log.
        "weasyprint": {"level": "WARNING"},
        "fontTools": {"level": "WARNING"},
    },
}

# Reminders (journal/reminders): the public origin used in links inside emails, and the
# contact that push services are given with each Web Push message (VAPID "sub").
SITE_URL = envstr("SITE_URL")
VAPID_SUBJECT = envstr("VAPID_SUBJECT", f"mailto:{DEFAULT_FROM_EMAIL}")
# Who may sign up: "open" (anyone), "invite" (an invitation link is needed) or "closed".
# The first account on an empty server can always be made, and becomes staff.
SIGNUP_MODE = envstr("SIGNUP_MODE", "open" if DEBUG else "invite").strip().lower()
if SIGNUP_MODE not in {"open", "invite", "closed"}:
    raise ImproperlyConfigured("SIGNUP_MODE must be open, invite or closed.")
INVITATION_DAYS = envint("INVITATION_DAYS", 7, minimum=1)
# "Keep me logged in on this device": the idle limit for such a log-in (the absolute limit,
# SESSION_ABSOLUTE_SECONDS, still holds).
SESSION_REMEMBER_IDLE_SECONDS = envint("SESSION_REMEMBER_IDLE_SECONDS", 30 * 24 * 3600, minimum=60)
# Wrong passwords typed inside a log-in (deleting the account, changing the password) before
# that log-in is ended.
IN_SESSION_PASSWORD_FAILURES = envint("IN_SESSION_PASSWORD_FAILURES", 5, minimum=1)
# Mail reaches people through SMTP, or the console in development. Without SMTP a production
# server does not send reset links (the console is the server log): the reset pages say to
# ask the host instead, and no new-device emails are sent.
EMAIL_CAN_SEND = bool(EMAIL_HOST) or DEBUG
PASSWORD_RESET_ENABLED = EMAIL_CAN_SEND
# Rate limits, counted in the database so that several app servers share them:
# "scope": (allowed, window in seconds), per account and per address.
RATE_LIMITS = {
    "import": (envint("RATE_LIMIT_IMPORTS", 10, minimum=1), 3600),
    "pdf_export": (envint("RATE_LIMIT_PDF_EXPORTS", 20, minimum=1), 3600),
    "password_reset": (envint("RATE_LIMIT_PASSWORD_RESETS", 5, minimum=1), 3600),
    "signup": (envint("RATE_LIMIT_SIGNUPS", 10, minimum=1), 3600),
    "invitation": (envint("RATE_LIMIT_INVITATIONS", 10, minimum=1), 3600),
    # Log-in attempts from one address, whatever the username (axes locks per username).
    "login": (envint("RATE_LIMIT_LOGINS", 20, minimum=1), 600),
}
