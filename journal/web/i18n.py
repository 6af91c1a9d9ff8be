"""The translations the scripts in static/js/ use, and the language switch of public pages.

The catalogue's address names its language and a version of the compiled files, so a
browser may keep it for a long time: it holds the app's words, never a person's data.
"""

from __future__ import annotations

import hashlib
from functools import cache
from pathlib import Path

from django.conf import settings
from django.http import Http404, HttpRequest, HttpResponseBase
from django.utils import translation
from django.utils.cache import patch_cache_control
from django.views.i18n import JavaScriptCatalog

CATALOG_PREFIX = "/jsi18n/"


@cache
def catalog_version() -> str:
    """Changes whenever a compiled JavaScript catalogue does (a new release, new words)."""
    stamps = sorted(
        f"{path}:{path.stat().st_mtime_ns}"
        for folder in settings.LOCALE_PATHS
        for path in Path(folder).glob("*/LC_MESSAGES/djangojs.mo")
    )
    return hashlib.sha256("\n".join(stamps).encode()).hexdigest()[:12]


def javascript_catalog(request: HttpRequest, language: str) -> HttpResponseBase:
    if language not in dict(settings.LANGUAGES):
        raise Http404
    with translation.override(language):
        response = JavaScriptCatalog.as_view(domain="djangojs")(request)
    patch_cache_control(response, public=True, max_age=365 * 24 * 60 * 60, immutable=True)
    return response
