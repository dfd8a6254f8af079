"""Jinja2 on string values only, after parsing, in a locked-down sandbox.

Rendering values (never the file text) means a variable cannot change the
outline's structure and every error keeps its line. Variable values are data:
their output is not rendered again, so ``{{ 7*7 }}`` inside a value stays text.
Jinja2 and the sandbox (``sandbox``) are imported only when some value needs
them: most templated values are a plain insertion such as ``{{ client.name }}``
or ``{{ client.name or 'jullie organisatie' }}``, which ``quick`` renders
exactly as Jinja2 would (importing Jinja2 and its sandbox costs a cold start
about 35 ms). Anything else, and every case that would end in an error, goes
to Jinja2, so messages stay Jinja2's.
"""

from __future__ import annotations

import re
from functools import cache

from workshop.yamltree.tree import Node, Scalar, walk

MAX_OUTPUT = 20_000  # characters one value may render to
MAX_SIZE = 100_000  # largest string/list an operator, filter or method may build
MAX_RANGE = 1_000
TIME_LIMIT = 2.0  # seconds for all templates of an outline, plus TIME_PER_VALUE for each templated value
TIME_PER_VALUE = 0.002
MARKERS = ("{{", "{%", "{#")

#: names Jinja2 gives a meaning of its own (keywords, literals, the sandbox's globals, template specials)
_RESERVED = frozenset({
    "and", "or", "not", "in", "is", "if", "else", "elif", "for", "endfor", "true", "false", "none",
    "True", "False", "None", "range", "self", "loop", "super", "caller", "varargs", "kwargs",
})


@cache
def _tag() -> re.Pattern[str]:
    """``{{ a.b }}`` or ``{{ a.b or 'text' }}``: what ``quick`` renders without Jinja2."""
    name = r"[A-Za-z_][A-Za-z0-9_]*"
    literal = r"'[^'\\{}%#\r\n]*'|\"[^\"\\{}%#\r\n]*\""
    return re.compile(rf"\{{\{{[ \t]*({name}(?:\.{name})*)(?:[ \t]+or[ \t]+({literal}))?[ \t]*\}}\}}")


def render_tree(tree: Node, variables: dict, name: str) -> None:
    """Render every templated string value in place (``vars`` itself excluded)."""
    templated = [(path, node) for path, node in walk(tree)
                 if isinstance(node, Scalar) and path and path[0] != "vars"
                 and any(marker in node.value for marker in MARKERS)]
    rest = []
    for path, node in templated:
        done = quick(node.value, variables)
        if done is None:
            rest.append((path, node))
        else:
            node.value = done
    if not rest:
        return
    from workshop.outline.sandbox import render_values

    render_values(rest, variables)


def quick(template: str, variables: dict) -> str | None:
    """``template`` rendered as Jinja2 renders it, when it only inserts text variables; else None.

    None means "ask Jinja2": any other syntax, a name that is not a variable
    holding text (an undefined one included, so its error is Jinja2's), a
    value that is not ``str``, or output over ``MAX_OUTPUT``.
    """
    if "\r" in template:  # Jinja2 normalises line ends in the text around tags
        return None
    pieces: list[str] = []
    at = 0
    for match in _tag().finditer(template):
        text = template[at:match.start()]
        if not _plain(text) or text.endswith("{") or template.startswith("}", match.end()):
            return None
        value = _lookup(match.group(1), variables)
        if value is None:
            return None
        if not value and match.group(2):
            value = match.group(2)[1:-1]
        pieces += [text, value]
        at = match.end()
    tail = template[at:]
    if not pieces or not _plain(tail):
        return None
    pieces.append(tail)
    result = "".join(pieces)
    return result if len(result) <= MAX_OUTPUT else None


def _plain(text: str) -> bool:
    return not any(marker in text for marker in MARKERS)


def _lookup(dotted: str, variables: dict) -> str | None:
    """The text at ``a.b.c`` in nested mappings, where Jinja2 would find the same; else None."""
    names = dotted.split(".")
    if any(name in _RESERVED for name in names):
        return None
    value: object = variables
    for index, name in enumerate(names):
        # Jinja2 tries an attribute before an item: a dict method name (``items``) is not our value
        if type(value) is not dict or name not in value or (index and hasattr(dict, name)):
            return None
        value = value[name]
    return value if type(value) is str else None


__all__ = ["MAX_OUTPUT", "quick", "render_tree"]
