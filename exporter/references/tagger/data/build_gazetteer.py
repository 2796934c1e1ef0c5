"""Build the reference tagger's gazetteer (../gazetteer.bin) from GROBID's lexicon and our own list.

    .venv/bin/python exporter/references/tagger/data/build_gazetteer.py --grobid PATH [--out FILE]

PATH is a checkout or a bare git directory of github:kermitt2/grobid (Apache-2.0; LICENSES.md
says which files are read and where they come from). The lists are phrase lists GROBID's
citation model matches (grobid-home/lexicon/): journal titles and their abbreviations,
conference names, publishers, cities and countries; gazetteer_own.txt (written for this
project) adds book publishers GROBID lacks and Russian and Kazakh publishers and cities. Each
name becomes its canonical words (the tagger's tokens, `features.canonical`); cities are kept
only in Latin or Cyrillic letters and only as written with a capital (GeoNames' alternate names
also hold lower-case transliterations such as `andolalabeya`, which would match ordinary words).
The same sources give the same bytes.
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))  # build.py's Repo reads a checkout or a bare git directory
sys.path.insert(0, str(HERE.parents[3]))  # the project, for the tagger's own tokens

from build import Repo  # noqa: E402

from exporter.references.tagger.features import canonical, tokenize  # noqa: E402
from exporter.references.tagger.gazetteer import PATH, Gazetteer  # noqa: E402

LEXICON = "grobid-home/lexicon/"
SOURCES = {  # kind -> GROBID's files of it
    "journal": ("journals/journals.txt", "journals/abbrev_journals.txt"),
    "conf": ("journals/proceedings.txt",),
    "publisher": ("publishers/publishers.txt",),
    "place": ("places/cities15000.txt",),  # countries: our own list (location.country's origin is not stated)
}
OWN = HERE / "gazetteer_own.txt"
_LATIN_OR_CYRILLIC = re.compile(r"[\sA-Za-z\u00c0-\u024f\u0400-\u04ff0-9'’.,&()\-]+")


def words(name: str) -> tuple[str, ...]:
    """A name's canonical words, as the tagger sees its tokens."""
    return tuple(w for w in (canonical(name[s:e]) for s, e in tokenize(name)) if w)


def kept(kind: str, name: str) -> bool:
    if kind != "place":
        return True
    return bool(_LATIN_OR_CYRILLIC.fullmatch(name)) and any(ch.isupper() for ch in name)


def own_names() -> list[tuple[str, str]]:
    """(kind, name) of gazetteer_own.txt."""
    out, kind = [], None
    for line in OWN.read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if line.startswith("[") and line.endswith("]"):
            kind = line[1:-1]
        elif line and not line.startswith("#"):
            out.append((kind, line))
    return out


def phrases(repo: Repo) -> list[tuple[str, tuple[str, ...]]]:
    """(kind, words) of every name of every list, without repeats, in a fixed order."""
    names = [(kind, line.strip()) for kind, files in SOURCES.items() for name in files for line in repo.read(LEXICON + name).splitlines()]
    names += own_names()
    return sorted({(kind, w) for kind, name in names if name and kept(kind, name) and (w := words(name))})


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--grobid", required=True)
    parser.add_argument("--out", type=Path, default=PATH)
    args = parser.parse_args(argv)
    found = phrases(Repo(args.grobid))
    data = Gazetteer.from_phrases(found).to_bytes()
    args.out.write_bytes(data)
    counts = {kind: sum(k == kind for k, _ in found) for kind in SOURCES}
    print(f"{len(found)} phrases {counts} -> {args.out} ({len(data) // 1024} KiB)", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
