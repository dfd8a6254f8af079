"""A brand with logos, an outline using every slide kind, its plan and the rendered deck."""

from __future__ import annotations

import importlib.util
import io
import textwrap
from pathlib import Path
from types import MappingProxyType

import pytest
from PIL import Image, ImageDraw

from workshop.assets import collect_assets
from workshop.brand.model import Brand, Colors, FontFamily, Logo, Logos, Meta, Typography
from workshop.outline.load import load_outline
from workshop.plan.build import make_plan

EVERY_KIND = """
workshop:
  title: Citroensap
  subtitle: Waarde ontstaat pas bij de klant
  client: Acme
  facilitator: Noor Bakker
  date: "2027-03-12"
  start: "09:30"
  language: nl
  client_logo: images/client.png
  client_color: "#7B2D8E"
sections:
  - title: Opening
    duration: 30m
    slides:
      - kind: bullets
        title: Wat we vandaag doen
        bullets:
          - text: Waarde zien door de ogen van de klant
            sub: [Het juiste moment, Het juiste probleem]
          - Oefenen met **echte** cases
        notes: Vertel kort wat we gaan doen.
      - kind: statement
        title: Stelling
        text: Een product is niets waard **tot** het een probleem oplost.
        notes: Laat de stelling even hangen.
      - kind: quote
        text: Let's remember who has the power (not you).
        by: Tamsen Webster
        source: Find Your Red Thread
        notes: Vraag wie de macht heeft.
      - kind: compare
        title: Visser of vis?
        left: {heading: De visser, points: [Gooit lokaas uit, Bepaalt het moment]}
        right: {heading: De vis, points: [Wordt gekozen, Kan terug de zee in]}
        notes: Eerst links, dan rechts.
  - title: Bewijs
    duration: 30m
    slides:
      - kind: stat
        value: 21%
        label: meer fooi met twee snoepjes bij de rekening
        source: Journal of Applied Psychology
        notes: Het getal.
        chart:
          type: column
          categories: [Geen, Eén, 1+1]
          series: [{name: Fooi, values: [0, 3.3, 21]}]
          unit: "%"
      - kind: chart
        title: Fooi per aanpak
        chart:
          type: bar
          categories: [Geen snoepje, Eén snoepje, Eén plus één]
          series:
            - {name: Studie A, values: [0, 3.3, 21]}
            - {name: Studie B, values: [0, 2.5, 18]}
          unit: "%"
        caption: Het onverwachte extraatje wint.
        source: Journal of Applied Psychology
        notes: Staafdiagram.
      - kind: chart
        title: Waar de tijd heen gaat
        chart:
          type: pie
          categories: [Voorbereiden, Uitvoeren, Nabespreken]
          series: [{name: Tijd, values: [20, 55, 25]}]
      - kind: chart
        title: Tevredenheid
        chart:
          type: line
          categories: [Q1, Q2, Q3]
          series: [{name: Score, values: [6.8, 7.1, 7.9]}]
      - kind: table
        title: Drie soorten waarde
        header: [Soort, Voorbeeld, Moment]
        rows:
          - [Functioneel, Citroensap op de vis, Bij het eten]
          - [Emotioneel, Een handgeschreven kaartje, Na de aankoop]
        source: Eigen analyse
        notes: Tabel.
      - kind: image
        title: Eén vis uit een hele oceaan
        image: images/oceaan.png
        alt: Een oceaan vol vissen met één oranje vis in een lichtbundel.
        caption: Wat maakt dat de klant juist jou eruit pikt?
        source: Studio Zeewind
        notes: Laat het beeld even staan.
  - title: Doen
    duration: 45m
    slides:
      - kind: steps
        title: De 1+1-methode
        steps:
          - {title: Geef, text: Eén snoepje bij de rekening}
          - {title: Loop weg}
          - Kom terug
        notes: Drie stappen.
      - kind: quiz
        question: Wat levert het meeste fooi op?
        options: [Geen snoepje, Eén snoepje, Eén plus één]
        answer: c
        explanation: Het onverwachte tweede snoepje voelt als aandacht.
        notes: Laat stemmen.
      - kind: quiz
        title: Even checken
        question: Wie heeft de macht?
        options: [De organisatie, De klant]
        answer: b
        reveal: notes
        explanation: De klant kiest.
      - kind: exercise
        title: Wat is jouw citroensap?
        duration: 15m
        goal: Ontdek op welk moment jouw product waarde krijgt.
        group: 3-4 personen
        steps: [Kies een product, Beschrijf het moment van waarde, Deel met de groep]
        materials: [post-its, stiften]
        notes: Loop rond.
  - title: Pauze
    duration: 15m
    divider: false
    slides:
      - kind: break
        duration: 15m
        text: Koffie staat klaar.
  - title: Afsluiting
    duration: 10m
    slides:
      - kind: closing
        takeaways: [Waarde ontstaat bij de klant, Timing is alles]
        action: Zoek deze week één citroensap-moment.
        question: Wanneer is jouw product het meest waard?
        notes: Bedank iedereen.
"""


