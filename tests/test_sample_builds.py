"""The shared sample builds (tests/sample_builds.py): built once, read by the next worker, read only."""

from __future__ import annotations

import stat

import sample_builds
from sample_builds import REPO, SampleBuilds

MINIMAL = REPO / "docs" / "examples" / "minimal.yaml"


def test_a_second_worker_reads_what_the_first_built(tmp_path, monkeypatch):
    first = SampleBuilds(tmp_path)(MINIMAL)
    assert first.result.ok, first.result.error

    def no_second_build(job):
        raise AssertionError(f"built {job.outline} again")

    monkeypatch.setattr(sample_builds, "run_build", no_second_build)
    again = SampleBuilds(tmp_path)(MINIMAL)  # another worker of the same run: same folder, new process state
    assert again.result == first.result
    assert again.read("deck") == first.read("deck") and again.read("handout").startswith(b"%PDF-")


def test_outputs_are_read_only_and_built_from_the_checkout(tmp_path):
    built = SampleBuilds(tmp_path)(MINIMAL)
    assert built.result.job.outline == MINIMAL.relative_to(REPO)  # as `workshop build` in the checkout
    for output in ("deck", "handout", "guide"):
        assert stat.S_IMODE(built.path(output).stat().st_mode) == 0o444, output


def test_each_brand_and_client_is_a_build_of_its_own(tmp_path):
    builds = SampleBuilds(tmp_path)
    plain = builds(MINIMAL)
    assert builds(MINIMAL) is plain
    noord = builds(MINIMAL, brand="noord")
    assert noord.path("deck") != plain.path("deck") and noord.read("deck") != plain.read("deck")


def test_every_sample_runs_the_decks_quick_and_the_examples_in_the_whole_suite():
    params = sample_builds.every_sample()
    quick = [p.values[0] for p in params if not p.marks]
    slow = [p.values[0] for p in params if any(m.name == "slow" for m in p.marks)]
    assert quick == sample_builds.DECKS and slow == sample_builds.EXAMPLES
    assert len(quick) + len(slow) == len(params)


def test_the_sample_build_fixture_is_shared(sample_build):
    assert sample_build(MINIMAL) is sample_build(MINIMAL)
