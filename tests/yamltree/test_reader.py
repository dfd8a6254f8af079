"""The YAML reader: text stays text, every hostile construct is a located error."""

from __future__ import annotations

import codecs

import pytest

from workshop.errors import WorkshopError
from workshop.yamltree.reader import MAX_DEPTH, read_yaml_bytes, read_yaml_file, read_yaml_text
from workshop.yamltree.tree import Mapping, Scalar, Sequence


def error_of(text: str) -> WorkshopError:
    with pytest.raises(WorkshopError) as info:
        read_yaml_text(text, "o.yaml")
    return info.value


@pytest.mark.parametrize("typed", ["no", "yes", "on", "off", "1:30", "012", "3.10", "2024-01-01", "1e3", "~", "null", "true", "0x1F"])
def test_plain_scalars_stay_text_exactly_as_typed(typed):
    tree = read_yaml_text(f"value: {typed}\n", "o.yaml")
    assert tree.to_python() == {"value": typed}


def test_empty_plain_value_means_not_given_but_quoted_empty_is_text():
    assert read_yaml_text('a:\nb: ""\n', "o.yaml").to_python() == {"a": None, "b": ""}


def test_every_node_knows_file_line_and_column():
    tree = read_yaml_text("top:\n  - first\n  - key: value\n", "o.yaml")
    assert isinstance(tree, Mapping)
    seq = tree.get("top")
    assert isinstance(seq, Sequence)
    assert str(seq.items[0].location) == "o.yaml:2:5"
    inner = seq.items[1]
    assert isinstance(inner, Mapping)
    value = inner.get("key")
    assert isinstance(value, Scalar) and str(value.location) == "o.yaml:3:10"


@pytest.mark.parametrize("text,word", [("a: &x 1\nb: *x\n", "anchors (&x)"), ("a: [*x]\n", "aliases (*x)")])
def test_anchors_and_aliases_are_refused(text, word):
    error = error_of(text)
    assert error.location.line == 1
    assert word in error.message


def test_alias_bomb_is_refused_at_the_first_anchor():
    bomb = 'a: &a ["x","x"]\nb: &b [*a,*a]\nc: &c [*b,*b]\n'
    error = error_of(bomb)
    assert "anchors (&a)" in error.message and error.location.line == 1


def test_syntax_error_has_line_and_column():
    error = error_of("a: [b\n")
    assert error.message.startswith("YAML syntax error") and error.location.line >= 1


DEEP = {
    "flow, past libyaml's own limit": ("[" * 10_000 + "]" * 10_000, (1, MAX_DEPTH + 1)),
    "flow, under libyaml's limit": ("[" * 100 + "]" * 100, (1, MAX_DEPTH + 1)),
    "block, past libyaml's limit": ("".join("  " * i + "a:\n" for i in range(1_100)) + "  " * 1_100 + "b\n",
                                    (MAX_DEPTH, 2 * MAX_DEPTH - 1)),
}


@pytest.mark.parametrize("loader", ["libyaml", "python"])
@pytest.mark.parametrize("text, place", DEEP.values(), ids=DEEP.keys())
def test_deep_nesting_stops_at_the_limit_whatever_the_parser(text, place, loader, monkeypatch):
    """Our limit, message, place and hint; never libyaml's 'exceeded maximum nesting depth'."""
    import yaml

    from workshop.yamltree import compose

    if loader == "python":
        monkeypatch.setattr(compose, "_Loader", yaml.BaseLoader)
    elif not hasattr(yaml, "CBaseLoader"):
        pytest.skip("PyYAML without libyaml")
    error = error_of(text)
    assert error.message == f"the outline is nested more than {MAX_DEPTH} levels deep"
    assert "unclosed [ or {" in error.hint
    assert (error.location.line, error.location.column) == place


@pytest.mark.parametrize("escape,code", [(r"\ud800", None), (r"\uFFFE", "FFFE"), (r"\0", "0000"), (r"\x1b", "001B")])
def test_control_characters_from_escapes_are_refused(escape, code):
    error = error_of(f'a: "{escape}"\n')
    assert error.location.line == 1
    if code:
        assert code in error.message


def test_invalid_utf8_names_the_byte_position():
    with pytest.raises(WorkshopError) as info:
        read_yaml_bytes(b"a: ok\nb: caf\xe9\n", "o.yaml")
    assert info.value.location.line == 2 and "UTF-8" in info.value.message


@pytest.mark.parametrize("bom,encoding", [(codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be")])
def test_byte_order_marks_are_accepted(bom, encoding):
    tree = read_yaml_bytes(bom + "titel: café\n".encode(encoding), "o.yaml")
    assert tree.to_python() == {"titel": "café"}


def test_crlf_line_endings():
    assert read_yaml_bytes(b"a: 1\r\nb: 2\r\n", "o.yaml").to_python() == {"a": "1", "b": "2"}


def test_oversized_file_is_refused_before_reading(tmp_path):
    path = tmp_path / "big.yaml"
    with open(path, "wb") as handle:
        handle.truncate(50 * 1024 * 1024)
    with pytest.raises(WorkshopError) as info:
        read_yaml_file(path)
    assert "limit is 5 MB" in info.value.message


def test_megabyte_scalar_is_refused_with_the_limit():
    error = error_of("title: " + "x" * 1_000_000 + "\n")
    assert "limit is 100,000" in error.message


def test_multiple_documents_are_refused():
    assert "more than one YAML document" in error_of("a: 1\n---\nb: 2\n").message


def test_missing_file_and_folder(tmp_path):
    with pytest.raises(WorkshopError, match="not found"):
        read_yaml_file(tmp_path / "nope.yaml")
    with pytest.raises(WorkshopError, match="not a regular file|folder"):
        read_yaml_file(tmp_path)


def test_empty_file_is_an_error():
    assert "empty" in error_of("").message
