from __future__ import annotations

from journal.models import Profile


def test_alice_has_a_profile_in_her_time_zone(alice):
    assert Profile.objects.get(user=alice).time_zone == "Europe/London"


def test_alice_can_log_in_with_the_factory_password(client, alice, password):
    response = client.post("/accounts/login/", {"username": "alice", "password": password})
    assert response.status_code == 302
    assert client.get("/settings/").status_code == 200
