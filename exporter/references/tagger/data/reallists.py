"""Training lines from real papers' reference lists (bench/unseen/lists.json, batches 1-25 only).

    .venv/bin/python exporter/references/tagger/data/reallists.py            # writes data/reallists.jsonl
    .venv/bin/python exporter/references/tagger/data/reallists.py --texts /tmp/t.json   # keep (or reuse) the texts read

Each labelled entry of a TRAINING batch (1-25: `TRAINING_BATCHES`) is read as bench/unseen_lists.py
reads it (the paper's source from its snapshot under /work/.mirror, every form: a PDF as the PDF and
as pdftotext's text, a Word or Markdown paper as it is; the entry found among those read by its
`start`): its functions are called, not copied. Batches 26 and later (26-31 now, and 32 being
labelled) are the real-lists TEST set: never read here.

Each distinct text an entry is read as becomes one line {"source": "reallists", "split": "train",
"text", "labels", "paper", "batch"}, in data/build.py's format. The text is the string the tagger
itself is given for the entry (normalise.py `_tagged`: the list number dropped, glued GOST marks
spaced, …: recorded by wrapping `tag`), so training and reading see the same tokens. Labels are
made by constrained self-labelling (`label_line`):

1. every token gets the shipped model's label for it;
2. each hand-labelled value (title, container, publisher, first author's family name, year,
   volume, pages) is found in the text by normalised matching (letters and digits only, case
   folded, `ё` as `е`; on word boundaries), the occurrence the model already labelled so preferred;
   the first author's span runs from the entry's start to the family name when the name opens the
   entry (the whole first name group: `Jacob Ziv`, `A. V. Ivanov`);
3. a token the model gave one of those fields' labels outside that field's span is cleared (the
   labels say the field is elsewhere, or absent when the label is null); the model's other author
   names after the first author and a date run holding the year are kept;
4. the labelled spans are written over the model's labels (a container the lists' convention
   counts as none, `arXiv preprint …`, becomes a note, as the public sets label it), and cleared
   words take a neighbour's label by data/spans.py `resolve_gaps`.

A line is kept only if bench/entry_fields.py's `truth_values` reads every field of it back equal to
the hand label (`label_values`, with bench/unseen_lists.py's arXiv convention): entries whose value
is not found in the text, whose values overlap, or whose labelled line reads back otherwise are
dropped and counted (printed by this script; bench/TAGGER_SETTINGS.md gives the counts).

The lines are the papers' own reference strings; each paper's licence is in lists.json or
bench/unseen/papers.json, and LICENSES.md says what that means for this file.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import tempfile
import unicodedata
from collections import Counter
from functools import cache
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[3]
for folder in (ROOT, ROOT / "bench", HERE):
    if str(folder) not in sys.path:
        sys.path.insert(0, str(folder))

from entry_fields import SET_FIELDS, _run, label_values, truth_values  # noqa: E402  (bench/entry_fields.py)
from spans import _PREFIX, line  # noqa: E402  (data/spans.py)
from unseen_frontmatter import source_bytes  # noqa: E402  (bench/unseen_frontmatter.py)
from unseen_lists import LISTS, PAPERS, align, convention_labels, forms_of, only_arxiv, read_entries  # noqa: E402

from exporter.references.tagger import loaded_model, normalise  # noqa: E402
from exporter.references.tagger.features import sequence_features, tokenize  # noqa: E402

OUT = HERE / "reallists.jsonl"
TRAINING_BATCHES = range(1, 26)  # 26-31 (and 32 on) are the real-lists test set: never read here
SOURCE = "reallists"


# ---- the texts, read as bench/unseen_lists.py reads them ------------------------------------

def read_texts(mirrors: Path) -> list[dict]:
    """Every labelled entry of the training batches found among the entries read, in every form
    of its paper: {paper, batch, form, licence, item, text}."""
    listed = json.loads(LISTS.read_text(encoding="utf-8"))
    sources = {p["name"]: p for p in json.loads(PAPERS.read_text(encoding="utf-8"))["papers"]}
    out = []
    with tempfile.TemporaryDirectory() as tmp:
        for paper in listed["papers"]:
            batch = paper.get("batch", 1)
            if batch not in TRAINING_BATCHES:
                continue
            where = paper if "source" in paper else sources.get(paper["paper"])
            data = source_bytes(where["source"], mirrors) if where else None
            if data is None:
                print(f"not read (snapshot missing): {paper['paper']}", file=sys.stderr)
                continue
            for form, path in forms_of(where | {"paper": paper["paper"]}, data, Path(tmp)):
                entries = read_entries(path)
                if isinstance(entries, Exception):
                    continue
                for item, entry in zip(paper["entries"], align(paper["entries"], entries)):
                    out.append({"paper": paper["paper"], "batch": batch, "form": form, "licence": where.get("licence"),
                                "item": item, "text": entry.text if entry is not None else None})
    return out


# ---- constrained self-labelling ------------------------------------------------------------

def tagger_view(text: str) -> str:
    """The string the tagger is given for `text` by the parser (normalise.py `parser_tagged`, the
    list number dropped and its views applied): `tag` is wrapped to record it."""
    seen: list[str] = []
    original = normalise.tag

    def recording(s: str):
        seen.append(s)
        return original(s)

    normalise.tag = recording
    try:
        normalise.parser_tagged(text)
    finally:
        normalise.tag = original
    return seen[-1] if seen else text


def _folded(text: str) -> tuple[str, list[int]]:
    """`text`'s letters and digits, case folded (`ё` as `е`), with each one's place in `text`."""
    chars, where = [], []
    for i, ch in enumerate(text):
        for c in unicodedata.normalize("NFKD", ch.casefold().replace("ё", "е")):  # (accents apart: `ö` printed as `o` and a combining mark)
            if c.isalnum() and unicodedata.category(c) != "Mn":
                chars.append(c)
                where.append(i)
    return "".join(chars), where


def occurrences(text: str, value: str, loose: bool = False, lettered: bool = False) -> list[tuple[int, int]]:
    """(start, end) in `text` of each occurrence of `value` compared by letters and digits, on
    word boundaries (no letter or digit glued on either side; `loose`: a long value's end may be
    glued, as PDF text glues a title to the next word; `lettered`: a letter may follow, as a
    year's `2013б`)."""
    key, _ = _folded(value)
    if not key:
        return []
    hay, where = _folded(text)
    out = []
    at = hay.find(key)
    while at >= 0:
        s, e = where[at], where[at + len(key) - 1] + 1
        before_ok = s == 0 or not text[s - 1].isalnum()
        after_ok = e == len(text) or not text[e].isalnum() or (loose and len(key) >= 8) or (lettered and text[e].isalpha())
        if before_ok and after_ok:
            out.append((s, e))
        at = hay.find(key, at + 1)
    return out


# The tagger's labels each scored field is read from (bench/entry_fields.py `truth_values`).
FIELD_LABELS = {"first_author": ("author",), "year": ("date",), "title": ("title",), "container": ("journal", "container"),
                "volume": ("volume",), "pages": ("pages",), "publisher": ("publisher",)}
# The order the values are placed in (each later one never over an earlier one's characters): the
# long, distinctive values first, the short numbers last; the author before the publisher (a
# corporate author printed again as the publisher is the first of the two).
ORDER = ("title", "container", "first_author", "publisher", "year", "volume", "pages")


def _candidates(field: str, value: str) -> list[str]:
    """The forms of a hand-labelled value to look for, the label as written first."""
    out = [value]
    if field == "title":
        out.append(re.sub(r"\s?\[[^\[\]]{4,}\][.,]?\s*$", "", value))  # a translation in brackets the label kept
    if field == "container":
        out.append(re.sub(r"^\s*(?://|In:?\s|in:?\s|В:\s)\s*", "", value))
    if field == "volume":
        out += re.findall(r"\d+|\b[IVXLC]+\b", value)[:1]
    if field == "pages":
        m = re.search(r"[A-Za-z]?\d+(?:\s*[-–—−]+\s*[A-Za-z]?\d+)?", value)
        if m:
            out += [m.group(), re.split(r"\s*[-–—−]+\s*", m.group())[0]]
    return [v for i, v in enumerate(out) if v and v not in out[:i]]


def _place(field, value, text, token_spans, own, used, title):
    """The span of `value` in `text`: of its free occurrences, the one whose tokens the model gave
    the field's label most, else (numbers and names) the first after the title, else the first."""
    labels = FIELD_LABELS[field]
    for form in _candidates(field, value):
        found = [o for o in occurrences(text, form, loose=field in ("title", "container", "publisher"), lettered=field == "year")
                 if not any(o[0] < e and s < o[1] for s, e in used)]
        if not found:
            continue

        def agree(o):
            return sum(1 for (s, e), lab in zip(token_spans, own) if s < o[1] and o[0] < e and lab in labels)

        best = max(agree(o) for o in found)
        if best:
            return next(o for o in found if agree(o) == best)
        if title and field in ("container", "volume", "pages", "publisher"):
            after = [o for o in found if o[0] >= title[1]]
            if after:
                return after[0]
        return found[0]
    return None


@cache
def _model():
    """The shipped model's weights for a Viterbi search of our own: the labels, each attribute's
    weight per label, and the transition weights (pycrfsuite's `info()`)."""
    tagger, _ = loaded_model()
    labels = tagger.labels()
    at = {label: i for i, label in enumerate(labels)}
    info = tagger.info()
    state: dict[str, list[float]] = {}
    for (attr, label), w in info.state_features.items():
        state.setdefault(attr, [0.0] * len(labels))[at[label]] += w
    trans = [[0.0] * len(labels) for _ in labels]
    for (a, b), w in info.transitions.items():
        trans[at[a]][at[b]] = w
    return labels, state, trans


def viterbi(xseq: list, allowed: list[set[str] | None]) -> list[str]:
    """The model's best labelling of the token features `xseq` with each token's label drawn from
    `allowed` (None: any label). Without constraints it is the tagger's own (checked in the tests)."""
    labels, state, trans = _model()
    n = len(labels)
    emit = []
    for feats in xseq:
        row = [0.0] * n
        for attr in feats:
            w = state.get(attr.decode() if isinstance(attr, bytes) else attr)
            if w is not None:
                for j in range(n):
                    row[j] += w[j]
        emit.append(row)
    ok = [[allow is None or labels[j] in allow for j in range(n)] for allow in allowed]
    neg = float("-inf")
    score = [emit[0][j] if ok[0][j] else neg for j in range(n)]
    back = []
    for t in range(1, len(xseq)):
        new, ptr = [neg] * n, [0] * n
        for j in range(n):
            if not ok[t][j]:
                continue
            best, arg = neg, 0
            for i in range(n):
                v = score[i] + trans[i][j]
                if v > best:
                    best, arg = v, i
            new[j], ptr[j] = best + emit[t][j], arg
        score = new
        back.append(ptr)
    j = max(range(n), key=score.__getitem__)
    if score[j] == neg:
        return []
    out = [j]
    for ptr in reversed(back):
        j = ptr[j]
        out.append(j)
    return [labels[j] for j in reversed(out)]


def label_line(text: str, item: dict):
    """A training line for the entry `text` with the hand labels `item` (bench/unseen/lists.json),
    or the reason it is dropped (a string)."""
    view = " ".join(tagger_view(text).split())
    token_spans = tokenize(view)
    if not token_spans:
        return "empty"
    xseq = sequence_features(view, token_spans)
    own = viterbi(xseq, [None] * len(token_spans))
    placed = _placed(view, token_spans, own, item)
    if isinstance(placed, str):
        return placed
    arxiv = only_arxiv(item.get("container"))
    forced = {f: FIELD_LABELS[f] for f in placed} | ({"container": ("note",)} if arxiv and "container" in placed else {})
    got = viterbi(xseq, _allowed(view, token_spans, own, placed, forced))
    if not got:
        return "no labelling allowed"
    chars: list[str | None] = [None] * len(view)
    for (s, e), lab in zip(token_spans, got):
        for i in range(s, e):
            chars[i] = lab
    out = line(SOURCE, "train", view, chars)
    wrong = _read_back_otherwise(out, item, placed)
    if wrong:
        return "read back otherwise: " + ",".join(wrong)
    out["changed"] = sum(a != b for a, b in zip(own, got))  # tokens the hand labels relabelled
    return out


def _placed(view, token_spans, own, item) -> dict[str, tuple[int, int]] | str:
    """Each hand-labelled value's span in `view` (ORDER), or why the entry is dropped."""
    placed: dict[str, tuple[int, int]] = {}
    for field in ORDER:
        value = item.get(field)
        if not value:
            continue
        span = _place(field, value, view, token_spans, own, list(placed.values()), placed.get("title"))
        if span is None:
            return f"not found: {field}"
        placed[field] = span
    # The first author's name group: from the entry's start to the family name, when the name
    # stands before every other value placed (it opens the entry).
    if "first_author" in placed:
        s, e = placed["first_author"]
        if all(s < other[0] for f, other in placed.items() if f != "first_author"):
            placed["first_author"] = (token_spans[0][0], e)
    spans = sorted(placed.items(), key=lambda kv: kv[1])
    for (f1, a), (f2, b) in zip(spans, spans[1:]):
        if b[0] < a[1]:
            return f"overlap: {f1}/{f2}"
    return placed


def _allowed(view, token_spans, own, placed, forced) -> list[set[str]]:
    """The labels each token may take. What no token outside a field's span may be: the labels of
    every scored field (placed elsewhere, or absent where the hand label is null); but the model's
    own labels for other authors after the first author's name, for the date's other words
    (`2009, May 7`), and for a number's word beside a volume's or pages' span are kept, and an
    announcing word (`Vol.`, `pp.`, `In:`) may take the label of the value after it."""
    banned = {lab for labs in FIELD_LABELS.values() for lab in labs}
    placed_labels = {lab for f in placed for lab in forced[f]} - ({"author"} if "first_author" in placed else set())
    every = _model()[0]

    def inside_of(k: int) -> list[str]:
        if not 0 <= k < len(token_spans):
            return []
        s, e = token_spans[k]
        return [f for f, (ps, pe) in placed.items() if s < pe and ps < e]

    allowed: list[set[str]] = []
    words = {m.start(): m.group() for m in re.finditer(r"\S+", view)}
    for k, (s, e) in enumerate(token_spans):
        inside = inside_of(k)
        if inside:
            allowed.append(set(forced[inside[0]]))
            continue
        if not re.search(r"\w", view[s:e]):
            # marks alone (`.`, `//`, `(`) hold no value: the model's choice, but a field's label
            # only beside that field's span (a lone `—` read as the publisher before `М.:` would
            # be the publisher's first run)
            near = {lab for f in inside_of(k - 1) + inside_of(k + 1) for lab in forced[f]}
            kept = {own[k]} if own[k] in ("author", "date") else set()  # (`&` between names the model read)
            allowed.append({lab for lab in every if lab not in banned | placed_labels or lab in near | kept})
            continue
        ban = set(banned)
        if own[k] == "author" and "first_author" in placed and s >= placed["first_author"][1]:
            ban.discard("author")  # the model's other names after the first author's
        if own[k] == "date" and "year" in placed:
            ban.discard("date")  # the model's date words beside the year (`2009, May 7`) or an access date's
        near = [f for f in inside_of(k - 1) + inside_of(k + 1) if f in ("volume", "pages")]
        if near and own[k] in forced[near[0]] and not re.search(r"\d", view[s:e]):
            ban.discard(own[k])  # a number's own word the model gave it (`8 p.`, `320 с.`)
        word = words.get(s)
        if word is not None and _PREFIX.match(word):  # `Vol.`, `pp.`, `In:` announce the value after them
            nxt = min(((ps, f) for f, (ps, pe) in placed.items() if ps >= e), default=None)
            if nxt is not None and not re.search(r"\w", view[e:nxt[0]].replace(" ", "")):
                ban -= set(forced[nxt[1]])
        allowed.append({lab for lab in every if lab not in ban})
    return allowed


def _read_back_otherwise(out: dict, item: dict, placed: dict) -> list[str]:
    """The fields bench/entry_fields.py's `truth_values` reads from the line otherwise than the
    hand labels give them."""
    read = truth_values(out)
    want = label_values(convention_labels(item))
    wrong = [f for f in SET_FIELDS if read[f] != want[f]]
    first = _run(out, ("author",))
    if "first_author" in wrong and first and first[0] <= placed["first_author"][0] and placed["first_author"][1] <= first[1]:
        # the family name labelled is in the first author's run: the bench's own reading of a run
        # (`truth_first_family`: `Алан Купер` family first, as Cyrillic full names mostly are; a
        # corporate author's last word) is its convention, not the label's
        wrong.remove("first_author")
    return wrong


def build(texts: list[dict]) -> tuple[list[dict], Counter]:
    lines, seen, why = [], set(), Counter()
    for t in texts:
        if t["text"] is None:
            why["entry not made by the reader"] += 1
            continue
        made = label_line(t["text"], t["item"])
        if isinstance(made, str):
            why[re.sub(r":.*", "", made) if made.startswith("read back") else made] += 1
            if made.startswith("read back"):
                for f in made.split(": ")[1].split(","):
                    why[f"  read back otherwise: {f}"] += 1
            continue
        key = (t["paper"], made["text"])
        if key in seen:
            why["same text in another form (kept once)"] += 1
            continue
        seen.add(key)
        why["kept"] += 1
        lines.append(made | {"paper": t["paper"], "batch": t["batch"]})
    return lines, why


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mirrors", default="/work/.mirror", help="root of the repository snapshots")
    parser.add_argument("--texts", type=Path, help="a JSON file of the texts read: written if absent, read if present")
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args(argv)
    if args.texts and args.texts.exists():
        texts = json.loads(args.texts.read_text(encoding="utf-8"))
    else:
        texts = read_texts(Path(args.mirrors))
        if args.texts:
            args.texts.write_text(json.dumps(texts, ensure_ascii=False), encoding="utf-8")
    lines, why = build(texts)
    with args.out.open("w", encoding="utf-8") as f:
        for x in lines:
            f.write(json.dumps(x, ensure_ascii=False) + "\n")
    entries = {(t["paper"], t["item"]["start"], json.dumps(t["item"], sort_keys=True)) for t in texts}
    kept = {(x["paper"]) for x in lines}
    print(f"{len(texts)} entry readings ({len(entries)} labelled entries, {len({t['paper'] for t in texts})} papers) -> {len(lines)} lines "
          f"from {len(kept)} papers in {args.out.name}", file=sys.stderr)
    for reason, n in sorted(why.items(), key=lambda kv: (kv[0].startswith("  "), -kv[1])):
        print(f"  {n:5d}  {reason}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
