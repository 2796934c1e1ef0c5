"""What a change to the Word reader does to every Word paper the benches name: blocks, words,
figures, pictures, captions, titles and first authors, per paper, for one tree of the reader,
and the papers two such records differ on. Written for shape drawings (bench/DOCX_SHAPES.md):
a drawing read as a figure takes its boxes' words out of the body; nothing else may change.

    .venv/bin/python bench/docx_shapes.py --out /tmp/branch.json
    .venv/bin/python bench/docx_shapes.py --tree /work/main --out /tmp/main.json   # main's reader
    .venv/bin/python bench/docx_shapes.py --compare /tmp/main.json /tmp/branch.json

The papers: every distinct `.docx` source in bench/unseen/papers.json, lists.json and
title_blocks.json, taken from its repository's snapshot (`unseen_frontmatter.source_bytes`,
never copied into the project; one not fetched is listed as missing), and the corpus's Word
papers (/work/shared/corpus/docx, read in place). Counts are the model's: words are those of
the front matter and body (`model.walk_document`), a figure's pictures' alt text counted apart.
"""

from __future__ import annotations

import argparse
import collections
import json
import sys
import tempfile
from pathlib import Path

BENCH = Path(__file__).resolve().parent
CORPUS = Path("/work/shared/corpus/docx")
MIRRORS = Path("/work/.mirror")
LISTS = ("papers", "lists", "title_blocks")


def sources() -> dict[str, str]:
    """`owner/name@commit:path` -> a name for every Word paper the unseen lists hold."""
    found: dict[str, str] = {}

    def walk(node) -> None:
        if isinstance(node, dict):
            source = node.get("source")
            if isinstance(source, str) and source.lower().endswith(".docx"):
                found.setdefault(source, node.get("name") or source)
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    for name in LISTS:
        walk(json.loads((BENCH / "unseen" / f"{name}.json").read_text(encoding="utf-8")))
    return found


def counts(path: Path) -> dict:
    from exporter import model
    from exporter.readers import read_document

    def blocks(items):
        for block in items:
            yield block
            if isinstance(block, model.BulletList):
                for item in block.items:
                    yield from blocks(item.blocks)

    c: collections.Counter = collections.Counter()
    try:
        doc = read_document(str(path))
    except Exception as exc:  # a paper the reader refuses or crashes on is recorded, never fatal
        return {"error": f"{type(exc).__name__}: {exc}"[:200]}
    for block in blocks(doc.blocks):
        c["blocks"] += 1
        c["b:" + type(block).__name__] += 1
        if isinstance(block, model.Figure):
            c["figures"] += 1
            c["captioned"] += bool(block.caption)
            for image in block.images:
                c["pictures"] += 1
                c["alt words"] += len(image.alt.split())
                c["drawn by LibreOffice"] += image.media_type == model.CHART_PACKAGE
    for node in model.walk_document(doc):
        if isinstance(node, model.Text):
            c["words"] += len(node.text.split())
        elif isinstance(node, model.Image):
            c["pictures in text"] += 1
    c["DOC001"] = sum(1 for n in doc.notes if n.code == "DOC001")
    return {**c, "title / authors": f"{doc.meta.title_text or ''} / {'; '.join(doc.meta.authors[:2])}"[:120]}


def record() -> dict:
    from unseen_frontmatter import source_bytes

    out: dict = {"papers": {}, "missing": []}
    with tempfile.TemporaryDirectory() as tmp:
        for source, name in sorted(sources().items()):
            data = source_bytes(source, MIRRORS)
            if data is None:
                out["missing"].append(source)
                continue
            path = Path(tmp) / "paper.docx"
            path.write_bytes(data)
            out["papers"][f"{name} ({source.partition('@')[0]})"] = counts(path)
    for path in sorted(CORPUS.glob("*.docx")):
        out["papers"][f"corpus/{path.name}"] = counts(path)
    return out


def compare(before: dict, after: dict) -> list[str]:
    lines = []
    for paper, old in before["papers"].items():
        new = after["papers"].get(paper, {})
        changed = {k: (old.get(k, 0), new.get(k, 0)) for k in sorted(set(old) | set(new)) if old.get(k, 0) != new.get(k, 0)}
        if changed:
            lines.append(paper)
            lines += [f"    {k}: {a} -> {b}" for k, (a, b) in changed.items()]
    lines.append(f"{sum(1 for line in lines if not line.startswith(' '))} of {len(before['papers'])} papers differ")
    return lines


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--tree", type=Path, default=BENCH.parent, help="the project tree whose reader reads the papers")
    parser.add_argument("--out", type=Path, help="write the record here (JSON)")
    parser.add_argument("--compare", nargs=2, type=Path, metavar=("BEFORE", "AFTER"))
    args = parser.parse_args()
    if args.compare:
        before, after = (json.loads(p.read_text(encoding="utf-8")) for p in args.compare)
        print("\n".join(compare(before, after)))
        return
    sys.path[:0] = [str(args.tree.resolve()), str(BENCH)]
    import exporter  # the tree's, before unseen_frontmatter puts this one's first on the path

    print(f"reader: {Path(exporter.__file__).parent}", file=sys.stderr)
    result = record()
    text = json.dumps(result, ensure_ascii=False, indent=1)
    if args.out:
        args.out.write_text(text, encoding="utf-8")
    else:
        print(text)
    print(f"{len(result['papers'])} papers read, {len(result['missing'])} not fetched", file=sys.stderr)


if __name__ == "__main__":
    main()
