"""The body map's shapes, kept as data so every page draws the same figure.

`FIGURES` maps a view ("back", "front") to a list of (region value, shape attributes). Every
shape is an SVG `<path>` (attribute `d`) inside `<svg viewBox="0 0 300 680">` (`VIEWBOX`),
with the centre of its short label (`lx`, `ly`, `short`). A region may have a second shape
(`secondary`: the lower leg below the knee belongs to the leg); only the first is a named
control for the keyboard, the others are extra places to tap.

The figure is drawn for thumbs: at the width a phone shows it (one view at a time, 300 CSS
px or more), every shape holds a 44 x 44 px box around its centre. `OUTLINES` are the
non-interactive silhouettes drawn underneath, `DETAILS` the lines drawn on top (the spine).
`Region.WHOLE_BODY` has no shape of its own (it is offered as a separate button; a display
map can shade the outline for it).

On the back view the person's left is on the viewer's left; on the front view it is
mirrored, as when facing someone.
"""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from journal.core.vocabulary import REGION_LABELS, Region

VIEWBOX = "0 0 300 680"
WIDTH = 300
HEIGHT = 680

Shape = tuple[str, dict[str, Any]]


def _rounded(x: float, y: float, w: float, h: float, r: float = 6) -> str:
    """A rounded rectangle as a path, so every shape is the same element."""
    r = min(r, w / 2, h / 2)
    return (
        f"M{x + r:g} {y:g}H{x + w - r:g}Q{x + w:g} {y:g} {x + w:g} {y + r:g}"
        f"V{y + h - r:g}Q{x + w:g} {y + h:g} {x + w - r:g} {y + h:g}"
        f"H{x + r:g}Q{x:g} {y + h:g} {x:g} {y + h - r:g}"
        f"V{y + r:g}Q{x:g} {y:g} {x + r:g} {y:g}Z"
    )


def _box(x: float, y: float, w: float, h: float, r: float = 6) -> dict[str, str]:
    return {"d": _rounded(x, y, w, h, r)}


def _region(
    region: Region,
    box: tuple[float, float, float, float],
    r: float = 8,
    short: object = "",
    *,
    secondary: bool = False,
) -> Shape:
    x, y, w, h = box
    attrs: dict[str, Any] = {
        "d": _rounded(x, y, w, h, r),
        "lx": f"{x + w / 2:g}",
        "ly": f"{y + h / 2 + 4:g}",
    }
    attrs["short"] = short
    if secondary:
        attrs["secondary"] = "1"
    return region.value, attrs


# The short names drawn inside the regions are lazy, read in the language of the page; each
# is spelled out in a pgettext_lazy call of its own so that makemessages finds it.


# Columns (x, width) and rows (y, height) of the figure, shared by both views.
TORSO = (80, 140)
LEFT_COL, MID_COL, RIGHT_COL = (80, 46), (128, 44), (174, 46)
VIEWER_LEFT_LEG, VIEWER_RIGHT_LEG = (82, 64), (154, 64)
VIEWER_LEFT_ARM, VIEWER_RIGHT_ARM = (22, 46), (232, 46)
VIEWER_LEFT_HAND, VIEWER_RIGHT_HAND = (18, 54), (228, 54)
VIEWER_LEFT_FOOT, VIEWER_RIGHT_FOOT = (74, 74), (152, 74)
HANDS_Y, KNEES_Y, SHINS_Y, FEET_Y = (391, 46), (531, 46), (579, 52), (633, 46)


def _at(col: tuple[float, float], row: tuple[float, float]) -> tuple[float, float, float, float]:
    return (col[0], row[0], col[1], row[1])


