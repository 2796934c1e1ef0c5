"""Labels per character into labelled training lines: words outside any value get a neighbour's label."""

from __future__ import annotations

import re

# ---- words between values -------------------------------------------------------------------

# Words that announce the value after them (`Vol. 3`, `// Journal`, `– С. 45`, `URL: http…`).
_PREFIX = re.compile(
    r"^(?:[/]{1,2}|[–—-]|In:?|in:?|В:?|Vol\.?|vol\.?|Vols?\.|V\.|v\.|Bd\.|No\.?|no\.?|Nr\.|Iss\.|iss\.|Issue|issue|Number|№|Т\.|T\.|Вып\.|вып\.|Ч\.|ч\.|"
    r"pp?\.|P\.|S\.|С\.|с\.|Б\.|б\.|C\.|pages?|URL:?|Режим|доступа:?|Available|available|at:?|from:?|Retrieved|Accessed|accessed|"
    r"doi:?|DOI:?|ISBN:?|ISSN:?|arXiv:?|под|Под|ред\.|by|\(|\[)$"
)


def resolve_gaps(text: str, chars: list[str | None], style_words: bool = False) -> list[str | None]:
    """Give each whitespace-separated word that holds no value a label: a word that announces
    a value (`Vol.`, `//`, `–`, `С.`, `URL:`) takes the next value's label, any other (a lone
    `.`, `eds.`, `)`) the previous one's; a word between two values of one label takes it.
    With `style_words` (a CSL rendering, whose words between values are all the style's), the
    words after an announcing one up to the value take its label too: `In : Editor`, `In
    Proceedings of the Name`, `Available online: URL`, `- abgerufen am Date` (else `:`,
    `Proceedings of the`, `online:`, `abgerufen am` went to the title before them).
    A word whose characters carry two labels equally often is read as the first in sorted
    order (set order varied with the hash seed, so a rebuild relabelled such lines at random)."""
    words = [(m.start(), m.end()) for m in re.finditer(r"\S+", text)]
    own = []
    for s, e in words:
        labels = [c for c in chars[s:e] if c]
        own.append(max(sorted(set(labels)), key=labels.count) if labels else None)
    out = list(chars)
    announced = False  # a style's words without a value so far, begun by an announcing word
    for i, (s, e) in enumerate(words):
        if own[i]:
            announced = False
            continue
        before = next((own[j] for j in range(i - 1, -1, -1) if own[j]), None)
        after = next((own[j] for j in range(i + 1, len(words)) if own[j]), None)
        word = text[s:e]
        announced = bool(_PREFIX.match(word)) or (style_words and announced)
        if before and before == after:
            label = before
        elif after and (announced or before is None):
            label = after
        else:
            label = before or after
        for k in range(s, e):
            out[k] = label
    return out


def spans_of(chars: list[str | None]) -> list[list]:
    out: list[list] = []
    for i, c in enumerate(chars):
        if c is None:
            continue
        if out and out[-1][1] == i and out[-1][2] == c:
            out[-1][1] = i + 1
        else:
            out.append([i, i + 1, c])
    return out


def line(source: str, split: str, text: str, chars: list[str | None], style_words: bool = False, **extra) -> dict:
    text, chars = squeeze(text, chars)
    return {"source": source, "split": split, "text": text, "labels": spans_of(resolve_gaps(text, chars, style_words)), **extra}


def squeeze(text: str, chars: list[str | None]) -> tuple[str, list[str | None]]:
    """Runs of white space to one space, ends stripped, labels kept in step."""
    out_t, out_c = [], []
    for ch, c in zip(text, chars):
        if ch.isspace():
            if not out_t or out_t[-1] == " ":
                continue
            ch, c = " ", None
        out_t.append(ch)
        out_c.append(c)
    while out_t and out_t[-1] == " ":
        out_t.pop()
        out_c.pop()
    return "".join(out_t), out_c


