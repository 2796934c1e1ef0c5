"""Reference lists of papers nobody on the project had read, against hand labels (issue 16's
"real Russian/English lists you do not have").

    .venv/bin/python bench/unseen_lists.py                    # writes bench/UNSEEN_LISTS.md
    .venv/bin/python bench/unseen_lists.py --out - -v         # to stdout, with every miss
    .venv/bin/python bench/unseen_lists.py --save-first-run "what was run"   # once, before any fix
    .venv/bin/python bench/unseen_lists.py --out - -v --batch 3            # the misses of one batch only
    .venv/bin/python bench/unseen_lists.py --batch 3 --save-first-run "…"  # a later batch's first run
    .venv/bin/python bench/unseen_lists.py --labelled-lines now.json      # every labelled line as read
    .venv/bin/python bench/unseen_lists.py --compare main.json now.json   # field by field, main vs this tree (held-out and gold.xml lines counted only)
    .venv/bin/python bench/unseen_lists.py --out - --batches 26-31 --model /tmp/m.crfsuite   # another tagger model, some batches only

A change is checked on every labelled line before it is kept: run --labelled-lines in a copy of
main (`git archive main | tar -x -C /tmp/main`, with this venv's python, from that folder) and in
this tree, then --compare the two files.

Batches: 1, the papers of the first run (read since to write rules); 2, labelled by lists18 after
those fixes, never read until lists20 kept its first run and read it; 3, labelled by lists19 before
the tool ran, first run kept, then read to write rules; 4, labelled by lists20 (Russian and Kazakh
papers) before the tool ran, first run kept; 5, labelled by lists21 (Russian and English papers,
Word and PDF) before the tool ran, first run kept; 6, labelled by lists23 (Kazakhstani journals' and
conferences' papers, English Chicago, Harvard and APA 7 papers, all PDF) before the tool ran, first
run kept; 7, labelled by lists24 (Russian papers printed in two posted proceedings volumes, read as
their offprints, one Kazakhstani) before the tool ran, first run kept; 8-10 likewise; 11, labelled by
lists27 (the first Kazakh-language list, a Kazakhstani dissertation's, four Russian lists, one in
the APS style) before the tool ran, first run kept; 12 likewise, after 11's fixes; 13, labelled by
lists28 (two IEEE conference PDFs, Russian theses and coursework in Word and PDF) before the tool
ran, first run kept; 14, labelled by lists28 after 13's fixes with the code frozen (Chicago
author-date, Elsevier numbered and Harvard, a Russian Word thesis), first run kept; 15, labelled by
lists31 (Russian GOST lists citing English journals, standards and web pages, a list in parts, an
English IEEE report) before the tool ran, first run kept; 16, labelled by lists31 after 15's fixes
with the code frozen (Russian Word reports, Chicago author-date, ACS), first run kept; 17, labelled by
lists32 (Russian theses with home-made slash forms, IEEE, Chicago, a Word list of MDPI/IEEE/Vancouver
entries) before the tool ran, first run kept; 18, labelled by lists33 (a Russian thesis with biblatex's
Russian-localised standard style, an English paper with a home-made English form of Russian
sources, a Russian essay with `Given Family` names run into the title) before the tool ran, first
run kept; 19, labelled by lists33 after 18's fixes with the code frozen (authors after the
description, Google Scholar's GOST export, `Title // Site` web pages), first run kept; 20, labelled
by lists33 after 19's fixes with the code frozen (a list in five headed parts, APA with quoted
titles), first run kept; 21, labelled by lists35 (a Russian GOST 7.1 thesis in Word and PDF, an English
Harvard review in Word and PDF, a Russian biblatex-gost thesis, a Russian GOST 7.0.5 master's thesis
with `Place: Publisher` books) before the tool ran, first run kept; 22, labelled by lists35 after 21's
fixes with the code frozen (Google Scholar's MLA and GOST exports in a Russian Word list, the first
Markdown list: APA as paragraphs), first run kept; 23, labelled by lists36 (Russian GOST theses in PDF,
a Russian author-date Word list, English Leeds Beckett Harvard, BMJ Vancouver and a home-made
Harvard in Word) before the tool ran, first run kept; 24, labelled by lists37 (Russian GOST-like theses in
PDF and Word, Elsevier Vancouver and AOS (Auk/Condor) lists in Word, an Elsevier author-year PDF with line
numbers) before the tool ran, first run kept; 25, labelled by lists39 (Russian coursework PDFs in biblatex's
Russian-localised style and a home-made web-page form, a Russian Word diploma with `//` before every host, English Word
reports in home-made and Google Scholar APA, an APA 7 thesis PDF in two headed parts) before the tool ran, first run kept; 26, labelled
by lists40 (a justified Russian GOST 7.0.100-like PDF, Russian Word lists under Word's automatic numbering, Zotero's Chicago
author-date, MLA 7 typed a paragraph a line, an ACL two-column PDF) before the tool ran, first run kept; 27, labelled
by lists41 (Russian Word reports and theses in GOST-like forms, a Russian PDF report, papaja's APA 6 in Word, an APA 7 PDF
with line numbers and no heading, two IEEE-like two-column PDFs) before the tool ran, first run kept; 28, labelled by lists44
(Russian Word theses in home-made forms, Zotero's ACS in Word under `Refrences`, ABNT and pandoc's Chicago author-date
PDFs) before the tool ran, first run kept; 29, labelled by lists45 (Russian Word theses with glued GOST marks and
`Режим доступа` pages, a Russian PDF thesis with `Title / Given Family // Proceedings — P.`, acmart's ACM format, a
home-made Chicago, IEEE in Word, SAGE Harvard) before the tool ran, first run kept; 30, labelled by lists45 after 29's
fixes with the code frozen (a Russian PDF thesis of standards and web pages, a Chicago article with transliterated
Arabic names, Russian Word reports with `"Title" by Name` and `«Title» Name` books), first run kept; 31, labelled by
lists46 after 30's fixes with the code frozen (a Russian GOST 7.1 PDF diploma, English Word papers in a home-made APA typed
two paragraphs an entry, MLA 8, IEEE and APA 7, a LaTeX plainnat PDF; no Kazakh list found), first run kept; 32, labelled by
lists47 after 31's fixes with the code frozen (English Chicago notes-bibliography in Word, a two-column IEEE PDF, an APA 7 PDF,
a Russian PDF coursework of web pages in a GOST frame, Russian Word lists in GOST 7.0.100; no Kazakh list found), first run
kept; 33, labelled by lists48 after 32's fixes with the code frozen (a Russian diploma PDF with numbered home-made GOST-like
forms, Russian Word coursework in a home-made form and in GOST 7.0.100, English Cite Them Right Harvard in Word, a Chicago
author-date list printed with no heading, BibTeX's plain style over ACM records; no Kazakh list found), first run kept; 34, labelled
by lists49 after 33's fixes with the code frozen (a Russian GOST 7.0.100 thesis in Word and PDF with DOIs before `//`, Russian Word
lists of `// site.ru: Description` pages, standards and orders, and of GOST web pages, Zotero's PLOS Vancouver in Word, PeerJ's
author-year PDF with line numbers, an IEEEtran PDF with plainnat-like names; no Kazakh list found), first run kept; 35, labelled
by lists50 after 34's fixes with the code frozen (Russian PDF theses with a home-made `I. Family Title [Текст] / Names //` form and
with justified Belarusian-form web pages, a Russian Word thesis of Google Scholar's GOST export, a Russian Word coursework in home-made
GOST-like forms, an English Word essay in home-made Cite Them Right Harvard, a Springer `sn-mathphys-num` PDF with line numbers; no
Kazakh list found), first run kept; 36, labelled by lists51 after 35's fixes with the code frozen (Russian Word theses of GOST
7.1-like books and of GOST 7.0.100-like `Title / Site [сайт]` web pages, Russian PDF theses in GOST 7.1 and in Google Scholar's
GOST export printed by macOS Quartz, English Word papers in APA 7, in a home-made `Given Family` form and in Citation Machine's
APA 6 under `Works Cited Page`; no Kazakh list found), first run kept; 37, labelled by lists52 after 36's fixes and the comparison's
title rules (10) and (11) with the code frozen (journal and conference articles rather than theses: a ReScience C PDF in biblatex's
numeric style, an Elsevier Cognition PDF in its APA-like form, a Dermatological Nursing PDF in a Vancouver-like form with corporate
authors, Russian Word articles of home-made web sources, of `//` before a book's imprint and of GOST 7.0.5 web pages, a Ukrainian
Word article's IEEE-like list; no Kazakh list found), first run kept. Earlier first
runs are recomputed on their own code when a label is corrected (`batch_N_label_fixes`: the `№ n (m)`
convention). Each later batch's section
comes from lists.json:
`batch_N` (what it is), `batch_N_heading`, `first_run_N` (its table when first run), and
`after_first_run_N` (what was done after reading its misses).

The labels are in bench/unseen/lists.json (written by hand from the raw text before the tool ran
on the papers; see its `method`). The papers are those of bench/unseen/papers.json (by `name`)
plus those with a `source` of their own in lists.json (with `pages`, [first, last], when the paper
is printed inside a proceedings volume: those pages are cut out with poppler's pdfseparate and
pdfunite and read as the paper, its offprint); each is taken from its repository's snapshot
(the `fetch` tool puts them under /work/.mirror; --mirrors changes the root) with `git show
COMMIT:PATH`, as bench/unseen_frontmatter.py does. Each paper is read the way
`exporter check` reads it, in every form it has: a PDF as the PDF and as pdftotext's text of it
(`-enc UTF-8`, as the corpus's text files were made), a Word paper as it is.

Scored per form: the list found (a paper without a list: none found), the number of entries
right, and for each labelled entry (found among the entries read by its first words, in order)
the seven fields of bench/entry_fields.py's labelled-set table with its normalisation
(`label_values` for the labels, `parsed_values` for what was read). An entry the reader did not
make (glued to another, or lost) counts as wrong in every field it has. `entry`: every field
right, absent where the label has none.

A comparison convention (since tagger41): a container that only names arXiv (`arXiv preprint`,
`arXiv`, `arXiv:1810.04805`: the lists' labels since batch 1 make it the container) counts as no
container, in the label and in the parse alike. The public labelled sets (AnyStyle's, GROBID's)
label `arXiv preprint arXiv:NNNN` a note, and the parser mostly reads it so: a preprint server is
BibLaTeX's `eprinttype`, not a journal (Google Scholar's BibTeX puts it in `journal`: either is
taken). A host named after GOST's `//` (`// Сайт Arxiv.org`) is a web site's name and stays the
container. The labels in lists.json are kept as written.
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
import tempfile
import unicodedata
from collections import Counter
from pathlib import Path

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
for folder in (ROOT, BENCH):
    if str(folder) not in sys.path:
        sys.path.insert(0, str(folder))

from entry_fields import DATA, GOLD, SET_FIELDS, label_values, parsed_values, truth_values  # noqa: E402  (bench/entry_fields.py)
from unseen_frontmatter import source_bytes  # noqa: E402  (bench/unseen_frontmatter.py)

from exporter.diagnostics import InputError  # noqa: E402
from exporter.pipeline import read_and_link  # noqa: E402
from exporter.references.fields import parse_entry  # noqa: E402

LISTS = BENCH / "unseen" / "lists.json"
PAPERS = BENCH / "unseen" / "papers.json"
# Issue 16's targets on real Russian/English lists.
TARGETS = {"first_author": 0.95, "year": 0.97, "title": 0.90, "pages": 0.90, "container": 0.85, "volume": 0.85, "publisher": 0.80, "entry": 0.70}
RUSSIAN = re.compile(r"[а-яё]", re.IGNORECASE)


def _letters(text: str) -> str:
    return re.sub(r"[\W_\d]+", "", unicodedata.normalize("NFKC", text).casefold())


def align(labelled: list[dict], entries: list) -> list:
    """The entry read for each labelled one (or None): the next entry, in order, whose text
    starts with the label's first words (letters only, the list number aside)."""
    found, at = [], 0
    for item in labelled:
        start = _letters(item["start"])
        hit = next((i for i in range(at, len(entries)) if _letters(entries[i].text).startswith(start)), None)
        found.append(entries[hit] if hit is not None else None)
        if hit is not None:
            at = hit + 1
    return found


