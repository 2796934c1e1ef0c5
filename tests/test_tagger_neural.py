"""bench/tagger_neural.py's pure parts (tagger52's neural tagger experiment): the feature hashing,
the batching and the CRF output layer's Viterbi and marginals. No torch needed."""

from __future__ import annotations

import itertools
import math
import random
import sys
import zlib
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "bench"))

import tagger_neural as tn  # noqa: E402


def test_feature_ids_are_a_stable_hash_never_padding():
    names = [b"w=smith", "shape=Aa,", b"-1:w=and"]
    got = tn.feature_ids(names, buckets=1000)
    assert got == [zlib.crc32(b"w=smith") % 999 + 1, zlib.crc32("shape=Aa,".encode()) % 999 + 1, zlib.crc32(b"-1:w=and") % 999 + 1]
    assert tn.feature_ids([b"w=smith"], buckets=1000) == got[:1]  # same name, same row, every call
    assert all(1 <= k < 1000 for k in tn.feature_ids([f"f{k}" for k in range(5000)], buckets=1000))
    assert len(set(tn.feature_ids([f"f{k}" for k in range(100)]))) == 100  # (no collision among a hundred at 2**17)


def test_char_ids_and_word_key():
    assert tn.char_ids("") == [1]
    assert len(tn.char_ids("x" * 50)) == tn.MAX_CHARS
    assert tn.char_ids("Ab") == [ord("A") % (tn.CHAR_BUCKETS - 1) + 1, ord("b") % (tn.CHAR_BUCKETS - 1) + 1]
    assert tn.word_key("Vol.12") == "vol.00"


def test_batches_cover_every_sequence_once_with_similar_lengths():
    lengths = [(k * 37) % 90 + 1 for k in range(1000)]
    got = tn.batches(lengths, 32, seed=3)
    flat = sorted(i for b in got for i in b)
    assert flat == list(range(1000))
    assert all(1 <= len(b) <= 32 for b in got)
    assert got == tn.batches(lengths, 32, seed=3) and got != tn.batches(lengths, 32, seed=4)
    spread = sum(max(lengths[i] for i in b) - min(lengths[i] for i in b) for b in got) / len(got)
    assert spread < 10  # sorted within pools: far less padding than random batches (about 75 apart)


def test_pad():
    assert tn.pad([[1], [2, 3]]) == [[1, 0], [2, 3]]
    assert tn.pad([[1]], 3, value=9) == [[1, 9, 9]]


def _crf(n=4, labels=3, seed=0):
    rng = random.Random(seed)
    em = [[rng.gauss(0, 2) for j in range(labels)] for t in range(n)]
    trans = [[rng.gauss(0, 2) for j in range(labels)] for i in range(labels)]
    start = [rng.gauss(0, 1) for j in range(labels)]
    end = [rng.gauss(0, 1) for j in range(labels)]
    return em, trans, start, end


def _score(path, em, trans, start, end):
    s = start[path[0]] + end[path[-1]] + sum(em[t][j] for t, j in enumerate(path))
    return s + sum(trans[a][b] for a, b in zip(path, path[1:]))


def test_viterbi_is_the_best_path_by_brute_force():
    for n, seed in itertools.product((1, 2, 5), range(20)):
        em, trans, start, end = _crf(n, seed=seed)
        best = max(itertools.product(range(3), repeat=n), key=lambda p: _score(p, em, trans, start, end))
        assert tn.viterbi(em, trans, start, end) == list(best)
    assert tn.viterbi([], *_crf()[1:]) == []


def test_marginals_match_brute_force():
    em, trans, start, end = _crf(4)
    paths = list(itertools.product(range(3), repeat=4))
    weights = [math.exp(_score(p, em, trans, start, end)) for p in paths]
    z = sum(weights)
    got = tn.marginals(em, trans, start, end)
    for t in range(4):
        assert abs(sum(got[t]) - 1) < 1e-9
        for j in range(3):
            want = sum(w for p, w in zip(paths, weights) if p[t] == j) / z
            assert abs(got[t][j] - want) < 1e-9


def test_stop_lines_are_about_one_in_twenty():
    n = sum(tn.is_stop_line(f"line {k}") for k in range(4000))
    assert 150 < n < 250
