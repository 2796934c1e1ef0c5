"""The second pass of a stacked (two-pass) CRF (tagger51): a second model reads each token's own
features plus what the first model said of the whole entry, so that decisions resting on far
context (where the title ends and the journal begins, a publisher against a host or a place, the
last author against the title) can use labels the first pass already gave far away.

Its features, added to the first pass's: the first pass's label at every offset out to
`REACH` tokens either side (and the label pairs around the token), its marginal bucketed for the
token and its nearest neighbours, which labels it gave anywhere before the token and anywhere
after it (`container_before`, `title_after`), the labels of the punctuation-cut segment the token
is in and of the segments before and after it, and the token's place within its first-pass run.

The second model is trained on first-pass labels that the first pass did not fit: train.py
`--stack K` splits the training lines in K parts and labels each by a first-pass model trained
without it (jackknifing), since a model reading its own training lines is surer and righter than
it will be on a new entry. A tagger with no second model (`stack_path` absent) reads one pass.
"""

from __future__ import annotations

from pathlib import Path

from .features import terminal

REACH = 6  # how far either side the first pass's labels are read
_BUCKETS = ((0.5, "lo"), (0.8, "mid"), (0.95, "hi"))  # a marginal's bucket: below the bound, else "top"


def stack_path(model: Path) -> Path:
    """The second model's file beside a first model's (`model.crfsuite` -> `model.stack.crfsuite`)."""
    return model.with_name(model.stem + ".stack" + model.suffix)


def bucket(p: float) -> str:
    for bound, name in _BUCKETS:
        if p < bound:
            return name
    return "top"


def segment_labels(tokens: list[str], labels: list[str]) -> tuple[list[int], list[str]]:
    """Each token's punctuation-cut segment (a segment ends after a token closed by a strong,
    moderate or weak mark, or after `//`), and each segment's label: the first pass's label most
    of its tokens carry (the first such in the segment on a tie)."""
    of, majority, start = [], [], 0
    for i, token in enumerate(tokens):
        of.append(len(majority))
        if i == len(tokens) - 1 or token == "//" or terminal(token) != "none":
            run = labels[start: i + 1]
            majority.append(max(run, key=run.count))
            start = i + 1
    return of, majority


def run_places(labels: list[str]) -> list[tuple[int, int]]:
    """Each token's place in its run of one first-pass label: (index from the run's start,
    tokens left after it), each capped at 3."""
    out: list[tuple[int, int]] = []
    start = 0
    n = len(labels)
    while start < n:
        end = start
        while end < n and labels[end] == labels[start]:
            end += 1
        out.extend((min(k - start, 3), min(end - 1 - k, 3)) for k in range(start, end))
        start = end
    return out


def summaries(labels: list[str]) -> tuple[list[frozenset], list[frozenset]]:
    """For each token, the labels the first pass gave before it and after it in the entry."""
    n = len(labels)
    before, after = [frozenset()] * n, [frozenset()] * n
    seen: set = set()
    for i in range(n):
        before[i] = frozenset(seen)
        seen.add(labels[i])
    seen = set()
    for i in range(n - 1, -1, -1):
        after[i] = frozenset(seen)
        seen.add(labels[i])
    return before, after


def stack_features(first: list[list], tokens: list[str], labels: list[str], marginals: list[float]) -> list[list]:
    """The second pass's features of one entry: the first pass's (`first`) and what the first
    pass's labels and marginals say (see the module's docstring)."""
    n = len(labels)
    of, segments = segment_labels(tokens, labels)
    places = run_places(labels)
    before, after = summaries(labels)
    out = []
    for i in range(n):
        own = labels[i]
        names = [f"s1[{k}]={labels[i + k] if 0 <= i + k < n else '^' if i + k < 0 else '$'}".encode() for k in range(-REACH, REACH + 1)]
        previous, following = labels[i - 1] if i else "^", labels[i + 1] if i + 1 < n else "$"
        names += [f"s1p={previous}|{own}".encode(), f"s1n={own}|{following}".encode(), f"s1pn={previous}|{own}|{following}".encode()]
        names += [f"m1[{k}]={labels[i + k]}|{bucket(marginals[i + k])}".encode() for k in (-1, 0, 1) if 0 <= i + k < n]
        names += [f"before={label}".encode() for label in sorted(before[i])]
        names += [f"after={label}".encode() for label in sorted(after[i])]
        s = of[i]
        names += [f"seg={segments[s]}".encode(), f"seg-1={segments[s - 1] if s else '^'}".encode(),
                  f"seg+1={segments[s + 1] if s + 1 < len(segments) else '$'}".encode(),
                  f"inrun={own}|{places[i][0]}|{places[i][1]}".encode()]
        out.append([*first[i], *names])
    return out
