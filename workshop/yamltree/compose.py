"""Compose libyaml's event stream into a located tree, checking every limit and refusing unsafe YAML.

Only a tree not kept from an earlier read (``workshop.yamltree.kept``) is
composed, so a command whose inputs are all kept never imports PyYAML.
"""

from __future__ import annotations

import re

import yaml

from workshop.errors import Location, WorkshopError
from workshop.yamltree.reader import MAX_DEPTH, MAX_NODES, MAX_SCALAR
from workshop.yamltree.tree import Mapping, Node, Scalar, Sequence

_Loader = getattr(yaml, "CBaseLoader", yaml.BaseLoader)
_STR_TAG = "tag:yaml.org,2002:str"
BAD_CHAR = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\x80-\x84\x86-\x9f\ud800-\udfff\ufffe\uffff]")


def compose(text: str, name: str) -> Node:
    """The tree of one YAML document, or a WorkshopError (control characters included) at its place."""
    bad = BAD_CHAR.search(text)
    if bad:
        line, column = _position(text, bad.start())
        raise WorkshopError(
            f"the file contains the control character U+{ord(bad.group()):04X}",
            Location(name, line, column),
            hint="remove it; only tabs and line breaks are allowed as invisible characters",
        )
    return _Composer(text, name, _Loader).compose()


def _position(text: str, offset: int) -> tuple[int, int]:
    line = text.count("\n", 0, offset) + 1
    return line, offset - (text.rfind("\n", 0, offset) + 1) + 1


# libyaml (bundled with PyYAML 6.0.2 and later) stops at 1,000 levels, and its scanner reads a
# nested flow ahead to its end before it hands over the first event: deep input then fails
# inside libyaml with its own words before our 64-level check sees an event. We read such
# input again with PyYAML's pure-Python parser, whose read-ahead is bounded, so the same
# limit gives the same message, place and hint whatever the PyYAML version.
_LIBYAML_NESTING = "maximum nesting depth"


class _Composer:
    def __init__(self, text: str, name: str, loader: type = _Loader) -> None:
        self.name = name
        self.text = text
        self.loader = loader
        self.events = yaml.parse(text, Loader=loader)
        self.count = 0

    def where(self, mark: yaml.Mark) -> Location:
        return Location(self.name, mark.line + 1, mark.column + 1)

    def compose(self) -> Node:
        root: Node | None = None
        try:
            for event in self.events:
                if isinstance(event, yaml.DocumentStartEvent):
                    if root is not None:
                        raise WorkshopError(
                            "the file holds more than one YAML document (---)",
                            self.where(event.start_mark),
                            hint="keep one outline per file",
                        )
                    root = self.node(next(self.events), depth=1)
        except yaml.MarkedYAMLError as exc:
            if _LIBYAML_NESTING in (exc.problem or "") and self.loader is not yaml.BaseLoader:
                return _Composer(self.text, self.name, yaml.BaseLoader).compose()
            raise self.syntax_error(exc) from None
        except yaml.YAMLError as exc:  # pragma: no cover - libyaml always marks
            raise WorkshopError(f"YAML error: {exc}", Location(self.name)) from None
        if root is None:
            raise WorkshopError("the file is empty", Location(self.name, 1, 1))
        return root

    def syntax_error(self, exc: yaml.MarkedYAMLError) -> WorkshopError:
        mark = exc.problem_mark or exc.context_mark
        location = self.where(mark) if mark else Location(self.name)
        problem = (exc.problem or "invalid YAML").strip()
        hint = "check the indentation and quoting on this line or the line before"
        offending = self._char_at(mark) if mark else ""
        if offending == "\t" or "tab" in problem.lower():
            problem = "a tab character is used for indentation"
            hint = "YAML needs spaces for indentation; replace the tabs with spaces"
        elif exc.context:
            context = exc.context.strip()
            began = exc.context_mark
            if began is not None and mark is not None and (began.line, began.column) != (mark.line, mark.column):
                # Where the construct began is often the real mistake (a bracket opened and never closed).
                start = self.where(began)
                problem = f"{problem} ({context} that began at line {start.line}, column {start.column})"
                hint = (f"the construct that began at line {start.line}, column {start.column} is not closed or "
                        "continued correctly; check that line and the ones after it")
            else:
                problem = f"{problem} ({context})"
        return WorkshopError(f"YAML syntax error: {problem}", location, hint=hint)

    def _char_at(self, mark: yaml.Mark) -> str:
        lines = self.text.split("\n")
        if 0 <= mark.line < len(lines) and 0 <= mark.column < len(lines[mark.line]):
            return lines[mark.line][mark.column]
        return ""

    def check(self, event: yaml.Event, depth: int) -> None:
        self.count += 1
        if self.count > MAX_NODES:
            raise WorkshopError(
                f"the outline has more than {MAX_NODES:,} values; that is over the limit",
                self.where(event.start_mark),
                hint="split the outline into several files",
            )
        if depth > MAX_DEPTH:
            raise WorkshopError(
                f"the outline is nested more than {MAX_DEPTH} levels deep",
                self.where(event.start_mark),
                hint="an outline needs only a few levels; look for unclosed [ or { brackets here",
            )
        if isinstance(event, yaml.AliasEvent):
            raise WorkshopError(
                f"YAML aliases (*{event.anchor}) are not allowed",
                self.where(event.start_mark),
                hint="write the value out in full",
            )
        anchor = getattr(event, "anchor", None)
        if anchor is not None:
            raise WorkshopError(
                f"YAML anchors (&{anchor}) are not allowed",
                self.where(event.start_mark),
                hint="write the value out in full where you need it",
            )
        tag = getattr(event, "tag", None)
        if tag not in (None, "!", _STR_TAG):
            raise WorkshopError(
                f"YAML tags ({tag}) are not allowed",
                self.where(event.start_mark),
                hint="remove the tag; every value is read as text",
            )

    def node(self, event: yaml.Event, depth: int) -> Node:
        self.check(event, depth)
        location = self.where(event.start_mark)
        if isinstance(event, yaml.ScalarEvent):
            if len(event.value) > MAX_SCALAR:
                raise WorkshopError(
                    f"this value is {len(event.value):,} characters long; the limit is {MAX_SCALAR:,}",
                    location,
                )
            bad = BAD_CHAR.search(event.value)
            if bad:
                raise WorkshopError(
                    f"this value contains the control character U+{ord(bad.group()):04X}",
                    location,
                    hint="remove the escape sequence that produces it",
                )
            return Scalar(event.value, location, plain=not event.style)
        if isinstance(event, yaml.SequenceStartEvent):
            seq = Sequence(location)
            for item in self.events:
                if isinstance(item, yaml.SequenceEndEvent):
                    return seq
                seq.items.append(self.node(item, depth + 1))
        if isinstance(event, yaml.MappingStartEvent):
            mapping = Mapping(location)
            seen: dict[str, Scalar] = {}
            for item in self.events:
                if isinstance(item, yaml.MappingEndEvent):
                    return mapping
                key = self.node(item, depth + 1)
                if not isinstance(key, Scalar):
                    raise WorkshopError(
                        "a key must be plain text, not a list or mapping", key.location
                    )
                if key.value in seen:
                    first = seen[key.value].location
                    raise WorkshopError(
                        f"duplicate key '{key.value}' (first given on line {first.line})",
                        key.location,
                        hint="remove one of them or merge their contents",
                    )
                seen[key.value] = key
                mapping.items.append((key, self.node(next(self.events), depth + 1)))
        raise WorkshopError("unexpected YAML structure", location)  # pragma: no cover
