"""Hyphenation by language (pyphen), no one-word last lines, and numbers never cut."""

from __future__ import annotations

import pytest

from workshop.brand.load import load_brand
from workshop.render.pdf import markup
from workshop.render.pdf.hyphenation import hyphenator, syllables
from workshop.render.pdf.kit import make_kit


def _lines(kit, text: str, style, width: float) -> list[str]:
    paragraph = kit.p(text, style)
    paragraph.wrap(width, 10_000)
    out = []
    for line in paragraph.blPara.lines:
        words = [w.text for w in line.words] if hasattr(line, "words") else list(line[1])
        out.append(" ".join(words).replace("\u00a0", " ").strip())
    return out


@pytest.mark.parametrize(("language", "word", "expected"), [
    ("de", "Kundenbeziehungsmanagementverantwortliche", "Kun-den-be-zie-hungs-ma-na-ge-ment-ver-ant-wort-li-che"),
    ("nl", "Toegankelijk", "Toe-gan-ke-lijk"),
    ("en", "reciprocity", "re-ci-pro-city"),
    ("fr", "responsabilité", "res-pon-sa-bi-lité"),  # never fewer than 3 letters after a break
])
def test_the_dictionaries_ship_with_pyphen(language, word, expected):
    assert syllables(language, word) == expected


def test_no_dictionary_no_hyphenation():
    assert hyphenator("xx") is None
    assert hyphenator("") is None


def test_numbers_and_clock_times_are_never_offered_for_a_break():
    pairs = hyphenator("nl")
    assert list(pairs("08:15")) == [] and list(pairs("1.250.000")) == [] and list(pairs("2026")) == []
    assert list(pairs("Toegankelijk"))


@pytest.mark.parametrize(("language", "word"), [("de", "Kundenbeziehungsmanagementverantwortliche"),
                                                ("nl", "Toegankelijkheidsverklaring")])
def test_a_long_compound_in_a_narrow_column_breaks_at_syllables_with_a_hyphen(language, word):
    kit = make_kit(load_brand("default"), language, 1.05)
    lines = _lines(kit, word, kit.styles.cell, 70)
    assert len(lines) > 1
    assert all(line.endswith("-") for line in lines[:-1]), lines
    pieces = [line.rstrip("-") for line in lines]
    assert "".join(pieces) == word
    allowed = syllables(language, word).split("-")
    bounds = {sum(len(s) for s in allowed[:n]) for n in range(len(allowed) + 1)}
    position = 0
    for piece in pieces[:-1]:
        position += len(piece)
        assert position in bounds, (piece, lines)  # every break is at a syllable


def test_toegankelijk_is_never_cut_before_its_last_letter():
    kit = make_kit(load_brand("default"), "nl", 1.05)
    for width in range(40, 90, 3):
        lines = _lines(kit, "Toegankelijk", kit.styles.cell, width)
        assert all(len(line.rstrip("-")) > 1 for line in lines), (width, lines)
        assert lines[-1] != "k"


def test_clock_times_and_figures_in_a_wide_table_stay_whole(tmp_path):
    import io

    import pdfplumber
    from pdf_support import build

    from workshop.render.handout import render_handout

    built = build(tmp_path, """
        workshop:
          title: Dagplanning
          language: nl
        sections:
          - title: Planning
            slides:
              - kind: table
                title: Wie wanneer
                header: [Rol, Begin, Einde, Zaal, Groep, Aantal, Notitie]
                rows:
                  - [Klantcontactmedewerkers, "08:15", "09:45", "1.250", "3-4", "120.000", Toegankelijk]
                  - [Leiding, "13:30", "15:00", "12", "2", "7", kort]
        """)
    data = render_handout(built.plan, built.brand, built.assets)
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        words = [w["text"] for page in pdf.pages for w in page.extract_words()]
    for token in ("08:15", "09:45", "1.250", "120.000", "13:30", "Toegankelijk"):
        assert token in words, (token, words)


def test_no_one_word_last_lines():
    kit = make_kit(load_brand("default"), "nl", 1.05)
    text = "De klant kiest zelf waar ze naartoe zwemt, en wij zorgen dat we gevonden kunnen worden op het goede moment"
    for width in range(150, 420, 7):
        lines = _lines(kit, text, kit.styles.body, width)
        if len(lines) > 1:
            assert len(lines[-1].split()) >= 2, (width, lines)


def test_the_tie_leaves_tags_and_short_lines_alone():
    assert markup.tie_last_words("twee woorden") == "twee woorden"
    assert markup.tie_last_words('a <font color="#112233">b c</font>') == 'a <font color="#112233">b\u00a0c</font>'
    assert markup.tie_last_words("een twee drie<br/>vier vijf zes") == "een twee\u00a0drie<br/>vier vijf\u00a0zes"
    long = "kort " + "x" * 20 + " " + "y" * 20
    assert markup.tie_last_words(long) == long  # too long to keep together in a narrow column


