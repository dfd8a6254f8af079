"""The Jinja2 sandbox that renders templated values: imported only when a value holds a template.

A locked-down ``ImmutableSandboxedEnvironment`` that also bounds arithmetic,
ranges, filters, methods, formats, output size and time. ``templating``
decides which values to render; this module renders them.
"""

from __future__ import annotations

import functools
import signal
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from jinja2 import StrictUndefined, TemplateError, TemplateSyntaxError, UndefinedError, nodes
from jinja2.compiler import CodeGenerator, Frame
from jinja2.sandbox import ImmutableSandboxedEnvironment, SandboxedFormatter, SecurityError

from workshop.errors import Location, WorkshopError
from workshop.outline.templating import MAX_OUTPUT, MAX_RANGE, MAX_SIZE, TIME_LIMIT, TIME_PER_VALUE
from workshop.safety.formats import BoundedFormatter, FormatLimit, percent_size
from workshop.yamltree.tree import Scalar


class _Budget(Exception):
    pass


class _Environment(ImmutableSandboxedEnvironment):
    """Sandbox that also bounds arithmetic, ranges, filters, methods, formats and output size.

    Whatever builds a string or list is checked *before* it allocates where
    the size follows from the arguments (widths, counts, replacements, joins),
    and after otherwise, so no value grows past ``MAX_SIZE``.
    """

    intercepted_binops = frozenset({"*", "**", "+", "//", "%"})
    code_generator_class: type[CodeGenerator]  # set below: ``~`` joins through ``bounded_join``

    def call_binop(self, context: Any, operator_name: str, left: Any, right: Any) -> Any:
        if operator_name == "**":
            if isinstance(right, (int, float)) and abs(right) > 64:
                raise _Budget("exponent too large")
            if isinstance(left, (int, float)) and abs(left) > 10**9:
                raise _Budget("number too large")
        if operator_name == "*":
            for sized, count in ((left, right), (right, left)):
                if isinstance(sized, (str, list, tuple)) and isinstance(count, int):
                    _at_most(len(sized) * count)
        if operator_name == "%" and isinstance(left, str):
            _formatting(percent_size, left, right, MAX_SIZE)
        result = super().call_binop(context, operator_name, left, right)
        return _sized(result)

    def call(__self, __context: Any, __obj: Any, *args: Any, **kwargs: Any) -> Any:  # noqa: N805 (jinja's)
        _tick()
        owner = getattr(__obj, "__self__", None)
        if isinstance(owner, str) and getattr(__obj, "__name__", "") in _STR_METHODS:
            _STR_METHODS[__obj.__name__](owner, *args, **kwargs)
        return _sized(super().call(__context, __obj, *args, **kwargs))

    def wrap_str_format(self, value: Any) -> Any:
        """``str.format``/``format_map`` with every width and the total output bounded."""
        wrapped = super().wrap_str_format(value)
        if wrapped is None:
            return None
        template, is_map = str(value.__self__), value.__name__ == "format_map"

        def bounded(*args: Any, **kwargs: Any) -> str:
            if is_map:
                if kwargs or len(args) != 1:
                    raise TypeError("format_map() takes exactly one argument")
                return str(_formatting(_SandboxFormatter(self).vformat, template, (), args[0]))
            return str(_formatting(_SandboxFormatter(self).vformat, template, args, kwargs))

        return bounded

    @staticmethod
    def bounded_join(parts: Any) -> str:
        """What ``a ~ b`` compiles to: the pieces' total is checked before they are joined."""
        pieces = [p if isinstance(p, str) else str(p) for p in parts]
        if sum(map(len, pieces)) > MAX_SIZE:
            raise _Budget("value too large")
        return "".join(pieces)

    @staticmethod
    def concat(parts: Any) -> str:  # jinja's block and macro output
        pieces = list(parts)
        if sum(map(len, pieces)) > MAX_SIZE:
            raise _Budget(f"a block produced more than {MAX_SIZE:,} characters")
        return "".join(pieces)


class _CodeGenerator(CodeGenerator):
    """Jinja's compiler, with ``~`` (string concatenation) going through ``bounded_join``."""

    def visit_Concat(self, node: nodes.Concat, frame: Frame) -> None:  # noqa: N802 (jinja's visitor name)
        self.write("environment.bounded_join((")
        for argument in node.nodes:
            self.visit(argument, frame)
            self.write(", ")
        self.write("))")


_Environment.code_generator_class = _CodeGenerator


class _SandboxFormatter(BoundedFormatter, SandboxedFormatter):
    """The sandbox's attribute rules for ``{x.y}`` fields, with the bounded widths and total."""

    def __init__(self, env: _Environment) -> None:
        SandboxedFormatter.__init__(self, env)
        self.limit, self.produced = MAX_SIZE, 0


def _formatting(function: Any, *args: Any) -> Any:
    try:
        return function(*args)
    except FormatLimit as exc:
        raise _Budget(str(exc)) from None


def _sized(result: Any) -> Any:
    if isinstance(result, (str, list, tuple, dict)) and len(result) > MAX_SIZE:
        raise _Budget("value too large")
    if isinstance(result, int) and not isinstance(result, bool) and result.bit_length() > 256:
        raise _Budget("number too large")
    return result


