"""Client files and huge outlines: refused by name or by limit, fast."""

from __future__ import annotations

import os

import pytest

from workshop.errors import WorkshopError
from workshop.outline.load import load_outline

OUTLINE = "workshop:\n  title: T\n  language: nl\nsections:\n  - title: S\n    slides:\n      - kind: statement\n        text: x\n"


@pytest.fixture
def project(tmp_path, monkeypatch):
    root = tmp_path / "project"
    root.mkdir()
    (root / "o.yaml").write_text(OUTLINE, encoding="utf-8")
    monkeypatch.chdir(root)
    return root


def refused(project, vars_file) -> WorkshopError:
    with pytest.raises(WorkshopError) as info:
        load_outline(project / "o.yaml", vars_files=[vars_file])
    return info.value


@pytest.mark.parametrize("name", ["../../etc/passwd", "/etc/passwd", "~/.ssh/id_rsa", "file:///etc/passwd", "http://example.org/c.yaml"])
def test_vars_file_outside_the_project_is_refused(project, name):
    error = refused(project, name)
    assert "client file" in error.message


def test_vars_file_symlink_leaving_the_project(project, tmp_path):
    secret = tmp_path / "secret.yaml"
    secret.write_text("client: {name: x}\n", encoding="utf-8")
    os.symlink(secret, project / "c.yaml")
    assert "outside the allowed folders" in refused(project, "c.yaml").message


def test_vars_file_fifo_and_directory(project):
    os.mkfifo(project / "pipe.yaml")
    (project / "dir.yaml").mkdir()
    assert "not a regular file" in refused(project, "pipe.yaml").message
    assert "not a regular file" in refused(project, "dir.yaml").message


def test_vars_file_inside_the_project_by_absolute_path_is_fine(project):
    (project / "c.yaml").write_text("client: {name: Acme}\n", encoding="utf-8")
    assert load_outline(project / "o.yaml", vars_files=[project / "c.yaml"]).variables["client"]["name"] == "Acme"


def test_hundred_thousand_slides_stop_at_a_limit_fast(tmp_path):
    path = tmp_path / "huge.yaml"
    slides = "".join("      - kind: statement\n        text: x\n" for _ in range(100_000))
    path.write_text("workshop:\n  title: T\nsections:\n  - title: S\n    slides:\n" + slides, encoding="utf-8")
    with pytest.raises(WorkshopError) as info:
        load_outline(path)
    assert "limit" in info.value.message and info.value.location.line > 0
