"""Illustrations for the demo content, drawn with Pillow.

Flat, geometric scenes (an assembly hall, a session seen from the floor or from above, a
speaker at the lectern, a village community hall, a skyline, fields, a bridge, a bronze-drum
pattern, a stadium, the scales of justice, a road, a building site, a chart) in a palette per
category, each marked "Ảnh minh họa" so nobody mistakes them for news photographs. The same
scene, palette and seed always give the same picture.
"""

import random
from dataclasses import dataclass
from functools import cache
from io import BytesIO
from math import cos, pi, sin

from PIL import Image, ImageDraw, ImageFont, ImageOps

# Every scene is laid out on a 1600x900 grid, drawn at twice the output size and reduced,
# which smooths the edges that ImageDraw leaves jagged.
DESIGN_WIDTH, DESIGN_HEIGHT = 1600, 900
SUPERSAMPLE = 2
LABEL = "Ảnh minh họa"
FLAG_RED, FLAG_YELLOW = "#da251d", "#ffcd00"

Color = tuple[int, int, int]


def rgb(value: str | Color) -> Color:
    if isinstance(value, tuple):
        return value
    value = value.lstrip("#")
    return tuple(int(value[i : i + 2], 16) for i in (0, 2, 4))


def mix(a: str | Color, b: str | Color, t: float) -> Color:
    """`a` moved a fraction `t` of the way towards `b`."""
    a, b = rgb(a), rgb(b)
    return tuple(round(x + (y - x) * t) for x, y in zip(a, b, strict=True))


@dataclass(frozen=True)
class Palette:
    sky_top: str
    sky_bottom: str
    far: str
    middle: str
    near: str
    accent: str
    light: str
    mood: str  # how the alt text names the light: "trời xanh", "hoàng hôn"...


PALETTES: dict[str, tuple[Palette, ...]] = {
    "news": (
        Palette("#1f4e8c", "#a9cbe8", "#7c9cc2", "#46688f", "#1d3557", "#f4a261", "#fdf6e3",
                "nền trời xanh buổi sáng"),
        Palette("#2b2d5c", "#f2a65a", "#8a6a94", "#4a3f6b", "#231942", "#ffd166", "#ffe8b0",
                "nền trời hoàng hôn tím và cam"),
    ),
    "council": (
        Palette("#8f1d21", "#f3c27a", "#c9785a", "#9b3a2e", "#5c1a1b", "#ffd23f", "#fff3d6",
                "nền trời đỏ và vàng"),
        Palette("#2f6690", "#e8d9b5", "#b6a27f", "#8c5e3c", "#4a2c2a", "#d62828", "#fff8e7",
                "nền trời xanh nhạt"),
    ),
    "voters": (
        Palette("#0f5257", "#a7d7c5", "#6fae9d", "#2f6f63", "#163f38", "#f6bd60", "#fefae0",
                "nền xanh ngọc"),
        Palette("#1b4965", "#cae9ff", "#7fb2d5", "#3d7ea6", "#173753", "#ee6c4d", "#f7fbff",
                "nền xanh da trời"),
    ),
    "economy": (
        Palette("#3a86c8", "#d9f0e0", "#95d5b2", "#52b788", "#2d6a4f", "#ffb703", "#fffbea",
                "nền trời xanh trong"),
        Palette("#355070", "#eaac8b", "#b56576", "#6d597a", "#355070", "#ffcb69", "#fff4e0",
                "nền trời chiều"),
    ),
    "culture": (
        Palette("#5a189a", "#ff9e00", "#c77dff", "#7b2cbf", "#3c096c", "#ffd60a", "#fff1d0",
                "nền tím chuyển cam"),
        Palette("#006d77", "#ffddd2", "#83c5be", "#e29578", "#264653", "#e76f51", "#fff8f3",
                "nền xanh ngọc và hồng đào"),
    ),
    "law": (
        Palette("#22333b", "#a9b4c2", "#7d8597", "#5c677d", "#33415c", "#c9a227", "#f1f1e6",
                "nền xám xanh"),
        Palette("#14213d", "#d9d9d9", "#8d99ae", "#4a5568", "#14213d", "#fca311", "#f5f5f0",
                "nền xanh đậm chuyển xám"),
    ),
}  # fmt: skip


