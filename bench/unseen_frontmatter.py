"""Title and first author on papers nobody on the project had read (issue 16's front-matter target).

    .venv/bin/python bench/unseen_frontmatter.py             # writes bench/UNSEEN.md
    .venv/bin/python bench/unseen_frontmatter.py --out -     # to stdout

The papers are listed in bench/unseen/papers.json (source repository, commit and path; licence
as printed; title and first author read off the first page by hand, before the tool was run on
them). The PDFs are not copied into the project: each is taken from the repository's snapshot
(the `fetch` tool puts them at /work/.mirror/OWNER+NAME/repo; --mirrors changes the root) with
`git cat-file blob COMMIT:PATH`. Every PDF is read in two forms: the PDF, and pdftotext's text of it
(`-enc UTF-8`, as the corpus's text files were made); a Word paper (`"form": "docx"`) as it is.
A paper is scored on what it has (a `null` title or first author is not present). Matching is bench/corpus.py's
(`title_matches`, `author_matches`). Each form is read twice: by the readers as shipped and
with the line-role model turned off (`rules`).

Affiliations have no truth here: the report counts, per form, the affiliations read and those
that are plainly a fragment of one (`fragment`): a line of a wrapped entry read alone.
"""

from __future__ import annotations

import argparse
import json
import re
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
FORMS = ("txt", "pdf", "docx")
# The end of a line an affiliation goes on after: a comma, hyphen, `&` or `/`, a connective.
_OPEN_END = re.compile(r"(?:[,&/-]|\s(?:of|and|for|the|at|in|de|и|при|им\.|имени))$", re.IGNORECASE)


def fragment(affiliation: str) -> bool:
    """An affiliation that is plainly a piece of one: it ends open (`School of`,
    `University School of Medicine,`), is one word (`Кафедра`), or opens a bracket or a quote
    it does not close (`«Уральский федеральный университет`)."""
    text = affiliation.strip()
    pairs = (("(", ")"), ("«", "»"), ("“", "”"))
    return bool(_OPEN_END.search(text)) or len(text.split()) == 1 or any(text.count(a) > text.count(b) for a, b in pairs)


def source_bytes(source: str, mirrors: Path) -> bytes | None:
    """The file named `owner/name@commit:path` from its snapshot under `mirrors`, or None."""
    repo, _, rest = source.partition("@")
    commit, _, path = rest.partition(":")
    git_dir = mirrors / repo.replace("/", "+") / "repo"
    if (git_dir / ".git").is_dir():  # a snapshot brought as a work tree
        git_dir = git_dir / ".git"
    if not git_dir.is_dir():
        return None
    # `cat-file blob`: `git show` first stats the argument as a file, and a name over 255 bytes stops it
    done = subprocess.run(["git", "--git-dir", str(git_dir), "cat-file", "blob", f"{commit}:{path}"], capture_output=True)
    return done.stdout if done.returncode == 0 else None


def read_meta(path: Path, model: bool):
    roles.ENABLED = model
    try:
        return read_document(str(path)).meta
    except InputError as exc:
        return exc
    except Exception as exc:  # a reader that crashes reads nothing: scored as a miss, named in the report
        return InputError(str(path), f"crashed: {type(exc).__name__}: {exc}")
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
            source = Path(tmp) / f"{paper['name']}.{paper.get('form', 'pdf')}"
            source.write_bytes(data)
            forms = [("docx", source)]
            if paper.get("form", "pdf") == "pdf":
                txt = source.with_suffix(".txt")
                subprocess.run(["pdftotext", "-enc", "UTF-8", str(source), str(txt)], check=True, capture_output=True)
                forms = [("txt", txt), ("pdf", source)]
            row = {"name": paper["name"], "added": paper.get("added"), "title": paper["title"] is not None, "author": paper["first_author"] is not None}
            for form, path in forms:
                for kind, model in (("rules", False), ("shipped", True)):
                    meta = read_meta(path, model)
                    if isinstance(meta, InputError):
                        row[form, kind] = (False, False, f"refused: {str(meta).replace(tmp + '/', '')}")  # no temporary folder in the report
                        continue
                    title, authors = meta.title_text, meta.authors
                    found_title = paper["title"] is not None and title_matches(title, paper["title"])
                    found_author = paper["first_author"] is not None and author_matches(authors, paper["first_author"])
                    row[form, kind] = (found_title, found_author, f"{title!r} / {authors[0] if authors else None!r}")
                    row[form, kind, "affiliations"] = meta.affiliations
            rows.append(row)
    return rows, missing


