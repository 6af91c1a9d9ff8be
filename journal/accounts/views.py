"""Accounts: sign-up, settings, log-in and log-out, password change, deleting the account."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth import login, logout
from django.contrib.auth.decorators import login_required
from django.contrib.auth.forms import AuthenticationForm, PasswordChangeForm
from django.contrib.auth.views import LoginView, LogoutView, PasswordChangeView
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods

from journal.accounts.forms import (
    BoundedAuthenticationForm,
    DeleteAccountForm,
    ProfileForm,
    SignupForm,
)
from journal.accounts.profiles import profile_for
from journal.accounts.services import account_delete, sessions_end_all, user_signup
from journal.core.http import AnyHttpRequest, AuthedHttpRequest
from journal.factors.services import login_pending_begin


@require_http_methods(["GET", "POST"])
def signup(request: AnyHttpRequest) -> HttpResponse:
    if request.user.is_authenticated:
        return redirect("today:home")
    form = SignupForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        user = user_signup(
            username=form.cleaned_data["username"],
            email=form.cleaned_data["email"],
            password=form.cleaned_data["password1"],
            time_zone=form.cleaned_data["time_zone"],
            week_start=form.cleaned_data["week_start"],
        )
        login(request, user, backend="django.contrib.auth.backends.ModelBackend")
        messages.success(request, "Welcome. Your journal is ready.")
        return redirect("today:home")
    return render(request, "registration/signup.html", {"form": form})


@login_required
@require_http_methods(["GET", "POST"])
def settings_page(request: AuthedHttpRequest) -> HttpResponse:
    profile = profile_for(request.user)
    form = ProfileForm(request.POST or None, instance=profile)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, "Settings saved.")
        return redirect("accounts:settings")
    return render(request, "accounts/settings.html", {"form": form, "nav": "settings"})


@login_required
@require_http_methods(["GET", "POST"])
def delete_account(request: AuthedHttpRequest) -> HttpResponse:
    form = DeleteAccountForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        user = request.user
        logout(request)
        account_delete(user=user)
        return render(request, "accounts/deleted.html")
    status = 400 if request.method == "POST" else 200
    return render(request, "accounts/delete.html", {"form": form, "nav": "settings"}, status=status)


class BoundedLoginView(LoginView):
    authentication_form = BoundedAuthenticationForm

    def form_valid(self, form: AuthenticationForm) -> HttpResponse:
        # Second factor (journal.factors): with a correct password for an account that has
        # one, nobody is logged in yet; a signed, short-lived marker waits in the session.
        if login_pending_begin(
            request=self.request, user=form.get_user(), next_url=self.get_success_url()
        ):
            return redirect("factors:verify")
        return super().form_valid(form)


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
