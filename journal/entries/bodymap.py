"""The body map's shapes, kept as data so every page draws the same figure.

`FIGURES` maps a view ("back", "front") to a list of (region value, shape attributes).
Every shape is an SVG `<path>`; its attributes (only `d` for now) go straight onto
the element, inside a `<svg viewBox="0 0 160 400">` (`VIEWBOX`). `OUTLINES` are the
non-interactive silhouettes drawn underneath. `Region.WHOLE_BODY` has no shape of its
own (it is offered as a separate button; a display map can shade the outline for it).

On the back view the person's left is on the viewer's left; on the front view it is
mirrored, as when facing someone.
"""

from __future__ import annotations

from journal.core.vocabulary import REGION_LABELS, Region

VIEWBOX = "0 0 160 400"
WIDTH = 160
HEIGHT = 400

Shape = tuple[str, dict[str, str]]


def _box(x: float, y: float, w: float, h: float, r: float = 6) -> dict[str, str]:
    """A rounded rectangle as a path, so every shape is the same element."""
    r = min(r, w / 2, h / 2)
    return {
        "d": (
            f"M{x + r:g} {y:g}H{x + w - r:g}Q{x + w:g} {y:g} {x + w:g} {y + r:g}"
            f"V{y + h - r:g}Q{x + w:g} {y + h:g} {x + w - r:g} {y + h:g}"
            f"H{x + r:g}Q{x:g} {y + h:g} {x:g} {y + h - r:g}"
            f"V{y + r:g}Q{x:g} {y:g} {x + r:g} {y:g}Z"
        )
    }


def _path(d: str) -> dict[str, str]:
    return {"d": d}


_SHOULDERS = _path("M26 88Q30 70 70 68H90Q130 70 134 88Z")
_NECK = _box(69, 52, 22, 17, 4)

BACK: list[Shape] = [
    (Region.NECK.value, _NECK),
    (Region.SHOULDERS.value, _SHOULDERS),
    (Region.UPPER_BACK.value, _box(38, 89, 84, 16, 5)),
    (Region.LEFT_SHOULDER_BLADE.value, _box(38, 106, 27, 34, 7)),
    (Region.BETWEEN_SHOULDER_BLADES.value, _box(66, 106, 28, 34, 5)),
    (Region.RIGHT_SHOULDER_BLADE.value, _box(95, 106, 27, 34, 7)),
    (Region.MID_BACK.value, _box(40, 141, 80, 26, 5)),
    (Region.LOWER_BACK.value, _box(42, 168, 76, 26, 5)),
    (Region.LEFT_HIP.value, _box(38, 195, 26, 26, 8)),
    (Region.SACRUM.value, _path("M65 195H95L88 222H72Z")),
    (Region.RIGHT_HIP.value, _box(96, 195, 26, 26, 8)),
    (Region.BUTTOCKS.value, _box(40, 223, 80, 30, 12)),
    (Region.LEFT_LEG.value, _box(43, 255, 35, 135, 12)),
    (Region.RIGHT_LEG.value, _box(82, 255, 35, 135, 12)),
]

FRONT: list[Shape] = [
    (Region.JAW.value, _path("M63 34H97Q96 50 80 53Q64 50 63 34Z")),
    (Region.NECK.value, _NECK),
    (Region.SHOULDERS.value, _SHOULDERS),
    (Region.CHEST.value, _box(38, 89, 84, 50, 8)),
    (Region.BELLY.value, _box(40, 140, 80, 54, 8)),
    # Mirrored: the person's right hip and leg are on the viewer's left.
    (Region.RIGHT_HIP.value, _box(38, 195, 26, 28, 8)),
    (Region.LEFT_HIP.value, _box(96, 195, 26, 28, 8)),
    (Region.RIGHT_LEG.value, _box(43, 224, 35, 166, 12)),
    (Region.LEFT_LEG.value, _box(82, 224, 35, 166, 12)),
]

FIGURES: dict[str, list[Shape]] = {"back": BACK, "front": FRONT}

VIEW_LABELS = {
    "back": "Back view (your left on the left)",
    "front": "Front view (your left on the right)",
}

_ARMS = [_box(14, 86, 20, 150, 10), _box(126, 86, 20, 150, 10)]
OUTLINES: dict[str, list[dict[str, str]]] = {
    view: [_path("M80 8A25 25 0 1 1 79.9 8Z"), *_ARMS, _box(36, 86, 88, 170, 14)]
    for view in FIGURES
}

# Regions without a shape: offered as plain buttons beside the figure.
OFF_FIGURE = [Region.WHOLE_BODY.value]


def regions_in(view: str) -> list[str]:
    return [region for region, _ in FIGURES[view]]


def figure_context(marked: set[str] | frozenset[str] = frozenset()) -> list[dict[str, object]]:
    """The figures ready for a template, with the regions already marked."""
    return [
        {
            "view": view,
            "label": VIEW_LABELS[view],
            "viewbox": VIEWBOX,
            "outlines": OUTLINES[view],
            "shapes": [
                {
                    "region": region,
                    "label": REGION_LABELS[region],
                    "marked": region in marked,
                    "d": attrs["d"],
                }
                for region, attrs in shapes
            ],
        }
        for view, shapes in FIGURES.items()
    ]
