"""Cross-check of CSL formatting: our entries (citeproc-py) against pandoc's citeproc.

For each shipped style and each .bib file, every entry is formatted by us (the .bib loaded by
exporter, converted to CSL items, formatted by citeproc-py) and by pandoc from the same .bib
(`pandoc --citeproc --csl STYLE`, all entries cited in file order by `nocite`). Pandoc writes
HTML here, only so that each entry comes with its key (`<div id="ref-KEY">`); its text is
then compared with ours after whitespace normalisation.

    .venv/bin/python bench/csl_crosscheck.py [--show N] [FILE.bib ...]

Prints, per style and file, how many entries agree, and the first N differences. Without
files: references/*.bib, tests/data/tugboat-120.bib and biblatex's biblatex-examples.bib.
"""

from __future__ import annotations

import argparse
import html
import json
import re
import subprocess
import sys
import tempfile
import unicodedata
from concurrent.futures import ThreadPoolExecutor
from functools import cache
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from exporter.references.bibtex import load_bib  # noqa: E402
from exporter.references.csl import format_entries, plain  # noqa: E402
from exporter.template_files import ALIASES, find_style  # noqa: E402
from exporter.references.csl import numbered_style  # noqa: E402
from exporter.references.csljson import csl_item  # noqa: E402


def numbered(style: str) -> bool:
    return numbered_style(str(find_style(style)))

STYLES = ("gost-r-7-0-5-2008-numeric", "ieee", "apa", "vancouver")
DEFAULT_FILES = sorted((ROOT / "references").glob("*.bib")) + [ROOT / "tests" / "data" / "tugboat-120.bib"]


def biblatex_examples() -> Path | None:
    """biblatex's own test file (TeX Live's texlive-bibtex-extra; `.ci/setup` installs it)."""
    try:
        found = subprocess.run(["kpsewhich", "biblatex-examples.bib"], capture_output=True, text=True, timeout=30).stdout.strip()
    except (OSError, subprocess.SubprocessError):
        return None
    return Path(found) if found and Path(found).is_file() else None


def normalise(text: str) -> str:
    # pandoc reads TeX's {\'\i} as a dotless i with a combining acute (ı́): print it as í.
    text = unicodedata.normalize("NFC", text.replace("\u0131\u0301", "\u00ed"))
    return " ".join(text.replace("\u00a0", " ").replace("\u202f", " ").split())


@cache
def pandoc_style(style: str) -> Path:
    """The style as pandoc 2.17 reads it right: its citeproc applies the name options a style
    sets on `<style>` (NLM: `initialize-with=""`, `name-as-sort-order="all"`) only through an
    explicit `<name/>`, and prints `Donald E. Knuth` for a `<names>` without one. CSL 1.0.2 says
    a `<names>` without `<name>` formats names as an empty `<name/>` would, so this copy
    (for pandoc only) spells that `<name/>` out."""
    path = find_style(style)
    text = path.read_text(encoding="utf-8")
    out, pos = [], 0
    for m in re.finditer(r"<names\b[^>]*?(/?)>", text):
        if m.group(1):
            continue
        body_end = text.find("</names>", m.end())
        body = text[m.end():body_end]
        if not re.search(r"<name[\s/>]", body):
            out.append(text[pos:m.end()] + "<name/>")
            pos = m.end()
    out.append(text[pos:])
    fixed = "".join(out)
    if fixed == text:
        return path
    with tempfile.NamedTemporaryFile("w", suffix=f"-{path.name}", delete=False, encoding="utf-8") as copy:
        copy.write(fixed)
    return Path(copy.name)


def ours(entries, style: str) -> dict[str, str]:
    runs = format_entries(entries, find_style(style), None)
    return {e.key: plain(r) for e, r in zip(entries, runs)}


def pandocs(bib: Path, keys: list[str], style: str) -> dict[str, str]:
    """pandoc's entry texts by key."""
    meta = {"bibliography": str(bib), "csl": str(pandoc_style(style)), "nocite": ", ".join("@" + k for k in keys)}
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


# Variables no shipped style prints (checked: no `variable="…"` names them in templates/styles/).
UNPRINTED = {"annote", "abstract", "keyword"}


def undefined_macros(entry) -> bool:
    """An entry using a macro the file does not define (tugboat.bib's `\\VAX`, `\\MF` come from its
    `@Preamble{"\\input tugboat.def"}`) in a variable a style prints: no processor outside TeX
    can print it; we print the value as written, pandoc drops the macro. Such entries are
    counted apart."""
    return any("\\" in str(v) for k, v in csl_item(entry).items() if k not in UNPRINTED)


def compare(bib: Path, style: str, theirs: dict[str, str] | None = None):
    """(entries compared, differences, entries set apart for undefined macros)."""
    entries = load_bib(str(bib)).entries
    apart = [e.key for e in entries if undefined_macros(e)]
    entries = [e for e in entries if e.key not in apart]
    mine = ours(entries, style)
    if theirs is None:
        theirs = pandocs(bib, [e.key for e in entries], style)
    diffs = [(k, mine[k], theirs.get(k, "(pandoc printed no entry)")) for k in mine if normalise(mine[k]) != theirs.get(k)]
    return len(mine), diffs, apart


def run(files: list[Path], styles=STYLES) -> list[tuple[str, str, int, list, list]]:
    jobs = [(bib, style) for style in styles for bib in files]

    # pandoc runs in processes of its own, in parallel; our side (citeproc-py's style objects,
    # pylatexenc's converter) keeps state, so everything of ours runs in this thread.
    keys = {bib: [e.key for e in load_bib(str(bib)).entries if not undefined_macros(e)] for bib in files}
    for style in styles:
        pandoc_style(style)  # written once, before the threads read it
    with ThreadPoolExecutor(max_workers=4) as pool:
        theirs = list(pool.map(lambda job: pandocs(job[0], keys[job[0]], job[1]), jobs))
    return [(style, bib.name, *compare(bib, style, t)) for (bib, style), t in zip(jobs, theirs)]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("files", nargs="*", type=Path)
    parser.add_argument("--show", type=int, default=3)
    args = parser.parse_args()
    assert set(STYLES) <= set(ALIASES)
    worst = 1.0
    files = args.files or DEFAULT_FILES + ([biblatex_examples()] if biblatex_examples() else [])
    for style, name, total, diffs, apart in run(files):
        share = 1 - len(diffs) / total if total else 1.0
        worst = min(worst, share)
        print(f"{style:28} {name:24} {total - len(diffs):4}/{total:<4} agree ({share:.0%}); {len(apart)} set apart (undefined macros)")
        for key, mine, theirs in diffs[: args.show]:
            print(f"    {key}\n      ours:   {mine}\n      pandoc: {theirs}")
    print(f"lowest agreement: {worst:.1%}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
