"""The weekly review and the trends page."""

from __future__ import annotations

from datetime import date

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import NoReverseMatch, reverse
from django.utils import timezone
from django.utils.translation import gettext
from django.views.decorators.http import require_GET

from journal.accounts.profiles import profile_for
from journal.core.dates import Week
from journal.core.http import AuthedHttpRequest
from journal.models import Profile
from journal.review.figures import RATING_COLUMNS
from journal.review.forms import WeekPickForm
from journal.review.trends import trends
from journal.review.week import week_review
from journal.review.week_charts import trend_chart, week_charts, year_calendar


def _week_url(week: Week) -> str:
    return reverse("review:week", kwargs={"year": week.year, "week": week.number})


def _entry_url(uuid: str) -> str:
    try:
        return reverse("entries:detail", kwargs={"entry_uuid": uuid})
    except NoReverseMatch:
        return ""


def _timeline_url(day: date) -> str:
    try:
        return f"{reverse('timeline:index')}?start={day:%Y-%m-%d}&end={day:%Y-%m-%d}"
    except NoReverseMatch:
        return ""


def _render_week(
    request: AuthedHttpRequest, profile: Profile, week: Week, form: WeekPickForm
) -> HttpResponse:
    today = timezone.localdate(timezone=profile.zone)
    review = week_review(user=request.user, week=week, today=today)
    this_week = Week.containing(today, week_start=profile.week_start, zone=profile.zone)
    context = {
        "review": review,
        "charts": {} if review.is_quiet else week_charts(review),
        "form": form,
        "is_current": week == this_week,
        "previous_url": _week_url(week.previous),
        "next_url": _week_url(week.next) if week.start < this_week.start else "",
        "current_url": reverse("review:index"),
        "rating_columns": RATING_COLUMNS.values(),
        "day_rows": [(d, _timeline_url(d.day) if d.logged else "") for d in review.days],
        "discoveries": [(d, _entry_url(d.uuid)) for d in review.discoveries],
        "red_flags": [(r, _entry_url(r.uuid)) for r in review.red_flags],
        "nav": "review",
    }
    template = "review/week.html"
    if request.htmx and not request.htmx.boosted:
        template += "#review"
    return render(request, template, context)


@login_required
@require_GET
def review(request: AuthedHttpRequest) -> HttpResponse:
    """This week, or the week of the day picked in the form."""
    profile = profile_for(request.user)
    form = WeekPickForm(request.GET or None)
    if form.is_bound and form.is_valid():
        week = Week.containing(
            form.cleaned_data["day"], week_start=profile.week_start, zone=profile.zone
        )
        return redirect(_week_url(week))
    today = timezone.localdate(timezone=profile.zone)
    week = Week.containing(today, week_start=profile.week_start, zone=profile.zone)
    return _render_week(request, profile, week, form)


@login_required
@require_GET
def review_week(request: AuthedHttpRequest, year: int, week: int) -> HttpResponse:
    profile = profile_for(request.user)
    try:
        named = Week.named(year, week, week_start=profile.week_start, zone=profile.zone)
    except ValueError:
        raise Http404(gettext("There is no such week.")) from None
    return _render_week(request, profile, named, WeekPickForm(initial={"day": named.start}))


@login_required
@require_GET
def review_trends(request: AuthedHttpRequest) -> HttpResponse:
    profile = profile_for(request.user)
    today = timezone.localdate(timezone=profile.zone)
    data = trends(user=request.user, today=today, week_start=profile.week_start, zone=profile.zone)
    # One reverse() for the whole year of cells, not one per day.
    timeline = _timeline_url(data.first).partition("?")[0]
    context = {
        "trends": data,
        "weeks": [(w, _week_url(w.week)) for w in data.weeks],
        "trend_chart": trend_chart(data.weeks),
        "calendar": year_calendar(data, timeline, profile.week_start),
        "logged_days": data.logged_days,
        "nav": "review",
    }
    return render(request, "review/trends.html", context)