def _limbs(*, left_on_viewer_left: bool, thigh: tuple[float, float], arm_top: float) -> list[Shape]:
    """Arms, hands, legs, knees and feet, for either view."""
    near, far = ("left", "right") if left_on_viewer_left else ("right", "left")
    arm = (arm_top, HANDS_Y[0] - 2 - arm_top)
    sides = [(near, 0), (far, 1)]
    cols = {
        "arm": (VIEWER_LEFT_ARM, VIEWER_RIGHT_ARM),
        "hand": (VIEWER_LEFT_HAND, VIEWER_RIGHT_HAND),
        "leg": (VIEWER_LEFT_LEG, VIEWER_RIGHT_LEG),
        "foot": (VIEWER_LEFT_FOOT, VIEWER_RIGHT_FOOT),
    }
    shapes: list[Shape] = []
    for side, i in sides:
        shapes += [
            _region(
                Region(f"{side}_arm"),
                _at(cols["arm"][i], arm),
                20,
                pgettext_lazy("body map, a short name inside a region", "Arm"),
            ),
            _region(
                Region(f"{side}_hand"),
                _at(cols["hand"][i], HANDS_Y),
                18,
                pgettext_lazy("body map, a short name inside a region", "Hand"),
            ),
            _region(
                Region(f"{side}_leg"),
                _at(cols["leg"][i], thigh),
                18,
                pgettext_lazy("body map, a short name inside a region", "Leg"),
            ),
            _region(
                Region(f"{side}_knee"),
                _at(cols["leg"][i], KNEES_Y),
                16,
                pgettext_lazy("body map, a short name inside a region", "Knee"),
            ),
            _region(
                Region(f"{side}_leg"),
                _at(cols["leg"][i], SHINS_Y),
                14,
                pgettext_lazy("body map, a short name inside a region", "Leg"),
                secondary=True,
            ),
            _region(
                Region(f"{side}_foot"),
                _at(cols["foot"][i], FEET_Y),
                18,
                pgettext_lazy("body map, a short name inside a region", "Foot"),
            ),
        ]
    return shapes


_NECK = _region(
    Region.NECK,
    (127, 103, 46, 46),
    10,
    pgettext_lazy("body map, a short name inside a region", "Neck"),
)

BACK: list[Shape] = [
    (
        Region.HEAD.value,
        {"d": "M118 53a32 47 0 1 0 64 0a32 47 0 1 0 -64 0Z", "lx": "150", "ly": "57"}
        | {"short": pgettext_lazy("body map, a short name inside a region", "Head")},
    ),
    _NECK,
    _region(
        Region.UPPER_BACK,
        (80, 151, 140, 46),
        22,
        pgettext_lazy("body map, a short name inside a region", "Upper back"),
    ),
    _region(
        Region.LEFT_SHOULDER_BLADE,
        _at(LEFT_COL, (199, 46)),
        12,
        pgettext_lazy("body map, a short name inside a region", "Blade"),
    ),
    _region(
        Region.BETWEEN_SHOULDER_BLADES,
        _at(MID_COL, (199, 46)),
        8,
        pgettext_lazy("body map, a short name inside a region", "Between"),
    ),
    _region(
        Region.RIGHT_SHOULDER_BLADE,
        _at(RIGHT_COL, (199, 46)),
        12,
        pgettext_lazy("body map, a short name inside a region", "Blade"),
    ),
    _region(
        Region.MID_BACK,
        (80, 247, 140, 46),
        10,
        pgettext_lazy("body map, a short name inside a region", "Mid back"),
    ),
    _region(
        Region.LOWER_BACK,
        (80, 295, 140, 46),
        10,
        pgettext_lazy("body map, a short name inside a region", "Lower back"),
    ),
    _region(
        Region.LEFT_HIP,
        _at(LEFT_COL, (343, 46)),
        14,
        pgettext_lazy("body map, a short name inside a region", "Hip"),
    ),
    _region(
        Region.SACRUM,
        _at(MID_COL, (343, 46)),
        14,
        pgettext_lazy("body map, a short name inside a region", "Sacrum"),
    ),
    _region(
        Region.RIGHT_HIP,
        _at(RIGHT_COL, (343, 46)),
        14,
        pgettext_lazy("body map, a short name inside a region", "Hip"),
    ),
    _region(
        Region.BUTTOCKS,
        (80, 391, 140, 46),
        20,
        pgettext_lazy("body map, a short name inside a region", "Buttocks"),
    ),
    *_limbs(left_on_viewer_left=True, thigh=(439, 90), arm_top=163),
]

FRONT: list[Shape] = [
    _region(
        Region.HEAD,
        (118, 6, 64, 48),
        24,
        pgettext_lazy("body map, a short name inside a region", "Head"),
    ),
    _region(
        Region.JAW,
        (121, 55, 58, 46),
        20,
        pgettext_lazy("body map, a short name inside a region", "Jaw"),
    ),
    _NECK,
    _region(
        Region.SHOULDERS,
        (26, 151, 248, 46),
        23,
        pgettext_lazy("body map, a short name inside a region", "Shoulders"),
    ),
    _region(
        Region.CHEST,
        (80, 199, 140, 70),
        12,
        pgettext_lazy("body map, a short name inside a region", "Chest"),
    ),
    _region(
        Region.BELLY,
        (80, 271, 140, 70),
        14,
        pgettext_lazy("body map, a short name inside a region", "Belly"),
    ),
    # Mirrored: the person's right hip and leg are on the viewer's left.
    _region(
        Region.RIGHT_HIP,
        (80, 343, 68, 46),
        14,
        pgettext_lazy("body map, a short name inside a region", "Hip"),
    ),
    _region(
        Region.LEFT_HIP,
        (152, 343, 68, 46),
        14,
        pgettext_lazy("body map, a short name inside a region", "Hip"),
    ),
    *_limbs(left_on_viewer_left=False, thigh=(391, 138), arm_top=199),
]

