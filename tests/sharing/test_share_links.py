"""Share links: only what was chosen, for as long as chosen, to whoever holds the token."""

from __future__ import annotations

import time
from datetime import date, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from django.contrib.auth.models import User
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from journal.accounts.profiles import profile_for
from journal.core.vocabulary import EntryKind
from journal.models import ShareLink, ShareView
from journal.portability.reader import DateRange
from journal.portability.summary_options import SummaryOptions
from journal.sharing.services import (
    PASSCODE_LIMIT,
    REQUEST_LIMIT,
    share_create,
    token_hash,
)
from tests.factories import CheckInFactory, JournalEntryFactory

pytestmark = pytest.mark.django_db

LONDON = ZoneInfo("Europe/London")
MARCH = DateRange(since=date(2026, 3, 2), until=date(2026, 3, 8))


@pytest.fixture(autouse=True)
def fast_passwords(settings: Any) -> None:
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


def at(day: date, hour: int = 9) -> datetime:
    return datetime(day.year, day.month, day.day, hour, tzinfo=LONDON)


def _journal(alice: User, bob: User) -> dict[str, Any]:
    inside = JournalEntryFactory(user=alice, kind=EntryKind.FREE, occurred_at=at(date(2026, 3, 3)),
                                 body="inside the range")  # fmt: skip
    JournalEntryFactory(user=alice, kind=EntryKind.FREE, occurred_at=at(date(2026, 2, 20)),
                        body="before the range")  # fmt: skip
    JournalEntryFactory(user=alice, kind=EntryKind.EXPRESSIVE, occurred_at=at(date(2026, 3, 4)),
                        body="private pages")  # fmt: skip
    JournalEntryFactory(user=alice, occurred_at=at(date(2026, 3, 5)), red_flag_night_pain=True)
    JournalEntryFactory(user=alice, occurred_at=at(date(2026, 3, 20)), red_flag_fever_weight=True)
    for offset in range(5):
        CheckInFactory(user=alice, occurred_at=at(date(2026, 3, 2) + timedelta(days=offset), 8))
    JournalEntryFactory(user=bob, kind=EntryKind.FREE, occurred_at=at(date(2026, 3, 3)),
                        body="bob's own words")  # fmt: skip
    return {"inside": inside}


def _link(alice: User, **options: Any) -> tuple[ShareLink, str]:
    days = options.pop("days", 7)
    passcode = options.pop("passcode", "")
    defaults: dict[str, Any] = {"date_range": MARCH}
    link, token = share_create(
        user=alice, options=SummaryOptions(**{**defaults, **options}), days=days, passcode=passcode
    )
    return link, token


def _url(token: str) -> str:
    return reverse("sharing:open", kwargs={"share_token": token})


def test_it_shows_only_the_chosen_days_and_sections(alice: User, bob: User) -> None:
    rows = _journal(alice, bob)
    _, token = _link(
        alice,
        sections=frozenset({"warning_signs", "reflections"}),
        reflections=frozenset({str(rows["inside"].uuid)}),
    )
    response = Client().get(_url(token))
    html = response.content.decode()
    assert response.status_code == 200
    assert "inside the range" in html
    assert "before the range" not in html and "private pages" not in html
    assert "Severe pain that does not ease" in html  # 5 March, inside
    assert "Fever" not in html  # 20 March, outside
    assert "bob&#x27;s own words" not in html and "bob's own words" not in html
    assert ">Practices</h2>" not in html and ">Over time</h2>" not in html
    assert "2 March 2026 – 8 March 2026" in html


def test_it_never_shows_a_reflection_chosen_from_outside(alice: User, bob: User) -> None:
    _journal(alice, bob)
    bobs: Any = JournalEntryFactory(user=bob, kind=EntryKind.FREE, occurred_at=at(date(2026, 3, 3)),
                               body="smuggled")  # fmt: skip
    _, token = _link(alice, reflections=frozenset({str(bobs.uuid)}))
    assert "smuggled" not in Client().get(_url(token)).content.decode()


