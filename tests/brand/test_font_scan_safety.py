"""The font scan of a brand folder opens only regular files inside it.

A FIFO named ``*.ttf`` used to hang the build for ever; a symlink named
``*.ttf`` was followed anywhere (``/etc/shadow``, ``/dev/zero``).
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from workshop.brand import fontfiles, fonts
from workshop.brand.fontfiles import brand_place
from workshop.errors import WorkshopError
from workshop.safety.paths import NotRegularFile, file_problem, read_regular_file

pytestmark = pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs POSIX FIFOs")


@pytest.fixture
def hostile_brand(tmp_path: Path, lato_regular: bytes) -> Path:
    fonts.clear_caches()
    outside = tmp_path / "elsewhere" / "Lato-Regular.ttf"
    outside.parent.mkdir()
    outside.write_bytes(lato_regular)
    folder = tmp_path / "brand"
    folder.mkdir()
    os.mkfifo(folder / "Lato-Bold.ttf")
    (folder / "Lato-Regular.ttf").symlink_to(outside)
    (folder / "zero.ttf").symlink_to("/dev/zero")
    (folder / "secret.ttf").symlink_to("/etc/passwd")
    yield folder
    fonts.clear_caches()


def test_fifo_device_and_outside_links_are_left_out_of_the_scan(hostile_brand: Path, deadline):
    with deadline(10):
        place = brand_place(hostile_brand)
    assert place.fonts == ()


def test_a_hostile_brand_folder_gives_a_clean_miss_not_a_hang(hostile_brand: Path, deadline):
    with deadline(10), pytest.raises(WorkshopError, match="not installed"):
        fonts.resolve_family("Lato", hostile_brand, places=[brand_place(hostile_brand)], thorough=True)


def test_links_inside_the_brand_folder_still_work(tmp_path: Path, lato_regular: bytes):
    fontfiles.clear_caches()
    folder = tmp_path / "brand"
    (folder / "files").mkdir(parents=True)
    (folder / "files" / "Lato-Regular.ttf").write_bytes(lato_regular)
    (folder / "Lato.ttf").symlink_to(folder / "files" / "Lato-Regular.ttf")
    assert len(brand_place(folder).fonts) == 2


def test_reading_refuses_a_fifo_without_blocking(tmp_path: Path, deadline):
    fifo = tmp_path / "x.ttf"
    os.mkfifo(fifo)
    assert file_problem(fifo, max_bytes=100) == "it is not a regular file"
    with deadline(10), pytest.raises(NotRegularFile):
        read_regular_file(fifo, max_bytes=100)  # a FIFO swapped in after the scan


def test_reading_refuses_devices_and_oversized_files(tmp_path: Path):
    with pytest.raises(NotRegularFile):
        read_regular_file(Path("/dev/zero"), max_bytes=100)
    big = tmp_path / "big.ttf"
    big.write_bytes(b"x" * 101)
    assert file_problem(big, max_bytes=100) == "it is larger than 100 bytes"
    with pytest.raises(NotRegularFile):
        read_regular_file(big, max_bytes=100)
