"""The bounded keep the PDF renderers share: least recently used first out, by count and by size."""

from __future__ import annotations

from workshop.render.pdf.recent import Recent


def test_the_value_used_longest_ago_goes_first_when_the_count_is_reached():
    kept: Recent[str, int] = Recent(2)
    kept.put("a", 1)
    kept.put("b", 2)
    assert kept.get("a") == 1  # now the most recent
    kept.put("c", 3)
    assert "b" not in kept and kept.get("a") == 1 and kept.get("c") == 3 and len(kept) == 2


def test_the_total_size_is_bounded_and_tracked_through_replace_and_pop():
    kept: Recent[str, bytes] = Recent(100, 10, lambda _, value: len(value))
    kept.put("a", b"12345")
    kept.put("b", b"1234")
    kept.put("a", b"12")  # replacing counts the new size only
    assert kept.size == 6
    kept.put("c", b"123456")
    assert "b" not in kept and kept.size == 8  # a (2) and c (6); b was used longest ago
    assert kept.pop("a") == b"12" and kept.size == 6
    assert kept.pop("a") is None


def test_the_newest_value_is_kept_even_when_it_alone_is_over_the_size():
    kept: Recent[str, bytes] = Recent(100, 4, lambda _, value: len(value))
    kept.put("small", b"12")
    kept.put("large", b"123456789")
    assert list(k for k in ("small", "large") if k in kept) == ["large"] and kept.size == 9


def test_clear_empties_it():
    kept: Recent[str, int] = Recent(3, 10, lambda _, value: value)
    kept.put("a", 4)
    kept.clear()
    assert len(kept) == 0 and kept.size == 0 and kept.get("a") is None
