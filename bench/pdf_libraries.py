"""Which library reads the PDF text layer: pypdfium2, pdfminer.six, pdfplumber, with pdftotext as the peer.

    .venv/bin/python bench/pdf_libraries.py [--corpus DIR] [--out bench/PDF_LIBRARIES.md]

One run over the real papers of the development corpus (`../shared/corpus/pdf`), and over two
PDFs made here with reportlab (Kazakh/Cyrillic text, and CJK in a standard CID font), so the
scripts the corpus lacks are measured too. For each library, on the same files in the same run:

- time: text of every page, in-process (pdftotext: one process per file, its start included);
  3 runs, the median; runs interleaved library by library so a slow spell hits all alike;
- words: the share of pdftotext's words (Cyrillic, Latin) the library also gives (a multiset
  overlap: a word lost or garbled counts against it);
- ligatures: presentation forms U+FB00–U+FB06 left in the text (`ﬁ` instead of `fi`);
- reading order: the truth's citation groups (read by hand, in the paper's order) found in
  the library's text, and how many of them in order (longest common subsequence), on the
  two-column papers;
- the made PDFs: whether the exact text comes back.

pypdfium2 and pdfminer.six (pdfplumber sits on pdfminer) are the candidates of issue 10; the
layout facts each gives are listed by hand in the report, from their documentation.
"""

from __future__ import annotations

import argparse
import io
import json
import re
import statistics
import subprocess
import sys
import tempfile
import time
import unicodedata
from collections import Counter
from datetime import datetime, timezone
from pathlib import Path

BENCH = Path(__file__).resolve().parent
CORPUS = BENCH.parent.parent.parent / "shared" / "corpus" / "pdf"
TWO_COLUMN = ("en_bigtable_osdi06", "en_dutot_bicriteria_acm", "en_iqbal_requirement_prioritization", "en_montoya_bosonic_dm_arxiv", "en_yang_uav_path_planning_ieee", "ru_butsenko_network_planning", "ru_yagyaeva_data_networks", "ru_nikulin_infosec_risk")
KAZAKH = "Қазақстан мен Қытай арасындағы қарым-қатынас: өңірлік ынтымақтастық, әдебиеттер тізімі [12, б. 45]."
CJK = "中华人民共和国与哈萨克斯坦的关系研究"
_WORD = re.compile(r"[^\W\d_]{2,}")
_LIGATURES = re.compile("[\ufb00-\ufb06]")


def text_pdfium(path: str) -> str:
    import pypdfium2 as pdfium

    doc = pdfium.PdfDocument(path)
    try:
        return "\f".join(page.get_textpage().get_text_range() for page in doc)
    finally:
        doc.close()


def text_pdfminer(path: str) -> str:
    from pdfminer.high_level import extract_text

    return extract_text(path)


def text_pdfplumber(path: str) -> str:
    import pdfplumber

    with pdfplumber.open(path) as pdf:
        return "\f".join(page.extract_text() or "" for page in pdf.pages)


def text_pdftotext(path: str) -> str:
    return subprocess.run(["pdftotext", "-enc", "UTF-8", path, "-"], capture_output=True, check=True).stdout.decode("utf-8", "replace")


LIBRARIES = {"pypdfium2": text_pdfium, "pdfminer.six": text_pdfminer, "pdfplumber": text_pdfplumber, "pdftotext": text_pdftotext}


_LINE_END_HYPHEN = re.compile(r"(?<=[^\W\d_])[-\u00ad\u2010\ufffe\x02]\s*(?=[^\W\d_])")


def words(text: str) -> Counter:
    """Words of letters, lower-cased; every hyphen between letters is dropped first (each tool
    marks a line-end hyphen its own way: `-` and a newline, U+FFFE, U+0002), so only lost or
    garbled letters count against a library, not its hyphenation."""
    text = _LINE_END_HYPHEN.sub("", unicodedata.normalize("NFKC", text))
    return Counter(w.lower() for w in _WORD.findall(text))


def in_order(groups: list[str], text: str) -> tuple[int, int]:
    """(groups found at all, groups found in the truth's order: longest common subsequence)."""
    flat = re.sub(r"\s+", "", text)
    places = []
    for g in groups:
        key = re.escape(re.sub(r"\s+", "", g))
        places.append([m.start() for m in re.finditer(key, flat)])
    found = sum(1 for p in places if p)
    # LCS over occurrences: longest chain picking increasing positions, one per group.
    best: dict[int, int] = {}  # position -> longest chain ending there
    chain_max = 0
    for p in places:
        update = {}
        for pos in p:
            prior = max((length for at, length in best.items() if at < pos), default=0)
            update[pos] = max(update.get(pos, 0), prior + 1)
        for pos, length in update.items():
            best[pos] = max(best.get(pos, 0), length)
            chain_max = max(chain_max, length)
    return found, chain_max


