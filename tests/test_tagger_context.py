"""The tagger's context features beyond its window (features.EXTRA): counts kept from the last
element's end. Invented entries; the expected counts are read off the strings by eye."""

from __future__ import annotations

import pytest

from exporter.references.tagger import features


def extra_of(monkeypatch, text: str, kinds: tuple[str, ...]) -> dict[str, list[str]]:
    monkeypatch.setattr(features, "EXTRA", kinds)
    spans = features.tokenize(text)
    names = features.sequence_features(text, spans)
    out = {}
    for (s, e), feats in zip(spans, names):
        out[text[s:e]] = [f.decode() for f in feats if f.startswith((b"run=", b"since=", b"inseen="))]
    return out


def test_small_words_since_the_last_element_end_are_counted_with_the_tokens_capitals(monkeypatch):
    got = extra_of(monkeypatch, "Moss, T. 2019. Slow boats on wide rivers Harbour Notes, 4.", ("run",))
    assert got["Slow"] == ["run=0|initial"]  # the year's full stop ended the element before
    assert got["boats"] == ["run=0|lower"]
    assert got["rivers"] == ["run=2|lower"]  # boats and wide before it (`on` has two letters: not counted)
    assert got["Harbour"] == ["run=3|initial"]  # boats, wide, rivers: a capital after small words may open a new element


def test_tokens_since_the_last_element_end_are_bucketed(monkeypatch):
    got = extra_of(monkeypatch, "Moss, T. Alpha beta gamma delta epsilon zeta eta theta iota. Nine", ("since",))
    assert got["Alpha"] == ["since=0|initial"]
    assert got["delta"] == ["since=3|lower"]
    assert got["epsilon"] == ["since=4|lower"] and got["theta"] == ["since=4|lower"]  # 4 to 7
    assert got["iota."] == ["since=5|lower"]  # 8 or more
    assert got["Nine"] == ["since=0|initial"]


def test_an_in_mark_is_remembered_after_it(monkeypatch):
    got = extra_of(monkeypatch, "Moss, T. Notes in the margin. In: Collected Papers of the Guild.", ("inseen",))
    assert got["margin."] == ["inseen=0"]  # a small `in` inside a title is no mark
    assert got["In:"] == ["inseen=0"]
    assert got["Guild."] == ["inseen=1"]


@pytest.mark.parametrize("kinds", [(), ("run", "since", "inseen")])
def test_the_other_features_do_not_change_with_the_context_ones(monkeypatch, kinds):
    text = "Moss, T. 2019. Slow boats. In: Harbour Notes, 4."
    monkeypatch.setattr(features, "EXTRA", ())
    spans = features.tokenize(text)
    plain = features.sequence_features(text, spans)
    monkeypatch.setattr(features, "EXTRA", kinds)
    with_extra = features.sequence_features(text, spans)
    assert [[f for f in feats if not f.startswith((b"run=", b"since=", b"inseen="))] for feats in with_extra] == plain
