"""Ending a person's log-in sessions: log-out everywhere, password change, account deletion."""

from __future__ import annotations

from typing import Any

from django.contrib.auth.base_user import AbstractBaseUser
from django.contrib.auth.forms import AuthenticationForm, PasswordChangeForm
from django.contrib.auth.views import LoginView, LogoutView, PasswordChangeView
from django.core.validators import MaxLengthValidator
from django.db import transaction
from django.http import HttpRequest, HttpResponse

from journal.models import AccountSession


@transaction.atomic
def sessions_end_all(*, user: AbstractBaseUser, keep_session_key: str | None = None) -> int:
    """Delete every stored session of `user` (except `keep_session_key`); return how many."""
    sessions = AccountSession.objects.filter(user_id=user.pk)
    if keep_session_key:
        sessions = sessions.exclude(session_key=keep_session_key)
    deleted, _ = sessions.delete()
    return deleted


class BoundedAuthenticationForm(AuthenticationForm):
    """Django's log-in form sets the username's max_length after the field is built, so
    the length is never checked: a 5,000-character name reached the authentication
    backends and axes' 255-character column (a 500 on PostgreSQL). Here it is checked."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["username"]
        limit: int = getattr(field, "max_length", None) or 150
        field.validators.append(MaxLengthValidator(limit))


class BoundedLoginView(LoginView):
    authentication_form = BoundedAuthenticationForm


class LogoutEverywhereView(LogoutView):
    """Log-out on one device ends the person's log-ins on all devices."""

    def post(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        user = request.user if request.user.is_authenticated else None
        response = super().post(request, *args, **kwargs)
        if user is not None:
            sessions_end_all(user=user)
        return response


class PasswordChangeEndOthersView(PasswordChangeView):
    """A new password ends every other log-in; this one continues under a fresh key."""

    def form_valid(self, form: PasswordChangeForm) -> HttpResponse:
        # Django saves the password, rotates this session's key and stores the new hash.
        response = super().form_valid(form)
        sessions_end_all(user=form.user, keep_session_key=self.request.session.session_key)
        return response
