"""The tagger's training-data build (exporter/references/tagger/data/): the pieces of
`build.py --giant` that change what a labelled line says (PDF-like noise must move the labels
with the text) and how public name lists are written. Expected values are read off the
strings by eye."""

from __future__ import annotations

import random
import re
import sys
from pathlib import Path

DATA = Path(__file__).resolve().parents[1] / "exporter" / "references" / "tagger" / "data"
sys.path.insert(0, str(DATA))  # build.py, render.py and records.py import each other as scripts beside each other

import build  # noqa: E402
import records  # noqa: E402
import render  # noqa: E402

TEXT = "Smith, J. Interferometric detectors for gravitational waves. Nuclear Instruments, 12, 34-56."
SPANS = [(0, 9, "author"), (10, 59, "title"), (61, 80, "journal"), (82, 84, "volume"), (86, 91, "pages")]


def _chars(text: str, spans) -> list:
    chars = [None] * len(text)
    for s, e, label in spans:
        chars[s:e] = [label] * (e - s)
    return chars


def _kept(text: str, chars: list) -> list[tuple[str, str | None]]:
    """(character, label) of every character but spaces and hyphens: what noise may not change."""
    return [(c, lab) for c, lab in zip(text, chars) if not c.isspace() and c != "-"]


def test_spans_of_the_example_are_what_they_say():
    assert [TEXT[s:e] for s, e, _ in SPANS] == ["Smith, J.", "Interferometric detectors for gravitational waves",
                                               "Nuclear Instruments", "12", "34-56"]


def test_pdf_noise_moves_labels_with_the_text():
    chars = _chars(TEXT, SPANS)
    changed = 0
    for seed in range(200):
        text, got = render.pdf_noise(TEXT, chars, random.Random(seed))
        assert len(text) == len(got)
        assert _kept(text, got) == _kept(TEXT, chars)  # only spaces and hyphens come and go, labels stay on their characters
        changed += text != TEXT
        for m in re.finditer(r"(\w)- (\w)", text):  # a broken word: both halves and the break keep the word's label
            if m[0] not in TEXT:
                assert len({got[k] for k in range(m.start(), m.end())}) == 1
                assert got[m.start()] in ("title", "journal")
    assert changed > 150  # nearly every call changes something (a spot for each kind exists here)


def test_pdf_noise_kinds_seen():
    chars = _chars(TEXT, SPANS)
    texts = {render.pdf_noise(TEXT, chars, random.Random(seed))[0] for seed in range(200)}
    assert any("Smith,J." in t for t in texts)  # a space lost after punctuation
    assert any(re.search(r"\w [,.]", t) for t in texts)  # a space added before it
    assert any(re.search(r"[a-z]- [a-z]", t) for t in texts)  # a word broken at a line end


def test_title_case_of_list_names():
    assert build.title_case("AMERICAN SOCIETY FOR MICROBIOLOGY") == "American Society for Microbiology"
    assert build.title_case("glasgow school of art") == "Glasgow School of Art"
    assert build.title_case("THE UNIVERSITY OF THE WEST") == "The University of the West"


def test_giant_title_joins_two_titles():
    titles = ["Deep learning", "A survey of methods."]
    seen = {records.giant_title(random.Random(seed), titles) for seed in range(300)}
    assert "Deep learning" in seen and "A survey of methods." in seen
    assert "Deep learning: A survey of methods." in seen or "Deep learning: a survey of methods." in seen
    assert any(t.startswith("A survey of methods? ") for t in seen)  # the first title's own full stop gives way to the joint