class Canvas:
    """An image drawn in design coordinates (1600x900), whatever its output size."""

    def __init__(self, size: tuple[int, int]):
        self.size = size
        self.k = size[0] / DESIGN_WIDTH * SUPERSAMPLE
        self.image = Image.new("RGB", (size[0] * SUPERSAMPLE, size[1] * SUPERSAMPLE))
        self.draw = ImageDraw.Draw(self.image)

    def _xy(self, points):
        return [(x * self.k, y * self.k) for x, y in points]

    def _box(self, x0, y0, x1, y1):
        return [x0 * self.k, y0 * self.k, x1 * self.k, y1 * self.k]

    def vertical_gradient(self, top, bottom, y0=0, y1=DESIGN_HEIGHT):
        height = max(1, round((y1 - y0) * self.k))
        column = ImageOps.colorize(
            Image.linear_gradient("L").resize((1, height)), rgb(top), rgb(bottom)
        )
        band = column.resize((self.image.width, height), Image.Resampling.NEAREST)
        self.image.paste(band, (0, round(y0 * self.k)))

    def polygon(self, points, fill):
        self.draw.polygon(self._xy(points), fill=rgb(fill))

    def rect(self, x0, y0, x1, y1, fill, radius=0):
        if radius:
            self.draw.rounded_rectangle(
                self._box(x0, y0, x1, y1), radius=radius * self.k, fill=rgb(fill)
            )
        else:
            self.draw.rectangle(self._box(x0, y0, x1, y1), fill=rgb(fill))

    def ellipse(self, cx, cy, rx, ry, fill=None, outline=None, width=1):
        self.draw.ellipse(
            self._box(cx - rx, cy - ry, cx + rx, cy + ry),
            fill=rgb(fill) if fill else None,
            outline=rgb(outline) if outline else None,
            width=max(1, round(width * self.k)),
        )

    def circle(self, cx, cy, r, fill):
        self.ellipse(cx, cy, r, r, fill=fill)

    def pieslice(self, cx, cy, rx, ry, start, end, fill):
        self.draw.pieslice(
            self._box(cx - rx, cy - ry, cx + rx, cy + ry), start, end, fill=rgb(fill)
        )

    def arc(self, cx, cy, rx, ry, start, end, fill, width):
        self.draw.arc(
            self._box(cx - rx, cy - ry, cx + rx, cy + ry),
            start,
            end,
            fill=rgb(fill),
            width=max(1, round(width * self.k)),
        )

    def line(self, points, fill, width):
        self.draw.line(self._xy(points), fill=rgb(fill), width=max(1, round(width * self.k)))

    def glow(self, cx, cy, r, color):
        """A sun or a lamp: a disc in a soft halo that fades into whatever is behind it."""
        halo = round(r * 3.2 * self.k)
        fade = Image.radial_gradient("L").resize((2 * halo, 2 * halo))
        alpha = fade.point(lambda v: round(170 * max(0.0, 1 - v / 181) ** 2))
        box = (round(cx * self.k) - halo, round(cy * self.k) - halo)
        self.image.paste(Image.new("RGB", alpha.size, rgb(color)), box, alpha)
        self.circle(cx, cy, r, color)

    def finish(self) -> Image.Image:
        return self.image.reduce(SUPERSAMPLE)


# --- Building blocks ------------------------------------------------------------------


def _ridge(rng, base_y, amplitude, waves=3):
    """A hill line across the picture, as polygon points closed at the bottom."""
    phases = [rng.uniform(0, 2 * pi) for _ in range(waves)]
    lengths = [rng.uniform(500, 1400) / (i + 1) for i in range(waves)]
    points = []
    for x in range(-20, DESIGN_WIDTH + 41, 40):
        y = base_y + sum(
            amplitude / (i + 1) * sin(2 * pi * x / lengths[i] + phases[i]) for i in range(waves)
        )
        points.append((x, y))
    return [*points, (DESIGN_WIDTH + 40, DESIGN_HEIGHT), (-20, DESIGN_HEIGHT)]


def _sky(c, p, rng, horizon=DESIGN_HEIGHT, sun=True):
    c.vertical_gradient(p.sky_top, p.sky_bottom, 0, horizon)
    if sun:
        x = rng.choice([rng.uniform(220, 520), rng.uniform(1080, 1380)])
        c.glow(x, rng.uniform(150, 260), rng.uniform(55, 80), mix("#fff1b8", p.accent, 0.2))


def _birds(c, rng, color, count=5):
    x0, y0 = rng.uniform(250, 1150), rng.uniform(110, 220)
    for _ in range(count):
        x, y, s = x0 + rng.uniform(0, 260), y0 + rng.uniform(-50, 50), rng.uniform(10, 18)
        c.line([(x - s, y - s * 0.5), (x, y), (x + s, y - s * 0.5)], color, 3)


def _tree(c, x, ground, size, color):
    c.rect(
        x - size * 0.08, ground - size * 0.9, x + size * 0.08, ground, mix(color, "#000000", 0.25)
    )
    for dx, dy, r in ((0, -1.25, 0.5), (-0.32, -0.95, 0.38), (0.32, -0.95, 0.38)):
        c.circle(x + dx * size, ground + dy * size, r * size, color)


def _skyline(c, rng, base, low, high, color, windows=None, step=(50, 130)):
    x = -30
    while x < DESIGN_WIDTH + 30:
        width = rng.uniform(*step)
        top = base - rng.uniform(low, high)
        c.rect(x, top, x + width - 6, base + 2, color)
        if rng.random() < 0.2:  # a mast or a roof block on some towers
            c.rect(x + width * 0.4, top - 40, x + width * 0.45, top, color)
        if windows:
            for wy in range(int(top) + 18, int(base) - 20, 26):
                for wx in range(int(x) + 10, int(x + width) - 20, 18):
                    if rng.random() < 0.45:
                        c.rect(wx, wy, wx + 8, wy + 12, windows)
        x += width


def _person(c, x, y, r, color):
    """A seated figure seen from behind: head and shoulders."""
    c.pieslice(x, y + r * 2.5, r * 1.75, r * 1.55, 180, 360, color)
    c.circle(x, y, r, color)


def _star(c, cx, cy, r, fill, points=5, inner=0.38, rotation=-pi / 2):
    pts = []
    for i in range(points * 2):
        radius = r if i % 2 == 0 else r * inner
        angle = rotation + i * pi / points
        pts.append((cx + radius * cos(angle), cy + radius * sin(angle)))
    c.polygon(pts, fill)


