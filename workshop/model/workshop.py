"""The workshop as a whole: meta data and timed sections of slides."""

from __future__ import annotations

from typing import Annotated

from pydantic import Field, StringConstraints, field_validator, model_validator

from workshop.language.table import DEFAULT
from workshop.model.durations import ClockTime, Minutes
from workshop.model.slides import TITLED_BY_DEFAULT, Audience, Short, Slide, Strict, Text, default_title

Language = Annotated[str, StringConstraints(pattern=r"^[a-zA-Z]{2,3}(-[a-zA-Z0-9]{2,8})*$")]
HexColor = Annotated[str, StringConstraints(pattern=r"^#?[0-9a-fA-F]{6}$")]
Line = Annotated[str, StringConstraints(min_length=1, max_length=200)]
Url = Annotated[str, StringConstraints(min_length=1, max_length=500)]


def check_url(value: str | None) -> str | None:
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

    contact: list[Line] = Field(
        default_factory=list, max_length=8,
        description="Lines of contact details on the back cover (name, e-mail, phone). "
                    "Default: the facilitator, then the brand's `contact` lines.",
    )
    next_steps: list[Short] = Field(
        default_factory=list, max_length=8,
        description="What participants do after the workshop, as a numbered list on the back cover.",
    )
    url: Url | None = Field(
        None, examples=["https://helder.example/citroensap"],
        description="A web address for more (materials, a follow-up form), printed on the back cover with a "
                    "QR code. Default: the brand's `meta.link`.",
    )
    qr: bool = Field(True, description="Draw `url` as a QR code on the back cover.")
    notes_page: bool = Field(True, description="A page for notes before the back cover.")

    @field_validator("url")
    @classmethod
    def _url(cls, value: str | None) -> str | None:
        return check_url(value)


class Meta(Strict):
    title: Short = Field(description="The workshop's title: title slide, handout cover, document properties.")
    subtitle: Short | None = Field(None, description="A line under the title.")
    client: Short | None = Field(None, description="The client's name: title slide, footer, handout cover.")
    facilitator: Short | None = Field(None, description="Who runs the session.")
    author: Short | None = Field(None, description="Document author; defaults to the facilitator.")
    date: Short | None = Field(
        None, examples=["2027-03-12", "12 maart 2027"],
        description="An ISO date is written out in the workshop's language (12 maart 2027, March 12, 2027, "
                    "12. März 2027, 12 mars 2027); any other text is shown as typed.",
    )
    start: ClockTime = Field("09:00", validate_default=True, description="Clock time the workshop starts.")
    duration: Minutes | None = Field(None, description="Total time budget; sections must add up to it.")
    language: Language = Field(
        DEFAULT,
        description="Language tag (nl, en, de, fr, nl-BE…): the words the tool adds, proofing, document language.",
    )
    footer: Short | None = Field(None, description="Footer text; defaults to client and date.")
    client_logo: Short | None = Field(None, description="Client logo (PNG/JPEG) for co-branding.")
    client_color: HexColor | None = Field(None, description="Client accent colour for co-branding.")
    client_footer: bool = Field(
        False, description="Show the client logo in the footer of every content slide too, before ours.",
    )

    handout: HandoutBack = Field(
        default_factory=HandoutBack,
        description="The handout's back matter: contact, next steps and a web address (with QR code) on the "
                    "back cover, and whether a notes page comes before it.",
    )

    @model_validator(mode="before")
    @classmethod
    def _empty_is_absent(cls, data: object) -> object:
        """A line a variable left empty (``client: "{{ client.name }}"`` without a profile) is left out.

        So a deck built without a client profile names no client on its cover
        or in its footer, rather than a placeholder such as "Your organisation".
        """
        if not isinstance(data, dict):
            return data
        optional = ("subtitle", "client", "facilitator", "author", "date", "footer", "client_logo", "client_color")
        return {k: v for k, v in data.items() if not (k in optional and isinstance(v, str) and not v.strip())}


class Section(Strict):
    title: Short = Field(description="The section's title, on the agenda and its divider slide.")
    subtitle: Short | None = Field(None, description="A line under the divider's title.")
    duration: Minutes | None = Field(None, description="Defaults to the sum of its slides' durations.")
    audience: Audience = Field(
        Audience.ALL,
        description="`facilitator` keeps the whole section out of the deck and handout.",
    )
    divider: bool = Field(True, description="Start the section with a divider slide.")
    notes: Text | None = Field(None, description="Speaker notes for the divider slide.")
    slides: list[Slide] = Field(
        min_length=1, max_length=5_000,
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


def _default_opening() -> list:
    from workshop.model.slides import AgendaSlide, TitleSlide

    return [TitleSlide(kind="title"), AgendaSlide(kind="agenda")]


class Workshop(Strict):
    workshop: Meta = Field(description="The workshop's meta data: title, client, date, start, duration, language.")
    vars: dict[str, object] = Field(
        default_factory=dict,
        description="Default template variables; a client file and --set override them.",
    )
    opening: list[Slide] = Field(
        default_factory=_default_opening,
        max_length=20,
        description="Untimed slides before the first section; defaults to a title and an agenda slide.",
    )
    sections: list[Section] = Field(
        min_length=1, max_length=200,
        description="The timed blocks of the workshop, in order.",
    )

    @model_validator(mode="before")
    @classmethod
    def _titles_in_its_language(cls, data: object) -> object:
        """Slides that leave out their title get the word for it in the outline's language."""
        if not isinstance(data, dict):
            return data
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
