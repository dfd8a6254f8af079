"""``sub`` makes the element in its parent's document: the same class and bytes as ``el`` and append."""

from __future__ import annotations

from lxml import etree

from workshop.render.deck.ooxml import el, sub


def _by_append(parent: object, tag: str, attrs: dict[str, object] | None = None) -> object:
    child = el(tag, attrs)
    parent.append(child)
    return child


def _tree(add) -> tuple[bytes, list[type]]:
    shape = el("p:sp")
    body = add(shape, "p:txBody")
    made = [body]
    for _ in range(2):
        paragraph = add(body, "a:p")  # the a: prefix is declared by no ancestor
        made += [paragraph, add(paragraph, "a:r", {"lang": "nl-NL", "sz": 1800, "dirty": None})]
        made.append(add(made[-1], "a:rPr", {"b": "1", "r:id": "rId3"}))
    return etree.tostring(shape), [type(e) for e in made]


def test_sub_writes_the_bytes_and_classes_el_and_append_do():
    assert _tree(sub) == _tree(_by_append)
    xml, classes = _tree(sub)
    assert xml.count(b"xmlns:a=") == 2  # once per paragraph, where no ancestor declares it
    assert b'sz="1800"' in xml and b"dirty" not in xml
    assert classes[1].__name__ == "CT_TextParagraph"  # python-pptx's element classes
