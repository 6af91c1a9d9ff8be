"""Accounts: sign-up, settings, log-in and log-out, password change and reset, deleting the
account. Devices and invitations are in device_views.py."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import login, logout
from django.contrib.auth.decorators import login_required
from django.contrib.auth.forms import PasswordChangeForm
from django.contrib.auth.views import (
    LoginView,
    LogoutView,
    PasswordChangeView,
    PasswordResetConfirmView,
    PasswordResetView,
)
from django.http import HttpRequest, HttpResponse, HttpResponseBase
from django.shortcuts import redirect, render
from django.utils import translation
from django.utils.decorators import method_decorator
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from journal.accounts.forms import (
    NO_EMAIL_WARNING,
    BoundedAuthenticationForm,
    BoundedPasswordChangeForm,
    BoundedSetPasswordForm,
    DeleteAccountForm,
    PersonalPasswordResetForm,
    ProfileForm,
    SignupForm,
)
from journal.accounts.invitations import SignupGate, may_invite, signup_gate
from journal.accounts.password_checks import password_check_failed
from journal.accounts.profiles import language_cookie, profile_for
from journal.accounts.ratelimit import hit, keyed, rate_limited, too_many
from journal.accounts.services import (
    SignupRefused,
    account_delete,
    log_in_remember,
    sessions_end_all,
    user_signup,
)
from journal.core.http import AnyHttpRequest, AuthedHttpRequest
from journal.factors.services import login_pending_begin


def _refused(request: HttpRequest, gate: SignupGate) -> HttpResponse:
    status = 403 if request.method == "POST" else 200
    context = {"refusal": gate.refusal.value if gate.refusal else ""}
    return render(request, "registration/signup_closed.html", context, status=status)


@require_http_methods(["GET", "POST"])
def signup(request: AnyHttpRequest) -> HttpResponse:
    if request.user.is_authenticated:
        return redirect("today:home")
    token = str(request.POST.get("invite") or request.GET.get("invite") or "")[:100]
    if token and hit("invitation", request):
        return too_many(request, "invitation")
    if request.method == "POST" and hit("signup", request):
        return too_many(request, "signup")
    gate = signup_gate(token=token)
    if not gate.allowed:
        return _refused(request, gate)
    form = SignupForm(request.POST or None, initial={"invite": token})
    if request.method == "POST" and form.is_valid():
        try:
            user = user_signup(
                username=form.cleaned_data["username"],
                email=form.cleaned_data["email"],
                password=form.cleaned_data["password1"],
                time_zone=form.cleaned_data["time_zone"],
                week_start=form.cleaned_data["week_start"],
                invitation_token=token,
            )
        except SignupRefused as refused:
            return _refused(request, refused.gate)
        # The browser that signs up is the person's first device: no new-device email.
        request.journal_signup = True  # type: ignore[attr-defined]
        login(request, user, backend="django.contrib.auth.backends.ModelBackend")
        messages.success(request, _("Welcome. Your journal is ready."))
        if not user.email:
            messages.warning(request, NO_EMAIL_WARNING)
        return redirect("today:home")
    status = 400 if request.method == "POST" else 200
    context = {"form": form, "first_account": gate.first_account}
    return render(request, "registration/signup.html", context, status=status)


@login_required
@require_http_methods(["GET", "POST"])
def settings_page(request: AuthedHttpRequest) -> HttpResponse:
    profile = profile_for(request.user)
    form = ProfileForm(request.POST or None, instance=profile, user=request.user)
    if request.method == "POST":
        if form.is_valid():
            profile = form.save()
            # The message and the next page are in the language just chosen.
            translation.activate(profile.language or translation.get_language_from_request(request))
            messages.success(request, _("Settings saved."))
            return language_cookie(redirect("accounts:settings"), profile.language)
        if form.wrong_password and password_check_failed(request):
            return redirect(settings.LOGIN_URL)
    status = 400 if request.method == "POST" else 200
    context = {
        "form": form,
        "nav": "settings",
        "has_email": bool(request.user.email),
        "may_invite": may_invite(request.user),
    }
    return render(request, "accounts/settings.html", context, status=status)


@login_required
@require_http_methods(["GET", "POST"])
def delete_account(request: AuthedHttpRequest) -> HttpResponse:
    form = DeleteAccountForm(request.POST or None, user=request.user)
    if request.method == "POST":
        if form.is_valid():
            user = request.user
            logout(request)
            account_delete(user=user)
            return render(request, "accounts/deleted.html")
        if form.wrong_password and password_check_failed(request):
            return redirect(settings.LOGIN_URL)
    status = 400 if request.method == "POST" else 200
    return render(request, "accounts/delete.html", {"form": form, "nav": "settings"}, status=status)


# Log-in attempts from one address are limited whatever the username (axes locks a username
# on an address); the count comes before the password is hashed.
@method_decorator(rate_limited("login"), name="dispatch")
class BoundedLoginView(LoginView):
    authentication_form = BoundedAuthenticationForm

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        context["reset_enabled"] = settings.PASSWORD_RESET_ENABLED
        return context

    def form_valid(self, form: BoundedAuthenticationForm) -> HttpResponse:  # type: ignore[override]
        # "Keep me logged in" is noted now and applied when `login()` runs, here or after
        # the second step (journal.accounts.session_store.start_clocks_at_log_in).
        log_in_remember(self.request, remember=bool(form.cleaned_data.get("remember")))
        # Second factor (journal.factors): with a correct password for an account that has
        # one, nobody is logged in yet; a signed, short-lived marker waits in the session.
        if login_pending_begin(
            request=self.request, user=form.get_user(), next_url=self.get_success_url()
        ):
            return redirect("factors:verify")
        # Django's LoginView logs the person in (a new session key) and redirects.
        return super().form_valid(form)


class LogoutThisDeviceView(LogoutView):
    """Log-out ends this device's log-in only; the others go on."""


