"""Shared by the PDF tests: an outline with every slide kind, building and reading PDFs.

Loaded by the conftest files of tests/render/{pdf,handout,guide} (pytest runs
in importlib mode, so this is imported by path, once, under one name).
"""

from __future__ import annotations

import contextlib
import functools
import io
import re
import textwrap
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from workshop.assets import collect_assets
from workshop.brand.load import load_brand
from workshop.outline.load import load_outline
from workshop.plan.build import make_plan

REPO = Path(__file__).resolve().parents[3]

HOSTILE = [
    "Q&A <live>",
    "<img src=x>",
    '<a href="javascript:alert(1)">klik</a>',
    "&bogus;",
    "a<b",
    "<b>unbalanced",
    "<font color=red>rood</font>",
]

# Strings that only the guide may contain (facilitator content).
SECRETS = {
    "facilitator slide": "ALLEEN-BEGELEIDER-STELLING",
    "facilitator section": "GEHEIM-SECTIEPUNT",
    "notes": "NOTITIE-BIJ-CITAAT",
    "section notes": "NOTITIE-BIJ-HOOFDSTUK",
    "quiz explanation": "UITLEG-VAN-HET-ANTWOORD",
    "exercise notes": "NOTITIE-BIJ-OEFENING",
}

EVERY_KIND = """
workshop:
  title: "Visser of vis: de klant kiest"
  subtitle: Waarom ‘gevonden worden’ meer oplevert dan vissen – een workshop
  client: Acme Tuinmeubelen
  facilitator: Noor Bakker
  date: 12 maart 2027
  start: "09:30"
  language: nl
  client_logo: klantlogo.png
  client_color: "#2F7D4F"

sections:
  - title: Wat de klant écht wil
    subtitle: Ideeën over macht en keuze
    duration: 30m
    notes: NOTITIE-BIJ-HOOFDSTUK de groep opwarmen.
    slides:
      - kind: quote
        text: "Let's remember who has the power (not you)."
        by: Tamsen Webster
        source: Find Your Red Thread, 2021
        notes: NOTITIE-BIJ-CITAAT vraag wie de macht heeft.
      - kind: stat
        title: Twee snoepjes
        value: 21%
        label: meer fooi met twee snoepjes bij de rekening
        source: Journal of Applied Social Psychology
        chart:
          type: pie
          categories: [Eén snoepje, Twee snoepjes, Geen snoepje]
          series:
            - name: Fooi
              values: [3.3, 21, 0]
          unit: "%"
      - kind: bullets
        title: Vissen of gevonden worden
        bullets:
          - Je bent niet de **visser** die lokt
          - text: Je bent de *vis* die gekozen wordt
            sub:
              - De klant zwemt zelf naar je toe
              - Zorg dat je zichtbaar bent – op het goede moment
          - Niet de boer, maar het zaadje
      - kind: statement
        title: De kern
        text: De klant kiest. **Jij** zorgt dat je gekozen kunt worden.
      - kind: statement
        audience: facilitator
        text: ALLEEN-BEGELEIDER-STELLING alleen voor de begeleider.
      - kind: compare
        title: Visser versus vis
        left:
          heading: Visser
          points: [Lokt met aas, Trekt aan de lijn, Denkt in vangst]
        right:
          heading: Vis
          points: [Kiest zelf, Zwemt naar wat past, Denkt in waarde, Blijft als het goed is]

  - title: Cijfers en beeld
    duration: 30m
    slides:
      - kind: chart
        title: Fooi per aanpak
        chart:
          type: column
          categories: [Geen, Eén, Twee, Eén plus één]
          series:
            - name: Fooi
              values: [0, 3.3, 14.1, 21]
          unit: "%"
        source: Strohmetz e.a., 2002
        caption: De tweede, onverwachte extra maakt het verschil.
      - kind: chart
        title: Bereik per kanaal
        chart:
          type: bar
          categories: [Website, Nieuwsbrief, Beurs]
          series:
            - name: "2026"
              values: [40, 25, 10]
            - name: "2027"
              values: [55, 30, 8]
      - kind: chart
        title: Dorst over de dag
        chart:
          type: line
          categories: ["8:00", "12:00", "16:00", "20:00"]
          series:
            - name: Dorst
              values: [2, 6, 8, 3]
      - kind: table
        title: Zelfde product, ander moment
        header: [Product, Moment, Waarde]
        rows:
          - [Citroensap, "8:15", laag – zuur]
          - [Citroensap, "14:30", hoog – een redding]
        source: Eigen voorbeeld
      - kind: image
        title: De oceaan
        image: foto.png
        alt: Een blauwe oceaan met één vis die naar het licht zwemt.
        caption: De vis kiest zelf waarheen.
        source: Illustratie van de studio
      - kind: steps
        title: De 1+1-methode
        steps:
          - title: Geef iets
            text: Eén snoepje bij de rekening.
          - title: Loop weg
          - title: Kom terug met een tweede
            text: Het onverwachte extraatje doet het werk.

  - title: Test je kennis
    duration: 10m
    slides:
      - kind: quiz
        question: Hoeveel meer fooi gaf de 1+1-methode?
        options: ["3%", "14%", "21%"]
        answer: c
        explanation: UITLEG-VAN-HET-ANTWOORD de tweede extra telt.
        notes: Laat de groep eerst stemmen.
      - kind: quiz
        question: Wie kiest er?
        options: [De visser, De vis]
        answer: b
        reveal: notes

  - title: Pauze
    duration: 15m
    divider: false
    slides:
      - kind: break
        duration: 15m
        text: Koffie, thee – en een snoepje.

  - title: Oefenen
    duration: 40m
    slides:
      - kind: exercise
        title: Wat is jouw tweede snoepje?
        duration: 25m
        goal: Een onverwacht extraatje bedenken voor je eigen klant.
        group: 3–4 personen
        steps:
          - Kies één klantmoment.
          - Bedenk wat je nu al geeft.
          - Bedenk het tweede, onverwachte extraatje.
        materials: [post-its, Stiften, "stiften ", timer]
        worksheet:
          - text: Ons klantmoment
            lines: 2
          - Wat geven we nu al?
          - text: Ons tweede snoepje
            lines: 6
        notes: NOTITIE-BIJ-OEFENING loop rond en help.
      - kind: exercise
        title: Vrij schetsen
        duration: 15m
        steps: [Schets je klantreis.]
        materials: [A3-papier, stiften]

  - title: Voorbereiding begeleider
    audience: facilitator
    duration: 5m
    slides:
      - kind: bullets
        title: Checklist vooraf
        bullets: [GEHEIM-SECTIEPUNT zaal klaarzetten]

  - title: Afronding
    duration: 10m
    slides:
      - kind: closing
        takeaways:
          - De klant kiest, niet jij.
          - Een tweede extra werkt sterker dan de eerste.
        action: Bedenk vóór vrijdag één tweede snoepje voor je klant.
        question: Waar zijn wij nog visser in plaats van vis?
"""


