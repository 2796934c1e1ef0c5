"""The benchmark command runs end to end (on tiny inputs) and its results name every case.

No timing is asserted here: speed is measured by `bench/run.py`, on a quiet machine, into
bench/RESULTS.md. This only keeps the bench itself from rotting.
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent

# Each case of the bench: (section, row label). Every row must be in the results.
CASES = {
    "The paper": [
        "exporter check, one-line paper (start-up)",
        "exporter build, one-line paper, 3 editions (start-up)",
        "exporter check |",
        "exporter build, DOCX + PDF + LaTeX",
        "exporter build --to docx,pdf",
        "every speed-up off (EXPORTER_PLAIN=all)",
        *(f"without the `{name}` speed-up" for name in ("fork", "rlfont", "docxzip", "jinja", "gc")),
        "empty font/template cache",
        "floor: bare reportlab",
        "floor: bare python-docx",
        "pandoc → DOCX |",
        "pandoc → LaTeX (-s)",
        "pandoc → PDF (xelatex) |",
    ],
    "The paper ×3 (a book)": [
        "exporter check |",
        "exporter build, DOCX + PDF + LaTeX",
        "floor: bare reportlab",
        "floor: bare python-docx",
        "pandoc → DOCX |",
        "pandoc → LaTeX (-s)",
        "pandoc → PDF (xelatex) |",
    ],
    "A proceedings of 3 papers": [
        "exporter build of 3 papers, --jobs 1",
        "exporter build of 3 papers, --jobs",
        "pandoc → DOCX, each paper",
        "pandoc → LaTeX, each paper",
        "pandoc → PDF (xelatex), each paper",
    ],
    "Speed-ups (exporter/speedups.py)": ["| all |", "| fork |", "| rlfont |", "| docxzip |", "| jinja |", "| gc |", "| regex |", "| dataclass |", "| pyphen |",
                                         "| subsets |"],
    "Targets": [
        "check of the paper ≤ 0.12 s",
        "check imports no rendering library",
        "build of the paper, 3 editions ≤ 0.6 s",
        "faster than pandoc → PDF",
        "faster than pandoc's three",
        "the floor (bare reportlab + bare python-docx)",
        "build ≤ 14 s",
        "build peak memory ≤ 500 MB",
        "check ≤ 3 s",
        "build grows linearly",
        "check grows linearly",
        "faster than --jobs 1",
    ],
}


def _sections(text: str) -> dict[str, str]:
    parts = re.split(r"^## (.+)$", text, flags=re.M)
    return {title.strip(): body for title, body in zip(parts[1::2], parts[2::2])}


def test_bench_quick_run_writes_every_case(tmp_path):
    out = tmp_path / "RESULTS.md"
    proc = subprocess.run(
        [sys.executable, str(REPO / "bench" / "run.py"), "--quick", "--out", str(out), "--work", str(tmp_path / "work")],
        cwd=REPO, capture_output=True, text=True, timeout=600,
    )
    assert proc.returncode == 0, proc.stdout[-2000:] + proc.stderr[-2000:]
    text = out.read_text(encoding="utf-8")
    sections = _sections(text)
    assert "Machine and versions" in sections and "Method" in sections
    for section, labels in CASES.items():
        assert section in sections, f"no section {section!r}: {list(sections)}"
        body = sections[section]
        for label in labels:
            rows = [line for line in body.splitlines() if line.startswith("|") and label in line]
            assert rows, f"{section}: no row for {label!r}"
    # exporter's own rows ran (pandoc's may say "not measured" on a machine without it)
    for section in ("The paper", "The paper ×3 (a book)", "A proceedings of 3 papers"):
        for line in sections[section].splitlines():
            if line.startswith("| exporter") or line.startswith("| floor"):
                assert "not measured" not in line, line
                cells = [c.strip() for c in line.strip("|").split("|")]
                assert re.fullmatch(r"\d+\.\d{3}", cells[3]), line  # the median, in seconds


def test_the_labelled_lines_comparison_shows_training_lines_and_only_counts_the_scored_ones():
    """`bench/unseen_lists.py --compare`: a held-out, gold.xml or gold-copy line that reads
    differently is counted, never printed (a helper once saw held-out lines in full this way)."""
    sys.path.insert(0, str(REPO / "bench"))
    import unseen_lists

    def line(name, split, text, read):
        return [name, split, text, {"title": "Right"}, {"title": read}]

    before = [line("grobid", "train", "TRAINING TEXT", "Wrong"), line("grobid", "heldout", "HELD-OUT TEXT", "Wrong"),
              line("gold", "gold", "GOLD TEXT", "Right"), line("anystyle-core", "evaluation-duplicate", "COPY TEXT", "Wrong")]
    after = [line("grobid", "train", "TRAINING TEXT", "Right"), line("grobid", "heldout", "HELD-OUT TEXT", "Right"),
             line("gold", "gold", "GOLD TEXT", "Other"), line("anystyle-core", "evaluation-duplicate", "COPY TEXT", "Right")]
    before.append(line("gold", "evaluation", "GOLD XML TEXT", "Right"))  # gold.xml's lines as bench/entries/anystyle-gold.jsonl splits them
    after.append(line("gold", "evaluation", "GOLD XML TEXT", "Other"))
    shown = "\n".join(unseen_lists.compare_lines(before, after))
    assert "GOLD XML TEXT" not in shown and "LOSS gold/evaluation title: 1 line(s), counted only" in shown
    assert "TRAINING TEXT" in shown and "GAIN grobid/train title" in shown
    assert not any(text in shown for text in ("HELD-OUT TEXT", "GOLD TEXT", "COPY TEXT"))
    assert "GAIN grobid/heldout title: 1 line(s), counted only" in shown
    assert "LOSS gold/gold title: 1 line(s), counted only" in shown
    assert "GAIN anystyle-core/evaluation-duplicate title: 1 line(s), counted only" in shown
    assert "HELD-OUT TEXT" in "\n".join(unseen_lists.compare_lines(before, after, show_counted=True))
