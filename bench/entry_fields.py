"""How well entries of a paper's own list are read into fields, against hand labels.

    .venv/bin/python bench/entry_fields.py     # prints the table and writes bench/ENTRY_FIELDS.md

The labels (bench/entries/labelled.json) were made by reading each entry in the corpus text,
never from the parser's output. Each corpus entry is read through the whole pipeline (the
plain-text reader splits the list; the entry starting on the labelled line is scored), so the
score is what `inspect` shows. `score()` returns the markdown section bench/corpus.py puts
into bench/CORPUS.md.
"""

from __future__ import annotations

import json
import os
import re
import sys
import unicodedata
from functools import cache
from pathlib import Path

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

LABELS = BENCH / "entries" / "labelled.json"
CORPUS = Path(os.environ.get("EXPORTER_CORPUS", ROOT.parent.parent / "shared" / "corpus"))
FIELDS = ("first_author", "year", "title", "pages", "pagetotal", "doi")
# The targets (recall and precision both): years, first authors and DOIs 95 %, titles and pages 90 %.
TARGETS = {"first_author": 0.95, "year": 0.95, "doi": 0.95, "title": 0.90, "pages": 0.90}


def _norm(value: str | None, field: str) -> str | None:
    if value is None:
        return None
    value = unicodedata.normalize("NFC", value).casefold()
    if field in ("title", "first_author"):
        return re.sub(r"[\W_]+", "", value) or None  # punctuation and spacing are not the title
    return re.sub(r"[\s\u2010-\u2015\-−]+", "-", value).strip(" .,;") or None


@cache
def _documents():
    from exporter.readers import read_document

    return {}, read_document


def _entry_text(item: dict) -> tuple[str | None, dict | None]:
    """The entry as the pipeline reads it: (text, fields)."""
    from exporter.references.fields import parse_entry

    if item.get("kazakh_written"):
        parsed = parse_entry(item["text"])
        return item["text"], {name: value for name, value, _, _ in parsed.fields} | {"_form": parsed.form}
    if item.get("docx"):
        text = _docx_paragraph(item["docx"], item["paragraph"])
        if text is None:
            return None, None
        text = re.sub(r"^\s*(?:\[\d{1,4}\]|\d{1,4}[.)])\s*", "", text)  # the list number, as a reader drops it
        parsed = parse_entry(" ".join(text.split()))
        return text, {name: value for name, value, _, _ in parsed.fields} | {"_form": parsed.form}
    cache_, read_document = _documents()
    path = CORPUS / "pdf" / f"{item['paper']}.txt"
    if not path.exists():
        return None, None
    if path not in cache_:
        cache_[path] = read_document(str(path))
    for entry in cache_[path].references:
        if entry.span.line == item["line"] and entry.fields:
            return entry.text, dict(entry.fields) | {"_form": entry.form}
    # The reader reads another list of this paper (say the Russian one, where the labels are
    # on the transliterated one after it), or splits it otherwise: join the labelled lines as
    # the reader joins an entry's lines, and read that.
    text = _joined_lines(path, item["line"], item["end_line"])
    parsed = parse_entry(text)
    return text, {name: value for name, value, _, _ in parsed.fields} | {"_form": parsed.form}


@cache
def _source_lines(path: Path) -> tuple[list[str], object]:
    from exporter.readers.plaintext import normalize
    from exporter.readers.plaintext.sourcefile import read_source

    lines = read_source(str(path)).lines
    return lines, normalize.attested_words(lines)


def _joined_lines(path: Path, first: int, last: int) -> str:
    from exporter.readers.plaintext import join_lines

    lines, lexicon = _source_lines(path)
    marker = re.match(r"\s*(?:\[\d{1,6}\]|\d{1,6}[.)])\s*(?=\S)", lines[first - 1])
    return join_lines([(n, lines[n - 1]) for n in range(first, last + 1)], lexicon, marker.end() if marker else 0).text


@cache
def _docx_paragraphs(name: str) -> tuple[str, ...] | None:
    path = CORPUS / "docx" / f"{name}.docx"
    if not path.exists():
        return None
    import docx

    return tuple(p.text.strip() for p in docx.Document(str(path)).paragraphs if p.text.strip())


