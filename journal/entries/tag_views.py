from __future__ import annotations

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import Count
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_http_methods, require_POST

from journal.core.http import AuthedHttpRequest
from journal.core.ownership import get_owned_or_404
from journal.entries.services import tag_archive, tag_create, tag_rename
from journal.models import Tag


class TagNameForm(forms.Form):
    name = forms.CharField(max_length=60, label=_("Tag name"), strip=True)

    def clean_name(self) -> str:
        name = " ".join(self.cleaned_data["name"].split())
        if not name:
            raise forms.ValidationError(_("Type a name for the tag."))
        return name


class ArchiveForm(forms.Form):
    archived = forms.BooleanField(required=False)


@login_required
@require_http_methods(["GET", "POST"])
def tags_page(request: AuthedHttpRequest) -> HttpResponse:
    form = TagNameForm(request.POST or None, prefix="new")
    if request.method == "POST" and form.is_valid():
        tag = tag_create(user=request.user, name=form.cleaned_data["name"])
        messages.success(request, gettext("Tag “%(name)s” is ready.") % {"name": tag.name})
        return redirect("tags:index")
    tags = list(
        Tag.objects.for_user(request.user)
        .annotate(entry_count=Count("entries"))
        .order_by("is_archived", "name")
    )
    return render(request, "entries/tags.html", {"form": form, "tags": tags, "nav": "timeline"})


@login_required
@require_POST
def tag_rename_view(request: AuthedHttpRequest, tag_uuid: str) -> HttpResponse:
    tag = get_owned_or_404(Tag.objects.for_user(request.user), uuid=tag_uuid)
    form = TagNameForm(request.POST)
    if form.is_valid():
        old = tag.name
        kept = tag_rename(tag=tag, name=form.cleaned_data["name"])
        if kept.pk != tag.pk:
            messages.success(
                request,
                gettext("“%(old)s” is merged into “%(kept)s”.") % {"old": old, "kept": kept.name},
            )
        else:
            messages.success(request, gettext("Renamed to “%(name)s”.") % {"name": kept.name})
    else:
        messages.error(request, gettext("Type a name for the tag (up to 60 characters)."))
    return redirect("tags:index")


@login_required
@require_POST
def tag_archive_view(request: AuthedHttpRequest, tag_uuid: str) -> HttpResponse:
    tag = get_owned_or_404(Tag.objects.for_user(request.user), uuid=tag_uuid)
    form = ArchiveForm(request.POST)
    archived = form.cleaned_data["archived"] if form.is_valid() else True
    tag_archive(tag=tag, archived=archived)
    messages.success(
        request,
        (
            gettext("“%(name)s” is archived: kept on old entries, no longer offered.")
            if archived
            else gettext("“%(name)s” is offered again.")
        )
        % {"name": tag.name},
    )
    return redirect("tags:index")
