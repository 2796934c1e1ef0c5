"""Known names of journals, proceedings, publishers and places, matched over an entry's tokens
as GROBID matches its lexicon (grobid-core's Lexicon.java and FastMatcher.java): phrase lists
that are not mined from the training lines, each phrase matched longest first over the tokens'
canonical words (case and punctuation ignored), giving each token of a match a feature such as
`gz:journal=B` (the first token of a longer match), `gz:journal=I` (a later one) or
`gz:journal=S` (a one-word match).

The lists are hashed into a sorted array of 64-bit integers (data/build_gazetteer.py writes it;
LICENSES.md there says where each list comes from): for each phrase and each proper prefix of
one, the hash of its words with the low bits telling which kinds of name it is whole and
whether it goes on. Opening it is one read (no parsing), and a look-up one binary search.
"""

from __future__ import annotations

import array
import sys
import zlib
from bisect import bisect_left
from functools import cache
from pathlib import Path

KINDS = ("journal", "conf", "publisher", "place")
PATH = Path(__file__).resolve().with_name("gazetteer.bin")
_GOES_ON = 1  # bit 0: some longer phrase starts with these words; bit 1 + k: a whole phrase of KINDS[k]
_MASK_BITS = 5
_LONGEST = 12  # words of the longest phrase looked for (a few lists' titles run longer; they are not matched)


def phrase_hash(words: str) -> int:
    """The 59-bit hash of a phrase's canonical words joined by single spaces, shifted over the
    mask bits. CRC-32 and Adler-32 side by side: both in zlib's C, stable across versions and
    machines, and twice as fast as a cryptographic hash on these short strings (the tagger
    looks up a few thousand per hundred entries)."""
    data = words.encode("utf-8")
    return ((zlib.crc32(data) << 27) | (zlib.adler32(data) & 0x7FFFFFF)) << _MASK_BITS


class Gazetteer:
    """A set of phrases of several kinds, looked up by the hash of their words."""

    def __init__(self, keys: array.array):
        self.keys = keys  # sorted: hash | mask
        self._seen: dict[str, int] = {}  # words looked up before, and their mask (words repeat)

    @classmethod
    def from_phrases(cls, phrases) -> Gazetteer:
        """From (kind, words) pairs, words being a phrase's canonical words (a tuple)."""
        masks: dict[int, int] = {}
        for kind, words in phrases:
            words = tuple(words)[:_LONGEST + 1]
            if not words or len(words) > _LONGEST:
                continue
            for k in range(1, len(words)):
                h = phrase_hash(" ".join(words[:k]))
                masks[h] = masks.get(h, 0) | _GOES_ON
            h = phrase_hash(" ".join(words))
            masks[h] = masks.get(h, 0) | (2 << KINDS.index(kind))
        return cls(array.array("Q", sorted(h | m for h, m in masks.items())))

    def to_bytes(self) -> bytes:
        keys = array.array("Q", self.keys)
        if sys.byteorder == "big":
            keys.byteswap()
        return keys.tobytes()

    @classmethod
    def from_bytes(cls, data: bytes) -> Gazetteer:
        keys = array.array("Q")
        keys.frombytes(data)
        if sys.byteorder == "big":
            keys.byteswap()
        return cls(keys)

    def mask(self, words: str) -> int:
        """Which kinds `words` is a whole phrase of, and whether a longer phrase goes on (bits)."""
        got = self._seen.get(words)
        if got is None:
            h = phrase_hash(words)
            i = bisect_left(self.keys, h)
            found = i < len(self.keys) and self.keys[i] >> _MASK_BITS == h >> _MASK_BITS
            got = self.keys[i] & ((1 << _MASK_BITS) - 1) if found else 0
            if len(self._seen) > 200_000:  # a long run's memory stays bounded
                self._seen.clear()
            self._seen[words] = got
        return got

    def matches(self, words: list, starts: list[bool], kinds=KINDS) -> list[tuple[str, int, int]]:
        """(kind, first, last) of every match over `words` (canonical words, "" for a token with
        none, which a match passes over; None for one that no match crosses, such as `//`): for
        each kind, left to right, the longest phrase at each word that may start one
        (`starts`: a capitalised word), the next looked for after it ends."""
        wanted = [(kind, 2 << KINDS.index(kind)) for kind in kinds]
        any_kind = sum(bit for _, bit in wanted)
        free = dict.fromkeys(kinds, 0)  # per kind: the first word a new match may start at
        out, n = [], len(words)
        for i, word in enumerate(words):
            if not (word and starts[i]):
                continue
            m = self.mask(word)
            if not m:
                continue
            ends = [(i, m)] if m & any_kind else []  # (last word, mask) of each whole phrase from i
            key, j, taken = word, i, 1
            while m & _GOES_ON and taken < _LONGEST:
                j += 1
                while j < n and words[j] == "":
                    j += 1
                if j >= n or words[j] is None:
                    break
                key, taken = f"{key} {words[j]}", taken + 1
                m = self.mask(key)
                if m & any_kind:
                    ends.append((j, m))
            longest = {}  # kind -> the last word of its longest phrase from i
            for e, mm in ends:
                for kind, bit in wanted:
                    if mm & bit:
                        longest[kind] = e
            for kind, end in longest.items():
                if i >= free[kind]:
                    out.append((kind, i, end))
                    free[kind] = end + 1
        return out


@cache
def shipped() -> Gazetteer:
    """The shipped lists, read once (the first entry tagged with them pays for it)."""
    return Gazetteer.from_bytes(PATH.read_bytes())


@cache
def _names(kind: str) -> tuple[str, str, str, str, str, str, str, str, str]:
    """A kind's feature strings, made once: own B/I/S, the previous token's, the next token's."""
    return tuple(f"{p}gz:{kind}={x}" for p in ("", "-1:", "+1:") for x in "BIS")


def token_features(words: list, starts: list[bool], kinds=KINDS, gazetteer: Gazetteer | None = None, one_word: bool = True) -> list[list[str]]:
    """Each token's gazetteer features: B, I or S of each kind of name it is in, and the same
    of its neighbours (`-1:`/`+1:`), which mark where a name begins or ends beside it. Without
    `one_word`, names of one word (`Pearson`, `Sydney`: also surnames) give none."""
    out: list[list[str]] = [[] for _ in words]
    for kind, first, last in (gazetteer or shipped()).matches(words, starts, kinds):
        if first == last and not one_word:
            continue
        names = _names(kind)
        for i in range(first, last + 1):
            x = 2 if first == last else 0 if i == first else 1
            out[i].append(names[x])
            if i + 1 < len(words):
                out[i + 1].append(names[3 + x])  # for the token after: its previous token's
            if i > 0:
                out[i - 1].append(names[6 + x])  # for the token before: its next token's
    return out
