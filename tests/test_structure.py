"""The package's structure rules, enforced (docs/architecture.md): small modules, renderers alone
import python-pptx and reportlab, and no import cycle between modules.

Read from the source with ``ast``, so a rule broken anywhere in ``workshop/``
fails here by file and line, before any build runs.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "workshop"
MAX_LINES = 400
RENDERER_ONLY = ("pptx", "reportlab")  # third-party packages only ``workshop.render`` may import


def _modules() -> dict[str, Path]:
    found = {}
    for file in sorted(PACKAGE.rglob("*.py")):
        parts = list(file.relative_to(PACKAGE.parent).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts.pop()
        found[".".join(parts)] = file
    return found


MODULES = _modules()


def _imports(module: str, file: Path) -> Iterator[tuple[str, int, bool]]:
    """``(imported name, line, at import time)`` for every import in ``file``; names include ``pkg.attr`` forms.

    "At import time" means not inside a function and not under ``if TYPE_CHECKING``.
    """
    package = module.split(".") if file.name == "__init__.py" else module.split(".")[:-1]

    def visit(body: list[ast.stmt], eager: bool) -> Iterator[tuple[str, int, bool]]:
        for node in body:
            if isinstance(node, ast.Import):
                for alias in node.names:
                    yield alias.name, node.lineno, eager
            elif isinstance(node, ast.ImportFrom):
                base = node.module or ""
                if node.level:
                    anchor = package[: len(package) - (node.level - 1)]
                    base = ".".join(anchor + ([base] if base else []))
                yield base, node.lineno, eager
                for alias in node.names:
                    yield f"{base}.{alias.name}", node.lineno, eager
            elif isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
                yield from visit(node.body, False)
            elif isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test):
                yield from visit(node.orelse, eager)
            elif isinstance(node, ast.Try):
                for block in (node.body, node.orelse, node.finalbody, *(h.body for h in node.handlers)):
                    yield from visit(block, eager)
            elif isinstance(node, (ast.ClassDef, ast.If, ast.With, ast.For, ast.While)):
                yield from visit(node.body, eager)
                yield from visit(getattr(node, "orelse", []), eager)

    yield from visit(ast.parse(file.read_text(encoding="utf-8")).body, True)


def cycles(edges: dict[str, set[str]]) -> list[list[str]]:
    """The strongly connected groups of more than one module (Tarjan), each sorted."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    groups: list[list[str]] = []

    def connect(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for other in sorted(edges.get(node, ())):
            if other not in index:
                connect(other)
                low[node] = min(low[node], low[other])
            elif other in on_stack:
                low[node] = min(low[node], index[other])
        if low[node] == index[node]:
            group = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                group.append(member)
                if member == node:
                    break
            if len(group) > 1:
                groups.append(sorted(group))

    for node in sorted(edges):
        if node not in index:
            connect(node)
    return groups


def test_no_module_is_over_400_lines() -> None:
    long = {str(f.relative_to(PACKAGE.parent)): n for f in MODULES.values()
            if (n := len(f.read_text(encoding="utf-8").splitlines())) > MAX_LINES}
    assert not long, f"split these modules (at most {MAX_LINES} lines each): {long}"


def test_only_renderers_import_python_pptx_and_reportlab() -> None:
    wrong = [f"{MODULES[m].relative_to(PACKAGE.parent)}:{line} imports {name}"
             for m in MODULES if not (m == "workshop.render" or m.startswith("workshop.render."))
             for name, line, _eager in _imports(m, MODULES[m])
             if name.split(".")[0] in RENDERER_ONLY]
    assert not wrong, "only workshop/render/ may import python-pptx or reportlab:\n" + "\n".join(sorted(set(wrong)))


def test_no_import_cycle_between_modules() -> None:
    edges = {m: {name for name, _line, eager in _imports(m, f) if eager and name in MODULES and name != m}
             for m, f in MODULES.items()}
    found = cycles(edges)
    assert not found, f"modules that import each other at import time: {found}"


@pytest.mark.parametrize("edges,expected", [
    ({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}, [["a", "b", "c"]]),
    ({"a": {"b"}, "b": set()}, []),
    ({"a": {"b"}, "b": {"a"}, "c": {"d"}, "d": {"c"}}, [["a", "b"], ["c", "d"]]),
])
def test_the_cycle_finder_itself(edges: dict[str, set[str]], expected: list[list[str]]) -> None:
    assert sorted(cycles(edges)) == expected


def test_the_scanner_sees_lazy_and_type_checking_imports_for_what_they_are(tmp_path: Path) -> None:
    source = tmp_path / "mod.py"
    source.write_text("from typing import TYPE_CHECKING\nimport os\nif TYPE_CHECKING:\n    import pptx\n"
                      "def f():\n    from reportlab import platypus\n", encoding="utf-8")
    seen = {(name, eager) for name, _line, eager in _imports("workshop.mod", source)}
    assert ("os", True) in seen and ("reportlab", False) in seen
    assert not any(name == "pptx" for name, _eager in seen)
