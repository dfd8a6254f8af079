"""Fuzz the font readers: mutate real TrueType files, expect a usable font or a named refusal.

Each case damages a real font (Lato, DejaVu Sans): flipped bytes inside one
table, a table record pointing elsewhere, a hostile value in a field the
readers use (glyph and metric counts, units per em, character-map offsets,
segment and group counts), or a truncated file. It then runs what a build
runs: the name-table reader of the font scan, the metrics reader of the text
fit, and reportlab's reader for the PDFs, with a subset of a few characters
as the PDF writer makes it. Everything must end in a font or a
``WorkshopError``; anything else fails with the seed and case to replay.

CI runs 2,000 cases from a fixed seed (the loop is ``tests/fuzz/conftest.py``'s); ``WORKSHOP_FUZZ_SECONDS`` or
``WORKSHOP_FUZZ_CASES`` run longer, ``WORKSHOP_FUZZ_SEED`` another stream.
"""

from __future__ import annotations

import random
import struct
from pathlib import Path

import pytest

from workshop.brand.fontfiles import clear_caches
from workshop.brand.fonts import read_face
from workshop.plan.measure import FontMetrics
from workshop.render.pdf.fonts import open_pdf_font

SOURCES = [Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")]
FIELDS = {  # table → offsets of fields the readers use (the OpenType names are in workshop/brand/sfnt.py)
    "head": [18, 44, 50], "hhea": [4, 6, 8, 34], "maxp": [4], "OS/2": [4, 8, 62, 74, 76],
    "cmap": [2, 4, 6, 8, 10, 12, 14], "name": [2, 4, 6, 14, 16], "hmtx": [0, 2], "loca": [0, 2, 4], "glyf": [0, 2],
}
HOSTILE = [0, 1, 0x7FFF, 0x8000, 0xFFFF, 0xFFFE, 2, 3]


def tables(data: bytes) -> dict[str, tuple[int, int, int]]:
    """tag → (record position, offset, length)."""
    count = struct.unpack_from(">H", data, 4)[0]
    found = {}
    for index in range(count):
        tag, _sum, offset, length = struct.unpack_from(">4sIII", data, 12 + 16 * index)
        found[tag.decode("latin-1")] = (12 + 16 * index, offset, length)
    return found


def mutate(rng: random.Random, data: bytes) -> tuple[bytes, str]:
    buffer = bytearray(data)
    if len(data) < 12 + 16 * struct.unpack_from(">H", data, 4)[0] if len(data) >= 6 else True:
        return data + b"\x00", "appended a byte to a truncated file"
    directory = tables(data)
    tag = rng.choice(sorted(directory))
    record, offset, length = directory[tag]
    kind = rng.choices(["field", "flip", "record", "truncate", "twice"], weights=[40, 25, 15, 10, 10])[0]
    if kind == "field" and tag in FIELDS:
        at = offset + rng.choice(FIELDS[tag])
        # inside the first subtable, where counts live
        if tag == "cmap" and offset + 12 <= len(data) and rng.random() < 0.6:
            sub = struct.unpack_from(">I", data, offset + 8)[0]
            at = offset + sub + rng.choice([0, 2, 4, 6, 8, 12, 14, 16])
        value = rng.choice(HOSTILE)
        struct.pack_into(">H", buffer, max(0, min(at, len(buffer) - 2)), value)
        return bytes(buffer), f"{tag}+{at - offset}: {value:#x}"
    if kind == "flip" and length:
        for _ in range(rng.randint(1, 16)):
            buffer[(offset + rng.randrange(length)) % len(buffer)] = rng.randrange(256)
        return bytes(buffer), f"{tag}: flipped bytes"
    if kind == "record":
        field_at = record + rng.choice([8, 12])
        struct.pack_into(">I", buffer, field_at, rng.choice([0, 1, len(data) - 4, len(data) + 100, 0xFFFFFFFF,
                                                             offset + rng.randrange(max(1, length))]))
        return bytes(buffer), f"{tag}: table record changed"
    if kind == "truncate":
        cut = rng.randrange(len(data))
        return data[:cut], f"truncated at {cut}"
    once, first = mutate(rng, data)
    twice, second = mutate(rng, once)
    return twice, f"{first}; {second}"


@pytest.mark.slow
@pytest.mark.skipif(not all(p.is_file() for p in SOURCES), reason="needs fonts-dejavu")
def test_mutated_fonts_are_usable_or_refused_by_name(fuzz, lato_regular: bytes):
    originals = [lato_regular] + [p.read_bytes() for p in SOURCES]

    def use(path: Path, case: int) -> None:
        read_face(path)  # the font scan: None or a face, never an exception
        FontMetrics(path)
        font = open_pdf_font(f"Fuzz{case}", path, f"the font file '{path.name}'")
        font.face.makeSubset([32, 65, 97, 233, 8364])

    try:
        outcome = fuzz("fonts", ".ttf", lambda rng: mutate(rng, rng.choice(originals)), use)
    finally:
        clear_caches()
    outcome.check()
