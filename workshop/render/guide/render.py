"""DeckPlan → facilitator guide PDF bytes: overview page, then the run sheet.

Type a size up from the handout (body 11 pt, clock times 14 pt), every slide including facilitator-only
ones, with notes, quiz answers and exercise instructions.
"""

from __future__ import annotations

from reportlab.platypus import Flowable

from workshop.assets import Assets
from workshop.brand.model import Brand
from workshop.plan.model import DeckPlan
from workshop.render.guide.overview import blocks, checklist, heading, timeline
from workshop.render.guide.runsheet import runsheet
from workshop.render.guide.scene import SceneMaker
from workshop.render.pdf.document import Bookmark, DocInfo, build_pdf
from workshop.render.pdf.kit import Kit, make_kit
from workshop.render.pdf.pages import RunningText, body_frame, running_painter, template
from workshop.render.pdf.stored_parses import kept_for
from workshop.text.inline import plain

SCALE = 1.1  # body 11 pt: read standing, at arm's length


def story(kit: Kit, plan: DeckPlan, brand: Brand) -> list[Flowable]:
    out: list[Flowable] = [Bookmark(kit.word("guide"))]
    out += heading(kit, plan)
    out += timeline(kit, plan)
    out += checklist(kit, plan)
    out += runsheet(kit, plan, blocks(plan), SceneMaker(plan, brand, kit.styles.fonts, kit.lang))
    return out


def render(plan: DeckPlan, brand: Brand, assets: Assets) -> bytes:
    meta = plan.meta
    kit = make_kit(brand, meta.language, SCALE)
    geo = kit.geo
    running = RunningText(
        header_left=f"{kit.word('guide')} · {plain(meta.title)}",
        header_right=meta.client or brand.meta.name,
        footer_left=plan.footer or kit.word("guide"),
        page_label=kit.word("page"),
    )
    info = DocInfo(
        title=plain(f"{meta.title} — {kit.word('guide')}"),
        author=plain(meta.author or meta.facilitator or brand.meta.name),
        subject=plain(" — ".join(x for x in (kit.word("guide"), meta.subtitle, meta.client) if x)),
        language=meta.language,
        keywords=("workshop", kit.word("guide"), plain(meta.client or ""), brand.meta.name),
    )
    with kept_for("guide", f"{plan.name}\n{meta.client}\n{meta.language}", kit.styles.fonts.chain):
        return build_pdf(story(kit, plan, brand), info=info, geo=geo,
                         templates=[template("body", [body_frame(geo)], geo)],
                         paint=running_painter(geo, kit.styles, running), initial_font=kit.styles.fonts.body.regular)
