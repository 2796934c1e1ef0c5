"""Train the line-role model (model.crfsuite beside this module) and measure it.

    python -m exporter.readers.plaintext.roles.train     # rebuild model.crfsuite
    python -m exporter.readers.plaintext.roles.evaluate  # rebuild it and write bench/TITLEBLOCK.md

Beside the model, model.names.tsv: the given and family names of the training documents' author
lines (`build_lexicons`), a feature of the lines. Training data (data/, see data/LICENSES.md): GROBID's header corpus (data/grobid.jsonl) but its
held-out fifth, the hand-labelled dev half of the corpus (data/corpus/*.tsv: each paper in its
text form, its PDF form with the labels carried over line by line, or its DOCX paragraphs), and
the added papers' hand labels (data/added/*.tsv) but their held-out part. Deterministic: the
documents are read in a fixed order and L-BFGS starts from zero.
"""

from __future__ import annotations

import argparse
import difflib
import hashlib
import json
import re
import sys
import time
from collections import Counter
from pathlib import Path

import pycrfsuite

from ...pdf.reader import body_size, pdf_lines
from ...pdf.titleblock import front_items
from ..titleblock import line_names
from . import MODEL, lexicon_path
from .data import corpus as corpus_data
from .features import LineItem, NameLexicon, sequence_features

DATA = Path(__file__).resolve().parent / "data"
PARAMS = {"c1": 0.05, "c2": 0.01, "max_iterations": 200, "feature.possible_transitions": True}


def held_out(doc_id: str) -> bool:
    """One document in five of an added source is kept for measuring only (by its id's hash)."""
    return int(hashlib.sha256(doc_id.encode("utf-8")).hexdigest(), 16) % 5 == 0


def grobid_docs() -> list[dict]:
    """GROBID's headers as item sequences. Their TEI keeps no blank lines; pdftotext writes one
    between most blocks, so every other header (by its id's hash) gets a blank line where the
    role changes, and the model learns both kinds of text."""
    docs = []
    for line in (DATA / "grobid.jsonl").read_text(encoding="utf-8").splitlines():
        doc = json.loads(line)
        gaps = int(hashlib.sha256((doc["id"] + "gaps").encode("utf-8")).hexdigest(), 16) % 2 == 0
        labels = [x["label"] for x in doc["lines"]]
        items = [LineItem(x["text"], gaps and i > 0 and labels[i - 1] != labels[i]) for i, x in enumerate(doc["lines"])]
        docs.append({"id": doc["id"], "source": "grobid", "form": "txt", "items": items, "labels": [x["label"] for x in doc["lines"]]})
    return docs


def _words(text: str) -> str:
    return " ".join(re.findall(r"\w+", text.casefold()))


def carried_labels(pdf_items: list[LineItem], txt_items: list[LineItem], txt_labels: list[str]) -> list[str]:
    """The text form's labels carried over to the PDF's lines: each PDF line takes the label of
    the text line it reads as (the same words, else the most similar, at least 0.6 alike; a
    line matched by none is `other`)."""
    keys = [_words(t.text) for t in txt_items]
    exact: dict[str, str] = {}
    for key, label in zip(keys, txt_labels):
        exact.setdefault(key, label)
    out = []
    for item in pdf_items:
        key = _words(item.text)
        if key in exact:
            out.append(exact[key])
            continue
        best, label = 0.0, "other"
        for other, other_label in zip(keys, txt_labels):
            if abs(len(other) - len(key)) > max(len(key), 10):
                continue
            ratio = difflib.SequenceMatcher(None, key, other, autojunk=False).ratio()
            if ratio > best:
                best, label = ratio, other_label
        out.append(label if best >= 0.6 else "other")
    return out


def corpus_docs(names: list[str] | None = None, source: str = "corpus") -> list[dict]:
    """Hand-labelled papers (the corpus's dev half, or `names`), in every form the labels reach."""
    docs = []
    for name in corpus_data.dev_papers() if names is None else names:
        labels = corpus_data.read_labels(name)
        if labels is None:
            continue
        form, rows, items = corpus_data.units(name)
        kept = [(item, labels[r]) for r, item in zip(rows, items) if r in labels]
        docs.append({"id": f"{source}:{name}:{form}", "source": source, "form": form, "items": [k[0] for k in kept], "labels": [k[1] for k in kept]})
        pdf = corpus_data.source_of(name)[1].with_suffix(".pdf")
        if form == "txt" and pdf.is_file():
            lines = pdf_lines(str(pdf))
            _, pdf_items = front_items(lines, body_size(lines))
            carried = carried_labels(pdf_items, docs[-1]["items"], docs[-1]["labels"])
            docs.append({"id": f"{source}:{name}:pdf", "source": source, "form": "pdf", "items": pdf_items, "labels": carried})
    return docs


def added_docs() -> list[dict]:
    """The added papers (bench/papers) with hand labels."""
    return corpus_docs(corpus_data.added_papers(), "added")


def all_docs() -> list[dict]:
    return grobid_docs() + corpus_docs() + added_docs()


OWN_WEIGHT = 3  # the hand-labelled papers (Russian, with layout) count thrice beside GROBID's many English headers


