"""The project configuration: ``workshop.toml`` or ``[tool.workshop]`` in ``pyproject.toml``.

Found the way other tools find theirs: walk up from the working folder and
take the first folder with a ``workshop.toml``, or with a ``pyproject.toml``
that has a ``[tool.workshop]`` table (``workshop.toml`` wins in one folder).
That folder is the project root; relative paths in the file are relative to
it, so a command gives the same result from any subfolder. Command-line
flags override every value. Without a file the working folder is the root
and the defaults below apply.

Client folders may lie outside the project (a consultancy's shared
``klanten/`` folder): they are trusted because the user configured them, and
the files taken from them are still checked for type and size.
"""

from __future__ import annotations

import os
import re
import sys
from dataclasses import field
from pathlib import Path
from typing import Any

from workshop.errors import Location, WorkshopError
from workshop.lazyclass import lazy_dataclass

CONFIG_FILE = "workshop.toml"
PYPROJECT = "pyproject.toml"
MAX_CONFIG_BYTES = 1024 * 1024
CLIENT_SUFFIXES = (".yaml", ".yml")
DEFAULT_CLIENT_FOLDERS = ("clients", "decks/clients")
_LANGUAGE = re.compile(r"^[a-zA-Z]{2,3}(-[a-zA-Z0-9]{2,8})*$")
_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]*$")
KEYS = {
    "brand": "the default brand: a name or a brand folder",
    "out": "the output folder",
    "decks": "the folder `workshop build` builds when given no paths",
    "brands": "the project's own brands folder",
    "clients": "folders with client profiles for --client (a list)",
    "language": "the language of outlines that do not say theirs (nl, en, de, fr, ...)",
    "jobs": "parallel builds (0: one per core)",
}


@lazy_dataclass(frozen=True)
class Project:
    """The project's settings with every default filled in and every path absolute."""

    root: Path
    file: Path | None = None  # None: no config file found; root is the working folder
    brand: str = "default"
    out: Path = Path("build")
    decks: Path = Path("decks")
    brands: Path = Path("assets/brands")
    clients: tuple[Path, ...] = ()
    clients_configured: bool = False
    language: str | None = None
    jobs: int = 0
    places: dict[str, Location] = field(default_factory=dict, compare=False, repr=False)

    def where(self, key: str) -> Location | None:
        """The place a setting came from, for messages (None when it is a default)."""
        return self.places.get(key)


def find_config(start: Path | None = None) -> Path | None:
    """The nearest ``workshop.toml``, or ``pyproject.toml`` with ``[tool.workshop]``, above ``start``."""
    folder = Path(os.path.abspath(start or os.getcwd()))
    for candidate in (folder, *folder.parents):
        own = candidate / CONFIG_FILE
        if own.is_file():
            return own
        pyproject = candidate / PYPROJECT
        if pyproject.is_file() and _has_tool_table(pyproject):
            return pyproject
    return None


def load_project(start: Path | None = None) -> Project:
    """The project the working folder (or ``start``) belongs to."""
    file = find_config(start)
    if file is None:
        root = Path(os.path.abspath(start or os.getcwd()))
        return _defaults(root)
    return read_config(file)


def read_config(file: Path) -> Project:
    """Read and check one config file; every problem is located in it."""
    text = _read_text(file)
    data = _parsed(text, file)
    if file.name == PYPROJECT:
        table = data.get("tool", {}).get("workshop", {})
        prefix = "tool.workshop."
    else:
        table, prefix = data, ""
    if not isinstance(table, dict):
        raise WorkshopError("[tool.workshop] should be a table", Location(str(file)))
    return _project(file, text, table, prefix)


#: the user cache folder of parsed config files (``workshop.cache``)
PARSED_AREA = "config"
PARSED_MAGIC = b"workshop parsed toml 1\n"


def _parsed(text: str, file: Path) -> dict[str, Any]:
    """``tomllib.loads(text)``, kept in the user cache by the text and the Python version.

    Every command reads the project's config, and importing ``tomllib`` costs
    about 5 ms; a config rarely changes between commands, so its parsed
    value (plain data, marshalled) is kept under ``<user cache>/config/`` and
    the next command with the same text neither imports nor runs the parser.
    A value with dates or times is not kept; a file with a syntax error never
    is, so its error is always located by the parser. A damaged entry is
    parsed again.
    """
    import hashlib
    import marshal

    from workshop import cache

    enabled = cache.enabled()
    key = hashlib.sha256(f"{sys.version}\0{text}".encode("utf-8", "surrogatepass")).hexdigest()
    entry = cache.area(PARSED_AREA) / key[:40]
    if enabled:
        kept = cache.read_entry(entry, key, PARSED_MAGIC)
        if kept is not None:
            try:
                value = marshal.loads(kept)
            except (EOFError, ValueError, TypeError):
                value = None
            if isinstance(value, dict):
                return value
    import tomllib  # only a config not parsed before pays for it

    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise WorkshopError(f"TOML syntax error: {_bare(str(exc))}", _decode_location(file, str(exc)),
                            hint="see docs/configuration.md for an example") from None
    if enabled:
        try:
            payload = marshal.dumps(data)
        except ValueError:  # dates and times do not marshal: parsed every time
            return data
        cache.write_entry(entry, key, payload, PARSED_MAGIC)
    return data


