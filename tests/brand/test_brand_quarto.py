"""A _brand.yml written for a Quarto project loads, with clear messages for what we cannot use."""

from __future__ import annotations

import textwrap

import pytest

from workshop.brand.load import load_brand, load_brand_with_findings
from workshop.errors import Severity, WorkshopError

QUARTO = """
meta:
  name: Acme Analytics
  link:
    home: https://acme.example
    github: https://github.com/acme
  founded: 1999
logo:
  images:
    icon: logos/icon.png
    full:
      path: logos/full.png
      alt: Acme Analytics logo
    vector: logos/full.svg
  small: icon
  medium: vector
  large:
    light: full
    dark: logos/full-dark.png
color:
  palette:
    blue: "#447099"
    deep-blue: blue
    orange: "#EE6331"
    charcoal: "#151515"
    white: "#FFFFFF"
  foreground: charcoal
  background: white
  primary: deep-blue
  secondary: orange
  tertiary: primary
  light:
    light: white
    dark: charcoal
  dark: "#404041"
typography:
  fonts:
    - family: Lato
      source: google
      weight: [400, 700]
      style: [normal, italic]
    - family: Comic Neue Nonexistent
      source: google
  base:
    family: Lato
    size: 1rem
    line-height: 1.5
  headings: Lato
  monospace: Fira Code Nonexistent
  link:
    color: orange
    decoration: underline
defaults:
  bootstrap:
    defaults:
      navbar-bg: $brand-blue
  quarto:
    format:
      html:
        toc: true
"""

def line_of(text: str, needle: str) -> int:
    """1-based line of ``needle`` in brand text as the brand_dir fixture writes it."""
    lines = textwrap.dedent(text).lstrip().splitlines()
    return next(i for i, line in enumerate(lines, 1) if needle in line)


LOGOS = {"logos/icon.png": "png", "logos/full.png": "png", "logos/full-dark.png": "png",
         "logos/full.svg": b'<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg"/>'}


def test_quarto_brand_loads(brand_dir):
    brand, findings = load_brand_with_findings(brand_dir(QUARTO, LOGOS))
    assert brand.meta.name == "Acme Analytics" and brand.meta.link == "https://acme.example"
    assert brand.colors.palette == {"blue": "#447099", "deep-blue": "#447099", "orange": "#EE6331",
                             "charcoal": "#151515", "white": "#FFFFFF"}
    assert brand.colors.primary == "#447099"  # role → palette → palette
    assert brand.colors.tertiary == "#447099"  # role → role
    assert brand.colors.light == "#FFFFFF"  # light/dark pair: the light value
    assert brand.colors.dark == "#404041"
    assert brand.colors.info == "#0277BD"  # not given: our default
    assert brand.typography.base.family.name == "Lato" and brand.typography.headings.family == brand.typography.base.family
    assert brand.typography.monospace.family == brand.typography.base.family  # Fira Code is missing
    assert brand.typography.base.line_height == 1.5
    assert brand.typography.link_color == "#EE6331"
    assert brand.logos.get().path.name == "full.png" and brand.logos.get().alt == "Acme Analytics logo"
    assert brand.logos.get(dark=True).path.name == "full-dark.png"
    assert brand.logos.get("small").path.name == "icon.png"
    assert "medium" not in brand.logos.images  # the SVG one is skipped

    by_code = {}
    for finding in findings:
        by_code.setdefault(finding.code, []).append(finding)
    comic = [f for f in by_code["brand-font-unused"] if "Comic Neue Nonexistent" in f.message]
    assert comic and comic[0].severity is Severity.INFO and comic[0].location.line == line_of(QUARTO, "Comic Neue")
    fira = [f for f in by_code["brand-font-missing"] if "Fira Code Nonexistent" in f.message]
    assert fira and fira[0].severity is Severity.WARNING and fira[0].location.line == line_of(QUARTO, "Fira Code")
    (svg,) = by_code["brand-logo-skipped"]
    assert "SVG" in svg.message and svg.location.line == line_of(QUARTO, "vector: logos/full.svg")
    assert any("icon" in f.message for f in by_code["brand-logo-alt"])