def read_entries(path: Path):
    """The entries of the paper's own list as `check` has them: read, then given fields by the linker
    (a paper `check` crashes on is refused, its error named, so that one paper does not stop the bench)."""
    try:
        return list(read_and_link(str(path), named_bib=False).document.references)
    except InputError as exc:
        return exc
    except Exception as exc:  # noqa: BLE001  a crash reading the paper is a paper not read: scored as refused, the error named
        return InputError(path.name, f"crashed: {type(exc).__name__}: {exc}")


def cut_pages(source: Path, pages: list[int]) -> None:
    """Keep pages FIRST..LAST (1-based) of the PDF `source`, in place: a paper printed in a
    proceedings volume or a journal issue is read as its offprint, its pages only."""
    first, last = pages
    parts = [source.with_name(f"{source.stem}-page{n}.pdf") for n in range(first, last + 1)]
    subprocess.run(["pdfseparate", "-f", str(first), "-l", str(last), str(source), str(source.with_name(f"{source.stem}-page%d.pdf"))],
                   check=True, capture_output=True)
    whole = source.with_name(f"{source.stem}-cut.pdf")
    subprocess.run(["pdfunite", *map(str, parts), str(whole)], check=True, capture_output=True)
    whole.replace(source)
    for part in parts:
        part.unlink()


