"""Train the reference tagger (a linear-chain CRF, python-crfsuite) on data/*.jsonl's training split.

    .venv/bin/python -m exporter.references.tagger.train      # writes exporter/references/tagger/model.crfsuite
    .venv/bin/python -m exporter.references.tagger.train --stack 2 --out M.crfsuite   # and M.stack.crfsuite (stack.py)

Only lines whose split is "train" are read; one in ten of them (by a hash of the text) is kept
back as the development set the few settings below were chosen on. The "heldout" lines and
bench/entries/anystyle-gold.jsonl are never read here: bench/entry_fields.py scores on them.
CRFsuite's L-BFGS is deterministic, so the same data gives the same model bytes.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import shutil
import sys
import time
from pathlib import Path

from . import features
from .features import sequence_features, tokenize
from .stack import stack_features, stack_path

HERE = Path(__file__).resolve().parent
DATA = HERE / "data"
MODEL = HERE / "model.crfsuite"
SOURCES = ["anystyle-core.jsonl", "grobid.jsonl", "synthetic.jsonl"]  # the last: --synthetic (data/build.py --giant --out …)
# data/parscit.jsonl (data/build.py --parscit: ParsCit's tagged sets, the 210 lines no other source
# has) is not read: trained beside these it read the development split no better (tagger42,
# bench/TAGGER_SETTINGS.md "Real data: ParsCit's tagged sets"); `--add-synthetic parscit.jsonl`
# reads it beside them (as bench/tagger_settings.py's "round 42: + parscit" row did).
# data/reallists.jsonl (data/reallists.py: real papers' list entries, bench/unseen/lists.json batches
# 1-25, labelled from the hand labels by constrained self-labelling) is not read either: trained
# beside these (`--add reallists.jsonl --weight reallists=2`) it read the real-lists test batches
# 26-31 worse than the shipped model (tagger47, bench/TAGGER_SETTINGS.md "Real lists as training data").
# AnyStyle's core set is the most varied real one (many styles, languages and kinds of work) and
# the smallest: its lines count twice, so the synthetic lines do not drown its forms.
WEIGHT = {"anystyle-core": 2}
# Chosen on the development set (never on a held-out line); bench/tagger_settings.py compares
# CRFsuite settings there (token and field accuracy through the parser, model size, speed) and
# bench/TAGGER_SETTINGS.md is its table. Its best setting, OWL-QN stopped at 50 iterations
# (`--max-iterations 50`), read the development lines better (GROBID title 87.2 % against 86.6,
# container 90.6 against 88.7, publisher 82.1 against 80.6) but is not shipped: with it, a real
# paper's year typo (tests/test_checks.py `0213`) was read as pages, the corpus titles fell from
# 92.8 % to 90.7 %, REF010 made a false finding, and the model was 2.5 times larger, for held-out
# gains of 1-3 points and none on gold.xml (bench/TAGGER_SETTINGS.md says it all). c2 0.05 read
# the development lines a little better (tagger36) and anystyle-core's held-out lines too, but the
# unseen real lists (bench/unseen_lists.py) worse on every field: not shipped either.
PARAMS = {"c1": 0.1, "c2": 0.01, "max_iterations": 150, "feature.possible_transitions": True, "feature.minfreq": 2}


def token_labels(text: str, spans: list[tuple[int, int]], labels: list[list]) -> list[str]:
    """One label per token: the label most of its labelled characters carry, else its word's,
    else the previous token's."""
    chars: list[str | None] = [None] * len(text)
    for s, e, label in labels:
        for k in range(s, e):
            chars[k] = label
    out: list[str] = []
    for s, e in spans:
        own = [c for c in chars[s:e] if c]
        if not own:
            ws, we = s, e
            while ws > 0 and not text[ws - 1].isspace():
                ws -= 1
            while we < len(text) and not text[we].isspace():
                we += 1
            own = [c for c in chars[ws:we] if c]
        out.append(max(sorted(set(own)), key=own.count) if own else (out[-1] if out else "note"))
    return out


