"""Format strings from strangers, bounded before they allocate.

``"{:>999999999}".format(1)`` builds a gigabyte from fifteen characters, and
``"%999999999d" % 1`` does the same; the brand's ``footer:`` is such a format
string, and Jinja templates can call ``format`` too. Every width and
precision is checked against the limit before Python formats anything, and
the total the pieces add up to is checked as they are formatted.
"""

from __future__ import annotations

import re
import string
from collections.abc import Mapping
from typing import Any

# Compiled on first use, through re's own cache: about 0.25 ms of every command otherwise,
# and most never format anything from a stranger.
_NUMBER = r"\d+"
_PERCENT = (r"%(?:\((?P<key>[^)]*)\))?[-#0 +]*(?P<width>\*|\d+)?(?:\.(?P<precision>\*|\d+))?[hlL]?"
            r"(?P<type>[diouxXeEfFgGcrsa%])")


class FormatLimit(ValueError):
    """A format would produce more than the limit allows."""


def check_spec(spec: str, limit: int) -> None:
    """Refuse a format spec (``>20``, ``.3f``, ``0=+30,d``) whose width or precision exceeds ``limit``."""
    for digits in re.findall(_NUMBER, spec):
        if len(digits) > 9 or int(digits) > limit:
            raise FormatLimit(f"a format width of {digits} is over the limit of {limit:,} characters")


def percent_size(template: str, values: Any, limit: int) -> int:
    """The most ``template % values`` can produce; refuses ``*`` widths and widths over ``limit``."""
    total = len(template)
    arguments = values if isinstance(values, tuple) else (values,)
    index = 0
    for match in re.finditer(_PERCENT, template):
        if match.group("type") == "%":
            continue
        for part in ("width", "precision"):
            given = match.group(part)
            if given == "*":
                raise FormatLimit("'*' widths in % formats are not supported")
            if given is not None:
                check_spec(given, limit)
                total += int(given)
        key = match.group("key")
        if key is not None and isinstance(values, Mapping):
            value = values.get(key, "")
        else:
            value = arguments[index] if index < len(arguments) else ""
            index += 1
        total += len(repr(value) if match.group("type") in "ra" else str(value))
        if total > limit:
            raise FormatLimit(f"the format would produce more than {limit:,} characters")
    return total


class BoundedFormatter(string.Formatter):
    """``str.format`` whose widths and total output stay within ``limit``."""

    def __init__(self, limit: int) -> None:
        super().__init__()
        self.limit = limit
        self.produced = 0

    def format_field(self, value: Any, format_spec: str) -> Any:
        check_spec(format_spec, self.limit)
        result = super().format_field(value, format_spec)
        self.produced += len(result)
        if self.produced > self.limit:
            raise FormatLimit(f"the format would produce more than {self.limit:,} characters")
        return result


def bounded_format(template: str, limit: int, /, **values: Any) -> str:
    """``template.format(**values)``, refusing (``FormatLimit``) anything past ``limit`` characters."""
    return BoundedFormatter(limit).vformat(template, (), values)