def forms_of(paper: dict, data: bytes, tmp: Path) -> list[tuple[str, Path]]:
    kind = paper.get("form", "pdf")
    source = tmp / f"{paper['paper']}.{kind}"
    source.write_bytes(data)
    if kind != "pdf":
        return [(kind, source)]
    if paper.get("pages"):
        cut_pages(source, paper["pages"])
    txt = source.with_suffix(".txt")
    subprocess.run(["pdftotext", "-enc", "UTF-8", str(source), str(txt)], check=True, capture_output=True)
    return [("txt", txt), ("pdf", source)]


_ARXIV = re.compile(r"arxiv(?: preprint)?(?:\s*arxiv)?(?::\s*\S+)?", re.IGNORECASE)


def only_arxiv(container: str | None) -> bool:
    """Whether a container only names arXiv (the docstring's convention: then it is no container)."""
    return bool(container and _ARXIV.fullmatch(container.strip(" .,;")))


def convention_labels(item: dict) -> dict:
    """The hand labels as compared: a container that only names arXiv is none."""
    return item | {"container": None} if only_arxiv(item.get("container")) else item


def convention_fields(fields: dict) -> dict:
    """The fields read as compared: a journal or book title that only names arXiv is none."""
    return {k: v for k, v in fields.items() if not (k in ("journal", "booktitle") and only_arxiv(v))}


