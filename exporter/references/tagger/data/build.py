"""Rebuild the reference tagger's training data (and the held-out evaluation set) from its sources.

    .venv/bin/python exporter/references/tagger/data/build.py \\
        --anystyle PATH --grobid PATH --styles PATH

Each PATH is a checkout or a bare git directory of github:inukshuk/anystyle (BSD-2-Clause),
github:kermitt2/grobid (Apache-2.0) and github:citation-style-language/styles (CC BY-SA 3.0);
LICENSES.md says what each gives. Writes, beside this file:

- anystyle-core.jsonl   AnyStyle's res/parser/core.xml, relabelled into our labels
- grobid.jsonl          GROBID's citation training corpus (grobid-trainer/.../citation/corpus)
- synthetic.jsonl       records rendered through CSL styles by citeproc-py, and through our own
                        GOST 7.1 / 7.0.5 / 7.0.100 renderer, labelled by construction

With `--giant --jabref PATH --out synthetic-giant.jsonl` (github:JabRef/abbrv.jabref.org, CC0) the
English records are GIANT-style instead (records.py `giant_records`: values half from public name
lists, more title shapes and kinds), rendered through more styles (GIANT_STYLES and a seeded sample)
with PDF-like noise on some lines: an experiment (bench/TAGGER_SETTINGS.md), off by default.

With `--parscit PATH` (github:knmnyn/ParsCit, LGPL-3.0; `--parscit-only` writes nothing else) also
parscit.jsonl: ParsCit's tagged reference sets (CORA, FLUX-CIM, humanities, ICONIP, CiteSeerX),
with the lines another source or gold.xml already has marked (`parscit_lines`, `main`): an
experiment train.py does not read (bench/TAGGER_SETTINGS.md, round 42).

and bench/entries/anystyle-gold.jsonl: AnyStyle's res/parser/gold.xml, for evaluation only (the
training script never reads bench/).

reallists.py (beside this script) writes reallists.jsonl: real papers' list entries (bench/unseen/lists.json,
batches 1-25; 26 on are the real-lists test set), labelled from their hand labels with the shipped
model's own labels for the rest: an experiment train.py reads with `--add reallists.jsonl`.

A line is {"source", "split", "text", "labels": [[start, end, label], ...]} (plus "style" and
"lang" for synthetic lines); labels cover the characters of field values, and words outside
any value (`Vol.`, `//`, `–`, `URL:`) are given to a neighbour by `resolve_gaps`. The split
is fixed: one line in ten of every source, chosen by a hash of its text (of its record, for
synthetic lines), is "heldout", and two CSL styles are held out whole. A line of core.xml or
GROBID whose text is also in gold.xml (letters and digits compared) is "evaluation-duplicate":
neither trained on nor mined for synthetic records.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import random
import re
import subprocess
import sys
import warnings
import xml.etree.ElementTree as ET
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))  # records.py, render.py and spans.py stand beside this script

from records import bib_records, cyrillic_records, english_records, giant_records  # noqa: E402
from render import csl_lines, gost_lines  # noqa: E402
from spans import line, squeeze  # noqa: E402

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[3]
GOLD = ROOT / "bench" / "entries" / "anystyle-gold.jsonl"

LABELS = (
    "author", "editor", "translator", "title", "journal", "container", "collection", "volume", "issue", "pages",
    "date", "publisher", "location", "edition", "doi", "url", "isbn", "accessed", "genre", "medium", "note", "citation-number",
)

# CSL styles whose renderings are all held out (never trained on): a style the model has not seen.
HELDOUT_STYLES = ("the-lancet", "frontiers")
STYLES = (
    "apa", "apa-6th-edition", "ieee", "american-medical-association", "chicago-author-date", "modern-language-association",
    "harvard-cite-them-right", "acm-sig-proceedings", "springer-basic-author-date", "springer-lecture-notes-in-computer-science",
    "elsevier-harvard", "elsevier-with-titles", "elsevier-vancouver", "american-chemical-society", "american-physics-society",
    "american-institute-of-physics", "nature", "science", "cell-numeric", "american-sociological-association", "annual-reviews",
    "iso690-author-date-en", "iso690-numeric-en", "din-1505-2", "institute-of-physics-numeric", "sage-harvard", "sage-vancouver",
    "multidisciplinary-digital-publishing-institute", "royal-society-of-chemistry", "taylor-and-francis-chicago-author-date",
    "china-national-standard-gb-t-7714-2015-numeric", "gost-r-7-0-5-2008", "gost-r-7-0-5-2008-numeric",
    "gost-r-7-0-5-2008-numeric-alphabetical", *HELDOUT_STYLES,
)
GOST_STYLES = ("gost-r-7-0-5-2008", "gost-r-7-0-5-2008-numeric", "gost-r-7-0-5-2008-numeric-alphabetical")
# --giant: more styles (GIANT rendered its records through ~1,500): ones that print an abbreviated
# journal with no quotes or italics between title and journal (Vancouver, physics, chemistry,
# medicine), ones with `Place: Publisher`, and a fixed random sample of the other English styles.
GIANT_STYLES = (
    "bmj", "plos", "american-geophysical-union", "angewandte-chemie", "harvard-anglia-ruskin-university", "american-political-science-association",
    "american-society-of-civil-engineers", "american-society-for-microbiology", "american-meteorological-society", "nlm-citation-sequence",
    "biomed-central", "elsevier-without-titles", "royal-society-of-chemistry-with-titles", "springer-vancouver", "springer-physics-brackets",
    "springer-mathphys-brackets", "springer-basic-brackets", "american-anthropological-association", "unified-style-sheet-for-linguistics",
    "taylor-and-francis-national-library-of-medicine", "copernicus-publications", "emerald-harvard", "american-statistical-association",
    "institute-of-mathematical-statistics", "acm-siggraph", "ecology", "current-opinion", "optics-letters", "american-physics-society-without-titles",
    "american-medical-association-no-url", "american-heart-association", "american-institute-of-aeronautics-and-astronautics",
    "american-mathematical-society-numeric", "acm-sigchi-proceedings", "apa-no-initials", "american-journal-of-sociology",
)
GIANT_SAMPLE = 40  # further English styles drawn from the snapshot (seeded), never a held-out style's family


def heldout(key: str) -> bool:
    return int(hashlib.sha1(key.encode("utf-8")).hexdigest(), 16) % 10 == 0


# ---- reading a repository -------------------------------------------------------------------


class Repo:
    """Files of a checkout or of a bare git directory (the `fetch` tool's mirrors)."""

    def __init__(self, path: str):
        self.path = Path(path)
        self.bare = not (self.path / ".git").exists() and (self.path / "HEAD").exists()

    def read(self, name: str) -> str:
        if not self.bare:
            return (self.path / name).read_text(encoding="utf-8")
        return subprocess.run(["git", "--git-dir", str(self.path), "show", f"HEAD:{name}"], check=True, capture_output=True).stdout.decode("utf-8")

    def list(self, folder: str) -> list[str]:
        if not self.bare:
            return sorted(str(p.relative_to(self.path)) for p in (self.path / folder).rglob("*") if p.is_file())
        out = subprocess.run(["git", "--git-dir", str(self.path), "ls-tree", "-r", "--name-only", "HEAD", folder], check=True, capture_output=True)
        return sorted(out.stdout.decode("utf-8").splitlines())


# ---- AnyStyle ------------------------------------------------------------------------------

_ANYSTYLE = {
    "author": "author", "editor": "editor", "translator": "translator", "director": "author", "producer": "author",
    "date": "date", "title": "title", "container-title": "container", "journal": "journal", "volume": "volume",
    "pages": "pages", "publisher": "publisher", "location": "location", "note": "note", "genre": "genre", "url": "url",
    "doi": "doi", "isbn": "isbn", "edition": "edition", "collection-title": "collection", "citation-number": "citation-number",
    "source": "note", "medium": "medium", "dataset": "note",
}


def split_volume(text: str, start: int, end: int, chars: list[str | None]) -> None:
    """AnyStyle labels `13(2),` or `Vol. 3, No. 2` as one volume: the part in brackets after a
    number, or after `No.`/`Issue`/`n.`/`№`, is the issue (GROBID and CSL keep them apart)."""
    segment = text[start:end]
    m = re.search(r"(?<=\d)\s?\(([^()]+)\)|(?:\b[Nn]o\.?|\b[Nn]r\.|\bn\.|\b[Ii]ss(?:ue)?\.?|№|\bNumber)\s?([\w–-]+)", segment)
    if m:
        g = 1 if m.group(1) else 2
        for k in range(start + m.start(), end if g == 2 else start + m.end()):
            chars[k] = "issue"


def anystyle_lines(repo: Repo, name: str, source: str, split_by_hash: bool = True) -> list[dict]:
    root = ET.fromstring(repo.read(f"res/parser/{name}"))
    out = []
    for seq in root.iter("sequence"):
        text, chars = "", []
        for el in seq:
            value = " ".join((el.text or "").split())
            if not value:
                continue
            if text:
                text += " "
                chars.append(None)
            label = _ANYSTYLE.get(el.tag, "note")
            start = len(text)
            text += value
            chars += [label] * len(value)
            if label == "volume":
                split_volume(text, start, len(text), chars)
        if text:
            split = ("heldout" if heldout(text) else "train") if split_by_hash else "evaluation"
            out.append(line(source, split, text, chars))
    return out


# ---- GROBID --------------------------------------------------------------------------------

_TEI = "{http://www.tei-c.org/ns/1.0}"


def _grobid_label(el: ET.Element, has_article_title: bool, org: str = "publisher") -> str | None:
    """Our label of a GROBID element (None: its text is between values). `org` is an untyped
    `orgName`'s: after the title it is the school of a thesis or the institution of a report
    (BibTeX's `school`/`institution`, CSL's `publisher`), before it a corporate author
    (`National Research Council (NRC)`); a `collaboration` is always an author."""
    tag = el.tag.replace(_TEI, "")
    if tag == "orgName":
        return "author" if el.get("type") == "collaboration" else org
    level = el.get("level")
    unit = el.get("unit") or el.get("type")
    kind = (el.get("type") or "").lower()
    if tag == "title":
        return {"a": "title", "j": "journal", "s": "collection"}.get(level or "", "container" if has_article_title else "title")
    if tag == "biblScope":
        return {"volume": "volume", "vol": "volume", "issue": "issue", "page": "pages", "pp": "pages"}.get(unit or "", "volume")
    if tag == "idno":
        return "doi" if kind == "doi" else "isbn" if kind in ("isbn", "issn") else "note"
    if tag == "note":
        return "genre" if kind == "report" else "note"
    return {"author": "author", "editor": "editor", "date": "date", "publisher": "publisher", "pubPlace": "location",
            "ptr": "url", "institution": "publisher"}.get(tag)


def _grobid_walk(el: ET.Element, label: str | None, has_a: bool, text: list[str], chars: list, state: dict) -> None:
    """`state`: {"org": what an untyped orgName is (its first use by grobid_lines says), "titled": a title was read}."""
    if el.text:
        text.append(el.text)
        chars.extend([label] * len(el.text))
    for child in el:
        tag = child.tag.replace(_TEI, "")
        if tag == "lb":
            text.append(" ")
            chars.append(None)
        else:
            own = _grobid_label(child, has_a, state["org"] if state["titled"] else "author")
            state["titled"] = state["titled"] or tag == "title"
            _grobid_walk(child, label or own, has_a, text, chars, state)
        if child.tail:
            text.append(child.tail)
            chars.extend([label] * len(child.tail))


def grobid_lines(repo: Repo, org: str = "publisher") -> list[dict]:
    """GROBID's labelled references; `org` is an untyped orgName's label after the title (see
    `_grobid_label`; "author" gives the lines the synthetic records were mined from until round 41)."""
    out = []
    for name in repo.list("grobid-trainer/resources/dataset/citation/corpus"):
        if not name.endswith(".xml"):
            continue
        raw = repo.read(name)
        raw = re.sub(r"<\?xml[^>]*\?>", "", raw)
        try:
            root = ET.fromstring(raw)
        except ET.ParseError:
            continue
        for bibl in root.iter():
            if bibl.tag.replace(_TEI, "") != "bibl":
                continue
            has_a = any(t.tag.replace(_TEI, "") == "title" and t.get("level") == "a" for t in bibl.iter())
            text: list[str] = []
            chars: list = []
            _grobid_walk(bibl, None, has_a, text, chars, {"org": org, "titled": False})
            full = "".join(text)
            if len(full.split()) < 3 or not any(chars):
                continue
            joined = "".join(full)
            if re.search(r"[\uac00-\ud7af]", joined):  # GROBID's Korean references: not our languages
                continue
            squeezed, _ = squeeze(joined, chars)
            out.append(line("grobid", "heldout" if heldout(squeezed) else "train", joined, chars))
    return out



# ---- ParsCit -------------------------------------------------------------------------------

# ParsCit's tagged reference sets (github:knmnyn/ParsCit, crfpp/taggeddata/): one reference a line,
# its segments in `<tag> words </tag>`. cora: the CORA set (computer science, 500); flux-cim-cs:
# FLUX-CIM's computer science set (300); en-, it-, mixed-humanities: humanities references in
# English and Italian (`Firenze 1989`, `in D. Lanza – O. Longo,`); iconip: ICONIP papers' references;
# doc/citeseerx: CiteSeerX references of many fields (199).
PARSCIT_SETS = ("crfpp/taggeddata/cora", "crfpp/taggeddata/flux-cim-cs", "crfpp/taggeddata/en-humanities", "crfpp/taggeddata/it-humanities",
                "crfpp/taggeddata/mixed-humanities", "crfpp/taggeddata/iconip", "doc/citeseerx")
_PARSCIT = {
    "author": "author", "title": "title", "editor": "editor", "booktitle": "container", "journal": "journal",
    "volume": "volume", "date": "date", "pages": "pages", "location": "location", "publisher": "publisher",
    "institution": "publisher", "tech": "genre", "note": "note", "notes": "note",
}


def parscit_lines(repo: Repo) -> list[dict]:
    """ParsCit's labelled references in our labels: `booktitle` is the container, `institution`
    the publisher (a report's, as GROBID's), `tech` (`Technical Report TR-12`) the genre; a
    volume's bracketed issue is split off as AnyStyle's is (`split_volume`). A `<br>` (FLUX-CIM's) and
    a tag of no field (`contexts`) are dropped; a line is kept once (the humanities sets share lines)."""
    out, seen = [], set()
    for name in PARSCIT_SETS:
        for raw in repo.read(f"{name}.tagged.txt").splitlines():
            text, chars = "", []
            for tag, body in re.findall(r"<([a-z]+)>(.*?)</\1>", raw):
                value = " ".join(body.split())
                label = _PARSCIT.get(tag)
                if not value or label is None:
                    continue
                if text:
                    text += " "
                    chars.append(None)
                start = len(text)
                text += value
                chars += [label] * len(value)
                if label == "volume":
                    split_volume(text, start, len(text), chars)
            key = _letters_of(text)
            if len(text.split()) < 3 or key in seen:
                continue
            seen.add(key)
            out.append(line("parscit", "heldout" if heldout(text) else "train", text, chars, set=name.rsplit("/", 1)[-1]))
    return out


# ---- public name lists (--giant) ------------------------------------------------------------

_LATIN = re.compile(r"[A-Za-z\u00c0-\u024f .,:;&'’()/\-]+")
_SMALL = {"a", "an", "and", "as", "at", "by", "de", "der", "des", "di", "du", "for", "from", "in", "la", "le", "of", "on", "or", "the", "to", "und", "with"}


def title_case(name: str) -> str:
    """`AMERICAN SOCIETY FOR MICROBIOLOGY` or `glasgow school of art` as a list prints it."""
    words = name.lower().split()
    return " ".join(w if i and w in _SMALL else w[:1].upper() + w[1:] for i, w in enumerate(words))


def _jabref_journals(jabref: Repo) -> list[tuple[str, str]]:
    """(full title, ISO-4 or NLM abbreviation) pairs of JabRef's lists (CC0)."""
    import csv

    pairs = set()
    for name in jabref.list("journals"):
        if not name.endswith(".csv") or "ieee_strings" in name:
            continue
        for row in csv.reader(jabref.read(name).splitlines()):
            if len(row) >= 2 and row[0].strip() and row[1].strip() and 1 <= len(row[0].split()) <= 12 and _LATIN.fullmatch(row[0] + row[1]):
                pairs.add((row[0].strip(), row[1].strip()))
    return sorted(pairs)


def external_pools(grobid: Repo, jabref: Repo) -> dict[str, list]:
    """Names from public lists (LICENSES.md): journals with abbreviations (JabRef), conference
    names, publishers, universities and cities (GROBID's lexicon; cities from GeoNames)."""
    lex = "grobid-home/lexicon/"

    def lines(name: str) -> list[str]:
        return [x.strip() for x in grobid.read(lex + name).splitlines() if x.strip()]

    def fits(name: str, most: int) -> bool:
        return 1 <= len(name.split()) <= most and bool(re.fullmatch(r"[A-Za-z\u00c0-\u024f .,&'’()\-]+", name))

    publishers = sorted({title_case(x) if x.isupper() else x for x in lines("publishers/publishers.txt") if fits(x, 7)})
    universities = sorted({title_case(x) for x in lines("organisations/education.university") if fits(x, 8) and re.search(r"universit|college|institut|school", x, re.I)})
    cities = sorted({x for x in lines("places/cities15000.txt") if fits(x, 3) and x[:1].isupper() and x.isascii()})
    return {"journals": _jabref_journals(jabref), "conferences": sorted(set(lines("journals/proceedings.txt"))),
            "publishers": publishers, "universities": universities, "places": cities}


def sampled_styles(styles: Repo, rng: random.Random) -> tuple[str, ...]:
    """GIANT_SAMPLE independent English styles of the snapshot, none of a held-out style's family."""
    names = [n[:-4] for n in styles.list(".") if n.endswith(".csl") and "/" not in n]
    names = [n for n in names if not n.startswith(HELDOUT_STYLES) and n not in STYLES + GIANT_STYLES]
    chosen = []
    for name in rng.sample(names, len(names)):
        head = styles.read(f"{name}.csl")[:3000]
        locale = re.search(r'default-locale="([^"]+)"', head)
        if locale is None or locale[1].startswith("en"):
            chosen.append(name)
        if len(chosen) == GIANT_SAMPLE:
            break
    return tuple(sorted(chosen))


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--anystyle", required=True)
    parser.add_argument("--grobid", required=True)
    parser.add_argument("--styles", required=True)
    parser.add_argument("--seed", type=int, default=16)
    parser.add_argument("--giant", action="store_true", help="GIANT-style English records (public name lists, more title shapes and "
                        "kinds), more CSL styles and PDF-like text noise; needs --jabref (default off: main's synthetic data)")
    parser.add_argument("--jabref", help="checkout or bare git directory of github:JabRef/abbrv.jabref.org (CC0), for --giant")
    parser.add_argument("--noise", type=float, help="with --giant: the share of CSL training lines given PDF-like noise "
                        "(default render.NOISE; 0 for none: the lines after the first one it spares are another random draw)")
    parser.add_argument("--out", default="synthetic.jsonl", help="the synthetic lines' file name beside this script")
    parser.add_argument("--parscit", help="checkout or bare git directory of github:knmnyn/ParsCit (LGPL-3.0): writes "
                        "parscit.jsonl (its tagged reference sets; off by default: an experiment until a model is trained on it)")
    parser.add_argument("--parscit-only", action="store_true", help="with --parscit: write parscit.jsonl only (the other files as they are)")
    args = parser.parse_args(argv)
    if args.parscit_only and not args.parscit:
        parser.error("--parscit-only needs --parscit PATH")
    if args.giant and not args.jabref:
        parser.error("--giant needs --jabref PATH (JabRef's journal abbreviation lists)")
    warnings.simplefilter("ignore")
    anystyle, grobid, styles = Repo(args.anystyle), Repo(args.grobid), Repo(args.styles)
    gold = anystyle_lines(anystyle, "gold.xml", "anystyle-gold", split_by_hash=False)
    # gold.xml shares references with core.xml (and GROBID's corpus may too): a line whose text
    # is a gold line is never trained on ("evaluation-duplicate"), nor mined for records.
    gold_texts = {_letters_of(x["text"]) for x in gold}
    core = _exclude(anystyle_lines(anystyle, "core.xml", "anystyle-core"), gold_texts)
    grob = _exclude(grobid_lines(grobid), gold_texts)
    if args.parscit:
        # Most of ParsCit's lines are already GROBID's (its corpus holds the CORA, FLUX-CIM,
        # humanities, ICONIP and CiteSeerX lines; CORA's are core.xml's too) or gold.xml's (154 of
        # CORA's): a line that is a gold line or a held-out line of the other real sets is
        # "evaluation-duplicate", one that is a training line of theirs "duplicate"; neither is
        # trained on. (GROBID's citation/evaluation files, 327 physics references, were checked
        # the same way in round 42: every line is in its corpus or in gold.xml, so none is read.)
        held = {_letters_of(x["text"]) for x in core + grob if x["split"] == "heldout"}
        trained = {_letters_of(x["text"]) for x in core + grob if x["split"] == "train"}
        pars = _exclude(parscit_lines(Repo(args.parscit)), gold_texts | held)
        for x in pars:
            if x["split"] != "evaluation-duplicate" and _letters_of(x["text"]) in trained:
                x["split"] = "duplicate"
        _write(HERE / "parscit.jsonl", pars)
        print("parscit: " + ", ".join(f"{k} {sum(x['split'] == k for x in pars)}" for k in ("train", "heldout", "duplicate", "evaluation-duplicate")), file=sys.stderr)
        if args.parscit_only:
            return 0
    rng = random.Random(args.seed)
    # The records are mined with GROBID's untyped orgName read as an author, as before round 41's
    # relabelling (`grobid_lines`), so that it changes GROBID's lines and not every synthetic record.
    mined = [x for x in core + _exclude(grobid_lines(grobid, org="author"), gold_texts) if x["split"] == "train"]
    if args.giant:
        ext = external_pools(grobid, Repo(args.jabref))
        english = bib_records(ROOT) + giant_records(mined, ext, rng)
        style_names = STYLES + GIANT_STYLES + sampled_styles(styles, rng)
    else:
        english, style_names = english_records(mined, ROOT, rng), STYLES
    cyrillic = cyrillic_records(json.loads((HERE / "cyrillic_pools.json").read_text(encoding="utf-8")), rng)
    synthetic = csl_lines(english, cyrillic, styles, style_names, GOST_STYLES, HELDOUT_STYLES, heldout, rng, giant=args.giant, noise=args.noise)
    synthetic += gost_lines(cyrillic, rng, heldout)
    for name, lines in (("anystyle-core.jsonl", core), ("grobid.jsonl", grob), (args.out, synthetic)):
        _write(HERE / name, lines)
    _write(GOLD, gold)
    for name, lines in (("core", core), ("grobid", grob), ("synthetic", synthetic), ("gold", gold)):
        print(f"{name}: {len(lines)} lines, {sum(x['split'] == 'heldout' for x in lines)} held out", file=sys.stderr)
    return 0


def _letters_of(text: str) -> str:
    return re.sub(r"\W+", "", text.casefold())


def _exclude(lines: list[dict], texts: set[str]) -> list[dict]:
    for x in lines:
        if _letters_of(x["text"]) in texts:
            x["split"] = "evaluation-duplicate"
    return lines


def _write(path: Path, lines: list[dict]) -> None:
    tmp = path.with_suffix(".tmp")
    with tmp.open("w", encoding="utf-8") as f:
        for x in lines:
            f.write(json.dumps(x, ensure_ascii=False, separators=(",", ":")) + "\n")
    tmp.replace(path)


if __name__ == "__main__":
    raise SystemExit(main())
