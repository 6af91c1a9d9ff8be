"""Two `manage.py reminders --once` processes started together send each slot once.

Runs on the suite's database kind: an SQLite file by default, PostgreSQL when DATABASE_URL
is set (a scratch database beside the test database, as tests/cross/test_concurrency does).
"""

from __future__ import annotations

import re
import subprocess
import sys
from collections import Counter
from pathlib import Path
from typing import Any

import pytest

from tests.cross.test_concurrency import ROOT, Database, manage, scratch_database, table_counts
from tests.reminders.push_service import push_service

PEOPLE = 12
SLOTS_EACH = 3  # reminders due 5, 20 and 40 minutes ago

SETUP = r"""
import base64, os, sys
import django
django.setup()
from datetime import timedelta
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ec
from django.contrib.auth.models import User
from django.utils import timezone
from journal.models import Profile
from journal.reminders.models import PushSubscription, Reminder
from journal.reminders.push import vapid_keys_make

def b64(data):
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()

url, people = sys.argv[1], int(sys.argv[2])
vapid_keys_make()
zones = ["Pacific/Auckland", "America/New_York", "Europe/London"]
for n in range(people):
    user = User.objects.create(username=f"person{n}", email=f"person{n}@example.org")
    profile = Profile.objects.create(user=user, time_zone=zones[n % 3])
    for minutes in (5, 20, 40):
        local = (timezone.now() - timedelta(minutes=minutes)).astimezone(profile.zone)
        at = local.time().replace(second=0, microsecond=0)
        Reminder.objects.create(user=user, kind="check_in", at=at)
    key = ec.generate_private_key(ec.SECP256R1()).public_key().public_bytes(
        serialization.Encoding.X962, serialization.PublicFormat.UncompressedPoint)
    PushSubscription.objects.create(
        user=user, endpoint=f"{url}/push/{n}", p256dh=b64(key), auth=b64(os.urandom(16)))
"""


@pytest.fixture
def database(tmp_path: Path, django_db_blocker: Any) -> Any:
    with scratch_database(tmp_path, django_db_blocker, "reminders") as db:
        yield db


@pytest.mark.django_db(transaction=True)
def test_two_senders_at_once_send_every_slot_exactly_once(database: Database) -> None:
    with push_service() as service:
        setup = subprocess.run(
            [sys.executable, "-c", SETUP, service.url, str(PEOPLE)],
            cwd=ROOT,
            env=database.env,
            capture_output=True,
            text=True,
            timeout=120,
            check=False,
        )
        assert setup.returncode == 0, setup.stderr
        senders = [
            subprocess.Popen(
                [sys.executable, "manage.py", "reminders", "--once"],
                cwd=ROOT,
                env=database.env,
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
                text=True,
            )
            for _ in range(2)
        ]
        outputs = []
        for sender in senders:
            stdout, stderr = sender.communicate(timeout=120)
            assert sender.returncode == 0, stderr
            assert "Traceback" not in stderr, stderr
            outputs.append(stdout)
        # A third pass later finds nothing left to send.
        again = manage("reminders", "--once", env=database.env)

    per_endpoint = Counter(r.path for r in service.received)
    assert per_endpoint == {f"/push/{n}": SLOTS_EACH for n in range(PEOPLE)}
    assert again.strip() == ""
    [deliveries] = table_counts(database, ["SELECT COUNT(*) FROM journal_reminderdelivery"])
    assert deliveries == PEOPLE * SLOTS_EACH
    sent = [int(m.group(1)) for out in outputs for m in re.finditer(r"reminders: (\d+) sent", out)]
    assert sum(sent) == PEOPLE * SLOTS_EACH
    print(f"{database.vendor}: slots sent by each sender {sent}, outputs {outputs}")
