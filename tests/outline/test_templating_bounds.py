"""Filters, methods, operators and formats may not build a value past the limit, nor allocate it first.

Each attack used to allocate gigabytes (``"a"|center(999999999)`` peaked at
2.97 GB); tracemalloc shows it now stops before the allocation. Each case
is checked well under 32 MB of Python allocations and refused by name.
"""

from __future__ import annotations

import tracemalloc

import pytest

from workshop.errors import WorkshopError
from workshop.outline.reader import read_yaml_text
from workshop.outline.templating import MAX_OUTPUT, render_tree

PEAK = 32 * 1024 * 1024
BIG = 50_000_000  # enough to exceed the peak if allocated, small enough to keep a failing run quick

ATTACKS = {
    "center filter": f'{{{{ "a"|center({BIG}) }}}}',
    "replace chain": "{{ 'aaaaaaaaaa'" + "|replace('a', 'aaaaaaaaaa')" * 7 + "|length }}",
    "format method": f'{{{{ "{{:>{BIG}}}".format(1) }}}}',
    "format method, nested width": f'{{{{ "{{:>{{w}}}}".format(1, w={BIG}) }}}}',
    "format method, many fields": '{{ ("{0:>90000}" * 200).format(1)|length }}',
    "format_map method": f'{{{{ "{{a:>{BIG}}}".format_map({{"a": 1}}) }}}}',
    "percent operator": f'{{{{ "%{BIG}d" % 1 }}}}',
    "percent operator, star width": f'{{{{ "%*d" % ({BIG}, 1) }}}}',
    "percent operator, repeated key": '{{ ("%(a)s" * 5000) % {"a": "x" * 90000} }}',
    "format filter": f'{{{{ "%{BIG}s"|format("x") }}}}',
    "ljust method": f'{{{{ "a".ljust({BIG}) }}}}',
    "zfill method": f'{{{{ "1".zfill({BIG}) }}}}',
    "expandtabs method": f'{{{{ ("\\t" * 1000).expandtabs({BIG // 1000}) }}}}',
    "replace method": "{{ ('a' * 90000).replace('a', 'a' * 1000) }}",
    "join method": "{{ ('x' * 90000).join('y' * 90000) }}",
    "translate method": "{{ ('a' * 90000).translate({97: 'b' * 1000}) }}",
    "multiply": f'{{{{ "ab" * {BIG} }}}}',
    "indent filter": f'{{{{ "a\\nb"|indent({BIG}, true) }}}}',
    "indent filter, string width": "{{ ('a\\n' * 40000)|indent('x' * 1000) }}",
    "wordwrap filter": "{{ ('ab ' * 30000)|wordwrap(2, wrapstring='x' * 1000) }}",
    "join filter": "{{ (['x' * 90000] * 1000)|join }}",
    "batch filter": f"{{{{ [1]|batch({BIG}, 0)|list }}}}",
    "slice filter": f"{{{{ [1]|slice({BIG})|list }}}}",
    "sum of lists": "{{ ([['x'] * 90000] * 300)|sum(start=[])|length }}",
    "concatenation doubling": "{% set a = 'a' * 90000 %}" + "".join(
        f"{{% set {n} = {p} ~ {p} %}}" for p, n in zip("abcdefgh", "bcdefghi", strict=True)) + "{{ i|length }}",
    "macro recursion doubling": ("{% macro f(x, n) %}{% if n %}{{ f(x ~ x, n - 1) }}{% else %}{{ x|length }}"
                                 "{% endif %}{% endmacro %}{{ f('a', 27) }}"),
    "block set in loops": ("{% set x %}{% for i in range(1000) %}{% for j in range(1000) %}" + "a" * 64
                           + "{% endfor %}{% endfor %}{% endset %}{{ x|length }}"),
    "nested loop output": "{% for i in range(100) %}{% for j in range(100) %}{{ 'a' * 5000 }}{% endfor %}{% endfor %}",
}


@pytest.mark.parametrize("template", ATTACKS.values(), ids=ATTACKS.keys())
def test_growing_a_value_is_refused_before_it_allocates(template: str):
    tree = read_yaml_text(f"t: {_quoted(template)}\n", "o.yaml")
    tracemalloc.start()
    try:
        with pytest.raises(WorkshopError) as info:
            render_tree(tree, {}, "o.yaml")
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert "limit" in info.value.message or "produced" in info.value.message, info.value.message
    assert str(info.value.location) == "o.yaml:1:4"
    assert peak < PEAK, f"{peak / 1024 / 1024:.0f} MB allocated before the refusal"


def test_legitimate_formatting_and_filters_still_work():
    text = ('t: "{{ \'{:>8}\'.format(\'x\') }}|{{ \'%05d\' % 42 }}|{{ \'ab\'|center(6) }}|'
            '{{ \'a-b\'|replace(\'-\', \'+\') }}|{{ [1, 2]|join(\', \') }}|{{ \'x\' * 3 }}"\n')
    tree = read_yaml_text(text, "o.yaml")
    render_tree(tree, {}, "o.yaml")
    assert tree.to_python() == {"t": "       x|00042|  ab  |a+b|1, 2|xxx"}


def test_output_up_to_the_limit_is_fine():
    tree = read_yaml_text(f"t: \"{{{{ 'a' * {MAX_OUTPUT} }}}}\"\n", "o.yaml")
    render_tree(tree, {}, "o.yaml")
    assert len(tree.to_python()["t"]) == MAX_OUTPUT


def _quoted(template: str) -> str:
    return "'" + template.replace("'", "''") + "'"
