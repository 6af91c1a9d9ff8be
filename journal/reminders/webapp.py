"""The installable app: its manifest and its service worker, built from our static files.

The service worker keeps only the app shell (styles, scripts, icons and the offline page) in
its cache; pages that hold a person's journal are never cached.
"""

from __future__ import annotations

import hashlib
import json
from functools import cache
from pathlib import Path
from typing import Any

from django.conf import settings
from django.contrib.staticfiles import finders
from django.templatetags.static import static
from django.urls import reverse
from django.utils.translation import get_language, gettext

THEME_LIGHT = "#2f6b5e"
THEME_DARK = "#141a1c"
BACKGROUND = "#f7f5f0"

# Static files every page may need while offline.
SHELL_STATIC = [
    "css/app.css",
    "css/journal.css",
    "css/offline.css",
    "js/app.js",
    "js/offline-queue.js",
    "img/icon-app.svg",
    "img/icon-192.png",
]


def manifest() -> dict[str, Any]:
    return {
        "id": "/",
        "name": settings.SITE_NAME,
        "short_name": gettext("Journal"),
        "description": gettext("A private journal for your body, your practices and your week."),
        "lang": get_language() or settings.LANGUAGE_CODE,
        "start_url": reverse("today:home"),
        "scope": "/",
        "display": "standalone",
        "background_color": BACKGROUND,
        "theme_color": THEME_LIGHT,
        "icons": [
            {"src": static("img/icon-app.svg"), "sizes": "any", "type": "image/svg+xml"},
            {"src": static("img/icon-192.png"), "sizes": "192x192", "type": "image/png"},
            {"src": static("img/icon-512.png"), "sizes": "512x512", "type": "image/png"},
            {
                "src": static("img/icon-maskable-512.png"),
                "sizes": "512x512",
                "type": "image/png",
                "purpose": "maskable",
            },
        ],
    }


def _worker_source() -> str:
    found = finders.find("js/sw.js")
    path = Path(str(found)) if found else Path(settings.STATIC_ROOT) / "js" / "sw.js"
    return path.read_text(encoding="utf-8")


@cache
def _worker_cached() -> str:
    return worker_script_uncached()


def worker_script_uncached() -> str:
    shell = [reverse("reminders:offline"), *(static(name) for name in SHELL_STATIC)]
    config = {
        "shell": shell,
        "offline": reverse("reminders:offline"),
        "icon": static("img/icon-192.png"),
        "badge": static("img/icon-192.png"),
        # Hashed names never change content, so a cached copy is always right; plain
        # names (development) are fetched first and the cache is only a fallback.
        "hashed": not settings.DEBUG and "Manifest" in settings.STORAGES["staticfiles"]["BACKEND"],
    }
    source = _worker_source()
    version = hashlib.sha256((json.dumps(config) + source).encode()).hexdigest()[:12]
    config["version"] = version
    return f"self.APP_CONFIG = {json.dumps(config)};\n{source}"


def worker_script() -> str:
    """The worker's code with its cache list; rebuilt on every request in development."""
    return worker_script_uncached() if settings.DEBUG else _worker_cached()
