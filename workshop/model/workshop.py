"""The workshop as a whole: meta data and timed sections of slides."""

from __future__ import annotations

from typing import Any

from workshop.language.table import DEFAULT
from workshop.model.base import field
from workshop.model.containers import Many, Nullable
from workshop.model.durations import CLOCK_TIME, MINUTES
from workshop.model.fields import SHORT, TEXT, Strict
from workshop.model.slides import SLIDE, TITLED_BY_DEFAULT, Audience, Slide, default_title
from workshop.model.spec import Anything, Choice, Flag, Text

LANGUAGE = Text(pattern=r"^[a-zA-Z]{2,3}(-[a-zA-Z0-9]{2,8})*$")
HEX_COLOR = Text(pattern=r"^#?[0-9a-fA-F]{6}$")
LINE = Text(min_length=1, max_length=200)
URL = Text(min_length=1, max_length=500)


def check_url(value: str | None, data: object = None) -> str | None:
    """A web address anyone can open from paper: http(s), a host, no spaces or control characters."""
    if value is None:
        return None
    text = value.strip()
    scheme, _, rest = text.partition("://")
    if scheme.lower() not in ("http", "https") or not rest or rest.startswith("/"):
        raise ValueError(f"'{value}' is not a web address; write it in full, e.g. https://example.org/materials")
    if any(c.isspace() or ord(c) < 32 or ord(c) == 127 for c in text):
        raise ValueError(f"'{value}' has a space or control character in it; a web address has none")
    return text


class HandoutBack(Strict):
    """What the handout's last pages hold: a notes page and a back cover."""

    contact: list[str] = field(
        Many(LINE, max_length=8), factory=list,
        description="Lines of contact details on the back cover (name, e-mail, phone). "
                    "Default: the facilitator, then the brand's `contact` lines.",
    )
    next_steps: list[str] = field(
        Many(SHORT, max_length=8), factory=list,
        description="What participants do after the workshop, as a numbered list on the back cover.",
    )
    url: str | None = field(
        Nullable(URL), default=None, check=check_url, examples=["https://helder.example/citroensap"],
        description="A web address for more (materials, a follow-up form), printed on the back cover with a "
                    "QR code. Default: the brand's `meta.link`.",
    )
    qr: bool = field(Flag(), default=True, description="Draw `url` as a QR code on the back cover.")
    notes_page: bool = field(Flag(), default=True, description="A page for notes before the back cover.")


class Meta(Strict):
    title: str = field(SHORT, description="The workshop's title: title slide, handout cover, document properties.")
    subtitle: str | None = field(Nullable(SHORT), default=None, description="A line under the title.")
    client: str | None = field(
        Nullable(SHORT), default=None, description="The client's name: title slide, footer, handout cover.",
    )
    facilitator: str | None = field(Nullable(SHORT), default=None, description="Who runs the session.")
    author: str | None = field(
        Nullable(SHORT), default=None,
        description="Document author; defaults to the facilitator.",
    )
    date: str | None = field(
        Nullable(SHORT), default=None, examples=["2027-03-12", "12 maart 2027"],
        description="An ISO date is written out in the workshop's language (12 maart 2027, March 12, 2027, "
                    "12. März 2027, 12 mars 2027); any other text is shown as typed.",
    )
    start: int = field(
        CLOCK_TIME, default="09:00", validate_default=True,
        description="Clock time the workshop starts.",
    )
    duration: int | None = field(
        Nullable(MINUTES), default=None,
        description="Total time budget; sections must add up to it.",
    )
    language: str = field(
        LANGUAGE, default=DEFAULT,
        description="Language tag (nl, en, de, fr, nl-BE…): the words the tool adds, proofing, document language.",
    )
    footer: str | None = field(Nullable(SHORT), default=None, description="Footer text; defaults to client and date.")
    client_logo: str | None = field(
        Nullable(SHORT), default=None,
        description="Client logo (PNG/JPEG) for co-branding.",
    )
    client_color: str | None = field(
        Nullable(HEX_COLOR), default=None,
        description="Client accent colour for co-branding.",
    )
    client_footer: bool = field(
        Flag(), default=False,
        description="Show the client logo in the footer of every content slide too, before ours.",
    )

    handout: HandoutBack = field(
        HandoutBack, factory=HandoutBack,
        description="The handout's back matter: contact, next steps and a web address (with QR code) on the "
                    "back cover, and whether a notes page comes before it.",
    )

    @classmethod
    def model_prepare(cls, data: dict[str, Any]) -> dict[str, Any]:
        """A line a variable left empty (``client: "{{ client.name }}"`` without a profile) is left out.

        So a deck built without a client profile names no client on its cover
        or in its footer, rather than a placeholder such as "Your organisation".
        """
        optional = ("subtitle", "client", "facilitator", "author", "date", "footer", "client_logo", "client_color")
        return {k: v for k, v in data.items() if not (k in optional and isinstance(v, str) and not v.strip())}


class Section(Strict):
    title: str = field(SHORT, description="The section's title, on the agenda and its divider slide.")
    subtitle: str | None = field(Nullable(SHORT), default=None, description="A line under the divider's title.")
    duration: int | None = field(
        Nullable(MINUTES), default=None,
        description="Defaults to the sum of its slides' durations.",
    )
    audience: Audience = field(
        Choice(Audience), default=Audience.ALL,
        description="`facilitator` keeps the whole section out of the deck and handout.",
    )
    divider: bool = field(Flag(), default=True, description="Start the section with a divider slide.")
    notes: str | None = field(Nullable(TEXT), default=None, description="Speaker notes for the divider slide.")
    slides: list[Slide] = field(
        Many(SLIDE, min_length=1, max_length=5_000),
        description="The section's slides, in order; each names its `kind`.",
    )


def _with_titles(slides: object, language: str) -> object:
    if not isinstance(slides, list):
        return slides
    return [
        {**s, "title": default_title(s["kind"], language)}
        if isinstance(s, dict) and s.get("kind") in TITLED_BY_DEFAULT and "title" not in s else s
        for s in slides
    ]


def _default_opening() -> list[Slide]:
    from workshop.model.slides import AgendaSlide, TitleSlide

    return [TitleSlide(kind="title"), AgendaSlide(kind="agenda")]


class Workshop(Strict):
    workshop: Meta = field(
        Meta, description="The workshop's meta data: title, client, date, start, duration, language.",
    )
    vars: dict[str, object] = field(
        Anything(), factory=dict,
        description="Default template variables; a client file and --set override them.",
    )
    opening: list[Slide] = field(
        Many(SLIDE, max_length=20), factory=_default_opening,
        description="Untimed slides before the first section; defaults to a title and an agenda slide.",
    )
    sections: list[Section] = field(
        Many(Section, min_length=1, max_length=200),
        description="The timed blocks of the workshop, in order.",
    )

    @classmethod
    def model_prepare(cls, data: dict[str, Any]) -> dict[str, Any]:
        """Slides that leave out their title get the word for it in the outline's language."""
        meta = data.get("workshop")
        language = meta.get("language") if isinstance(meta, dict) else None
        language = language if isinstance(language, str) else DEFAULT
        out = dict(data)
        if "opening" not in out:
            out["opening"] = [{"kind": "title"}, {"kind": "agenda"}]
        out["opening"] = _with_titles(out["opening"], language)
        sections = out.get("sections")
        if isinstance(sections, list):
            out["sections"] = [
                {**s, "slides": _with_titles(s["slides"], language)} if isinstance(s, dict) and "slides" in s else s
                for s in sections
            ]
        return out

    @property
    def meta(self) -> Meta:
        return self.workshop
