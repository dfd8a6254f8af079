"""A quick start for the everyday ``build`` and ``check`` lines, read without importing typer.

Importing typer (and the click it carries) and building the command tree is
about 35 ms of every start, a fifth of the import floor that ``check`` is
measured against. Most command lines are plain: ``workshop build decks -o
out --only deck``. ``parse`` reads exactly those, options as typer declares
them in ``cli.options``, and hands every other line to typer untouched:
help, completion, an unknown or misspelt option, a missing or odd value
(``--jobs x``, a value starting with ``-``), ``--``, bundled short flags,
other commands. So every message about a bad command line is still
typer's, and an accepted line runs the same command body
(``cli.commands``) that typer would call.
"""

from __future__ import annotations

import errno
import os
import sys
from dataclasses import field

from workshop.console import Console
from workshop.lazyclass import lazy_dataclass

#: the global flags (``cli.application._main``) that take no value
_GLOBAL = {"--debug": "debug", "--quiet": "quiet", "-q": "quiet", "--verbose": "verbose", "-v": "verbose",
           "--no-cache": "no_cache"}
#: per command: option name -> (field, repeatable); ``None`` as repeatable marks a flag
_SHARED = {"--brand": ("brand", False), "-b": ("brand", False), "--vars": ("vars_files", True),
           "--client": ("clients", True), "-c": ("clients", True), "--set": ("assignments", True),
           "--jobs": ("jobs", False), "-j": ("jobs", False), "--strict": ("strict", None),
           "--out": ("out", False), "-o": ("out", False)}
_OPTIONS = {
    "build": {**_SHARED, "--only": ("only", True), "--keep-edits": ("keep_edits", None),
              "--overwrite": ("overwrite", None)},
    "check": _SHARED,
}


@lazy_dataclass
class Line:
    """A command line read by ``parse``: the command, its flags, its values."""

    command: str
    flags: set[str] = field(default_factory=set)
    values: dict[str, str] = field(default_factory=dict)
    lists: dict[str, list[str]] = field(default_factory=dict)
    paths: list[str] = field(default_factory=list)


def parse(args: list[str]) -> Line | None:
    """The line, when it is a plain ``build`` or ``check``; None hands it to typer."""
    if os.name == "nt" or "_WORKSHOP_COMPLETE" in os.environ:
        return None  # typer expands wildcards on Windows and answers shell completion
    return read(args)


def read(args: list[str]) -> Line | None:
    """``args`` as typer reads them, when they are a plain ``build`` or ``check`` line; else None."""
    flags: set[str] = set()
    at = 0
    while at < len(args) and args[at] in _GLOBAL:
        flags.add(_GLOBAL[args[at]])
        at += 1
    if at == len(args) or args[at] not in _OPTIONS:
        return None
    line = Line(args[at], flags)
    options = _OPTIONS[line.command]
    rest = args[at + 1:]
    while rest:
        word = rest.pop(0)
        if not word.startswith("-"):
            line.paths.append(word)
            continue
        name, equals, value = word.partition("=") if word.startswith("--") else (word, "", "")
        if name not in options:
            return None
        key, repeatable = options[name]
        if repeatable is None:
            if equals:
                return None
            line.flags.add(key)
            continue
        if not equals:
            if not rest or rest[0].startswith("-"):
                return None
            value = rest.pop(0)
        if key == "jobs" and not (value.isascii() and value.isdigit()):
            return None
        if repeatable:
            line.lists.setdefault(key, []).append(value)
        else:
            line.values[key] = value
    return line


def run(line: Line) -> int:
    """Run the line's command as typer would, and return the exit status."""
    from workshop.cli.commands import build_command, check_command

    console = Console(debug="debug" in line.flags, quiet="quiet" in line.flags, verbose="verbose" in line.flags)
    if "no_cache" in line.flags:
        from workshop.cache import CACHE_ENV

        os.environ[CACHE_ENV] = "off"
    values, lists, flags = line.values, line.lists, line.flags
    jobs = int(values["jobs"]) if "jobs" in values else None
    shared = (console, line.paths, values.get("brand"), lists.get("vars_files", []), lists.get("clients", []),
              lists.get("assignments", []))
    if line.command == "build":
        return build_command(*shared, values.get("out"), lists.get("only", []), jobs, "strict" in flags,
                             "keep_edits" in flags, "overwrite" in flags)
    return check_command(*shared, jobs, "strict" in flags, values.get("out"))


def main(line: Line) -> None:
    """Exit as typer's main does: the status; 130 for Ctrl-C; 1 quietly when the output pipe closed."""
    try:
        status = run(line)
    except KeyboardInterrupt:
        status = 130
    except OSError as exc:
        if exc.errno != errno.EPIPE:
            raise
        for stream in (sys.stdout, sys.stderr):  # nothing more can be written: no error at exit either
            try:
                os.dup2(os.open(os.devnull, os.O_WRONLY), stream.fileno())
            except (OSError, ValueError, AttributeError):
                pass
        status = 1
    sys.exit(status)