def test_missing_heading_font_falls_back_with_a_warning_at_its_line(brand_dir):
    text = QUARTO.replace("  headings: Lato", "  headings: Comic Neue Nonexistent")
    brand, findings = load_brand_with_findings(brand_dir(text, LOGOS))
    assert brand.typography.headings.family.name == "Lato"  # the shipped sans
    assert brand.typography.headings.stack == ("Comic Neue Nonexistent", "Lato")
    (warning,) = [f for f in findings if f.code == "brand-font-missing" and "Comic" in f.message]
    assert warning.severity is Severity.WARNING
    assert warning.location.line == line_of(text, "headings: Comic") and warning.location.file.endswith("_brand.yml")
    assert "https://fonts.google.com/specimen/Comic+Neue+Nonexistent" in warning.message


def test_unknown_keys_in_brand_yml_sections_are_tolerated(brand_dir):
    brand, findings = load_brand_with_findings(brand_dir("""
        color:
          primay: "#447099"
          primary: "#000080"
        shiny: {theme: dark}
        """))
    assert brand.colors.primary == "#000080"
    typo = next(f for f in findings if "primay" in f.message)
    assert typo.severity is Severity.WARNING and "did you mean 'primary'" in typo.message
    assert typo.location.line == 2
    assert any("shiny" in f.message and f.severity is Severity.INFO for f in findings)


def test_minimal_brand_uses_house_fonts(brand_dir):
    brand, findings = load_brand_with_findings(brand_dir("color:\n  primary: teal\n"))
    assert brand.colors.primary == "#008080"
    assert brand.typography.base.family.name == "Lato" and brand.typography.headings.family.name == "Lato"
    assert brand.logos.get() is None and brand.meta.name == "acme"
    assert any(f.code == "brand-font-default" for f in findings)


def test_single_logo_forms(brand_dir):
    brand = load_brand(brand_dir("logo: mark.png\n", {"mark.png": "png"}))
    assert brand.logos.get().path.name == "mark.png" and brand.logos.get().width == 40 and brand.logos.get().height == 20
    brand = load_brand(brand_dir("logo:\n  path: mark.png\n  alt: The mark\n", {"mark.png": "png"}))
    assert brand.logos.get().alt == "The mark"


def test_unquoted_hex_colour_gets_a_quoting_hint(brand_dir):
    with pytest.raises(WorkshopError) as caught:
        load_brand(brand_dir("color:\n  primary: #447099\n"))
    assert caught.value.location.line == 2
    assert "quotes" in caught.value.hint


def test_colour_name_typo_suggests_the_palette_entry(brand_dir):
    with pytest.raises(WorkshopError) as caught:
        load_brand(brand_dir("""
            color:
              palette:
                forest: "#1F4030"
              primary: forrest
            """))
    assert caught.value.location.line == 4
    assert "forest" in caught.value.hint


def test_circular_colour_names_are_an_error(brand_dir):
    with pytest.raises(WorkshopError) as caught:
        load_brand(brand_dir("""
            color:
              palette:
                a: b
                b: a
              primary: a
            """))
    assert "circle" in caught.value.message


def test_low_contrast_is_a_warning_once_at_the_colour(brand_dir):
    from workshop.check.contrast import contrast_findings

    text = """
        color:
          foreground: "#999999"
          background: white
        """
    brand = load_brand(brand_dir(text))
    (contrast,) = [f for f in contrast_findings(brand) if "'foreground' (#999999) on 'background'" in f.message]
    assert "2.85:1" in contrast.message and "4.5:1" in contrast.message
    assert contrast.location.line == line_of(text, "foreground:")


def test_declared_font_files_are_used(brand_dir):
    import shutil

    from workshop.brand.fontfiles import package_place

    lato = {p.name: p for p in package_place().fonts}
    folder = brand_dir("""
        typography:
          fonts:
            - family: Lato
              source: file
              files:
                - fonts/body.ttf
                - path: fonts/body-strong.ttf
                  weight: bold
                - path: fonts/body.woff2
          base: Lato
        """)
    (folder / "fonts").mkdir()
    shutil.copy(lato["Lato-Regular.ttf"], folder / "fonts" / "body.ttf")
    shutil.copy(lato["Lato-Black.ttf"], folder / "fonts" / "body-strong.ttf")
    brand, findings = load_brand_with_findings(folder)
    assert brand.typography.base.family.regular == folder.resolve() / "fonts" / "body.ttf"
    assert brand.typography.base.family.bold == folder.resolve() / "fonts" / "body-strong.ttf"
    assert any(f.code == "brand-font-skipped" and "woff2" in f.message for f in findings)
