"""Jinja2 on string values only, after parsing, in a locked-down sandbox.

Rendering values (never the file text) means a variable cannot change the
outline's structure and every error keeps its line. Variable values are data:
their output is not rendered again, so ``{{ 7*7 }}`` inside a value stays text.
"""

from __future__ import annotations

import signal
import threading
import time
from contextlib import contextmanager
from typing import Any

from jinja2 import StrictUndefined, TemplateError, TemplateSyntaxError, UndefinedError
from jinja2.sandbox import ImmutableSandboxedEnvironment, SecurityError

from workshop.errors import Location, WorkshopError
from workshop.yamltree.tree import Node, Scalar, walk

MAX_OUTPUT = 20_000  # characters one value may render to
MAX_SIZE = 100_000  # largest string/list an operator may build
MAX_RANGE = 1_000
TIME_LIMIT = 2.0  # seconds for all templates of one outline
_MARKERS = ("{{", "{%", "{#")


class _Budget(Exception):
    pass


class _Environment(ImmutableSandboxedEnvironment):
    """Sandbox that also bounds arithmetic, ranges and output size."""

    intercepted_binops = frozenset({"*", "**", "+", "//", "%"})

    def call_binop(self, context, operator_name: str, left: Any, right: Any) -> Any:
        if operator_name == "**":
            if isinstance(right, (int, float)) and abs(right) > 64:
                raise _Budget("exponent too large")
            if isinstance(left, (int, float)) and abs(left) > 10**9:
                raise _Budget("number too large")
        result = super().call_binop(context, operator_name, left, right)
        if isinstance(result, (str, list, tuple)) and len(result) > MAX_SIZE:
            raise _Budget("value too large")
        if isinstance(result, int) and not isinstance(result, bool) and result.bit_length() > 256:
            raise _Budget("number too large")
        return result

    def call(__self, __context, __obj, *args, **kwargs):  # noqa: N805 (jinja's signature)
        _tick()
        return super().call(__context, __obj, *args, **kwargs)


def _bounded_range(*args: int) -> range:
    values = range(*args)
    if len(values) > MAX_RANGE:
        raise _Budget(f"range() is limited to {MAX_RANGE} items")
    return values


_deadline = threading.local()


def _tick() -> None:
    limit = getattr(_deadline, "at", None)
    if limit is not None and time.monotonic() > limit:
        raise _Budget("templates took too long")


def _environment() -> _Environment:
    env = _Environment(undefined=StrictUndefined, autoescape=False, keep_trailing_newline=True)
    env.globals = {"range": _bounded_range}
    return env


@contextmanager
def _time_limit(seconds: float):
    """Stop runaway loops: a timer signal where we can, a call-count clock everywhere."""
    _deadline.at = time.monotonic() + seconds
    use_signal = threading.current_thread() is threading.main_thread() and hasattr(signal, "setitimer")
    if use_signal:
        def _raise(signum, frame):
            raise _Budget("templates took too long")

        previous = signal.signal(signal.SIGALRM, _raise)
        signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        _deadline.at = None
        if use_signal:
            signal.setitimer(signal.ITIMER_REAL, 0)
            signal.signal(signal.SIGALRM, previous)


def _field(path: tuple) -> str:
    from workshop.outline.validate import human_path

    return human_path(path)


def render_tree(tree: Node, variables: dict, name: str) -> None:
    """Render every templated string value in place (``vars`` itself excluded)."""
    env = _environment()
    with _time_limit(TIME_LIMIT):
        for path, node in walk(tree):
            if not isinstance(node, Scalar) or not path or path[0] == "vars":
                continue
            if any(marker in node.value for marker in _MARKERS):
                node.value = _render(env, node, variables, path)


def _render(env: _Environment, node: Scalar, variables: dict, path: tuple) -> str:
    field = _field(path)
    try:
        template = env.from_string(node.value)
        result = template.render(variables)
    except TemplateSyntaxError as exc:
        line = node.location.line + (exc.lineno or 1) - 1
        raise WorkshopError(
            f"template error in '{field}': {exc.message}",
            Location(node.location.file, line, node.location.column),
            hint="check the {{ }} and {% %} brackets",
        ) from None
    except UndefinedError as exc:
        raise WorkshopError(
            f"undefined variable in '{field}': {exc.message}",
            node.location,
            hint=_undefined_hint(exc.message or "", variables),
        ) from None
    except SecurityError as exc:
        raise WorkshopError(
            f"template in '{field}' tried something unsafe: {exc}", node.location,
            hint="templates may only insert variables and use simple filters",
        ) from None
    except _Budget as exc:
        raise WorkshopError(
            f"template in '{field}' hit a limit: {exc}", node.location,
            hint="templates are for inserting variables, not for computing",
        ) from None
    except (TemplateError, ArithmeticError, TypeError, ValueError, OverflowError, MemoryError, RecursionError) as exc:
        raise WorkshopError(f"template error in '{field}': {exc}", node.location) from None
    if len(result) > MAX_OUTPUT:
        raise WorkshopError(
            f"template in '{field}' produced {len(result):,} characters; the limit is {MAX_OUTPUT:,}",
            node.location,
        )
    return result


def _undefined_hint(message: str, variables: dict) -> str:
    import difflib

    name = message.split("'")[1] if message.count("'") >= 2 else ""
    known = sorted(_names(variables))
    close = difflib.get_close_matches(name, known, n=1)
    hint = f"did you mean '{close[0]}'? " if close else ""
    return hint + "define it under `vars:` in the outline, in a client file (--vars) or with --set"


def _names(variables: dict, prefix: str = "") -> list[str]:
    names = []
    for key, value in variables.items():
        names.append(prefix + str(key))
        names.append(str(key))
        if isinstance(value, dict):
            names.extend(_names(value, prefix + str(key) + "."))
    return names


__all__ = ["render_tree"]
