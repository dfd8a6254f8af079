"""The readers' child lookups find what ``find`` finds, on lxml's trees and on ElementTree's."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import pytest
from lxml import etree

from workshop.edits import lookup
from workshop.edits.lookup import child, grandchild, placeholder

P = lookup.P
XML = f"""<root xmlns:p="{P[1:-1]}">
  <p:nvSpPr><p:cNvPr name="first"/></p:nvSpPr>
  <!-- a comment between shapes -->
  <p:nvSpPr><p:nvPr><p:ph type="body" idx="2"/></p:nvPr></p:nvSpPr>
  <p:nvSpPr><p:nvPr><p:ph type="title"/></p:nvPr></p:nvSpPr>
  <p:spPr><p:nvPr/></p:spPr>
</root>"""
PARSERS = {"lxml": etree.fromstring, "ElementTree": ET.fromstring}


@pytest.fixture(params=sorted(PARSERS))
def root(request):
    return PARSERS[request.param](XML)


def test_child_is_the_first_match_as_find_gives_it(root):
    assert child(root, lookup.NV_SP_PR) is root.find(lookup.NV_SP_PR)
    assert child(root, lookup.SP_PR) is root.find(lookup.SP_PR)
    assert child(root, lookup.TX_BODY) is None


def test_grandchild_looks_past_a_first_match_without_the_inner_element(root):
    found = grandchild(root, lookup.NV_SP_PR, lookup.NV_PR)
    assert found is root.find(f"{lookup.NV_SP_PR}/{lookup.NV_PR}")
    assert found is not None and found[0].get("idx") == "2"
    assert grandchild(root, lookup.SP_PR, lookup.PH) is None


def test_placeholder_is_the_first_ph_in_document_order(root):
    found = placeholder(root, lookup.NV_SP_PR)
    assert found is root.find(f"{lookup.NV_SP_PR}/{lookup.NV_PR}/{lookup.PH}")
    assert found is not None and found.get("type") == "body"
    assert placeholder(root, lookup.SP_PR) is None
