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
# The settings shipped before this grid, which each row changes one or two of (every key a row
# changes is here, so a worker's trainer is reset between rows).
BASE = {"c1": 0.1, "c2": 0.01, "max_iterations": 150, "feature.possible_transitions": True, "feature.minfreq": 2, "feature.possible_states": False}
BEFORE, CHOSEN = "c1=0.1 c2=0.01", "max_iterations=50"  # the shipped settings (train.PARAMS), and the best on the development split
# The grid: c1 x c2 at the shipped feature settings, then feature settings and iterations.
GRID = {f"c1={c1} c2={c2}": {"c1": c1, "c2": c2} for c1 in (0.0, 0.05, 0.1, 0.3) for c2 in (0.001, 0.01, 0.05)} | {
    "max_iterations=50": {"max_iterations": 50}, "max_iterations=100": {"max_iterations": 100},
    "c1=0.3 max_iterations=50": {"c1": 0.3, "max_iterations": 50}, "minfreq=5 max_iterations=50": {"feature.minfreq": 5, "max_iterations": 50},
    "minfreq=1": {"feature.minfreq": 1}, "minfreq=3": {"feature.minfreq": 3}, "minfreq=5": {"feature.minfreq": 5},
    "possible_transitions=False": {"feature.possible_transitions": False}, "possible_states=True": {"feature.possible_states": True},
    # How often a source's lines are appended (train.WEIGHT; anystyle-core counts twice): the real sets against the synthetic ones.
    "grobid weight 2 max_iterations=50": {"max_iterations": 50, "weight": {"grobid": 2}},
}
# Gazetteer rows (tagger23): features from known names (tagger/gazetteer.py: GROBID's lexicon of
# journals, conferences, publishers and places, and our own list), which kinds given as
# "gazetteer" (features.GAZETTEER_KINDS while the trainer is loaded and the row is scored);
# "no gazetteer" rows rerun the shipped features on the same tree for a like-for-like baseline.
_ALL = ("journal", "conf", "publisher", "place")
GAZETTEER_GRID = {
    "no gazetteer max_iterations=50": {"max_iterations": 50, "gazetteer": ()},
    "gazetteer all max_iterations=50": {"max_iterations": 50, "gazetteer": _ALL},
    "gazetteer journal+conf max_iterations=50": {"max_iterations": 50, "gazetteer": ("journal", "conf")},
    "gazetteer publisher+place max_iterations=50": {"max_iterations": 50, "gazetteer": ("publisher", "place")},
    "gazetteer journal+conf+publisher max_iterations=50": {"max_iterations": 50, "gazetteer": ("journal", "conf", "publisher")},
    # names of two words or more only (features.GAZETTEER_ONE_WORD False): one-word publishers and
    # places are often surnames (`Pearson, Mike.`), one-word journals title words (`Structure`)
    "gazetteer all, several words max_iterations=50": {"max_iterations": 50, "gazetteer": _ALL, "one_word": False},
    "no gazetteer": {"gazetteer": ()},
    "gazetteer all": {"gazetteer": _ALL},
}
GRID |= GAZETTEER_GRID
# Training-data rows (tagger24): data/build.py --giant's synthetic lines (synthetic-giant.jsonl:
# GIANT-style records from public name lists, more title shapes and kinds, 76 more CSL styles,
# PDF-like text noise) in place of synthetic.jsonl, at the shipped settings and with the early
# stop. Their synthetic development lines are the new file's; anystyle-core's and GROBID's are
# the same lines as every other row's.
DATA_GRID = {
    "giant data": {"synthetic": "synthetic-giant.jsonl"},
    "giant data max_iterations=50": {"synthetic": "synthetic-giant.jsonl", "max_iterations": 50},
    # the same build with --noise 0 (synthetic-giant-quiet.jsonl): no PDF-like noise (and, past the
    # first line it spares, another random draw of the same records' styles)
    "giant data, no noise": {"synthetic": "synthetic-giant-quiet.jsonl"},
}
# Real-data rows (tagger42): main's data retrained at the shipped settings (the data changed after
# the shipped model was trained: tagger41's relabelling), and the same with ParsCit's tagged sets
# that are in no other source (data/build.py --parscit: parscit.jsonl) read as a further source.
# ParsCit's own development lines are scored in a row of their own ("parscit").
DATA_GRID |= {"round 42: main's data": {"extra": []}, "round 42: + parscit": {"extra": ["parscit.jsonl"]}}
GRID |= DATA_GRID
REAL = ("anystyle-core", "grobid", "parscit")
# Rows of a feature set rather than a setting (tagger20), kept in bench/tagger_settings.json and
# not in GRID: their features are not in this tree (none was shipped). "segment features …" were
# run with commit 48c701b's features.py and bench/tagger_settings.py (each token's
# punctuation-cut segment: index, length, place, what it holds, capitalisation, the segment
# before; the comma-cut part; place against the first year and the authors' last initial);
# "+ word lexicon" adds a word -> label lexicon that train.py built from the real training lines
# (jackknifed by fold), with the segment's and part's majority label; "word lexicon only" is
# commit f6005ed's (the lexicon's label of the token and its neighbours, no segment features).
# Check out that commit to rerun one. The rows before them were run with main's features.
FEATURE_ROWS = ("segment features max_iterations=50", "segment features + word lexicon max_iterations=50",
                "segment features", "segment features + word lexicon", "word lexicon only")
FOCUS = ("title", "container", "publisher")
FIELDS = entry_fields.SET_FIELDS

_TRAINER = None  # every training line's features, appended once (the development lines as the holdout group)


def development_sets() -> dict[str, list[dict]]:
    """The development lines by source (synthetic ones by language)."""
    sets: dict[str, list[dict]] = {}
    for x in train.read_lines():
        if train.is_development(x["text"]):
            key = x["source"] if x["source"] in REAL else f"synthetic {'ru/kk' if x.get('lang') in ('ru', 'kk') else 'en'}"
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


def parsed(text: str) -> dict[str, str]:
    """An entry's fields as the parser reads them (the tagger, then assembly)."""
    from exporter.references.fields import parse_entry

    return {name: value for name, value, _, _ in parse_entry(text).fields}


def field_scores(model: Path) -> dict:
    """Field accuracy per development set, through the whole parser, with `model` as the tagger's."""
    from exporter.references import tagger

    tagger.MODEL = model
    tagger.loaded_model.cache_clear()
    out = {}
    for name, lines in sorted(development_sets().items()):
        got = entry_fields.score_set(lines, parsed)
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
    params = BASE | {k: v for k, v in change.items() if k not in ("weight", "gazetteer", "one_word", "synthetic", "extra")}
    path = model_path(name)
    _TRAINER.set_params(params)
    start = time.time()
    _TRAINER.train(str(path), holdout=1)
    seconds = time.time() - start
    curve = {it["num"]: round(it["item_accuracy_float"], 4) for it in _TRAINER.logparser.iterations}
    extra = {"weight": train.WEIGHT | change.get("weight", {})} | ({"gazetteer": list(change["gazetteer"])} if "gazetteer" in change else {})
    extra |= {"one_word": change["one_word"]} if "one_word" in change else {}
    extra |= {"synthetic": change["synthetic"]} if "synthetic" in change else {}
    extra |= {"sources": list(train.SOURCES)} if "extra" in change else {}
    return {"name": name, "params": params | extra, "train_s": round(seconds), "iterations": max(curve),
            "token_accuracy": curve[max(curve)], "curve": {k: v for k, v in curve.items() if k % 25 == 0 or k == max(curve)},
            "size_kib": path.stat().st_size // 1024, "ms_per_100": speed_ms(), "fields": field_scores(path), "miss_kinds": miss_kinds(path)}


def model_path(name: str) -> Path:
    return MODELS / (name.replace(" ", "_").replace("=", "") + ".crfsuite")


def miss_kinds(model: Path) -> list[list]:
    """[set, field, kind, count] of the development misses of the focus fields (see `misses`)."""
    return [[*key, n] for key, n in sorted(misses(model)[1].items(), key=lambda kv: (kv[0][0], kv[0][1], -kv[1]))]


def focus(result: dict) -> float:
    """The mean of title, container and publisher accuracy over the two real sets (the fields
    and sets the held-out targets are missed on)."""
    real = [result["fields"][s][f] for s in ("anystyle-core", "grobid") for f in FOCUS]
    return sum(real) / len(real)


def report(results: list[dict]) -> str:
    """The grid as markdown: one row per setting, development scores, size and speed."""
    sets = sorted(set.intersection(*(set(r["fields"]) for r in results)))  # the sets every row has (not every row reads parscit)
    head = ["setting", "iterations", "token acc."] + [f"{s} {f}" for s in ("anystyle-core", "grobid") for f in FOCUS]
    head += ["real-set focus mean"] + [f"{s} entry" for s in sets] + ["min other field", "KiB", "ms/100 (CPU)", "train s"]
    lines = ["| " + " | ".join(head) + " |", "|---|" + "---:|" * (len(head) - 1)]
    for r in sorted(results, key=lambda r: -focus(r)):
        cells = [r["name"], str(r["iterations"]), f"{r['token_accuracy']:.4f}"]
        cells += [f"{r['fields'][s][f]:.1%}" for s in ("anystyle-core", "grobid") for f in FOCUS]
        cells.append(f"{focus(r):.2%}")
        cells += [f"{r['fields'][s]['entry']:.1%}" for s in sets]
        others = min((r["fields"][s][f], f"{s} {f}") for s in sets for f in FIELDS if f not in FOCUS)
        cells += [f"{others[0]:.1%} ({others[1]})", str(r["size_kib"]), f"{r['ms_per_100']:.0f}", str(r["train_s"])]
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines)