def test_the_token_is_random_and_stored_only_hashed(alice: User) -> None:
    link, token = _link(alice)
    other, second = _link(alice)
    assert len(token) == 32 and token != second  # 24 random bytes, 192 bits
    assert link.token_hash == token_hash(token) and len(link.token_hash) == 64
    assert not ShareLink.objects.filter(token_hash=token).exists()
    assert token not in str(ShareLink.objects.filter(pk=link.pk).values().first())


def test_a_guessed_or_altered_token_gives_nothing(alice: User, bob: User) -> None:
    _journal(alice, bob)
    _, token = _link(alice)
    altered = token[:-1] + ("A" if token[-1] != "A" else "B")
    for guess in (altered, "x" * 32, token[:-1], token + "a", "../../etc", "%00"):
        response = Client().get(f"/share/s/{guess}/")
        assert response.status_code == 404, guess
        assert "inside the range" not in response.content.decode()
    assert ShareView.objects.count() == 0


def test_a_revoked_link_says_so_at_once(alice: User, alice_client: Client) -> None:
    link, token = _link(alice)
    assert Client().get(_url(token)).status_code == 200
    response = alice_client.post(reverse("sharing:revoke", kwargs={"share_uuid": link.uuid}))
    assert response.status_code == 302
    response = Client().get(_url(token))
    assert response.status_code == 410
    assert "This link was withdrawn" in response.content.decode()
    assert Client().get(_url(token) + "pdf/").status_code == 410


def test_bob_cannot_withdraw_alices_link(alice: User, bob_client: Client) -> None:
    link, _ = _link(alice)
    response = bob_client.post(reverse("sharing:revoke", kwargs={"share_uuid": link.uuid}))
    assert response.status_code == 404
    link.refresh_from_db()
    assert link.revoked_at is None


def test_an_expired_link_says_so(alice: User, monkeypatch: pytest.MonkeyPatch) -> None:
    link, token = _link(alice, days=1)
    later = timezone.now() + timedelta(days=1, minutes=1)
    monkeypatch.setattr("django.utils.timezone.now", lambda: later)
    response = Client().get(_url(token))
    assert response.status_code == 410
    assert "This link has expired" in response.content.decode()


@pytest.mark.parametrize("days", [0, 31])
def test_a_link_lasts_one_to_thirty_days(alice: User, alice_client: Client, days: int) -> None:
    response = alice_client.post(reverse("sharing:create"), {"expires_in_days": days})
    assert response.status_code == 400
    assert ShareLink.objects.count() == 0
    with pytest.raises(ValueError):
        _link(alice, days=days)


def test_making_a_link_shows_it_once(alice: User, alice_client: Client) -> None:
    response = alice_client.post(
        reverse("sharing:create"),
        {
            "expires_in_days": 3,
            "since": "2026-03-02",
            "until": "2026-03-08",
            "chosen": "1",
            "sections": ["charts"],
            "name": "Rowan Ash",
        },
    )
    assert response.status_code == 200
    link = ShareLink.objects.get()
    assert (link.since, link.until, link.sections, link.name) == (
        date(2026, 3, 2), date(2026, 3, 8), ["charts"], "Rowan Ash"
    )  # fmt: skip
    assert link.expires_at - link.created_at == timedelta(days=3)
    html = response.content.decode()
    url = response.context["new_url"]
    assert url in html and "/share/s/" in url
    assert url.rsplit("/", 2)[-2] not in alice_client.get(reverse("sharing:index")).content.decode()


def test_a_passcode_guards_the_link(alice: User, bob: User) -> None:
    _journal(alice, bob)
    link, token = _link(alice, passcode="amber-fox")
    assert link.passcode_hash and "amber-fox" not in link.passcode_hash
    visitor = Client()
    response = visitor.get(_url(token))
    assert response.status_code == 200 and "has a passcode" in response.content.decode()
    assert "inside the range" not in response.content.decode()
    assert visitor.get(_url(token) + "pdf/").status_code == 302
    wrong = visitor.post(_url(token), {"passcode": "wrong-one"})
    assert wrong.status_code == 400 and "not right" in wrong.content.decode()
    right = visitor.post(_url(token), {"passcode": "amber-fox"})
    assert right.status_code == 302
    assert "inside the range" in visitor.get(_url(token)).content.decode()
    # The unlocking cookie is for this link only.
    _, other = _link(alice, passcode="amber-fox")
    assert "has a passcode" in visitor.get(_url(other)).content.decode()


