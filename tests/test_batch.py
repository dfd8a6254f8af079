"""Batches: one failing job never ends the others; names are safe and never collide."""

from __future__ import annotations

import os
import signal
from pathlib import Path

import pytest

import workshop.batch as batch
from workshop import platforms
from workshop.batch import check_targets, run_jobs, unique_jobs
from workshop.errors import UsageError, WorkshopError
from workshop.pipeline import Job, JobResult

MINIMAL = (Path(__file__).parent / "data" / "small.yaml").read_text(encoding="utf-8")

fork_only = pytest.mark.skipif(platforms.start_method() != "fork",
                               reason="patches the build function, which spawned workers do not see")


@pytest.fixture
def project(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "decks").mkdir()
    for name in ("a", "b", "c"):
        (tmp_path / "decks" / f"{name}.yaml").write_text(MINIMAL, encoding="utf-8")
    return tmp_path


def jobs_for(*names: str, out: str = "out") -> list[Job]:
    return [Job(Path("decks") / f"{n}.yaml", Path(out), only=("deck",)) for n in names]


def _flaky(real):
    def task(job: Job) -> JobResult:
        if job.outline.stem == "b":
            raise RuntimeError("a bug in one job")
        return real(job)
    return task


@pytest.mark.parametrize("workers", [1, pytest.param(2, marks=fork_only)])
def test_an_unexpected_exception_is_that_jobs_internal_error(project, monkeypatch, workers):
    monkeypatch.setattr(batch, "run_build", _flaky(batch.run_build))
    outcome = run_jobs(jobs_for("a", "b", "c"), workers=workers)
    by_name = {r.job.outline.stem: r for r in outcome.results}
    assert sorted(by_name) == ["a", "b", "c"] and not outcome.interrupted
    assert by_name["a"].ok and by_name["c"].ok
    assert by_name["b"].exit_code == 4 and "internal error: RuntimeError: a bug in one job" in by_name["b"].error
    assert "Traceback" in by_name["b"].traceback  # shown with --debug
    assert sorted(p.name for p in (project / "out").iterdir()) == ["a.pptx", "c.pptx"]


@fork_only
def test_a_worker_that_dies_is_reported_and_replaced(project, monkeypatch):
    real = batch.run_build

    def dies(job: Job) -> JobResult:
        if job.outline.stem == "a":
            os.kill(os.getpid(), signal.SIGKILL)
        return real(job)

    monkeypatch.setattr(batch, "run_build", dies)
    outcome = run_jobs(jobs_for("a", "b", "c"), workers=2)
    by_name = {r.job.outline.stem: r for r in outcome.results}
    assert by_name["a"].exit_code == 4 and "killed by SIGKILL" in by_name["a"].error
    assert by_name["b"].ok and by_name["c"].ok


def test_parallel_builds_match_single_builds(project):
    one = run_jobs(jobs_for("a", "b", out="one"), workers=1)
    two = run_jobs(jobs_for("a", "b", out="two"), workers=2)
    assert all(r.ok for r in one.results + two.results)
    for name in ("a.pptx", "b.pptx"):
        assert (project / "one" / name).read_bytes() == (project / "two" / name).read_bytes()


def test_same_names_in_one_batch_are_refused_before_building(project):
    (project / "other").mkdir()
    (project / "other" / "a.yaml").write_text(MINIMAL, encoding="utf-8")
    (project / "decks" / "A.yaml").write_text(MINIMAL, encoding="utf-8")
    jobs = [Job(Path("decks/a.yaml"), Path("out")), Job(Path("other/a.yaml"), Path("out")),
            Job(Path("decks/A.yaml"), Path("out"))]
    with pytest.raises(UsageError) as caught:
        check_targets(jobs)
    message = str(caught.value)
    assert "decks/a.yaml and other/a.yaml would both write out/a.pptx" in message
    assert "decks/a.yaml and decks/A.yaml would both write" in message  # as on macOS and Windows
    assert not (project / "out").exists()


def test_the_same_outline_twice_is_built_once(project):
    jobs = jobs_for("a") + jobs_for("a")
    assert len(unique_jobs(jobs)) == 1
    check_targets(unique_jobs(jobs))


@pytest.mark.parametrize("client", ["...yaml", "..yaml", "con.yaml", "a\u202eb.yaml", "x\x1b[2J.yaml"])
def test_client_file_names_cannot_escape_or_break_the_output_folder(project, client):
    (project / client).write_text("client:\n  name: Y\n", encoding="utf-8")
    job = Job(Path("decks/a.yaml"), Path("out"), vars_file=Path(client), only=("deck",))
    with pytest.raises(WorkshopError, match="client folder name"):
        check_targets([job])
    result = run_jobs([job], workers=1).results[0]  # the build itself refuses too
    assert not result.ok and "client folder name" in result.error
    assert sorted(p.name for p in project.iterdir()) == sorted(["decks", client])


def test_outline_names_with_bidi_or_device_names_are_refused(project):
    for name in ("evil\u202efdp.yaml", "nul.yaml"):
        (project / "decks" / name).write_text(MINIMAL, encoding="utf-8")
        with pytest.raises(WorkshopError, match="output file name"):
            check_targets([Job(Path("decks") / name, Path("out"))])
