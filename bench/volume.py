"""Proceedings volume benchmark → bench/VOLUME.md.

Makes N Kazakh papers (the generator of tests/test_volume.py), then times, in one run:
  1. their PDF editions built one by one (`exporter build --to pdf --jobs 1`, one process);
  2. `exporter volume` over the same papers with --jobs = usable cores, writing volume.pdf and
     volume.tex (the default), and writing volume.pdf only (`--to pdf`), in turns, ROUNDS times
     each: what writing the .tex adds (not compiling it);
and reads the peak memory (max RSS of the process and its children) of each.
Target (issue 18): the volume takes about (1) divided by the cores, in bounded memory.

    .venv/bin/python bench/volume.py [N]
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "tests"))

from test_volume import make_papers  # noqa: E402  (the tests' own generator)

EXPORTER = [str(REPO / ".venv" / "bin" / "exporter")]


def timed(argv: list[str]) -> tuple[float, float, int]:
    """Wall seconds, CPU seconds (user + system, the process and its waited children: the
    workers) and peak RSS in MB (GNU time's maximum over the process tree's waited children)."""
    start = time.perf_counter()
    result = subprocess.run(["/usr/bin/time", "-f", "%M %U %S", *argv], capture_output=True, text=True)
    seconds = time.perf_counter() - start
    if result.returncode != 0:
        raise SystemExit(f"{' '.join(argv[:3])}…: exit {result.returncode}: {result.stderr[-500:]}")
    rss_kb, user, system = re.findall(r"^(\d+) ([\d.]+) ([\d.]+)$", result.stderr, re.M)[-1]
    return seconds, float(user) + float(system), int(rss_kb) // 1024


ROUNDS = 5


def main() -> None:
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 200
    cores = len(os.sched_getaffinity(0))
    with tempfile.TemporaryDirectory() as work:
        papers = [str(p) for p, _, _ in make_papers(Path(work) / "papers", count, sentences=lambda n: 20 + 60 * (n % 3))]
        one_by_one, cpu_one, rss_one = timed([*EXPORTER, "build", *papers, "--to", "pdf", "--jobs", "1", "--out", f"{work}/single"])
        runs: dict[str, list[tuple[float, float, int]]] = {"pdf,latex": [], "pdf": []}
        for _ in range(ROUNDS):  # in turns: a busy moment of the shared machine falls on both
            for editions in runs:
                runs[editions].append(timed([*EXPORTER, "volume", *papers, "--to", editions, "--jobs", str(cores), "--out", f"{work}/{editions}", "--title", "Bench"]))
        volume, cpu_volume, rss_volume = min(runs["pdf,latex"])
        pdf_only, cpu_pdf, rss_pdf = min(runs["pdf"])
        size = Path(f"{work}/pdf,latex/volume.pdf").stat().st_size
        tex_size = Path(f"{work}/pdf,latex/volume.tex").stat().st_size
        pages = subprocess.run(["pdfinfo", f"{work}/pdf,latex/volume.pdf"], capture_output=True, text=True).stdout
        pages = re.search(r"Pages:\s+(\d+)", pages).group(1)
    median = lambda values: sorted(values)[len(values) // 2]
    cpu_with, cpu_without = median([c for _, c, _ in runs["pdf,latex"]]), median([c for _, c, _ in runs["pdf"]])
    target = one_by_one / cores
    lines = [
        "# Proceedings volume",
        "",
        f"Written by `bench/volume.py {count}` on a machine with {cores} usable cores (shared: wall times vary "
        f"from run to run; CPU times much less). {count} generated Kazakh papers (one to three pages each, the "
        "generator of tests/test_volume.py).",
        "",
        "| run | seconds | CPU seconds | peak memory (MB) |",
        "|---|---|---|---|",
        f"| PDF editions one by one (`build --to pdf --jobs 1`) | {one_by_one:.1f} | {cpu_one:.1f} | {rss_one} |",
        f"| `volume --jobs {cores}`: volume.pdf ({pages} pages, {size / 1e6:.1f} MB) and volume.tex ({tex_size / 1e6:.1f} MB) | {volume:.1f} | {cpu_with:.1f} | {rss_volume} |",
        f"| `volume --jobs {cores} --to pdf`: volume.pdf only | {pdf_only:.1f} | {cpu_without:.1f} | {rss_pdf} |",
        "",
        f"Volume runs, {ROUNDS} of each taken in turns: seconds the fastest, CPU seconds the median (all, seconds/CPU: "
        + "; ".join(f"`{e}` " + ", ".join(f"{t:.1f}/{c:.1f}" for t, c, _ in r) for e, r in runs.items()) + ").",
        "",
        f"One by one divided by the cores: {target:.1f} s; the volume took {volume / target:.2f}× that "
        "(the difference is the binding: contents, index, stamping every page, the outline).",
        f"Writing volume.tex (each paper through the venue's LaTeX shell in the workers, the book's file "
        f"bound after) costs {cpu_with - cpu_without:.2f} CPU seconds ({(cpu_with - cpu_without) / cpu_without * 100:.0f} % of the volume "
        f"without it) and {volume - pdf_only:.1f} s of the fastest wall times; compiling it is XeLaTeX's time, not measured here.",
        "",
    ]
    (REPO / "bench" / "VOLUME.md").write_text("\n".join(lines), encoding="utf-8")
    print("\n".join(lines))


if __name__ == "__main__":
    main()
