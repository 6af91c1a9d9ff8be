from __future__ import annotations

from typing import Any

import pytest
from django.urls import reverse

from journal.models import Tag
from tests import factories

pytestmark = pytest.mark.django_db

# factory_boy calls are untyped; the aliases make their results Any for mypy.
JournalEntryFactory: Any = factories.JournalEntryFactory
TagFactory: Any = factories.TagFactory


def test_alice_adds_a_tag(alice_client, alice) -> None:
    response = alice_client.post(reverse("tags:index"), {"new-name": "  Said   no "})
    assert response.status_code == 302
    assert [t.name for t in Tag.objects.filter(user=alice)] == ["Said no"]


def test_adding_an_existing_name_does_not_duplicate(alice_client, alice) -> None:
    TagFactory(user=alice, name="Said no")
    alice_client.post(reverse("tags:index"), {"new-name": "SAID NO"})
    assert Tag.objects.filter(user=alice).count() == 1


def test_the_tags_page_lists_only_alices_tags(
    alice_client, alice, bob, django_assert_num_queries
) -> None:
    for i in range(10):
        tag = TagFactory(user=alice, name=f"alice {i}")
        JournalEntryFactory(user=alice, tags=[tag])
    TagFactory(user=bob, name="bobs tag")
    # Log-in session, user, profile (time zone), tags with entry counts.
    with django_assert_num_queries(4):
        response = alice_client.get(reverse("tags:index"))
    assert b"alice 9" in response.content
    assert b"bobs tag" not in response.content


def test_rename(alice_client, alice) -> None:
    tag = TagFactory(user=alice, name="work")
    alice_client.post(reverse("tags:rename", kwargs={"tag_uuid": tag.uuid}), {"name": "Deadline"})
    tag.refresh_from_db()
    assert tag.name == "Deadline"


def test_renaming_onto_an_existing_name_merges(alice_client, alice) -> None:
    keep = TagFactory(user=alice, name="deadline")
    old = TagFactory(user=alice, name="work deadline")
    both = JournalEntryFactory(user=alice, tags=[keep, old])
    only_old = JournalEntryFactory(user=alice, tags=[old])
    alice_client.post(reverse("tags:rename", kwargs={"tag_uuid": old.uuid}), {"name": "Deadline"})
    assert list(Tag.objects.filter(user=alice)) == [keep]
    assert list(both.tags.all()) == [keep]
    assert list(only_old.tags.all()) == [keep]


def test_archive_and_bring_back(alice_client, alice) -> None:
    tag = TagFactory(user=alice, name="winter")
    url = reverse("tags:archive", kwargs={"tag_uuid": tag.uuid})
    alice_client.post(url, {"archived": "on"})
    tag.refresh_from_db()
    assert tag.is_archived
    page = alice_client.get("/")
    assert tag not in page.context["form"].fields["tags"].queryset  # no longer offered
    alice_client.post(url, {})
    tag.refresh_from_db()
    assert not tag.is_archived


def test_bob_cannot_touch_alices_tags(bob_client, alice) -> None:
    tag = TagFactory(user=alice, name="private")
    rename = reverse("tags:rename", kwargs={"tag_uuid": tag.uuid})
    archive = reverse("tags:archive", kwargs={"tag_uuid": tag.uuid})
    assert bob_client.post(rename, {"name": "x"}).status_code == 404
    assert bob_client.post(archive, {"archived": "on"}).status_code == 404
    tag.refresh_from_db()
    assert (tag.name, tag.is_archived) == ("private", False)


def test_tag_actions_refuse_get(alice_client, alice) -> None:
    tag = TagFactory(user=alice)
    for name in ["tags:rename", "tags:archive"]:
        assert alice_client.get(reverse(name, kwargs={"tag_uuid": tag.uuid})).status_code == 405


def test_the_tags_page_needs_a_log_in(client) -> None:
    response = client.get(reverse("tags:index"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:login"))
