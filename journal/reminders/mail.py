"""Reminder emails, each with a one-click unsubscribe link that needs no log-in (RFC 8058)."""

from __future__ import annotations

import logging
import smtplib

from django.conf import settings
from django.contrib.auth.models import User
from django.core import signing
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.urls import reverse

from journal.reminders.words import Words

log = logging.getLogger("journal.reminders")

UNSUBSCRIBE_SALT = "journal.reminders.unsubscribe"


def unsubscribe_token(user: User) -> str:
    return signing.dumps({"u": user.pk}, salt=UNSUBSCRIBE_SALT, compress=True)


def user_id_from_token(token: str) -> int | None:
    try:
        data = signing.loads(token, salt=UNSUBSCRIBE_SALT)
    except signing.BadSignature:
        return None
    user_id = data.get("u") if isinstance(data, dict) else None
    return user_id if isinstance(user_id, int) else None


def site_url() -> str:
    """The public origin for links in emails: SITE_URL, else the first trusted origin."""
    if settings.SITE_URL:
        return settings.SITE_URL.rstrip("/")
    if settings.CSRF_TRUSTED_ORIGINS:
        return settings.CSRF_TRUSTED_ORIGINS[0].rstrip("/")
    host = settings.ALLOWED_HOSTS[0] if settings.ALLOWED_HOSTS else "localhost"
    return f"http://{host}:8000" if settings.DEBUG else f"https://{host}"


def reminder_email(user: User, words: Words) -> EmailMultiAlternatives:
    base = site_url()
    unsubscribe = base + reverse("reminders:unsubscribe", kwargs={"token": unsubscribe_token(user)})
    context = {
        "words": words,
        "link": base + words.path,
        "unsubscribe": unsubscribe,
        "settings_link": base + reverse("reminders:settings"),
        "SITE_NAME": settings.SITE_NAME,
    }
    message = EmailMultiAlternatives(
        subject=words.title,
        body=render_to_string("reminders/email.txt", context),
        to=[user.email],
        headers={
            "List-Unsubscribe": f"<{unsubscribe}>",
            "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
            "Auto-Submitted": "auto-generated",
        },
    )
    message.attach_alternative(render_to_string("reminders/email.html", context), "text/html")
    return message


def email_send(user: User, words: Words) -> bool:
    try:
        reminder_email(user, words).send()
    except (smtplib.SMTPException, OSError) as exc:
        log.warning("reminder email failed user=%s error=%s", user.pk, type(exc).__name__)
        return False
    return True
