"""The installable app in Chromium: manifest, service worker, push notifications, the
offline queue, the offline page, and the reminder settings page."""

from __future__ import annotations

import json
from typing import Any

import pytest
from playwright.sync_api import BrowserContext, Page, expect

from journal.models import JournalEntry
from tests import factories
from tests.browser.a11y import serious_violations
from tests.browser.conftest import log_in, screenshot
from tests.factories import PASSWORD

pytestmark = pytest.mark.django_db(transaction=True)

UserFactory: Any = factories.UserFactory

QUEUE = "window.offlineQueue.all().then(items => items.length)"


@pytest.fixture
def maya() -> Any:
    return UserFactory(username="maya", profile__time_zone="Europe/London")


def controlled(page: Page) -> None:
    """Wait until the service worker is active and controls this page."""
    page.evaluate("navigator.serviceWorker.ready")
    if not page.evaluate("!!navigator.serviceWorker.controller"):
        page.wait_for_function("!!navigator.serviceWorker.controller")


def queued(page: Page) -> int:
    return int(page.evaluate(QUEUE))


def test_the_manifest_is_linked_valid_and_the_app_installable(page: Page, maya: Any) -> None:
    log_in(page, "maya", PASSWORD)
    href = page.locator('link[rel="manifest"]').get_attribute("href")
    assert href == "/manifest.webmanifest"
    controlled(page)
    cdp = page.context.new_cdp_session(page)
    manifest = cdp.send("Page.getAppManifest")
    assert manifest["errors"] == [], manifest["errors"]
    data = json.loads(manifest["data"])
    assert data["display"] == "standalone" and data["start_url"] == "/"
    # Chromium's own installability checks: manifest fields, icons that load, and a
    # service worker with a fetch handler controlling the start URL.
    # Playwright's contexts are off the record, which Chromium always reports; nothing else.
    errors = cdp.send("Page.getInstallabilityErrors")["installabilityErrors"]
    assert [e["errorId"] for e in errors if e["errorId"] != "in-incognito"] == [], errors
    for icon in data["icons"]:
        response = page.request.get(icon["src"])
        assert response.ok, icon
    assert page.evaluate("navigator.serviceWorker.controller.scriptURL").endswith("/sw.js")
    assert page.console_errors == []  # type: ignore[attr-defined]


def test_the_worker_caches_only_the_shell_never_a_page(page: Page, maya: Any) -> None:
    log_in(page, "maya", PASSWORD)
    controlled(page)
    page.goto("/timeline/")
    page.goto("/")
    cached = page.evaluate(
        """async () => {
            const urls = [];
            for (const name of await caches.keys()) {
                const cache = await caches.open(name);
                for (const request of await cache.keys()) urls.push(new URL(request.url).pathname);
            }
            return urls;
        }"""
    )
    assert "/offline/" in cached
    assert all(url.startswith("/static/") or url == "/offline/" for url in cached), cached


def test_a_push_shows_a_notification_that_opens_the_check_in(
    context: BrowserContext, page: Page, maya: Any, live_server: Any
) -> None:
    context.grant_permissions(["notifications"], origin=live_server.url)
    log_in(page, "maya", PASSWORD)
    controlled(page)
    cdp = context.new_cdp_session(page)
    registrations: list[dict[str, Any]] = []
    cdp.on(
        "ServiceWorker.workerRegistrationUpdated",
        lambda e: registrations.extend(e["registrations"]),
    )
    cdp.send("ServiceWorker.enable")
    for _ in range(100):
        if any(not r["isDeleted"] for r in registrations):
            break
        page.wait_for_timeout(50)
    registration_id = next(r["registrationId"] for r in registrations if not r["isDeleted"])
    payload = {
        "title": "A moment for a check-in, if you like",
        "body": "Whatever you notice is welcome.",
        "url": "/#check-in",
    }
    cdp.send(
        "ServiceWorker.deliverPushMessage",
        {"origin": live_server.url, "registrationId": registration_id, "data": json.dumps(payload)},
    )
    page.wait_for_function(
        "navigator.serviceWorker.ready.then(r => r.getNotifications()).then(n => n.length === 1)"
    )
    shown = page.evaluate(
        "navigator.serviceWorker.ready.then(r => r.getNotifications())"
        ".then(([n]) => ({title: n.title, body: n.body, url: n.data.url}))"
    )
    assert shown == {"title": payload["title"], "body": payload["body"], "url": "/#check-in"}

    # Headless Chromium cannot click a notification, so the worker's notificationclick
    # handler is run on the notification it showed, with clients.openWindow recorded
    # (a window may only be opened from a real click); the recorded page is then opened.
    [worker] = context.service_workers
    opened = worker.evaluate(
        """async () => {
            const [notification] = await self.registration.getNotifications();
            const seen = [];
            const clients = self.clients;
            Object.defineProperty(self, "clients", {configurable: true, value: {
                matchAll: (o) => clients.matchAll(o),
                openWindow: (url) => { seen.push(url); return Promise.resolve(null); },
            }});
            const event = new NotificationEvent("notificationclick", {notification});
            self.dispatchEvent(event);
            await new Promise(r => setTimeout(r, 200));
            const left = await self.registration.getNotifications();
            return {seen, left: left.length};
        }"""
    )
    assert opened["left"] == 0  # the click closes the notification
    assert opened["seen"] == [f"{live_server.url}/#check-in"]
    page.goto(opened["seen"][0])
    expect(page.locator("#check-in")).to_be_visible()


