"""Brand folders written into tmp_path, so each test shows the YAML it is about."""

from __future__ import annotations

import signal
import textwrap
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, contextmanager
from pathlib import Path

import pytest
from PIL import Image

from workshop.brand import fonts


@pytest.fixture
def brand_dir(tmp_path: Path):
    """``brand_dir(yaml_text, files={name: bytes|"png"})`` → the brand folder."""

    def make(text: str, files: dict[str, bytes | str] | None = None, name: str = "acme") -> Path:
        folder = tmp_path / name
        folder.mkdir(parents=True, exist_ok=True)
        (folder / "_brand.yml").write_text(textwrap.dedent(text).lstrip(), encoding="utf-8")
        for rel, content in (files or {}).items():
            target = folder / rel
            target.parent.mkdir(parents=True, exist_ok=True)
            if content == "png":
                Image.new("RGBA", (40, 20), (200, 40, 40, 255)).save(target)
            else:
                target.write_bytes(content)  # type: ignore[arg-type]
        return folder

    return make


@pytest.fixture(autouse=True)
def _fresh_font_caches():
    """Font lookups are cached per process; tests that add font files must not see stale lists."""
    fonts.clear_caches()
    yield
    fonts.clear_caches()


@contextmanager
def _deadline(seconds: int) -> Iterator[None]:
    def stop(signum, frame):
        raise TimeoutError(f"still running after {seconds} s")

    previous = signal.signal(signal.SIGALRM, stop)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


@pytest.fixture
def deadline() -> Callable[[int], AbstractContextManager[None]]:
    """``with deadline(10):`` fails a read that hangs (a FIFO, a font bomb) instead of hanging the suite."""
    return _deadline
