"""tagger47: training lines from real papers' lists (data/reallists.py) and train.py's added files."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def reallists():
    sys.path.insert(0, str(REPO / "exporter" / "references" / "tagger" / "data"))
    import reallists

    return reallists


ITEM = {"start": "Ziv J.", "first_author": "Ziv", "year": "1977", "title": "A universal algorithm for sequential data compression",
        "container": "IEEE Trans. Inf. Theory", "volume": "23", "pages": "337–343", "publisher": None}
TEXT = "1. Ziv J., Lempel A. A universal algorithm for sequential data compression // IEEE Trans. Inf. Theory. 1977. Vol. 23, no. 3. P. 337–343."


def test_a_real_entry_becomes_a_line_whose_labels_read_back_as_the_hand_labels(reallists):
    made = reallists.label_line(TEXT, ITEM)
    assert isinstance(made, dict), made
    text = made["text"]
    assert not text.startswith("1."), "the list number is no part of what the tagger is given"
    by_label = {}
    for s, e, label in made["labels"]:  # (a label's words, each a span of its own)
        by_label[label] = f"{by_label.get(label, '')} {text[s:e]}".strip()
    assert by_label["title"] == "A universal algorithm for sequential data compression"
    assert by_label["journal"] == "// IEEE Trans. Inf. Theory."
    assert by_label["pages"] == "P. 337–343."
    assert by_label["author"] == "Ziv J., Lempel A."
    assert "publisher" not in by_label


def test_an_entry_whose_labelled_value_is_not_in_its_text_is_dropped_with_the_reason(reallists):
    assert reallists.label_line(TEXT, ITEM | {"title": "Some other title entirely"}) == "not found: title"
    assert reallists.label_line(TEXT, ITEM | {"volume": "99"}) == "not found: volume"


def test_a_value_matches_on_word_boundaries_only(reallists):
    assert reallists.occurrences("Vol. 23, no. 3, 2023", "23") == [(5, 7)]
    assert reallists.occurrences("Lipton and Li, 2001", "Li") == [(11, 13)]


def test_the_added_data_files_are_read_beside_the_sources(monkeypatch, tmp_path):
    """`--add-synthetic FILE` was overwritten by the synthetic file set after it (the synthetic lines
    read twice and FILE never); `--add` and `--weight` name further files and their weights."""
    from exporter.references.tagger import features, train

    seen = {}
    monkeypatch.setattr(train, "SOURCES", list(train.SOURCES))
    monkeypatch.setattr(train, "WEIGHT", dict(train.WEIGHT))
    monkeypatch.setattr(train, "PARAMS", dict(train.PARAMS))
    monkeypatch.setattr(features, "EXTRA", features.EXTRA)
    monkeypatch.setattr(features, "GAZETTEER_KINDS", features.GAZETTEER_KINDS)
    monkeypatch.setattr(train, "train", lambda model, development: seen.update(sources=list(train.SOURCES), weight=dict(train.WEIGHT)))
    train.main(["--add-synthetic", "parscit.jsonl", "--out", str(tmp_path / "m.crfsuite")])
    assert seen["sources"] == ["anystyle-core.jsonl", "grobid.jsonl", "synthetic.jsonl", "parscit.jsonl"]
    monkeypatch.setattr(train, "SOURCES", ["anystyle-core.jsonl", "grobid.jsonl", "synthetic.jsonl"])
    train.main(["--add", "reallists.jsonl", "--weight", "reallists=2", "--out", str(tmp_path / "m.crfsuite")])
    assert seen["sources"] == ["anystyle-core.jsonl", "grobid.jsonl", "synthetic.jsonl", "reallists.jsonl"]
    assert seen["weight"] == {"anystyle-core": 2, "reallists": 2}


def test_the_hand_labels_correct_what_the_model_read_wrong(reallists):
    """The shipped model reads this book's title as more names (batch 23's `Перестенко Л.П.`
    entry); the hand labels put it back, and the model's own labels stand for the rest."""
    text = "Перестенко Л.П. Водоросли залива Петра Великого. Л.: Наука. 1980. 232 с."
    item = {"start": "Перестенко", "first_author": "Перестенко", "year": "1980", "title": "Водоросли залива Петра Великого",
            "container": None, "volume": None, "pages": "232", "publisher": "Наука"}
    made = reallists.label_line(text, item)
    assert isinstance(made, dict), made
    words = {made["text"][s:e]: label for s, e, label in made["labels"]}
    assert [words[w] for w in ("Перестенко", "Водоросли", "Великого.", "Наука.", "1980.", "232")] == \
        ["author", "title", "title", "publisher", "date", "pages"]
    assert words["Л.:"] not in ("author", "title", "publisher"), "a word no hand label names keeps a label of no scored field"


def test_the_search_without_constraints_is_the_taggers_own(reallists):
    from exporter.references.tagger import tag
    from exporter.references.tagger.features import sequence_features, tokenize

    for text in (TEXT, "Creel, S. 2001. Four factors. Conservation Biology 15, 271-274.", "ПАО Сбербанк. Статистика биометрии 2024. — URL: https://www.sberbank.ru."):
        spans = tokenize(text)
        assert reallists.viterbi(sequence_features(text, spans), [None] * len(spans)) == list(tag(text).labels)
