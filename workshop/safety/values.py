"""The attribute values of a template that the deck writer reads, checked against ECMA-376.

python-pptx converts attributes lazily, when the renderer first touches a
shape: a placeholder type it does not know or a position that is not a
number fails deep in the deck's rendering. These are the simple types of
the attributes it reads from masters, layouts and notes masters; a value
outside them is a damaged file, named here with its part.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from workshop.errors import Location, WorkshopError

_P = "{http://schemas.openxmlformats.org/presentationml/2006/main}"
_A = "{http://schemas.openxmlformats.org/drawingml/2006/main}"
_INTEGER = re.compile(r"^[+-]?\d{1,20}$")
MAX_COORDINATE = 27_273_042_316_900  # ST_Coordinate
MAX_COORDINATE32 = 2_147_483_647  # ST_Coordinate32


def _enum(*values: str) -> Callable[[str], bool]:
    allowed = frozenset(values)
    return lambda value: value in allowed


def _integer(low: int, high: int) -> Callable[[str], bool]:
    return lambda value: bool(_INTEGER.match(value)) and low <= int(value) <= high


_BOOLEAN = _enum("0", "1", "true", "false")
_PH_TYPES = _enum("title", "body", "ctrTitle", "subTitle", "dt", "sldNum", "ftr", "hdr", "obj", "chart", "tbl",
                  "clipArt", "dgm", "media", "sldImg", "pic")
_HEX = re.compile(r"^[0-9A-Fa-f]{6}$")

CHECKS: dict[str, dict[str, tuple[str, Callable[[str], bool]]]] = {  # element → attribute → (simple type, test)
    _P + "ph": {"type": ("ST_PlaceholderType", _PH_TYPES), "orient": ("ST_Direction", _enum("horz", "vert")),
                "sz": ("ST_PlaceholderSize", _enum("full", "half", "quarter")),
                "idx": ("xsd:unsignedInt", _integer(0, 4_294_967_295)), "hasCustomPrompt": ("xsd:boolean", _BOOLEAN)},
    _A + "off": {"x": ("ST_Coordinate", _integer(-MAX_COORDINATE, MAX_COORDINATE)),
                 "y": ("ST_Coordinate", _integer(-MAX_COORDINATE, MAX_COORDINATE))},
    _A + "ext": {"cx": ("ST_PositiveCoordinate", _integer(0, MAX_COORDINATE)),
                 "cy": ("ST_PositiveCoordinate", _integer(0, MAX_COORDINATE))},
    _A + "bodyPr": {key: ("ST_Coordinate32", _integer(-MAX_COORDINATE32, MAX_COORDINATE32))
                    for key in ("lIns", "tIns", "rIns", "bIns")},
    _P + "sldSz": {"cx": ("ST_SlideSizeCoordinate", _integer(914_400, 51_206_400)),
                   "cy": ("ST_SlideSizeCoordinate", _integer(914_400, 51_206_400))},
    _P + "notesSz": {"cx": ("ST_PositiveCoordinate", _integer(0, MAX_COORDINATE)),
                     "cy": ("ST_PositiveCoordinate", _integer(0, MAX_COORDINATE))},
    _A + "srgbClr": {"val": ("ST_HexColorRGB", lambda value: bool(_HEX.match(value)))},
    _A + "xfrm": {"rot": ("ST_Angle", _integer(-2_147_483_648, 2_147_483_647)),
                  "flipH": ("xsd:boolean", _BOOLEAN), "flipV": ("xsd:boolean", _BOOLEAN)},
}


REQUIRED: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {  # element → (its required children, attributes)
    _P + "cSld": ((_P + "spTree",), ()),
    _P + "spTree": ((_P + "nvGrpSpPr", _P + "grpSpPr"), ()),
    _P + "sp": ((_P + "nvSpPr", _P + "spPr"), ()),
    _P + "nvSpPr": ((_P + "cNvPr", _P + "cNvSpPr", _P + "nvPr"), ()),
    _P + "pic": ((_P + "nvPicPr", _P + "blipFill", _P + "spPr"), ()),
    _P + "nvPicPr": ((_P + "cNvPr", _P + "cNvPicPr", _P + "nvPr"), ()),
    _P + "grpSp": ((_P + "nvGrpSpPr", _P + "grpSpPr"), ()),
    _P + "nvGrpSpPr": ((_P + "cNvPr", _P + "cNvGrpSpPr", _P + "nvPr"), ()),
    _P + "cxnSp": ((_P + "nvCxnSpPr", _P + "spPr"), ()),
    _P + "nvCxnSpPr": ((_P + "cNvPr", _P + "cNvCxnSpPr", _P + "nvPr"), ()),
    _P + "graphicFrame": ((_P + "nvGraphicFramePr", _P + "xfrm", _A + "graphic"), ()),
    _P + "nvGraphicFramePr": ((_P + "cNvPr", _P + "cNvGraphicFramePr", _P + "nvPr"), ()),
    _P + "cNvPr": ((), ("id", "name")),
    _P + "sldMasterId": ((), ("{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id",)),
    _P + "sldLayoutId": ((), ("{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id",)),
    _A + "off": ((), ("x", "y")),
    _A + "ext": ((), ("cx", "cy")),
}


def check_values(root: Any, name: str, label: str) -> None:
    """Refuse the first element missing what the schema requires, or attribute outside its simple type."""
    for element in root.iter(*REQUIRED):
        children, attributes = REQUIRED[element.tag]
        present = {child.tag for child in element}
        missing = [c for c in children if c not in present] + [a for a in attributes if element.get(a) is None]
        if missing:
            raise WorkshopError(
                f"the part '{name}' has a {_local(element.tag)} without its {_local(missing[0])}, which the "
                "file format requires", Location(label),
                hint="the file is damaged; open it in PowerPoint and save it again")
    for element in root.iter(*CHECKS):
        for attribute, (simple_type, test) in CHECKS[element.tag].items():
            value = element.get(attribute)
            if value is not None and not test(value):
                shown = value if len(value) <= 40 else value[:40] + "…"
                raise WorkshopError(
                    f"the part '{name}' has {_local(element.tag)} {attribute}=\"{shown}\", which is not "
                    f"a valid {simple_type}", Location(label),
                    hint="the file is damaged; open it in PowerPoint and save it again")


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]