def _flag(c, x, top, p):
    c.line([(x, top), (x, top + 170)], mix(p.light, "#777777", 0.3), 5)
    c.rect(x + 3, top, x + 93, top + 60, FLAG_RED)
    _star(c, x + 48, top + 30, 19, FLAG_YELLOW)


# --- Scenes ---------------------------------------------------------------------------


def scene_hall(c, p, rng):
    _sky(c, p, rng)
    _skyline(c, rng, 650, 60, 190, p.far)
    c.polygon(_ridge(rng, 700, 8), p.middle)
    facade, shade = mix(p.light, p.far, 0.12), mix(p.middle, p.light, 0.45)
    c.rect(450, 430, 1150, 662, shade)  # the wall behind the columns
    for i in range(9):
        x = 470 + i * 80
        c.rect(x, 435, x + 38, 662, facade)
        c.rect(x - 5, 648, x + 43, 662, mix(facade, shade, 0.3))
    c.rect(430, 402, 1170, 438, facade)
    if rng.random() < 0.5:
        c.polygon([(420, 404), (1180, 404), (800, 300)], facade)
        c.polygon([(480, 394), (1120, 394), (800, 322)], mix(facade, shade, 0.35))
        flag_top = 140
    else:
        c.rect(660, 330, 940, 404, facade)
        for i in range(6):
            c.rect(680 + i * 44, 345, 700 + i * 44, 392, shade)
        c.pieslice(800, 332, 130, 120, 180, 360, mix(facade, p.accent, 0.15))
        flag_top = 42
    _flag(c, 800, flag_top, p)
    for i, inset in enumerate((0, 24, 48)):
        c.rect(
            400 + inset - 30,
            662 + i * 22,
            1200 - inset + 30,
            686 + i * 22,
            mix(facade, shade, 0.15 * i),
        )
    c.polygon(_ridge(rng, 780, 6, 2), p.near)
    for x in (140, 260, 1340, 1460):
        _tree(c, x + rng.uniform(-30, 30), 790, rng.uniform(90, 130), mix(p.near, p.middle, 0.4))


def scene_meeting(c, p, rng):
    c.vertical_gradient(mix(p.light, p.far, 0.35), mix(p.light, p.middle, 0.2), 0, 620)
    c.vertical_gradient(mix(p.middle, p.near, 0.4), p.near, 620, DESIGN_HEIGHT)
    backdrop = mix("#a4161a", p.near, 0.15)
    c.rect(180, 60, 1420, 520, backdrop, radius=6)
    c.circle(800, 140, 44, FLAG_YELLOW)
    _star(c, 800, 140, 30, FLAG_RED)
    for y, half in ((215, 420), (262, 330), (310, 240)):  # the banner's lines of text
        c.rect(800 - half, y, 800 + half, y + 22, mix(FLAG_YELLOW, backdrop, 0.1), radius=10)
    c.rect(230, 360, 1370, 366, mix(FLAG_YELLOW, backdrop, 0.5))
    for i in range(5):
        _person(c, 440 + i * 180, 415, 30, mix(p.near, "#222222", 0.3))
    c.rect(300, 470, 1300, 500, mix(p.light, "#ffffff", 0.5))
    c.rect(300, 500, 1300, 600, mix(p.middle, p.far, 0.3))
    for i in range(5):
        x = 440 + i * 180
        c.line([(x + 30, 470), (x + 20, 430)], "#333333", 4)
    for x in (330, 1270):
        c.circle(x, 455, 26, mix(FLAG_YELLOW, "#ff7b00", 0.4))
        c.circle(x - 22, 470, 20, "#e63946")
        c.circle(x + 22, 470, 20, "#f1a7a9")
    for row, (y, r) in enumerate(((690, 30), (780, 38), (880, 48))):
        shade = mix(p.middle, "#101010", 0.35 + 0.2 * row)
        offset = rng.uniform(0, r * 2.4) - (row % 2) * r * 1.2
        x = offset - r
        while x < DESIGN_WIDTH + r:
            _person(c, x + rng.uniform(-6, 6), y + rng.uniform(-5, 5), r, shade)
            x += r * rng.uniform(2.5, 2.9)


def scene_skyline(c, p, rng):
    _sky(c, p, rng)
    _skyline(c, rng, 690, 180, 420, p.far, step=(60, 150))
    _skyline(c, rng, 730, 100, 300, p.middle, windows=mix(p.light, p.middle, 0.35))
    water_top = 740
    c.vertical_gradient(mix(p.sky_bottom, p.middle, 0.4), p.near, water_top, DESIGN_HEIGHT)
    for _ in range(26):
        y = rng.uniform(water_top + 10, DESIGN_HEIGHT - 10)
        x = rng.uniform(0, DESIGN_WIDTH)
        c.line([(x, y), (x + rng.uniform(40, 160), y)], mix(p.light, p.near, 0.5), 3)
    _skyline(c, rng, 760, 20, 70, p.near, step=(80, 200))


