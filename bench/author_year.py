"""Author–year papers (APA, Harvard) checked before and after author–year citations were read:
how many entries `check` calls never cited (CIT002), and the author–year citations it reports
as naming no entry (CIT007), on real papers from public repositories.

    .venv/bin/python bench/author_year.py --before /path/to/an/older/tree   # writes bench/AUTHOR_YEAR.md

Two papers (lakens, lian) are the ones the reading was written from; the others were first run
after it was written, no rule changed from them. Each CIT007 is listed to be judged by reading
the paper. The papers are read from the repository snapshots (`fetch` puts them under
/work/.mirror/OWNER+NAME/repo), never copied into the project.
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

# (name, repository, commit, path, how it was used)
PAPERS = [
    ("lakens_equivalence", "Lakens/EquivalenceTestingForPsychologicalScience", "0f3b85107acfd35927841a9b9114f1ba086e04e9", "manuscript.docx", "written from"),
    ("lian_ribose", "Kristianlian/ribose-paper", "d75d68bf9f0705a9827d8f18d903244f770d2823", "manuscript.docx", "written from"),
    ("apartsin_cxr_rejection", "ApartsinProjects/cxr-selective-rejection", "6689e74500915dfa4ca657a2ac5b2c486f83b0a0", "manuscript.docx", "unseen"),
    ("makowski_complexity", "DominiqueMakowski/ComplexityStructure", "a94aa61ef0a180ffe3f6f7651f96099c2bffc3ae", "manuscript.pdf", "unseen"),
    ("article1_manuscript", "46134167/Article1", "4ac9ea13d0759e79c254c1d838441d216290b539", "manuscript.pdf", "unseen; then one rule from it"),
    ("heiman_mask_wearing", "ScottClaessens/covidMaskWearing", "8c3a000dca3f99dbd26a736b3f6aed5a597ba920", "manuscript.pdf", "unseen"),
]

# Each CIT007 judged by reading the paper: (paper, citation as written) -> verdict.
JUDGED = {
    ("article1_manuscript", "Macklem, 2015"): "the entry is printed (Macklem, G. L. (2015). Boredom in the classroom…), but the list "
    "reader glued it to the entry before, whose DOI breaks over two lines: the finding is the symptom of a list-splitting error, "
    "not a missing entry (left: the list reader's to fix)",
}

CHECK = """
import json, sys
sys.path.insert(0, sys.argv[1])
from exporter.pipeline import read_and_link
linked = read_and_link(sys.argv[2])
print(json.dumps({"entries": len(linked.document.references),
                  "findings": [[d.code, d.text("en"), d.context or ""] for d in linked.diagnostics if d.code in ("CIT002", "CIT007")]}))
"""


def run(tree: Path, paper: Path) -> dict:
    """`check`'s CIT002 and CIT007 findings on `paper` with the exporter of `tree` (a fresh process)."""
    out = subprocess.run([sys.executable, "-c", CHECK, str(tree), str(paper)], capture_output=True, text=True, check=True)
    return json.loads(out.stdout)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--before", type=Path, required=True, help="a tree of the project before author-year citations were read")
    parser.add_argument("--mirrors", default="/work/.mirror")
    parser.add_argument("--out", default=str(BENCH / "AUTHOR_YEAR.md"))
    args = parser.parse_args(argv)
    rows, judged = [], []
    with tempfile.TemporaryDirectory() as tmp:
        for name, repo, commit, path, use in PAPERS:
            paper = Path(tmp) / f"{name}{Path(path).suffix}"
            git = Path(args.mirrors) / repo.replace("/", "+") / "repo"
            paper.write_bytes(subprocess.run(["git", "-C", str(git), "show", f"{commit}:{path}"], capture_output=True, check=True).stdout)
            before, after = run(args.before, paper), run(ROOT, paper)
            count = lambda r, code: sum(f[0] == code for f in r["findings"])  # noqa: E731
            rows.append(f"| {name} | {use} | {after['entries']} | {count(before, 'CIT002')} | {count(after, 'CIT002')} | {count(after, 'CIT007')} |")
            judged += [f"- {name}: `{f[1]}` (at «{f[2]}»): {JUDGED.get((name, f[1].split(': ')[0]), 'not judged yet')}"
                       for f in after["findings"] if f[0] == "CIT007"]
    text = REPORT.format(rows="\n".join(rows), cit007="\n".join(judged) or "none")
    Path(args.out).write_text(text, encoding="utf-8")
    print(text)
    return 0


REPORT = """# Author–year papers

Written by bench/author_year.py. `check` on real APA/Harvard papers from public repositories,
before author–year citations were read (every entry of such a paper was "never cited") and
after. "written from": the reading was written against these papers; "unseen": first run
after it was written, nothing changed from them (article1's first run: 30 CIT002 before, 2
after, 1 CIT007; one general rule was then written from it, `&Dewaele` with the space lost).

| paper | use | entries | CIT002 before | CIT002 after | CIT007 after |
|---|---|---:|---:|---:|---:|
{rows}

CIT007 findings (an author–year citation naming no entry), to be judged by reading the paper:

{cit007}
"""


if __name__ == "__main__":
    raise SystemExit(main())
