"""The python-pptx contract: every internal the adapter uses exists, and only the adapter uses them.

``workshop.render.deck.package.INTERNALS`` names each internal; this test
checks each one against the installed python-pptx (an upgrade that moves one
fails here, by name) and that no other module reaches past the public API.
"""

from __future__ import annotations

import ast
import importlib
from pathlib import Path

import pytest
from pptx import Presentation
from pptx.chart.data import CategoryChartData
from pptx.enum.chart import XL_CHART_TYPE
from pptx.util import Inches

from workshop.render.deck import package
from workshop.render.deck.package import INTERNALS, RT

PACKAGE = Path(package.__file__).resolve().parents[2]  # the workshop package
ADAPTER = Path(package.__file__).resolve()

#: python-pptx's documented API, which any deck module may use
PUBLIC = ("pptx", "pptx.util", "pptx.dml.color", "pptx.chart.data", "pptx.enum", "pptx.slide", "pptx.presentation")
PUBLIC_NAMES = {"pptx.util": {"Pt", "Emu", "Inches", "Cm", "Mm", "Length", "Centipoints"},
                "pptx.chart.data": {"CategoryChartData", "XyChartData", "BubbleChartData"}}


def _instances() -> dict[str, object]:
    """Live python-pptx objects for the internals that exist only on instances."""
    prs = Presentation()
    slide = prs.slides.add_slide(prs.slide_layouts[6])
    box = slide.shapes.add_textbox(0, 0, Inches(1), Inches(1))
    table = slide.shapes.add_table(1, 1, 0, 0, Inches(1), Inches(1)).table
    data = CategoryChartData()
    data.categories = ["a"]
    data.add_series("s", [1])
    chart = slide.shapes.add_chart(XL_CHART_TYPE.COLUMN_CLUSTERED, 0, 0, Inches(2), Inches(2), data).chart
    theme = prs.slide_masters[0].part.part_related_by(RT.THEME)
    return {
        "OpcPackage": prs.part.package, "_Relationships": prs.part.rels, "Part": theme, "XmlPart": prs.part,
        "SlideShapes": slide.shapes, "TextFrame": box.text_frame, "_Cell": table.cell(0, 0), "Font": chart.font,
    }


@pytest.fixture(scope="module")
def instances() -> dict[str, object]:
    return _instances()


@pytest.mark.parametrize("target,why", INTERNALS, ids=[t for t, _ in INTERNALS])
def test_every_internal_the_adapter_names_exists(target: str, why: str, instances):
    module_name, _, path = target.partition(":")
    module = importlib.import_module(module_name)
    name, _, attribute = path.partition(".")
    found = getattr(module, name, None)
    assert found is not None, f"python-pptx has no {target} any more ({why})"
    if attribute:
        live = instances.get(name)
        assert hasattr(found, attribute) or (live is not None and hasattr(live, attribute)), (
            f"python-pptx's {name} has no {attribute} any more ({why})")


def _modules() -> list[Path]:
    return sorted(p for p in PACKAGE.rglob("*.py") if p.resolve() != ADAPTER)


def _pptx_imports(tree: ast.AST) -> list[tuple[str, str]]:
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module and node.module.split(".")[0] == "pptx":
            found += [(node.module, alias.name) for alias in node.names]
        elif isinstance(node, ast.Import):
            found += [(alias.name, "") for alias in node.names if alias.name.split(".")[0] == "pptx"]
    return found


@pytest.mark.parametrize("path", _modules(), ids=lambda p: str(p.relative_to(PACKAGE)))
def test_no_module_but_the_adapter_imports_python_pptx_internals(path: Path):
    for module, name in _pptx_imports(ast.parse(path.read_text(encoding="utf-8"))):
        public = module in PUBLIC or module.startswith("pptx.enum.")
        assert public, f"{path.name} imports {module}.{name}: go through render/deck/package.py"
        if module in PUBLIC_NAMES:
            assert name in PUBLIC_NAMES[module], f"{path.name} imports {module}.{name}, an internal"


_OWN = {"self", "cls", "etree"}  # lxml's own names (etree._Element) are not python-pptx's


@pytest.mark.parametrize("path", [p for p in _modules() if p.relative_to(PACKAGE).parts[:2] == ("render", "deck")],
                         ids=lambda p: str(p.relative_to(PACKAGE)))
def test_no_deck_module_but_the_adapter_reaches_private_attributes(path: Path):
    """``obj._name`` on anything but the module's own objects is python-pptx's internals."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if isinstance(node, ast.Attribute) and node.attr.startswith("_") and not node.attr.startswith("__"):
            owner = node.value
            assert isinstance(owner, ast.Name) and owner.id in _OWN, (
                f"{path.name}:{node.lineno} reaches .{node.attr}: go through render/deck/package.py")
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in ("getattr", "hasattr"):
            literal = [a.value for a in node.args[1:2] if isinstance(a, ast.Constant)]
            assert not (literal and str(literal[0]).startswith("_")), f"{path.name}:{node.lineno}"


def test_the_pin_comment_points_at_the_adapter():
    text = (PACKAGE.parent / "pyproject.toml").read_text(encoding="utf-8")
    line = next(line for line in text.splitlines() if '"python-pptx' in line)
    assert "<1.1" in line and "render/deck/package.py" in line and "INTERNALS" in line
