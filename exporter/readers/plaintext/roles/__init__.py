"""Line roles: each line (text, PDF) or paragraph (DOCX) of a paper's first page(s) labelled
title, author, affiliation, email, abstract, keywords, code, rubric, furniture, heading, body or
other by a linear-chain CRF (python-crfsuite) that train.py trains on data/; the model file ships
beside this module and is opened on first use."""

from __future__ import annotations

from functools import cache
from pathlib import Path

from .features import LABELS, Layout, LineItem, sequence_features

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


def label_lines(items: list[LineItem]) -> list[tuple[str, float]]:
    """Each item's role and the model's probability of it (its marginal); [] without a model."""
    tagger = loaded_model() if ENABLED else None
    if tagger is None or not items:
        return []
    labels = tagger.tag(sequence_features(items))
    return [(label, tagger.marginal(label, i)) for i, label in enumerate(labels)]


__all__ = ["LABELS", "Layout", "LineItem", "MODEL", "label_lines", "loaded_model"]