def scene_fields(c, p, rng):
    _sky(c, p, rng)
    _birds(c, rng, mix(p.near, p.sky_top, 0.3))
    c.polygon(_ridge(rng, 520, 60), mix(p.far, p.sky_bottom, 0.3))
    c.polygon(_ridge(rng, 610, 45), p.far)
    c.polygon(_ridge(rng, 700, 35), p.middle)
    # Terraces: stripes following the near slope.
    base = _ridge(rng, 790, 25, 2)[:-2]
    c.polygon([*base, (DESIGN_WIDTH + 40, DESIGN_HEIGHT), (-20, DESIGN_HEIGHT)], p.near)
    stripe = mix(p.near, p.light, 0.25)
    for i in range(1, 6):
        c.line([(x, y + i * 22) for x, y in base], stripe, 4)
    x = rng.uniform(300, 1200)
    y = 660
    c.rect(x, y, x + 90, y + 55, mix(p.light, p.far, 0.2))
    c.polygon([(x - 14, y + 2), (x + 104, y + 2), (x + 45, y - 42)], mix(p.accent, p.near, 0.45))
    c.rect(x + 36, y + 22, x + 56, y + 55, mix(p.near, "#000000", 0.3))
    for tx in (x - 60, x + 150):
        _tree(c, tx, y + 56, 70, mix(p.near, p.middle, 0.3))


def scene_bridge(c, p, rng):
    _sky(c, p, rng, horizon=620)
    c.polygon(_ridge(rng, 540, 50), mix(p.far, p.sky_bottom, 0.35))
    _skyline(c, rng, 620, 30, 130, p.far, step=(60, 160))
    c.vertical_gradient(
        mix(p.sky_bottom, p.middle, 0.35), mix(p.near, p.middle, 0.2), 620, DESIGN_HEIGHT
    )
    for _ in range(30):
        y = rng.uniform(640, DESIGN_HEIGHT - 10)
        x = rng.uniform(0, DESIGN_WIDTH)
        c.line([(x, y), (x + rng.uniform(30, 140), y)], mix(p.light, p.middle, 0.45), 3)
    deck = mix(p.near, p.middle, 0.2)
    if rng.random() < 0.5:  # a cable-stayed bridge
        for px in (500, 1100):
            c.polygon([(px - 22, 610), (px + 22, 610), (px + 8, 250), (px - 8, 250)], deck)
            for i in range(1, 9):
                c.line([(px, 270 + i * 6), (px - i * 46, 520)], mix(deck, p.light, 0.3), 3)
                c.line([(px, 270 + i * 6), (px + i * 46, 520)], mix(deck, p.light, 0.3), 3)
    else:  # arches
        for cx in (260, 800, 1340):
            c.arc(cx, 560, 250, 190, 180, 360, deck, 18)
            for i in range(-4, 5):
                x = cx + i * 50
                top = 560 - 190 * (1 - (i * 50 / 250) ** 2) ** 0.5
                c.line([(x, top), (x, 515)], deck, 4)
    c.rect(-10, 515, DESIGN_WIDTH + 10, 545, deck)
    c.rect(-10, 545, DESIGN_WIDTH + 10, 552, mix(deck, "#000000", 0.3))
    for x in range(0, DESIGN_WIDTH + 1, 270):
        c.rect(x - 14, 552, x + 14, 640, mix(deck, "#000000", 0.15))


def scene_drum(c, p, rng):
    cx, cy = rng.choice([(800, 450), (560, 470), (1040, 470)])
    for i in range(24, 0, -1):  # a radial glow behind the pattern
        t = i / 24
        c.circle(cx, cy, 1300 * t, mix(p.sky_bottom, p.sky_top, t))
    for side in (-1, 1):  # ribbons of cloud behind the drum
        for k in range(3):
            pts = [(x, 760 - k * 45 + 40 * sin(x / 130 + k) * side) for x in range(-20, 1621, 40)]
            c.line(pts, mix(p.light, p.sky_top, 0.3 + 0.2 * k), 6)
    bronze, dark = mix(p.accent, "#8c5a1c", 0.35), mix(p.near, "#2a1a0a", 0.3)
    c.circle(cx, cy, 400, dark)
    rings = [
        (390, bronze),
        (340, dark),
        (322, bronze),
        (250, dark),
        (232, bronze),
        (160, dark),
        (142, bronze),
    ]
    for r, color in rings:
        c.circle(cx, cy, r, color)
    for r0, r1, count, birds in (
        (345, 385, 72, False),
        (255, 318, 18, True),
        (165, 228, 36, False),
    ):
        for i in range(count):
            a = 2 * pi * i / count
            if birds:  # in flight around the middle band
                x, y = cx + (r0 + r1) / 2 * cos(a), cy + (r0 + r1) / 2 * sin(a)
                t = a + pi / 2
                c.polygon(
                    [
                        (x + 22 * cos(t), y + 22 * sin(t)),
                        (x + 9 * cos(t + 2.3), y + 9 * sin(t + 2.3)),
                        (x - 14 * cos(t), y - 14 * sin(t)),
                        (x + 9 * cos(t - 2.3), y + 9 * sin(t - 2.3)),
                    ],
                    dark,
                )
            else:
                c.line(
                    [(cx + r0 * cos(a), cy + r0 * sin(a)), (cx + r1 * cos(a), cy + r1 * sin(a))],
                    dark,
                    4,
                )
    c.circle(cx, cy, 130, dark)
    _star(c, cx, cy, 125, mix(p.accent, "#ffffff", 0.25), points=14, inner=0.35)
    c.circle(cx, cy, 28, dark)


