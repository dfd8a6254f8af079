"""Jinja2 on string values only, after parsing, in a locked-down sandbox.

Rendering values (never the file text) means a variable cannot change the
outline's structure and every error keeps its line. Variable values are data:
their output is not rendered again, so ``{{ 7*7 }}`` inside a value stays text.
Jinja2 and the sandbox (``sandbox``) are imported only when some value holds
a template marker: most outlines of a batch's clients have a few, many
hand-written outlines none.
"""

from __future__ import annotations

from workshop.yamltree.tree import Node, Scalar, walk

MAX_OUTPUT = 20_000  # characters one value may render to
MAX_SIZE = 100_000  # largest string/list an operator, filter or method may build
MAX_RANGE = 1_000
TIME_LIMIT = 2.0  # seconds for all templates of an outline, plus TIME_PER_VALUE for each templated value
TIME_PER_VALUE = 0.002
MARKERS = ("{{", "{%", "{#")


def render_tree(tree: Node, variables: dict, name: str) -> None:
    """Render every templated string value in place (``vars`` itself excluded)."""
    templated = [(path, node) for path, node in walk(tree)
                 if isinstance(node, Scalar) and path and path[0] != "vars"
                 and any(marker in node.value for marker in MARKERS)]
    if not templated:
        return
    from workshop.outline.sandbox import render_values

    render_values(templated, variables)


__all__ = ["MAX_OUTPUT", "render_tree"]