def score_entries(labelled: list[dict], entries: list) -> list[dict]:
    """Per labelled entry: each field's (truth, read) normalised, and whether it was found."""
    rows = []
    for item, entry in zip(labelled, align(labelled, entries)):
        truth = label_values(convention_labels(item))
        got = parsed_values(convention_fields(dict(entry.fields))) if entry is not None else dict.fromkeys(SET_FIELDS)
        rows.append({"start": item["start"], "found": entry is not None, "truth": truth, "got": got,
                     "text": entry.text if entry is not None else None, "russian": bool(RUSSIAN.search(item.get("title") or item["start"]))})
    return rows


def score(lists: list[dict], sources: dict[str, dict], mirrors: Path) -> tuple[list[dict], list[str]]:
    results, missing = [], []
    with tempfile.TemporaryDirectory() as tmp:
        for paper in lists:
            where = paper if "source" in paper else sources.get(paper["paper"])
            data = source_bytes(where["source"], mirrors) if where else None
            if data is None:
                missing.append(paper["paper"])
                continue
            for form, path in forms_of(where | {"paper": paper["paper"]}, data, Path(tmp)):
                entries = read_entries(path)
                refused = str(entries) if isinstance(entries, InputError) else None
                entries = [] if refused else entries
                results.append({"paper": paper["paper"], "batch": paper.get("batch", 1), "form": form, "expected": paper["entries_in_list"], "read": len(entries),
                                "refused": refused, "entries": score_entries(paper["entries"], entries)})
    return results, missing


def tally(results: list[dict], keep=lambda row: True) -> dict:
    """Field accuracy (correct, labelled), spurious fields, entries all right, lists found and counted."""
    out = {f: [0, 0] for f in SET_FIELDS} | {"entry": [0, 0], "found": [0, 0], "list": [0, 0], "count": [0, 0]}
    for r in results:
        out["list"][0] += (r["read"] > 0) == (r["expected"] > 0)
        out["list"][1] += 1
        out["count"][0] += r["read"] == r["expected"]
        out["count"][1] += 1
        for row in filter(keep, r["entries"]):
            out["found"][0] += row["found"]
            out["found"][1] += 1
            for f in SET_FIELDS:
                if row["truth"][f] is not None:
                    out[f][0] += row["truth"][f] == row["got"][f]
                    out[f][1] += 1
            out["entry"][0] += all(row["truth"][f] == row["got"][f] for f in SET_FIELDS)
            out["entry"][1] += 1
    return out