def scene_stadium(c, p, rng):
    c.vertical_gradient(p.sky_top, p.sky_bottom, 0, 200)
    for i, y in enumerate(range(160, 380, 44)):
        c.rect(-10, y, DESIGN_WIDTH + 10, y + 44, mix(p.middle, p.near, i / 6))
        for _ in range(150):
            x = rng.uniform(0, DESIGN_WIDTH)
            c.circle(
                x,
                y + rng.uniform(12, 30),
                7,
                rng.choice([p.light, p.accent, p.far, "#e63946", "#ffffff"]),
            )
    for x in (120, 1480):
        c.rect(x - 6, 30, x + 6, 200, "#d9d9d9")
        c.rect(x - 50, 20, x + 50, 60, "#f0f0f0", radius=6)
    c.rect(-10, 380, DESIGN_WIDTH + 10, DESIGN_HEIGHT, mix("#2d6a4f", p.near, 0.2))
    track = mix("#c8553d", p.accent, 0.15)
    c.ellipse(800, 700, 900, 300, fill=track)
    for i in range(7):
        c.ellipse(800, 700, 900 - i * 38, 300 - i * 14, outline="#ffffff", width=3)
    c.ellipse(800, 700, 620, 196, fill=mix("#52b788", p.middle, 0.15))
    for i in range(6):
        c.ellipse(
            800, 700, 620 - i * 90, 196 - i * 30, outline=mix("#74c69d", "#ffffff", 0.2), width=2
        )


def scene_justice(c, p, rng):
    c.vertical_gradient(p.sky_top, p.sky_bottom)
    for i in range(7):  # a colonnade behind
        x = 100 + i * 240
        c.rect(x, 120, x + 70, 900, mix(p.far, p.sky_bottom, 0.45))
    c.rect(0, 90, DESIGN_WIDTH, 130, mix(p.far, p.sky_bottom, 0.3))
    gold, dark = p.accent, mix(p.accent, "#3b2a05", 0.45)
    tilt = rng.uniform(-30, 30)
    c.rect(785, 250, 815, 720, gold)
    c.polygon([(680, 780), (920, 780), (860, 720), (740, 720)], gold)
    c.rect(640, 780, 960, 806, dark)
    c.line([(520, 300 + tilt), (1080, 300 - tilt)], gold, 16)
    c.circle(800, 240, 34, gold)
    for x, y in ((520, 300 + tilt), (1080, 300 - tilt)):
        c.circle(x, y, 12, dark)
        c.line([(x, y), (x - 110, y + 230)], dark, 4)
        c.line([(x, y), (x + 110, y + 230)], dark, 4)
        c.pieslice(x, y + 230, 140, 60, 0, 180, gold)
    # A closed book of statutes in front.
    bx, by = rng.choice([(160, 690), (1120, 690)])
    c.rect(bx, by, bx + 330, by + 70, mix(p.light, "#dddddd", 0.2), radius=6)
    c.rect(bx - 8, by + 58, bx + 338, by + 104, mix(p.near, "#701010", 0.5), radius=8)
    c.rect(bx + 40, by + 74, bx + 290, by + 84, gold)


def scene_road(c, p, rng):
    horizon = 470
    _sky(c, p, rng, horizon=horizon)
    c.polygon(_ridge(rng, horizon - 30, 30), mix(p.far, p.sky_bottom, 0.3))
    c.vertical_gradient(p.middle, p.near, horizon, DESIGN_HEIGHT)
    vx = 800 + rng.uniform(-120, 120)
    c.polygon(
        [(vx - 8, horizon), (vx + 8, horizon), (1500, DESIGN_HEIGHT), (100, DESIGN_HEIGHT)],
        "#4a4e57",
    )
    for side in (-1, 1):
        edge_x = 1500 if side > 0 else 100
        c.line([(vx + side * 6, horizon), (edge_x - side * 40, DESIGN_HEIGHT)], "#f1f1f1", 6)
    t = 0.02
    while t < 1:  # dashes that grow towards the viewer
        t2 = min(1, t + t * 0.35)
        y0, y1 = horizon + (DESIGN_HEIGHT - horizon) * t, horizon + (DESIGN_HEIGHT - horizon) * t2
        x0, x1 = vx + (800 - vx) * t, vx + (800 - vx) * t2
        c.polygon(
            [
                (x0 - 2 * t * 6, y0),
                (x0 + 2 * t * 6, y0),
                (x1 + 2 * t2 * 6, y1),
                (x1 - 2 * t2 * 6, y1),
            ],
            "#ffd166",
        )
        t = t2 + t2 * 0.35
    for i in range(1, 9):
        t = (i / 9) ** 1.6
        y = horizon + (DESIGN_HEIGHT - horizon) * t
        for side in (-1, 1):
            x = vx + side * (30 + 900 * t)
            _tree(c, x, y, 30 + 200 * t, mix(p.near, "#0b3d20", 0.3))


