"""Proceedings volume benchmark → bench/VOLUME.md.

Makes N Kazakh papers (the generator of tests/test_volume.py), then times, in one run:
  1. their PDF editions built one by one (`exporter build --to pdf --jobs 1`, one process);
  2. `exporter volume` over the same papers with --jobs = usable cores;
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


def timed(argv: list[str]) -> tuple[float, int]:
    """Wall seconds and peak RSS in MB (GNU time's maximum over the process tree's waited children)."""
    start = time.perf_counter()
    result = subprocess.run(["/usr/bin/time", "-f", "%M", *argv], capture_output=True, text=True)
    seconds = time.perf_counter() - start
    if result.returncode != 0:
        raise SystemExit(f"{' '.join(argv[:3])}…: exit {result.returncode}: {result.stderr[-500:]}")
    rss_kb = int(re.findall(r"^(\d+)$", result.stderr, re.M)[-1])
    return seconds, rss_kb // 1024


def main() -> None:
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 200
    cores = len(os.sched_getaffinity(0))
    with tempfile.TemporaryDirectory() as work:
        papers = [str(p) for p, _, _ in make_papers(Path(work) / "papers", count, sentences=lambda n: 20 + 60 * (n % 3))]
        one_by_one, rss_one = timed([*EXPORTER, "build", *papers, "--to", "pdf", "--jobs", "1", "--out", f"{work}/single"])
        volume, rss_volume = timed([*EXPORTER, "volume", *papers, "--jobs", str(cores), "--out", f"{work}/volume", "--title", "Bench"])
        size = Path(f"{work}/volume/volume.pdf").stat().st_size
        pages = subprocess.run(["pdfinfo", f"{work}/volume/volume.pdf"], capture_output=True, text=True).stdout
        pages = re.search(r"Pages:\s+(\d+)", pages).group(1)
    target = one_by_one / cores
    lines = [
        "# Proceedings volume",
        "",
        f"Written by `bench/volume.py {count}` on a machine with {cores} usable cores. {count} generated Kazakh papers "
        "(one to three pages each, the generator of tests/test_volume.py).",
        "",
        "| run | seconds | peak memory (MB) |",
        "|---|---|---|",
        f"| PDF editions one by one (`build --to pdf --jobs 1`) | {one_by_one:.1f} | {rss_one} |",
        f"| `volume --jobs {cores}` ({pages} pages, {size / 1e6:.1f} MB) | {volume:.1f} | {rss_volume} |",
        "",
        f"One by one divided by the cores: {target:.1f} s; the volume took {volume / target:.2f}× that "
        "(the difference is the binding: contents, index, stamping every page, the outline).",
        "",
    ]
    (REPO / "bench" / "VOLUME.md").write_text("\n".join(lines), encoding="utf-8")
    print("\n".join(lines))


if __name__ == "__main__":
    main()
