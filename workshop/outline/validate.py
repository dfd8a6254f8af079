"""Located tree → Workshop model, with errors that point at the line.

The model's own layer (``workshop.model.base``) does the checking and gives
each problem once, with its path of keys and indexes; this module turns the
path back into file:line:col using the tree, and phrases the message for a
consultant.
"""

from __future__ import annotations

from collections.abc import Iterator

from workshop.errors import Location, WorkshopError, WorkshopErrors
from workshop.kinds import KINDS
from workshop.model import Workshop
from workshop.model.base import ValidationError
from workshop.model.problems import Problem
from workshop.suggest import did_you_mean
from workshop.yamltree.tree import Mapping, Node, Scalar, Sequence, find, walk

#: a place in the tree: keys and list indexes from the root
Path = tuple[str | int, ...]
SourceMap = dict[tuple, Location]
MAX_SLIDES = 10_000


def source_map(tree: Node) -> SourceMap:
    return {path: node.location for path, node in walk(tree)}


def locate(sources: SourceMap, path: tuple) -> Location | None:
    """The location of ``path`` or of its nearest ancestor that has one."""
    path = tuple(path)
    while path not in sources and path:
        path = path[:-1]
    return sources.get(path)


def validate(tree: Node) -> Workshop:
    if not isinstance(tree, Mapping):
        raise WorkshopError(
            "an outline must be a mapping with `workshop:` and `sections:`", tree.location,
            hint="start from `workshop new NAME` for a working example",
        )
    problems, unknown = _check_kinds(tree)
    try:
        workshop = Workshop.model_validate(tree.to_python())
    except ValidationError as exc:
        problems += _explain(exc.problems, tree, unknown)
    if problems:  # every problem at once (a slide of unknown kind once, not again as the model's tag error)
        raise problems[0] if len(problems) == 1 else WorkshopErrors(problems) from None
    _check_ids(tree)
    return workshop


def _check_ids(tree: Mapping) -> None:
    """Slide ids name one slide each: hand edits in PowerPoint are tied to them."""
    seen: dict[str, Location] = {}
    for _path, slides in _slide_lists(tree):
        for slide in slides.items:
            node = slide.get("id") if isinstance(slide, Mapping) else None
            if not isinstance(node, Scalar) or node.value is None:
                continue
            first = seen.setdefault(str(node.value), node.location)
            if first is not node.location:
                raise WorkshopError(
                    f"slide id '{node.value}' is already used at line {first.line}", node.location,
                    hint="give every slide its own id (or none)",
                )


def _slide_lists(tree: Mapping) -> Iterator[tuple[Path, Sequence]]:
    """Each list of slides with its path in the tree: ("opening",), ("sections", 0, "slides")…"""
    opening = tree.get("opening")
    if isinstance(opening, Sequence):
        yield ("opening",), opening
    sections = tree.get("sections")
    if isinstance(sections, Sequence):
        for index, section in enumerate(sections.items):
            slides = section.get("slides") if isinstance(section, Mapping) else None
            if isinstance(slides, Sequence):
                yield ("sections", index, "slides"), slides


def _check_kinds(tree: Mapping) -> tuple[list[WorkshopError], set[Path]]:
    """Unknown or missing `kind` gets a clearer message (with the kinds there are) than the model's tag error.

    Returns the problems and the paths of the slides they are about (the
    model's errors under those say the same again).
    """
    problems: list[WorkshopError] = []
    unknown: set[Path] = set()
    total = 0
    for path, slides in _slide_lists(tree):
        total += len(slides.items)
        if total > MAX_SLIDES:
            raise WorkshopError(
                f"the outline has more than {MAX_SLIDES:,} slides; that is over the limit",
                slides.items[-1].location, hint="split it into several workshops",
            )
        for index, slide in enumerate(slides.items):
            problem = _kind_problem(slide)
            if problem is not None:
                problems.append(problem)
                unknown.add((*path, index))
    return problems, unknown


def _kind_problem(slide: Node) -> WorkshopError | None:
    if not isinstance(slide, Mapping):
        return WorkshopError("a slide must be a mapping with a `kind:`", slide.location,
                             hint="for example `- kind: bullets`")
    kind = slide.get("kind")
    if kind is None:
        return WorkshopError("this slide has no `kind:`", slide.location, hint="add one of: " + ", ".join(KINDS))
    if not isinstance(kind, Scalar) or kind.value not in KINDS:
        value = kind.value if isinstance(kind, Scalar) else "?"
        return WorkshopError(f"unknown slide kind '{value}'", kind.location, hint=did_you_mean(value, KINDS))
    return None


