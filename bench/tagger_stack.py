"""A stacked (two-pass) tagger against the single pass on a development fold (tagger51): each
model, trained without the fold (train.py `--development --fold N`, with `--stack K` for the
stacked one), read by the whole parser on the fold's lines, as bench/tagger_settings.py scores
its rows (field accuracy per set, token accuracy, CPU milliseconds for the fold's first 100
entries). A model with a second file beside it (NAME.stack.crfsuite) is read stacked.

    .venv/bin/python bench/tagger_stack.py --fold 4 /tmp/tagger51/single-fold4.crfsuite /tmp/tagger51/stacked-fold4.crfsuite

No held-out line and no gold.xml line is read here.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

import tagger_settings  # noqa: E402

from exporter.references.tagger import train  # noqa: E402
from exporter.references.tagger.stack import stack_path  # noqa: E402


def score(model: Path) -> dict:
    stacked = stack_path(model).is_file()
    fields = tagger_settings.field_scores(model)
    return {"model": str(model), "stacked": stacked, "fold": train.FOLD[0], "fields": fields,
            "token_accuracy": round(train.development_score(model, stacked), 4), "ms_per_100": tagger_settings.speed_ms(),
            "size_kib": (model.stat().st_size + (stack_path(model).stat().st_size if stacked else 0)) // 1024}


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("models", nargs="+", type=Path)
    parser.add_argument("--fold", type=int, default=0, choices=range(10))
    parser.add_argument("--json", type=Path, help="append each model's scores to this file (one JSON object a line)")
    args = parser.parse_args(argv)
    train.FOLD[0] = args.fold
    for model in args.models:
        result = score(model)
        print(f"{model} (fold {args.fold}, {'stacked' if result['stacked'] else 'single pass'}, token accuracy "
              f"{result['token_accuracy']:.4f}, {result['size_kib']} KiB, {result['ms_per_100']} ms/100):\n")
        print(tagger_settings.full_table(result) + "\n", flush=True)
        if args.json:
            with args.json.open("a", encoding="utf-8") as f:
                f.write(json.dumps(result) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
