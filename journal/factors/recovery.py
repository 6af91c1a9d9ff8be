"""Recovery codes: ten single-use codes, shown once and kept as salted hashes.

A code carries 60 random bits (twelve characters of Crockford's base 32), so a salted
SHA-256 is enough to keep a copy of the database from giving them away.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets

from django.contrib.auth.models import User
from django.db import transaction
from django.utils import timezone

from journal.factors.models import RecoveryCode

CODE_COUNT = 10
_ALPHABET = "0123456789abcdefghjkmnpqrstvwxyz"
_GROUP = 4
_LENGTH = 12
# Letters people mistake for others when they copy a code by hand.
_SAME_AS = str.maketrans({"i": "1", "l": "1", "o": "0", "u": "v"})


def normalise(typed: str) -> str:
    text = "".join(ch for ch in typed.lower() if ch.isalnum())
    return text.translate(_SAME_AS)


def looks_like_recovery_code(typed: str) -> bool:
    text = normalise(typed)
    return len(text) == _LENGTH and all(ch in _ALPHABET for ch in text)


def _digest(salt: str, code: str) -> str:
    return hashlib.sha256(f"{salt}:{code}".encode()).hexdigest()


def _new_code() -> str:
    raw = "".join(secrets.choice(_ALPHABET) for _ in range(_LENGTH))
    return "-".join(raw[i : i + _GROUP] for i in range(0, _LENGTH, _GROUP))


@transaction.atomic
def recovery_codes_replace(*, user: User) -> list[str]:
    """Throw away the person's codes and make ten new ones; the only time they are readable."""
    RecoveryCode.objects.filter(user=user).delete()
    codes = [_new_code() for _ in range(CODE_COUNT)]
    rows = []
    for code in codes:
        salt = secrets.token_hex(16)
        rows.append(RecoveryCode(user=user, salt=salt, code_hash=_digest(salt, normalise(code))))
    RecoveryCode.objects.bulk_create(rows)
    return codes


@transaction.atomic
def recovery_code_use(*, user: User, typed: str) -> bool:
    """Spend one unused code that matches; False if none does."""
    code = normalise(typed)
    if not looks_like_recovery_code(code):
        return False
    unused = RecoveryCode.objects.select_for_update().filter(user=user, used_at__isnull=True)
    for row in unused:
        if hmac.compare_digest(row.code_hash, _digest(row.salt, code)):
            row.used_at = timezone.now()
            row.save(update_fields=["used_at"])
            return True
    return False


def recovery_codes_left(*, user: User) -> int:
    return RecoveryCode.objects.filter(user=user, used_at__isnull=True).count()