class LogoutEverywhereView(LogoutView):
    """Ends the person's log-ins on every device, this one included."""

    def post(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        user = request.user if request.user.is_authenticated else None
        response = super().post(request, *args, **kwargs)
        if user is not None:
            sessions_end_all(user=user)
        return response


class PasswordChangeEndOthersView(PasswordChangeView):
    """A new password ends every other log-in; this one continues under a fresh key.
    A wrong current password counts as a failed log-in, and a few end this one."""

    form_class = BoundedPasswordChangeForm

    def form_valid(self, form: PasswordChangeForm) -> HttpResponse:
        # Django saves the password, rotates this session's key and stores the new hash.
        response = super().form_valid(form)
        sessions_end_all(user=form.user, keep_session_key=self.request.session.session_key)
        return response

    def form_invalid(self, form: PasswordChangeForm) -> HttpResponse:
        wrong = isinstance(form, BoundedPasswordChangeForm) and form.wrong_password
        if wrong and password_check_failed(self.request):
            return redirect(settings.LOGIN_URL)
        return super().form_invalid(form)


class BoundedPasswordResetView(PasswordResetView):
    """Reset links go by email only: without mail (production without SMTP) the page says to
    ask the host. Reset emails are limited per address and per email address."""

    form_class = PersonalPasswordResetForm

    def dispatch(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponseBase:
        if not settings.PASSWORD_RESET_ENABLED:
            return render(request, "registration/password_reset_unavailable.html")
        if request.method == "POST":
            email = str(request.POST.get("email", ""))[:254].strip().lower()
            extra = [keyed("email", email)] if email else []
            if hit("password_reset", request, extra=extra):
                return too_many(request, "password_reset")
        return super().dispatch(request, *args, **kwargs)


class BoundedPasswordResetConfirmView(PasswordResetConfirmView):
    form_class = BoundedSetPasswordForm