def made_pdfs(folder: Path) -> dict[str, tuple[Path, str]]:
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.pdfgen import canvas

    out = {}
    font = next((p for p in ("/usr/share/fonts/truetype/liberation/LiberationSerif-Regular.ttf", "/usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf") if Path(p).exists()), None)
    if font:
        pdfmetrics.registerFont(TTFont("BenchSerif", font))
        path = folder / "kazakh.pdf"
        c = canvas.Canvas(str(path), pagesize=A4, invariant=1)
        c.setFont("BenchSerif", 9)
        c.drawString(40, 760, KAZAKH)
        c.save()
        out["Kazakh (TrueType, embedded)"] = (path, KAZAKH)
    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    path = folder / "cjk.pdf"
    c = canvas.Canvas(str(path), pagesize=A4, invariant=1)
    c.setFont("STSong-Light", 12)
    c.drawString(72, 760, CJK)
    c.save()
    out["CJK (CID font STSong-Light, not embedded)"] = (path, CJK)
    return out


def timed(fn, path: str) -> tuple[float, str]:
    start = time.perf_counter()
    try:
        text = fn(path)
    except Exception as exc:  # a library that fails on a file is reported, not fatal
        text = f"<failed: {type(exc).__name__}: {exc}>"
    return time.perf_counter() - start, text


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", default=str(CORPUS))
    parser.add_argument("--out", default=str(BENCH / "PDF_LIBRARIES.md"))
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    papers = sorted(Path(args.corpus).glob("*.pdf"))
    import logging

    logging.getLogger("pdfminer").setLevel(logging.ERROR)
    times: dict[str, list[float]] = {name: [] for name in LIBRARIES}
    texts: dict[str, dict[str, str]] = {name: {} for name in LIBRARIES}
    pages = 0
    import pypdfium2 as pdfium

    for paper in papers:
        doc = pdfium.PdfDocument(str(paper))
        pages += len(doc)
        doc.close()
    for run in range(args.runs):
        for name, fn in LIBRARIES.items():
            total = 0.0
            for paper in papers:
                took, text = timed(fn, str(paper))
                total += took
                texts[name][paper.stem] = text
            times[name].append(total)
    peer = {stem: words(text) for stem, text in texts["pdftotext"].items()}
    rows = []
    for name in LIBRARIES:
        kept = sum(sum((words(texts[name][stem]) & peer[stem]).values()) for stem in peer)
        wanted = sum(sum(c.values()) for c in peer.values())
        cyr_kept = sum(sum((Counter({w: n for w, n in words(texts[name][s]).items() if re.search("[а-яё]", w)}) & peer[s]).values()) for s in peer if s.startswith("ru_"))
        cyr_wanted = sum(sum(n for w, n in peer[s].items() if re.search("[а-яё]", w)) for s in peer if s.startswith("ru_"))
        ligatures = sum(len(_LIGATURES.findall(t)) for t in texts[name].values())
        failed = sum(1 for t in texts[name].values() if t.startswith("<failed"))
        found = ordered = total_groups = 0
        for stem in TWO_COLUMN:
            truth = json.loads((Path(args.corpus) / f"{stem}.truth.json").read_text())
            groups = [g["text"] for g in truth["body_citation_groups"]]
            f, o = in_order(groups, texts[name].get(stem, ""))
            found, ordered, total_groups = found + f, ordered + o, total_groups + len(groups)
        rows.append((name, statistics.median(times[name]), kept / wanted, cyr_kept / max(cyr_wanted, 1), ligatures, failed, found, ordered, total_groups))
    with tempfile.TemporaryDirectory() as tmp:
        made = made_pdfs(Path(tmp))
        made_rows = []
        for label, (path, expected) in made.items():
            made_rows.append((label, {name: expected in re.sub(r"\s+", " ", unicodedata.normalize("NFC", fn(str(path)))) for name, fn in LIBRARIES.items()}))
    checks = check_against_pdftotext(papers, args.runs)
    write_report(Path(args.out), rows, made_rows, len(papers), pages, args.runs, checks)


