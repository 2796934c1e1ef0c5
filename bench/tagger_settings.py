"""CRFsuite's training settings compared on the development split only: the reference tagger
trained with each setting on the training lines minus the development ones (train.py
`is_development`: one training line in ten), then scored on those development lines — token
accuracy, and field accuracy through the whole parser, as bench/entry_fields.py scores the
held-out sets — with the model's size and its speed on 100 development entries.

    .venv/bin/python bench/tagger_settings.py [--workers 2] [--only NAME …]   # writes bench/TAGGER_SETTINGS.md

The held-out lines and gold.xml are never read here: the settings are chosen on this table,
and only the chosen model is scored on the held-out sets (bench/entry_fields.py). Results are
kept in bench/tagger_settings.json (one run per setting; a setting already there is not rerun).
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

import entry_fields  # noqa: E402  (bench/entry_fields.py: the field scoring of the held-out table)

from exporter.references.tagger import train  # noqa: E402

RESULTS = BENCH / "tagger_settings.json"
REPORT = BENCH / "TAGGER_SETTINGS.md"
MODELS = Path("/tmp/tagger_settings")  # development models, kept for a look; never shipped
BASE = dict(train.PARAMS) | {"feature.possible_states": False}  # every key a setting changes, so a worker's trainer is reset
# The grid: c1 x c2 at the shipped feature settings, then feature settings and iterations.
GRID = {f"c1={c1} c2={c2}": {"c1": c1, "c2": c2} for c1 in (0.0, 0.05, 0.1, 0.3) for c2 in (0.001, 0.01, 0.05)}
CHOSEN_FOCUS = ("title", "container", "publisher")
FIELDS = entry_fields.SET_FIELDS

_TRAINER = None  # every training line's features, appended once (the development lines as the holdout group)


def development_sets() -> dict[str, list[dict]]:
    """The development lines by source (synthetic ones by language)."""
    sets: dict[str, list[dict]] = {}
    for x in train.read_lines():
        if train.is_development(x["text"]):
            key = x["source"] if x["source"] in ("anystyle-core", "grobid") else f"synthetic {'ru/kk' if x.get('lang') in ('ru', 'kk') else 'en'}"
            sets.setdefault(key, []).append(x)
    return sets


def load_trainer():
    """A trainer holding the training lines (group 0, weighted as train.py weighs them) and
    the development lines (group 1, the holdout CRFsuite scores each iteration on)."""
    import pycrfsuite

    trainer = pycrfsuite.Trainer(verbose=False)
    for x, xseq, yseq in train.examples(train.read_lines()):
        dev = train.is_development(x["text"])
        for _ in range(1 if dev else train.WEIGHT.get(x["source"], 1)):
            trainer.append(xseq, yseq, int(dev))
    return trainer


def field_scores(model: Path) -> dict:
    """Field accuracy per development set, through the whole parser, with `model` as the tagger's."""
    from exporter.references import tagger

    tagger.MODEL = model
    tagger.loaded_model.cache_clear()
    out = {}
    for name, lines in sorted(development_sets().items()):
        got = entry_fields.score_set(lines, entry_fields._model)
        out[name] = {f: round(got["fields"][f]["correct"] / max(got["fields"][f]["labelled"], 1), 4) for f in FIELDS}
        out[name]["entry"] = round(got["entry"], 4)
        out[name]["entries"] = got["entries"]
    return out


def speed_ms(runs: int = 5) -> float:
    """CPU milliseconds to read the first 100 development entries (best of `runs`; CPU time,
    so other engineers' jobs on the shared machine move it less than wall time)."""
    from exporter.references.fields import parse_entry

    sample = [x["text"] for x in train.read_lines() if train.is_development(x["text"])][:100]
    best = float("inf")
    for _ in range(runs):
        start = time.process_time()
        for text in sample:
            parse_entry(text)
        best = min(best, time.process_time() - start)
    return round(best * 1000, 1)


