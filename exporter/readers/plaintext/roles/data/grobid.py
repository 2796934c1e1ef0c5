"""Rebuild grobid.jsonl: GROBID's header training corpus (Apache-2.0) as labelled lines.

    python -m exporter.readers.plaintext.roles.data.grobid /work/.mirror/kermitt2+grobid/repo

Reads grobid-trainer/resources/dataset/header/corpus/tei/*.tei.xml from a git snapshot of
github:kermitt2/grobid (the newest commit's tree), splits each front at `<lb/>`, and gives each
line the role of most of its characters: titlePart -> title, docAuthor -> author,
affiliation/address -> affiliation, email, the abstract div -> abstract, keyword(s) ->
keywords, a doctype note -> rubric, a docAuthor line that names the journal's editor
(`Editor: M. Doser`) -> furniture, every other tagged element (dates, copyright, journal,
pages, DOI) -> furniture; untagged text is `other`, or abstract/keywords when it is their label.
GROBID's headers carry no layout here: the lines are read as text.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from collections import Counter
from pathlib import Path

from ...frontmatter import ABSTRACT, KEYWORDS

TEI_DIR = "grobid-trainer/resources/dataset/header/corpus/tei"
OUT = Path(__file__).with_name("grobid.jsonl")
_EDITOR = re.compile(r"^(?:(?:academic|handling|guest|associate)\s+)?editors?\s*:|^(?:edited|communicated|reviewed)\s+by\b", re.IGNORECASE)
_ROLE = {
    "titlePart": "title", "docAuthor": "author", "affiliation": "affiliation", "address": "affiliation",
    "email": "email", "keyword": "keywords", "keywords": "keywords",
}


def _role(tag: str, attrs: dict) -> str | None:
    if tag == "div" and attrs.get("type") == "abstract":
        return "abstract"
    if tag == "note" and attrs.get("type") == "doctype":
        return "rubric"
    if tag in _ROLE:
        return _ROLE[tag]
    if tag in ("front", "text", "docTitle", "byline", "lb"):
        return None
    return "furniture"


def lines_of(front: ET.Element) -> list[dict]:
    """The front's lines, each {"text", "label", "blank_before"}."""
    lines: list[list[tuple[str, str]]] = [[]]

    def add(text: str | None, role: str) -> None:
        if text:
            lines[-1].append((text, role))

    def visit(node: ET.Element, role: str) -> None:
        own = _role(node.tag, node.attrib) or role
        add(node.text, own)
        for child in node:
            if child.tag == "lb":
                lines.append([])
            else:
                visit(child, own)
            add(child.tail, own)

    visit(front, "other")
    out = []
    for parts in lines:
        text = " ".join("".join(t for t, _ in parts).split())
        if not text:
            continue
        weight: Counter = Counter()
        for t, role in parts:
            weight[role] += len(t.strip())
        label = weight.most_common(1)[0][0]
        if label == "other" and ABSTRACT.match(text):
            label = "abstract"
        elif label == "other" and KEYWORDS.match(text):
            label = "keywords"
        if label == "author" and _EDITOR.match(text):
            label = "furniture"  # the journal's handling editor (`Editor: M. Doser`), tagged docAuthor in a few headers: not the paper's author
        out.append({"text": text, "label": label})
    return out


def main(argv: list[str]) -> int:
    repo = Path(argv[0]) if argv else Path("/work/.mirror/kermitt2+grobid/repo")
    commit = subprocess.run(["git", "-C", str(repo), "rev-parse", "HEAD"], capture_output=True, text=True, check=True).stdout.strip()
    names = subprocess.run(["git", "-C", str(repo), "ls-tree", "-r", "--name-only", "HEAD", TEI_DIR], capture_output=True, text=True, check=True).stdout.split()
    docs = []
    for name in sorted(names):
        raw = subprocess.run(["git", "-C", str(repo), "show", f"HEAD:{name}"], capture_output=True, check=True).stdout
        try:
            root = ET.fromstring(raw)
        except ET.ParseError:
            continue
        front = root.find(".//front")
        if front is None:
            continue
        lines = lines_of(front)
        if lines:
            docs.append({"id": "grobid:" + Path(name).name.split(".training")[0], "source": f"kermitt2/grobid@{commit}:{name}", "form": "txt", "lines": lines})
    with OUT.open("w", encoding="utf-8") as out:
        for doc in docs:
            out.write(json.dumps(doc, ensure_ascii=False) + "\n")
    print(f"{OUT}: {len(docs)} headers, {sum(len(d['lines']) for d in docs)} lines")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
