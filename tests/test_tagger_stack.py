"""The stacked (two-pass) tagger (tagger51): the second pass's features, the jackknife that gives
them their first-pass labels in training, and the tagger reading a second model only when one
lies beside the first."""

from __future__ import annotations

import pycrfsuite
import pytest

import exporter.references.tagger as tagger
from exporter.references.tagger import train
from exporter.references.tagger.features import sequence_features, tokenize
from exporter.references.tagger.stack import run_places, segment_labels, stack_features, stack_path

TOKENS = ["Smith,", "J.", "Title", "words.", "Journal", "5."]
LABELS = ["author", "author", "title", "title", "container", "volume"]


def test_second_pass_features_read_the_first_pass_far_and_wide():
    first = [[b"own"] for _ in TOKENS]
    out = stack_features(first, TOKENS, LABELS, [0.99, 0.9, 0.6, 0.3, 0.97, 0.99])
    title = set(out[2])
    assert b"own" in title  # the first pass's own features are kept
    assert {b"s1[-2]=author", b"s1[0]=title", b"s1[2]=container", b"s1[3]=volume", b"s1[4]=$", b"s1[-3]=^"} <= title
    assert {b"before=author", b"after=title", b"after=container", b"after=volume"} <= title
    assert b"before=title" not in title and b"after=author" not in title
    assert {b"m1[0]=title|mid", b"m1[1]=title|lo", b"m1[-1]=author|hi"} <= title
    assert {b"seg=title", b"seg-1=author", b"seg+1=container"} <= title
    assert b"inrun=title|0|1" in title and b"inrun=title|1|0" in out[3]


def test_segments_and_runs():
    assert segment_labels(TOKENS, LABELS) == ([0, 1, 2, 2, 3, 3], ["author", "author", "title", "container"])
    assert segment_labels(["a", "//", "b"], ["title", "title", "container"]) == ([0, 0, 1], ["title", "container"])
    assert run_places(["a", "a", "a", "a", "a", "b"]) == [(0, 3), (1, 3), (2, 2), (3, 1), (3, 0), (0, 0)]


def test_jackknife_reads_each_line_by_a_model_that_never_trained_on_it(monkeypatch, tmp_path):
    lines = [{"text": f"Author{k}, A. Title {k}. Journal, {k}.", "source": "grobid", "labels": []} for k in range(40)]
    trained, read = {}, {}
    monkeypatch.setattr(train, "training_lines", lambda development: lines)

    def fake_train(lines_, model, stacked=None):
        trained[model.name] = [x["text"] for x in lines_]
        if stacked is not None:
            list(stacked)
        model.write_bytes(b"")

    def fake_read(model, lines_):
        read[model.name] = [x["text"] for x in lines_]
        return iter(())

    monkeypatch.setattr(train, "train_on", fake_train)
    monkeypatch.setattr(train, "first_pass_read", fake_read)
    model = tmp_path / "m.crfsuite"
    train.train_stacked(model, False, 3)
    every = {x["text"] for x in lines}
    assert set(trained) == {"m.crfsuite", "m.jack0.crfsuite", "m.jack1.crfsuite", "m.jack2.crfsuite", "m.stack.crfsuite"}
    assert set(trained["m.crfsuite"]) == every and set(trained["m.stack.crfsuite"]) == every
    assert set(read) == {"m.jack0.crfsuite", "m.jack1.crfsuite", "m.jack2.crfsuite"}
    for name, texts in read.items():
        assert texts and not set(texts) & set(trained[name])  # never read by a model trained on it
        assert set(texts) | set(trained[name]) == every
    assert sorted(t for texts in read.values() for t in texts) == sorted(every)  # each line read once


@pytest.fixture
def small_stacked(tmp_path, monkeypatch):
    lines = [x for x in train.read_lines() if x["source"] == "anystyle-core"][:30]
    monkeypatch.setattr(train, "training_lines", lambda development: lines)
    monkeypatch.setitem(train.PARAMS, "max_iterations", 5)
    model = tmp_path / "m.crfsuite"
    train.train_stacked(model, False, 2)
    monkeypatch.setattr(tagger, "MODEL", model)
    tagger.loaded_model.cache_clear()
    yield model, lines
    tagger.loaded_model.cache_clear()


def test_tagger_reads_the_second_model_only_when_it_is_there(small_stacked):
    model, lines = small_stacked
    text = lines[0]["text"]
    spans = tokenize(text)
    first, second = pycrfsuite.Tagger(), pycrfsuite.Tagger()
    first.open(str(model))
    second.open(str(stack_path(model)))
    features = sequence_features(text, spans)
    got = first.tag(features)
    marginals = [first.marginal(label, i) for i, label in enumerate(got)]
    expected = second.tag(stack_features(features, [text[s:e] for s, e in spans], got, marginals))
    read = tagger.tag(text)
    assert tagger.is_stacked() and list(read.labels) == expected
    assert 0.0 <= read.present("publisher") <= 1.0  # the second pass's marginals, on its own features
    stack_path(model).unlink()
    tagger.loaded_model.cache_clear()
    read = tagger.tag(text)
    assert not tagger.is_stacked() and list(read.labels) == got