def check_against_pdftotext(papers: list[Path], runs: int) -> list[tuple[str, int, float, float, float, float]]:
    """Per paper: pages, then `exporter check` and `pdftotext` as new processes (wall-clock and
    CPU seconds, medians of `runs`, interleaved). CPU time is the steadier figure on a busy machine."""
    import os
    import resource

    env = dict(os.environ, PYTHONPATH=str(BENCH.parent))
    rows = []
    for paper in papers:
        import pypdfium2 as pdfium

        doc = pdfium.PdfDocument(str(paper))
        pages = len(doc)
        doc.close()
        walls: dict[str, list[float]] = {"check": [], "pdftotext": []}
        cpus: dict[str, list[float]] = {"check": [], "pdftotext": []}
        commands = {"check": [sys.executable, "-m", "exporter", "check", str(paper)], "pdftotext": ["pdftotext", "-enc", "UTF-8", str(paper), "-"]}
        for _ in range(runs):
            for name, command in commands.items():
                before = resource.getrusage(resource.RUSAGE_CHILDREN)
                start = time.perf_counter()
                subprocess.run(command, capture_output=True, env=env)
                walls[name].append(time.perf_counter() - start)
                after = resource.getrusage(resource.RUSAGE_CHILDREN)
                cpus[name].append(after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime)
        rows.append((paper.stem, pages, statistics.median(walls["check"]), statistics.median(cpus["check"]), statistics.median(walls["pdftotext"]), statistics.median(cpus["pdftotext"])))
    return rows


def versions() -> str:
    from importlib.metadata import version

    out = [f"{name} {version(name)}" for name in ("pypdfium2", "pdfminer.six", "pdfplumber")]
    out.append(subprocess.run(["pdftotext", "-v"], capture_output=True, text=True).stderr.splitlines()[0])
    return ", ".join(out)


def write_report(out: Path, rows, made_rows, papers: int, pages: int, runs: int, checks) -> None:
    lines = [
        "# Reading the PDF text layer: which library",
        "",
        f"Written by `.venv/bin/python bench/pdf_libraries.py` on {datetime.now(timezone.utc):%Y-%m-%d %H:%M} UTC. Do not edit: run it again.",
        "",
        f"Corpus: {papers} real papers of `shared/corpus/pdf` ({pages} pages). Versions: {versions()}. Python {sys.version.split()[0]}, {subprocess.run(['nproc'], capture_output=True, text=True).stdout.strip()} cores.",
        "",
        "## Measured",
        "",
        f"Time: the text of every page of all {papers} papers, median of {runs} runs (in-process; pdftotext one process per file). Words: the share of pdftotext's words (letters only, lower-cased, NFKC) the library gives too. Order: truth citation groups of the {len(TWO_COLUMN)} two-column papers found in the text, and found in the paper's order.",
        "",
        "| library | time, s (all papers) | ms / page | words of pdftotext | Cyrillic words (ru papers) | ligature characters left | files failed | groups found | groups in order |",
        "|---|---|---|---|---|---|---|---|---|",
    ]
    for name, t, w, cyr, lig, failed, found, ordered, total in rows:
        lines.append(f"| {name} | {t:.2f} | {1000 * t / pages:.1f} | {w:.4f} | {cyr:.4f} | {lig} | {failed} | {found}/{total} | {ordered}/{total} |")
    lines += ["", "Text made here with reportlab and read back (exact text found):", "", "| PDF | " + " | ".join(LIBRARIES) + " |", "|---|" + "---|" * len(LIBRARIES)]
    for label, result in made_rows:
        lines.append(f"| {label} | " + " | ".join("yes" if result[n] else "**no**" for n in LIBRARIES) + " |")
    load = open("/proc/loadavg").read().split()[0] if Path("/proc/loadavg").exists() else "?"
    lines += [
        "",
        "## `exporter check` on each paper against pdftotext",
        "",
        f"New processes, median of {runs} runs, interleaved; wall-clock and CPU (user + system) seconds. `check` reads the PDF with the layout rules, finds and links every citation and prints the findings; pdftotext only writes the text. Load average (1 min) at the end: {load} on the machine's cores (other work was running).",
        "",
        "| paper | pages | check s | check CPU s | pdftotext s | pdftotext CPU s |",
        "|---|---|---|---|---|---|",
    ]
    for stem, n, wall, cpu, p_wall, p_cpu in checks:
        lines.append(f"| {stem} | {n} | {wall:.2f} | {cpu:.2f} | {p_wall:.2f} | {p_cpu:.2f} |")
    lines += ["", (BENCH / "PDF_LIBRARIES.notes.md").read_text().rstrip() if (BENCH / "PDF_LIBRARIES.notes.md").exists() else ""]
    out.write_text("\n".join(lines).rstrip() + "\n", encoding="utf-8")
    print(out.read_text())


if __name__ == "__main__":
    main()
