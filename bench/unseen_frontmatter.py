"""Title and first author on papers nobody on the project had read (issue 16's front-matter target).

    .venv/bin/python bench/unseen_frontmatter.py             # writes bench/UNSEEN.md
    .venv/bin/python bench/unseen_frontmatter.py --out -     # to stdout

The papers are listed in bench/unseen/papers.json (source repository, commit and path; licence
as printed; title and first author read off the first page by hand, before the tool was run on
them). The PDFs are not copied into the project: each is taken from the repository's snapshot
(the `fetch` tool puts them at /work/.mirror/OWNER+NAME/repo; --mirrors changes the root) with
`git show COMMIT:PATH`. Every paper is read in two forms: the PDF, and pdftotext's text of it
(`-enc UTF-8`, as the corpus's text files were made). Matching is bench/corpus.py's
(`title_matches`, `author_matches`). Each form is read twice: by the readers as shipped and
with the line-role model turned off (`rules`).
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
for folder in (ROOT, BENCH):
    if str(folder) not in sys.path:
        sys.path.insert(0, str(folder))

from corpus import author_matches, title_matches  # noqa: E402  (bench/corpus.py)

from exporter.diagnostics import InputError  # noqa: E402
from exporter.readers import read_document  # noqa: E402
from exporter.readers.plaintext import roles  # noqa: E402

PAPERS = BENCH / "unseen" / "papers.json"
FORMS = ("txt", "pdf")


def source_bytes(source: str, mirrors: Path) -> bytes | None:
    """The file named `owner/name@commit:path` from its snapshot under `mirrors`, or None."""
    repo, _, rest = source.partition("@")
    commit, _, path = rest.partition(":")
    git_dir = mirrors / repo.replace("/", "+") / "repo"
    if not git_dir.is_dir():
        return None
    done = subprocess.run(["git", "--git-dir", str(git_dir), "show", f"{commit}:{path}"], capture_output=True)
    return done.stdout if done.returncode == 0 else None


def read_meta(path: Path, model: bool):
    roles.ENABLED = model
    try:
        return read_document(str(path)).meta
    except InputError as exc:
        return exc
    finally:
        roles.ENABLED = True


def score(papers: list[dict], mirrors: Path) -> tuple[list[dict], list[str]]:
    rows, missing = [], []
    with tempfile.TemporaryDirectory() as tmp:
        for paper in papers:
            data = source_bytes(paper["source"], mirrors)
            if data is None:
                missing.append(paper["name"])
                continue
            pdf = Path(tmp) / f"{paper['name']}.pdf"
            pdf.write_bytes(data)
            txt = pdf.with_suffix(".txt")
            subprocess.run(["pdftotext", "-enc", "UTF-8", str(pdf), str(txt)], check=True, capture_output=True)
            row = {"name": paper["name"]}
            for form, path in (("txt", txt), ("pdf", pdf)):
                for kind, model in (("rules", False), ("shipped", True)):
                    meta = read_meta(path, model)
                    if isinstance(meta, InputError):
                        row[form, kind] = (False, False, f"refused: {meta}")
                        continue
                    title, authors = meta.title_text, meta.authors
                    row[form, kind] = (title_matches(title, paper["title"]), author_matches(authors, paper["first_author"]), f"{title!r} / {authors[0] if authors else None!r}")
            rows.append(row)
    return rows, missing


def report(rows: list[dict], missing: list[str], first_run: dict | None = None, designed_from: list[str] = ()) -> str:
    n = len(rows)
    out = [
        "# Title and first author on papers nobody here had read",
        "",
        "Written by `bench/unseen_frontmatter.py` (see its docstring). Papers: bench/unseen/papers.json "
        "(sources, licences, truth read by hand). Issue 16's target: title and first author found in "
        "≥ 90 % of unseen text, PDF and Word papers. `rules`: the line-role model turned off; `shipped`: the readers as they are.",
        "",
        "| form | reader | title | first author | both |",
        "|---|---|---|---|---|",
    ]
    for form in FORMS:
        for kind in ("rules", "shipped"):
            t = sum(r[form, kind][0] for r in rows)
            a = sum(r[form, kind][1] for r in rows)
            both = sum(r[form, kind][0] and r[form, kind][1] for r in rows)
            out.append(f"| {form} | {kind} | {t}/{n} ({t / n:.0%}) | {a}/{n} ({a / n:.0%}) | {both}/{n} ({both / n:.0%}) |")
    unseen = [r for r in rows if r["name"] not in designed_from]
    if designed_from:
        out += ["", f"Still unseen ({len(unseen)}: all but {', '.join(designed_from)}, which rules were written from after the first run):", "",
                "| form | title | first author |", "|---|---|---|"]
        for form in FORMS:
            t = sum(r[form, "shipped"][0] for r in unseen)
            a = sum(r[form, "shipped"][1] for r in unseen)
            out.append(f"| {form} | {t}/{len(unseen)} | {a}/{len(unseen)} |")
    if first_run:
        out += ["", f"First run ({first_run['what']}): txt title {first_run['txt']['title']}, first author {first_run['txt']['first_author']}; "
                f"PDF title {first_run['pdf']['title']}, first author {first_run['pdf']['first_author']}. Misses: {first_run['failures']}."]
    out += ["", "Word papers: none here (no open-licence DOCX paper unseen by the project was found); see bench/CORPUS.md for the corpus's DOCX held-out half.", ""]
    if missing:
        out += [f"Not scored (snapshot missing; `fetch` the repository): {', '.join(missing)}.", ""]
    out += ["## Per paper (shipped readers)", "", "| paper | txt title | txt 1st author | pdf title | pdf 1st author | pdf read as (title / first author) |", "|---|---|---|---|---|---|"]
    mark = {True: "✓", False: "✗"}
    for r in rows:
        out.append(f"| {r['name']} | {mark[r['txt', 'shipped'][0]]} | {mark[r['txt', 'shipped'][1]]} | {mark[r['pdf', 'shipped'][0]]} | {mark[r['pdf', 'shipped'][1]]} | {r['pdf', 'shipped'][2].replace('|', '/')[:160]} |")
    return "\n".join(out) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mirrors", default="/work/.mirror", help="root of the repository snapshots")
    parser.add_argument("--out", default=str(BENCH / "UNSEEN.md"), help="report file, '-' for stdout")
    parser.add_argument("--verbose", action="store_true", help="print what each form read")
    args = parser.parse_args(argv)
    listed = json.loads(PAPERS.read_text(encoding="utf-8"))
    papers = listed["papers"]
    rows, missing = score(papers, Path(args.mirrors))
    if args.verbose:
        for r in rows:
            for key in ((f, k) for f in FORMS for k in ("rules", "shipped")):
                print(r["name"], *key, *r[key])
    text = report(rows, missing, listed.get("first_run"), [p["name"] for p in papers if p.get("designed_from")])
    if args.out == "-":
        sys.stdout.write(text)
    else:
        Path(args.out).write_text(text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
