"""The code fingerprint: an installed package by its RECORD; a checkout by every source file, as a sorted
``os.walk`` sees them, with one listing per folder."""

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


def _installed(site: Path, version: str = "1.0", listed: str = "pkg/__init__.py") -> Path:
    """A package as pip leaves it: ``site/pkg`` and ``site/pkg-VERSION.dist-info/RECORD``."""
    package = site / "pkg"
    package.mkdir(parents=True)
    (package / "__init__.py").write_text("x = 1\n")
    (package / "render.py").write_text("y = 1\n")
    info = site / f"pkg-{version}.dist-info"
    info.mkdir()
    (info / "RECORD").write_text(f"{listed},sha256=aaaa,6\npkg/render.py,sha256=bbbb,6\n")
    return package


def test_an_installed_package_counts_by_the_record_pip_rewrites_on_every_install(tmp_path):
    package = _installed(tmp_path)
    before = fingerprint.package_fingerprint(package, "1.0")
    assert fingerprint.installed_record(package, "1.0") is not None
    record = tmp_path / "pkg-1.0.dist-info" / "RECORD"
    record.write_text(record.read_text().replace("bbbb", "cccc"))  # an upgrade or reinstall of other code
    assert fingerprint.package_fingerprint(package, "1.0") != before
    again = fingerprint.package_fingerprint(package, "1.0")
    (package / "render.py").write_text("y = 222\n")  # the files themselves are not looked at
    assert fingerprint.package_fingerprint(package, "1.0") == again
    assert fingerprint.package_fingerprint(package, "1.1") != again  # another version: the files count


def test_without_its_own_record_every_source_file_counts(tmp_path):
    for site, recorded, asked, listed in ((tmp_path / "a", "1.0", "2.0", "pkg/__init__.py"),  # another version's
                                          (tmp_path / "b", "1.0", "1.0", "other/__init__.py")):  # another package's
        package = _installed(site, recorded, listed)
        assert fingerprint.installed_record(package, asked) is None
        before = fingerprint.package_fingerprint(package, asked)
        (package / "render.py").write_text("y = 222\n")
        assert fingerprint.package_fingerprint(package, asked) != before


def test_this_checkout_counts_its_files_and_is_fingerprinted_once_per_process():
    package = Path(workshop.__file__).parent
    assert fingerprint.installed_record(package, workshop.__version__) is None  # an editable install
    assert fingerprint.code_fingerprint() == fingerprint.package_fingerprint(package, workshop.__version__)
    assert fingerprint.code_fingerprint() is fingerprint.code_fingerprint()
    edits = package / "edits"
    assert fingerprint.sources_fingerprint(edits) == _listed(str(edits))
