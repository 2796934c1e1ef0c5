"""Every unseen paper through `exporter build` in each venue: does an edition come out?

    .venv/bin/python bench/unseen_editions.py --compile kz-conference   # writes bench/UNSEEN_EDITIONS.md
    .venv/bin/python bench/unseen_editions.py --venues kz-conference --out -

The papers are bench/unseen/papers.json's (taken from their snapshots as
bench/unseen_frontmatter.py takes them: /work/.mirror, --mirrors changes the root). Each Word
paper is built as it is; each PDF as the PDF and as pdftotext's text of it (`-enc UTF-8`, as the
corpus's text files were made). Each build is `exporter build` in a process of its own, as a user
runs it, with every edition (DOCX, PDF, LaTeX); the exit status says what happened: 0 or 1 the
editions were written (1: findings under --strict only, which is not given), 2 the input was
refused with a one-line reason (kept in the table), 3 our own bug. `--compile VENUES` runs
xelatex once on each .tex of those venues (with its media folder) and counts the ones it stops
on (about 10 s a paper). Findings are counted by
code from the JSON reports: GLY001 (a character no font draws) and MED001 (a picture not
converted) are what an edition visibly lacks.
"""

from __future__ import annotations

import argparse
import collections
import json
from concurrent.futures import ThreadPoolExecutor
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
sys.path.insert(0, str(BENCH))

from unseen_frontmatter import PAPERS, source_bytes  # noqa: E402  (bench/unseen_frontmatter.py)

VENUES = ("kz-conference", "ieee-conference", "springer-lncs")
TIMEOUT = 600  # seconds a build may take before it counts as stopped
VISIBLE = ("GLY001", "MED001")


def inputs(mirrors: Path, folder: Path) -> tuple[list[Path], list[str]]:
    """The papers' files written into `folder` (a PDF also as its text), and the names missing."""
    papers = json.loads(PAPERS.read_text(encoding="utf-8"))
    out, missing = [], []
    for paper in papers["papers"]:
        suffix = Path(paper["source"].rpartition(":")[2]).suffix.lower()
        if suffix not in (".pdf", ".docx"):
            continue
        data = source_bytes(paper["source"], mirrors)
        if data is None:
            missing.append(paper["name"])
            continue
        path = folder / f"{paper['name']}{suffix}"
        path.write_bytes(data)
        out.append(path)
        if suffix == ".pdf" and shutil.which("pdftotext"):
            text = folder / f"{paper['name']}.txt"
            subprocess.run(["pdftotext", "-enc", "UTF-8", str(path), str(text)], capture_output=True)
            if text.is_file():
                out.append(text)
    return sorted(out), missing


def build(path: Path, venue: str, out: Path, compile_tex: bool) -> dict:
    run = subprocess.run([sys.executable, "-m", "exporter", "build", str(path), "--template", venue, "--out", str(out), "--jobs", "1"],
                         capture_output=True, text=True, cwd=ROOT, timeout=TIMEOUT)
    reason = (run.stderr.strip().splitlines() or [""])[-1].replace(f"{path.parent}/", "")  # the temporary folder is no part of it
    row = {"paper": path.name, "form": path.suffix[1:], "exit": run.returncode, "reason": reason}
    report = out / f"{path.stem}.report.json"
    if report.is_file():
        found = json.loads(report.read_text(encoding="utf-8")).get("diagnostics", [])
        codes = collections.Counter(d["code"] for d in found)
        row["visible"] = {code: codes[code] for code in VISIBLE if codes[code]}
        row["characters"] = sorted({dict(d.get("args") or {}).get("codepoint", "?") for d in found if d["code"] == "GLY001"})
    tex = out / f"{path.stem}.tex"
    if compile_tex and tex.is_file():
        done = subprocess.run(["xelatex", "-interaction=nonstopmode", "-halt-on-error", "-no-shell-escape", tex.name], cwd=out, capture_output=True, timeout=TIMEOUT)
        row["tex"] = done.returncode
    return row


def report(rows: dict[str, list[dict]], missing: list[str]) -> str:
    lines = ["# Every unseen paper through `exporter build`", "",
             "Written by `bench/unseen_editions.py` (see its docstring): each Word paper of bench/unseen/papers.json, each PDF and its pdftotext text, built with every edition in each venue, each build a process of its own. `refused`: exit 2, the input rejected with a one-line reason; `internal`: exit 3, our own bug; `xelatex stops`: the .tex xelatex cannot compile (with `--compile`); GLY001 / MED001: characters no font draws and pictures not converted, as the reports count them.", ""]
    if missing:
        lines += [f"Not read (no snapshot): {', '.join(missing)}.", ""]
    lines += ["| venue | builds | editions written | refused | internal | xelatex stops | GLY001 | MED001 |", "|---|---:|---:|---:|---:|---:|---:|---:|"]
    for venue, built in rows.items():
        written = sum(1 for r in built if r["exit"] in (0, 1))
        tex = [r for r in built if "tex" in r]
        stops = f"{sum(1 for r in tex if r['tex'] != 0)} of {len(tex)}" if tex else "not compiled"
        gly, med = (sum(r.get("visible", {}).get(code, 0) for r in built) for code in VISIBLE)
        lines.append(f"| {venue} | {len(built)} | {written} | {sum(1 for r in built if r['exit'] == 2)} | {sum(1 for r in built if r['exit'] == 3)} | {stops} | {gly} | {med} |")
    lines += ["", "Characters no font of the venue draws (GLY001), by paper:", ""]
    for venue, built in rows.items():
        lines += [f"- {r['paper']} ({venue}): {', '.join(r['characters'])}" for r in built if r.get("characters")]
    lines += ["", "Not written (each build's last line):", ""]
    seen = set()
    for venue, built in rows.items():
        for r in built:
            if r["exit"] not in (0, 1) and (r["paper"], r["reason"]) not in seen:
                seen.add((r["paper"], r["reason"]))
                lines.append(f"- {r['paper']} ({venue}): exit {r['exit']}: {r['reason'][:200]}")
            if r.get("tex", 0) != 0:
                lines.append(f"- {r['paper']} ({venue}): xelatex stops on its .tex")
    return "\n".join(lines) + "\n"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mirrors", type=Path, default=Path("/work/.mirror"))
    parser.add_argument("--venues", default=",".join(VENUES))
    parser.add_argument("--compile", default="", help="venues whose .tex files xelatex compiles, comma-separated")
    parser.add_argument("--jobs", type=int, default=1, help="builds at once (each its own process)")
    parser.add_argument("--out", default=str(BENCH / "UNSEEN_EDITIONS.md"))
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="unseen-editions-") as tmp:
        files, missing = inputs(args.mirrors, Path(tmp))
        rows: dict[str, list[dict]] = {}
        for venue in args.venues.split(","):

            def one(path: Path, venue: str = venue) -> dict:
                out = Path(tmp) / venue / path.stem / path.suffix[1:]
                out.mkdir(parents=True, exist_ok=True)
                row = build(path, venue, out, venue in args.compile.split(","))
                print(venue, path.name, row["exit"], row.get("tex", ""), file=sys.stderr)
                return row

            with ThreadPoolExecutor(max_workers=max(1, args.jobs)) as pool:
                rows[venue] = list(pool.map(one, files))
    text = report(rows, missing)
    if args.out == "-":
        sys.stdout.write(text)
    else:
        Path(args.out).write_text(text, encoding="utf-8")
        print(f"wrote {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
