#!/usr/bin/env python3
"""Draws SesBot's Teams icons with the standard library only (zlib + struct), deterministically:
   manifests/teams/color.png    192x192 full colour: a white chat bubble on the accent colour
   manifests/teams/outline.png   32x32  white outline of the same bubble on a transparent background
Run it again after changing the drawing; the PNGs are committed."""
import os
import struct
import zlib

ACCENT = (0x0F, 0x6C, 0xBD)  # manifest accentColor #0F6CBD
WHITE = (0xFF, 0xFF, 0xFF)
SAMPLES = 4  # 4x4 supersampling for anti-aliased edges


def rounded_rect(x, y, left, top, right, bottom, radius):
    if not (left <= x <= right and top <= y <= bottom):
        return False
    cx = min(max(x, left + radius), right - radius)
    cy = min(max(y, top + radius), bottom - radius)
    return (x - cx) ** 2 + (y - cy) ** 2 <= radius ** 2


def triangle(x, y, a, b, c):
    def side(p, q):
        return (x - q[0]) * (p[1] - q[1]) - (p[0] - q[0]) * (y - q[1])
    d1, d2, d3 = side(a, b), side(b, c), side(c, a)
    has_neg = d1 < 0 or d2 < 0 or d3 < 0
    has_pos = d1 > 0 or d2 > 0 or d3 > 0
    return not (has_neg and has_pos)


def bubble(x, y, s):
    """The chat bubble in a unit square scaled by s (body plus tail)."""
    u, v = x / s, y / s
    body = rounded_rect(u, v, 0.18, 0.22, 0.82, 0.68, 0.12)
    tail = triangle(u, v, (0.30, 0.60), (0.46, 0.60), (0.26, 0.82))
    return body or tail


def dot(x, y, s, index):
    u, v = x / s, y / s
    cx = 0.35 + 0.15 * index
    return (u - cx) ** 2 + (v - 0.45) ** 2 <= 0.055 ** 2


def coverage(size, inside):
    rows = []
    for py in range(size):
        row = []
        for px in range(size):
            hits = 0
            for sy in range(SAMPLES):
                for sx in range(SAMPLES):
                    if inside(px + (sx + 0.5) / SAMPLES, py + (sy + 0.5) / SAMPLES):
                        hits += 1
            row.append(hits / (SAMPLES * SAMPLES))
        rows.append(row)
    return rows


def write_png(path, size, pixels):
    """pixels: rows of (r, g, b, a) tuples; written as 8-bit RGBA, filter 0, one IDAT."""
    raw = b"".join(b"\x00" + b"".join(struct.pack("4B", *p) for p in row) for row in pixels)

    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    header = struct.pack(">IIBBBBB", size, size, 8, 6, 0, 0, 0)
    png = b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(raw, 9)) + chunk(b"IEND", b"")
    with open(path, "wb") as f:
        f.write(png)


def mix(a, b, t):
    return tuple(round(a[i] * (1 - t) + b[i] * t) for i in range(3))


def color_icon(size=192):
    shape = coverage(size, lambda x, y: bubble(x, y, size) and not any(dot(x, y, size, i) for i in range(3)))
    return [[mix(ACCENT, WHITE, c) + (255,) for c in row] for row in shape]


def outline_icon(size=32):
    stroke = 2.2 / size  # the outline's width, in unit-square terms

    def inside(x, y):
        if any(dot(x, y, size, i) for i in range(3)):
            return True
        if not bubble(x, y, size):
            return False
        # on the stroke when some point within the stroke width lies outside the bubble
        d = stroke * size
        return not all(bubble(x + dx * d, y + dy * d, size) for dx, dy in
                       ((1, 0), (-1, 0), (0, 1), (0, -1), (0.7, 0.7), (-0.7, 0.7), (0.7, -0.7), (-0.7, -0.7)))

    shape = coverage(size, inside)
    return [[WHITE + (round(255 * c),) for c in row] for row in shape]


def main():
    out = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "manifests", "teams")
    write_png(os.path.join(out, "color.png"), 192, color_icon())
    write_png(os.path.join(out, "outline.png"), 32, outline_icon())


if __name__ == "__main__":
    main()
