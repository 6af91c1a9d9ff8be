"""Web Push: the server's VAPID keys and sending one encrypted message to one device."""

from __future__ import annotations

import base64
import json
import logging
from dataclasses import dataclass

import requests
from cryptography.hazmat.primitives import serialization
from django.conf import settings
from django.utils import timezone
from py_vapid import Vapid
from pywebpush import WebPushException, webpush

from journal.reminders.models import PushSubscription, VapidKeys

log = logging.getLogger("journal.reminders")

# Push services drop a reminder that could not be delivered within this many seconds.
TTL_SECONDS = 3600


@dataclass(frozen=True)
class ServerKeys:
    vapid: Vapid
    public_key: str  # the application server key a browser subscribes with


def _b64url(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


def vapid_keys_make(*, replace: bool = False) -> tuple[VapidKeys, bool]:
    """The stored keys, made if there are none (or replaced when asked); True when new."""
    current = VapidKeys.objects.order_by("-created_at").first()
    if current is not None and not replace:
        return current, False
    vapid = Vapid()
    vapid.generate_keys()
    public = vapid.public_key.public_bytes(
        serialization.Encoding.X962, serialization.PublicFormat.UncompressedPoint
    )
    VapidKeys.objects.all().delete()
    keys = VapidKeys.objects.create(
        private_pem=vapid.private_pem().decode("ascii"), public_key=_b64url(public)
    )
    return keys, True


def server_keys() -> ServerKeys | None:
    keys = VapidKeys.objects.order_by("-created_at").first()
    if keys is None:
        return None
    return ServerKeys(
        vapid=Vapid.from_pem(keys.private_pem.encode("ascii")), public_key=keys.public_key
    )


def public_key() -> str:
    keys = VapidKeys.objects.order_by("-created_at").values_list("public_key", flat=True).first()
    return keys or ""


def push_send(subscription: PushSubscription, payload: dict[str, str], keys: ServerKeys) -> bool:
    """Send one message; a subscription the push service calls gone (404, 410) is deleted.

    Logged lines name the device's row and the HTTP status, never the words sent.
    """
    try:
        webpush(
            subscription_info=subscription.info(),
            data=json.dumps(payload),
            vapid_private_key=keys.vapid,
            vapid_claims={"sub": settings.VAPID_SUBJECT},
            ttl=TTL_SECONDS,
            timeout=10,
        )
    except WebPushException as exc:
        status = exc.response.status_code if exc.response is not None else None
        if status in (404, 410):
            log.info("push subscription gone subscription=%s status=%s", subscription.uuid, status)
            subscription.delete()
        else:
            log.warning("push failed subscription=%s status=%s", subscription.uuid, status)
        return False
    except (requests.RequestException, ValueError) as exc:
        log.warning("push failed subscription=%s error=%s", subscription.uuid, type(exc).__name__)
        return False
    PushSubscription.objects.filter(pk=subscription.pk).update(last_sent_at=timezone.now())
    return True
