"""A regression check for speed work on the entry reader: for every labelled line the benches
read (bench/entries/anystyle-gold.jsonl, the corpus entries of bench/entries/labelled.json, the
tagger's data/*.jsonl lines of every split), the tokens, the features the tagger is handed, the
labels and marginals it gives and the parsed entry (form, type, fields with offsets,
confidences), recorded once and compared after each change: a change made for speed must keep
every one of them byte-identical (the shipped model reads the features by name, so they must
keep their meaning exactly). Only a comparison: nothing here is tuned on these lines.

    .venv/bin/python bench/reading_regression.py --record /tmp/before.json
    .venv/bin/python bench/reading_regression.py --compare /tmp/before.json   # exit 1 on a difference
    .venv/bin/python bench/reading_regression.py --compare /tmp/before.json --limit 3000  # a quick look

The record holds a digest per line of each part (the full readings are long), and the parsed
entries' text, so a difference is shown as the entry's fields before and after.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from pathlib import Path

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))
if str(BENCH) not in sys.path:
    sys.path.insert(0, str(BENCH))

DATA = ROOT / "exporter" / "references" / "tagger" / "data"


def texts() -> list[tuple[str, str]]:
    """(where, text) of every line compared, in a fixed order."""
    out = []
    with (BENCH / "entries" / "anystyle-gold.jsonl").open(encoding="utf-8") as f:
        out += [(f"gold:{n}", json.loads(raw)["text"]) for n, raw in enumerate(f, 1)]
    from entry_fields import LABELS, _entry_text

    for item in json.loads(LABELS.read_text(encoding="utf-8"))["entries"]:
        text, _ = _entry_text(item)
        if text is not None:
            where = item.get("paper") or item.get("docx") or "kazakh"
            out.append((f"labelled:{where}:{item.get('line') or item.get('paragraph')}", text))
    for name in ("anystyle-core", "grobid", "synthetic"):
        with (DATA / f"{name}.jsonl").open(encoding="utf-8") as f:
            out += [(f"{name}:{n}", json.loads(raw)["text"]) for n, raw in enumerate(f, 1)]
    return out


def _digest(value) -> str:
    return hashlib.sha256(repr(value).encode("utf-8", "surrogatepass")).hexdigest()[:24]


def reading(text: str) -> dict:
    """Each part of one line's reading, as digests, and the parsed fields in full."""
    from exporter.references import tagger
    from exporter.references.fields import parse_entry
    from exporter.references.tagger.features import sequence_features, tokenize

    spans = tokenize(text)
    features = sequence_features(text, spans) if spans else []
    tagged = tagger.tag(text)
    parsed = parse_entry(text)
    whole = (parsed.form, parsed.entry_type, parsed.fields, tuple((k, repr(v)) for k, v in parsed.confidence))
    return {
        "spans": _digest(spans),
        "features": _digest(features),
        "tagged": _digest((tagged.spans, tagged.labels, tuple(repr(p) for p in tagged.marginals), tagged.features)),
        "parsed": _digest(whole),
        "fields": [parsed.form, parsed.entry_type, [list(f) for f in parsed.fields]],
    }


def run(limit: int | None) -> dict:
    lines = texts()
    if limit:
        lines = lines[:limit]
    return {where: reading(text) for where, text in lines}


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--record")
    ap.add_argument("--compare")
    ap.add_argument("--limit", type=int)
    args = ap.parse_args()
    now = run(args.limit)
    if args.record:
        Path(args.record).write_text(json.dumps(now, ensure_ascii=False), encoding="utf-8")
        print(f"recorded {len(now)} lines")
        return 0
    before = json.loads(Path(args.compare).read_text(encoding="utf-8"))
    differ = 0
    for where, got in now.items():
        was = before.get(where)
        if was is None:
            print(f"{where}: not in the record")
            differ += 1
            continue
        parts = [k for k in ("spans", "features", "tagged", "parsed") if was[k] != got[k]]
        if parts:
            differ += 1
            if differ <= 20:
                print(f"{where}: {', '.join(parts)} differ\n  before {was['fields']}\n  now    {got['fields']}")
    print(f"{len(now)} lines compared, {differ} differ")
    return 1 if differ else 0


if __name__ == "__main__":
    sys.exit(main())
