"""TrueType → EOT, and the embedding licence (OS/2 fsType) decides what may go in."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from fontTools.ttLib import TTFont

from workshop.brand.eot import NotEmbeddable, embedding_problem, read_header, to_eot
from workshop.brand.shipped_fonts import SHIPPED_FONTS

LATO = SHIPPED_FONTS / "lato" / "Lato-Regular.ttf"


def with_fs_type(fs_type: int) -> bytes:
    font = TTFont(LATO)
    font["OS/2"].fsType = fs_type
    buffer = io.BytesIO()
    font.save(buffer)
    return buffer.getvalue()


@pytest.mark.parametrize(("fs_type", "allowed"), [
    (0x0000, True),  # installable
    (0x0004, True),  # preview & print
    (0x0008, True),  # editable
    (0x0104, True),  # preview & print, no subsetting (we never subset)
    (0x0002, False),  # restricted
    (0x0200, False),  # bitmap embedding only
    (0x0208, False),
])
def test_fs_type_decides(fs_type, allowed):
    data = with_fs_type(fs_type)
    assert (embedding_problem(read_header(data)) is None) is allowed
    if allowed:
        assert to_eot(data).endswith(data)
    else:
        with pytest.raises(NotEmbeddable, match="licence"):
            to_eot(data)


def test_cff_fonts_cannot_go_into_eot():
    otf = next(Path(p) for p in __import__("glob").glob(
        str(Path(__import__("font_source_sans_pro").__file__).parent / "**" / "*.otf"), recursive=True))
    with pytest.raises(NotEmbeddable, match="CFF"):
        to_eot(otf.read_bytes())


def test_not_a_font_is_refused():
    with pytest.raises(NotEmbeddable):
        to_eot(b"\x00\x01\x00\x00" + b"\x00" * 20)


def test_the_eot_wraps_the_file_unchanged_and_is_deterministic():
    data = LATO.read_bytes()
    assert to_eot(data) == to_eot(data)
    assert to_eot(data)[-len(data):] == data
