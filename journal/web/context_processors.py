from __future__ import annotations

from typing import Any

from django.conf import settings
from django.http import HttpRequest

from journal.web.i18n import catalog_version


def site(request: HttpRequest) -> dict[str, Any]:
    return {
        "SITE_NAME": settings.SITE_NAME,
        "JS_CATALOG_VERSION": catalog_version(),
        # Each language in its own name (the settings' names, untranslated).
        "LANGUAGES_OWN_NAMES": settings.LANGUAGES,
    }
