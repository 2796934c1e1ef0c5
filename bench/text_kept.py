"""Text the readers lose: source paragraphs whose words the document model holds nowhere.

    .venv/bin/python bench/text_kept.py                 # writes bench/TEXT_KEPT.md
    .venv/bin/python bench/text_kept.py --out -         # to stdout
    .venv/bin/python bench/text_kept.py --out - --no-corpus --form pdf --json lost.json
                                                        # the unseen PDFs only, every lost line to a file

An edition must print everything the author put on the page; a reader that reads a paragraph
into nothing (neither front matter, body, list nor note) loses it silently. This counts, per
source paper, its paragraphs (a Word file's `w:p`, table cells' included; a text's and a PDF's
lines as pdftotext gives them, mojibake repaired as the readers repair it) of at least
`MIN_WORDS` words, and calls one lost when at least
`LOST_SHARE` of its words (three letters or more, case folded) occur in no string of the model
(`exporter.readers.read_document`: every string field of the metadata, the blocks and the
entries, walked as data). A word counts as kept wherever it occurs, so the measure undercounts
(a lost paragraph repeating the abstract's words is not seen); what it does see is read off below.

Some loss is by design and is listed so: a thesis cover's lines (ministry, department, signature
blanks) that the venue's title block replaces, the contents, running heads, the romanised copy
of a Russian list (`References`; the bibliography transform makes its own), a journal volume's
other papers around the one read.

Peer, in the same run: pandoc (`-t plain`) on the Word papers, through the same measure (its
reading keeps all text but fields' results and text boxes, so its losses show the measure's
floor). Papers: the corpus (both halves, bench/corpus_split.json) and, when their repository
snapshots are present under /work/.mirror (`fetch`), the unseen papers of bench/unseen/papers.json.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import re
import shutil
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path
from xml.etree import ElementTree

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from bench.corpus import corpus_dir, corpus_split  # noqa: E402
from bench.unseen_frontmatter import source_bytes  # noqa: E402
from exporter.diagnostics import InputError  # noqa: E402
from exporter.readers import read_document  # noqa: E402
from exporter.readers.plaintext.mojibake import repair_mojibake  # noqa: E402

MIN_WORDS = 6
LOST_SHARE = 0.6
WORD = re.compile(r"[^\W\d_]{3,}")
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
MIRRORS = Path("/work/.mirror")
SKIPPED_FIELDS = {"data", "package", "svg"}  # bytes of pictures and charts: no text


def _strings(value, out: list[str]) -> None:
    if isinstance(value, str):
        out.append(value)
    elif isinstance(value, (bytes, bytearray)):
        return
    elif dataclasses.is_dataclass(value):
        for f in dataclasses.fields(value):
            if f.name not in SKIPPED_FIELDS:
                _strings(getattr(value, f.name), out)
    elif isinstance(value, (tuple, list)):
        for item in value:
            _strings(item, out)


def kept_words(strings: list[str]) -> set[str]:
    return {w.casefold() for w in WORD.findall(" ".join(strings))}


def model_words(path: str) -> set[str] | None:
    try:
        doc = read_document(path, False)
    except InputError:
        return None
    out: list[str] = []
    _strings(doc.meta, out)
    _strings(doc.blocks, out)
    _strings(doc.references, out)
    return kept_words(out)


def source_units(path: str) -> list[str]:
    """The paper's paragraphs as its source holds them (see the module's docstring)."""
    if path.endswith(".docx"):
        root = ElementTree.fromstring(zipfile.ZipFile(path).read("word/document.xml"))
        return ["".join(t.text or "" for t in p.iter(W + "t")) for p in root.iter(W + "p")]
    if path.endswith(".pdf"):
        done = subprocess.run(["pdftotext", "-enc", "UTF-8", path, "-"], capture_output=True)
        lines = done.stdout.decode("utf-8", "replace").split("\n")
    else:
        lines = Path(path).read_text(encoding="utf-8", errors="replace").split("\n")
    try:  # the words the readers repair (a Cyrillic text set in a Latin font table) are compared repaired
        return repair_mojibake(lines, path).lines
    except InputError:
        return lines


def lost_units(units: list[str], kept: set[str]) -> tuple[int, list[str]]:
    """(how many units are long enough to count, the lost ones)."""
    counted, lost = 0, []
    for text in units:
        words = [w.casefold() for w in WORD.findall(text)]
        if len(words) < MIN_WORDS:
            continue
        counted += 1
        if sum(w not in kept for w in words) >= LOST_SHARE * len(words):
            lost.append(" ".join(text.split()))
    return counted, lost


def pandoc_words(path: str) -> set[str] | None:
    if shutil.which("pandoc") is None:
        return None
    done = subprocess.run(["pandoc", "-f", "docx", "-t", "plain", "--wrap=none", path], capture_output=True)
    return kept_words([done.stdout.decode("utf-8", "replace")]) if done.returncode == 0 else None


def papers(corpus: Path | None, unseen: bool, tmp: Path, forms: set[str] | None = None) -> list[tuple[str, str, str]]:
    """(set, form, path) of every paper measured."""
    out = []
    if corpus is not None:
        split = corpus_split()
        for f in sorted(corpus.glob("*/*")):
            if f.suffix in (".docx", ".pdf", ".txt") and not f.name.endswith(".truth.json") and (forms is None or f.suffix[1:] in forms):
                out.append((f"corpus {split.get(f.stem, '?')}", f.suffix[1:], str(f)))
    if unseen:
        for paper in json.loads((BENCH / "unseen" / "papers.json").read_text(encoding="utf-8"))["papers"]:
            ext = Path(paper["source"].partition(":")[2]).suffix.lower()
            if ext not in (".docx", ".pdf") or (forms is not None and ext[1:] not in forms):
                continue
            data = source_bytes(paper["source"], MIRRORS)
            if data is None:
                continue
            f = tmp / f"{paper['name']}{ext}"
            f.write_bytes(data)
            out.append(("unseen", ext[1:], str(f)))
    return out


def run(corpus: Path | None, unseen: bool, forms: set[str] | None = None) -> tuple[list[dict], int]:
    rows, missing = [], 0
    with tempfile.TemporaryDirectory() as tmp:
        for group, form, path in papers(corpus, unseen, Path(tmp), forms):
            kept = model_words(path)
            units = source_units(path)
            if kept is None:
                missing += 1
                continue
            counted, lost = lost_units(units, kept)
            row = {"set": group, "form": form, "paper": Path(path).name, "units": counted, "lost": lost}
            if form == "docx" and (peer := pandoc_words(path)) is not None:
                row["pandoc_lost"] = len(lost_units(units, peer)[1])
            rows.append(row)
    return rows, missing


def render(rows: list[dict], refused: int) -> str:
    lines = ["# Text kept: source paragraphs the model holds nowhere", "",
             f"Written by `bench/text_kept.py` (its docstring says what is counted). A paragraph of {MIN_WORDS} words or more is lost when "
             f"{LOST_SHARE:.0%} of its words occur in no string of the document model. Papers a reader refuses (no text layer, empty): {refused}.", "",
             "| set | form | papers | paragraphs | lost | lost share | pandoc lost (Word) |", "|---|---|---:|---:|---:|---:|---:|"]
    groups: dict[tuple[str, str], list[dict]] = {}
    for row in rows:
        groups.setdefault((row["set"], row["form"]), []).append(row)
    for (group, form), members in sorted(groups.items()):
        units = sum(r["units"] for r in members)
        lost = sum(len(r["lost"]) for r in members)
        peer = sum(r.get("pandoc_lost", 0) for r in members) if form == "docx" else None
        lines.append(f"| {group} | {form} | {len(members)} | {units} | {lost} | {lost / units if units else 0:.1%} | {'' if peer is None else peer} |")
    lines += ["", "Every lost paragraph of the corpus, to read (the first 90 characters):", ""]
    for row in rows:
        if row["set"].startswith("corpus") and row["lost"]:
            lines.append(f"- {row['paper']} ({row['set']}): " + "; ".join(f"`{t[:90]}`" for t in row["lost"]))
    lines += ["", "Unseen papers losing the most paragraphs (the first five of each, 70 characters):", ""]
    worst = sorted((r for r in rows if r["set"] == "unseen" and r["lost"]), key=lambda r: -len(r["lost"]))[:25]
    for row in worst:
        lines.append(f"- {row['paper']}: {len(row['lost'])} of {row['units']}: " + "; ".join(f"`{t[:70]}`" for t in row["lost"][:5]))
    return "\n".join(lines) + "\n" + HISTORY


# What each round found with this measure and what it left: kept with the tables it explains.
HISTORY = """
First written by lead45 (2026-12-07), after its two front-matter commits; the same script on main before them (171878e, the measure before the mojibake repair of the sources was added): Word 34 lost paragraphs of 7510 on the unseen papers, texts 31 (dev) and 64 (held-out), lead45's branch 30, 25, 58; the losses read then are in the commits' messages (a short paper's text above its supervisor's line, a structured abstract's parts and the text under its keywords, a second IEEE author block). lead45c then read an unseen Vestnik SamGU PDF through pdftotext where PDFium read its fonts as signs (kazakova_samgu_vestnik: unseen PDFs 1038 -> 916 lost paragraphs). Read and left: thesis covers, contents lines and running heads (by design); the romanised copies of Russian lists (the bibliography transform makes its own); author notes printed after a list (levin, nikulin, yagyaeva, glushenko: dropped with the list's tail); a PDF whose letters are spaced apart (drozhzhin_msu_dissertation); a PDF figure region that takes the paragraph beside it (malcangi_biometric_chapter); ru_paraschuk_uncertainty_levels.pdf (held-out: seen in this list, not read further) loses lines of its two-column body.