def _docx_paragraph(name: str, number: int) -> str | None:
    paragraphs = _docx_paragraphs(name)
    return paragraphs[number - 1] if paragraphs and number <= len(paragraphs) else None


def predictions() -> list[tuple[dict, dict]]:
    """(label, predicted values) for every labelled entry that can be read here."""
    from exporter.references.fields import family_names

    out = []
    for item in json.loads(LABELS.read_text(encoding="utf-8"))["entries"]:
        text, fields = _entry_text(item)
        if fields is None:
            continue
        names = family_names(fields.get("author"))
        predicted = {
            "first_author": names[0] if names else None,
            "year": fields.get("year"),
            "title": fields.get("title"),
            "pages": fields.get("pages"),
            "pagetotal": fields.get("pagetotal"),
            "doi": fields.get("doi"),
            "form": fields.get("_form"),
        }
        out.append((item, predicted))
    return out


def measure(part: str = "all") -> dict:
    """Per field: labelled, predicted, correct, precision, recall; plus form accuracy.
    `part`: "all", "development" (entries the rules were written against) or "held-out"."""
    rows = {}
    pairs = [(i, g) for i, g in predictions() if part == "all" or (part == "held-out") == bool(i.get("docx"))]
    for field in FIELDS:
        labelled = predicted = correct = 0
        for item, got in pairs:
            truth, guess = _norm(item.get(field), field), _norm(got.get(field), field)
            labelled += truth is not None
            predicted += guess is not None
            correct += truth is not None and truth == guess
        rows[field] = {
            "labelled": labelled,
            "predicted": predicted,
            "correct": correct,
            "precision": correct / predicted if predicted else 1.0,
            "recall": correct / labelled if labelled else 1.0,
        }
    forms = [(item["form"], got["form"]) for item, got in pairs]
    rows["form"] = {"entries": len(forms), "correct": sum(a == b for a, b in forms)}
    return {"entries": len(pairs), "kazakh": sum(bool(i.get("kazakh_written")) for i, _ in pairs), "fields": rows}


def score() -> str:
    """A markdown section: per-field precision and recall against the hand labels."""
    result = measure()
    held = measure("held-out")
    lines = [
        "## Entries into fields",
        "",
        f"{result['entries']} entries of the papers' own lists labelled by hand ({result['kazakh']} of them Kazakh, written in the "
        "Kazakh GOST conventions as the corpus has no Kazakh list); bench/entries/labelled.json. A field is correct when it equals "
        "the label after case folding and dash/space normalisation (titles and names: letters and digits only). "
        f"{held['entries']} of them (from the DOCX papers) are held out: labelled after the rules were written, never used to tune them.",
        "",
    ]
    for title, part in (("All entries", result), ("Held out", held)):
        lines += [f"{title} ({part['entries']}):", "", "| field | labelled | predicted | correct | precision | recall | target |", "|---|---:|---:|---:|---:|---:|---:|"]
        for field in FIELDS:
            row = part["fields"][field]
            target = f"{TARGETS[field]:.0%}" if field in TARGETS else ""
            lines.append(f"| {field} | {row['labelled']} | {row['predicted']} | {row['correct']} | {row['precision']:.1%} | {row['recall']:.1%} | {target} |")
        form = part["fields"]["form"]
        lines += ["", f"Form recognised (gost, apa, ieee, vancouver, unknown): {form['correct']} of {form['entries']}.", ""]
    return "\n".join(lines)


def misses() -> list[str]:
    """Each wrong or missing field, for reading."""
    out = []
    for item, got in predictions():
        for field in FIELDS:
            if _norm(item.get(field), field) != _norm(got.get(field), field):
                where = item.get("paper") or item.get("docx") or "kk"
                where += ":" + str(item.get("line") or item.get("paragraph") or "")
                out.append(f"{where} {field}: want {item.get(field)!r} got {got.get(field)!r}")
    return out


if __name__ == "__main__":
    text = score()
    (BENCH / "ENTRY_FIELDS.md").write_text("# Entry fields against hand labels\n\n" + text, encoding="utf-8")
    print(text)
    if "-v" in sys.argv:
        print("\n".join(misses()))
