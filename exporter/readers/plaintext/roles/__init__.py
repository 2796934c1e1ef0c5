"""Line roles: each line (text, PDF) or paragraph (DOCX) of a paper's first page(s) labelled
title, author, affiliation, email, abstract, keywords, code, rubric, furniture, heading, body or
other by a linear-chain CRF (python-crfsuite) that train.py trains on data/; the model file ships
beside this module and is opened on first use."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path

from .features import LABELS, Layout, LineItem, NameLexicon, sequence_features

MODEL = Path(__file__).resolve().with_name("model.crfsuite")
ENABLED = True  # bench/corpus.py turns the model off to measure the rules alone


@cache
def loaded_model():
    """The CRF tagger, opened once (None when the model file is missing: the rules then decide alone)."""
    if not MODEL.is_file():
        return None
    import pycrfsuite

    tagger = pycrfsuite.Tagger()
    tagger.open(str(MODEL))
    return tagger


def lexicon_path(model: Path) -> Path:
    """Where the name lexicon a model was trained with stands: beside it (`model.names.tsv`)."""
    return model.with_suffix(".names.tsv")


@cache
def loaded_names() -> NameLexicon:
    """The shipped model's name lexicon, read once."""
    return NameLexicon.read(lexicon_path(MODEL))


@dataclass(frozen=True, slots=True)
class Role:
    """An item's role as the model reads it, the probability of that role (its marginal), and
    the probabilities that the item is a title line and an author line."""

    label: str
    p: float
    title: float
    author: float


def label_lines(items: list[LineItem]) -> list[Role]:
    """Each item's role; [] without a model."""
    tagger = loaded_model() if ENABLED else None
    if tagger is None or not items:
        return []
    return read_roles(tagger, items)


def read_roles(tagger, items: list[LineItem], names: NameLexicon | None = None) -> list[Role]:
    """The roles `tagger` (an open pycrfsuite.Tagger) gives the items; `names`: the lexicon it
    was trained with (the shipped model's by default)."""
    labels = tagger.tag(sequence_features(items, loaded_names() if names is None else names))
    known = set(tagger.labels())
    p = lambda label, i: tagger.marginal(label, i) if label in known else 0.0  # noqa: E731
    return [Role(label, p(label, i), p("title", i), p("author", i)) for i, label in enumerate(labels)]


__all__ = ["LABELS", "Layout", "LineItem", "MODEL", "NameLexicon", "Role", "label_lines", "lexicon_path", "loaded_model", "loaded_names", "read_roles"]