def run_one(job: tuple[str, dict]) -> dict:
    name, change = job
    params = BASE | change
    path = MODELS / (name.replace(" ", "_").replace("=", "") + ".crfsuite")
    _TRAINER.set_params(params)
    start = time.time()
    _TRAINER.train(str(path), holdout=1)
    seconds = time.time() - start
    curve = {it["num"]: round(it["item_accuracy_float"], 4) for it in _TRAINER.logparser.iterations}
    return {"name": name, "params": params, "train_s": round(seconds), "iterations": max(curve),
            "token_accuracy": curve[max(curve)], "curve": {k: v for k, v in curve.items() if k % 25 == 0 or k == max(curve)},
            "size_kib": path.stat().st_size // 1024, "ms_per_100": speed_ms(), "fields": field_scores(path)}


def focus(result: dict) -> float:
    """The mean of title, container and publisher accuracy over the two real sets (the fields
    and sets the held-out targets are missed on)."""
    real = [result["fields"][s][f] for s in ("anystyle-core", "grobid") for f in CHOSEN_FOCUS]
    return sum(real) / len(real)


def report(results: list[dict]) -> str:
    """The grid as markdown: one row per setting, development scores, size and speed."""
    sets = sorted(results[0]["fields"])
    head = ["setting", "iterations", "token acc."] + [f"{s} {f}" for s in ("anystyle-core", "grobid") for f in CHOSEN_FOCUS]
    head += ["real-set focus mean"] + [f"{s} entry" for s in sets] + ["min other field", "KiB", "ms/100 (CPU)", "train s"]
    lines = ["| " + " | ".join(head) + " |", "|---|" + "---:|" * (len(head) - 1)]
    for r in sorted(results, key=lambda r: -focus(r)):
        cells = [r["name"], str(r["iterations"]), f"{r['token_accuracy']:.4f}"]
        cells += [f"{r['fields'][s][f]:.1%}" for s in ("anystyle-core", "grobid") for f in CHOSEN_FOCUS]
        cells.append(f"{focus(r):.2%}")
        cells += [f"{r['fields'][s]['entry']:.1%}" for s in sets]
        others = min((r["fields"][s][f], f"{s} {f}") for s in sets for f in FIELDS if f not in CHOSEN_FOCUS)
        cells += [f"{others[0]:.1%} ({others[1]})", str(r["size_kib"]), f"{r['ms_per_100']:.0f}", str(r["train_s"])]
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines)


def full_table(result: dict) -> str:
    """Every field of every development set for one setting."""
    lines = ["| set | entries | " + " | ".join(FIELDS) + " | entry |", "|---|---:|" + "---:|" * (len(FIELDS) + 1)]
    for name, row in sorted(result["fields"].items()):
        lines.append(f"| {name} | {row['entries']} | " + " | ".join(f"{row[f]:.1%}" for f in FIELDS + ("entry",)) + " |")
    return "\n".join(lines)


def main(argv=None) -> int:
    global _TRAINER
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--workers", type=int, default=1)
    parser.add_argument("--only", nargs="*", help="settings of GRID (or EXTRA) to run; default all of GRID")
    parser.add_argument("--extra", type=json.loads, default={}, help='more settings: {"name": {param: value}}')
    args = parser.parse_args(argv)
    done = json.loads(RESULTS.read_text(encoding="utf-8")) if RESULTS.exists() else []
    grid = GRID | args.extra
    todo = [(n, grid[n]) for n in (args.only or GRID) if n not in {r["name"] for r in done}]
    MODELS.mkdir(exist_ok=True)
    if todo:
        _TRAINER = load_trainer()
        from multiprocessing import get_context

        with get_context("fork").Pool(min(args.workers, len(todo)), maxtasksperchild=1) as pool:
            for result in pool.imap_unordered(run_one, todo):
                done.append(result)
                print(f"{result['name']}: focus {focus(result):.2%}, token {result['token_accuracy']:.4f}, {result['size_kib']} KiB, {result['ms_per_100']} ms", file=sys.stderr, flush=True)
                RESULTS.write_text(json.dumps(done, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    text = TEMPLATE.format(table=report(done), n=len(done))
    REPORT.write_text(text, encoding="utf-8")
    print(text)
    return 0


TEMPLATE = """# Tagger training settings on the development split

Written by bench/tagger_settings.py. Each row: the reference tagger trained by CRFsuite (L-BFGS /
OWL-QN) with one setting on the training lines minus the development ones (train.py
`is_development`: one training line in ten, by a hash of its text), then scored on the
development lines only: token accuracy, and field accuracy through the whole parser (tagger,
conventions, normalisers), as bench/entry_fields.py scores its sets. No held-out line and no
gold.xml line is read by this script; the setting is chosen on this table, and the held-out
and gold.xml numbers (bench/ENTRY_FIELDS.md) are taken once, for the chosen model.

Columns: the title, container and publisher accuracy on the two real development sets
(anystyle-core, GROBID: where the held-out targets are missed), their mean (rows sorted by it),
every set's whole-entry accuracy, the lowest of the other fields over all sets, the model's
size, CPU milliseconds to read the first 100 development entries (best of 5; the same process
and caches for every model), and the training time (two runs at a time on the shared machine,
so only roughly comparable). Unless a setting says otherwise: {base}.

{table}

{n} settings run.
"""
TEMPLATE = TEMPLATE.replace("{base}", ", ".join(f"{k} {v}" for k, v in BASE.items()))


if __name__ == "__main__":
    raise SystemExit(main())
