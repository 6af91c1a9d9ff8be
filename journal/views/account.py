"""Deleting one's own account."""

from __future__ import annotations

from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_http_methods

from journal.account import account_delete
from journal.exports.forms import DeleteAccountForm
from journal.http import AuthedHttpRequest


@login_required
@require_http_methods(["GET", "POST"])
def delete_account(request: AuthedHttpRequest) -> HttpResponse:
    form = DeleteAccountForm(request.POST or None, user=request.user)
    if request.method == "POST":
        if form.is_valid():
            user = request.user
            logout(request)
            account_delete(user=user)
            return render(request, "account/deleted.html")
        return render(request, "account/delete.html", {"form": form, "nav": "settings"}, status=400)
    return render(request, "account/delete.html", {"form": form, "nav": "settings"})