FIGURES: dict[str, list[Shape]] = {"back": BACK, "front": FRONT}

VIEW_LABELS = {
    "back": _("Back view (your left on the left)"),
    "front": _("Front view (your left on the right)"),
}
VIEW_NAMES = {"back": pgettext_lazy("body map view", "Back"), "front": _("Front")}

# The silhouette, a little larger than the regions so the body's edge shows around them: the
# viewer's left half as path commands, and its mirror image for the right half.
_HALF: list[tuple[str, tuple[float, ...]]] = [
    ("M", (151, 98)),
    ("L", (123, 98)),
    ("L", (123, 138)),
    ("C", (100, 142, 52, 140, 36, 150)),  # the slope of the shoulder
    ("C", (22, 158, 18, 172, 19, 192)),
    ("L", (19, 386)),  # the outer arm, then the hand
    ("C", (14, 398, 13, 430, 26, 440)),
    ("C", (38, 447, 62, 447, 72, 440)),
    ("C", (78, 430, 78, 398, 71, 386)),
    ("L", (71, 212)),  # the inner arm, up to the armpit
    ("C", (71, 204, 76, 200, 77, 212)),
    ("C", (73, 260, 72, 300, 76, 330)),  # the waist and the hip
    ("C", (79, 360, 77, 400, 79, 440)),
    ("L", (79, 618)),  # the outer leg, then the foot
    ("C", (70, 628, 66, 676, 80, 682)),
    ("L", (146, 682)),
    ("C", (152, 676, 151, 640, 149, 628)),
    ("L", (149, 441)),
    ("L", (151, 441)),
]


def _half_path(mirror: bool) -> str:
    parts = []
    for command, numbers in _HALF:
        xy = [300 - n if mirror and i % 2 == 0 else n for i, n in enumerate(numbers)]
        parts.append(command + " ".join(f"{n:g}" for n in xy))
    return "".join(parts) + "Z"


_SILHOUETTE = [
    {"d": "M114 53a36 51 0 1 0 72 0a36 51 0 1 0 -72 0Z"},  # the head
    {"d": _half_path(mirror=False)},
    {"d": _half_path(mirror=True)},
]
OUTLINES: dict[str, list[dict[str, str]]] = dict.fromkeys(FIGURES, _SILHOUETTE)
# The spine, down the back (drawn on top, never a target).
DETAILS: dict[str, list[dict[str, str]]] = {
    "back": [{"d": "M150 106V388"}],
    "front": [],
}

# Regions without a shape: offered as plain buttons beside the figure.
OFF_FIGURE = [Region.WHOLE_BODY.value]


def regions_in(view: str) -> list[str]:
    return list(dict.fromkeys(region for region, _ in FIGURES[view]))


def figure_context(marked: set[str] | frozenset[str] = frozenset()) -> list[dict[str, object]]:
    """The figures ready for a template, with the regions already marked."""
    return [
        {
            "view": view,
            "name": VIEW_NAMES[view],
            "label": VIEW_LABELS[view],
            "viewbox": VIEWBOX,
            "outlines": OUTLINES[view],
            "details": DETAILS[view],
            "shapes": [
                {
                    "region": region,
                    "label": REGION_LABELS[region],
                    "marked": region in marked,
                    **attrs,
                }
                for region, attrs in shapes
            ],
        }
        for view, shapes in FIGURES.items()
    ]


def region_list() -> list[tuple[str, str]]:
    """Every region, in the order of the figures (head to feet), for "choose from a list"."""
    seen = dict.fromkeys(r for shapes in FIGURES.values() for r, _ in shapes)
    ordered = sorted(seen, key=_top_of)
    return [(r, str(REGION_LABELS[r])) for r in [*ordered, *OFF_FIGURE]]


def _top_of(region: str) -> tuple[float, float]:
    for shapes in FIGURES.values():
        for r, attrs in shapes:
            if r == region:
                return float(attrs["ly"]), float(attrs["lx"])
    return (0.0, 0.0)