def groups(results: list[dict]) -> dict[str, dict]:
    table = {}
    for form in ("txt", "pdf", "docx", "md"):
        part = [r for r in results if r["form"] == form]
        if part:
            table[form] = tally(part)
    table["all forms"] = tally(results)
    table["Russian entries (docx)"] = tally([r for r in results if r["form"] == "docx"], lambda row: row["russian"])
    table["English entries"] = tally(results, lambda row: not row["russian"])
    return table


def _cell(pair: list[int], first: list[int] | None = None) -> str:
    c, n = pair
    text = f"{c}/{n} ({c / n:.0%})" if n else "–"
    if first is not None and first[1]:
        text += f" [{first[0] / first[1]:.0%}]"
    return text


COLUMNS = ("list", "count", "found") + SET_FIELDS + ("entry",)


def _table(table: dict[str, dict], first_run: dict | None) -> list[str]:
    out = ["| read | " + " | ".join(COLUMNS) + " |", "|---|" + "---:|" * len(COLUMNS)]
    for name, row in table.items():
        first = (first_run or {}).get("table", {}).get(name, {})
        out.append(f"| {name} | " + " | ".join(_cell(row[c], first.get(c)) for c in COLUMNS) + " |")
    return out


def _unmet(row: dict) -> str:
    miss = [f"{k} {row[k][0] / row[k][1]:.1%} < {v:.0%}" for k, v in TARGETS.items() if row[k][1] and row[k][0] / row[k][1] < v]
    return ("Targets not met: " + "; ".join(miss) + ".") if miss else "Targets: all met."


def _later_batch(listed: dict, n: int, part: list[dict]) -> list[str]:
    """The section of batch n (2 and later): its description, the table (now, and [the first
    run] when one was kept), what was done after its first run."""
    first = listed.get(f"first_run_{n}")
    labelled = sum(len(r["entries"]) for r in part if r["form"] != "pdf")
    heading = listed.get(f"batch_{n}_heading", f"Batch {n}")
    out = [f"## {heading}", "", f"{listed.get(f'batch_{n}', '')} {len({r['paper'] for r in part})} papers, {labelled} labelled entries"
           + (" (a PDF's entries count again in its forms)." if any(r["form"] == "pdf" for r in part) else ".")]
    if first:
        out += ["", f"Each cell: now, and [the first run] ({first['what']})."]
    table = groups(part)
    out += [""] + _table({k: v for k, v in table.items() if v["list"][1]}, first)
    out += ["", f"All forms: {_unmet(table['all forms'])}", ""]
    if first:
        out += [f"First run, all forms: {_unmet({k: tuple(v) for k, v in first['table']['all forms'].items()})}", ""]
    notes = listed.get(f"after_first_run_{n}", ())
    if notes:
        out += [f"After batch {n}'s first run:", ""] + [f"- {note}" for note in notes] + [""]
    return out