def read_lines(split: str = "train") -> list[dict]:
    out = []
    for name in SOURCES:
        with (DATA / name).open(encoding="utf-8") as f:
            for raw in f:
                x = json.loads(raw)
                if x["split"] == split:
                    out.append(x)
    return out


# Which tenth of the training lines is held back as the development set (`--fold`): the tenth
# whose text hashes to it. 0 is the development split every bench file names; another tenth gives
# lines no convention was yet written from, read by a model trained without them (tagger45).
FOLD = [0]


def is_development(text: str) -> bool:
    return int(hashlib.sha1(("dev:" + text).encode("utf-8")).hexdigest(), 16) % 10 == FOLD[0]


def examples(lines: list[dict]):
    """(line, features, labels) of every line with a token."""
    for x in lines:
        spans = tokenize(x["text"])
        if spans:
            yield x, sequence_features(x["text"], spans), token_labels(x["text"], spans, x["labels"])


def training_lines(development: bool) -> list[dict]:
    """The training lines, less the development tenth with `development`."""
    return [x for x in read_lines() if not (development and is_development(x["text"]))]


def train_on(lines: list[dict], model: Path, stacked=None) -> None:
    """Train a model on `lines` (each appended as WEIGHT says) and write it to `model`; with
    `stacked`, a second pass's model on the sequences `stacked` gives for them (jackknifed)."""
    import pycrfsuite

    trainer = pycrfsuite.Trainer(verbose=False)
    for x, xseq, yseq in (stacked if stacked is not None else examples(lines)):
        for _ in range(WEIGHT.get(x["source"], 1)):
            trainer.append(xseq, yseq)
    trainer.set_params(PARAMS)
    start = time.time()
    trainer.train(str(model))
    print(f"trained on {len(lines)} lines in {time.time() - start:.0f} s -> {model} ({model.stat().st_size // 1024} KiB)", file=sys.stderr)


def train(model: Path, development: bool) -> None:
    train_on(training_lines(development), model)


def is_part(text: str, part: int, parts: int) -> bool:
    """Whether a line falls in `part` of `parts` (the jackknife's split, by a hash of its text)."""
    return int(hashlib.sha1(("stack:" + text).encode("utf-8")).hexdigest(), 16) % parts == part


def first_pass_read(model: Path, lines: list[dict]):
    """(line, second-pass features, labels) of every line with a token, its first-pass labels
    and marginals read by `model`."""
    import pycrfsuite

    tagger = pycrfsuite.Tagger()
    tagger.open(str(model))
    for x, xseq, yseq in examples(lines):
        got = tagger.tag(xseq)
        marginals = [tagger.marginal(label, i) for i, label in enumerate(got)]
        tokens = [x["text"][s:e] for s, e in tokenize(x["text"])]
        yield x, stack_features(xseq, tokens, got, marginals), yseq


def train_stacked(model: Path, development: bool, parts: int, first: Path | None = None) -> None:
    """A stacked tagger: the first pass (`model`; trained here unless `first` gives it) and the
    second (stack.stack_path(model)), trained on the first-pass labels of the training lines
    jackknifed in `parts` parts: each part read by a first-pass model trained without it (kept
    beside the model as `.jackK`), never by a model that read it in training."""
    lines = training_lines(development)
    if first is None:
        train_on(lines, model)
    elif first.resolve() != model.resolve():
        shutil.copyfile(first, model)

    def jackknifed():
        for k in range(parts):
            jack = model.with_name(f"{model.stem}.jack{k}{model.suffix}")
            if not jack.exists():  # (kept: a rerun of the second pass reuses them)
                train_on([x for x in lines if not is_part(x["text"], k, parts)], jack)
            yield from first_pass_read(jack, [x for x in lines if is_part(x["text"], k, parts)])

    train_on(lines, stack_path(model), jackknifed())