def fill_check_in(page: Page, words: str) -> None:
    page.get_by_role("group", name="Pain right now").get_by_text("3", exact=True).click()
    page.locator("#check-in summary", has_text="Add a note (optional)").click()
    page.locator("#check-in textarea[name=body]").fill(words)


def test_an_offline_check_in_stays_on_screen_and_is_saved_once_when_back(
    context: BrowserContext, page: Page, maya: Any
) -> None:
    log_in(page, "maya", PASSWORD)
    controlled(page)
    context.set_offline(True)
    fill_check_in(page, "Written on the train")
    page.get_by_role("button", name="Save check-in").click()
    expect(page.locator("[data-offline-status]")).to_contain_text("Not saved yet")
    assert page.locator("#check-in textarea[name=body]").input_value() == "Written on the train"
    assert queued(page) == 1
    assert not JournalEntry.objects.exists()
    screenshot(page, "offline-check-in-waiting")

    context.set_offline(False)
    expect(page.get_by_text("Check-in saved.")).to_be_visible()
    page.wait_for_function(f"{QUEUE}.then(n => n === 0)")
    page.reload()
    page.wait_for_timeout(500)
    entries = list(JournalEntry.objects.filter(user=maya))
    assert [(e.body, e.pain) for e in entries] == [("Written on the train", 3)]


def test_a_queued_check_in_survives_closing_the_tab_and_is_saved_once(
    context: BrowserContext, page: Page, maya: Any
) -> None:
    log_in(page, "maya", PASSWORD)
    controlled(page)
    context.set_offline(True)
    fill_check_in(page, "Before the tunnel")
    page.get_by_role("button", name="Save check-in").click()
    expect(page.locator("[data-offline-status]")).to_contain_text("Not saved yet")
    assert queued(page) == 1
    page.close()

    # Reopened while still offline: the offline page, and the check-in still kept.
    again = context.new_page()
    again.goto("/")
    expect(again.get_by_role("heading", name="No connection just now")).to_be_visible()
    assert queued(again) == 1
    assert not JournalEntry.objects.exists()

    # Back online: Today loads by itself, and sends what was kept.
    context.set_offline(False)
    expect(again.locator("#check-in")).to_be_visible()
    again.wait_for_function(f"{QUEUE}.then(n => n === 0)")
    again.reload()
    again.wait_for_timeout(500)
    assert list(JournalEntry.objects.filter(user=maya).values_list("body", flat=True)) == [
        "Before the tunnel"
    ]


def test_logging_out_empties_the_queue(context: BrowserContext, page: Page, maya: Any) -> None:
    log_in(page, "maya", PASSWORD)
    # The connection seems up but the server cannot be reached (the health check fails):
    # the check-in is kept.
    page.route("**/healthz", lambda route: route.abort())
    fill_check_in(page, "Kept for later")
    page.get_by_role("button", name="Save check-in").click()
    expect(page.locator("[data-offline-status]")).to_contain_text("Not saved yet")
    assert queued(page) == 1
    page.unroute("**/healthz")
    page.get_by_role("button", name="Log out").click()
    page.wait_for_url("**/")
    expect(page.get_by_role("navigation").get_by_role("link", name="Log in")).to_be_visible()
    assert queued(page) == 0
    assert not JournalEntry.objects.exists()


def test_an_uncached_page_offline_shows_the_offline_page(
    context: BrowserContext, page: Page, maya: Any
) -> None:
    log_in(page, "maya", PASSWORD)
    controlled(page)
    context.set_offline(True)
    page.goto("/timeline/")
    expect(page.get_by_role("heading", name="No connection just now")).to_be_visible()
    # In the app's style: its stylesheet came from the worker's cache.
    assert page.evaluate("getComputedStyle(document.body).backgroundColor") != "rgba(0, 0, 0, 0)"
    assert serious_violations(page) == []
    screenshot(page, "offline-page")
    # Back online, the page that was asked for loads by itself.
    context.set_offline(False)
    page.wait_for_url("**/timeline/")
    expect(page.get_by_role("heading", name="Timeline")).to_be_visible()


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_the_reminder_settings_page_is_accessible(page: Page, maya: Any, scheme: str) -> None:
    page.emulate_media(color_scheme=scheme)  # type: ignore[arg-type]
    log_in(page, "maya", PASSWORD)
    page.goto("/reminders/")
    page.get_by_text("Practice", exact=True).click()
    page.get_by_label("Time", exact=True).fill("07:45")
    page.get_by_role("button", name="Add reminder").click()
    expect(page.get_by_text("Reminder added.")).to_be_visible()
    assert serious_violations(page) == []
    screenshot(page, f"reminders-settings-{scheme}")


def test_the_reminder_settings_page_suits_a_thumb(phone_page: Page, maya: Any) -> None:
    page = phone_page
    log_in(page, "maya", PASSWORD)
    page.goto("/reminders/")
    page.get_by_text("Your week is ready", exact=True).tap()
    page.get_by_label("Time", exact=True).fill("18:00")
    page.get_by_role("button", name="Add reminder").tap()
    expect(page.get_by_text("Reminder added.")).to_be_visible()
    small = page.evaluate(
        """() => [...document.querySelectorAll(
                "#main a, #main button, #main select, #main input[type=time], "
                + "#main input[type=number], #main .chip label, #main .field-checkbox")]
            .filter(el => el.offsetParent !== null)
            .map(el => [el.textContent.trim().slice(0, 30), el.getBoundingClientRect()])
            .filter(([, box]) => box.height < 44 || box.width < 44)
            .map(([name, box]) => `${name} ${Math.round(box.width)}x${Math.round(box.height)}`)"""
    )
    assert small == []
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    screenshot(page, "reminders-settings-phone")
