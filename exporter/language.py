"""Which language a paper is written in (kk, ru, en): shared by every reader."""

from __future__ import annotations


def detect_language(text: str) -> str:
    """kk when Kazakh-only letters occur, ru for other Cyrillic, en for Latin script."""
    kazakh = sum(ch in "әғқңөұүһіӘҒҚҢӨҰҮҺІ" for ch in text)
    cyrillic = sum("\u0400" <= ch <= "\u04ff" for ch in text)
    latin = sum("a" <= ch.lower() <= "z" for ch in text)
    if cyrillic > latin:
        return "kk" if kazakh > 0.005 * cyrillic else "ru"
    return "en"
