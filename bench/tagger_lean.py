"""Development-split experiment: the tagger with fewer feature templates (for speed: CRFsuite's
time grows with the names a token carries), against the same tree's features; both trained
with 50 iterations on the training lines minus the development ones and scored on those
(bench/tagger_settings.py's functions; no held-out or gold.xml line is read).

    .venv/bin/python bench/tagger_lean.py lean   # then: base; results in /tmp/spd/lean-*.json

bench/TAGGER_SETTINGS.md ("Fewer features for speed") has the run's table.
"""
import json
import sys
from pathlib import Path

BENCH = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCH)); sys.path.insert(0, str(BENCH.parent))
import tagger_settings as TS  # noqa: E402
from exporter.references import tagger as T  # noqa: E402
from exporter.references.tagger import features, train  # noqa: E402

# The templates left out: single-character prefixes and suffixes, the short token verbatim, the
# token's first and last character classes, its length, script, capitals, brackets and terminal
# strength, the entry's script, the quote and year counts, and the word bigram.
LEAN = {b"t", b"p1", b"s1", b"first", b"last", b"len", b"script", b"doc", b"quoted", b"year-before", b"term", b"caps", b"br", b"bigram"}


def main(which: str) -> None:
    drop = LEAN if which == "lean" else set()
    made = features.sequence_features

    def fewer(text, spans):
        return [[f for f in token if f.split(b"=", 1)[0] not in drop] for token in made(text, spans)]

    if drop:  # every module that took the function by name
        features.sequence_features = train.sequence_features = T.sequence_features = fewer
    TS.MODELS.mkdir(parents=True, exist_ok=True)
    TS._TRAINER = TS.load_trainer()
    result = TS.run_one((f"lean-exp {which} max_iterations=50", {"max_iterations": 50}))
    result.pop("miss_kinds", None)
    Path("/tmp/spd").mkdir(exist_ok=True)
    Path(f"/tmp/spd/lean-{which}.json").write_text(json.dumps(result, indent=1))
    print(json.dumps({k: result[k] for k in ("name", "token_accuracy", "size_kib", "ms_per_100", "train_s")}))


if __name__ == "__main__":
    main(sys.argv[1])