def _at_most(size: int) -> None:
    if size > MAX_SIZE:
        raise _Budget(f"it would build {size:,} characters or items; the limit is {MAX_SIZE:,}")


def _width(width: Any, *_: Any, **__: Any) -> None:
    if isinstance(width, int):
        _at_most(width)


def _replace_size(text: str, old: Any = "", new: Any = "", count: Any = None, *_: Any) -> None:
    if not isinstance(old, str) or not isinstance(new, str):
        return
    hits = text.count(old) if old else len(text) + 1
    if isinstance(count, int) and count >= 0:
        hits = min(hits, count)
    _at_most(len(text) + hits * (len(new) - len(old)))


def _join_size(separator: str, items: Any = (), *_: Any) -> None:
    if isinstance(items, (str, list, tuple)):
        _at_most(sum(len(str(i)) for i in items) + len(separator) * max(0, len(items) - 1))


def _translate_size(text: str, table: Any = None, *_: Any) -> None:
    if isinstance(table, dict):
        longest = max((len(v) for v in table.values() if isinstance(v, str)), default=1)
        _at_most(len(text) * max(1, longest))


_STR_METHODS = {  # str methods whose output size follows from their arguments: checked before the call
    "center": lambda s, width=0, *a, **k: _width(width),
    "ljust": lambda s, width=0, *a, **k: _width(width),
    "rjust": lambda s, width=0, *a, **k: _width(width),
    "zfill": lambda s, width=0, *a, **k: _width(width),
    "expandtabs": lambda s, tabsize=8, *a, **k: _at_most(len(s) + s.count("\t") * tabsize)
    if isinstance(tabsize, int) else None,
    "replace": _replace_size,
    "join": _join_size,
    "translate": _translate_size,
}


def _filters(env: _Environment) -> dict[str, Any]:
    """Jinja's filters, each checked on its result, and before the call where the arguments say the size."""
    before = {
        "center": lambda value, width=80, *a, **k: _width(width),
        "indent": lambda s, width=4, *a, **k: _at_most(
            len(str(s)) + (str(s).count("\n") + 1) * (width if isinstance(width, int) else len(str(width)))),
        "replace": lambda s, old="", new="", count=None, *a, **k: _replace_size(str(s), old, new, count),
        "wordwrap": lambda s, width=79, break_long_words=True, wrapstring=None, *a, **k: _at_most(
            len(str(s)) * (1 + len(wrapstring or "\n"))) if isinstance(wrapstring, str) else None,
        "join": lambda value, d="", *a, **k: _join_size(d, list(value) if isinstance(value, (list, tuple)) else value),
        "format": lambda value, *args, **kwargs: _formatting(percent_size, str(value), kwargs or args, MAX_SIZE),
        "batch": lambda value, linecount=1, *a, **k: _width(linecount),
        "slice": lambda value, slices=1, *a, **k: _width(slices),
        "sum": lambda iterable, attribute=None, start=0, *a, **k: None if isinstance(start, (int, float)) else _refuse(
            "sum() may only add numbers"),
    }
    return {name: _bounded_filter(function, before.get(name)) for name, function in env.filters.items()}


def _refuse(reason: str) -> None:
    raise _Budget(reason)


def _bounded_filter(function: Any, check: Any) -> Any:
    passes_context = getattr(function, "jinja_pass_arg", None) is not None

    @functools.wraps(function)
    def bounded(*args: Any, **kwargs: Any) -> Any:
        if check is not None:
            check(*(args[1:] if passes_context else args), **kwargs)
        return _sized(function(*args, **kwargs))

    return bounded


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
    env.filters = _filters(env)
    return env


@contextmanager
def _time_limit(seconds: float) -> Iterator[None]:
    """Stop runaway loops: a timer signal where we can, a call-count clock everywhere."""
    _deadline.at = time.monotonic() + seconds
    use_signal = threading.current_thread() is threading.main_thread() and hasattr(signal, "setitimer")
    if use_signal:
        def _raise(signum: int, frame: Any) -> None:
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


def render_values(templated: list[tuple[tuple, Scalar]], variables: dict) -> None:
    """Render each ``(path, node)`` in place, all of them within one time budget."""
    env = _environment()
    with _time_limit(TIME_LIMIT + TIME_PER_VALUE * len(templated)):
        for path, node in templated:
            node.value = _render(env, node, variables, path)


def _render(env: _Environment, node: Scalar, variables: dict, path: tuple) -> str:
    field = _field(path)
    try:
        template = env.from_string(node.value)
        result = _bounded_render(template, variables)
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


def _bounded_render(template: Any, variables: dict) -> str:
    """Render piece by piece, stopping as soon as the output passes the limit (never joined whole)."""
    pieces: list[str] = []
    size = 0
    for piece in template.generate(variables):
        size += len(piece)
        if size > MAX_OUTPUT:
            raise _Budget(f"the output passed {MAX_OUTPUT:,} characters")
        pieces.append(piece)
    return "".join(pieces)


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


__all__ = ["render_values"]