def report(results: list[dict], missing: list[str], listed: dict) -> str:
    first_run, notes = listed.get("first_run"), listed.get("after_first_run", ())
    later = sorted({r["batch"] for r in results if r["batch"] > 1})
    by_batch = {n: [r for r in results if r["batch"] == n] for n in later}
    results = [r for r in results if r["batch"] == 1]
    table = groups(results)
    papers = sorted({r["paper"] for r in results})
    labelled = sum(len(r["entries"]) for r in results if r["form"] != "pdf")
    out = [
        "# Reference lists of papers nobody here had read",
        "",
        "Written by `bench/unseen_lists.py` (see its docstring). Labels: bench/unseen/lists.json (written by hand from the raw "
        f"text before the tool ran; sources and licences there and in bench/unseen/papers.json). {len(papers)} papers, "
        f"{labelled} labelled entries (PDF papers are read twice: as the PDF and as pdftotext's text, so their entries count in both rows). "
        "`list`: a list found where there is one, none where there is none; `count`: the number of entries right; `found`: labelled "
        "entries the reader made (by their first words); the fields: correct / labelled, normalised as bench/entry_fields.py's "
        "labelled-set table; `entry`: every field right, absent where the label has none. A container that only names arXiv "
        "(`arXiv preprint`, `arXiv`, `arXiv:NNNN`) counts as no container, label and parse alike (since tagger41: the public "
        "labelled sets and mostly the parser read `arXiv preprint arXiv:NNNN` as a note, BibLaTeX's eprint; the labels are kept as written). "
        "Titles are compared by their title proper (since lists52, the lead's decision on two label questions lists51 raised; "
        "bench/ENTRY_FIELDS.md's comparison rules (10) and (11), entry_fields.title_proper, label and parse alike): (10) GOST 7.1's "
        "other title information naming the kind of work after the title's last colon (`: учебное пособие`, `: учеб.-метод. пособие`, "
        "`: монография`, `: статья`, `: дис. … канд. … наук`, `: автореф. дис. …`, `: оқу құралы`: a phrase opening in lower case "
        "holding a word of entry_fields.KIND_OF_WORK) is no part of it; (11) nor is an edition statement after its last comma "
        "(`, 2nd ed.`, `, Second Edition`, `, Edition 2`, `, 3-е изд.`). The cells these rules moved moved because the labels "
        "disagreed (some batches' labels left the kind or the edition out, others kept it), not because the parser changed; "
        "first runs are kept as they were recorded.",
        "",
        "Issue 16's targets: " + ", ".join(f"{k} ≥ {v:.0%}" for k, v in TARGETS.items()) + ".",
        "",
    ]
    out += ["## Batch 1: the papers of the first run", ""]
    if first_run:
        out += [f"Each cell: now, and [the first run] ({first_run['what']}).", ""]
    out += _table(table, first_run)
    out += ["", f"All forms: {_unmet(table['all forms'])}", ""]
    for n in later:
        out += _later_batch(listed, n, by_batch[n])
        results = results + by_batch[n]
    if missing:
        out += [f"Not scored (snapshot missing; `fetch` the repository): {', '.join(missing)}.", ""]
    if notes:
        out += ["## After batch 1's first run", ""] + [f"- {note}" for note in notes] + [""]
    out += ["## Per paper and form", "", "| paper | form | entries (read/in list) | found | entry right |", "|---|---|---:|---:|---:|"]
    for r in results:
        t = tally([r])
        note = f" refused: {r['refused']}" if r["refused"] else ""
        out.append(f"| {r['paper']} | {r['form']} | {r['read']}/{r['expected']}{note} | {_cell(t['found'])} | {_cell(t['entry'])} |")
    return "\n".join(out) + "\n"


def misses(results: list[dict]) -> list[str]:
    out = []
    for r in results:
        for row in r["entries"]:
            if not row["found"]:
                out.append(f"{r['paper']} {r['form']} [{row['start']}]: not found")
                continue
            for f in SET_FIELDS:
                if row["truth"][f] != row["got"][f]:
                    out.append(f"{r['paper']} {r['form']} [{row['start']}] {f}: want {row['truth'][f]!r} got {row['got'][f]!r}  <<{row['text'][:160]}>>")
    return out


def labelled_lines() -> list[list]:
    """Every labelled line the project has (each split of the tagger's data/*.jsonl and AnyStyle's
    gold.xml), each as [source, split, text, truth, read] with bench/entry_fields.py's normalised
    values: what `--labelled-lines` writes, so that a change can be checked field by field against
    main's reading of the same lines (`--compare MAIN.json NOW.json`)."""
    out = []
    for name, path in [(n, DATA / f"{n}.jsonl") for n in ("anystyle-core", "grobid", "synthetic")] + [("gold", GOLD)]:
        with path.open(encoding="utf-8") as f:
            for raw in f:
                x = json.loads(raw)
                read = parsed_values({n: v for n, v, _, _ in parse_entry(x["text"]).fields})
                out.append([name, x.get("split", "gold"), x["text"], truth_values(x), read])
    return out


# The lines the scores are taken on (the held-out split, gold.xml and the training data's copies
# of gold.xml's lines): a change on them is counted, never shown, so that no rule is written from
# them (issue 16: neither train nor tune on them).
COUNTED_ONLY = frozenset({"heldout", "gold", "evaluation", "evaluation-duplicate"})  # gold.xml's lines are split `evaluation` (bench/entries/anystyle-gold.jsonl)


