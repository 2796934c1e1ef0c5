"""The reference tagger: each token of an entry labelled (author, title, journal, volume, pages, …)
by a linear-chain CRF (python-crfsuite) that train.py trains on data/; the model file ships
beside this module and is opened on first use, so a run that reads no list never loads it."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path

from .features import sequence_features, tokenize

MODEL = Path(__file__).resolve().with_name("model.crfsuite")


@dataclass(frozen=True)
class Tagged:
    """An entry's tokens, each token's label and the model's probability of that label
    (its marginal), and for the labels asked about, the probability that some token has it."""

    text: str
    spans: tuple[tuple[int, int], ...]
    labels: tuple[str, ...]
    marginals: tuple[float, ...]
    present: dict[str, float]

    def segments(self) -> list[tuple[str, int, int, float]]:
        """Runs of one label as (label, start, end, mean marginal), in order."""
        out: list[list] = []
        for (s, e), label, p in zip(self.spans, self.labels, self.marginals):
            if out and out[-1][0] == label:
                out[-1][2] = e
                out[-1][3].append(p)
            else:
                out.append([label, s, e, [p]])
        return [(label, s, e, sum(ps) / len(ps)) for label, s, e, ps in out]


@cache
def loaded_model():
    """The CRF tagger and its labels, opened once (the first entry read pays for it)."""
    import pycrfsuite

    tagger = pycrfsuite.Tagger()
    tagger.open(str(MODEL))
    return tagger, frozenset(tagger.labels())


def tag(text: str, asked: tuple[str, ...] = ()) -> Tagged:
    """Label the tokens of one entry; `asked` labels get the probability that at least one
    token carries them (the largest marginal over the tokens)."""
    spans = tokenize(text)
    if not spans:
        return Tagged(text, (), (), (), {})
    tagger, known = loaded_model()
    labels = tagger.tag(sequence_features(text, spans))  # also keeps the sequence for marginal()
    marginals = tuple(tagger.marginal(label, i) for i, label in enumerate(labels))
    present = {label: max(tagger.marginal(label, i) for i in range(len(spans))) if label in known else 0.0 for label in asked}
    return Tagged(text, tuple(spans), tuple(labels), marginals, present)
