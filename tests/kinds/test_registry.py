"""Every slide kind's record is complete: each part exists, loads and fits the other stages.

One parametrised test per part, so a record with a missing or wrong part
fails here by name (a missing field already fails the type check).
"""

from __future__ import annotations

import inspect

import pytest

from workshop.kinds import KINDS, Nothing, Ref, SlideKind
from workshop.language import LANGUAGES, language_for
from workshop.layouts.spec import LayoutSpec
from workshop.model.slides import SLIDE, SLIDE_KINDS
from workshop.model.spec import Const

RECORDS = KINDS.records()
IDS = [r.name for r in RECORDS]


def test_the_registry_holds_exactly_the_model_kinds_in_master_order():
    assert list(KINDS) == list(SLIDE_KINDS)
    assert [r.model for r in RECORDS] == list(SLIDE.models)


@pytest.mark.parametrize("record", RECORDS, ids=IDS)
def test_the_model_class_is_the_kind(record: SlideKind):
    kind = record.model.model_fields["kind"].spec
    assert isinstance(kind, Const) and kind.values == (record.name,)


def _arity(ref: Ref) -> int:
    return len(inspect.signature(ref.load()).parameters)


@pytest.mark.parametrize("record", RECORDS, ids=IDS)
def test_every_reference_loads_a_function_of_the_right_shape(record: SlideKind):
    assert _arity(record.layout) == 1
    assert _arity(record.texts) == 4
    assert _arity(record.painter) == 2
    for ref, arity in ((record.handout, 3), (record.guide, 2)):
        assert isinstance(ref, (Ref, Nothing))
        if isinstance(ref, Ref):
            assert _arity(ref) == arity
        else:
            assert ref.why.strip(), "a Nothing says why the output shows nothing"


@pytest.mark.parametrize("record", RECORDS, ids=IDS)
def test_the_layout_is_the_kinds_and_the_contract_names_its_placeholders(record: SlideKind):
    spec = record.layout.load()(record.layout_name)
    assert isinstance(spec, LayoutSpec)
    assert spec.kind == record.name and spec.name == record.layout_name
    assert list(record.shapes) == [s.name for s in spec.shapes if s.placeholder]
    assert record.purpose.strip()


@pytest.mark.parametrize("record", RECORDS, ids=IDS)
def test_the_labels_key_is_in_every_language(record: SlideKind):
    for code in LANGUAGES:
        assert language_for(code).kind(record.label).strip()


@pytest.mark.parametrize("record", [r for r in RECORDS if r.continues is not None],
                         ids=[r.name for r in RECORDS if r.continues is not None])
def test_a_continued_list_names_model_fields_and_layout_shapes(record: SlideKind):
    continues = record.continues
    assert continues is not None
    fields = record.model.model_fields
    if continues.cut == "items":
        assert continues.list_field in fields
    for name in continues.dropped:
        assert name in fields
    if continues.path:
        assert continues.path[0] in fields
    spec = record.layout.load()(record.layout_name)
    names = [s.name for s in spec.shapes]
    assert all(name in names for name in continues.shapes)
    if continues.prefix is not None:
        assert any(name.startswith(continues.prefix.rstrip()) for name in names)


@pytest.mark.parametrize("record", RECORDS, ids=IDS)
def test_shape_words_name_shapes_of_the_layout_and_model_fields(record: SlideKind):
    spec = record.layout.load()(record.layout_name)
    for shape, (what, path) in record.shape_words.items():
        assert spec.shape(shape) is not None and what
        assert path[0] in record.model.model_fields


def test_a_kind_is_registered_once():
    with pytest.raises(ValueError, match="already registered"):
        with KINDS.extended(KINDS["quote"]):
            pass
