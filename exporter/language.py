"""Which language a paper is written in (kk, ru, en): shared by every reader."""

from __future__ import annotations

import re

# Counted by the regex engine, a run of letters at a time (the sum of the runs' lengths is the
# number of letters): a paper's 200,000 characters take a millisecond, not tens.
_KAZAKH = re.compile("[әғқңөұүһіӘҒҚҢӨҰҮҺІ]+")
_CYRILLIC = re.compile("[\u0400-\u04ff]+")
_LATIN = re.compile("[A-Za-z]+")


def detect_language(text: str) -> str:
    """kk when Kazakh-only letters occur, ru for other Cyrillic, en for Latin script."""
    kazakh = sum(map(len, _KAZAKH.findall(text)))
    cyrillic = sum(map(len, _CYRILLIC.findall(text)))
    latin = sum(map(len, _LATIN.findall(text)))
    if cyrillic > latin:
        return "kk" if kazakh > 0.005 * cyrillic else "ru"
    return "en"
