"""Cross-check of CSL formatting: our entries (citeproc-py) against pandoc's citeproc.

For each shipped style and each .bib file, every entry is formatted by us (the .bib loaded by
exporter, converted to CSL items, formatted by citeproc-py) and by pandoc from the same .bib
(`pandoc --citeproc --csl STYLE`, all entries cited in file order by `nocite`). Pandoc writes
HTML here, only so that each entry comes with its key (`<div id="ref-KEY">`); its text is
then compared with ours after whitespace normalisation.

    .venv/bin/python bench/csl_crosscheck.py [--show N] [FILE.bib ...]

Prints, per style and file, how many entries agree, and the first N differences.
"""

from __future__ import annotations

import argparse
import html
import json
import re
import subprocess
import sys
import tempfile
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from exporter.references.bibtex import load_bib  # noqa: E402
from exporter.references.csl import ALIASES, find_style, format_entries, plain  # noqa: E402
from exporter.references.csl import _numbered  # noqa: E402


def numbered(style: str) -> bool:
    return _numbered(str(find_style(style)))

STYLES = ("gost-r-7-0-5-2008-numeric", "ieee", "apa", "vancouver")
DEFAULT_FILES = sorted((ROOT / "references").glob("*.bib")) + [ROOT / "tests" / "data" / "tugboat-120.bib"]


def normalise(text: str) -> str:
    return " ".join(text.replace("\u00a0", " ").replace("\u202f", " ").split())


def ours(entries, style: str) -> dict[str, str]:
    runs = format_entries(entries, find_style(style), None)
    return {e.key: plain(r) for e, r in zip(entries, runs)}


def pandocs(bib: Path, keys: list[str], style: str) -> dict[str, str]:
    """pandoc's entry texts by key."""
    meta = {"bibliography": str(bib), "csl": str(find_style(style)), "nocite": ", ".join("@" + k for k in keys)}
    with tempfile.NamedTemporaryFile("w", suffix=".md", delete=False, encoding="utf-8") as doc:
        doc.write("---\n" + json.dumps(meta, ensure_ascii=False) + "\n---\n")
    out = subprocess.run(["pandoc", "--citeproc", "-t", "html", "--wrap=none", doc.name], capture_output=True, text=True, check=True).stdout
    Path(doc.name).unlink()
    found = {}
    for m in re.finditer(r'<div id="ref-([^"]*)" class="csl-entry"[^>]*>(.*?)</div>\s*(?=<div id="ref-|</div>)', out, re.S):
        text = re.sub(r"<[^>]+>", "", m.group(2))
        # The editions print each entry's own number: compare what follows it (as ours is).
        text = re.sub(r"^\s*\[?\d+\]?\.?\s*", "", html.unescape(text)) if numbered(style) else html.unescape(text)
        found[html.unescape(m.group(1))] = normalise(text)
    return found


def compare(bib: Path, style: str):
    entries = load_bib(str(bib)).entries
    mine = ours(entries, style)
    theirs = pandocs(bib, [e.key for e in entries], style)
    diffs = [(k, mine[k], theirs.get(k, "(pandoc printed no entry)")) for k in mine if normalise(mine[k]) != theirs.get(k)]
    return len(mine), diffs


def run(files: list[Path]) -> list[tuple[str, str, int, list]]:
    jobs = [(bib, style) for style in STYLES for bib in files]
    with ThreadPoolExecutor(max_workers=4) as pool:  # pandoc runs in its own process
        results = list(pool.map(lambda job: compare(*job), jobs))
    return [(style, bib.name, total, diffs) for (bib, style), (total, diffs) in zip(jobs, results)]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("files", nargs="*", type=Path)
    parser.add_argument("--show", type=int, default=3)
    args = parser.parse_args()
    assert set(STYLES) <= set(ALIASES)
    worst = 1.0
    for style, name, total, diffs in run(args.files or DEFAULT_FILES):
        share = 1 - len(diffs) / total if total else 1.0
        worst = min(worst, share)
        print(f"{style:28} {name:24} {total - len(diffs):4}/{total:<4} agree ({share:.0%})")
        for key, mine, theirs in diffs[: args.show]:
            print(f"    {key}\n      ours:   {mine}\n      pandoc: {theirs}")
    print(f"lowest agreement: {worst:.1%}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
