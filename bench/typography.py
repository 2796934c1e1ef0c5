"""How far justified lines stretch: the mean word gap of each justified line, in em, measured from
the PDF's own character boxes, for the PDF edition before and after hyphenation and total-fit
breaking, beside XeLaTeX setting the LaTeX edition of the same text.

    .venv/bin/python bench/typography.py                 # writes bench/TYPOGRAPHY.md
    .venv/bin/python bench/typography.py --out -         # to stdout
    .venv/bin/python bench/typography.py --baseline REV  # "before" built from git revision REV (default main)

A line is justified when its right edge reaches the text's right edge (the most common right edge
of the page's lines of four words or more, within 0.5 pt); a paragraph's last line rarely does.
Its word gaps are the distances between one word's last character box (PDFium's loose box: the
glyph's advance) and the next word's first, over the line's font size (the median of its
characters'). A word ends at a space or at a gap wider than 0.15 em. What is reported per paper
and setting: how many justified lines, the median, 95th and 99th percentile of their mean gap,
the largest, and how many exceed 0.6 em. The natural space of Liberation Serif is 0.25 em.

Settings: *before* is `exporter build` at the baseline revision (reportlab's first fit, no
hyphenation); *first fit + hyphens* is this tree with the total-fit breaker switched off
(reportlab's own breaking, the same hyphenation points as soft hyphens); *total fit* is this
tree as it ships; *XeLaTeX* is the LaTeX edition of this tree compiled once with xelatex.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

import pypdfium2 as pdfium

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
sys.path.insert(0, str(BENCH))
from corpus import corpus_dir  # noqa: E402  (bench/corpus.py: where the shared corpus is)

PAPERS = (  # the shipped Kazakh paper, and Russian and English corpus papers
    ("kk", ROOT / "source" / "kz-china-relations.txt"),
    ("ru", "pdf/ru_butsenko_network_planning.txt"),
    ("ru", "pdf/ru_gavdan_gis_security.txt"),
    ("en", "pdf/en_kopp_gadr_lncs.txt"),
    ("en", "pdf/en_fielder_cyber_games_mdpi.txt"),
)
GAP_LIMIT_EM = 0.6
WORD_GAP_EM = 0.15  # a gap this wide between two glyphs is a word space even without a space character
RIGHT_EDGE_PT = 0.5


@dataclass
class Char:
    text: str
    left: float
    right: float
    y: float
    size: float


def page_chars(page) -> list[Char]:
    textpage = page.get_textpage()
    out = []
    for i in range(textpage.count_chars()):
        text = textpage.get_text_range(i, 1)
        left, bottom, right, top = textpage.get_charbox(i, loose=True)
        size = pdfium.raw.FPDFText_GetFontSize(textpage.raw, i)
        out.append(Char(text, left, right, bottom, size))
    textpage.close()
    return out


def lines_of(chars: list[Char]) -> list[list[Char]]:
    """Characters in drawing order, cut into lines where the text goes back to the left or jumps."""
    lines: list[list[Char]] = []
    current: list[Char] = []
    for ch in chars:
        if ch.text in "\r\n":
            continue
        if current and not ch.text.isspace():
            last = next((c for c in reversed(current) if not c.text.isspace()), None)
            if last is not None and (ch.left < last.right - 1.0 or abs(ch.y - last.y) > 1.5 * max(ch.size, last.size)):
                lines.append(current)
                current = []
        current.append(ch)
    if current:
        lines.append(current)
    return lines


def words_of(line: list[Char], em: float) -> list[tuple[float, float]]:
    """(left, right) of each word of a line."""
    words: list[list[float]] = []
    gap_break = True
    for ch in line:
        if ch.text.isspace() or ch.right - ch.left <= 0:
            gap_break = True
            continue
        if words and not gap_break and ch.left - words[-1][1] <= WORD_GAP_EM * em:
            words[-1][1] = max(words[-1][1], ch.right)
        else:
            words.append([ch.left, ch.right])
        gap_break = False
    return [(a, b) for a, b in words]


def justified_gaps(pdf: Path) -> list[float]:
    """The mean word gap (em) of every justified line of the PDF."""
    out = []
    document = pdfium.PdfDocument(str(pdf))
    try:
        for page in document:
            measured = []
            for line in lines_of(page_chars(page)):
                glyphs = [c for c in line if not c.text.isspace()]
                if not glyphs:
                    continue
                em = statistics.median(c.size for c in glyphs)
                words = words_of(line, em)
                if len(words) >= 2:
                    measured.append((words, em))
            rights = [round(words[-1][1] * 2) / 2 for words, _ in measured if len(words) >= 4]
            if not rights:
                continue
            edge = statistics.mode(rights)
            for words, em in measured:
                if words[-1][1] >= edge - RIGHT_EDGE_PT:
                    gaps = [(b[0] - a[1]) / em for a, b in zip(words, words[1:])]
                    out.append(sum(gaps) / len(gaps))
    finally:
        document.close()
    return out


def summary(gaps: list[float]) -> dict:
    if len(gaps) < 2:
        return {"lines": len(gaps)}
    q = statistics.quantiles(gaps, n=100, method="inclusive")
    return {
        "lines": len(gaps), "median": statistics.median(gaps), "p95": q[94], "p99": q[98],
        "max": max(gaps), "over": sum(g > GAP_LIMIT_EM for g in gaps),
    }


# -- building the editions --------------------------------------------------------------------
def run(args: list[str], cwd: Path, env_path: Path | None = None) -> None:
    import os

    env = dict(os.environ)
    if env_path is not None:
        env["PYTHONPATH"] = str(env_path)
    done = subprocess.run(args, cwd=cwd, env=env, capture_output=True, text=True)
    if done.returncode not in (0, 1):
        raise SystemExit(f"{' '.join(args)} failed:\n{done.stderr[-2000:]}")


FIRST_FIT = "import sys, exporter.typography.pdf as t; t.TOTAL_FIT = False; from exporter.cli import main; sys.exit(main(sys.argv[1:]))"


def build_all(paper: Path, work: Path, baseline: Path | None) -> dict[str, Path]:
    python = sys.executable
    out: dict[str, Path] = {}
    if baseline is not None:
        run([python, "-m", "exporter", "build", str(paper), "--to", "pdf", "--out", str(work / "before")], baseline, baseline)
        out["before"] = work / "before" / f"{paper.stem}.pdf"
    run([python, "-c", FIRST_FIT, "build", str(paper), "--to", "pdf", "--out", str(work / "firstfit")], ROOT, ROOT)
    out["first fit + hyphens"] = work / "firstfit" / f"{paper.stem}.pdf"
    run([python, "-m", "exporter", "build", str(paper), "--to", "pdf,latex", "--out", str(work / "now")], ROOT, ROOT)
    out["total fit"] = work / "now" / f"{paper.stem}.pdf"
    if shutil.which("xelatex"):
        tex = work / "tex"
        tex.mkdir()
        shutil.copy(work / "now" / f"{paper.stem}.tex", tex / "paper.tex")
        run(["xelatex", "-interaction=nonstopmode", "paper.tex"], tex)
        out["XeLaTeX"] = tex / "paper.pdf"
    return out


def baseline_tree(revision: str, into: Path) -> Path | None:
    done = subprocess.run(["git", "worktree", "add", "--detach", str(into), revision], cwd=ROOT, capture_output=True, text=True)
    return into if done.returncode == 0 else None


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", default=str(BENCH / "TYPOGRAPHY.md"))
    parser.add_argument("--baseline", default="main", help="git revision built as 'before' ('' for none)")
    args = parser.parse_args(argv)
    corpus = corpus_dir()
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        base = baseline_tree(args.baseline, tmp / "baseline") if args.baseline else None
        try:
            for n, (language, name) in enumerate(PAPERS):
                paper = name if isinstance(name, Path) else (corpus / name if corpus else None)
                if paper is None or not paper.is_file():
                    continue
                work = tmp / f"p{n}"
                for setting, pdf in build_all(paper, work, base).items():
                    rows.append((paper.name, language, setting, summary(justified_gaps(pdf))))
        finally:
            if base is not None:
                subprocess.run(["git", "worktree", "remove", "--force", str(base)], cwd=ROOT, capture_output=True)
    text = report(rows, args.baseline)
    if args.out == "-":
        print(text)
    else:
        Path(args.out).write_text(text, encoding="utf-8")
    return 0


def report(rows, baseline: str) -> str:
    stamp = datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
    commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True).stdout.strip()
    lines = [
        "# Word gaps of justified lines",
        "",
        f"Written by `.venv/bin/python bench/typography.py` on {stamp} (this tree at {commit}; *before* = `{baseline}`). Do not edit: run it again.",
        "",
        "The mean word gap of each justified line, in em (the natural space of Liberation Serif is 0.25 em), measured from the PDF's character boxes (see the script's docstring). Target: the 99th percentile ≤ 0.6 em.",
        "",
        "| paper | lang | setting | justified lines | median em | p95 em | p99 em | max em | lines > 0.6 em |",
        "|---|---|---|---|---|---|---|---|---|",
    ]
    for paper, language, setting, s in rows:
        if "p99" not in s:
            lines.append(f"| {paper} | {language} | {setting} | {s['lines']} | – | – | – | – | – |")
            continue
        lines.append(
            f"| {paper} | {language} | {setting} | {s['lines']} | {s['median']:.2f} | {s['p95']:.2f} | **{s['p99']:.2f}** | {s['max']:.2f} | {s['over']} |"
        )
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    sys.exit(main())
