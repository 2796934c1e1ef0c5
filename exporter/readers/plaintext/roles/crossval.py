"""The title-block decision (titleblock.py: the model judging the rules, the vetoes, by-lines)
measured by 5-fold cross-validation over the training documents only, to design it without
looking at the held-out ones: a model is trained on four folds (by the document's hash) and
scores the fifth; title and first author found, the CRF alone beside the shipped decision.

    python -m exporter.readers.plaintext.roles.crossval   # five trainings, about a minute on a quiet machine
"""

from __future__ import annotations

import hashlib
import tempfile
from pathlib import Path

from .evaluate import score_docs, tag_docs
from .train import all_docs, is_held_out, train

FOLDS = 5


def _fold(doc: dict) -> int:
    key = doc["id"] if doc["source"] == "grobid" else doc["id"].rsplit(":", 1)[0]  # a paper's forms together
    return int(hashlib.sha256((key + "tune").encode("utf-8")).hexdigest(), 16) % FOLDS


def cross_validate() -> dict[str, tuple[dict, dict]]:
    """{source group: (CRF alone, shipped decision)} over the out-of-fold documents."""
    pool = [d for d in all_docs() if not is_held_out(d)]
    tagged = []
    with tempfile.TemporaryDirectory() as tmp:
        for k in range(FOLDS):
            path = Path(tmp) / f"fold{k}.crfsuite"
            train([d for d in pool if _fold(d) != k], path)
            fold = [d for d in pool if _fold(d) == k]
            tagged += list(zip(fold, tag_docs(str(path), fold)))
    out = {}
    for name in ("grobid", "own"):
        group = [(d, t) for d, t in tagged if (d["source"] == "grobid") == (name == "grobid")]
        docs, tags = [d for d, _ in group], [t for _, t in group]
        out[name] = (score_docs(docs, tags, False), score_docs(docs, tags, True))
    return out


if __name__ == "__main__":
    for name, (alone, shipped) in cross_validate().items():
        for what in ("title", "first author"):
            a, s = alone[what], shipped[what]
            print(f"{name:6} {what:12} CRF alone {a[0]}/{a[1]} ({a[0] / a[1]:.1%})  shipped {s[0]}/{s[1]} ({s[0] / s[1]:.1%})")
