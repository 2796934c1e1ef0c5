"""Every corpus paper and every shipped paper built with each conference venue (issue 18).

    .venv/bin/python bench/venues.py                 # writes bench/VENUES.md (builds and compiles)
    .venv/bin/python bench/venues.py --no-compile    # without XeLaTeX: quicker
    .venv/bin/python bench/venues.py --out -         # to stdout

For each venue (ieee-conference, springer-lncs, kz-journal) and each paper (source/ and the
corpus: pdf/*.txt, pdf/*.pdf, docx/*.docx), in-process as `build` does it:
- the PDF, DOCX and LaTeX editions and the submission zip render (a failure is recorded in its
  cell, never fatal);
- the PDF edition's pages, and the venue's rule findings (VEN codes) from the build's report;
- ieee-conference: the PDF pages whose words all keep to one of the two columns, read with
  `pdftotext -bbox` (a page with a figure or table across both columns, or the title page,
  has words over the gutter: those pages are counted apart);
- kz-journal: the romanised list has as many entries, with the same numbers, as the list;
- with compiling: the zip unpacked alone and compiled twice with XeLaTeX, as a conference's
  upload form or Overleaf would (the class is TeX Live's: IEEEtran, llncs, scrartcl).
The corpus is found at $EXPORTER_CORPUS, else `shared/corpus` beside or above the checkout.
"""

from __future__ import annotations

import argparse
import io
import re
import shutil
import subprocess
import sys
import tempfile
import time
import zipfile
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(BENCH))

from corpus import corpus_dir  # noqa: E402

VENUES = ("ieee-conference", "springer-lncs", "kz-journal")
CM = 72 / 2.54


def papers() -> list[Path]:
    corpus = corpus_dir()
    found = sorted(p for p in (ROOT / "source").iterdir() if p.suffix in (".txt", ".md", ".docx"))
    if corpus is not None:
        found += sorted((corpus / "pdf").glob("*.txt")) + sorted((corpus / "pdf").glob("*.pdf")) + sorted((corpus / "docx").glob("*.docx"))
    return found


def gutter(venue) -> tuple[float, float]:
    page = venue.page
    left = (page.margins_cm.left + page.column_width_cm) * CM
    return left, left + page.column_gap_cm * CM


def column_pages(pdf: bytes, bounds: tuple[float, float]) -> tuple[int, int, int]:
    """Of the pages after the first: (those whose words all keep to a column, those where a
    word only runs into the gutter — an overfull line of the left column —, all of them).
    The rest have words across both columns: a figure or table set across them."""
    with tempfile.NamedTemporaryFile(suffix=".pdf") as handle:
        handle.write(pdf)
        handle.flush()
        html = subprocess.run(["pdftotext", "-bbox", handle.name, "-"], capture_output=True, text=True).stdout
    pages = html.split("<page ")[2:]
    clean = overfull = 0
    for page in pages:
        boxes = [(float(a), float(b)) for a, b in re.findall(r'<word xMin="([\d.]+)" yMin="[\d.]+" xMax="([\d.]+)"', page)]
        crossing = [(x0, x1) for x0, x1 in boxes if not (x1 <= bounds[0] + 0.5 or x0 >= bounds[1] - 0.5)]
        clean += not crossing and bool(boxes)
        overfull += bool(crossing) and all(x1 < bounds[1] for _, x1 in crossing)
    return clean, overfull, len(pages)


def build_one(job: tuple[str, str, bool]) -> dict:
    """One paper with one venue: what rendered, its pages, its VEN findings, the checks above."""
    import pypdfium2

    from exporter.build import render
    from exporter.diagnostics import InputError
    from exporter.venue import Template
    from exporter.writers import Edition

    venue_name, source, compile_tex = job
    row = {"venue": venue_name, "paper": Path(source).name}
    template = Template.load(venue_name)
    started = time.perf_counter()
    out = Path(tempfile.mkdtemp(prefix="venues-"))
    try:
        rendered = render(source, None, template, ["pdf", "docx", "latex", "zip"], out)
    except InputError as exc:
        row["error"] = f"refused: {exc.message[:80]}"
        return row
    except Exception as exc:  # noqa: BLE001 - a bench records every failure
        row["error"] = f"{type(exc).__name__}: {str(exc)[:80]}"
        return row
    row["seconds"] = time.perf_counter() - started
    files = {path.suffix: data for path, data in rendered.files.items()}
    document = pypdfium2.PdfDocument(files[".pdf"])
    row["pages"] = len(document)
    document.close()
    row["rules"] = sorted({d["code"] for d in rendered.report["diagnostics"] if d["code"].startswith("VEN")})
    if template.venue.page.columns == 2:
        row["columns"] = column_pages(files[".pdf"], gutter(template.venue))
    edition = Edition(rendered.linked, template)
    if template.transliteration is not None:
        lists = {kind: [item.number for item in block.items] for kind, block in edition.bibliography.items()}
        same = lists.get("references", []) == lists.get("romanised", [])
        row["romanised"] = f"{len(lists.get('romanised', []))}/{len(lists.get('references', []))}" + ("" if same else " (numbers differ)")
    if compile_tex:
        row["latex"] = compile_zip(files[".zip"], Path(source).stem, out)
    shutil.rmtree(out, ignore_errors=True)
    return row


