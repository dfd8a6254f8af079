"""Kinds that frame the session: title, agenda, section divider, break, closing."""

from __future__ import annotations

from workshop.kinds._refs import guide, handout, layout, painter, texts
from workshop.kinds.record import Continues, Nothing, ShapeRole, SlideKind
from workshop.model import slides as m

TITLE_ROLE = ShapeRole("the slide title")

TITLE = SlideKind(
    name="title", model=m.TitleSlide, layout=layout("title"), layout_name="Title", texts=texts("title"),
    painter=painter("opening", "title"),
    handout=Nothing("the handout's cover stands in for the title slide"),
    guide=guide("title"), label="title",
    purpose="the opening slide of the deck",
    shapes={
        "Title": ShapeRole("the workshop title"),
        "Subtitle": ShapeRole("the subtitle", required=False),
        "Details": ShapeRole("client · date · facilitator", required=False),
        "Client Logo": ShapeRole("the client's logo, next to yours (co-branding)", required=False),
    },
)

AGENDA = SlideKind(
    name="agenda", model=m.AgendaSlide, layout=layout("agenda"), layout_name="Agenda", texts=texts("agenda"),
    painter=painter("opening", "agenda"),
    handout=Nothing("the handout's programme page stands in for the agenda slide"),
    guide=Nothing("the guide's timeline lists the agenda"), label="agenda",
    purpose="the programme with clock times",
    shapes={
        "Title": TITLE_ROLE,
        "Agenda": ShapeRole("the agenda rows (time, section, minutes); the tool draws them inside this area"),
    },
    continues=Continues("agenda", "agenda rows", (), prefix="Agenda "),
)

SECTION = SlideKind(
    name="section", model=m.SectionSlide, layout=layout("section"), layout_name="Section",
    texts=texts("section"), painter=painter("opening", "section"),
    handout=handout("blocks:subsection"), guide=guide("title"), label="section",
    purpose="the divider that opens a section",
    shapes={
        "Number": ShapeRole("the section number (01, 02, …)"),
        "Title": ShapeRole("the section title"),
        "Subtitle": ShapeRole("the section subtitle", required=False),
    },
)

BREAK = SlideKind(
    name="break", model=m.BreakSlide, layout=layout("break"), layout_name="Break", texts=texts("pause"),
    painter=painter("opening", "pause"), handout=handout("blocks:pause"), guide=guide("pause"), label="break",
    purpose="a break",
    shapes={
        "Title": ShapeRole("the name of the break"),
        "Duration": ShapeRole("how long it takes (15 min)"),
        "Text": ShapeRole("a short note and the time to be back"),
    },
)

CLOSING = SlideKind(
    name="closing", model=m.ClosingSlide, layout=layout("closing"), layout_name="Closing",
    texts=texts("closing"), painter=painter("opening", "closing"),
    handout=handout("closing:closing"), guide=guide("closing"), label="closing",
    purpose="the last slide",
    shapes={
        "Title": TITLE_ROLE,
        "Takeaways": ShapeRole("the takeaways, as bullet points", required=False),
        "Action": ShapeRole("the call to action", required=False),
        "Question": ShapeRole("a question to discuss", required=False),
    },
    shape_words={"Question": ("discussion question", ("question",))},
)

RECORDS = (TITLE, AGENDA, SECTION, BREAK, CLOSING)