def scene_chart(c, p, rng):
    c.vertical_gradient(mix(p.light, "#ffffff", 0.5), mix(p.light, p.far, 0.25))
    grid = mix(p.light, p.near, 0.18)
    for y in range(180, 781, 100):
        c.line([(160, y), (1480, y)], grid, 2)
    c.line([(160, 120), (160, 780), (1480, 780)], mix(p.near, "#000000", 0.2), 4)
    heights, value = [], rng.uniform(170, 230)
    for _ in range(8):
        value = min(560, value + rng.uniform(-10, 70))
        heights.append(value)
    points = []
    for i, h in enumerate(heights):
        x = 230 + i * 155
        c.rect(x, 780 - h, x + 95, 780, mix(p.middle, p.near, 0.25 * (i % 2)), radius=6)
        points.append((x + 47, 780 - h - 70))
    c.line(points, p.accent, 8)
    for x, y in points:
        c.circle(x, y, 14, p.accent)
        c.circle(x, y, 6, "#ffffff")


def _standing(c, x, ground, h, shirt, rng):
    """A standing figure, now and then in a conical hat (nón lá)."""
    r = h * 0.11
    c.rect(x - h * 0.09, ground - h * 0.42, x + h * 0.09, ground, "#2f2f3a", radius=h * 0.03)
    c.rect(x - h * 0.16, ground - h * 0.78, x + h * 0.16, ground - h * 0.38, shirt, radius=h * 0.07)
    c.circle(x, ground - h * 0.88, r, "#3a2a22")
    if rng.random() < 0.3:
        c.polygon(
            [
                (x - r * 2.2, ground - h * 0.93),
                (x + r * 2.2, ground - h * 0.93),
                (x, ground - h * 1.16),
            ],
            "#e9d8a6",
        )


def _palm(c, x, ground, h, color):
    """An areca palm, as in every village yard."""
    c.line([(x, ground), (x + h * 0.04, ground - h)], mix(color, "#6b5b45", 0.5), max(4, h * 0.035))
    top = (x + h * 0.04, ground - h)
    for angle in (-2.7, -2.2, -1.57, -0.95, -0.45):
        end = (top[0] + cos(angle) * h * 0.32, top[1] + sin(angle) * h * 0.32 + h * 0.12)
        mid = (top[0] + cos(angle) * h * 0.18, top[1] + sin(angle) * h * 0.22)
        c.line([top, mid, end], color, max(3, h * 0.025))


def scene_village(c, p, rng):
    """The commune's community hall, where voters meet their deputies."""
    _sky(c, p, rng, horizon=700)
    c.polygon(_ridge(rng, 560, 45), mix(p.far, p.sky_bottom, 0.3))
    c.rect(-10, 690, DESIGN_WIDTH + 10, DESIGN_HEIGHT, mix(p.middle, p.light, 0.35))
    for x in (120, 1480):
        _tree(c, x + rng.uniform(-20, 20), 700, rng.uniform(150, 190), mix(p.near, p.middle, 0.3))
    _palm(c, 1330, 700, 330, mix(p.near, "#2d6a4f", 0.4))
    wall = mix("#f2c14e", p.light, 0.35)
    c.rect(480, 470, 1120, 700, wall)
    c.polygon([(430, 478), (1170, 478), (1070, 330), (530, 330)], mix("#b5442c", p.near, 0.15))
    c.rect(520, 326, 1080, 338, mix("#8c2f1e", p.near, 0.2))
    for i in range(6):
        x = 510 + i * 112
        c.rect(x, 478, x + 26, 700, mix(wall, "#ffffff", 0.4))
    for x in (560, 900):
        c.rect(x, 560, x + 140, 700, mix(p.near, "#000000", 0.35), radius=4)
    c.rect(660, 500, 940, 540, "#b3202a", radius=4)
    c.rect(690, 514, 910, 526, FLAG_YELLOW, radius=6)
    _flag(c, 300, 450, p)
    c.line([(300, 450), (300, 700)], mix(p.light, "#777777", 0.3), 5)
    shirts = ["#f1faee", "#457b9d", "#e9c46a", "#e76f51", "#a8dadc", "#ffffff", "#588157"]
    people = sorted((rng.uniform(770, 880), rng.uniform(180, 1450)) for _ in range(16))
    for ground, x in people:  # the farthest first, so nearer people stand in front
        _standing(c, x, ground, 110 + (ground - 770) * 0.9, rng.choice(shirts), rng)


