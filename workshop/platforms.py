"""What differs between Linux, macOS and Windows, in one small module.

Everything else in the package is portable; the few things that are not live
here, each with a portable default. This part knows *where things are*: the
user's configuration, cache and brand folders, and the folders each desktop
keeps fonts in. Every function takes a ``Desktop`` (which system, its
environment, its home and file-system root) so tests can describe a Mac or a
Windows laptop with a fake folder tree on any machine; ``Desktop.current()``
is the machine we run on.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

APP = "workshop"
CONFIG_ENV = "WORKSHOP_CONFIG_DIR"  # overrides the user configuration folder (tests, portable installs)
SYSTEMS = ("linux", "macos", "windows")  # what Desktop.system may say


@dataclass(frozen=True)
class Desktop:
    """The facts folder lookups depend on; fake ones describe other systems in tests."""

    system: str  # "linux", "macos" or "windows" (any other POSIX system counts as "linux")
    home: Path
    env: Mapping[str, str] = field(default_factory=dict)
    root: Path = Path("/")  # where absolute system folders (/usr/share/fonts, /Library) start

    @classmethod
    def current(cls) -> Desktop:
        return cls(system_name(), Path.home(), dict(os.environ))

    def env_path(self, name: str) -> Path | None:
        """An environment variable that names a folder, or None when unset or empty."""
        value = self.env.get(name, "")
        return Path(value) if value else None

    def under_root(self, absolute: str) -> Path:
        return self.root.joinpath(absolute.lstrip("/"))


def system_name(platform: str | None = None) -> str:
    """``sys.platform`` in the three words this module speaks."""
    platform = platform or sys.platform
    if platform.startswith("win") or platform == "cygwin":
        return "windows"
    if platform == "darwin":
        return "macos"
    return "linux"


def _desktop(desktop: Desktop | None) -> Desktop:
    return desktop if desktop is not None else Desktop.current()


# --- where things are: user folders ---------------------------------------------------------------


def user_config_dir(desktop: Desktop | None = None) -> Path:
    """Where a user keeps settings for this tool (brands live in its ``brands`` folder).

    ``$WORKSHOP_CONFIG_DIR`` wins everywhere. Otherwise the platform's own
    convention: ``$XDG_CONFIG_HOME/workshop`` (``~/.config/workshop``) on
    Linux, ``~/Library/Application Support/workshop`` on macOS,
    ``%APPDATA%\\workshop`` on Windows.
    """
    d = _desktop(desktop)
    override = d.env_path(CONFIG_ENV)
    if override is not None:
        return override
    if d.system == "windows":
        return (d.env_path("APPDATA") or d.home / "AppData" / "Roaming") / APP
    if d.system == "macos":
        return d.home / "Library" / "Application Support" / APP
    return (_absolute(d.env_path("XDG_CONFIG_HOME")) or d.home / ".config") / APP


def user_cache_dir(desktop: Desktop | None = None) -> Path:
    """Where this tool may keep caches: files it can always recompute, safe to delete."""
    d = _desktop(desktop)
    if d.system == "windows":
        return (d.env_path("LOCALAPPDATA") or d.home / "AppData" / "Local") / APP / "Cache"
    if d.system == "macos":
        return d.home / "Library" / "Caches" / APP
    return (_absolute(d.env_path("XDG_CACHE_HOME")) or d.home / ".cache") / APP


def user_brands_dir(desktop: Desktop | None = None) -> Path:
    """A user's own brands, usable from every project (after the project's, before the installed)."""
    return user_config_dir(desktop) / "brands"


# --- where things are: font folders ---------------------------------------------------------------


def font_dirs(desktop: Desktop | None = None) -> tuple[Path, ...]:
    """The folders a desktop keeps installed fonts in, the user's own first.

    Linux follows fontconfig's defaults and the XDG base-directory spec;
    macOS the folders Font Book installs to; Windows the per-user folder
    (Windows 10 1809 and later) and the system folder.
    """
    d = _desktop(desktop)
    if d.system == "windows":
        local = d.env_path("LOCALAPPDATA") or d.home / "AppData" / "Local"
        windir = d.env_path("WINDIR") or d.env_path("SystemRoot") or d.root / "Windows"
        return (local / "Microsoft" / "Windows" / "Fonts", windir / "Fonts")
    if d.system == "macos":
        return (
            d.home / "Library" / "Fonts",
            d.under_root("/Library/Fonts"),
            d.under_root("/Network/Library/Fonts"),
            d.under_root("/System/Library/Fonts"),
        )
    data_home = _absolute(d.env_path("XDG_DATA_HOME")) or d.home / ".local" / "share"
    data_dirs = [Path(p) for p in d.env.get("XDG_DATA_DIRS", "").split(os.pathsep) if os.path.isabs(p)]
    if not data_dirs:
        data_dirs = [d.under_root("/usr/local/share"), d.under_root("/usr/share")]
    folders = [data_home / "fonts", d.home / ".fonts", *(p / "fonts" for p in data_dirs)]
    return tuple(dict.fromkeys(folders))


def _absolute(path: Path | None) -> Path | None:
    """XDG says relative values are invalid and must be ignored."""
    return path if path is not None and path.is_absolute() else None
