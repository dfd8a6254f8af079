"""Every piece of visible text in a slide, with the field path it came from."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from workshop.model.base import Model

_NOT_TEXT = {"kind", "image", "audience", "reveal", "answer", "type", "duration", "lines"}


def slide_texts(slide: Model, *, notes: bool = True) -> Iterator[tuple[tuple[str | int, ...], str]]:
    """(path, text) for each string field, e.g. (("bullets", 0, "text"), "…")."""
    yield from _walk(slide, (), notes)


def _walk(value: Any, path: tuple[str | int, ...], notes: bool) -> Iterator[tuple[tuple[str | int, ...], str]]:
    if isinstance(value, Model):
        for name in type(value).model_fields:
            if name in _NOT_TEXT or (name == "notes" and not notes):
                continue
            yield from _walk(getattr(value, name), path + (name,), notes)
    elif isinstance(value, str):
        yield path, value
    elif isinstance(value, (list, tuple)):
        for index, item in enumerate(value):
            yield from _walk(item, path + (index,), notes)