def scene_conference(c, p, rng):
    """A meeting seen from above: a U-shaped table, delegates and papers."""
    c.vertical_gradient(mix(p.middle, p.near, 0.3), mix(p.near, "#000000", 0.15))
    for y in range(0, DESIGN_HEIGHT, 60):
        c.rect(0, y, DESIGN_WIDTH, y + 30, mix(mix(p.middle, p.near, 0.3), p.near, 0.15))
    cloth, edge = mix(p.light, "#ffffff", 0.5), mix(p.light, p.far, 0.45)
    tables = [
        (520, 110, 1080, 200),
        (300, 290, 420, 800),
        (1180, 290, 1300, 800),
        (420, 690, 1180, 800),
    ]
    for x0, y0, x1, y1 in tables:
        c.rect(x0 - 6, y0 - 6, x1 + 6, y1 + 6, edge, radius=10)
        c.rect(x0, y0, x1, y1, cloth, radius=8)
    suits = ["#22333b", "#3d405b", "#5c677d", "#1d3557", "#6d6875", "#e9ecef"]

    def delegate(x, y, facing):
        dx, dy = facing
        wide, deep = (46, 26) if dy else (26, 46)
        c.rect(
            x - dx * 30 - wide,
            y - dy * 30 - deep,
            x - dx * 30 + wide,
            y - dy * 30 + deep,
            mix(p.near, "#000000", 0.45),
            radius=12,
        )  # the chair
        c.rect(x + dx * 55 - 22, y + dy * 55 - 16, x + dx * 55 + 22, y + dy * 55 + 16, "#ffffff")
        c.circle(x + dx * 80 + 16 * dy, y + dy * 80 + 16 * dx, 8, "#4ea8de")  # a water bottle
        c.ellipse(x, y, wide - 4, deep - 4, fill=rng.choice(suits))
        c.circle(x + dx * 4, y + dy * 4, 17, "#2b2118")

    for x in range(590, 1011, 140):
        delegate(x, 60, (0, 1))
    for y in range(340, 761, 105):
        delegate(245, y, (1, 0))
        delegate(1355, y, (-1, 0))
    for x in range(480, 1121, 128):
        delegate(x, 855, (0, -1))
    c.circle(800, 470, 90, mix(p.near, "#000000", 0.2))
    for _ in range(22):
        a, r = rng.uniform(0, 2 * pi), rng.uniform(0, 70)
        c.circle(
            800 + r * cos(a),
            470 + r * sin(a),
            rng.uniform(16, 26),
            rng.choice(["#e63946", "#ffb703", "#f1faee", "#ff8fab", "#52b788"]),
        )


def scene_lectern(c, p, rng):
    """A speaker at the lectern, the slides on a screen beside."""
    c.vertical_gradient(mix(p.light, p.far, 0.3), mix(p.light, p.middle, 0.2), 0, 640)
    c.vertical_gradient(mix(p.middle, p.near, 0.4), p.near, 640, DESIGN_HEIGHT)
    backdrop = mix("#a4161a", p.near, 0.15)
    c.rect(140, 50, 1460, 300, backdrop, radius=6)
    c.circle(800, 120, 40, FLAG_YELLOW)
    _star(c, 800, 120, 27, FLAG_RED)
    for y, half in ((190, 460), (240, 300)):
        c.rect(800 - half, y, 800 + half, y + 22, mix(FLAG_YELLOW, backdrop, 0.1), radius=10)
    c.rect(190, 340, 760, 640, "#fbfbfb", radius=4)  # the screen and its slide
    c.rect(220, 370, 730, 400, mix(p.middle, p.near, 0.3))
    value = 60
    for i in range(6):
        value += rng.uniform(10, 35)
        c.rect(
            250 + i * 80,
            610 - value * 1.4,
            300 + i * 80,
            610,
            mix(p.accent, p.middle, 0.3 * (i % 2)),
        )
    c.line([(475, 640), (475, 700)], "#555555", 6)
    _person(c, 1120, 470, 38, mix(p.near, "#222222", 0.3))
    c.polygon([(1020, 560), (1220, 560), (1195, 760), (1045, 760)], mix("#8d5524", p.near, 0.2))
    c.rect(1005, 545, 1235, 565, mix("#6f4518", p.near, 0.2))
    c.circle(1120, 640, 28, FLAG_YELLOW)
    _star(c, 1120, 640, 19, FLAG_RED)
    c.line([(1080, 545), (1098, 495)], "#333333", 5)
    for x in (1300, 1360):
        c.circle(x, 700, 30, rng.choice(["#e63946", "#ffb703", "#ff8fab"]))
    c.rect(1290, 715, 1370, 770, mix(p.light, "#999999", 0.3), radius=6)
    for row, (y, r) in enumerate(((800, 40), (890, 50))):
        shade = mix(p.middle, "#101010", 0.4 + 0.2 * row)
        x = rng.uniform(-r, r)
        while x < DESIGN_WIDTH + r:
            _person(c, x + rng.uniform(-6, 6), y + rng.uniform(-5, 5), r, shade)
            x += r * rng.uniform(2.5, 2.9)


