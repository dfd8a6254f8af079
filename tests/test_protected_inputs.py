"""A build never writes over one of its own inputs: outline, client file, brand files, images.

The deck being rebuilt is an output, not an input: building into the same
folder twice replaces it.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from workshop.pipeline import Job, run_build

REPO = Path(__file__).resolve().parents[1]
OUTLINE = (REPO / "tests" / "data" / "small.yaml").read_text(encoding="utf-8")
IMAGE_SLIDE = """      - kind: image
        title: Plaatje
        image: {image}
        alt: Een plaatje
"""


@pytest.fixture
def project(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    shutil.copytree(REPO / "assets" / "brands" / "noord", tmp_path / "noord")
    return tmp_path


def test_out_set_to_the_brand_folder_cannot_replace_its_template(project):
    (project / "template.yaml").write_text(OUTLINE, encoding="utf-8")
    before = (project / "noord" / "template.pptx").read_bytes()
    result = run_build(Job(Path("template.yaml"), Path("noord"), brand=str(project / "noord"), only=("deck",)))
    assert not result.ok and "input" in result.error and "template.pptx" in result.error
    assert (project / "noord" / "template.pptx").read_bytes() == before


def test_an_image_named_like_an_output_is_not_overwritten(project):
    shutil.copy(REPO / "decks" / "images" / "oceaan.png", project / "pic.pptx")  # a PNG, judged by content
    (project / "pic.yaml").write_text(OUTLINE + IMAGE_SLIDE.format(image="pic.pptx"), encoding="utf-8")
    before = (project / "pic.pptx").read_bytes()
    result = run_build(Job(Path("pic.yaml"), Path("."), only=("deck",)))
    assert not result.ok and "input" in result.error
    assert (project / "pic.pptx").read_bytes() == before


def test_a_client_file_named_like_an_output_is_not_overwritten(project):
    (project / "x.yaml").write_text(OUTLINE, encoding="utf-8")
    (project / "out" / "x-guide").mkdir(parents=True)  # the client's outputs go to out/<client>/
    client = project / "out" / "x-guide" / "x-guide.pdf"
    client.write_text("client:\n  name: Acme\n", encoding="utf-8")
    result = run_build(Job(Path("x.yaml"), Path("out"), vars_file=Path("out/x-guide/x-guide.pdf"),
                           only=("guide",)))
    assert not result.ok and "input" in result.error
    assert client.read_text(encoding="utf-8").startswith("client:")


def test_the_deck_being_rebuilt_is_an_output(project):
    (project / "x.yaml").write_text(OUTLINE, encoding="utf-8")
    job = Job(Path("x.yaml"), Path("."), only=("deck",))
    assert run_build(job).ok
    assert run_build(job).ok  # x.pptx is replaced, not refused