def hostile_outline() -> str:
    """A small outline whose text is reportlab markup that must print literally."""
    q = quote
    every = ", ".join(q(t) for t in HOSTILE)
    return f"""
workshop:
  title: {q(HOSTILE[0])}
  client: {q(HOSTILE[6])}
  language: nl
sections:
  - title: {q(HOSTILE[0])}
    slides:
      - kind: bullets
        title: {q(HOSTILE[0])}
        bullets: [{every}]
        notes: {q(" ".join(HOSTILE))}
      - kind: quote
        text: {q(HOSTILE[2])}
        by: {q(HOSTILE[4])}
      - kind: table
        title: Tabel
        header: [{q(HOSTILE[1])}]
        rows: [[{q(HOSTILE[3])}]]
      - kind: exercise
        title: {q(HOSTILE[5])}
        duration: 5m
        steps: [{every}]
        materials: [{every}]
"""


def quote(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def long_outline() -> str:
    """Made long on purpose: 30 long steps and prompts, 80 bullets, a 300-row table, long notes."""
    long_text = "Een lange zin over de klant die kiest en de visser die wacht. " * 12
    steps = "\n".join(f"          - {quote(f'Stap {n}: {long_text}')}" for n in range(1, 31))
    prompts = "\n".join(f"          - text: Vraag {n} {long_text}\n            lines: 40" for n in range(1, 31))
    bullets = "\n".join(f"          - Punt {n} over vissen en gevonden worden" for n in range(1, 81))
    rows = "\n".join(f"          - [Rij {n}, \"{n % 24}:00\", {long_text if n % 50 == 0 else 'kort'}]"
                     for n in range(1, 301))
    notes = ("Zeg dit rustig. " * 400).strip()
    return f"""
workshop:
  title: Een heel lange workshop
  client: Acme
  language: nl
sections:
  - title: Lang
    slides:
      - kind: exercise
        title: Lange oefening
        duration: 1h
        goal: {long_text}
        steps:
{steps}
        materials: [pen]
        worksheet:
{prompts}
        notes: {notes}
      - kind: bullets
        title: Tachtig punten
        bullets:
{bullets}
      - kind: table
        title: Driehonderd rijen
        header: [Naam, Tijd, Tekst]
        rows:
{rows}
      - kind: quote
        text: {long_text * 8}
        by: Iemand
      - kind: statement
        text: {long_text * 8}
"""


def write_images(folder: Path) -> None:
    from PIL import Image, ImageDraw

    picture = Image.new("RGB", (480, 300), "#1F6FB2")
    ImageDraw.Draw(picture).ellipse((200, 110, 280, 170), fill="#EE6A4D")
    picture.save(folder / "foto.png")
    logo = Image.new("RGBA", (300, 100), (0, 0, 0, 0))
    ImageDraw.Draw(logo).rectangle((10, 10, 290, 90), fill="#2F7D4F")
    logo.save(folder / "klantlogo.png")


@dataclass(frozen=True)
class Built:
    plan: object
    brand: object
    assets: object


def build(folder: Path, text: str, brand: str = "default", name: str = "outline") -> Built:
    folder.mkdir(parents=True, exist_ok=True)
    write_images(folder)
    path = folder / f"{name}.yaml"
    path.write_text(textwrap.dedent(text).lstrip("\n"), encoding="utf-8")
    outline = load_outline(path)
    loaded = load_brand(brand)
    plan = make_plan(outline.workshop, loaded, name=outline.name, outline_path=str(path),
                     sources=outline.sources)
    return Built(plan, loaded, collect_assets(outline))


# -- reading PDFs back, each PDF parsed once per session ---------------------------------------
# Many tests read the same session-built PDF (``handout_pdf``, a sample's handout): parsing
# is what such a test costs, so the readings are cached by the PDF's bytes. They are
# shared: read them, never change them (the page texts are handed out as a fresh list).


@functools.lru_cache(maxsize=32)
def _pypdf_texts(data: bytes) -> tuple[str, ...]:
    from pypdf import PdfReader

    return tuple(normalise(page.extract_text() or "") for page in PdfReader(io.BytesIO(data)).pages)


def page_texts(data: bytes) -> list[str]:
    """Each page's text as pypdf extracts it, whitespace normalised."""
    return list(_pypdf_texts(data))


@functools.lru_cache(maxsize=32)
def plumbed_pages(data: bytes) -> tuple[Any, ...]:
    """pdfplumber's pages of ``data`` (each keeps its parsed characters, rectangles and lines): read only."""
    import pdfplumber

    return tuple(pdfplumber.open(io.BytesIO(data)).pages)


@functools.lru_cache(maxsize=64)
def page_words(data: bytes, extra_attrs: tuple[str, ...] = ()) -> tuple[tuple[dict, ...], ...]:
    """Per page, pdfplumber's ``extract_words(extra_attrs=...)``: read only."""
    return tuple(tuple(page.extract_words(extra_attrs=list(extra_attrs))) for page in plumbed_pages(data))


def normalise(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def all_text(data: bytes) -> str:
    return " ".join(page_texts(data))


@functools.lru_cache(maxsize=32)
def plumber_text(data: bytes) -> str:
    return normalise(" ".join(page.extract_text() or "" for page in plumbed_pages(data)))


# -- fixtures, imported into the conftest of each PDF test folder -----------------------------


@pytest.fixture(scope="session")
def every_kind(tmp_path_factory) -> Built:
    return build(tmp_path_factory.mktemp("every-kind"), EVERY_KIND)


@pytest.fixture(scope="session")
def handout_pdf(every_kind) -> bytes:
    from workshop.render.handout import render_handout

    return render_handout(every_kind.plan, every_kind.brand, every_kind.assets)


@pytest.fixture(scope="session")
def guide_pdf(every_kind) -> bytes:
    from workshop.render.guide import render_guide

    return render_guide(every_kind.plan, every_kind.brand, every_kind.assets)


def orphaned_headings(data: bytes, heading_font: str, min_size: float = 12) -> list[tuple[int, str]]:
    """Headings (``heading_font``, e.g. ``RedHatDisplay-Bold``) that are the last text on a
    page, running footer excluded: (page, text). The cover is a poster and is skipped."""
    found = []
    pages = plumbed_pages(data)
    for number, (page, words_on_page) in enumerate(zip(pages, page_words(data, ("fontname", "size")), strict=True),
                                                 start=1):
        if number == 1 and "HANDOUT" in (page.extract_text() or "")[:200]:
            continue
        words = [w for w in words_on_page if 30 * 72 / 25.4 < w["top"] < page.height - 22 * 72 / 25.4]
        if not words:
            continue
        last_top = max(w["top"] for w in words)
        line = [w for w in words if abs(w["top"] - last_top) < 2]
        if all(w["fontname"].split("+")[-1] == heading_font and w["size"] >= min_size for w in line):
            found.append((number, " ".join(w["text"] for w in line)))
    return found


def extreme_outline(steps_count: int = 30) -> str:
    """Every limit the schema allows at once, close to its maximum (``steps_count``: of the 30 steps allowed)."""
    word = "lang" * 3
    text = quote(("Heel " + word + " ") * 550)  # 9,900 characters
    cats = ", ".join(f"c{n}" for n in range(500))
    series = "\n".join(f"            - name: s{n}\n              values: [{', '.join(str((n * k) % 97) for k in range(500))}]"
                       for n in range(12))
    pie_cats = ", ".join(f"Categorie {n}" for n in range(100))
    pie_values = ", ".join(str(n + 1) for n in range(100))
    header = ", ".join(f"Kolom {n}" for n in range(12))
    row = ", ".join([quote("x" * 300)] * 12)
    points = ", ".join([quote("Een punt " * 40)] * 50)
    steps = "\n".join(f"          - title: {quote('Stap ' * 100)}\n            text: {text}" for _ in range(steps_count))
    return f"""
workshop:
  title: {quote(("Titel " * 333)[:2000])}
  subtitle: {quote(("Ondertitel " * 180)[:2000])}
  client: Acme
  language: nl
sections:
  - title: Extreem
    slides:
      - kind: bullets
        title: Lang
        bullets: [{text}, {text}]
      - kind: quote
        text: {text}
        by: Iemand
      - kind: statement
        text: {text}
      - kind: stat
        value: "123456789012345678901234567890"
        label: {text}
        chart:
          type: pie
          categories: [{pie_cats}]
          series:
            - name: Aandeel
              values: [{pie_values}]
      - kind: chart
        title: Veel
        chart:
          type: column
          categories: [{cats}]
          series:
{series}
      - kind: table
        title: Breed
        header: [{header}]
        rows: [[{row}], [{row}]]
      - kind: compare
        title: Lang
        left: {{heading: Links, points: [{points}]}}
        right: {{heading: Rechts, points: [{points}]}}
      - kind: steps
        title: Stappen
        steps:
{steps}
      - kind: exercise
        title: Zonder lijnen
        duration: 5m
        steps: [{text}]
        worksheet:
          - text: {text}
            lines: 0
          - text: Veel lijnen
            lines: 40
"""


def ending_text(chars: int, end: str) -> str:
    """``chars`` characters of short Dutch words (none hyphenated) that end in ``end``."""
    filler = "wij doen het samen en met zorg voor wie er is "
    body = (filler * (chars // len(filler) + 1))[: chars - len(end) - 1]
    return body.rsplit(" ", 1)[0] + " " + end


def limits_outline(steps: int = 0, points: int = 0, chars: int = 10_000) -> str:
    """A steps slide of ``steps`` steps and a compare slide of ``points`` points a column, each text
    ``chars`` long, as the schema allows at most (30 steps, 50 points, 10,000 characters).

    Each text ends in its own words, "einde stap 7", "einde links 12", for a test to look for.
    """
    slides = []
    if steps:
        items = "\n".join(f"          - title: Stap {n}\n            text: {quote(ending_text(chars, f'einde stap {n}'))}"
                          for n in range(1, steps + 1))
        slides.append(f"      - kind: steps\n        title: Stappen\n        steps:\n{items}")
    if points:
        columns = {side: ", ".join(quote(ending_text(chars, f"einde {side} {n}")) for n in range(1, points + 1))
                   for side in ("links", "rechts")}
        slides.append(f"      - kind: compare\n        title: Vergelijk\n"
                      f"        left: {{heading: Links, points: [{columns['links']}]}}\n"
                      f"        right: {{heading: Rechts, points: [{columns['rechts']}]}}")
    body = "\n".join(slides)
    return f"workshop:\n  title: Grenzen\n  language: nl\nsections:\n  - title: Een\n    slides:\n{body}\n"


def limit_endings(steps: int = 0, points: int = 0) -> list[str]:
    """The last words of every text in ``limits_outline(steps, points)``."""
    return ([f"einde stap {n}" for n in range(1, steps + 1)]
            + [f"einde {side} {n}" for side in ("links", "rechts") for n in range(1, points + 1)])


@contextlib.contextmanager
def counting_breaks() -> Iterator[list[int]]:
    """``[characters]`` given to reportlab's line breaker while the block runs (a split's rest it is not
    given again is not counted): linear in the text when no page breaks all the rest again."""
    from reportlab.platypus import Paragraph

    counted = [0]
    breaker = Paragraph.breakLines

    def counting(self: Any, width: Any) -> Any:
        counted[0] += sum(_frag_chars(f) for f in self.frags)
        return breaker(self, width)

    Paragraph.breakLines = counting
    try:
        yield counted
    finally:
        Paragraph.breakLines = breaker


def _frag_chars(frag: Any) -> int:
    """The text of one of reportlab's fragments: parsed, a word list (a split's rest) or a broken word."""
    if isinstance(frag, list):
        return sum(len(text) for _, text in frag[1:])
    if hasattr(frag, "words"):
        return sum(len(word) + 1 for word in frag.words)
    return len(getattr(frag, "text", ""))


def pdftotext(data: bytes) -> str:
    """poppler's text of the whole PDF, whitespace normalised (fast on hundreds of pages)."""
    import subprocess

    done = subprocess.run(["pdftotext", "-q", "-", "-"], input=data, capture_output=True, check=True)
    return normalise(done.stdout.decode("utf-8"))


SAMPLES = sorted((REPO / "decks").glob("*.yaml")) + sorted((REPO / "docs" / "examples").glob("*.yaml"))


def sample_plan(path: Path):
    """Plan, brand and assets of a sample outline, as ``workshop build`` makes them."""
    outline = load_outline(path.relative_to(REPO))
    brand = load_brand("default")
    plan = make_plan(outline.workshop, brand, name=outline.name, outline_path=str(path), sources=outline.sources)
    return plan, brand, collect_assets(outline)


def continued_outline(count: int = 40) -> str:
    """A bullets slide too long for one slide: the plan continues it over several."""
    bullets = "\n".join(f"          - Punt nummer {n} met genoeg tekst om een regel te vullen" for n in range(1, count + 1))
    return f"""
workshop:
  title: Vervolg
  language: nl
sections:
  - title: Lang
    duration: 20m
    slides:
      - kind: bullets
        title: Heel veel punten
        notes: Eén keer zeggen.
        bullets:
{bullets}
"""


DECKS = sorted((REPO / "decks").glob("*.yaml"))
ACME = REPO / "decks" / "clients" / "acme.yaml"


@pytest.fixture(scope="session")
def sample_handouts() -> dict[tuple[str, str, str], bytes]:
    """Every sample outline's handout, both brands, with and without the Acme profile.

    Keyed by (outline name, brand, "acme" or ""), built once per test session.
    """
    from workshop.render.handout import render_handout

    out = {}
    for brand_name in ("default", "noord"):
        brand = load_brand(brand_name)
        for path in DECKS:
            for client in ("", "acme"):
                outline = load_outline(path.relative_to(REPO), vars_files=[ACME] if client else [],
                                       trusted=[ACME.parent])
                plan = make_plan(outline.workshop, brand, name=outline.name, outline_path=str(path),
                                 sources=outline.sources)
                out[(path.stem, brand_name, client)] = render_handout(plan, brand, collect_assets(outline))
    return out


MM = 72 / 25.4


def page_fill(data: bytes, top: float = 26 * MM, bottom: float = 22 * MM) -> list[float]:
    """Per page, how far down the body frame anything is drawn (0 = empty, 1 = full).

    The frame is the page less its margins (the running header and footer sit
    outside it); the fill is the distance from the frame's top to the lowest
    drawn thing (text, rule, box, line, image) over the frame's height.
    """
    fills = []
    for page in plumbed_pages(data):
        frame_top, frame_bottom = top, page.height - bottom
        lowest = frame_top
        for kind in ("chars", "rects", "lines", "curves", "images"):
            for obj in getattr(page, kind):
                if kind == "chars" and not obj["text"].strip():
                    continue
                if obj["top"] >= frame_top - 2 and obj["bottom"] <= frame_bottom + 2:
                    lowest = max(lowest, obj["bottom"])
        fills.append(min(1.0, (lowest - frame_top) / (frame_bottom - frame_top)))
    return fills


def worksheet_pages(data: bytes) -> set[int]:
    """Pages (1-based) that hold a worksheet: from the page with its kicker up to the next outline entry."""
    from pypdf import PdfReader

    reader = PdfReader(io.BytesIO(data))
    marks: list[int] = []

    def walk(items) -> None:
        for item in items:
            if isinstance(item, list):
                walk(item)
            else:
                marks.append(reader.get_destination_page_number(item) + 1)

    walk(reader.outline)
    from workshop.language.table import WORDS

    kickers = [w.upper() for w in WORDS["worksheet"]]
    texts = page_texts(data)
    pages = set()
    for number, text in enumerate(texts, start=1):
        if any(k in text for k in kickers):
            later = [m for m in marks if m > number]
            end = min(later) - 1 if later else len(texts)
            pages.update(range(number, max(number, end) + 1))
    return pages


@dataclass(frozen=True)
class PageFacts:
    fills: list[float]  # page_fill
    worksheets: set[int]  # worksheet_pages
    texts: list[str]  # page_texts


@pytest.fixture(scope="session")
def sample_pages(sample_handouts) -> dict[tuple[str, str, str], PageFacts]:
    """The sample handouts' pages measured once (pdfplumber is slow on a shared machine)."""
    return {key: PageFacts(page_fill(data), worksheet_pages(data), page_texts(data))
            for key, data in sample_handouts.items()}