def scene_construction(c, p, rng):
    """A building going up, its tower crane and the site fence."""
    _sky(c, p, rng)
    _skyline(c, rng, 780, 60, 220, mix(p.far, p.sky_bottom, 0.35))
    concrete, glass = mix("#b8b8b8", p.far, 0.2), mix("#4ea8de", p.middle, 0.35)
    x0, x1, floors = 720, 1260, 8
    for i in range(floors):
        y = 780 - (i + 1) * 62
        if i < 4:  # the lower floors already have their glazing
            c.rect(x0, y, x1, y + 62, glass)
            for x in range(x0 + 30, x1, 90):
                c.line([(x, y + 8), (x + 30, y + 54)], mix(glass, "#ffffff", 0.35), 4)
        c.rect(x0 - 10, y, x1 + 10, y + 12, concrete)
    for x in range(x0, x1 + 1, 90):
        c.rect(x - 7, 780 - floors * 62, x + 7, 780, concrete)
    crane = mix("#f2b705", p.accent, 0.2)
    mast_x, top = 560, 150
    for x in (mast_x - 18, mast_x + 18):
        c.line([(x, 780), (x, top)], crane, 6)
    for y in range(780, top, -40):
        c.line([(mast_x - 18, y), (mast_x + 18, y - 40)], crane, 3)
    for y0 in (top - 8, top + 16):
        c.line([(250, y0), (1420, y0)], crane, 6)
    for x in range(250, 1420, 40):
        c.line([(x, top + 16), (x + 20, top - 8)], crane, 3)
        c.line([(x + 20, top - 8), (x + 40, top + 16)], crane, 3)
    c.rect(262, top + 16, 340, top + 90, "#6c757d")  # counterweight
    c.polygon([(mast_x - 20, top - 8), (mast_x + 20, top - 8), (mast_x, top - 90)], crane)
    c.rect(mast_x + 22, top + 16, mast_x + 70, top + 66, mix(crane, "#000000", 0.3), radius=4)
    hook_x = rng.uniform(1000, 1300)
    c.line([(hook_x, top + 16), (hook_x, 420)], "#333333", 3)
    c.rect(hook_x - 90, 420, hook_x + 90, 440, concrete)
    c.rect(-10, 780, DESIGN_WIDTH + 10, DESIGN_HEIGHT, mix(p.near, "#6b5b45", 0.3))
    for i, x in enumerate(range(-20, DESIGN_WIDTH + 20, 60)):  # the site fence
        c.rect(x, 800, x + 60, 860, "#f77f00" if i % 2 else "#f8f9fa")
    c.rect(-10, 795, DESIGN_WIDTH + 10, 802, "#6c757d")
    for x in (180, 260, 1450):
        c.polygon([(x - 26, 880), (x + 26, 880), (x, 800)], "#f77f00")
        c.rect(x - 14, 836, x + 14, 848, "#ffffff")


SCENES = {
    "hall": (scene_hall, "tòa trụ sở có hàng cột và lá cờ đỏ sao vàng trên nóc"),
    "meeting": (scene_meeting, "hội trường với phông đỏ, bàn chủ tọa và các hàng người dự"),
    "skyline": (scene_skyline, "các tòa nhà của một đô thị ven sông"),
    "fields": (scene_fields, "đồi ruộng bậc thang, ngôi nhà nhỏ và đàn chim"),
    "bridge": (scene_bridge, "cây cầu bắc qua dòng sông, phía xa là đồi núi"),
    "drum": (scene_drum, "hoa văn mặt trống đồng với ngôi sao nhiều cánh và chim bay"),
    "stadium": (scene_stadium, "đường chạy điền kinh và khán đài đông người"),
    "justice": (scene_justice, "cán cân công lý và cuốn sách luật trước hàng cột"),
    "road": (scene_road, "con đường mới thẳng tắp về phía chân trời, hai bên hàng cây"),
    "chart": (scene_chart, "biểu đồ cột và đường tăng trưởng đi lên"),
    "village": (scene_village, "nhà văn hóa thôn mái ngói đỏ, cột cờ và người dân đứng trước sân"),
    "conference": (
        scene_conference,
        "bàn họp hình chữ U nhìn từ trên cao, đại biểu ngồi quanh bàn",
    ),
    "lectern": (scene_lectern, "người phát biểu tại bục, bên cạnh màn hình trình chiếu biểu đồ"),
    "construction": (
        scene_construction,
        "tòa nhà đang xây dựng với cần cẩu tháp và hàng rào công trường",
    ),
}


@cache
def _label_font(size: int):
    """A font that has Vietnamese letters, or None (then the picture goes unlabelled)."""
    for name in (
        "DejaVuSans-Bold.ttf",
        "NotoSans-Bold.ttf",
        "LiberationSans-Bold.ttf",
        "Arial Bold.ttf",
        "arialbd.ttf",
    ):
        try:
            font = ImageFont.truetype(name, size)
        except OSError:
            continue
        missing = bytes(font.getmask("\U000f0000"))
        if all(bytes(font.getmask(ch)) != missing for ch in "Ảảọ"):
            return font
    return None


def _label(image: Image.Image, text: str) -> None:
    scale = image.width / DESIGN_WIDTH
    font = _label_font(max(10, round(26 * scale)))
    if font is None:
        return
    left, top, right, bottom = font.getbbox(text)
    pad, margin = round(14 * scale), round(24 * scale)
    box = (
        image.width - margin - (right - left) - 2 * pad,
        image.height - margin - (bottom - top) - 2 * pad,
        image.width - margin,
        image.height - margin,
    )
    region = image.crop(box)
    image.paste(Image.blend(region, Image.new("RGB", region.size, (0, 0, 0)), 0.55), box)
    ImageDraw.Draw(image).text(
        (box[0] + pad - left, box[1] + pad - top), text, font=font, fill=(255, 255, 255)
    )


def palette_for(theme: str, variant: int) -> Palette:
    options = PALETTES[theme]
    return options[variant % len(options)]


def describe(scene: str, theme: str, variant: int) -> str:
    """The alt text of a picture: what it shows, and that it is an illustration."""
    return f"Tranh minh họa: {SCENES[scene][1]}, {palette_for(theme, variant).mood}"


def render(scene: str, theme: str, variant: int, seed: int, size=(1600, 900)) -> bytes:
    """A JPEG of `scene` in the palette of `theme`; the same arguments give the same bytes."""
    c = Canvas(size)
    SCENES[scene][0](c, palette_for(theme, variant), random.Random(seed))
    image = c.finish()
    _label(image, LABEL)
    out = BytesIO()
    image.save(out, format="JPEG", quality=85, progressive=True)
    return out.getvalue()
