"""The one wording of each 0-10 scale's ends, used by every form that asks for it.

The check-in, the practice sessions' before/after ratings and a sensation's intensity all
describe their ends with these words, so a "7" means the same thing wherever it was given.
"""

from __future__ import annotations

from django.utils.functional import Promise, lazy
from django.utils.translation import gettext_lazy as _

# scale -> (what 0 means, what 10 means)
SCALE_ENDS: dict[str, tuple[Promise, Promise]] = {
    "pain": (_("no pain"), _("the worst you can imagine")),
    "tension": (_("fully relaxed"), _("as tight as it gets")),
    "stress": (_("none"), _("overwhelming")),
    "safety": (_("not at all"), _("completely safe and calm")),
    "connection": (_("cut off from the body"), _("fully in touch with it")),
    "intensity": (_("barely there"), _("as strong as it gets")),
}


def _ends_text(scale: str) -> str:
    low, high = SCALE_ENDS[scale]
    return str(_("0 is %(low)s, 10 is %(high)s.") % {"low": low, "high": high})


scale_ends_text = lazy(_ends_text, str)
"""The ends of a scale as one sentence ("0 is no pain, 10 is the worst you can imagine.")."""
