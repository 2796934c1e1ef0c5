"""Title blocks in more than one language: what the readers find against what the papers print.

    .venv/bin/python bench/title_blocks.py              # writes bench/TITLE_BLOCKS.md
    .venv/bin/python bench/title_blocks.py --out -      # to stdout

The truth is bench/unseen/title_blocks.json: for unseen Word papers (bench/unseen/papers.json,
taken from the repositories' snapshots as bench/unseen_frontmatter.py takes them) and the
corpus's PDFs (/work/shared/corpus/pdf, read as the PDF and as its pdftotext text), the
languages in which each prints a title, an author line, an abstract and a keyword set, read by
hand before the tool ran. A block is found when the reader gives one in that language (each
language found by exporter/language.py from the block's own text); a block read in a language
the paper does not print it in is `extra` (a block made up, or read in the wrong language).

VEN002 is the kz-journal venue's rule (an abstract in kk, ru and en): a finding for a language
the paper prints an abstract in is false. `--all-docx` also counts VEN002 (en) on every Word
paper of bench/unseen/papers.json whose snapshot is here (no truth: the papers whose count
moved are named, to be read by hand).
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
for folder in (ROOT, BENCH):
    if str(folder) not in sys.path:
        sys.path.insert(0, str(folder))

from unseen_frontmatter import source_bytes  # noqa: E402

from exporter.diagnostics import InputError  # noqa: E402
from exporter.language import detect_language  # noqa: E402
from exporter.readers import read_document  # noqa: E402
from exporter.venue_rules import Rules, abstract_languages  # noqa: E402

TRUTH = BENCH / "unseen" / "title_blocks.json"
PAPERS = BENCH / "unseen" / "papers.json"
LISTS = BENCH / "unseen" / "lists.json"
# $EXPORTER_CORPUS, else `shared/corpus` beside the checkout or above it (a worktree's), as bench/entry_fields.py finds it
CORPUS = next((p for p in ([Path(os.environ["EXPORTER_CORPUS"])] if os.environ.get("EXPORTER_CORPUS") else [])
               + [ROOT.parent / "shared" / "corpus", ROOT.parent.parent / "shared" / "corpus"] if p.is_dir()), ROOT.parent / "shared" / "corpus") / "pdf"
KINDS = ("titles", "authors", "abstracts", "keywords")
KZ = Rules(abstract_languages=("kk", "ru", "en"))


def blocks_read(meta) -> dict[str, list[str]]:
    """The languages of each kind of block the reader gives (the title's and the authors' own
    and their translations'), as exporter/language.py tells them from the text."""
    titles = [detect_language(meta.title_text)] if meta.title_text else []
    authors = [detect_language(" ".join(meta.authors))] if meta.authors else []
    for t in getattr(meta, "translations", ()):
        if t.title:
            titles.append(t.language)
        if t.authors:
            authors.append(detect_language(" ".join(t.authors)))
    return {
        "titles": titles,
        "authors": authors,
        "abstracts": [lang for lang, _ in meta.abstracts],
        "keywords": [lang for lang, _ in meta.keyword_sets] or ([detect_language(" ".join(meta.keywords))] if meta.keywords else []),
    }


def read(path: Path):
    try:
        return read_document(str(path))
    except InputError as exc:
        return exc


def compare(truth: dict, doc) -> dict:
    if isinstance(doc, Exception):
        return {"error": str(doc)}
    got = blocks_read(doc.meta)
    row = {}
    for kind in KINDS:
        want, have = set(truth[kind]), set(got[kind])
        row[kind] = (len(want & have), len(want), sorted(have - want))
    ven = {dict(d.args)["language"] for d in abstract_languages(doc, KZ)}
    row["false_ven002"] = sorted(ven & set(truth["abstracts"]))
    return row


def score(mirrors: Path) -> list[tuple[str, str, dict]]:
    truth = json.loads(TRUTH.read_text(encoding="utf-8"))
    sources = {p["name"]: p["source"] for p in json.loads(PAPERS.read_text(encoding="utf-8"))["papers"]}
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        for paper in truth["papers"]:
            data = source_bytes(sources[paper["name"]], mirrors)
            if data is None:
                rows.append((paper["name"], "docx", {"error": "no snapshot"}))
                continue
            path = Path(tmp) / f"{paper['name']}.docx"
            path.write_bytes(data)
            rows.append((paper["name"], "docx", compare(paper, read(path))))
        lists = {p["paper"]: p["source"] for p in json.loads(LISTS.read_text(encoding="utf-8"))["papers"] if p.get("source")}
        for paper in truth.get("fresh", ()):
            data = source_bytes(lists[paper["name"]], mirrors)
            if data is None:
                rows.append((f"{paper['name']} (second set)", paper["form"], {"error": "no snapshot"}))
                continue
            path = Path(tmp) / f"{paper['name']}.{paper['form']}"
            path.write_bytes(data)
            forms = [("docx", path)]
            if paper["form"] == "pdf":
                subprocess.run(["pdftotext", "-enc", "UTF-8", str(path), str(path.with_suffix(".txt"))], check=True, capture_output=True)
                forms = [("txt", path.with_suffix(".txt")), ("pdf", path)]
            for form, source in forms:
                rows.append((f"{paper['name']} (second set)", form, compare(paper, read(source))))
        for paper in truth["corpus"]:
            for form in ("txt", "pdf"):
                path = CORPUS / f"{paper['name']}.{form}"
                rows.append((f"{paper['name']} ({paper['half']})", form, compare(paper, read(path)) if path.exists() else {"error": "not in the corpus"}))
    return rows


def all_docx(mirrors: Path) -> tuple[int, int, list[str]]:
    """(Word papers read, those with VEN002 for en, their names)."""
    papers = [p for p in json.loads(PAPERS.read_text(encoding="utf-8"))["papers"] if p.get("form") == "docx" or p["source"].lower().endswith(".docx")]
    read_n, named = 0, []
    with tempfile.TemporaryDirectory() as tmp:
        for paper in papers:
            data = source_bytes(paper["source"], mirrors)
            if data is None:
                continue
            path = Path(tmp) / f"{paper['name']}.docx"
            path.write_bytes(data)
            doc = read(path)
            if isinstance(doc, Exception):
                continue
            read_n += 1
            if any(dict(d.args)["language"] == "en" for d in abstract_languages(doc, KZ)):
                named.append(paper["name"])
    return read_n, len(named), named


def _cell(value) -> str:
    if isinstance(value, tuple):
        found, wanted, extra = value
        return f"{found}/{wanted}" + (f" +{','.join(extra)}" if extra else "")
    return ", ".join(value) if value else "–"


def report(rows: list[tuple[str, str, dict]], docx_count: tuple | None) -> str:
    out = [
        "# Title blocks in more than one language",
        "",
        "Written by `bench/title_blocks.py` (see its docstring). Truth: bench/unseen/title_blocks.json, read by hand "
        "before the tool ran. Each cell: blocks found in the languages printed / blocks printed; `+xx`: a block read "
        "in a language the paper does not print that block in. `false VEN002`: the kz-journal venue's VEN002 for a "
        "language the paper does print an abstract in.",
        "",
        "| paper | form | titles | author lines | abstracts | keyword sets | false VEN002 |",
        "|---|---|---|---|---|---|---|",
    ]
    totals = {}
    for name, form, row in rows:
        if "error" in row:
            out.append(f"| {name} | {form} | {row['error']} | | | | |")
            continue
        out.append(f"| {name} | {form} | " + " | ".join(_cell(row[k]) for k in KINDS) + f" | {_cell(row['false_ven002'])} |")
        group = "second set" if "(second set)" in name else "corpus" if "(dev)" in name or "(held_out)" in name else "first set"
        t = totals.setdefault((group, form), {k: [0, 0, 0] for k in (*KINDS, "false_ven002")})
        for k in KINDS:
            t[k][0] += row[k][0]
            t[k][1] += row[k][1]
            t[k][2] += len(row[k][2])
        t["false_ven002"][0] += len(row["false_ven002"])
    out += ["", "| set | form | titles | author lines | abstracts | keyword sets | extra blocks | false VEN002 |", "|---|---|---|---|---|---|---|---|"]
    for (group, form), t in totals.items():
        out.append(f"| {group} | {form} | " + " | ".join(f"{t[k][0]}/{t[k][1]}" for k in KINDS) + f" | {sum(t[k][2] for k in KINDS)} | {t['false_ven002'][0]} |")
    if docx_count is not None:
        n, ven, names = docx_count
        out += ["", f"Every unseen Word paper here ({n} read): VEN002 for en on {ven}.", "", "Those papers: " + ", ".join(names)]
    return "\n".join(out) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mirrors", default="/work/.mirror", help="root of the repository snapshots")
    parser.add_argument("--out", default=str(BENCH / "TITLE_BLOCKS.md"), help="report file, '-' for stdout")
    parser.add_argument("--all-docx", action="store_true", help="also count VEN002 (en) on every unseen Word paper")
    args = parser.parse_args(argv)
    mirrors = Path(args.mirrors)
    text = report(score(mirrors), all_docx(mirrors) if args.all_docx else None)
    if args.out == "-":
        sys.stdout.write(text)
    else:
        Path(args.out).write_text(text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
