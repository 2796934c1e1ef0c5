"""DOCX reader speed against pandoc on the same files: `bench/READERS.md`, section DOCX.

    .venv/bin/python bench/docx_reader.py            # writes bench/READERS.md (DOCX section)
    .venv/bin/python bench/docx_reader.py --out -    # to stdout

For each corpus DOCX (and the shipped demo): the size, the body paragraphs, and three times,
each the median of 5 runs in this same process and machine:
- `exporter check` as a user runs it (`python -m exporter check FILE`, a new process);
- the reader and linker alone, in process (`read_and_link` + the JSON report);
- `pandoc -f docx -t plain FILE` (a new process), which only extracts text: no numbering,
  no citations — the floor a converter that reads the same XML reaches.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(BENCH))

from exporter.pipeline import read_and_link  # noqa: E402
from exporter.report import check_json  # noqa: E402

RUNS = 5
SECTION = "## DOCX"


def _median(fn) -> float:
    times = []
    for _ in range(RUNS):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def _cli(path: Path) -> None:
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    subprocess.run([sys.executable, "-m", "exporter", "check", str(path)], env=env, capture_output=True, check=False)


def _pandoc(path: Path) -> None:
    subprocess.run(["pandoc", "-f", "docx", "-t", "plain", str(path)], capture_output=True, check=True)


def files() -> list[Path]:
    from corpus import corpus_dir

    corpus = corpus_dir()
    found = sorted((corpus / "docx").glob("*.docx")) if corpus else []
    return [*found, ROOT / "source" / "demo-word.docx"]


def measure() -> list[dict]:
    rows = []
    pandoc = shutil.which("pandoc")
    for path in files():
        linked = read_and_link(str(path))
        blocks = linked.document.end_line
        rows.append({
            "file": path.name,
            "kb": path.stat().st_size // 1024,
            "paragraphs": blocks,
            "cli": _median(lambda: _cli(path)),
            "reader": _median(lambda: check_json(read_and_link(str(path)))),
            "pandoc": _median(lambda: _pandoc(path)) if pandoc else None,
        })
    return rows


def render(rows: list[dict]) -> str:
    version = subprocess.run(["pandoc", "--version"], capture_output=True, text=True).stdout.splitlines()[0] if shutil.which("pandoc") else "pandoc missing"
    lines = [
        SECTION,
        "",
        f"`exporter check` on each corpus DOCX against `pandoc -f docx -t plain` ({version}), median of {RUNS} runs,",
        "same machine, same run (`bench/docx_reader.py`). `check` reads styles, Word's numbering, fields, notes,",
        "tables and equations, finds and links every citation; pandoc only writes the text.",
        "",
        "| file | KB | ¶ | exporter check (process) s | reader + linker (in process) s | pandoc -t plain s |",
        "|---|---|---|---|---|---|",
    ]
    for r in rows:
        pandoc = f"{r['pandoc']:.3f}" if r["pandoc"] is not None else "–"
        lines.append(f"| {r['file']} | {r['kb']} | {r['paragraphs']} | {r['cli']:.3f} | {r['reader']:.3f} | {pandoc} |")
    load = ", ".join(f"{x:.1f}" for x in os.getloadavg())
    lines += ["", f"Load average while measured: {load} on {os.cpu_count()} cores (other jobs share the machine: compare the columns, not runs)."]
    worst = max(rows, key=lambda r: r["cli"])
    lines += ["", f"Slowest `check`: {worst['file']} ({worst['paragraphs']} ¶), {worst['cli']:.2f} s for the whole command (target ≤ 1 s for 15 pages).", ""]
    return "\n".join(lines)


def write(text: str, target: Path) -> None:
    """Replace the DOCX section of READERS.md (other readers keep theirs)."""
    old = target.read_text(encoding="utf-8") if target.exists() else "# Readers against peer tools\n\n"
    if SECTION in old:
        head, rest = old.split(SECTION, 1)
        tail = rest[rest.find("\n## ") + 1 :] if "\n## " in rest else ""
        old = head + tail
    target.write_text(old.rstrip("\n") + "\n\n" + text, encoding="utf-8")


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", default=str(BENCH / "READERS.md"))
    args = parser.parse_args()
    text = render(measure())
    if args.out == "-":
        print(text)
    else:
        write(text, Path(args.out))
        print(f"wrote {args.out}")