def _counts(rows: list[dict], form: str, kind: str) -> tuple[str, str]:
    """(`found/present` for the title, the same for the first author) of the rows read in `form`."""
    read = [r for r in rows if (form, kind) in r]
    titles = [r for r in read if r["title"]]
    authors = [r for r in read if r["author"]]
    t = sum(r[form, kind][0] for r in titles)
    a = sum(r[form, kind][1] for r in authors)
    return f"{t}/{len(titles)}" + (f" ({t / len(titles):.0%})" if titles else ""), f"{a}/{len(authors)}" + (f" ({a / len(authors):.0%})" if authors else "")


def report(rows: list[dict], missing: list[str], first_runs: list[dict] = (), designed_from: list[str] = ()) -> str:
    out = [
        "# Title and first author on papers nobody here had read",
        "",
        "Written by `bench/unseen_frontmatter.py` (see its docstring). Papers: bench/unseen/papers.json "
        "(sources, licences, truth read by hand). Issue 16's target: title and first author found in "
        "≥ 90 % of unseen text, PDF and Word papers. `rules`: the line-role model turned off; `shipped`: the readers as they are.",
        "",
        "| form | reader | title (found/present) | first author (found/present) |",
        "|---|---|---|---|",
    ]
    for form in FORMS:
        for kind in ("rules", "shipped"):
            out.append(f"| {form} | {kind} | {' | '.join(_counts(rows, form, kind))} |")
    out += ["", "Affiliations (no truth: read, and plainly a fragment of one, `fragment`), shipped readers:", "",
            "| form | papers with any | affiliations | fragments |", "|---|---|---|---|"]
    for form in FORMS:
        read = [r[form, "shipped", "affiliations"] for r in rows if (form, "shipped", "affiliations") in r]
        found = [a for affiliations in read for a in affiliations]
        out.append(f"| {form} | {sum(bool(a) for a in read)}/{len(read)} | {len(found)} | {sum(map(fragment, found))} |")
    unseen = [r for r in rows if r["name"] not in designed_from]
    if designed_from:
        out += ["", f"Still unseen ({len(unseen)}: all but {', '.join(designed_from)}, which rules were written from after the first run; "
                "the papers whose misses were read leave this set, so it flatters the readers: each batch's first run below is the measure):", "",
                "| form | title | first author |", "|---|---|---|"]
        for form in FORMS:
            out.append(f"| {form} | {' | '.join(_counts(unseen, form, 'shipped'))} |")
    for batch in sorted({r["added"] for r in rows if r.get("added")}):
        added = [r for r in rows if r.get("added") == batch]
        out += ["", f"The papers added by {batch} ({len(added)}), shipped readers:", "", "| form | title | first author |", "|---|---|---|"]
        for form in FORMS:
            out.append(f"| {form} | {' | '.join(_counts(added, form, 'shipped'))} |")
    for run in first_runs:
        out += ["", f"First run ({run['what']}): txt title {run['txt']['title']}, first author {run['txt']['first_author']}; "
                f"PDF title {run['pdf']['title']}, first author {run['pdf']['first_author']}; "
                f"DOCX title {run['docx']['title']}, first author {run['docx']['first_author']}. Misses: {run['failures']}."
                + (f" Fixed since: {run['fixed']}." if run.get("fixed") else "")]
    out += [""]
    if missing:
        out += [f"Not scored (snapshot missing; `fetch` the repository): {', '.join(missing)}.", ""]
    out += ["## Per paper (shipped readers)", "", "| paper | form | title | 1st author | read as (title / first author) |", "|---|---|---|---|---|"]
    for r in rows:
        for form in FORMS:
            if (form, "shipped") in r:
                found_title, found_author, read_as = r[form, "shipped"]
                marks = [("✓" if hit else "✗") if present else "" for hit, present in ((found_title, r["title"]), (found_author, r["author"]))]
                out.append(f"| {r['name']} | {form} | {marks[0]} | {marks[1]} | {read_as.replace('|', '/')[:160]} |")
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
            for key in ((f, k) for f in FORMS for k in ("rules", "shipped") if (f, k) in r):
                print(r["name"], *key, *r[key])
    text = report(rows, missing, listed.get("first_runs", ()), [p["name"] for p in papers if p.get("designed_from")])
    if args.out == "-":
        sys.stdout.write(text)
    else:
        Path(args.out).write_text(text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