@pytest.fixture
def hyphenation_cache(tmp_path, monkeypatch):
    """An empty user cache, and dictionaries read afresh (pyphen's and our in-process copies dropped)."""
    import pyphen

    from workshop.cache import CACHE_ENV
    from workshop.render.pdf import hyphenation

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    monkeypatch.delenv(CACHE_ENV, raising=False)
    monkeypatch.setattr(pyphen, "hdcache", {})
    hyphenation._dictionary.cache_clear()
    yield hyphenation._cache_dir()
    hyphenation._dictionary.cache_clear()


def _fresh(language: str, word: str) -> tuple[str, dict]:
    """``word``'s syllables and the patterns, read in a new "process" (no in-process copies)."""
    import pyphen

    from workshop.render.pdf import hyphenation

    pyphen.hdcache.clear()
    hyphenation._dictionary.cache_clear()
    text = syllables(language, word)
    return text, hyphenation._dictionary(language).hd.patterns


def _as_ints(patterns: dict) -> dict:
    return {pattern: (start, tuple(values)) for pattern, (start, values) in patterns.items()}


@pytest.mark.parametrize("language, words", [
    ("nl", ["Toegankelijkheidsverklaring", "arbeidsongeschiktheidsverzekering", "samenwerkingsverband",
            "klanttevredenheidsonderzoek", "beëindigingsovereenkomst"]),
    ("de", ["Donaudampfschifffahrtsgesellschaft", "Rechtsschutzversicherungsgesellschaften",
            "Grundstücksverkehrsgenehmigungszuständigkeitsübertragungsverordnung", "Schifffahrt"]),
])
def test_the_cached_patterns_break_every_word_where_the_parsed_ones_do(hyphenation_cache, language, words,
                                                                      monkeypatch):
    from workshop.cache import CACHE_ENV

    monkeypatch.setenv(CACHE_ENV, "off")
    parsed = [_fresh(language, word)[0] for word in words]
    monkeypatch.setenv(CACHE_ENV, "on")
    _fresh(language, words[0])  # parses and writes the entry
    assert list(hyphenation_cache.glob("*.marshal"))
    monkeypatch.setattr("pyphen.HyphDict.__init__", lambda *a: pytest.fail("parsed although cached"))
    cached = [_fresh(language, word)[0] for word in words]
    assert cached == parsed and all("-" in text for text in parsed)


def test_the_parsed_dictionary_is_cached_and_gives_the_same_breaks(hyphenation_cache, monkeypatch):
    import pyphen

    from workshop.cache import CACHE_ENV

    word = "Toegankelijkheidsverklaring"
    cold, parsed = _fresh("nl", word)
    [entry] = hyphenation_cache.glob("*.marshal")
    monkeypatch.setattr(pyphen.HyphDict, "__init__", lambda *a: pytest.fail("parsed although cached"))
    warm, loaded = _fresh("nl", word)
    assert warm == cold == "Toe-gan-ke-lijk-heids-ver-kla-ring" and _as_ints(loaded) == _as_ints(parsed)
    assert all(isinstance(values, bytes) for _start, values in loaded.values())  # the entry's compact form
    monkeypatch.undo()
    monkeypatch.setenv(CACHE_ENV, "off")
    entry.unlink()
    off, _ = _fresh("nl", word)
    assert off == cold and not entry.exists()  # off: neither read nor written


def test_a_damaged_or_foreign_entry_is_parsed_again_and_rewritten(hyphenation_cache):
    import marshal

    from workshop.cache import write_entry
    from workshop.render.pdf.hyphenation import cache_key, dictionary_file

    word = "Toegankelijkheidsverklaring"
    cold, parsed = _fresh("nl", word)
    [entry] = hyphenation_cache.glob("*.marshal")
    sound = entry.read_bytes()
    key = cache_key(dictionary_file("nl"))
    damages = [sound[:-1000], sound[:-1] + b"x", b"", sound.replace(b"cache", b"kache", 1)]
    for payload in (b"not marshal", marshal.dumps([1, 2]), marshal.dumps({"patterns": 3})):  # a sound digest
        write_entry(entry, key, payload)
        damages.append(entry.read_bytes())
    for damage in damages:
        entry.write_bytes(damage)
        again, patterns = _fresh("nl", word)
        assert again == cold and patterns == parsed
        assert entry.read_bytes() == sound


def test_an_unwritable_cache_folder_only_costs_time(hyphenation_cache, tmp_path, monkeypatch):
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("")
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocker))
    assert _fresh("nl", "Toegankelijk")[0] == "Toe-gan-ke-lijk"


def test_a_dictionary_is_read_only_when_a_word_needs_breaking(hyphenation_cache):
    from workshop.render.pdf import hyphenation

    pairs = hyphenator("fr")
    assert hyphenation._dictionary.cache_info().currsize == 0
    assert list(pairs("court")) == [] and hyphenation._dictionary.cache_info().currsize == 0
    assert list(pairs("responsabilité"))
    assert hyphenation._dictionary.cache_info().currsize == 1