def full_table(result: dict) -> str:
    """Every field of every development set for one setting."""
    lines = ["| set | entries | " + " | ".join(FIELDS) + " | entry |", "|---|---:|" + "---:|" * (len(FIELDS) + 1)]
    for name, row in sorted(result["fields"].items()):
        lines.append(f"| {name} | {row['entries']} | " + " | ".join(f"{row[f]:.1%}" for f in FIELDS + ("entry",)) + " |")
    return "\n".join(lines)


def miss_kind(truth: str | None, got: str | None) -> str:
    """How a field's parse differs from its label: absent, spurious, too long or too short at
    one end (it took in or lost a neighbour's words), or other."""
    if truth is None or got is None:
        return "spurious" if truth is None else "missing"
    for longer, shorter, kind in ((got, truth, "too long"), (truth, got, "too short")):
        if shorter in longer:
            return f"{kind} at the end" if longer.startswith(shorter) else f"{kind} at the start" if longer.endswith(shorter) else kind
    return "other"


def misses(model: Path, sets=("anystyle-core", "grobid"), fields=FOCUS) -> tuple[list[str], dict]:
    """The development entries whose title, container or publisher a model's parse gets wrong,
    and the count of each kind of miss: what error analysis reads (development lines only,
    never held-out or gold.xml ones)."""
    from collections import Counter

    from exporter.references import tagger

    tagger.MODEL = model
    tagger.loaded_model.cache_clear()
    out, kinds = [], Counter()
    for name, lines in sorted(development_sets().items()):
        for x in lines if name in sets else ():
            truth, got = entry_fields.truth_values(x), entry_fields.parsed_values(parsed(x["text"]))
            wrong = [f for f in fields if truth[f] != got[f]]
            kinds.update((name, f, miss_kind(truth[f], got[f])) for f in wrong)
            if wrong:
                tagged = " | ".join(f"{label}: {x['text'][s:e]}" for label, s, e, _ in tagger.tag(x["text"]).segments())
                out.append(f"[{name}] {x['text']}\n    tagger: {tagged}\n    " + "\n    ".join(f"{f}: {truth[f]!r} -> {got[f]!r}" for f in wrong))
    return out, dict(kinds)


def rows_with_tables(rows: list[dict]) -> str:
    """The rows' comparison table, then every field of every development set for each row."""
    parts = [report(rows)]
    for r in sorted(rows, key=lambda r: (r["iterations"], r["name"])):
        parts.append(f"{r['name']} ({r['iterations']} iterations, token accuracy {r['token_accuracy']:.4f}, {r['size_kib']} KiB):\n\n{full_table(r)}")
    return "\n\n".join(parts)


def features_section(done: list[dict]) -> str:
    """The feature rows beside the shipped features' rows at the same settings, and every
    field of every development set for each."""
    rows = [r for r in done if r["name"] in FEATURE_ROWS + (BEFORE, CHOSEN)]
    return rows_with_tables(rows)


def gazetteer_section(done: list[dict]) -> str:
    """The gazetteer rows beside the same tree's rows without it, and every field of each."""
    rows = [r for r in done if r["name"] in GAZETTEER_GRID]
    if not rows:
        return "(not run yet)"
    return rows_with_tables(rows)


def data_section(done: list[dict]) -> str:
    """The training-data rows beside main's data at the same settings, and every field of each."""
    rows = [r for r in done if r["name"] in DATA_GRID]
    if not rows:
        return "(not run yet)"
    rows += [r for r in done if r["name"] in ("no gazetteer", "no gazetteer max_iterations=50")]
    return rows_with_tables(rows)


def _named(results: list[dict], name: str) -> dict:
    return next(r for r in results if r["name"] == name)


def kinds_table(before: dict, chosen: dict) -> str:
    """The development misses of the focus fields by kind, before and after."""
    count = {key: [0, 0] for key in sorted({tuple(k[:3]) for r in (before, chosen) for k in r.get("miss_kinds", [])})}
    for i, r in enumerate((before, chosen)):
        for *key, n in r.get("miss_kinds", []):
            count[tuple(key)][i] = n
    lines = ["| set | field | kind of miss | shipped settings | best (early stop) |", "|---|---|---|---:|---:|"]
    lines += [f"| {s} | {f} | {k} | {a} | {b} |" for (s, f, k), (a, b) in sorted(count.items(), key=lambda kv: (kv[0][0], kv[0][1], -kv[1][1]))]
    return "\n".join(lines)


def run_all(todo: list[tuple[str, dict]], weight: dict, kinds: tuple[str, ...], one_word: bool, workers: int, done: list[dict], synthetic: str = "synthetic.jsonl",
            extra: tuple[str, ...] = ()) -> None:
    """Run `todo` (settings sharing one weighting of the sources and one set of gazetteer
    kinds), `workers` at a time, adding each result to `done` and bench/tagger_settings.json
    as it comes (merged with what another run of this script wrote there meanwhile)."""
    global _TRAINER
    from multiprocessing import get_context

    from exporter.references.tagger import features

    features.GAZETTEER_KINDS, features.GAZETTEER_ONE_WORD = kinds, one_word  # kept for the workers: they read the development lines with it
    train.SOURCES[-1] = synthetic  # the same for the synthetic lines' file
    shipped_sources = list(train.SOURCES)
    train.SOURCES.extend(s for s in extra if s not in train.SOURCES)  # further data files (the real-data rows)
    shipped = dict(train.WEIGHT)
    train.WEIGHT.update(weight)
    _TRAINER = load_trainer()
    train.WEIGHT.clear()
    train.WEIGHT.update(shipped)  # run_one reports the weighting as shipped weights | the row's own
    with get_context("fork").Pool(min(workers, len(todo)), maxtasksperchild=1) as pool:
        for result in pool.imap_unordered(run_one, todo):
            done.append(result)
            print(f"{result['name']}: focus {focus(result):.2%}, token {result['token_accuracy']:.4f}, {result['size_kib']} KiB, {result['ms_per_100']} ms", file=sys.stderr, flush=True)
            _merge(done)
    features.GAZETTEER_KINDS, features.GAZETTEER_ONE_WORD = (), True
    train.SOURCES[:] = shipped_sources
    train.SOURCES[-1] = "synthetic.jsonl"


