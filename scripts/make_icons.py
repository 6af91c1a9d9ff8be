"""Draws the app's home-screen icons into static/img/: run `python scripts/make_icons.py`.

The mark is the favicon's: a gentle S-curve, a spine or a breath, on the journal's green.
The PNGs are drawn with Pillow at four times their size and scaled down for smooth edges.
"""

from __future__ import annotations

from pathlib import Path

from PIL import Image, ImageDraw

OUT = Path(__file__).resolve().parents[1] / "static" / "img"
GREEN = (47, 107, 94, 255)
WHITE = (255, 255, 255, 255)
CREAM = (247, 245, 240, 255)

# The curve in a 32-unit box: two cubic Béziers from (16, 6) down to (16, 26).
CURVE = [
    ((16, 6), (14, 10), (14, 12), (16, 16)),
    ((16, 16), (18, 20), (18, 22), (16, 26)),
]


def _bezier(p0, p1, p2, p3, steps=600):
    for i in range(steps + 1):
        t = i / steps
        u = 1 - t
        yield (
            u**3 * p0[0] + 3 * u * u * t * p1[0] + 3 * u * t * t * p2[0] + t**3 * p3[0],
            u**3 * p0[1] + 3 * u * u * t * p1[1] + 3 * u * t * t * p2[1] + t**3 * p3[1],
        )


def draw(size: int, *, maskable: bool) -> Image.Image:
    scale = 4
    big = size * scale
    image = Image.new("RGBA", (big, big), (0, 0, 0, 0))
    pen = ImageDraw.Draw(image)
    if maskable:
        # Full bleed; the mark stays inside the central 80 % that every mask keeps.
        pen.rectangle((0, 0, big, big), fill=GREEN)
        unit, offset = big * 0.6 / 32, big * 0.2
    else:
        pen.rounded_rectangle((0, 0, big - 1, big - 1), radius=big * 0.22, fill=GREEN)
        unit, offset = big * 0.8 / 32, big * 0.1
    width = 3 * unit
    points = [
        (offset + x * unit, offset + y * unit) for segment in CURVE for x, y in _bezier(*segment)
    ]
    # A round pen stamped along the curve: an even stroke with round ends.
    r = width / 2
    for x, y in points:
        pen.ellipse((x - r, y - r, x + r, y + r), fill=WHITE)
    # A small dot beside the curve: attention resting on one place in the body.
    r = 1.6 * unit
    cx, cy = offset + 22.5 * unit, offset + 11 * unit
    pen.ellipse((cx - r, cy - r, cx + r, cy + r), fill=CREAM)
    return image.resize((size, size), Image.Resampling.LANCZOS)


SVG = """<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32">\
<rect width="32" height="32" rx="7" fill="#2f6b5e"/>\
<g transform="translate(3.2 3.2) scale(0.8)">\
<path d="M16 6c-2 4-2 6 0 10s2 6 0 10" stroke="#fff" stroke-width="3" fill="none" \
stroke-linecap="round"/><circle cx="22.5" cy="11" r="1.6" fill="#f7f5f0"/></g></svg>
"""


def main() -> None:
    draw(192, maskable=False).save(OUT / "icon-192.png", optimize=True)
    draw(512, maskable=False).save(OUT / "icon-512.png", optimize=True)
    draw(512, maskable=True).save(OUT / "icon-maskable-512.png", optimize=True)
    (OUT / "icon-app.svg").write_text(SVG, encoding="utf-8")


if __name__ == "__main__":
    main()