def compile_zip(data: bytes, stem: str, scratch: Path) -> str:
    """The zip compiled alone with XeLaTeX (twice): `N p.` or what stopped it."""
    folder = scratch / "zip"
    zipfile.ZipFile(io.BytesIO(data)).extractall(folder)
    for _ in range(2):
        run = subprocess.run(["xelatex", "-interaction=nonstopmode", "-halt-on-error", "-no-shell-escape", f"{stem}.tex"], cwd=folder, capture_output=True, text=True, errors="replace", timeout=600)
    if run.returncode != 0:
        error = next((line for line in run.stdout.splitlines() if line.startswith("!")), "failed")
        return f"fails: {error[:60]}"
    info = subprocess.run(["pdfinfo", str(folder / f"{stem}.pdf")], capture_output=True, text=True).stdout
    pages = re.search(r"Pages:\s+(\d+)", info)
    return f"{pages.group(1)} p." if pages else "no PDF"


def table(rows: list[dict], venue: str) -> list[str]:
    mine = [r for r in rows if r["venue"] == venue]
    ok = [r for r in mine if "error" not in r]
    lines = [f"## {venue}", ""]
    compiled = [r for r in ok if "latex" in r]
    summary = f"{len(ok)} of {len(mine)} papers build (PDF, DOCX, LaTeX, zip)"
    if compiled:
        summary += f"; {sum(not r['latex'].startswith(('fails', 'no PDF')) for r in compiled)} of {len(compiled)} zips compile alone with XeLaTeX"
    if any("columns" in r for r in ok):
        clean, overfull, total = (sum(r["columns"][i] for r in ok if "columns" in r) for i in range(3))
        summary += (f"; of {total} later pages {clean} keep every word to a column, {overfull} have a word running into the gutter"
                    f" (an overfull line) and {total - clean - overfull} a figure or table across both columns")
    if any("romanised" in r for r in ok):
        same = sum(1 for r in ok if "romanised" in r and "differ" not in r["romanised"] and r["romanised"].split("/")[0] == r["romanised"].split("/")[1])
        summary += f"; {same} of {len(ok)} romanised lists as long as the list, same numbers"
    lines += [summary + ".", ""]
    head = ["paper", "pages", "rule findings", "s"]
    head += ["column pages"] if any("columns" in r for r in ok) else []
    head += ["romanised"] if any("romanised" in r for r in ok) else []
    head += ["XeLaTeX"] if compiled else []
    lines += ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    for r in mine:
        if "error" in r:
            lines.append(f"| {r['paper']} | {r['error']} |" + " |" * (len(head) - 2))
            continue
        cells = [r["paper"], str(r["pages"]), " ".join(r["rules"]) or "—", f"{r['seconds']:.2f}"]
        if "column pages" in head:
            clean, overfull, total = r["columns"]
            cells.append(f"{clean}/{total}" + (f" ({overfull} overfull)" if overfull else ""))
        if "romanised" in head:
            cells.append(r.get("romanised", "—"))
        if compiled:
            cells.append(r.get("latex", "—"))
        lines.append("| " + " | ".join(cells) + " |")
    return lines + [""]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", default=str(BENCH / "VENUES.md"), help="file to write, or - for stdout")
    parser.add_argument("--no-compile", action="store_true", help="skip compiling the zips with XeLaTeX")
    parser.add_argument("--jobs", type=int, default=2)
    args = parser.parse_args()
    compile_tex = not args.no_compile and shutil.which("xelatex") is not None
    jobs = [(venue, str(paper), compile_tex) for venue in VENUES for paper in papers()]
    started = time.perf_counter()
    with ProcessPoolExecutor(args.jobs) as pool:
        rows = list(pool.map(build_one, jobs))
    lines = [
        "# Conference venues on every paper",
        "",
        f"Written by `bench/venues.py`: {len(papers())} papers (source/ and the corpus: pdftotext's .txt, the .pdf and the .docx forms)"
        f" × {len(VENUES)} venues, {time.perf_counter() - started:.0f} s with {args.jobs} processes.",
        "Rule findings are the venue's own (`[rules]` in its template.toml): the corpus papers were written for other venues, so most break some.",
        "Column pages (ieee-conference): later pages whose words all keep to one column. A page with a figure or table set across both columns has words over the gutter by design;"
        " an overfull line runs into the gutter where the line breaker found no place to break a long word (a URL, an identifier: exporter/typography breaks words only at hyphenation points).",
        "",
    ]
    for venue in VENUES:
        lines += table(rows, venue)
    text = "\n".join(lines)
    if args.out == "-":
        print(text)
    else:
        Path(args.out).write_text(text, encoding="utf-8")
        print(f"wrote {args.out}")


if __name__ == "__main__":
    main()
