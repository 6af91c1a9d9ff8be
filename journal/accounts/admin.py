"""Invitations in the admin: the host makes one and is shown its link once."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from django.conf import settings
from django.contrib import admin, messages
from django.http import HttpRequest
from django.utils import timezone
from django.utils.translation import gettext as _

from journal.accounts.invitations import invitation_path, new_token, token_digest
from journal.models import Invitation


@admin.register(Invitation)
class InvitationAdmin(admin.ModelAdmin):
    list_display = ("__str__", "created_by", "created_at", "expires_at", "used_at", "used_by")
    list_filter = ("used_at",)
    fields = ("note", "expires_at")

    def get_changeform_initial_data(self, request: HttpRequest) -> dict[str, Any]:
        return {"expires_at": timezone.now() + timedelta(days=settings.INVITATION_DAYS)}

    def save_model(self, request: HttpRequest, obj: Invitation, form: Any, change: bool) -> None:
        token = ""  # nosec B105
        if not change:
            token = new_token()
            obj.digest = token_digest(token)
            obj.created_by = request.user  # type: ignore[assignment]
        super().save_model(request, obj, form, change)
        if token:
            link = request.build_absolute_uri(invitation_path(token))
            self.message_user(
                request,
                _("Invitation link (shown only this once): %(link)s") % {"link": link},
                messages.SUCCESS,
            )
