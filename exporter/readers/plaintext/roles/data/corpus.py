"""Hand labels of the corpus's dev papers: each line of a paper's front (text form) or each
paragraph (DOCX) with its role, kept as `corpus/NAME.txt.tsv` / `corpus/NAME.docx.tsv`
(`index<TAB>label<TAB>sha1 of the text, 10 digits`): the texts stay in ../shared/corpus and are
read from there when training; the hash proves a label still meets its line.

    python -m exporter.readers.plaintext.roles.data.corpus draft NAME   # a first guess to correct by hand
    python -m exporter.readers.plaintext.roles.data.corpus show NAME    # the labels beside their lines

Only papers of the split's dev half are labelled (bench/corpus_split.json); the held-out half
is never read here.
"""

from __future__ import annotations

import hashlib
import json
import re
import sys
from pathlib import Path

from ....docx.reader import front_items_of
from ...frontmatter import ABSTRACT, BARE_UDC, KEYWORDS, UDC, author_names, is_header, is_institution, is_rubric
from ...furniture import find_pages
from ...mojibake import repair_mojibake
from ...sections import is_introduction, is_section_name
from .....sourcefile import read_source
from ..window import text_items

HERE = Path(__file__).resolve().parent
LABELS_DIR = HERE / "labels"
ROOT = HERE.parents[4]
SPLIT = ROOT / "bench" / "corpus_split.json"
ADDED = ROOT / "bench" / "papers"  # open-licence papers added to the repository (README there)


def corpus_dir() -> Path:
    for candidate in (ROOT.parent / "shared" / "corpus", ROOT.parent.parent / "shared" / "corpus", Path("/work/shared/corpus")):
        if (candidate / "README.md").is_file():
            return candidate
    raise SystemExit("no corpus found")


def dev_papers() -> list[str]:
    return json.loads(SPLIT.read_text(encoding="utf-8"))["dev"]


def digest(text: str) -> str:
    return hashlib.sha1(" ".join(text.split()).encode("utf-8")).hexdigest()[:10]


def added_papers() -> list[str]:
    return sorted(p.name[: -len(".truth.json")] for p in ADDED.glob("*.truth.json"))


def source_of(name: str) -> tuple[str, Path]:
    """(form, path) of the paper's labelled source: its text (beside its PDF) or its DOCX."""
    for folder in (ADDED, corpus_dir() / "pdf", corpus_dir() / "docx"):
        if (folder / f"{name}.txt").is_file():
            return "txt", folder / f"{name}.txt"
        if (folder / f"{name}.docx").is_file():
            return "docx", folder / f"{name}.docx"
    raise SystemExit(f"no source for {name}")


def units(name: str) -> tuple[str, list[int], list]:
    """(form, indexes, items) of a dev paper: text lines or DOCX paragraphs."""
    form, path = source_of(name)
    if form == "txt":
        lines = repair_mojibake(read_source(str(path), repair=True).lines, str(path)).lines
        rows, items = text_items(lines, find_pages(lines).starts)
        return form, rows, items
    rows, items = front_items_of(str(path))
    return form, rows, items


def read_labels(name: str) -> dict[int, str] | None:
    """Index -> label from the paper's label file, checked against the texts; None without one."""
    form, _ = source_of(name)
    path = LABELS_DIR / f"{name}.{form}.tsv"
    if not path.is_file():
        return None
    _, rows, items = units(name)
    texts = dict(zip(rows, (item.text for item in items)))
    out = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        index, label, sha = line.split("\t")[:3]
        index = int(index)
        if index not in texts:
            continue  # past the window the classifier reads now
        if digest(texts[index]) != sha:
            raise SystemExit(f"{path}: line {index} no longer matches its text")
        out[index] = label
    return out


def draft(name: str) -> None:
    """A first guess from the truth's title and authors and the rules; to be read and corrected."""
    form, rows, items = units(name)
    path = source_of(name)[1]
    truth = json.loads(path.with_name(name + ".truth.json").read_text(encoding="utf-8"))
    words = lambda t: " ".join(re.findall(r"\w+", t.casefold()))  # noqa: E731
    title = words(truth.get("title") or "")
    surnames = [max(re.findall(r"\w{2,}", a.casefold()), key=len) for a in truth.get("authors", [])]
    out, state = [], "front"
    for index, item in zip(rows, items):
        t = item.text
        w = words(t)
        if state == "body":
            label = "body"
        elif is_introduction(t) or is_section_name(t):
            label, state = "heading", "body"
        elif UDC.match(t) or BARE_UDC.match(t):
            label = "code"
        elif ABSTRACT.match(t):
            label, state = "abstract", "abstract"
        elif KEYWORDS.match(t):
            label, state = "keywords", "keywords"
        elif len(w) >= 4 and title and w in title:
            label = "title"
        elif any(s in t.casefold() for s in surnames) and author_names(t, strong_only=False) is not None:
            label = "author"
        elif "@" in t:
            label = "email"
        elif is_rubric(t):
            label = "rubric"
        elif is_institution(t):
            label = "affiliation"
        elif is_header(t):
            label = "furniture"
        elif state in ("abstract", "keywords"):
            label = state
        else:
            label = "other"
        out.append(f"{index}\t{label}\t{digest(t)}")
    LABELS_DIR.mkdir(exist_ok=True)
    (LABELS_DIR / f"{name}.{form}.tsv").write_text("\n".join(out) + "\n", encoding="utf-8")
    show(name)


def show(name: str) -> None:
    form, rows, items = units(name)
    labels = read_labels(name) or {}
    for index, item in zip(rows, items):
        print(f"{index:4d} {labels.get(index, '?'):11s} {item.text[:110]}")


if __name__ == "__main__":
    command, *names = sys.argv[1:]
    for name in names or dev_papers():
        print(f"=== {name}")
        {"draft": draft, "show": show}[command](name)