def png(width: int, height: int, color: str) -> bytes:
    image = Image.new("RGB", (width, height), "#FFFFFF")
    ImageDraw.Draw(image).rectangle([width // 8, height // 8, width * 7 // 8, height * 7 // 8], fill=color)
    buffer = io.BytesIO()
    image.save(buffer, "PNG")
    return buffer.getvalue()


def lato() -> FontFamily:
    folder = Path(next(iter(importlib.util.find_spec("font_lato").submodule_search_locations)))
    files = {p.stem: p for p in folder.rglob("*.ttf")}
    return FontFamily("Lato", files["Lato-Regular"], files["Lato-Bold"], files["Lato-Italic"], files["Lato-BoldItalic"])


def make_brand(folder: Path, **changes) -> Brand:
    """A brand in code (Lato, default colours, light and dark logos) for renderer tests."""
    family = lato()
    logo = Logo(folder / "logo.png", "Studio Zeewind", 400, 100, "png", png(400, 100, "#0B5FA5"))
    dark = Logo(folder / "logo-dark.png", "Studio Zeewind", 400, 100, "png", png(400, 100, "#FFFFFF"))
    colors = changes.pop("colors", Colors())
    logos = Logos(MappingProxyType({"large": logo, "large-dark": dark}), wordmark="Studio Zeewind")
    values = dict(name="test", folder=folder, meta=Meta("Studio Zeewind", "Studio Zeewind"), colors=colors,
                  typography=Typography.of(family, colors), logos=logos)
    values.update(changes)
    return Brand(**values)


@pytest.fixture(scope="session")
def brand(tmp_path_factory) -> Brand:
    return make_brand(tmp_path_factory.mktemp("brand"))


@pytest.fixture(scope="session")
def outline_path(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("outline")
    (folder / "images").mkdir()
    (folder / "images" / "oceaan.png").write_bytes(png(800, 450, "#1B4F72"))
    (folder / "images" / "client.png").write_bytes(png(300, 100, "#7B2D8E"))
    path = folder / "every-kind.yaml"
    path.write_text(textwrap.dedent(EVERY_KIND).lstrip(), encoding="utf-8")
    return path


@pytest.fixture(scope="session")
def outline(outline_path):
    return load_outline(outline_path)


@pytest.fixture(scope="session")
def assets(outline):
    return collect_assets(outline)


@pytest.fixture(scope="session")
def plan(outline, brand):
    return make_plan(outline.workshop, brand, name=outline.name, outline_path=str(outline.path),
                     sources=outline.sources)


@pytest.fixture(scope="session")
def deck_bytes(plan, brand, assets) -> bytes:
    from workshop.render.deck import render_deck

    return render_deck(plan, brand, assets)


@pytest.fixture(scope="session")
def prs(deck_bytes):
    from pptx import Presentation

    return Presentation(io.BytesIO(deck_bytes))


@pytest.fixture(scope="session")
def pairs(prs, plan):
    """(planned slide, rendered slide) in deck order."""
    return list(zip(plan.deck_slides, prs.slides))
