"""The code fingerprint sees every source file as a sorted ``os.walk`` would, with one listing per folder."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

import workshop
from workshop import fingerprint


def _walked(root: str) -> str:
    """The rule as first written: ``os.walk``, sorted, an ``os.stat`` per ``.py`` file."""
    digest = hashlib.sha256()
    for folder, subfolders, names in os.walk(root):
        subfolders.sort()
        for name in sorted(names):
            if name.endswith(".py"):
                try:
                    info = os.stat(os.path.join(folder, name))
                except OSError:
                    continue
                digest.update(f"{folder}/{name}:{info.st_size}:{info.st_mtime_ns}\0".encode())
    return digest.hexdigest()


def _listed(root: str) -> str:
    digest = hashlib.sha256()
    fingerprint._add_sources(digest, root)
    return digest.hexdigest()


def test_the_same_files_in_the_same_order_as_os_walk(tmp_path):
    for name in ("b.py", "a.py", "notes.txt", "sub/z.py", "sub/deeper/y.py", "Sub2/x.py", "__pycache__/a.pyc"):
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(name)
    (tmp_path / "linked").symlink_to(tmp_path / "sub", target_is_directory=True)  # os.walk does not enter it
    (tmp_path / "alias.py").symlink_to(tmp_path / "a.py")
    (tmp_path / "broken.py").symlink_to(tmp_path / "missing.py")
    assert _listed(str(tmp_path)) == _walked(str(tmp_path))
    assert _listed(str(tmp_path / "missing")) == hashlib.sha256().hexdigest()


def test_a_changed_source_file_changes_it(tmp_path):
    (tmp_path / "a.py").write_text("x = 1\n")
    before = _listed(str(tmp_path))
    (tmp_path / "a.py").write_text("x = 22\n")
    assert _listed(str(tmp_path)) != before


def test_the_package_itself():
    expected = hashlib.sha256(f"workshop {workshop.__version__}".encode())
    root = str(Path(workshop.__file__).parent)
    for folder, subfolders, names in os.walk(root):
        subfolders.sort()
        for name in sorted(n for n in names if n.endswith(".py")):
            info = os.stat(os.path.join(folder, name))
            expected.update(f"{folder}/{name}:{info.st_size}:{info.st_mtime_ns}\0".encode())
    assert fingerprint.code_fingerprint() == expected.hexdigest()
