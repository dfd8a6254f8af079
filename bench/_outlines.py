"""Generated inputs for the benchmark: big outlines, client profiles, a pandoc deck.

An outline of N slides has N/15 sections; each section is an automatic divider
slide plus 14 slides that cycle through the slide kinds (the last slide is a
break, or the closing in the last section). The title and agenda slides come
on top, so a 3,000-slide outline builds a 3,002-slide deck. Sections hold 15
rather than ~10 slides because an outline allows at most 200 sections.
Every text is unique (it carries the slide number) so no cache makes a big deck
look cheaper than a real one, and every duration adds up: slides → section →
workshop.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

PER_SECTION = 15  # divider + 14 slides
IMAGE = "citroensap.png"


def _slide(kind: str, n: int) -> dict:
    """One slide of ``kind``; ``n`` is its number in the outline (for unique text)."""
    notes = (f"Notitie bij dia {n}: vraag de groep om een voorbeeld uit de eigen praktijk "
             f"en vat het antwoord samen in één zin voordat je verdergaat.")
    common = {"kind": kind, "duration": "2m", "notes": notes}
    if kind == "bullets":
        return {**common, "title": f"Vier inzichten ({n})", "bullets": [
            f"De klant kiest zelf wanneer het product waarde heeft ({n}.1)",
            {"text": f"Waarde ontstaat op het moment van de vraag ({n}.2)",
             "sub": [f"Niet bij het product zelf ({n}.2a)", f"Maar in de situatie ({n}.2b)"]},
            f"Een tweede, onverwacht extraatje versterkt het effect ({n}.3)",
            f"Wederkerigheid werkt het best als het gemeend is ({n}.4)"]}
    if kind == "statement":
        return {**common, "title": f"De kern ({n})",
                "text": f"Een product is op zichzelf **niets waard** (stelling {n})."}
    if kind == "quote":
        return {**common, "text": f"De klant is niet de vis; de klant is de visser (citaat {n}).",
                "by": "Een ervaren verkoper", "source": f"Interview {n}"}
    if kind == "chart":
        return {**common, "title": f"Waarde door de dag ({n})", "caption": "Illustratie, schaal 0–10.",
                "chart": {"type": "column", "categories": ["8:00", "10:00", "12:00", "14:00", "16:00"],
                          "series": [{"name": "Dorst", "values": [2, 3, 6, 9, n % 10]},
                                     {"name": "Waarde", "values": [1, 2, 5, 9, 7]}]}}
    if kind == "pie":
        return {**common, "kind": "chart", "title": f"Verdeling van de fooi ({n})",
                "chart": {"type": "pie", "unit": "%", "categories": ["Geen", "Eén extraatje", "Twee extraatjes"],
                          "series": [{"name": "Aandeel", "values": [40, 35, 25]}]}}
    if kind == "table":
        return {**common, "title": f"Zelfde product, ander moment ({n})",
                "header": ["Product", "Tijdstip", "Situatie", "Waarde"],
                "rows": [["Citroensap", "8:15", f"na het ontbijt ({n})", "laag"],
                         ["Citroensap", "14:30", "35 graden in de stad", "hoog"],
                         ["Paraplu", "8:15", "droog en zonnig", "laag"],
                         ["Paraplu", "17:45", f"plensbui ({n})", "hoog"]]}
    if kind == "steps":
        return {**common, "title": f"Zo pak je het aan ({n})", "steps": [
            f"Kies één product ({n})", {"title": "Zoek het moment", "text": f"Wanneer voelt de klant het ({n})?"},
            "Bied het ongevraagd aan", "Vraag om feedback"]}
    if kind == "compare":
        return {**common, "title": f"Visser of vis ({n})",
                "left": {"heading": "Visser", "points": ["Lokt de klant", f"Denkt vanuit het aas ({n})"]},
                "right": {"heading": "Vis", "points": ["Wordt gekozen", f"Denkt vanuit de klant ({n})"]}}
    if kind == "stat":
        return {**common, "value": f"{n % 90 + 10}%", "label": f"meer fooi met een tweede extraatje ({n})",
                "source": "Strohmetz e.a., 2002"}
    if kind == "quiz":
        return {**common, "title": f"Quiz {n}", "question": f"Wanneer heeft het product de meeste waarde ({n})?",
                "options": ["In de aanbieding", "Op verzoek", "Op het juiste moment", "Als het biologisch is"],
                "answer": "c", "reveal": "notes", "explanation": f"Het moment bepaalt de waarde ({n})."}
    if kind == "exercise":
        return {**common, "duration": "8m", "title": f"Ons citroensap ({n})", "goal": "Het dorstmoment vinden.",
                "group": "2–3 personen", "materials": ["werkblad", "post-its"],
                "steps": [f"Kies een product ({n})", "Beschrijf het dorstmoment", "Deel één zin met de zaal"],
                "worksheet": [{"text": "Ons product", "lines": 1}, f"Het dorstmoment ({n})"]}
    if kind == "image":
        return {**common, "title": f"35 graden in Bangkok ({n})", "image": f"images/{IMAGE}",
                "alt": f"Een glas citroensap met ijs op een houten tafel (afbeelding {n}).",
                "caption": "Niemand vroeg erom. Toch was het precies goed."}
    if kind == "break":
        return {**common, "duration": "10m", "text": f"Koffie en thee staan klaar ({n})."}
    if kind == "closing":
        return {**common, "takeaways": ["Het moment bepaalt de waarde", "Kijk verder dan de vraag"],
                "action": "Kies één klantmoment voor vrijdag.", "question": "Waar komen wij te laat?"}
    raise ValueError(kind)


KINDS = ("bullets", "statement", "quote", "chart", "table", "steps", "compare",
         "stat", "quiz", "exercise", "image", "bullets", "pie")  # + break/closing = 14


def _minutes(slide: dict) -> int:
    return int(slide["duration"].rstrip("m"))


def outline_data(slides: int) -> dict:
    sections, n = [], 0
    count = max(1, round(slides / PER_SECTION))
    for s in range(count):
        items = []
        for kind in KINDS + ("closing" if s == count - 1 else "break",):
            n += 1
            items.append(_slide(kind, n))
        sections.append({"title": f"Blok {s + 1}: waarde op het juiste moment",
                         "subtitle": f"Deel {s + 1} van {count}",
                         "duration": f"{sum(_minutes(i) for i in items)}m", "slides": items})
    total = sum(int(sec["duration"].rstrip("m")) for sec in sections)
    return {"workshop": {"title": f"Benchmark met {slides} dia's", "subtitle": "Gegenereerd door bench/run.py",
                         "client": "{{ client.name }}", "facilitator": "Noor Bakker", "date": "{{ date }}",
                         "start": "09:00", "duration": f"{total}m", "language": "nl"},
            "vars": {"client": {"name": "Uw organisatie", "contact": "uw opdrachtgever"}, "date": "4 februari 2027"},
            "sections": sections}


def to_yaml(value, indent: int = 0) -> str:
    """Block-style YAML for dicts, lists and scalars (strings double-quoted via JSON escapes)."""
    pad = " " * indent
    if isinstance(value, dict):
        lines = []
        for key, item in value.items():
            if isinstance(item, (dict, list)) and item:
                lines.append(f"{pad}{key}:\n{to_yaml(item, indent + 2)}")
            else:
                lines.append(f"{pad}{key}: {_scalar(item)}")
        return "\n".join(lines)
    if isinstance(value, list):
        lines = []
        for item in value:
            if isinstance(item, (dict, list)) and item:
                body = to_yaml(item, indent + 2)
                lines.append(f"{pad}- {body.lstrip()}")
            else:
                lines.append(f"{pad}- {_scalar(item)}")
        return "\n".join(lines)
    return pad + _scalar(value)


def _scalar(value) -> str:
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return str(value)
    return json.dumps(value, ensure_ascii=False) if value not in ({}, []) else json.dumps(value)


def write_outline(folder: Path, slides: int, repo: Path) -> Path:
    """Write ``big-N.yaml`` (and the image it uses) into ``folder``."""
    (folder / "images").mkdir(parents=True, exist_ok=True)
    shutil.copyfile(repo / "decks" / "images" / IMAGE, folder / "images" / IMAGE)
    path = folder / f"big-{slides}.yaml"
    path.write_text(to_yaml(outline_data(slides)) + "\n", encoding="utf-8")
    return path


def write_clients(folder: Path, count: int) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for i in range(1, count + 1):
        path = folder / f"klant-{i:02d}.yaml"
        data = {"client": {"name": f"Klant {i:02d}", "contact": f"Contactpersoon {i:02d}"},
                "date": f"{i} maart 2027"}
        path.write_text(to_yaml(data) + "\n", encoding="utf-8")
        paths.append(path)
    return paths


def write_markdown(folder: Path, slides: int) -> Path:
    """The same deck as pandoc Markdown (title, agenda, # = section slide, ## = slide, ::: notes).

    Run it with ``--slide-level=2``; it gives as many slides as the outline.
    """
    data = outline_data(slides)
    out = ["---", f"title: {data['workshop']['title']}", f"subtitle: {data['workshop']['subtitle']}",
           "author: Noor Bakker", "date: 4 februari 2027", "---", ""]
    out += ["## Agenda", ""] + [f"- {section['title']}" for section in data["sections"]] + [""]
    for section in data["sections"]:
        out += [f"# {section['title']}", ""]
        for slide in section["slides"]:
            out += _markdown_slide(slide) + ["", "::: notes", slide["notes"], ":::", ""]
    path = folder / f"big-{slides}.md"
    path.write_text("\n".join(out), encoding="utf-8")
    return path


def _markdown_slide(s: dict) -> list[str]:
    kind = s["kind"]
    title = s.get("title") or {"quote": "Citaat", "stat": "Cijfer", "quiz": "Quiz",
                               "break": "Pauze", "closing": "Tot slot"}.get(kind, kind)
    body: list[str] = []
    if kind == "bullets":
        for b in s["bullets"]:
            body.append(f"- {b if isinstance(b, str) else b['text']}")
            body += [f"    - {t}" for t in ([] if isinstance(b, str) else b["sub"])]
    elif kind in ("statement", "break"):
        body.append(s["text"])
    elif kind == "quote":
        body += [f"> {s['text']}", ">", f"> — {s['by']}, {s['source']}"]
    elif kind == "chart":  # pandoc has no charts: the data as a table
        chart = s["chart"]
        body += ["| | " + " | ".join(chart["categories"]) + " |",
                 "|---" * (len(chart["categories"]) + 1) + "|"]
        body += [f"| {x['name']} | " + " | ".join(str(v) for v in x["values"]) + " |" for x in chart["series"]]
    elif kind == "table":
        body += ["| " + " | ".join(s["header"]) + " |", "|---" * len(s["header"]) + "|"]
        body += ["| " + " | ".join(row) + " |" for row in s["rows"]]
    elif kind == "steps":
        body += [f"{i}. {x if isinstance(x, str) else x['title'] + ': ' + x['text']}"
                 for i, x in enumerate(s["steps"], 1)]
    elif kind == "compare":
        body += [":::: columns", "::: column", f"**{s['left']['heading']}**", ""]
        body += [f"- {p}" for p in s["left"]["points"]] + [":::", "::: column", f"**{s['right']['heading']}**", ""]
        body += [f"- {p}" for p in s["right"]["points"]] + [":::", "::::"]
    elif kind == "stat":
        body += [f"**{s['value']}**", "", s["label"], "", f"*{s['source']}*"]
    elif kind == "quiz":
        body += [s["question"], ""] + [f"{chr(97 + i)}. {o}" for i, o in enumerate(s["options"])]
    elif kind == "exercise":
        body += [s["goal"], ""] + [f"{i}. {x}" for i, x in enumerate(s["steps"], 1)]
    elif kind == "image":
        body.append(f"![{s['caption']}]({s['image']})")
    elif kind == "closing":
        body += [f"- {t}" for t in s["takeaways"]] + ["", s["action"]]
    return [f"## {title}", ""] + body