kept47 (2026-12-07) grouped the 916 lost paragraphs of the unseen PDFs by cause (main's reading, `--no-corpus --form pdf --json`, each paper's losses read beside its source) and fixed five causes on the PDF reader's own layer, each from an unseen paper: a Type 3 font whose size reads 0.1 pt, its letters read as words and each line as a paragraph (drozhzhin_msu_dissertation, 359 lost; this was the "letters spaced apart" class); a journal's next paper, whose keywords label ended this paper's front matter below its whole body (klochek_cloud, 64); a contents line with a roman page number (`Abstract ..... iii`) read as an abstract's label, the thesis's German abstract and acknowledgements taken for front matter (sauermann_tuwien_gnowsis, 28); a heading under both columns read between them, the right column then inside the list and lost (bryukhomitsky_biometrics_conf, aralbaeva_vestnik_ogu); a drawing set out into a book's margin refused as cut, its label `reference` then taken for the list's heading (malcangi_biometric_chapter: this, not text inside the picture, was its "figure region" loss). Unseen PDFs 916 -> 455 lost paragraphs; the corpus and the Word papers unchanged. Read and left (lost paragraphs on main): a volume's other papers, covers and imprints (208, by design); after the list, author notes, biographies, translated blocks with no keywords label and romanised lists (108: didrikh, abed, tychinsky, kumin's appendix under a numbered `7 Приложение`, chayka_paper's English block, kvetny, morozov, kraus, nasser, bmstu_ecg, koren, evdokimov); by-lines and affiliations the model lacks (27, and a chart's month ticks in heiman); running heads (25, by design); first-page permission and journal boxes (21); a font whose codes are shifted by 31 (lou_csms_uav_trajectory, 17); a translated abstract's later paragraphs (drobin, 8); ru_paraschuk's two-column loss is not the heading-under-columns case (the rule does not fire on it).
"""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--out", default=str(BENCH / "TEXT_KEPT.md"), help="file to write, or - for stdout")
    parser.add_argument("--no-unseen", action="store_true", help="the corpus only")
    parser.add_argument("--no-corpus", action="store_true", help="the unseen papers only")
    parser.add_argument("--form", action="append", choices=("docx", "pdf", "txt"), help="only papers of this form (repeatable)")
    parser.add_argument("--json", help="also write every paper's lost paragraphs (whole) to this JSON file")
    args = parser.parse_args()
    rows, refused = run(None if args.no_corpus else corpus_dir(), not args.no_unseen, set(args.form) if args.form else None)
    if args.json:
        Path(args.json).write_text(json.dumps(rows, ensure_ascii=False, indent=1), encoding="utf-8")
    text = render(rows, refused)
    if args.out == "-":
        sys.stdout.write(text)
    else:
        Path(args.out).write_text(text, encoding="utf-8")


if __name__ == "__main__":
    main()