def compare_lines(before: list[list], after: list[list], show_counted: bool = False) -> list[str]:
    """Each field read differently on a labelled line: GAIN (now equals the label), LOSS (did),
    or diff (neither), with the line's text; on the lines of `COUNTED_ONLY` splits, how many of
    each kind by set, split and field (their text too with `show_counted`)."""
    out = []
    counted: Counter = Counter()
    for old, new in zip(before, after, strict=True):
        for f, truth in old[3].items():
            if old[4][f] != new[4][f]:
                kind = "GAIN" if new[4][f] == truth else "LOSS" if old[4][f] == truth else "diff"
                if old[1] in COUNTED_ONLY and not show_counted:
                    counted[(kind, old[0], old[1], f)] += 1
                else:
                    out.append(f"{kind} {old[0]}/{old[1]} {f}: label={truth!r} before={old[4][f]!r} now={new[4][f]!r} | {old[2][:150]}")
    return out + [f"{kind} {name}/{split} {f}: {n} line(s), counted only" for (kind, name, split, f), n in sorted(counted.items())]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mirrors", default="/work/.mirror", help="root of the repository snapshots")
    parser.add_argument("--out", default=str(BENCH / "UNSEEN_LISTS.md"), help="report file, '-' for stdout")
    parser.add_argument("-v", "--verbose", action="store_true", help="print every miss")
    parser.add_argument("--save-first-run", metavar="WHAT", help="store this run's table of --batch in lists.json as its first run")
    parser.add_argument("--batch", type=int, default=None, help="-v prints this batch's misses only; --save-first-run stores this batch's (default 1)")
    parser.add_argument("--labelled-lines", metavar="OUT", help="write this tree's reading of every labelled line to OUT (json) and stop")
    parser.add_argument("--compare", nargs=2, metavar=("BEFORE", "AFTER"), help="print the fields two --labelled-lines files read differently and stop (held-out and gold.xml lines as counts)")
    parser.add_argument("--show-counted", action="store_true", help="with --compare, print the held-out and gold.xml lines too (never to write rules from)")
    parser.add_argument("--model", type=Path, help="read with this tagger model file instead of the shipped one (a retrained "
                        "candidate, compared without replacing the shipped file; use with --out)")
    parser.add_argument("--batches", help="read only the papers of these batches, `FIRST-LAST` or `N` (a comparison's run; "
                        "the report then holds them only: use with --out)")
    args = parser.parse_args(argv)
    report_run = not (args.labelled_lines or args.compare)  # (--labelled-lines with --model: a candidate's reading of every line)
    if report_run and (args.model or args.batches) and (args.out == parser.get_default("out") or args.save_first_run):
        parser.error("--model and --batches make a comparison's report: give --out (never bench/UNSEEN_LISTS.md) and no --save-first-run")
    if args.model:
        from exporter.references import tagger

        tagger.MODEL = args.model.resolve()
        tagger.loaded_model.cache_clear()
    if args.labelled_lines:
        Path(args.labelled_lines).write_text(json.dumps(labelled_lines(), ensure_ascii=False), encoding="utf-8")
        return 0
    if args.compare:
        changes = compare_lines(*(json.loads(Path(p).read_text(encoding="utf-8")) for p in args.compare), show_counted=args.show_counted)
        total = sum(int(c.split(": ")[-1].split()[0]) if c.endswith("counted only") else 1 for c in changes)
        print("\n".join(changes + [f"{total} fields read differently"]))
        return 0
    listed = json.loads(LISTS.read_text(encoding="utf-8"))
    sources = {p["name"]: p for p in json.loads(PAPERS.read_text(encoding="utf-8"))["papers"]}
    papers = listed["papers"]
    if args.batches:
        first, _, last = args.batches.partition("-")
        papers = [p for p in papers if int(first) <= p.get("batch", 1) <= int(last or first)]
    results, missing = score(papers, sources, Path(args.mirrors))
    batch = args.batch or 1
    if args.save_first_run:
        key = "first_run" if batch == 1 else f"first_run_{batch}"
        listed[key] = {"what": args.save_first_run, "table": groups([r for r in results if r["batch"] == batch])}
        LISTS.write_text(json.dumps(listed, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    text = report(results, missing, listed)
    if args.out == "-":
        sys.stdout.write(text)
    else:
        Path(args.out).write_text(text, encoding="utf-8")
    if args.verbose:
        print("\n".join(misses([r for r in results if args.batch is None or r["batch"] == args.batch])))
    return 0


if __name__ == "__main__":
    sys.exit(main())