def _merge(done: list[dict]) -> None:
    """Write `done` to bench/tagger_settings.json, keeping rows another run wrote meanwhile."""
    names = {r["name"] for r in done}
    on_disk = json.loads(RESULTS.read_text(encoding="utf-8")) if RESULTS.exists() else []
    done.extend(r for r in on_disk if r["name"] not in names)
    RESULTS.write_text(json.dumps(done, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--workers", type=int, default=1)
    parser.add_argument("--only", nargs="*", help="settings of GRID to run (in this order); default all of GRID")
    parser.add_argument("--report", action="store_true", help="only rewrite bench/TAGGER_SETTINGS.md from bench/tagger_settings.json")
    parser.add_argument("--misses", type=Path, help="print the development misses of this model and stop")
    parser.add_argument("--fold", type=int, default=0, choices=range(10), help="with --misses, the tenth of the training lines the "
                        "model was trained without (train.py --development --fold N); 0, the development split")
    args = parser.parse_args(argv)
    train.FOLD[0] = args.fold
    if args.misses:
        found, kinds = misses(args.misses)
        print("\n".join(found))
        for (name, field, kind), n in sorted(kinds.items(), key=lambda kv: (kv[0][0], kv[0][1], -kv[1])):
            print(f"{name} {field} {kind}: {n}")
        return 0
    done = json.loads(RESULTS.read_text(encoding="utf-8")) if RESULTS.exists() else []
    todo = [] if args.report else [(n, GRID[n]) for n in (args.only or GRID) if n not in {r["name"] for r in done}]
    MODELS.mkdir(exist_ok=True)
    def group(change: dict) -> str:  # one trainer per weighting of the sources and gazetteer setting
        return json.dumps([change.get("weight", {}), list(change.get("gazetteer", ())), change.get("one_word", True), change.get("synthetic", "synthetic.jsonl"),
                           change.get("extra", [])])

    for key in sorted({group(change) for _, change in todo}):
        weight, kinds, one_word, synthetic, extra = json.loads(key)
        run_all([job for job in todo if group(job[1]) == key], weight, tuple(kinds), one_word, args.workers, done, synthetic, tuple(extra))
    _merge(done)
    for r in done:  # rows run before miss kinds were kept, while their development model is still at hand
        if "miss_kinds" not in r and model_path(r["name"]).exists():
            r["miss_kinds"] = miss_kinds(model_path(r["name"]))
    RESULTS.write_text(json.dumps(done, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    settings = [r for r in done if r["name"] not in FEATURE_ROWS and r["name"] not in GAZETTEER_GRID and r["name"] not in DATA_GRID]
    unrun = [n for n in GRID if n not in GAZETTEER_GRID and n not in DATA_GRID and n not in {r["name"] for r in done}]
    text = TEMPLATE.format(table=report(settings), n=len(settings), unrun=", ".join(unrun) or "none",
                           chosen=CHOSEN, before=BEFORE, full_before=full_table(_named(done, BEFORE)), full_chosen=full_table(_named(done, CHOSEN)),
                           kinds=kinds_table(_named(done, BEFORE), _named(done, CHOSEN)), features=features_section(done),
                           gazetteer=gazetteer_section(done), data=data_section(done))
    REPORT.write_text(text, encoding="utf-8")
    print(text)
    return 0


TEMPLATE = """# Tagger training settings on the development split

Written by bench/tagger_settings.py. Each row: the reference tagger trained by CRFsuite (L-BFGS,
OWL-QN when c1 > 0) with one setting on the training lines minus the development ones (train.py
`is_development`: one training line in ten, by a hash of its text), then scored on the
development lines only: token accuracy, and field accuracy through the whole parser (tagger,
conventions, normalisers), as bench/entry_fields.py scores its sets. No held-out line and no
gold.xml line is read by this script; the setting was chosen on this table, and the held-out
and gold.xml numbers (bench/ENTRY_FIELDS.md) were taken once, for the chosen model.

Columns: the title, container and publisher accuracy on the two real development sets
(anystyle-core, GROBID: where the held-out targets are missed), their mean (rows sorted by it),
every set's whole-entry accuracy, the lowest of the other fields over all sets, the model's
size, CPU milliseconds to read the first 100 development entries (best of 5; the same process
and caches for every model; the shared machine ran 4-7 jobs meanwhile, so differences under
~10 ms are noise), and the training time (wall, two runs at a time on the shared machine, so
only roughly comparable). Unless a setting says otherwise: {base}.

{table}

{n} settings run. Not run (the session's time ran out on the shared 2-core machine, where one
150-iteration run took ~20 min): {unrun}.

How noisy the table is: the development sets are small (anystyle-core 103 entries, about 100
with a title, so one entry is one point; GROBID 703, one entry 0.14 point), so single-point
moves on anystyle-core are noise; GROBID, the synthetic sets and the whole-entry columns say
more.

## Best on the development split: {chosen} (shipped: {before}, unchanged)

Every L1 run's token accuracy on the development lines peaks near iteration 50-75 and then
drifts down (the `curve` in bench/tagger_settings.json: the shipped settings give 0.9776 at 50, 0.9775
at 75, 0.9769 at 150), and the field scores agree: stopping at 50 iterations is better than 150
on GROBID's title, container and publisher, on anystyle-core's title and container, and on the
whole entries of every set; it loses anystyle-core pages (97.9 % to 93.8: two entries of 48) and
a publisher (87.8 % to 85.4: one entry of 41). Pure L2 (c1 0) reads anystyle-core titles and containers about as
well but synthetic publishers far worse, and makes a 23 MB model; c1 0.3 run to 150
iterations gives the smallest model (2.2 MB) and reads anystyle-core a little better but GROBID's
publishers 4.5 points worse; c1 0.3 or feature.minfreq 5 with the early stop made the model
smaller but read worse. The early stop's cost: a model
of ~7.5 MB against ~3 MB (OWL-QN has not yet driven as many weights to zero), and tagging about
as fast (CPU 93 ms against 90 ms for gold.xml's first 100 entries, both models in one process,
best of 6).

Before ({before}):

{full_before}

Best ({chosen}):

{full_chosen}

## After the choice: the held-out sets, gold.xml, the corpus and the tests, looked at once

The model retrained on every training line with {chosen} (`python -m
exporter.references.tagger.train --max-iterations 50`, 7.6 MB) was then scored once by
bench/entry_fields.py. The held-out rows, shipped model (main's) -> {chosen}:

| set | first author | year | title | container | volume | pages | publisher | entry |
|---|---:|---:|---:|---:|---:|---:|---:|---:|
| anystyle-core (141) | 97.7 -> 96.9 | 100.0 -> 100.0 | 82.4 -> 83.8 | 85.1 -> 85.1 | 93.0 -> 95.3 | 95.8 -> 95.8 | 77.9 -> 80.9 | 61.7 -> 64.5 |
| GROBID (823) | 95.8 -> 95.6 | 99.1 -> 98.9 | 86.0 -> 87.4 | 90.9 -> 91.9 | 96.0 -> 96.2 | 96.0 -> 96.4 | 77.3 -> 78.4 | 74.7 -> 76.3 |
| synthetic, styles never trained on (521) | 97.0 -> 97.0 | 100.0 -> 100.0 | 99.2 -> 98.8 | 96.8 -> 97.3 | 99.2 -> 99.2 | 99.4 -> 99.7 | 99.0 -> 95.8 | 93.1 -> 92.7 |
| synthetic, CSL en (783) | 94.0 -> 94.3 | 100.0 -> 100.0 | 93.2 -> 93.6 | 88.5 -> 89.5 | 98.5 -> 99.0 | 99.1 -> 99.8 | 86.2 -> 87.2 | 79.6 -> 80.6 |
| synthetic, CSL ru/kk (326) | 95.8 -> 95.8 | 99.7 -> 99.7 | 97.2 -> 97.9 | 97.4 -> 99.0 | 98.4 -> 96.9 | 99.6 -> 99.6 | 97.4 -> 99.1 | 88.0 -> 89.0 |
| synthetic, GOST (ours) ru/kk (520) | 96.3 -> 97.5 | 100.0 -> 100.0 | 100.0 -> 100.0 | 100.0 -> 100.0 | 100.0 -> 100.0 | 100.0 -> 99.8 | 98.2 -> 99.4 | 90.4 -> 91.5 |
| AnyStyle gold.xml (1669) | 97.6 -> 97.9 | 99.6 -> 99.3 | 91.6 -> 91.7 | 93.2 -> 93.2 | 98.3 -> 97.3 | 98.6 -> 98.5 | 92.3 -> 92.6 | 79.2 -> 78.4 |

The real held-out sets gain 1-3 points on title, container and publisher, still 8-12 points
short of the targets (title and container 95 %, publisher 90 %); gold.xml, the cleanest measure,
does not move (volume and whole entries a little worse), nor do styles never trained on
(publisher 99.0 -> 95.8). On the corpus: the hand-labelled entries' titles 92.8 % -> 90.7 %
(two entries), years 100 % -> 98.9 %; REF010 31 findings against 29, one of them false
(ru_digilina_uncertainty_planning:5 `… – Екатеринбург : Институт экономики УрО РАН, 2012. – 184
с.` called a book without publisher) and one right (ru_voronkin_chatgpt_dataset:8, a file name
and a site); and tests/test_checks.py::test_year_typo_is_read_and_reported failed (`…, Volumes
9(2), May 7, 0213.`: the year typo read as pages, so REF011 no longer reports it). So the
setting is not shipped: train.py keeps its settings, and the model and bench/ENTRY_FIELDS.md
stay main's. The settings do not close the gap to the held-out targets; what is missed
(next section) is a matter of features and training data, not of regularisation.

## What the development misses are

`bench/tagger_settings.py --misses MODEL` prints each development entry of anystyle-core and
GROBID whose title, container or publisher is wrong, with the tagger's segments. By kind
(a field "too long at the end" took in the next element's words; "too short at the end" lost
its last words to the next element):

{kinds}

Reading them (development lines only): most title misses are boundary errors with the next
element — a title running into a container or a note where nothing but a comma or no
punctuation at all separates them (`… type 2 diabetes: a randomized clinical trial Diabetes
Educ., 36`, GROBID's PDF text with glued words: `… anti -springfilters for gravitational wave
interferometric detectorsNucl . Instrum.`, `… timeseries ,ICFDA '14International Conference`),
an edition, translator or `Revised and expanded` left in the title, and a title cut at an inner
full stop or colon. Container misses are mostly a container with no mark (`Synthesis, 706
(1977)`, `J. Climate, 19` after the title with no `In`/italics in plain text) or a series,
thesis school or report institution read as a container or publisher; many publisher misses
are GROBID's labelling choices (an institution or a place read where the label says publisher,
`Ithaca 1995`, `University Park 1999`, and the reverse). These are what a feature change or
more synthetic data would have to move; neither was tried this session (no time after the grid).
One more training setting was: the GROBID lines appended twice (`grobid weight 2
max_iterations=50`, against max_iterations=50 alone), which read the development lines worse
(GROBID title 85.5 % against 87.2, container 89.5 against 90.6; anystyle-core's worse too) with
a 12 MB model, so it was not kept.
"""
GAZETTEER_TEXT = """
## Known names from a gazetteer (tagger23: development split)

GROBID's citation model reads features from curated phrase lists that are not mined from its
training data; tagger/gazetteer.py does the same with GROBID's lists of journal titles and their
abbreviations, conference names and publishers, GeoNames' city names (as GROBID ships them),
and our own list of book publishers, Russian and Kazakh publishers and cities, and countries
(data/build_gazetteer.py; 132,902 phrases hashed into a 1,638 KiB sorted array that opens in
2 ms; data/LICENSES.md gives each source's licence). Each phrase is matched longest first over
the tokens' canonical words (case and punctuation ignored, starting at a capitalised word, never
across `//`), and each token of a match gets `gz:KIND=B` (first of several words), `=I` (a later
one) or `=S` (a one-word name), and its neighbours the same with `-1:`/`+1:`. Rows: the
shipped features on this tree ("no gazetteer") and with the gazetteer's kinds named, at the
same settings.

{gazetteer}

What they show. At the shipped settings (150 iterations) the gazetteer reads every focus field
of both real development sets better: token accuracy 0.9769 -> 0.9780, anystyle-core title 78 ->
79, container 80.0 -> 84.6, publisher 87.8 -> 90.2, GROBID title 86.6 -> 87.2, container 88.7 ->
89.4, publisher 80.6 -> 82.1 (focus mean 83.62 % -> 85.41 %), and synthetic English publishers
90.0 -> 94.3; entry by entry over the two real sets, 13 titles right that were wrong and 6 the
other way, containers 13 and 7, publishers 5 and 1, first authors 3 and 0. It loses one GROBID
volume (95.8 -> 95.6) and one synthetic ru/kk container (99.3 -> 99.1); the model is a little
smaller (2,964 KiB against 3,022). At 50 iterations it does not help: every gazetteer row is
below the same tree's row without it (focus 85.07 % for all kinds against 85.56 %; journals and
conferences alone 82.82 %, with publishers 84.75 %, names of two words or more only 83.79 %;
"gazetteer publisher+place" is in the grid but was not run),
and 150 iterations with the gazetteer is no better than 50 without (85.41 % against 85.56 %). So
the gazetteer makes up what the longer training overfits rather than adding beyond the early
stop, and the gains are a few entries each against sets where one anystyle-core entry is one
point: a modest, consistent gain at the shipped settings, not a large one.

Why not more: the lists cover few of the names in these references. Of the development lines'
first journal or container names, 22 % (GROBID) and 24-29 % (anystyle-core) are a whole phrase
of the journal lists (GROBID's journal strings are often abbreviated another way than
abbrev_journals.txt, or carry a series or section); no container name is a whole entry of
proceedings.txt (662 short names such as `ACM SIGIR`); publishers 43 % (GROBID) and 12 %
(anystyle-core); places 64-68 %. And a name can be something else: on the development lines a
one-word place match is an author's word 42 % of the time and a place 28 % (`Pearson, Mike.`,
`Lincoln`), a one-word journal match a title's word 44 % (`Structure`, `Science`), while
multi-word matches are mostly what they say (journal B/I: journal or container 87-90 %,
publisher B/I 83-90 %, place B/I 83-86 %). Leaving the one-word names out read worse (83.79 %
at 50 iterations), so the CRF does use them. The synthetic ru/kk lines cannot measure our
Russian and Kazakh names: their records are drawn from cyrillic_pools.json, whose publishers
and cities largely are in our list too (32 of 53 publishers, 22 of 24 cities), and they were
read at 99 % already.

Cost: the features take +3.5 ms per 100 development entries (CPU, best of 9, warm caches;
+8 ms cold), the whole parse about as much (a noisy column above); opening the gazetteer 2 ms
once per process.

### The held-out sets and gold.xml, looked at once (not shipped)

As the development rows were better at the shipped settings, the model was trained once on
every training line with the gazetteer (`python -m exporter.references.tagger.train --gazetteer
journal,conf,publisher,place --out …`: 316 s on a quiet machine, 3,199 KiB against main's
3,177) and scored once by bench/entry_fields.py with it in place of main's model
(EXPORTER_CORPUS=/work/shared/corpus). Main's model -> the gazetteer's:

| set | first author | year | title | container | volume | pages | publisher | entry |
|---|---:|---:|---:|---:|---:|---:|---:|---:|
| anystyle-core (141) | 97.7 -> 97.7 | 100.0 -> 100.0 | 82.4 -> 84.6 | 85.1 -> 85.1 | 93.0 -> 95.3 | 95.8 -> 97.2 | 77.9 -> 83.8 | 61.7 -> 63.1 |
| GROBID (823) | 95.8 -> 95.5 | 99.1 -> 99.0 | 86.0 -> 86.3 | 90.9 -> 91.3 | 96.0 -> 95.8 | 96.0 -> 96.0 | 77.3 -> 80.7 | 74.7 -> 74.6 |
| synthetic, styles never trained on (521) | 97.0 -> 97.0 | 100.0 -> 100.0 | 99.2 -> 99.0 | 96.8 -> 97.0 | 99.2 -> 99.6 | 99.4 -> 99.4 | 99.0 -> 97.4 | 93.1 -> 92.7 |
| synthetic, CSL en (783) | 94.0 -> 94.0 | 100.0 -> 100.0 | 93.2 -> 93.6 | 88.5 -> 89.0 | 98.5 -> 98.5 | 99.1 -> 99.1 | 86.2 -> 87.2 | 79.6 -> 80.6 |
| synthetic, CSL ru/kk (326) | 95.8 -> 95.8 | 99.7 -> 99.7 | 97.2 -> 97.5 | 97.4 -> 96.9 | 98.4 -> 96.9 | 99.6 -> 99.6 | 97.4 -> 98.3 | 88.0 -> 88.7 |
| synthetic, GOST (ours) ru/kk (520) | 96.3 -> 96.7 | 100.0 -> 100.0 | 100.0 -> 99.8 | 100.0 -> 99.7 | 100.0 -> 100.0 | 100.0 -> 100.0 | 98.2 -> 99.4 | 90.4 -> 90.8 |
| AnyStyle gold.xml (1669) | 97.6 -> 97.6 | 99.6 -> 99.4 | 91.6 -> 92.0 | 93.2 -> 93.9 | 98.3 -> 98.5 | 98.6 -> 98.4 | 92.3 -> 93.4 | 79.3 -> 80.3 |

The real sets gain where the development split said: publishers most (anystyle-core 77.9 ->
83.8, GROBID 77.3 -> 80.7, gold.xml 92.3 -> 93.4), titles and containers a little (GROBID
title 86.0 -> 86.3, container 90.9 -> 91.3; gold.xml 91.6 -> 92.0 and 93.2 -> 93.9), still 9-14
points short of the held-out targets (title and container 95 %, publisher 90 %). But the
held-out sets also lose: GROBID first authors 95.8 -> 95.5 and volumes 96.0 -> 95.8, the styles
never trained on publishers 99.0 -> 97.4 and whole entries 93.1 -> 92.7, CSL ru/kk volumes
98.4 -> 96.9 and containers 97.4 -> 96.9, our GOST titles and containers (100 -> 99.8, 99.7),
gold.xml years and pages (0.2 point each). And beyond the sets: the corpus's hand-labelled
titles 92.8 % -> 91.8 % (one entry; its held-out part 95.2 % -> 90.5 %); REF010 30 findings,
one of them false (en_iqbal_requirement_prioritization:3 `McGrath, Michael E, "Product Strategy
for High Technology Companies". McGraw-Hill Professional Book Group, 2nd edition, 2000.`, a
book, called a chapter without pages; tagger20's word lexicon made the same one), so precision
29 of 30 against main's 29 of 29, and three right findings no longer made
(en_dutot_bicriteria_acm:5, en_slipchenko_bone_age_ml:19, ru_zhilyakov_tracking:8); one test
fails (tests/test_tagger.py, the remark in brackets after `Analytical Methods.`: the journal
read as a note). 100 entries (gold.xml's first hundred): 96 ms in bench/entry_fields.py's run
(main's table: 92 ms; target ≤ 100 ms), and in one process, the two models alternating, best of
5, 87.3 ms against main's 84.2; `check` of the shipped paper 0.12 s, as main's.

So the model is not shipped: the held-out sets lose on fields the brief says must not drop,
for gains of a few points on publishers and under one on titles and containers. The shipped
model, features.GAZETTEER_KINDS (empty), train.py's settings and bench/ENTRY_FIELDS.md stay
main's; the gazetteer's code, build script, own list and tests stay, so the experiment can be
rerun (`data/build_gazetteer.py --grobid PATH`, then the rows above).
"""
TEMPLATE += """
## Features beyond the CRF's window, and a word lexicon (tagger20: development split, then held-out once; not shipped)

Three feature sets were tried on the development split (FEATURE_ROWS above says which commit
holds each), each against main's features at the same settings (the rows "c1=0.1 c2=0.01", the
shipped settings, and "max_iterations=50"). Segment features: each token's punctuation-cut
segment (which one, its length in tokens, the token's place in it, whether it holds a year, a
quote, `In`, `//`, a page or volume mark, a journal's, publisher's or city's word from
lexicon.py or the keyword lists, initials; how many of its words are capitalised; what the
segment before ended with), the comma-cut part's length, and the token's place against the
first year and the authors' last initial. Word lexicon: each word's most frequent label over
the real training lines (anystyle-core and GROBID, at least 3 times, at least 60 % of them;
5,678 words, 88 KiB), built by train.py from the training lines only (never a held-out or
gold.xml line; for the development rows without the development lines either) and jackknifed
(a line's features read a lexicon built without its own fifth of the lines), read as the
token's and its neighbours' label, and with the segment features also as the segment's and
the part's majority label.

{features}

What they show. The segment features make the model no better at 50 iterations (GROBID title
87.2 % both, container 90.6 -> 90.1, publisher 82.1 -> 83.6; anystyle-core title 82 -> 80,
publisher 85.4 -> 80.5) and clearly worse at 150 (token accuracy 0.9769 -> 0.9737; anystyle-core
title 78 -> 73, GROBID container 88.7 -> 87.8, publisher 80.6 -> 77.6): the token accuracy curve
peaks at 50-75 iterations and then falls faster than main's, the mark of features the model
overfits (many segment-level features are shared by every token of a long segment, so the
training lines are fitted through them). They also cost time: their extraction alone took 16 -> 25 ms
per 100 development entries (CPU, best of 7, main's features.py and 48c701b's side by side in
one process), and the whole parse 100 -> 127 ms in the table (a noisy column). Adding the word lexicon to them made up part of
the loss, not all (150 iterations: 82.45 % focus mean against 83.62). The word lexicon alone
at the shipped settings (150 iterations, 3.0 MB) was the only set better than main's on the
development lines: focus mean 83.62 % -> 85.17 % (anystyle-core title 78 -> 79, container 80.0 ->
83.1, publisher 87.8 -> 90.2; GROBID title 86.6 both, container 88.7 -> 88.5, publisher 80.6 ->
83.6), synthetic whole entries 85.1 -> 86.5 (en) and 90.4 -> 90.8 (ru/kk); at a cost of one
anystyle-core first author (98.9 -> 97.8) and one page range (97.9 -> 95.8), synthetic ru/kk
volume 99.4 -> 98.7. In entries the focus gain is about six (anystyle-core has 100 titles, 65
containers, 41 publishers; GROBID 537, 584 and 67): small against the noise of these sets.

So the word lexicon alone was trained once on every training line (`python -m
exporter.references.tagger.train` at commit f6005ed: 345 s, 3,184 KiB and the 88 KiB
lexicon) and scored once by bench/entry_fields.py. Held-out rows and gold.xml, main's model ->
word lexicon:

| set | first author | year | title | container | volume | pages | publisher | entry |
|---|---:|---:|---:|---:|---:|---:|---:|---:|
| anystyle-core (141) | 97.7 -> 96.9 | 100.0 -> 100.0 | 82.4 -> 83.1 | 85.1 -> 85.1 | 93.0 -> 93.0 | 95.8 -> 95.8 | 77.9 -> 79.4 | 61.7 -> 63.8 |
| GROBID (823) | 95.8 -> 95.8 | 99.1 -> 99.2 | 86.0 -> 86.2 | 90.9 -> 90.0 | 96.0 -> 96.2 | 96.0 -> 96.0 | 77.3 -> 78.4 | 74.7 -> 74.4 |
| synthetic, styles never trained on (521) | 97.0 -> 96.8 | 100.0 -> 100.0 | 99.2 -> 98.8 | 96.8 -> 96.5 | 99.2 -> 99.2 | 99.4 -> 99.2 | 99.0 -> 97.9 | 93.1 -> 92.1 |
| synthetic, CSL en (783) | 94.0 -> 94.0 | 100.0 -> 100.0 | 93.2 -> 92.7 | 88.5 -> 88.7 | 98.5 -> 98.5 | 99.1 -> 99.1 | 86.2 -> 87.2 | 79.6 -> 79.7 |
| synthetic, CSL ru/kk (326) | 95.8 -> 95.8 | 99.7 -> 99.7 | 97.2 -> 97.9 | 97.4 -> 96.9 | 98.4 -> 98.4 | 99.6 -> 99.6 | 97.4 -> 97.4 | 88.0 -> 88.3 |
| synthetic, GOST (ours) ru/kk (520) | 96.3 -> 96.9 | 100.0 -> 100.0 | 100.0 -> 100.0 | 100.0 -> 100.0 | 100.0 -> 100.0 | 100.0 -> 100.0 | 98.2 -> 99.4 | 90.4 -> 91.2 |
| AnyStyle gold.xml (1669) | 97.6 -> 97.7 | 99.6 -> 99.4 | 91.6 -> 92.0 | 93.2 -> 93.1 | 98.3 -> 97.9 | 98.6 -> 98.2 | 92.3 -> 92.1 | 79.3 -> 79.4 |

100 entries (gold.xml's first hundred) 93 ms (main's model 90 ms in bench/ENTRY_FIELDS.md);
the corpus's hand-labelled titles 92.8 % -> 91.8 % (one entry); REF010 31 findings, 30 judged
right and one new one not judged (en_iqbal_requirement_prioritization:3, a chapter without
pages). The gains are one entry per field (anystyle-core title 112 -> 113 of 136, publisher
53 -> 54 of 68; GROBID title 534 -> 535 of 621, publisher 68 -> 69 of 88), against losses as
large or larger elsewhere: GROBID container 626 -> 620 of 689, an anystyle-core first author,
gold.xml volume and pages 0.4 points each, and every field of the styles never trained on
(publisher 99.0 -> 97.9). Not clearly better on the held-out sets, and worse on some fields the
brief says must not drop: not shipped. The model, features.py, train.py and lexicon.py stay
main's, and so does bench/ENTRY_FIELDS.md.

The held-out targets (title and container 95 %, publisher 90 %) stay 9-13 points away. Reading
the development misses (`--misses`, development lines only) says why features alone do not
close it: besides the boundary errors listed above, many misses are the labels' own
inconsistencies, which cap what any model scores against them. GROBID's corpus labels a
publisher as `pubPlace` in some files and `publisher` in others (`<pubPlace>Routledge,
London</pubPlace>`, `(<pubPlace>North-Holland</pubPlace>, 1972)` beside `(<publisher>Wiley</publisher>,
1998)`), a thesis school as `orgName` (read as an author), and titles with a glued neighbour;
a right reading of those is a miss in both the training and the held-out lines. No more public
labelled data with a clear licence was found to add: GROBID's other citation files
(`grobid-trainer/resources/dataset/citation/evaluation`, 327 references) are all already in
its corpus (every one of them is a line of grobid.jsonl, 20 of them held out), its former
`evaluation/citations.xml` (the CORA set) moved into the corpus and is already used, and the
UMass citation field extraction set's page states no licence (only "please cite"), so it was
not added.
"""
DATA_TEXT = """
## More varied synthetic data, GIANT-style (tagger24: development split, then held-out once; not shipped)

The hypothesis: the synthetic English records are too few and too uniform (their journals,
publishers, places and title shapes come from the training sets' own values, through 36 CSL
styles), so the model learns those styles' punctuation rather than what a journal name or a
publisher looks like. `data/build.py --giant --jabref PATH --out synthetic-giant.jsonl` (off by
default; without it the build runs main's code: with today's GROBID snapshot 15 of
grobid.jsonl's lines come out in another form, so that file stays main's) makes 3,600 English records (with the project's own
.bib records, in place of main's 2,600) whose values come half from the mined pools as before
and half from public lists (data/LICENSES.md): 51,923 journal titles with their ISO-4 or NLM
abbreviations from JabRef's lists (CC0; 60 % of the articles take one, printed abbreviated 40 %
of the time, else with CSL `container-title-short` beside the full title), conference names made around GROBID's
`proceedings.txt` (`Proceedings of the 12th …`, `Proc. …`, `2019 … (ACRO)`), 2,157 publishers
(GROBID's `publishers.txt`, capitals made title case), 22,084 universities and colleges for
thesis schools and report institutions, 57,601 GeoNames city names (30 % of places). Titles:
45 % are two mined titles joined as real ones are (`Main: sub`, `Main. Sub`, `Main? Sub`, `Main
- sub`); books get editions (`2nd rev.`, `Revised`, `3rd, revised and expanded`), series with
numbers, translators and editors; more theses and reports. The records go through 110 CSL
styles (main's 36, 36 more named — Vancouver/NLM, BMJ, PLOS, physics, chemistry, AGU, ASM,
Place: Publisher forms — and 38 drawn at random, seeded, from the snapshot's English styles;
never a style whose name starts with a held-out style's). 12 % of the CSL training lines get
PDF-like noise (`render.pdf_noise`: a space lost after punctuation, one added before it, a word of
the title or journal broken `interfero- metric`; labels move with the text; tests/test_tagger_data.py).
The file has 19,389 lines (17,170 training) against synthetic.jsonl's 16,526 (14,376). Rows:
`giant data` (train.py's settings, 150 iterations) and with the early stop, beside main's data
at the same settings on this tree ("no gazetteer" rows). anystyle-core's and GROBID's
development lines are the same lines in every row; the synthetic development lines and token
accuracy are each file's own, so those columns do not compare across the data.

{data}

What they show. At the shipped settings the new data reads the real development lines better
where the held-out targets are missed: anystyle-core title 78 -> 80, container 80.0 -> 84.6,
GROBID title 86.6 -> 87.3, container 88.7 -> 90.4, publisher 80.6 -> 85.1 (focus mean 83.62 % ->
85.06 %), whole entries 59.2 -> 60.2 and 74.4 -> 75.5; anystyle-core publishers fall 87.8 ->
82.9 (two entries of 41), GROBID years 99.7 -> 99.4, first authors 95.4 -> 95.2 and volumes
95.8 -> 95.6. Entry by entry over the two real development sets (the one set right, the other
wrong): containers 21 right only with the new data against 8 only with main's, titles 24 against
18, publishers 4 against 3; first authors 1 against 2, years 1 against 3, volumes 1 against 2,
pages 6 against 5. With the early stop it is no better than main's data with it (focus 85.43 %
against 85.56 %: GROBID publisher 82.1 -> 89.5, but anystyle-core publisher 85.4 -> 80.5 and
both sets' containers lower), and 150 iterations with it (85.06 %) does not beat 50 without
(85.56 %): as with the gazetteer, the new data makes up for what the longer training overfits
more than it adds beyond the early stop. The token accuracy curve peaks at 50 iterations
(0.9800) and stays within 0.0007 of it to 150. Model 3,450 KiB (main's data 3,022), 100
development entries as fast (a noisy column).

Each data set's own synthetic development lines flatter the model trained beside them (a
record is rendered through three styles, so a development line's title and journal were seen
in training in another style); scored across, the new data generalises better than main's:
main's model reads the new development lines (1,043 English) at 73.2 % whole entries (title
90.0 %, container 86.2 %, publisher 75.7 %), the new model reads main's (733) at 80.8 % (title
93.6 %, container 91.2 %, publisher 84.4 %).

### The held-out sets and gold.xml, looked at once (not shipped)

The dev gain being modest but on five of the six focus fields, the model was trained once on
every training line with the new data (`python -m exporter.references.tagger.train --synthetic
synthetic-giant.jsonl --out …`: 678 s, 3,643 KiB against main's 3,177) and scored once, with
main's model beside it on the same lines (the synthetic held-out lines of both files). Main's
model -> the new data's:

| set | first author | year | title | container | volume | pages | publisher | entry |
|---|---:|---:|---:|---:|---:|---:|---:|---:|
| anystyle-core (141) | 97.7 -> 97.7 | 100.0 -> 100.0 | 82.4 -> 85.3 | 85.1 -> 84.0 | 93.0 -> 93.0 | 95.8 -> 94.4 | 77.9 -> 76.5 | 61.7 -> 62.4 |
| GROBID (823) | 95.8 -> 95.8 | 99.1 -> 99.2 | 86.0 -> 87.3 | 90.9 -> 92.0 | 96.0 -> 96.3 | 96.0 -> 95.6 | 77.3 -> 75.0 | 74.7 -> 75.5 |
| AnyStyle gold.xml (1669) | 97.6 -> 97.8 | 99.6 -> 99.6 | 91.6 -> 91.9 | 93.2 -> 92.7 | 98.3 -> 97.8 | 98.6 -> 98.6 | 92.3 -> 93.2 | 79.3 -> 80.0 |
| synthetic.jsonl: styles never trained on (521) | 97.0 -> 97.0 | 100.0 -> 100.0 | 99.2 -> 98.5 | 96.8 -> 95.3 | 99.2 -> 99.6 | 99.4 -> 99.7 | 99.0 -> 93.8 | 93.1 -> 90.6 |
| synthetic.jsonl: CSL en (783) | 94.0 -> 94.3 | 100.0 -> 99.9 | 93.2 -> 92.8 | 88.5 -> 87.0 | 98.5 -> 98.7 | 99.1 -> 99.3 | 86.2 -> 83.4 | 79.6 -> 77.0 |
| synthetic.jsonl: CSL ru/kk (326) | 95.8 -> 95.8 | 99.7 -> 99.7 | 97.2 -> 98.2 | 97.4 -> 96.9 | 98.4 -> 98.4 | 99.6 -> 99.6 | 97.4 -> 100.0 | 88.0 -> 89.9 |
| synthetic.jsonl: GOST (ours) ru/kk (520) | 96.3 -> 96.7 | 100.0 -> 100.0 | 100.0 -> 99.8 | 100.0 -> 100.0 | 100.0 -> 100.0 | 100.0 -> 100.0 | 98.2 -> 98.8 | 90.4 -> 90.6 |
| synthetic-giant.jsonl: styles never trained on (206) | 97.5 -> 97.5 | 99.0 -> 100.0 | 94.2 -> 98.5 | 90.7 -> 98.8 | 100.0 -> 100.0 | 100.0 -> 98.6 | 86.8 -> 98.7 | 82.5 -> 93.7 |
| synthetic-giant.jsonl: CSL en (1188) | 95.4 -> 95.6 | 98.1 -> 98.8 | 89.9 -> 91.6 | 86.9 -> 91.7 | 97.7 -> 98.7 | 98.0 -> 99.0 | 71.8 -> 84.5 | 71.4 -> 79.0 |
| synthetic-giant.jsonl: CSL ru/kk (319) | 95.0 -> 95.0 | 99.7 -> 100.0 | 97.5 -> 98.1 | 98.5 -> 99.0 | 98.9 -> 97.8 | 98.6 -> 98.9 | 100.0 -> 100.0 | 88.1 -> 89.0 |
| synthetic-giant.jsonl: GOST (ours) ru/kk (506) | 95.7 -> 96.1 | 100.0 -> 100.0 | 99.8 -> 99.8 | 100.0 -> 100.0 | 100.0 -> 100.0 | 99.6 -> 99.8 | 100.0 -> 100.0 | 89.9 -> 90.5 |

Titles gain on every real set (anystyle-core 82.4 -> 85.3, GROBID 86.0 -> 87.3, gold.xml 91.6 ->
91.9), GROBID containers 90.9 -> 92.0, gold.xml publishers 92.3 -> 93.2 and whole entries 79.3
-> 80.0; the new data's own held-out styles are read far better (as its records' kinds of
values are the ones in training). But the protected fields drop: pages on anystyle-core (95.8
-> 94.4, two entries) and GROBID (96.0 -> 95.6), gold.xml volumes 98.3 -> 97.8 and containers
93.2 -> 92.7; publishers fall on both real held-out sets (77.9 -> 76.5, 77.3 -> 75.0: the
development split said the opposite for GROBID, 80.6 -> 85.1, so these few-dozen-entry columns
are noise-sized either way), and main's styles never trained on lose publishers 99.0 -> 93.8.
Beyond the sets (bench/entry_fields.py's corpus part with the new model, EXPORTER_CORPUS=/work/shared/corpus):
the hand-labelled corpus entries' years 100 % -> 98.9 % (one entry), titles 92.8 % -> 91.8 %
(held-out part 95.2 % -> 90.5 %), page counts 100 % -> 95.7 %; REF010 31 findings, one of them
false (en_iqbal_requirement_prioritization:19 `Saaty, L.T, "Decision Making for Leaders: …",
New Edition 2001, Publisher: RWS Publications, ISBN-13: …`, a book, called an article without
pages), so 30 of 31 against main's 29 of 29; and seven tests fail with it
(tests/test_tagger.py: an issue before the pages, `10:1, (2020), 2177.`, a state of publication
read as a container, a lone number after a proceedings series, a supplement's `S` pages, APA's
software entry; tests/test_checks.py::test_year_typo_is_read_and_reported, as with the early
stop). Speed unchanged: 100 gold.xml entries 86.2 ms against main's 84.2 (CPU, both models in
one process, best of 6).

### The noise apart: `giant data, no noise` (development split, then held-out once; not shipped)

The same build with `--noise 0` (synthetic-giant-quiet.jsonl; the same records, and past the
first line the noise would have touched another random draw of their styles) was the best
development row at the shipped settings (the table above): focus 85.42 % (anystyle-core title
81.0, container 86.2, publisher 82.9; GROBID title 88.3, container 90.6, publisher 83.6), whole
entries 64.1 % and 76.2 % (main's data 59.2 and 74.4; main's data with the early stop 63.1 and
76.0), and no other field of the real sets below main's data (GROBID first authors 95.7, years
99.7, volumes 96.0, pages 95.1). Entry by entry against main's data: titles 26 right only with
it against 14, containers 22 against 7, publishers 5 against 5, first authors 3 against 1,
years 2 against 2, volumes 3 against 2, pages 5 against 3. So the PDF-like noise did not help
the real sets (GROBID's are PDF text, yet the noisy row read them worse), and this row was
trained once on every training line (535 s, 3,897 KiB) and scored once (a fifth training, one
past the four planned, run alone on the machine):

| set | first author | year | title | container | volume | pages | publisher | entry |
|---|---:|---:|---:|---:|---:|---:|---:|---:|
| anystyle-core (141) | 97.7 -> 97.7 | 100.0 -> 100.0 | 82.4 -> 86.0 | 85.1 -> 87.2 | 93.0 -> 95.3 | 95.8 -> 94.4 | 77.9 -> 79.4 | 61.7 -> 64.5 |
| GROBID (823) | 95.8 -> 95.6 | 99.1 -> 99.4 | 86.0 -> 86.6 | 90.9 -> 91.6 | 96.0 -> 96.0 | 96.0 -> 95.8 | 77.3 -> 79.5 | 74.7 -> 75.8 |
| AnyStyle gold.xml (1669) | 97.6 -> 97.7 | 99.6 -> 99.6 | 91.6 -> 91.8 | 93.2 -> 92.5 | 98.3 -> 97.5 | 98.6 -> 98.8 | 92.3 -> 94.2 | 79.3 -> 79.7 |
| synthetic.jsonl: styles never trained on (521) | 97.0 -> 97.0 | 100.0 -> 100.0 | 99.2 -> 97.9 | 96.8 -> 95.3 | 99.2 -> 99.6 | 99.4 -> 99.7 | 99.0 -> 93.8 | 93.1 -> 90.8 |
| synthetic.jsonl: CSL en (783) | 94.0 -> 94.2 | 100.0 -> 99.9 | 93.2 -> 92.8 | 88.5 -> 87.0 | 98.5 -> 98.5 | 99.1 -> 98.9 | 86.2 -> 84.4 | 79.6 -> 77.0 |
| synthetic.jsonl: CSL ru/kk (326) | 95.8 -> 95.8 | 99.7 -> 99.7 | 97.2 -> 98.2 | 97.4 -> 97.4 | 98.4 -> 95.3 | 99.6 -> 99.6 | 97.4 -> 99.1 | 88.0 -> 89.0 |
| synthetic.jsonl: GOST (ours) ru/kk (520) | 96.3 -> 96.3 | 100.0 -> 100.0 | 100.0 -> 99.8 | 100.0 -> 100.0 | 100.0 -> 100.0 | 100.0 -> 100.0 | 98.2 -> 98.8 | 90.4 -> 90.4 |
| synthetic-giant-quiet.jsonl: styles never trained on (206) | 98.9 -> 98.9 | 99.0 -> 100.0 | 94.2 -> 97.6 | 90.1 -> 96.3 | 100.0 -> 100.0 | 100.0 -> 98.6 | 86.8 -> 98.7 | 84.0 -> 93.2 |
| synthetic-giant-quiet.jsonl: CSL en (1188) | 95.1 -> 95.1 | 98.1 -> 98.9 | 90.6 -> 92.5 | 87.5 -> 92.3 | 97.7 -> 98.5 | 98.0 -> 99.0 | 72.5 -> 85.1 | 71.9 -> 79.1 |
| synthetic-giant-quiet.jsonl: CSL ru/kk (319) | 96.3 -> 96.3 | 100.0 -> 100.0 | 98.4 -> 98.4 | 98.5 -> 99.5 | 98.9 -> 100.0 | 98.9 -> 99.3 | 99.1 -> 100.0 | 90.3 -> 91.2 |
| synthetic-giant-quiet.jsonl: GOST (ours) ru/kk (506) | 96.7 -> 95.9 | 100.0 -> 100.0 | 99.8 -> 99.6 | 99.4 -> 100.0 | 100.0 -> 100.0 | 99.6 -> 99.8 | 99.4 -> 99.4 | 92.9 -> 92.3 |

The best held-out gains of any tagger experiment so far on anystyle-core (title 82.4 -> 86.0,
container 85.1 -> 87.2, volume 93.0 -> 95.3, publisher 77.9 -> 79.4, whole entries 61.7 -> 64.5)
and on GROBID's publishers (77.3 -> 79.5) and gold.xml's (92.3 -> 94.2); titles and containers
still 9-10 points short of the 95 % target. But again protected fields drop: pages on
anystyle-core (95.8 -> 94.4) and GROBID (96.0 -> 95.8), GROBID first authors 95.8 -> 95.6,
gold.xml volumes 98.3 -> 97.5 and containers 93.2 -> 92.5, CSL ru/kk volumes 98.4 -> 95.3 and
main's unseen styles' publishers 99.0 -> 93.8. On the corpus: years 100 % -> 98.9 % (one entry),
titles 92.8 % -> 91.8 % (held-out part 95.2 % -> 90.5 %), page counts 100 % -> 95.7 %; REF010
26 findings, all right, against main's 29: five of main's right findings no longer made
(en_dutot_bicriteria_acm:5, en_yang_uav_path_planning_ieee:39, ru_korotin_ram_vulnerabilities:13,
ru_zhilyakov_tracking:4 and :8) and three other right ones made (en_fielder_cyber_games_mdpi:13,
en_kopp_gadr_lncs:6, en_yang_uav_path_planning_ieee:38); four tests fail (tests/test_tagger.py: an
issue before the pages, `10:1, (2020), 2177.`, APA's software entry;
tests/test_checks.py::test_year_typo_is_read_and_reported). 100 gold.xml entries 90.4 ms against
main's 89.2 (CPU, one process, best of 6). Not shipped.

So neither is shipped: model.crfsuite, synthetic.jsonl and bench/ENTRY_FIELDS.md stay main's;
the build code stays behind `--giant` (with `--noise`, `train.py --synthetic FILE` and the rows
above in GRID) so the experiment can be rerun. What it says: more varied synthetic values move the
fields they describe (titles, containers) by one to three points on real text, about what the
gazetteer and the early stop gave, and like them they move other fields' boundaries too (pages,
volumes, one REF010), so no such data-only change clears the team's "nothing protected drops"
rule by itself; the held-out targets (title and container 95 %, publisher 90 %) stay 8-13
points away. The noise-free data is the candidate to build on: its losses are a handful of
entries each on pages, volumes and the tests' hand-picked forms, the kind a few targeted
synthetic forms (an issue before the pages, `Volumes 9(2), May 7, 0213.`, Vancouver and
`10:1, (2020), 2177.` runs) or the normalisers might win back. Not tried (time): the new
records added to main's rather than in their place, and the new data with the gazetteer's
features.
"""
# tagger43's reading of the development misses (by hand; no held-out or gold.xml line read for it)
MISS_CLASSES_TEXT = """
## What the development misses are made of (tagger43: development split, read by hand)

The development model of the row "round 42: main's data" (trained without the development lines
on main's data), read by main's whole parser, misses a title, container or publisher in 122 of
the 806 anystyle-core and GROBID development entries: 188 field misses (`--misses`), each put in
one class by reading the entry. LABEL: the label itself is wrong or inconsistent, the parse a
right reading (GROBID's title taking an author's name, a glued word or the journal: `J. Soda
Circular Polarization …`, `Isenberg Constant mean …`, `… hurricane counts. J. Climate`; a publisher
labelled as the place, `Routledge, London`, `(North-Holland, 1972)`; a manual's or a book's title
labelled as the container; `In` kept in a proceedings title; AnyStyle's chapter and book labelled
as one title, `“The Kitchen of Meaning.” The Semiotic Challenge.`). FRAG: no reference at all
(`Meeting #92, Ljubljana, SI, 26th-30th Aug, 2019`, a journal's page header, `256-266 american
journal of physical anthropology 159`, Chinese entries with no marks). GLUE: words PDF extraction
glued or split (`detectorsNucl .`, `Com -putation`). The rest are the parser's errors: PUB a
publisher read into the title or host, a place read as the publisher, or the reverse (`… User's
Guide. MathWorks, Natick, Mass.`, `University Park 1999`); TC the title running into an unmarked
host, or a host read as the title (`…, European Design Automation Conference, pages 23`, `…
Raf. Extract. BMC Complementary …`); AT the names' end (`R.G. Hulet, Science 326`, `J.-S. Pang
(editors). Title`); PROC a host after `In`/`in` (`“Title,” in Book (New York: Norton, 1995)`);
SERIES a series read as the host; STMT a volume, chapter or edition statement left in the title;
CORP a corporate author; OTHER the rest (article numbers `RG4002`, an ISBN, a year inside the
title, taxonomic `gen. nov.`). Columns: misses per set and field (a: anystyle-core, g: GROBID),
their total, and how many of them tagger43's conventions read right.

| class | a title | a container | a publisher | g title | g container | g publisher | total | fixed |
|---|---:|---:|---:|---:|---:|---:|---:|---:|
| LABEL (the labels' noise) | 3 | 3 | 0 | 24 | 23 | 8 | 61 | 0 |
| PUB (publisher against title, host, place) | 0 | 0 | 3 | 4 | 6 | 15 | 28 | 8 |
| TC (title/container boundary) | 1 | 2 | 0 | 13 | 10 | 0 | 26 | 2 |
| AT (author/title boundary) | 4 | 1 | 0 | 10 | 4 | 0 | 19 | 5 |
| FRAG (no reference) | 0 | 0 | 0 | 8 | 7 | 0 | 15 | 0 |
| OTHER | 1 | 0 | 0 | 5 | 6 | 1 | 13 | 0 |
| GLUE (PDF-glued words) | 0 | 0 | 0 | 3 | 4 | 2 | 9 | 0 |
| PROC (a host after `In`) | 2 | 2 | 0 | 0 | 1 | 1 | 6 | 2 |
| SERIES | 0 | 1 | 1 | 0 | 3 | 0 | 5 | 0 |
| STMT (statements in the title) | 2 | 0 | 0 | 2 | 0 | 0 | 4 | 2 |
| CORP (corporate authors) | 0 | 0 | 0 | 1 | 1 | 0 | 2 | 0 |

What the gap is made of: of the misses that count against accuracy (a label present), LABEL and
FRAG are 26 of GROBID's 60 title misses, 20 of 47 container and 3 of 16 publisher misses, and 3
of anystyle-core's 12 title misses. With every real parse error fixed and the labels as they are,
the development split would read GROBID title 95.2 %, container 96.6 %, publisher 96.1 %;
anystyle-core title 97.0 %, container 98.5 %: the GROBID rows' 95 % target for titles sits at the
ceiling its own labels allow. The real errors are spread thin: the largest class (PUB, 28) has
no two entries alike; tagger43's nine conventions (bench/ENTRY_FIELDS.md says which) read 19 of
the 188 right and none wrong (anystyle-core title 88.0 -> 91.0 %, container 89.2 -> 90.8 %,
publisher 97.6 -> 100.0 %; GROBID title 88.8 -> 89.9 %, container 92.0 -> 92.5 %, publisher
79.0 -> 85.5 %).
"""
TEMPLATE += GAZETTEER_TEXT
TEMPLATE += DATA_TEXT
TEMPLATE += MISS_CLASSES_TEXT
TEMPLATE = TEMPLATE.replace("{base}", ", ".join(f"{k} {v}" for k, v in BASE.items()))


if __name__ == "__main__":
    raise SystemExit(main())