def client_file(project: Project, name: str) -> Path:
    """``--client NAME``: ``NAME.yaml`` in the first configured client folder that has it."""
    if not _NAME.match(name) or name.endswith(CLIENT_SUFFIXES):
        stem = name.removesuffix(".yaml").removesuffix(".yml")
        raise WorkshopError(f"--client takes a client name, not '{name}'", hint=(
            f"write --client {stem}" if _NAME.match(stem) else "use --vars FILE for a path"))
    for folder in project.clients:
        for suffix in CLIENT_SUFFIXES:
            candidate = folder / f"{name}{suffix}"
            if candidate.is_file():
                return candidate
    known = sorted({p.stem for folder in project.clients if folder.is_dir()
                    for p in folder.iterdir() if p.suffix in CLIENT_SUFFIXES and p.is_file()})
    from workshop.console import shown

    searched = ", ".join(shown(f) for f in project.clients) or "no client folders"
    from workshop.suggest import did_you_mean

    hint = did_you_mean(name, known) + ". " if known else ""
    config = f" (set `clients` in {project.file})" if project.file else (
        f" (configure them with `clients = [...]` in {CONFIG_FILE})")
    raise WorkshopError(f"no client profile '{name}' found", project.where("clients"),
                        hint=f"{hint}searched {searched}{config}")


def _defaults(root: Path) -> Project:
    return Project(root=root, out=root / "build", decks=root / "decks", brands=root / "assets" / "brands",
                   clients=tuple(root / c for c in DEFAULT_CLIENT_FOLDERS))


def _project(file: Path, text: str, table: dict[str, Any], prefix: str) -> Project:
    root = file.parent.resolve()
    header = re.search(r"^\s*\[\s*tool\s*\.\s*workshop\s*\]", text, re.MULTILINE) if prefix else None
    start = header.end() if header else 0
    places = {key: _key_location(file, text, key, start) for key in table}
    for key in table:
        if key not in KEYS:
            from workshop.suggest import did_you_mean

            hint = did_you_mean(key, list(KEYS))
            raise WorkshopError(f"unknown setting '{prefix}{key}'", places[key],
                                hint=f"{hint}. Settings: {', '.join(KEYS)}")

    def text_value(key: str) -> str | None:
        value = table.get(key)
        if value is None:
            return None
        if not isinstance(value, str) or not value.strip():
            raise WorkshopError(f"{prefix}{key} should be a text, e.g. {key} = \"...\"", places[key],
                                hint=KEYS[key])
        return value

    def folder(key: str, default: str) -> Path:
        return root / (text_value(key) or default)

    brand = text_value("brand") or "default"
    if _looks_like_path(brand):
        brand = str(root / brand)
    clients_value = table.get("clients")
    if clients_value is None:
        clients = tuple(root / c for c in DEFAULT_CLIENT_FOLDERS)
    else:
        if isinstance(clients_value, str):
            clients_value = [clients_value]
        if not isinstance(clients_value, list) or not all(isinstance(c, str) and c for c in clients_value):
            raise WorkshopError(f"{prefix}clients should be a list of folders, e.g. clients = [\"klanten\"]",
                                places["clients"])
        clients = tuple(root / Path(c).expanduser() for c in clients_value)
    language = text_value("language")
    if language is not None and not _LANGUAGE.match(language):
        raise WorkshopError(f"{prefix}language '{language}' is not a language tag", places["language"],
                            hint="use a tag like nl, en, de, fr or nl-BE")
    jobs = table.get("jobs", 0)
    if isinstance(jobs, bool) or not isinstance(jobs, int) or not 0 <= jobs <= 256:
        raise WorkshopError(f"{prefix}jobs should be a whole number from 0 to 256", places.get("jobs"),
                            hint="0 uses one build per core")
    return Project(
        root=root, file=file, brand=brand, out=folder("out", "build"), decks=folder("decks", "decks"),
        brands=folder("brands", "assets/brands"), clients=clients, clients_configured=clients_value is not None,
        language=language, jobs=jobs, places=places,
    )


def _looks_like_path(value: str) -> bool:
    return "/" in value or "\\" in value or value in (".", "..") or value.endswith((".yml", ".yaml"))


def _read_text(file: Path) -> str:
    try:
        size = file.stat().st_size
        if size > MAX_CONFIG_BYTES:
            raise WorkshopError(f"the config file is {size // 1024} KiB; the limit is "
                                f"{MAX_CONFIG_BYTES // 1024} KiB", Location(str(file)))
        return file.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        raise WorkshopError("the config file is not UTF-8 text", Location(str(file)),
                            hint="save it as UTF-8") from None
    except OSError as exc:
        raise WorkshopError(f"cannot read the config file: {exc.strerror or exc}", Location(str(file))) from None


def _has_tool_table(pyproject: Path) -> bool:
    """Cheap test before parsing: does the file mention ``[tool.workshop]`` at all?"""
    try:
        if pyproject.stat().st_size > MAX_CONFIG_BYTES:
            return False
        text = pyproject.read_text(encoding="utf-8", errors="replace")
    except OSError:
        return False
    return re.search(r"^\s*\[\s*tool\s*\.\s*workshop\s*\]", text, re.MULTILINE) is not None


def _key_location(file: Path, text: str, key: str, start: int = 0) -> Location:
    """tomllib gives no positions; the first line (after ``start``) that assigns ``key`` is close enough."""
    pattern = re.compile(rf"^(\s*)(\"?){re.escape(key)}\2\s*=", re.MULTILINE)
    match = pattern.search(text, start)
    if match is None:
        return Location(str(file))
    line = text.count("\n", 0, match.start()) + 1
    return Location(str(file), line, len(match.group(1)) + 1)


def _decode_location(file: Path, message: str) -> Location:
    match = re.search(r"\(at line (\d+), column (\d+)\)", message)
    if match is None:
        return Location(str(file))
    return Location(str(file), int(match.group(1)), int(match.group(2)))


def _bare(message: str) -> str:
    return re.sub(r"\s*\(at line \d+, column \d+\)", "", message).rstrip(".")