def _explain(errors: list[Problem], tree: Mapping, unknown: set[Path]) -> list[WorkshopError]:
    """One error per problem, leaving out what a slide's unknown kind and a misspelt key already say.

    Unknown keys go first: where one starts the mapping that also lacks a field,
    "unknown key, valid names: …" is the message kept for that place.
    """
    told = [e for e in errors if not any(e.loc[:len(slide)] == slide for slide in unknown)]
    told.sort(key=lambda e: e.type != "extra_forbidden")
    misspelt = {(e.loc[:-1], str(e.loc[-1])) for e in told if e.type == "extra_forbidden"}
    return [_one(error, tree) for error in told if not _follows_from(error, misspelt)]


def _follows_from(error: Problem, misspelt: set[tuple[Path, str]]) -> bool:
    """A missing field beside an unknown key that looks like it (``sectoins``) is that key's problem."""
    if error.type != "missing":
        return False
    import difflib  # only an outline with errors pays for it (about 1 ms of every build and check otherwise)

    parent, name = error.loc[:-1], str(error.loc[-1])
    return any(at == parent and difflib.get_close_matches(key, [name], n=1, cutoff=0.6) for at, key in misspelt)


def _one(error: Problem, tree: Mapping) -> WorkshopError:
    loc = error.loc
    node, matched = find(tree, loc)
    kind = error.type
    field = human_path(matched)

    if kind == "extra_forbidden":
        key = str(loc[-1])
        parent, _ = find(tree, matched[:-1]) if matched and matched[-1] == key else (node, None)
        key_node = parent.key_node(key) if isinstance(parent, Mapping) else None
        choices = [n for n in error.ctx.get("fields", ()) if n != "kind"]
        return WorkshopError(
            f"unknown key '{key}'" + _in(matched[:-1]),
            (key_node or node).location,
            hint=did_you_mean(key, choices) if choices else "remove it",
        )
    if kind == "missing":
        name = str(loc[-1])
        return WorkshopError(
            f"missing required field '{name}'" + _in(matched),
            node.location,
            hint=f"add `{name}:` here",
        )
    message = _phrase(error)
    return WorkshopError(f"{field}: {message}", node.location)


def human_path(path: tuple) -> str:
    """('sections', 0, 'slides', 2, 'by') → 'section 1 › slide 3 › by'."""
    words: list[str] = []
    names = {"sections": "section", "slides": "slide", "opening": "opening slide"}
    parts = list(path)
    i = 0
    while i < len(parts):
        part = parts[i]
        nxt = parts[i + 1] if i + 1 < len(parts) else None
        if isinstance(part, str) and part in names and isinstance(nxt, int):
            words.append(f"{names[part]} {nxt + 1}")
            i += 2
            continue
        words.append(f"item {part + 1}" if isinstance(part, int) else part)
        i += 1
    return " › ".join(words) or "outline"


def _in(path: tuple) -> str:
    return f" in {human_path(path)}" if path else ""


def _phrase(error: Problem) -> str:
    kind, ctx, given = error.type, error.ctx, error.input
    if kind == "string_too_long":
        return f"text is too long ({len(str(given))} characters; the limit is {ctx.get('max_length')})"
    if kind == "string_too_short":
        return "text may not be empty"
    if kind == "too_short":
        return f"needs at least {ctx.get('min_length')} item(s)"
    if kind == "too_long":
        return f"has too many items (the limit is {ctx.get('max_length')})"
    if kind in ("float_parsing", "float_type", "int_parsing", "int_type"):
        return f"'{given}' is not a number; write digits with a decimal point, e.g. 21 or 3.5"
    if kind == "bool_parsing":
        return f"'{given}' is not yes/no; write true or false"
    if kind == "enum":
        return f"'{given}' is not allowed; choose one of {ctx.get('expected')}"
    if kind == "literal_error":
        return f"'{given}' is not allowed; expected {ctx.get('expected')}"
    if kind == "string_pattern_mismatch" and error.loc[-1:] == ("id",):
        return (f"'{given}' is not a slide id; use up to 64 letters, digits, '.', '_' or '-', "
                "starting with a letter or digit")
    if kind == "string_pattern_mismatch":
        return f"'{given}' is not in the expected form"
    if kind in ("string_type", "dict_type", "list_type", "model_type", "model_attributes_type"):
        expected = {"string_type": "text", "dict_type": "a mapping", "list_type": "a list"}.get(kind, "a mapping")
        return f"expected {expected} here"
    return error.msg.removeprefix("Value error, ")
