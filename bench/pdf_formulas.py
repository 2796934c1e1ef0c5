"""A PDF's display formulas taken as pictures (exporter/readers/pdf/formulas.py), numbered or not:
how many, on which papers, at what cost, with a contact sheet to look at.

    .venv/bin/python bench/pdf_formulas.py      # writes bench/PDF_FORMULAS.md and /tmp/pdf_formulas/

The papers: the development corpus's PDFs (../shared/corpus/pdf) and every PDF that
bench/unseen/papers.json or lists.json names (taken from their snapshots as
bench/unseen_frontmatter.py takes them). For each: the numbered formulas found and the time the
text layer takes with and without them (formulas.find_formulas timed alone, CPU, in this
process, read_layer called here rather than in its bounded child). The pictures go to /tmp/pdf_formulas/ with contact sheets (sheet-N.png) of a random
sample, of the tallest and of the unnumbered ones (taken by their mathematics fonts), for a
person to look at: a count says nothing of a cut picture, nor of a line of prose taken.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import time
from pathlib import Path

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
sys.path.insert(0, str(BENCH))
sys.path.insert(0, str(ROOT))

from unseen_frontmatter import source_bytes  # noqa: E402

from exporter.diagnostics import InputError  # noqa: E402
from exporter.readers.pdf import formulas as pdf_formulas  # noqa: E402
from exporter.readers.pdf import reader  # noqa: E402

CORPUS = Path("/work/shared/corpus/pdf")
OUT = Path("/tmp/pdf_formulas")


def unseen_pdfs() -> list[str]:
    """Every PDF source the unseen sets name (`owner/name@commit:path`)."""
    found: set[str] = set()

    def walk(node) -> None:
        if isinstance(node, dict):
            source = node.get("source")
            if isinstance(source, str) and source.lower().endswith(".pdf") and "@" in source:
                found.add(source)
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    for name in ("papers.json", "lists.json"):
        walk(json.loads((BENCH / "unseen" / name).read_text(encoding="utf-8")))
    return sorted(found)


def timed_find(calls: list[float]):
    """formulas.find_formulas, its CPU time added to `calls`."""
    original = pdf_formulas.find_formulas

    def find(doc, pages, *args):
        start = time.process_time()
        try:
            return original(doc, pages, *args)
        finally:
            calls.append(time.process_time() - start)

    return find


def contact_sheet(files: list[Path], path: Path) -> None:
    from PIL import Image, ImageDraw

    rows = []
    for f in files:
        im = Image.open(f).convert("RGB")
        s = min(380 / im.width, 130 / im.height, 1.0)
        rows.append(im.resize((max(1, int(im.width * s)), max(1, int(im.height * s)))))
    width, x, y, tallest, places = 800, 0, 0, 0, []
    for im in rows:
        if x + im.width > width:
            x, y, tallest = 0, y + tallest + 8, 0
        places.append((x, y))
        x, tallest = x + im.width + 12, max(tallest, im.height)
    sheet = Image.new("RGB", (width, y + tallest + 5), "white")
    draw = ImageDraw.Draw(sheet)
    for im, (a, b) in zip(rows, places):
        sheet.paste(im, (a, b))
        draw.rectangle([a - 1, b - 1, a + im.width, b + im.height], outline="red")
    sheet.save(path)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mirrors", type=Path, default=Path("/work/.mirror"))
    parser.add_argument("--out", default=str(BENCH / "PDF_FORMULAS.md"))
    args = parser.parse_args(argv)
    OUT.mkdir(parents=True, exist_ok=True)
    papers = [(p.stem, "corpus", p.read_bytes()) for p in sorted(CORPUS.glob("*.pdf"))]
    papers += [(s.split(":", 1)[1].rsplit("/", 1)[-1][:40], "unseen", data) for s in unseen_pdfs() if (data := source_bytes(s, args.mirrors))]
    rows, pictures, unnumbered, refused = [], [], [], 0
    for k, (name, kind, data) in enumerate(papers):
        path = OUT / f"paper{k:03d}.pdf"
        path.write_bytes(data)
        calls: list[float] = []
        reader.find_formulas = timed_find(calls)  # read_layer in this process (read_text_layer forks a child)
        try:
            _, _, formulas = reader.read_layer(str(path))
        except InputError:
            refused += 1
            continue
        if not any(calls):
            calls.append(0.0)
        for f in formulas:
            picture = OUT / f"paper{k:03d}-p{f.page}-{'n' + f.number if f.number else 'line' + str(f.lines[0])}.png"
            picture.write_bytes(f.data)
            pictures.append(picture)
            if not f.number:
                unnumbered.append(picture)
        rows.append((name, kind, len(formulas), sum(calls), sum(1 for f in formulas if not f.number)))
    random.seed(7)
    contact_sheet(random.sample(pictures, min(44, len(pictures))), OUT / "sheet-1.png")
    contact_sheet(sorted(pictures, key=lambda p: -p.stat().st_size)[:16], OUT / "sheet-2.png")
    if unnumbered:
        contact_sheet(random.sample(unnumbered, min(44, len(unnumbered))), OUT / "sheet-3.png")
    total = sum(r[2] for r in rows)
    seconds = sum(r[3] for r in rows)
    lines = [
        "# Display formulas in PDFs, taken as pictures",
        "",
        f"Written by `bench/pdf_formulas.py` (see its docstring). {len(rows)} PDFs read ({refused} refused: scans); "
        f"{total} formulas taken ({sum(r[4] for r in rows)} of them unnumbered, by their mathematics fonts), on {sum(1 for r in rows if r[2])} papers; finding and rendering them took "
        f"{seconds:.1f} s of CPU in all ({1000 * seconds / max(total, 1):.0f} ms a formula, the pages without one included).",
        "Contact sheets for looking at them: /tmp/pdf_formulas/sheet-1.png (a random 44), sheet-2.png (the 16 largest files), sheet-3.png (a random 44 of the unnumbered).",
        "",
        "| set | PDFs | with a formula taken | formulas | unnumbered |",
        "|---|---:|---:|---:|---:|",
    ]
    for kind in ("corpus", "unseen"):
        part = [r for r in rows if r[1] == kind]
        lines.append(f"| {kind} | {len(part)} | {sum(1 for r in part if r[2])} | {sum(r[2] for r in part)} | {sum(r[4] for r in part)} |")
    lines += ["", "Papers with the most:", ""]
    lines += [f"- {name} ({kind}): {n} ({u} unnumbered)" for name, kind, n, _, u in sorted(rows, key=lambda r: -r[2])[:10]]
    Path(args.out).write_text("\n".join(lines) + "\n", encoding="utf-8")
    print("\n".join(lines))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
