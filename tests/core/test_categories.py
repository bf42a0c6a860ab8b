"""The category palette (rules/categories.yaml): no two categories look alike, for normal
vision and for the three kinds of dichromacy.

Simulation: Machado, Oliveira & Fernandes (2009), "A physiologically-based model for
simulation of color vision deficiency", matrices for severity 1.0, applied to linear sRGB.
Difference: CIEDE2000, not CIE76 — CIE76 overstates differences among saturated blues and
yellows (exactly where dichromats' colours crowd) and understates them among greys, so a
CIE76 threshold passes pairs that look alike.  Threshold 12: a just-noticeable difference
is about 2.3 for patches side by side; legend chips and highlights are small and seen
apart, so we ask for about five JNDs.
"""
from __future__ import annotations

import math
import re

import pytest

from reviewer.core import categories

THRESHOLD = 12.0

MACHADO = {
    "normal": ((1.0, 0.0, 0.0), (0.0, 1.0, 0.0), (0.0, 0.0, 1.0)),
    "protanopia": ((0.152286, 1.052583, -0.204868), (0.114503, 0.786281, 0.099216),
                   (-0.003882, -0.048116, 1.051998)),
    "deuteranopia": ((0.367322, 0.860646, -0.227968), (0.280085, 0.672501, 0.047413),
                     (-0.011820, 0.042940, 0.968881)),
    "tritanopia": ((1.255528, -0.076749, -0.178779), (-0.078411, 0.930809, 0.147602),
                   (0.004733, 0.691367, 0.303900)),
}


def linear_rgb(hex_colour: str) -> tuple[float, float, float]:
    h = hex_colour.lstrip("#")
    out = []
    for i in (0, 2, 4):
        c = int(h[i:i + 2], 16) / 255
        out.append(c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4)
    return tuple(out)


def simulate(rgb, vision: str):
    m = MACHADO[vision]
    return tuple(min(1.0, max(0.0, sum(m[i][j] * rgb[j] for j in range(3)))) for i in range(3))


def lab(rgb) -> tuple[float, float, float]:
    """Linear sRGB → CIELAB (D65)."""
    r, g, b = rgb
    x = (0.4124564 * r + 0.3575761 * g + 0.1804375 * b) / 0.95047
    y = 0.2126729 * r + 0.7151522 * g + 0.0721750 * b
    z = (0.0193339 * r + 0.1191920 * g + 0.9503041 * b) / 1.08883

    def f(t):
        return t ** (1 / 3) if t > 216 / 24389 else (24389 / 27 * t + 16) / 116

    fx, fy, fz = f(x), f(y), f(z)
    return 116 * fy - 16, 500 * (fx - fy), 200 * (fy - fz)


def ciede2000(lab1, lab2) -> float:
    """Sharma, Wu & Dalal (2005) formulation, kL = kC = kH = 1."""
    L1, a1, b1 = lab1
    L2, a2, b2 = lab2
    cbar = (math.hypot(a1, b1) + math.hypot(a2, b2)) / 2
    g = 0.5 * (1 - math.sqrt(cbar ** 7 / (cbar ** 7 + 25 ** 7)))
    a1p, a2p = (1 + g) * a1, (1 + g) * a2
    c1p, c2p = math.hypot(a1p, b1), math.hypot(a2p, b2)
    h1p = math.degrees(math.atan2(b1, a1p)) % 360
    h2p = math.degrees(math.atan2(b2, a2p)) % 360
    dl, dc = L2 - L1, c2p - c1p
    if c1p * c2p == 0:
        dh = 0.0
    elif abs(h2p - h1p) <= 180:
        dh = h2p - h1p
    else:
        dh = h2p - h1p - 360 if h2p > h1p else h2p - h1p + 360
    dhh = 2 * math.sqrt(c1p * c2p) * math.sin(math.radians(dh / 2))
    lbar, cbarp = (L1 + L2) / 2, (c1p + c2p) / 2
    if c1p * c2p == 0:
        hbar = h1p + h2p
    elif abs(h1p - h2p) <= 180:
        hbar = (h1p + h2p) / 2
    else:
        hbar = (h1p + h2p + 360) / 2 if h1p + h2p < 360 else (h1p + h2p - 360) / 2
    t = (1 - 0.17 * math.cos(math.radians(hbar - 30)) + 0.24 * math.cos(math.radians(2 * hbar))
         + 0.32 * math.cos(math.radians(3 * hbar + 6)) - 0.20 * math.cos(math.radians(4 * hbar - 63)))
    dtheta = 30 * math.exp(-(((hbar - 275) / 25) ** 2))
    rc = 2 * math.sqrt(cbarp ** 7 / (cbarp ** 7 + 25 ** 7))
    sl = 1 + 0.015 * (lbar - 50) ** 2 / math.sqrt(20 + (lbar - 50) ** 2)
    sc = 1 + 0.045 * cbarp
    sh = 1 + 0.015 * cbarp * t
    rt = -math.sin(math.radians(2 * dtheta)) * rc
    return math.sqrt((dl / sl) ** 2 + (dc / sc) ** 2 + (dhh / sh) ** 2 + rt * (dc / sc) * (dhh / sh))


def test_ciede2000_matches_published_pairs():
    # Sharma, Wu & Dalal (2005), Table 1, pairs 1, 7 and 17.
    assert ciede2000((50, 2.6772, -79.7751), (50, 0, -82.7485)) == pytest.approx(2.0425, abs=1e-4)
    assert ciede2000((50, 0, 0), (50, -1, 2)) == pytest.approx(2.3669, abs=1e-4)
    assert ciede2000((50, 2.5, 0), (73, 25, -18)) == pytest.approx(27.1492, abs=1e-4)


def test_simulation_keeps_greys_and_merges_red_green_for_deuteranopes():
    grey = linear_rgb("#808080")
    for vision in MACHADO:
        assert simulate(grey, vision) == pytest.approx(grey, abs=2e-3)
    red, green = lab(simulate(linear_rgb("#CC4444"), "deuteranopia")), lab(simulate(linear_rgb("#7A8F2A"), "deuteranopia"))
    assert ciede2000(lab(linear_rgb("#CC4444")), lab(linear_rgb("#7A8F2A"))) > 30
    assert ciede2000(red, green) < THRESHOLD  # the test would catch such a pair


def test_catalogue_colours_are_hex():
    for cat in categories.catalogue().values():
        assert re.fullmatch(r"#[0-9A-Fa-f]{6}", cat.colour), cat.id


@pytest.mark.parametrize("vision", list(MACHADO))
def test_no_two_categories_look_alike(vision):
    cats = list(categories.catalogue().values())
    labs = {c.id: lab(simulate(linear_rgb(c.colour), vision)) for c in cats}
    close = [(round(ciede2000(labs[a.id], labs[b.id]), 1), a.id, b.id)
             for i, a in enumerate(cats) for b in cats[i + 1:]
             if ciede2000(labs[a.id], labs[b.id]) < THRESHOLD]
    assert not close, f"{vision}: too alike (CIEDE2000 < {THRESHOLD}): {close}"


def test_colours_readable_on_white():
    for cat in categories.catalogue().values():
        lightness = lab(linear_rgb(cat.colour))[0]
        assert 30 <= lightness <= 80, (cat.id, lightness)