_NAME_PART = re.compile(r"^[^\W\d_]{2,}(?:[-'’][^\W\d_]+)*$")
_TEXT_LABELS = ("title", "abstract", "affiliation", "keywords")


def _given_and_family(name: str) -> tuple[str | None, str | None]:
    """(given name, family name) of a name as printed, case folded: `Hao Wang`, `Ross G.
    DOUGLAS`, `Korotin A. M.` (no given name), `A. M. Korotin` (none either)."""
    words = name.split()
    full = [w for w in words if _NAME_PART.match(w)]
    if not full:
        return None, None
    if words[-1].endswith(".") or len(words[-1]) == 1:  # `Korotin A. M.`
        return None, full[0].casefold()
    given = words[0].casefold() if _NAME_PART.match(words[0]) and len(full) >= 2 else None
    return given, full[-1].casefold()


def _name_counts(doc: dict) -> tuple[Counter, Counter, Counter]:
    """(given names, family names, other words) on one document's labelled lines."""
    given: Counter = Counter()
    family: Counter = Counter()
    other: Counter = Counter()
    for item, label in zip(doc["items"], doc["labels"]):
        if label == "author":
            for name in line_names(item.text):
                g, f = _given_and_family(name)
                given[g] += g is not None
                family[f] += f is not None
        elif label in _TEXT_LABELS:
            other.update(w.casefold() for w in re.findall(r"[^\W\d_]{2,}", item.text))
    return given, family, other


def build_lexicons(docs: list[dict]) -> tuple[NameLexicon, list[NameLexicon]]:
    """The lexicon of the documents' author lines (as `line_names` reads them): given and
    family names used more often as names than as words of their titles, abstracts,
    affiliations and keywords; and, to train on, each document's lexicon built from the
    other documents only, so the model learns what a name unseen in training looks like
    (with its own names in, every training by-line would be all known names)."""
    counts = [_name_counts(d) for d in docs]
    given, family, other = Counter(), Counter(), Counter()
    for g, f, o in counts:
        given.update(g)
        family.update(f)
        other.update(o)
    full = NameLexicon(frozenset(w for w, n in given.items() if w and n > other[w]), frozenset(w for w, n in family.items() if w and n > other[w]))
    each = []
    for g, f, o in counts:
        own_given = {w for w in g if w and given[w] - g[w] > other[w] - o[w]}
        own_family = {w for w in f if w and family[w] - f[w] > other[w] - o[w]}
        # only the words this document holds change: its names leave unless others print them, its words leave their count
        changed = set(g) | set(f) | set(o)
        each.append(NameLexicon(
            frozenset((full.given - changed) | own_given | {w for w in o if w in given and w not in g and given[w] > other[w] - o[w]}),
            frozenset((full.family - changed) | own_family | {w for w in o if w in family and w not in f and family[w] > other[w] - o[w]}),
        ))
    return full, each


def _trainer(docs: list[dict], as_sequences: bool, names: list[NameLexicon]) -> pycrfsuite.Trainer:
    trainer = pycrfsuite.Trainer(verbose=False)
    for doc, lexicon in [(d, n) for d, n in zip(docs, names) for _ in range(1 if d["source"] == "grobid" else OWN_WEIGHT)]:
        feats = sequence_features(doc["items"], lexicon)
        if as_sequences:
            trainer.append(feats, doc["labels"])
        else:  # each line alone: no transitions, i.e. a multinomial logistic regression on the same features
            for f, label in zip(feats, doc["labels"]):
                trainer.append([f], [label])
    trainer.set_params(PARAMS)
    return trainer


def train(docs: list[dict], path: Path, as_sequences: bool = True) -> None:
    """Train a model at `path` on the documents not held out, with the name lexicon built
    from the same documents written beside it (`lexicon_path`)."""
    trained = [d for d in docs if not d.get("held_out")]
    full, each = build_lexicons(trained)
    full.write(lexicon_path(path))
    _trainer(trained, as_sequences, each).train(str(path))


def is_held_out(doc: dict) -> bool:
    """GROBID headers and added papers are held out by their name's hash (a paper's text and
    PDF forms together); the corpus's held-out half is never labelled here at all."""
    key = doc["id"] if doc["source"] == "grobid" else doc["id"].rsplit(":", 1)[0]
    return doc["source"] in ("grobid", "added") and held_out(key)


def build(docs: list[dict] | None = None) -> list[dict]:
    """Train model.crfsuite on every document but the held-out ones; returns the documents, each marked `held_out`."""
    docs = all_docs() if docs is None else docs
    for doc in docs:
        doc["held_out"] = is_held_out(doc)
    started = time.perf_counter()
    train(docs, MODEL)
    trained = [d for d in docs if not d["held_out"]]
    names = NameLexicon.read(lexicon_path(MODEL))
    print(f"{MODEL}: {len(trained)} documents, {sum(len(d['items']) for d in trained)} lines, {time.perf_counter() - started:.1f} s, "
          f"{MODEL.stat().st_size // 1024} KiB; {len(names.given)} given and {len(names.family)} family names")
    return docs


def main(argv: list[str] | None = None) -> int:
    argparse.ArgumentParser(description=__doc__.splitlines()[0]).parse_args(argv)
    build()
    return 0


if __name__ == "__main__":
    sys.exit(main())
