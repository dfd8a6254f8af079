"""Variable precedence: outline vars < client file < --set."""

from __future__ import annotations

import pytest

from workshop.errors import UsageError, WorkshopError
from workshop.outline.load import load_outline
from workshop.outline.variables import combine, merge, parse_assignment, read_vars_file

OUTLINE = """
workshop:
  title: "Voor {{ client.name }}"
  client: "{{ client.name }} ({{ client.city }})"
vars:
  client: {name: Standaard, city: Utrecht}
sections:
  - title: Een
    slides:
      - kind: statement
        text: "{{ greeting }}"
"""


def test_merge_is_deep_and_leaves_inputs_alone():
    base = {"client": {"name": "A", "city": "B"}}
    assert merge(base, {"client": {"name": "C"}}) == {"client": {"name": "C", "city": "B"}}
    assert base == {"client": {"name": "A", "city": "B"}}


def test_assignment_parses_dotted_keys_and_keeps_text():
    assert parse_assignment("client.name=Acme=BV") == {"client": {"name": "Acme=BV"}}
    assert parse_assignment("n=012") == {"n": "012"}


@pytest.mark.parametrize("bad", ["novalue", "=x", "a..b=1", "1a=2"])
def test_bad_assignment_is_a_usage_error(bad):
    with pytest.raises(UsageError):
        parse_assignment(bad)


def test_precedence_outline_then_file_then_set(write_outline, tmp_path):
    outline = write_outline(OUTLINE)
    client = tmp_path / "acme.yaml"
    client.write_text("client:\n  name: Acme\ngreeting: Welkom\n", encoding="utf-8")
    loaded = load_outline(outline, vars_files=[client], assignments=["client.city=Delft"])
    meta = loaded.workshop.meta
    assert meta.title == "Voor Acme"
    assert meta.client == "Acme (Delft)"
    assert loaded.workshop.sections[0].slides[0].text == "Welkom"


def test_vars_file_must_be_a_mapping(tmp_path):
    path = tmp_path / "c.yaml"
    path.write_text("- a\n- b\n", encoding="utf-8")
    with pytest.raises(WorkshopError) as info:
        read_vars_file(path)
    assert info.value.location.line == 1


def test_vars_file_may_wrap_in_vars_key(tmp_path):
    path = tmp_path / "c.yaml"
    path.write_text("vars:\n  a: b\n", encoding="utf-8")
    assert read_vars_file(path) == {"a": "b"}


def test_combine_applies_in_order():
    assert combine({"a": "1"}, [{"a": "2"}], ["a=3"]) == {"a": "3"}
