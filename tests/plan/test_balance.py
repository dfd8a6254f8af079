"""Short bullet and table slides sit balanced in the content area; full ones and designer-placed ones stay."""

from __future__ import annotations

from workshop.layouts.default import CONTENT_BOX
from workshop.layouts.geometry import Box, inch, pt
from workshop.plan.balance import LEAN, SHORT, balanced_box

from .test_fit import bullets, content, plan_of


def test_short_content_moves_down_by_a_share_of_the_free_space():
    box = Box(0, inch(2), inch(10), inch(4))
    moved = balanced_box(box, 100, 288)
    assert moved is not None
    assert moved.y - box.y == pt((288 - 100) * LEAN)
    assert moved.bottom == box.bottom and moved.x == box.x and moved.w == box.w


def test_content_near_full_stays_at_the_top():
    box = Box(0, inch(2), inch(10), inch(4))
    assert balanced_box(box, SHORT * 288 + 1, 288) is None


def test_a_short_bullet_slide_is_balanced_and_a_long_one_is_not(write_outline, plain_brand):
    plan = plan_of(write_outline, plain_brand, bullets(2) + bullets(9, words=8))
    short, long = content(plan)
    assert short.layout.spec.box("Body").y > CONTENT_BOX.y
    assert short.layout.spec.box("Body").bottom == CONTENT_BOX.bottom
    assert long.layout.spec.box("Body") == CONTENT_BOX


def test_a_short_table_is_balanced(write_outline, plain_brand):
    plan = plan_of(write_outline, plain_brand, """\
      - kind: table
        title: Kort
        header: [A, B]
        rows: [[één, twee]]
""")
    (table,) = content(plan)
    assert table.layout.spec.box("Table").y > CONTENT_BOX.y
