from __future__ import annotations

from dataclasses import dataclass

from django.contrib.auth.models import User
from django.db.models import Count, Q
from django_otp.plugins.otp_totp.models import TOTPDevice

from journal.factors.models import Passkey, RecoveryCode


@dataclass(frozen=True)
class FactorsOverview:
    totp_on: bool
    passkeys: list[Passkey]
    codes_total: int
    codes_left: int

    @property
    def any_factor(self) -> bool:
        return self.totp_on or bool(self.passkeys)


def factors_overview(*, user: User) -> FactorsOverview:
    codes = RecoveryCode.objects.filter(user=user).aggregate(
        total=Count("id"), left=Count("id", filter=Q(used_at__isnull=True))
    )
    return FactorsOverview(
        totp_on=TOTPDevice.objects.filter(user=user, confirmed=True).exists(),
        passkeys=list(Passkey.objects.for_user(user).order_by("created_at", "id")),
        codes_total=codes["total"],
        codes_left=codes["left"],
    )
