"""Variables: rendered in a sandbox, on values only, with located errors."""

from __future__ import annotations

import pytest

from workshop.errors import WorkshopError
from workshop.outline.templating import render_tree
from workshop.yamltree.reader import read_yaml_text


def render(text: str, variables: dict | None = None) -> dict:
    tree = read_yaml_text(text, "o.yaml")
    render_tree(tree, variables or {}, "o.yaml")
    return tree.to_python()


def error_of(text: str, variables: dict | None = None) -> WorkshopError:
    with pytest.raises(WorkshopError) as info:
        render(text, variables)
    return info.value


def test_values_are_rendered_with_variables():
    assert render('t: "Hallo {{ client.name }}"\n', {"client": {"name": "Acme"}}) == {"t": "Hallo Acme"}


def test_a_variables_value_is_data_and_never_rendered_again():
    assert render('t: "{{ x }}"\n', {"x": "{{ 7*7 }}"}) == {"t": "{{ 7*7 }}"}


def test_vars_section_itself_is_not_rendered():
    assert render('vars: {a: "{{ b }}"}\n') == {"vars": {"a": "{{ b }}"}}


def test_structure_cannot_be_changed_by_a_variable():
    out = render('t: "{{ x }}"\n', {"x": "a\nkind: evil"})
    assert out == {"t": "a\nkind: evil"}


@pytest.mark.parametrize(
    "expression",
    [
        "cycler.__init__.__globals__",
        "''.__class__.__mro__",
        "''|attr('__class__')",
        "().__class__.__base__.__subclasses__()",
        "lipsum.__globals__",
        "'{0.__class__}'.format(1)",
    ],
)
def test_sandbox_escapes_are_refused(expression):
    try:
        out = render(f't: "{{{{ {expression} }}}}"\n')
    except WorkshopError as error:
        assert error.location.line == 1
        return
    # The sandbox may instead render an undefined/empty value: never a class or function.
    assert "class" not in out["t"] and "function" not in out["t"] and "module" not in out["t"]


@pytest.mark.parametrize("expression", ["range(10**9)|list", "'a'*10**9", "9**9**9", "[1]*10**8"])
def test_resource_exhaustion_hits_a_limit(expression):
    error = error_of(f't: "{{{{ {expression} }}}}"\n')
    assert "limit" in error.message and error.location.line == 1


def test_runaway_loops_are_stopped():
    text = 't: "{% for i in range(1000) %}{% for j in range(1000) %}{% for k in range(1000) %}{% endfor %}{% endfor %}{% endfor %}"\n'
    error = error_of(text)
    assert "limit" in error.message or "too long" in error.message


def test_output_size_is_limited():
    error = error_of('t: "{% for i in range(1000) %}{{ x }}{% endfor %}"\n', {"x": "y" * 100})
    assert "characters" in error.message


def test_filters_and_conditions_work():
    out = render('t: "{{ name|upper }}{% if vip %} (VIP){% endif %}"\n', {"name": "acme", "vip": True})
    assert out == {"t": "ACME (VIP)"}
