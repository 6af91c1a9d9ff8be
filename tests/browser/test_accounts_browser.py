from __future__ import annotations

import pytest
from django.contrib.auth.models import User

from tests.browser.a11y import serious_violations
from tests.browser.conftest import screenshot

pytestmark = pytest.mark.django_db(transaction=True)


def test_a_person_signs_up_and_sees_the_catalog(page):
    page.goto("/")
    page.get_by_role("link", name="Create your journal").click()
    page.get_by_label("Username").fill("maya")
    page.get_by_label("Password", exact=True).fill("slow breath over the hills")
    page.get_by_label("Password confirmation").fill("slow breath over the hills")
    page.get_by_role("button", name="Create my journal").click()
    page.wait_for_url("**/")
    assert User.objects.filter(username="maya").exists()
    page.get_by_role("link", name="Practices").first.click()
    assert page.get_by_role("heading", name="Body scan").is_visible()
    screenshot(page, "catalog-desktop")
    assert page.console_errors == []


def test_the_public_pages_pass_an_accessibility_scan(page):
    for path in [
        "/",
        "/accounts/login/",
        "/signup/",
        "/practices/",
        "/practices/body-scan/",
        "/accounts/password/reset/",
    ]:
        page.goto(path)
        assert serious_violations(page) == [], path
