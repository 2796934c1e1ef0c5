"""The reference tagger: each token of an entry labelled (author, title, journal, volume, pages, …)
by a linear-chain CRF (python-crfsuite) that train.py trains on data/; the model file ships
beside this module and is opened on first use, so a run that reads no list never loads it."""

from __future__ import annotations

import itertools
import threading
from itertools import groupby
from dataclasses import dataclass, field
from functools import cache, cached_property
from pathlib import Path

from .features import sequence_features, tokenize
from .stack import stack_features, stack_path

MODEL = Path(__file__).resolve().with_name("model.crfsuite")


@dataclass(frozen=True)
class Tagged:
    """An entry's tokens, each token's label and the model's probability of that label (its
    marginal); `present(label)` gives the probability that some token has a label."""

    text: str
    spans: tuple[tuple[int, int], ...]
    labels: tuple[str, ...]
    marginals: tuple[float, ...]
    features: tuple = field(default=(), repr=False, compare=False)  # the sequence the tagger read
    generation: int = field(default=0, repr=False, compare=False)  # which `tag` call read it
    viterbi: tuple[str, ...] = field(default=(), repr=False, compare=False)  # its own labels, whose marginals `marginals` are

    def segments(self) -> list[tuple[str, int, int, float]]:
        """Runs of one label as (label, start, end, mean marginal), in order (a run's tokens
        found by groupby, its marginals summed in order)."""
        spans, marginals = self.spans, self.marginals
        out = []
        start = 0
        for label, run in groupby(self.labels):
            end = start + len(list(run))
            out.append((label, spans[start][0], spans[end - 1][1], sum(marginals[start:end]) / (end - start)))
            start = end
        return out

    def present(self, label: str) -> float:
        """The probability that at least one token carries `label` (the largest marginal over
        the tokens). Asked only for the few fields an entry lacks, so the marginals are read on
        demand (reading every label's for every token was a fifth of the parse); the tagger
        holds one sequence at a time, so it reads this entry's again if another came since.
        Where the tagger itself gave a token `label`, its marginal is known (`marginals`); any
        other token's is at most 1 minus the marginal of the label it was given (a token's
        marginals sum to 1), so the tokens are asked least sure first, and the asking stops
        when that bound falls below the largest found: the same largest, in a third of the
        calls (the bound leaves _SUM_SLACK for the sums' rounding, found below 1e-14)."""
        if not self.features:
            return 0.0
        tagger, known = loaded_model()
        if label not in known:
            return 0.0
        with _LOCK:
            if _HELD[0] != self.generation:
                tagger.set(list(self.features))
                _HELD[0] = self.generation
            n = len(self.features)
            if len(self.viterbi) != n:  # (made without the tagger's own labels)
                return max(map(tagger.marginal, itertools.repeat(label, n), range(n)))
            best = max((p for p, own in zip(self.marginals, self.viterbi) if own == label), default=-1.0)
            for t in self.least_sure_first:
                if self.viterbi[t] == label:
                    continue
                if 1.0 - self.marginals[t] + _SUM_SLACK < best:
                    break  # no token left can hold `label` more likely than `best`
                p = tagger.marginal(label, t)
                if p > best:
                    best = p
            return best

    @cached_property
    def least_sure_first(self) -> list[int]:
        """The tokens' places, the least sure of its own label first (`present` asks them so, once
        for each field the entry lacks: sorted once)."""
        return sorted(range(len(self.marginals)), key=self.marginals.__getitem__)


_LOCK = threading.Lock()  # one tagger, one sequence at a time: its marginals are of the last read
_SUM_SLACK = 1e-9  # how far a token's marginals may sum from 1 in floating point, with room to spare
_HELD = [0]  # the generation of the sequence the tagger holds
_GENERATIONS = itertools.count(1)


@cache
def loaded_model():
    """The CRF tagger whose labels an entry is given, and its labels, opened once (the first
    entry read pays for it). With a second model beside MODEL (stack.stack_path: a stacked CRF,
    train.py `--stack`), that is the second pass's, and the first pass's is kept in _FIRST;
    without one, MODEL's, and _FIRST holds None."""
    import pycrfsuite

    tagger = pycrfsuite.Tagger()
    tagger.open(str(MODEL))
    second = stack_path(MODEL)
    if not second.is_file():
        _FIRST[0] = None
        return tagger, frozenset(tagger.labels())
    final = pycrfsuite.Tagger()
    final.open(str(second))
    _FIRST[0] = tagger
    return final, frozenset(final.labels())


_FIRST: list = [None]  # the first pass's tagger of a stacked model (loaded_model), else None


def is_stacked() -> bool:
    """Whether entries are read in two passes (a second model lies beside MODEL)."""
    loaded_model()
    return _FIRST[0] is not None


def tag(text: str) -> Tagged:
    """Label the tokens of one entry, each with its marginal (with a stacked model, the second
    pass's labels and marginals, read with the first pass's)."""
    spans = tokenize(text)
    if not spans:
        return Tagged(text, (), (), ())
    tagger, _ = loaded_model()
    features = sequence_features(text, spans)
    with _LOCK:
        first = _FIRST[0]
        if first is not None:
            got = first.tag(features)
            marginals = [first.marginal(label, i) for i, label in enumerate(got)]
            features = stack_features(features, [text[s:e] for s, e in spans], got, marginals)
        features = tuple(features)
        labels = tuple(tagger.tag(list(features)))  # also keeps the sequence for marginal()
        marginals = tuple(map(tagger.marginal, labels, range(len(labels))))
        generation = next(_GENERATIONS)
        _HELD[0] = generation
    return Tagged(text, tuple(spans), labels, marginals, features, generation, labels)
