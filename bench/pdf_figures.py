"""Where the pictures of PDFs stand, and which the reader makes figures: every image object of
every page, counted by what the reader does with it and where it stands.

    .venv/bin/python bench/pdf_figures.py PDF... [--out bench/PDF_FIGURES.md] [--sheets DIR]

Each picture (image object, inside forms too) is counted once, the first that holds of:
- bound: a figure caption took it (images.find_pictures);
- formula: a display formula the formula reader takes covers it;
- uncaptioned figure: it stands in the text uncaptioned (images.loose_pictures): kept;
- tiny: fewer than 16 pixels a side, or under 8 pt: a fill, a rule, a bullet;
- page scan: it covers most of the page (a scanned page behind its text);
- margin: it lies in the page's top or bottom 7 % (running heads, logos, page frames);
- first-page header: on page 1 with no line of body text above it (the journal's or the
  university's header band, a logo, a cover);
- elsewhere: anything else (text over or beside it, a picture far from the body's text, a
  narrow icon, a template's logo repeated, a patch of one colour).
`--sheets DIR` writes contact sheets of a random sample (seed 49) of the kept pictures and of
those left (the last four kinds), each with 40 pt of the page around it, framed in red.
Each paper is read in a bounded child; a paper that fails is counted as failed."""

from __future__ import annotations

import argparse
import random
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

KINDS = ("bound", "formula", "uncaptioned figure", "tiny", "page scan", "margin", "first-page header", "elsewhere")
LEFT = ("margin", "first-page header", "elsewhere")


def _overlap(a, b) -> bool:
    return min(a[2], b[2]) > max(a[0], b[0]) and min(a[3], b[3]) > max(a[1], b[1])


def _survey(path: str) -> list[tuple[str, int, tuple]]:
    """(kind, page, box) of each picture of the paper."""
    import pypdfium2.raw as pdfium_c

    from exporter.readers.pdf import images
    from exporter.readers.pdf.formulas import find_formulas
    from exporter.readers.pdf.layout import TURNS, open_pdf, read_pages, shown_origin
    from exporter.readers.pdf.tables import page_bounds

    doc, count = open_pdf(path)
    pages = read_pages(doc, count)
    figures, formulas = images.find_pictures(doc, pages, False), find_formulas(doc, pages, False)
    loose = images.loose_pictures(doc, pages, figures, formulas, False)
    out = []
    for page in pages:
        pdf_page = doc[page.number - 1]
        width, height = pdf_page.get_size()
        ox, oy = shown_origin(pdf_page)
        body = images.page_body_size(page)
        prose = [l for l in page.lines if abs(l.size - body) < 0.5 and sum(c.isalpha() for c in l.text) >= 0.5 * len(l.text.replace(" ", ""))]  # lines of body text
        for obj in pdf_page.get_objects(filter=[pdfium_c.FPDF_PAGEOBJ_IMAGE]):
            left, bottom, right, top = page_bounds(obj)
            (ax, ay), (bx, by) = TURNS[page.angle](left - ox, bottom - oy, width, height), TURNS[page.angle](right - ox, top - oy, width, height)
            box = (min(ax, bx), min(ay, by), max(ax, bx), max(ay, by))
            out.append((_kind(obj, box, page, prose, figures, formulas, loose), page.number, box))
        pdf_page.close()
    doc.close()
    return out


def _kind(obj, box, page, prose, figures, formulas, loose) -> str:
    w, h = box[2] - box[0], box[3] - box[1]
    if any(p.page == page.number and _overlap(p.box, box) for p in figures):
        return "bound"
    if any(f.page == page.number and _overlap(f.box, box) for f in formulas):
        return "formula"
    if any(p.page == page.number and all(abs(a - b) < 0.5 for a, b in zip(p.box, box)) for p in loose):
        return "uncaptioned figure"
    if min(obj.get_px_size()) < 16 or min(w, h) < 8:
        return "tiny"
    if w * h > 0.8 * page.width * page.height:
        return "page scan"
    if box[1] > 0.93 * page.height or box[3] < 0.07 * page.height:
        return "margin"
    if page.number == 1 and not any(l.y > box[3] and min(l.x1, box[2]) > max(l.x0, box[0]) for l in prose):
        return "first-page header"
    return "elsewhere"


def _sheet(rows: list[tuple[str, str, int, tuple]], out: Path) -> None:
    import pypdfium2 as pdfium
    from PIL import Image, ImageDraw

    cells = []
    for path, kind, number, box in rows:
        doc = pdfium.PdfDocument(path)
        page = doc[number - 1]
        _, height = page.get_size()
        crop = (max(box[0] - 40, 0), max(height - box[3] - 40, 0), box[2] + 40, height - box[1] + 40)
        image = page.render(scale=1).to_pil().convert("RGB").crop(tuple(int(v) for v in crop))
        ImageDraw.Draw(image).rectangle((box[0] - crop[0], height - box[3] - crop[1], box[2] - crop[0], height - box[1] - crop[1]), outline=(255, 0, 0), width=2)
        doc.close()
        image.thumbnail((300, 220))
        cell = Image.new("RGB", (310, 250), "white")
        cell.paste(image, (5, 5))
        ImageDraw.Draw(cell).text((5, 232), f"{Path(path).stem[:28]} p{number} {kind}", fill=(0, 0, 0))
        cells.append(cell)
    sheet = Image.new("RGB", (310 * 5, 250 * max(1, (len(cells) + 4) // 5)), "white")
    for k, cell in enumerate(cells):
        sheet.paste(cell, ((k % 5) * 310, (k // 5) * 250))
    sheet.save(out)


def main(argv: list[str] | None = None) -> int:
    from exporter.readers.pdf.sandbox import run_bounded

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("papers", nargs="+")
    parser.add_argument("--out", default="-")
    parser.add_argument("--sheets")
    args = parser.parse_args(argv)
    totals, papers, failed, rows = Counter(), Counter(), 0, []
    for path in args.papers:
        try:
            found = run_bounded(_survey, path, seconds=240)
        except Exception:  # noqa: BLE001 (any failure is the paper's, counted)
            failed += 1
            continue
        kinds = Counter(kind for kind, _, _ in found)
        totals.update(kinds)
        papers.update(kinds.keys())
        rows += [(path, kind, number, box) for kind, number, box in found]
    lines = [f"{len(args.papers)} PDFs ({failed} failed); pictures by what the reader does with them and where they stand:", "",
             "| kind | pictures | papers |", "|---|---|---|"]
    lines += [f"| {kind} | {totals[kind]} | {papers[kind]} |" for kind in KINDS]
    text = "\n".join(lines) + "\n"
    (sys.stdout.write(text) if args.out == "-" else Path(args.out).write_text(text, encoding="utf-8"))
    if args.sheets:
        random.seed(49)
        kept = [r for r in rows if r[1] == "uncaptioned figure"]
        left = [r for r in rows if r[1] in LEFT and r[3][2] - r[3][0] >= 30]
        Path(args.sheets).mkdir(parents=True, exist_ok=True)
        _sheet(random.sample(kept, min(30, len(kept))), Path(args.sheets) / "kept.png")
        _sheet(random.sample(left, min(30, len(left))), Path(args.sheets) / "left.png")
    return 0


if __name__ == "__main__":
    sys.exit(main())
