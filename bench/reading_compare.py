"""A regression check for work on the document readers: what each paper reads as, recorded in
one tree and compared with another, field by field and block by block.

    .venv/bin/python bench/reading_compare.py --record /tmp/main.json PAPER...      # in main's checkout
    .venv/bin/python bench/reading_compare.py --record /tmp/branch.json PAPER...    # in the branch's
    .venv/bin/python bench/reading_compare.py --compare /tmp/main.json /tmp/branch.json [--show 40]

PAPER: .txt, .pdf, .docx or .md files (the unseen papers' sources, the shared corpus's). The
record holds, per paper, the front matter (title, authors, affiliations, supervisor, the author's
position, abstracts, keywords, translations),
the counts of blocks, words, figures, tables and entries, the captions, the formulas' numbers,
the findings (code:page:line), and the block sequence: each block's (each list item's) first 40
characters in reading order. The comparison prints, per paper, the fields that differ and the
runs of the block sequence that do (a change in reading order, a paragraph split or joined, a
line lost), largest first. The block sequence is what the counted fields miss: a two-column page
read across its gutter keeps every word, title and entry, and only the sequence shows it (round
48's first across-gutter rule did that to a paper with tight columns). Only a comparison: it
judges nothing; every changed paper is to be read beside its source.
"""

from __future__ import annotations

import argparse
import difflib
import json
import signal
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

SEQUENCE_LIMIT = 3000  # blocks kept per paper (a thesis of 700 pages stays comparable and small)
PAPER_SECONDS = 240  # a paper the readers take longer over is recorded as an error


def _reading(path: str) -> dict:
    from exporter.model import Figure, Math, Table, inline_runs, plain_text
    from exporter.pipeline import read_and_link

    linked = read_and_link(path, pictures=False)
    doc, meta = linked.document, linked.document.meta
    runs = [plain_text(run) for block in doc.blocks for run in inline_runs(block)]
    return {
        "title": meta.title_text,
        "authors": list(meta.authors),
        "affiliations": list(meta.affiliations),
        "supervisor": meta.supervisor,
        "position": meta.position,
        "abstracts": [[language, plain_text(text)[:80]] for language, text in meta.abstracts],
        "keywords": [[language, list(words)] for language, words in meta.keyword_sets],
        "translations": [[t.language, t.title if isinstance(t.title, str) else plain_text(t.title), list(t.authors)] for t in meta.translations],
        "blocks": len(doc.blocks),
        "words": sum(len(run.split()) for run in runs),
        "figures": sum(isinstance(b, Figure) for b in doc.blocks),
        "tables": sum(isinstance(b, Table) for b in doc.blocks),
        "entries": len(doc.references),
        "captions": [[b.kind or "", b.number or "", plain_text(b.caption or ())[:40]] for b in doc.blocks if isinstance(b, (Figure, Table))],
        "formulas": [node.number for block in doc.blocks for run in inline_runs(block) for node in run if isinstance(node, Math) and node.number],
        "findings": sorted(f"{d.code}:{d.page or ''}:{d.line}" for d in linked.diagnostics),
        "sequence": [run[:40] for run in runs][:SEQUENCE_LIMIT],
    }


def record(out: Path, papers: list[str]) -> None:
    def timed_out(*_):
        raise TimeoutError(f"over {PAPER_SECONDS} s")

    signal.signal(signal.SIGALRM, timed_out)
    readings = {}
    for path in papers:
        signal.alarm(PAPER_SECONDS)
        try:
            readings[path] = _reading(path)
        except Exception as exc:  # noqa: BLE001 — a paper that fails is recorded, the others go on
            readings[path] = {"error": f"{type(exc).__name__}: {str(exc)[:200]}"}
        finally:
            signal.alarm(0)
    out.write_text(json.dumps(readings, ensure_ascii=False, indent=1), encoding="utf-8")


def compare(before: dict, after: dict, show: int) -> int:
    """Prints what differs; returns the number of papers that differ."""
    rows = []
    for path in sorted(set(before) | set(after)):
        a, b = before.get(path, {}), after.get(path, {})
        fields = [k for k in sorted(set(a) | set(b)) if k != "sequence" and a.get(k) != b.get(k)]
        matcher = difflib.SequenceMatcher(None, a.get("sequence", []), b.get("sequence", []), autojunk=False)
        runs = [op for op in matcher.get_opcodes() if op[0] != "equal"]
        changed = sum(max(i2 - i1, j2 - j1) for _, i1, i2, j1, j2 in runs)
        if fields or runs:
            rows.append((changed, path, a, b, fields, matcher.a, matcher.b, runs))
    rows.sort(key=lambda row: (-row[0], row[1]))
    for changed, path, a, b, fields, seq_a, seq_b, runs in rows[:show]:
        print(f"== {Path(path).name}: {changed} of {len(seq_a)} blocks in the sequence differ")
        for key in fields:
            print(f"   {key}: {json.dumps(a.get(key), ensure_ascii=False)[:160]}\n    -> {json.dumps(b.get(key), ensure_ascii=False)[:160]}")
        for _, i1, i2, j1, j2 in runs[:3]:
            print(f"   - {seq_a[i1:i2][:3]}\n   + {seq_b[j1:j2][:3]}")
    print(f"{len(rows)} of {len(set(before) | set(after))} papers differ")
    return len(rows)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--record", metavar="OUT", help="write the readings of PAPER... here")
    parser.add_argument("--compare", nargs=2, metavar=("BEFORE", "AFTER"), help="compare two records")
    parser.add_argument("--show", type=int, default=40, help="papers printed, most changed first")
    parser.add_argument("papers", nargs="*")
    args = parser.parse_args()
    if args.record:
        record(Path(args.record), args.papers)
        return 0
    if args.compare:
        before, after = (json.loads(Path(p).read_text(encoding="utf-8")) for p in args.compare)
        return 1 if compare(before, after, args.show) else 0
    parser.error("--record OUT PAPER... or --compare BEFORE AFTER")
    return 2


if __name__ == "__main__":
    sys.exit(main())
