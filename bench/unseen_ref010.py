"""REF010 (a required field missing) on reference lists nobody here had read: is each finding right?

    .venv/bin/python bench/unseen_ref010.py            # writes bench/UNSEEN_REF010.md
    .venv/bin/python bench/unseen_ref010.py --out -    # prints it

bench/entry_fields.py measures REF010's precision on the corpus against verdicts written by
reading each entry. This measures it on the labelled lists of bench/unseen/lists.json (every
batch, every form a paper is read in), where the labels were written by hand before the tool
ran and never for REF010: a finding is right when the labelled entry has none of the fields the
finding says are missing (`pages` → the label's pages, `journal`/`booktitle` → its container,
`publisher` → its publisher, `year` → its year, `author|title` → its first author and title).
A finding on an entry no label covers (lists labelled in part) is counted apart, unjudged.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from pathlib import Path

BENCH = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCH.parent))
sys.path.insert(0, str(BENCH))

from unseen_frontmatter import source_bytes  # noqa: E402  (bench/unseen_frontmatter.py)
from unseen_lists import PAPERS, align, forms_of  # noqa: E402  (bench/unseen_lists.py)

from exporter.diagnostics import InputError  # noqa: E402
from exporter.pipeline import read_and_link  # noqa: E402

LISTS = BENCH / "unseen" / "lists.json"
# The label that says whether a field the finding names is in the entry.
LABEL_OF = {"pages": "pages", "journal": "container", "booktitle": "container", "publisher": "publisher",
            "institution": "publisher", "school": "publisher", "year": "year", "author": "first_author", "title": "title"}


def findings(path: Path) -> tuple[list, list[tuple[object, tuple[str, ...]]]]:
    """The paper's entries and its REF010 findings as (entry, missing field groups)."""
    linked = read_and_link(str(path), named_bib=False)
    entries = list(linked.document.references)
    by_name = {f"[{e.number}]": e for e in entries} | {f"'{e.key}' [{e.number}]": e for e in entries}
    out = []
    for d in linked.diagnostics:
        if d.code == "REF010":
            args = dict(d.args)
            out.append((by_name.get(args.get("entry")), tuple(args.get("missing", ()))))
    return entries, out


def verdict(label: dict, missing: tuple[str, ...]) -> bool:
    """Whether the labelled entry lacks every field group the finding names (a group `a|b`
    is missing when the label has neither)."""
    return all(all(label.get(LABEL_OF.get(name, name)) in (None, "") for name in group.split("|")) for group in missing)


def run(mirrors: Path) -> list[dict]:
    data = json.loads(LISTS.read_text(encoding="utf-8"))
    sources = {p["name"]: p for p in json.loads(PAPERS.read_text(encoding="utf-8"))["papers"]}
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        for paper in data["papers"]:
            where = paper if "source" in paper else sources.get(paper["paper"])
            raw = source_bytes(where["source"], mirrors) if where else None
            if raw is None or not paper["entries"]:
                continue
            for form, path in forms_of(where | {"paper": paper["paper"]}, raw, Path(tmp)):
                try:
                    entries, found = findings(path)
                except InputError:
                    continue
                labelled = dict((id(e), item) for item, e in zip(paper["entries"], align(paper["entries"], entries)) if e is not None)
                for entry, missing in found:
                    label = labelled.get(id(entry))
                    rows.append({"paper": paper["paper"], "batch": paper.get("batch", 1), "form": form, "number": entry.number if entry else None,
                                 "missing": missing, "right": verdict(label, missing) if label else None, "text": entry.text if entry else ""})
    return rows


def report(rows: list[dict]) -> str:
    judged = [r for r in rows if r["right"] is not None]
    right = sum(r["right"] for r in judged)
    lines = [
        "# REF010 on reference lists nobody here had read",
        "",
        "Written by `bench/unseen_ref010.py` (see its docstring). Labels: bench/unseen/lists.json, written by hand before the tool ran and never for REF010.",
        "",
        f"REF010 findings on labelled entries: {len(judged)}; right (the label lacks every field the finding names): {right} "
        f"({right / len(judged) if judged else 1:.0%}; issue 16's target on the corpus: 95 %). Findings on entries no label covers: {len(rows) - len(judged)}.",
        "",
        "| paper | batch | form | entry | missing | right |",
        "|---|---:|---|---:|---|---|",
    ]
    for r in judged:
        lines.append(f"| {r['paper']} | {r['batch']} | {r['form']} | {r['number']} | {', '.join(r['missing'])} | {'yes' if r['right'] else '**no**'} |")
    wrong = [r for r in judged if not r["right"]]
    if wrong:
        lines += ["", "The wrong ones, as read:", ""] + [f"- {r['paper']} ({r['form']}) [{r['number']}] missing {', '.join(r['missing'])}: `{r['text'][:200]}`" for r in wrong]
    return "\n".join(lines) + "\n"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mirrors", type=Path, default=Path("/work/.mirror"))
    parser.add_argument("--out", default=str(BENCH / "UNSEEN_REF010.md"))
    args = parser.parse_args()
    text = report(run(args.mirrors))
    if args.out == "-":
        print(text)
    else:
        Path(args.out).write_text(text, encoding="utf-8")
        print(text.split("\n\n")[2])
    return 0


if __name__ == "__main__":
    sys.exit(main())