def development_score(model: Path, stacked: bool = False) -> float:
    """Token accuracy on the development lines (with `stacked`, of the second pass)."""
    import pycrfsuite

    tagger = pycrfsuite.Tagger()
    tagger.open(str(stack_path(model) if stacked else model))
    lines = [x for x in read_lines() if is_development(x["text"])]
    right = total = 0
    for _, xseq, yseq in (first_pass_read(model, lines) if stacked else examples(lines)):
        got = tagger.tag(xseq)
        right += sum(a == b for a, b in zip(got, yseq))
        total += len(yseq)
    return right / total


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--development", action="store_true", help="train without the development set and score on it")
    parser.add_argument("--out", type=Path, default=MODEL)
    parser.add_argument("--c1", type=float, default=PARAMS["c1"], help="L1 weight (to compare settings with --development)")
    parser.add_argument("--c2", type=float, default=PARAMS["c2"], help="L2 weight (to compare settings with --development)")
    parser.add_argument("--max-iterations", type=int, default=PARAMS["max_iterations"], help="L-BFGS / OWL-QN iterations")
    parser.add_argument("--synthetic", default=SOURCES[-1], help="the synthetic lines' file in data/ (an experiment's, "
                        "e.g. synthetic-giant.jsonl from data/build.py --giant --out synthetic-giant.jsonl)")
    parser.add_argument("--gazetteer", default=",".join(features.GAZETTEER_KINDS),
                        help="kinds of known names read as features, comma-separated (features.GAZETTEER_KINDS; a model "
                        "trained with others than those is read wrongly by the shipped features: for experiments with --out)")
    parser.add_argument("--extra", default=",".join(features.EXTRA),
                        help="context features beyond the window (features.EXTRA: run, since, inseen), comma-separated; "
                        "a model trained with others than those is read wrongly by the shipped features: for experiments with --out")
    parser.add_argument("--add-synthetic", default="", help="a second synthetic file in data/ read beside the first (experiments)")
    parser.add_argument("--add", action="append", default=[], metavar="FILE", help="a further data file in data/ read beside "
                        "SOURCES, its training lines trained on (experiments: reallists.jsonl, data/reallists.py)")
    parser.add_argument("--weight", action="append", default=[], metavar="SOURCE=N", help="append the lines of a source "
                        "(their `source`) N times (WEIGHT: anystyle-core=2)")
    parser.add_argument("--fold", type=int, default=0, choices=range(10), help="with --development, which tenth of the training "
                        "lines is held back (0, the development split; another, fresh lines to read misses from)")
    parser.add_argument("--stack", type=int, default=0, metavar="K", help="also train a second pass (a stacked CRF, stack.py) on "
                        "the first pass's labels jackknifed in K parts (2 or 3), written beside --out as NAME.stack.crfsuite")
    parser.add_argument("--first", type=Path, help="with --stack, a first-pass model already trained on the same lines (copied to --out)")
    args = parser.parse_args(argv)
    FOLD[0] = args.fold
    features.EXTRA = tuple(k for k in args.extra.split(",") if k)
    SOURCES[-1] = args.synthetic  # (before the additions: set after them, it overwrote the last one added)
    SOURCES.extend(name for name in [args.add_synthetic, *args.add] if name)
    for pair in args.weight:
        source, _, times = pair.partition("=")
        WEIGHT[source] = int(times)
    PARAMS.update(c1=args.c1, c2=args.c2, max_iterations=args.max_iterations)
    features.GAZETTEER_KINDS = tuple(k for k in args.gazetteer.split(",") if k)
    if args.stack:
        train_stacked(args.out, args.development, args.stack, args.first)
    else:
        train(args.out, args.development)
    if args.development:
        print(f"development token accuracy: {development_score(args.out, args.stack > 0):.4f}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
