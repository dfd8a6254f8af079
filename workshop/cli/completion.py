"""Shell completion of ``--brand`` and ``--client`` values, answered without typer.

Typer answers every <TAB> by importing itself and its click and building the
command tree: about 40 ms of each completion, most of what ``workshop build
--brand <TAB>`` costs (issue 18 asks for 0.4× the import floor). The values
people ask for are brand and client names, so this module answers exactly
those: when the shell asks for the value of ``--brand``/``-b`` or
``--client``/``-c``, and the words before that option are a line typer reads
the same way (``quick.read``: a plain ``build`` or ``check``), it prints the
names in the format typer prints for bash, zsh and fish. Everything else
(option names, paths, other shells, the ``source_*`` scripts, an odd line)
goes to typer, untouched.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable

from workshop.cli import quick

#: the variable the shell scripts typer writes set (typer derives it from the program name)
COMPLETE_VAR = "_WORKSHOP_COMPLETE"


def complete_brand(incomplete: str) -> list[str]:
    """The names ``workshop brands`` lists that start with ``incomplete``."""
    from workshop.brand.lookup import available_brands

    try:
        return [name for name in available_brands() if name.startswith(incomplete)]
    except Exception:  # a broken config must not break the user's shell
        return []


def complete_client(incomplete: str) -> list[str]:
    """The profiles in the project's client folders that start with ``incomplete``."""
    from workshop.config import CLIENT_SUFFIXES, load_project

    try:
        folders = [f for f in load_project().clients if f.is_dir()]
        names = {p.stem for f in folders for p in f.iterdir() if p.suffix in CLIENT_SUFFIXES}
    except Exception:  # a broken config must not break the user's shell
        return []
    return sorted(n for n in names if n.startswith(incomplete))


#: the options whose values are answered here, and how
_VALUES: dict[str, Callable[[str], list[str]]] = {
    "--brand": complete_brand, "-b": complete_brand, "--client": complete_client, "-c": complete_client,
}


def split_words(text: str) -> list[str]:
    """The words of a command line as click's ``split_arg_string`` reads them (an open quote ends a word)."""
    import shlex

    lexer = shlex.shlex(text, posix=True)
    lexer.whitespace_split = True
    lexer.commenters = ""
    words: list[str] = []
    try:
        words.extend(lexer)
    except ValueError:  # end of text inside a quote or after an escape: the partial word as it is
        words.append(lexer.token)
    return words


def _words(shell: str) -> tuple[list[str], str] | None:
    """The words before the one being completed, and that one, as typer reads them for ``shell``."""
    if shell == "bash":
        try:
            words, at = split_words(os.environ["COMP_WORDS"]), int(os.environ["COMP_CWORD"])
        except (KeyError, ValueError):
            return None
        if at < 1:
            return None
        return words[1:at], words[at] if at < len(words) else ""
    line = os.environ.get("_TYPER_COMPLETE_ARGS", "")
    words = split_words(line)[1:]
    if words and not line.endswith(" "):
        return words[:-1], words[-1]
    return words, ""


def answer(instruction: str) -> tuple[str | None, int] | None:
    """What typer would print for ``instruction`` (``complete_bash`` …) and its exit status; None: ask typer.

    The text is None where typer prints nothing (fish's ``is-args`` question,
    answered by the status alone).
    """
    action, _, shell = instruction.partition("_")
    if action != "complete" or shell not in ("bash", "zsh", "fish"):
        return None
    found = _words(shell)
    if found is None:
        return None
    before, incomplete = found
    if not before or before[-1] not in _VALUES or incomplete.startswith("-") or "=" in incomplete:
        return None  # not a value (click completes option names there), or a form left to typer
    if quick.read(before[:-1]) is None:  # "build --out --brand", "--", an unknown option …: typer decides
        return None
    names = _VALUES[before[-1]](incomplete)
    if shell == "bash":
        return "\n".join(names), 0
    if shell == "zsh":
        if not names:
            return "_files", 0
        quoted = "\n".join(f'"{_zsh_escape(name)}"' for name in names)
        return f"_arguments '*: :(({quoted}))'", 0
    fish = os.environ.get("_TYPER_COMPLETE_FISH_ACTION", "")
    if fish == "is-args":
        return None, 0 if names else 1
    return "\n".join(names) if fish == "get-args" else "", 0


def _zsh_escape(text: str) -> str:
    return text.replace('"', '""').replace("'", "''").replace("$", "\\$").replace("`", "\\`").replace(":", r"\\:")


def called_as_workshop() -> bool:
    """Whether typer would name this program ``workshop`` (and so read ``_WORKSHOP_COMPLETE``)."""
    main = sys.modules.get("__main__")
    return getattr(main, "__package__", None) in (None, "") and os.path.basename(sys.argv[0]) == "workshop"


def complete() -> None:
    """Answer the shell and exit 0 as typer does, when the question is one answered here; else return."""
    instruction = os.environ.get(COMPLETE_VAR)
    if not instruction or os.name == "nt" or not called_as_workshop():
        return
    answered = answer(instruction)
    if answered is None:
        return
    text, status = answered
    if text is not None:
        sys.stdout.write(text + "\n")
        sys.stdout.flush()
    sys.exit(status)