def test_wrong_passcodes_are_limited(alice: User) -> None:
    _, token = _link(alice, passcode="amber-fox")
    visitor = Client()
    for _ in range(PASSCODE_LIMIT):
        assert visitor.post(_url(token), {"passcode": "nope"}).status_code == 400
    assert visitor.post(_url(token), {"passcode": "amber-fox"}).status_code == 429


def test_requests_are_rate_limited_per_address(alice: User) -> None:
    _, token = _link(alice)
    visitor = Client(REMOTE_ADDR="203.0.113.9")
    for _ in range(REQUEST_LIMIT):
        visitor.get(f"/share/s/{'y' * 32}/")  # guesses count too
    response = visitor.get(_url(token))
    assert response.status_code == 429
    assert "Too many requests" in response.content.decode()
    assert Client(REMOTE_ADDR="203.0.113.10").get(_url(token)).status_code == 200


def test_each_opening_is_logged_by_time_only(alice: User, alice_client: Client) -> None:
    link, token = _link(alice)
    Client().get(_url(token))
    Client().get(_url(token) + "pdf/")
    views = list(ShareView.objects.filter(link=link).values())
    assert len(views) == 2
    assert set(views[0]) == {"id", "link_id", "viewed_at"}
    html = alice_client.get(reverse("sharing:index")).content.decode()
    assert "Opened 2 times" in html


@pytest.mark.parametrize("suffix", ["", "pdf/", "no-such-token-at-all/"])
def test_shared_answers_are_kept_private(alice: User, suffix: str) -> None:
    _, token = _link(alice)
    url = f"/share/s/{suffix}" if suffix.startswith("no-") else _url(token) + suffix
    response = Client().get(url)
    assert response["X-Robots-Tag"].startswith("noindex")
    assert "no-store" in response["Cache-Control"]
    assert response["Referrer-Policy"] == "no-referrer"
    if not suffix:
        assert '<meta name="referrer" content="no-referrer">' in response.content.decode()


def test_the_pdf_opens_inline(alice: User, bob: User) -> None:
    _journal(alice, bob)
    _, token = _link(alice, name="Rowan Ash")
    response = Client().get(_url(token) + "pdf/")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"].startswith("inline;")


def test_a_signed_in_viewer_sees_the_owners_summary_in_the_owners_time_zone(
    alice: User, bob: User, bob_client: Client
) -> None:
    _journal(alice, bob)
    profile = profile_for(bob)
    profile.time_zone = "Pacific/Auckland"
    profile.save()
    _, token = _link(alice, sections=frozenset({"warning_signs"}))
    html = bob_client.get(_url(token)).content.decode()
    assert "5 Mar 2026, 09:00" in html  # London time, not Auckland's
    assert "bob&#x27;s own words" not in html


def test_the_shared_page_runs_a_fixed_number_of_queries(
    alice: User, bob: User, django_assert_num_queries: Any
) -> None:
    _journal(alice, bob)
    _, token = _link(alice)
    visitor = Client()
    # The rate counter in a transaction (savepoint, update, savepoint, insert, release, read,
    # release); the link with its owner; the owner's profile; entry and session spans; daily
    # values (entries, sessions); session ratings; regions and body maps; red flags; chosen
    # reflections; the view log. (No sessions here, so no practice table.)
    with django_assert_num_queries(19):
        assert visitor.get(_url(token)).status_code == 200


def test_the_links_page_runs_a_fixed_number_of_queries(
    alice: User, alice_client: Client, django_assert_num_queries: Any, monkeypatch: Any
) -> None:
    for _ in range(3):
        link, token = _link(alice)
        Client().get(_url(token))
    now = time.time()
    monkeypatch.setattr(time, "time", lambda: now)
    alice_client.get(reverse("sharing:index"))
    # Session, user, profile; reflection candidates; links; their views.
    with django_assert_num_queries(6):
        response = alice_client.get(reverse("sharing:index"))
    assert len(response.context["links"]) == 3


def test_the_export_page_leads_to_share_links(alice_client: Client) -> None:
    page = alice_client.get(reverse("portability:export")).content.decode()
    assert f'href="{reverse("sharing:index")}"' in page
