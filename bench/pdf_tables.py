"""Tables in PDFs: how many of the tables their captions announce the PDF reader reads as
tables (docs/formats.md, "Tables").

    .venv/bin/python bench/pdf_tables.py            # writes bench/PDF_TABLES.md
    .venv/bin/python bench/pdf_tables.py --out -    # to stdout

Sets: the corpus's PDFs ($EXPORTER_CORPUS or ../shared/corpus), the unseen papers' PDFs of
bench/unseen/papers.json, and every PDF of GROBID's and CERMINE's test resources (English
journal papers), each taken from its repository's snapshot under /work/.mirror (the `fetch`
tool puts them there; --mirrors changes the root). A set whose files are missing is skipped
and said so.

Counted per PDF: the lines of its text layer that open a table's caption (`Таблица 2`,
`Table 1:`, `TABLE II`, `Окончание табл. 1`: a continuation is counted, and read as part of
its table), and the tables the reader makes. No truth beyond the captions: a table without a
caption is not counted (and not read: the reader takes a grid for a table only under a caption).
"""

from __future__ import annotations

import argparse
import glob
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from exporter.crossrefs import continued_table, find_crossrefs, roman_table_label  # noqa: E402
from exporter.diagnostics import InputError  # noqa: E402
from exporter.model import Table  # noqa: E402
from exporter.readers.pdf.reader import read_pdf, read_text_layer  # noqa: E402
from unseen_frontmatter import source_bytes  # noqa: E402

TEST_REPOSITORIES = ("kermitt2/grobid", "CeON/CERMINE")


def captions(path: str) -> int:
    """Lines of the text layer opening a table's caption."""
    count = 0
    for line in read_text_layer(path).lines:
        starts = tuple(sorted({0, *line.breaks}))
        if continued_table(line.text) or roman_table_label(line.text) or any(f.defines and f.kind == "table" for f in find_crossrefs(line.text, starts)):
            count += 1
    return count


def count(paths: list[tuple[str, str]]) -> list[dict]:
    rows = []
    for name, path in paths:
        try:
            tables = [b for b in read_pdf(path).blocks if isinstance(b, Table)]
            rows.append({"name": name, "captions": captions(path), "tables": len(tables), "numbers": [t.number or "–" for t in tables]})
        except InputError as exc:  # the message names the temporary copy: said without its folder
            rows.append({"name": name, "error": str(exc).replace(str(Path(path).parent) + "/", "")})
    return rows


def repository_pdfs(repo: str, mirrors: Path, into: Path) -> list[tuple[str, str]]:
    git_dir = mirrors / repo.replace("/", "+") / "repo"
    if not git_dir.is_dir():
        return []
    names = subprocess.run(["git", "--git-dir", str(git_dir), "ls-tree", "-r", "--name-only", "HEAD"], capture_output=True, text=True, check=True).stdout.split("\n")
    out = []
    for k, name in enumerate(n for n in names if n.lower().endswith(".pdf") and "/test" in n):
        data = subprocess.run(["git", "--git-dir", str(git_dir), "show", f"HEAD:{name}"], capture_output=True).stdout
        if data.startswith(b"%PDF"):
            target = into / f"{repo.replace('/', '+')}-{k}.pdf"
            target.write_bytes(data)
            out.append((f"{repo}:{name}", str(target)))
    return out


def unseen_pdfs(mirrors: Path, into: Path) -> list[tuple[str, str]]:
    papers = json.loads((ROOT / "bench" / "unseen" / "papers.json").read_text(encoding="utf-8"))["papers"]
    out = []
    for paper in papers:
        if not paper["source"].lower().endswith(".pdf"):
            continue
        data = source_bytes(paper["source"], mirrors)
        if data:
            target = into / f"{paper['name']}.pdf"
            target.write_bytes(data)
            out.append((paper["name"], str(target)))
    return out


def table(title: str, rows: list[dict]) -> list[str]:
    read = [r for r in rows if "error" not in r]
    total_c, total_t = sum(r["captions"] for r in read), sum(r["tables"] for r in read)
    lines = [f"## {title}", "", f"{len(read)} PDFs read; table captions {total_c}, tables read {total_t}.", "",
             "| PDF | captions | tables | numbers |", "|---|---:|---:|---|"]
    lines += [f"| {r['name']} | {r['captions']} | {r['tables']} | {', '.join(r['numbers'])} |" for r in read if r["captions"] or r["tables"]]
    lines += [f"| {r['name']} | – | – | not read: {r['error'][:80]} |" for r in rows if "error" in r]
    return lines + [""]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--out", default=str(ROOT / "bench" / "PDF_TABLES.md"))
    parser.add_argument("--mirrors", default="/work/.mirror")
    args = parser.parse_args()
    corpus = Path(os.environ.get("EXPORTER_CORPUS") or ROOT.parent / "shared" / "corpus")
    mirrors = Path(args.mirrors)
    out = ["# Tables in PDFs", "", "Written by `bench/pdf_tables.py` (see its docstring): per PDF, the lines opening a table's caption and the tables the reader makes.", ""]
    with tempfile.TemporaryDirectory() as tmp:
        sets = [("The corpus's PDFs", [(Path(p).stem, p) for p in sorted(glob.glob(str(corpus / "pdf" / "*.pdf")))]),
                ("Unseen papers (bench/unseen/papers.json)", unseen_pdfs(mirrors, Path(tmp))),
                ("GROBID's and CERMINE's test PDFs", [p for repo in TEST_REPOSITORIES for p in repository_pdfs(repo, mirrors, Path(tmp))])]
        for title, paths in sets:
            out += table(title, count(paths)) if paths else [f"## {title}", "", "Skipped: its files are not on this machine.", ""]
    text = "\n".join(out)
    if args.out == "-":
        print(text)
    else:
        Path(args.out).write_text(text, encoding="utf-8")
        print(f"wrote {args.out}")


if __name__ == "__main__":
    main()
