"""What the line-role model costs `check`: the shipped paper checked as a user runs it
(`exporter check source/kz-china-relations.txt`, a new process each time) with the model and
with it turned off, in the same run, alternating; and the model's own time in-process.

    .venv/bin/python bench/titleblock_speed.py   # writes bench/TITLEBLOCK_SPEED.md
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
PAPER = ROOT / "source" / "kz-china-relations.txt"
RUNS = 15
WITH = "import sys; from exporter.cli import main; sys.exit(main(['check', sys.argv[1]]))"
WITHOUT = "import sys; from exporter.readers.plaintext import roles; roles.ENABLED = False; from exporter.cli import main; sys.exit(main(['check', sys.argv[1]]))"


def _run(code: str) -> float:
    started = time.perf_counter()
    subprocess.run([sys.executable, "-c", code, str(PAPER)], cwd=ROOT, capture_output=True, check=False)
    return time.perf_counter() - started


def main() -> int:
    sys.path.insert(0, str(ROOT))
    from exporter.readers.plaintext import roles
    from exporter.readers.plaintext.furniture import find_pages
    from exporter.readers.plaintext.roles.window import text_items
    from exporter.sourcefile import read_source

    with_model, without = [], []
    for _ in range(RUNS):  # alternating, so a busy moment hurts both alike
        with_model.append(_run(WITH))
        without.append(_run(WITHOUT))
    lines = read_source(str(PAPER)).lines
    started = time.perf_counter()
    import pycrfsuite  # noqa: F401

    roles.loaded_model()
    opened = time.perf_counter() - started
    _, items = text_items(lines, find_pages(lines).starts)
    times = []
    for _ in range(RUNS):
        started = time.perf_counter()
        roles.label_lines(items)
        times.append(time.perf_counter() - started)
    load = os.getloadavg()[0]
    text = "\n".join([
        "# What the line-role model costs `check`", "",
        "Written by `bench/titleblock_speed.py`. `exporter check source/kz-china-relations.txt` in a new process, "
        f"{RUNS} times each, alternating; load average {load:.1f} on {os.cpu_count()} cores when it ran.", "",
        "| | median | min |", "|---|---|---|",
        f"| check, with the model | {statistics.median(with_model):.3f} s | {min(with_model):.3f} s |",
        f"| check, the rules alone | {statistics.median(without):.3f} s | {min(without):.3f} s |",
        f"| difference | {statistics.median(with_model) - statistics.median(without):+.3f} s | {min(with_model) - min(without):+.3f} s |",
        f"| in-process: import python-crfsuite and open the model, once | {opened:.4f} s | |",
        f"| in-process: features and tagging of the paper's {len(items)} front lines | {statistics.median(times):.4f} s | {min(times):.4f} s |",
        "", "The target (issue 16, bench/RESULTS.md): check of the paper ≤ 0.2 s on a quiet machine; see the row `min`.", "",
    ])
    (BENCH / "TITLEBLOCK_SPEED.md").write_text(text, encoding="utf-8")
    print(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
