"""Whole builds: every sample builds, twice identically; a failure anywhere changes nothing."""

from __future__ import annotations

import dataclasses
import os
import shutil
from pathlib import Path

import pytest

import workshop.pipeline as pipeline
from workshop.errors import WorkshopError
from workshop.pipeline import Job, run_build

REPO = Path(__file__).resolve().parents[1]
SAMPLE = REPO / "decks" / "een-plus-een.yaml"


@pytest.fixture
def project(tmp_path, monkeypatch):
    """A copy of the samples in a tmp project folder (the working directory)."""
    shutil.copytree(REPO / "decks", tmp_path / "decks")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def snapshot(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def test_build_writes_three_outputs(project):
    result = run_build(Job(Path("decks/een-plus-een.yaml"), Path("out")))
    assert result.ok, result.error
    assert sorted(p.name for p in result.written) == [
        "een-plus-een-guide.pdf", "een-plus-een-handout.pdf", "een-plus-een.pptx"]


def test_same_input_gives_byte_identical_files(project):
    first = run_build(Job(Path("decks/een-plus-een.yaml"), Path("one")))
    second = run_build(Job(Path("decks/een-plus-een.yaml"), Path("two")))
    assert first.ok and second.ok
    assert snapshot(project / "one") == snapshot(project / "two")


def test_only_builds_the_chosen_output(project):
    result = run_build(Job(Path("decks/een-plus-een.yaml"), Path("out"), only=("handout",)))
    assert [p.name for p in result.written] == ["een-plus-een-handout.pdf"]


def test_client_profile_builds_into_its_own_folder(project):
    result = run_build(Job(Path("decks/een-plus-een.yaml"), Path("out"), vars_file=Path("decks/clients/acme.yaml")))
    assert result.ok, result.error
    assert all(p.parent == Path("out/acme") for p in result.written)


def _fail_in(stage: str, monkeypatch):
    if stage == "plan":
        import workshop.plan.build as plan_build

        def broken(*a, **k):
            raise WorkshopError("planning failed on purpose")

        monkeypatch.setattr(plan_build, "make_plan", broken)
    elif stage in ("deck", "handout", "guide"):
        real = pipeline.render

        def broken_render(prepared, output):
            if output == stage:
                raise WorkshopError(f"{stage} failed on purpose")
            return real(prepared, output)

        monkeypatch.setattr(pipeline, "render", broken_render)
    elif stage == "disk-full":
        real_replace = os.replace

        def full(src, dst):
            if str(dst).endswith("-guide.pdf"):
                raise OSError(28, "No space left on device", str(dst))
            return real_replace(src, dst)

        monkeypatch.setattr(os, "replace", full)
    elif stage == "interrupt":
        real = pipeline.render

        def interrupted(prepared, output):
            if output == "guide":
                raise KeyboardInterrupt
            return real(prepared, output)

        monkeypatch.setattr(pipeline, "render", interrupted)


def test_split_rendering_gives_the_same_bytes(project):
    alone = run_build(Job(Path("decks/een-plus-een.yaml"), Path("one")))
    split = run_build(Job(Path("decks/een-plus-een.yaml"), Path("two"), split=True))
    assert alone.ok and split.ok
    assert snapshot(project / "one") == snapshot(project / "two")


def _frozen_after_prepare(renders: str) -> list:
    import json
    import subprocess
    import sys

    code = f"""
import gc, json, sys
from pathlib import Path
from workshop import heap, pipeline
heap.pause_for_start()
pipeline.prepare(pipeline.Job(Path("decks/een-plus-een.yaml"), Path("out")), {renders})
print(json.dumps([gc.get_freeze_count(), gc.isenabled(), "workshop.render.deck.render" in sys.modules]))
"""
    done = subprocess.run([sys.executable, "-c", code], cwd=REPO, capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout.splitlines()[-1])


def test_the_renderers_load_before_the_work_starts_so_the_collector_skips_them():
    plain, deck = _frozen_after_prepare("()"), _frozen_after_prepare('["deck"]')
    assert plain[1:] == [True, False] and deck[1:] == [True, True]
    assert deck[0] > plain[0] + 10_000  # python-pptx's objects (about 25,000) are in the permanent generation


@pytest.fixture(scope="module")
def small_outputs(tmp_path_factory) -> dict[str, bytes]:
    """What a build of tests/data/small.yaml as decks/small.yaml writes (built once; builds are deterministic)."""
    folder = tmp_path_factory.mktemp("small")
    (folder / "decks").mkdir()
    shutil.copy(REPO / "tests" / "data" / "small.yaml", folder / "decks" / "small.yaml")
    with pytest.MonkeyPatch.context() as patch:
        patch.chdir(folder)
        result = run_build(Job(Path("decks/small.yaml"), Path("out")))
    assert result.ok, result.error
    return snapshot(folder / "out")


@pytest.mark.parametrize("split", [False, True], ids=["one-process", "split"])
@pytest.mark.parametrize("stage", ["plan", "deck", "handout", "guide", "disk-full", "interrupt"])
def test_failed_build_leaves_previous_outputs_byte_identical(project, monkeypatch, stage, split, small_outputs):
    """A small outline: what is kept does not depend on the size of what failed (samples: above).

    The previous build's outputs are copied in (``small_outputs``), then a build fails.
    """
    changed = project / "decks" / "small.yaml"
    shutil.copy(REPO / "tests" / "data" / "small.yaml", changed)
    job = Job(Path("decks/small.yaml"), Path("out"), split=split)
    (project / "out").mkdir()
    for name, data in small_outputs.items():
        (project / "out" / name).write_bytes(data)
    before = snapshot(project / "out")
    changed.write_text(changed.read_text(encoding="utf-8").replace("Hallo", "Iets anders"), encoding="utf-8")
    _fail_in(stage, monkeypatch)
    if stage == "interrupt":
        with pytest.raises(KeyboardInterrupt):
            run_build(job)
    else:
        result = run_build(job)
        assert not result.ok and result.error
        assert ("No space left" if stage == "disk-full" else "failed on purpose") in result.error  # not refused earlier
    assert snapshot(project / "out") == before  # same names (no temp files) and same bytes


def test_output_over_an_input_is_refused(project):
    result = run_build(Job(Path("decks/een-plus-een.yaml"), Path("decks"), only=("deck",)))
    assert result.ok  # decks/een-plus-een.pptx is not an input
    sneaky = project / "decks" / "sneaky.pptx"
    sneaky.write_text("workshop:\n  title: x\n  language: nl\nsections:\n  - title: a\n    slides:\n"
                      "      - kind: statement\n        text: b\n")
    before = sneaky.read_bytes()
    result = run_build(Job(sneaky, Path("decks"), only=("deck",)))
    assert not result.ok and "input" in result.error
    assert sneaky.read_bytes() == before


def test_the_pdf_worker_is_sent_what_the_renderers_read_not_the_outline(project):
    import pickle

    import workshop.split  # noqa: F401 - read-only mappings cross the pipe as dicts (its copyreg entry)

    prepared = pipeline.prepare(Job(Path("decks/een-plus-een.yaml"), Path("out")))
    sent = pickle.dumps(prepared.for_renderers, protocol=pickle.HIGHEST_PROTOCOL)
    assert b"workshop.outline" not in sent and b"yamltree" not in sent  # the worker never loads the YAML reader
    back = pickle.loads(sent)
    assert pipeline.render(back, "handout") == pipeline.render(prepared, "handout")


def test_a_single_build_forks_its_pdf_worker_before_the_brand_loads(project, monkeypatch, fork_only):
    from workshop import split
    from workshop.cli.run import run
    from workshop.console import Console

    real_get_brand, real_render_all = pipeline.get_brand, split.render_all
    seen: dict[str, object] = {}

    def get_brand(name):
        seen.setdefault("ahead at brand", dict(pipeline._AHEAD))
        return real_get_brand(name)

    def render_all(prepared, outputs, render, worker):
        seen["worker used"] = worker
        return real_render_all(prepared, outputs, render, worker)

    monkeypatch.setattr(pipeline, "get_brand", get_brand)
    monkeypatch.setattr(split, "render_all", render_all)
    pipeline.forget_brands()
    job = Job(Path("decks/een-plus-een.yaml"), Path("ahead"), split=True)
    assert run(Console(quiet=True), [job], 1, False, False) == 0
    assert list(seen["ahead at brand"]) == [job] and seen["worker used"] is seen["ahead at brand"][job]
    assert pipeline._AHEAD == {}
    alone = run_build(Job(Path("decks/een-plus-een.yaml"), Path("alone")))
    assert alone.ok and snapshot(project / "ahead") == snapshot(project / "alone")


@pytest.mark.parametrize("jobs", [["split"], ["plain"], ["split", "split"], []])
def test_only_a_single_split_build_gets_a_worker_ahead(project, monkeypatch, fork_only, jobs):
    from workshop import split

    forked: list[int] = []
    real_init = split.PdfWorker.__init__

    def counting(worker, *args, **kwargs):
        forked.append(1)
        real_init(worker, *args, **kwargs)

    monkeypatch.setattr(split.PdfWorker, "__init__", counting)
    job_list = [Job(Path(f"decks/{name}.yaml"), Path("out"), split=kind == "split")
                for name, kind in zip(("een-plus-een", "citroensap")[:len(jobs)], jobs, strict=True)]
    with pipeline.pdf_worker_ahead(job_list):
        assert list(pipeline._AHEAD) == (job_list if jobs == ["split"] else [])
    assert forked == ([1] if jobs == ["split"] else [])


def test_a_worker_ahead_that_is_never_used_is_stopped(project, fork_only):
    job = Job(Path("decks/een-plus-een.yaml"), Path("out"), split=True)
    with pytest.raises(WorkshopError):
        with pipeline.pdf_worker_ahead([job]):
            worker = pipeline._AHEAD[job]
            pid = worker.pid
            raise WorkshopError("the brand failed to load")  # as get_brand would, before any build
    assert pipeline._AHEAD == {} and worker.pid is None
    with pytest.raises(ChildProcessError):
        os.waitpid(pid, os.WNOHANG)  # already reaped: no process is left behind


def test_watchs_kept_worker_has_the_plan_before_the_deck_is_checked(project, monkeypatch, fork_only):
    """The PDFs start as soon as the plan exists: the checks and the look at the deck to replace come after."""
    import workshop.edits.guard as guard

    real_guard = guard.guard_deck
    pending: list[bool] = []
    job = Job(Path("decks/een-plus-een.yaml"), Path("out"), split=True)
    with pipeline.keep_pdf_worker() as kept:
        assert kept is not None
        plain = run_build(dataclasses.replace(job, split=False))
        first = snapshot(Path("out"))
        kept.start(job.only)

        def guarding(target, policy):
            pending.append(kept._worker is not None and kept._worker.pending)
            return real_guard(target, policy)

        monkeypatch.setattr(guard, "guard_deck", guarding)
        again = run_build(job)
    assert plain.ok and again.ok and pending == [True]
    assert snapshot(Path("out")) == first  # and what the worker rendered is what this process rendered
