"""The quick path renders plain insertions exactly as Jinja2 does, and leaves the rest to Jinja2."""

from __future__ import annotations

import sys

import pytest

from workshop.errors import WorkshopError
from workshop.outline.sandbox import render_values
from workshop.outline.templating import MAX_OUTPUT, quick, render_tree
from workshop.yamltree.reader import read_yaml_text

VARIABLES = {
    "client": {"name": "Acme", "empty": "", "contact": "Sam", "items": "x", "nested": {"deep": "diep"},
               "none": None, "number": 3, "list": ["a"]},
    "date": "4 februari 2027",
    "items": "top-level items",
    "blank": "",
}

QUICK = [
    "{{ client.name }}", "{{client.name}}", "Hallo {{ client.name }}!", "{{ date }}",
    "{{ client.empty or 'jullie organisatie' }}", '{{ client.empty or "jullie" }}',
    "{{ client.name or 'jullie organisatie' }}", "voor {{ client.name or 'x' }} en {{ client.contact }}.",
    "{{ client.nested.deep }}", "{{ items }}", "{{ blank }}", "{{ blank or '' }}", "{{ client.name }}\n",
    "a\n{{ date }}\nb", "{{ client.empty or 'caf\u00e9 \U0001f34b' }}",
]

TEMPLATES = QUICK + [
    "{{ client.items }}", "{{ client.none }}", "{{ client.number }}", "{{ client.list }}",
    "{{ client.name|upper }}", "{{ client.name ~ 'x' }}", "{%- if date %}{{ date }}{% endif %}",
    "{{ date }} {# note #}", "{{{ date }}", "{{ date }}}", "{ {{ date }}", "{{- date -}}", "{{ date }}\r\n",
    "{{ client['name'] }}", "{{ client.empty or 'caf\u00e9 \U0001f34b' }}", "{{ true }}", "{{ range }}",
    "{{ self }}", "{{ loop }}", "{{ client.empty or 'a}}b' }}", "{{ date or 'x' or 'y' }}", "no tag at all {",
]


def jinja(template: str, variables: dict) -> str:
    node = read_yaml_text("t: x\n", "o.yaml").items[0][1]
    node.value = template
    render_values([(("t",), node)], variables)
    return node.value


@pytest.mark.parametrize("template", TEMPLATES)
def test_quick_agrees_with_jinja_or_steps_aside(template):
    fast = quick(template, VARIABLES)
    if fast is not None:
        assert fast == jinja(template, VARIABLES)


def test_plain_insertions_take_the_quick_path():
    for template in QUICK:
        assert quick(template, VARIABLES) is not None, template


@pytest.mark.parametrize("template", ["{{ client.missing }}", "{{ nobody }}", "{{ date.year }}",
                                      "{{ client.missing or 'x' }}", "{{ client.none or 'x' }}",
                                      "{{ client.keys }}", "{{ client.items }}", "{{ client.number }}", "{{ client.name }}{% raw %}"])
def test_what_jinja_would_refuse_or_treat_differently_goes_to_jinja(template):
    assert quick(template, VARIABLES) is None


def test_undefined_variable_is_still_jinjas_located_error():
    tree = read_yaml_text('a: "{{ client.name }}"\nb: "{{ client.nmae }}"\n', "o.yaml")
    with pytest.raises(WorkshopError) as info:
        render_tree(tree, VARIABLES, "o.yaml")
    error = info.value
    assert "undefined variable" in error.message and error.location.line == 2
    assert error.message == "undefined variable in 'b': 'dict object' has no attribute 'nmae'"


def test_output_over_the_limit_goes_to_jinja():
    assert quick("{{ x }}", {"x": "y" * (MAX_OUTPUT + 1)}) is None


def test_an_outline_of_plain_insertions_never_imports_jinja(tmp_path):
    import subprocess

    code = ("import sys\nfrom workshop.outline.templating import render_tree\n"
            "from workshop.yamltree.reader import read_yaml_text\n"
            "tree = read_yaml_text('t: \"{{ client.name or \\'x\\' }}\"\\n', 'o.yaml')\n"
            "render_tree(tree, {'client': {'name': ''}}, 'o.yaml')\n"
            "assert tree.to_python() == {'t': 'x'}, tree.to_python()\n"
            "assert 'jinja2' not in sys.modules\n")
    subprocess.run([sys.executable, "-c", code], check=True)
