"""Reader speed against a peer tool on the same files: `bench/READERS.md`, a section per reader.

    .venv/bin/python bench/readers.py                 # writes bench/READERS.md (DOCX and PDF)
    .venv/bin/python bench/readers.py --form pdf --out -

For each corpus file of the form (and the shipped demo): its size and three times, each the
median of 5 runs in this same process and machine:
- `exporter check` as a user runs it (`python -m exporter check FILE`, a new process);
- the reader and linker alone, in process (`read_and_link` + the JSON report);
- the peer, a new process that only extracts text — `pandoc -f docx -t plain FILE` for a DOCX,
  `pdftotext FILE -` for a PDF: no numbering, no citations, the floor a reader of the same
  file reaches.
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
# form -> (section heading, the peer's command line before the file name, the peer's name)
FORMS = {
    "docx": ("## DOCX", ["pandoc", "-f", "docx", "-t", "plain"], "pandoc -f docx -t plain"),
    "pdf": ("## PDF", ["pdftotext", "-enc", "UTF-8"], "pdftotext"),
}


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


def _peer(form: str, path: Path) -> None:
    extra = ["-"] if form == "pdf" else []
    subprocess.run([*FORMS[form][1], str(path), *extra], capture_output=True, check=True)


def files(form: str) -> list[Path]:
    from corpus import corpus_dir

    corpus = corpus_dir()
    found = sorted((corpus / form).glob(f"*.{form}")) if corpus else []
    return [*found, ROOT / "source" / "demo-word.docx"] if form == "docx" else found


def _pages(path: Path, form: str, linked) -> int:
    """¶ for a DOCX (body paragraphs), pages for a PDF."""
    if form == "docx":
        return linked.document.end_line
    import pypdfium2

    pdf = pypdfium2.PdfDocument(str(path))
    try:
        return len(pdf)
    finally:
        pdf.close()


def measure(form: str) -> list[dict]:
    rows = []
    peer = shutil.which(FORMS[form][1][0])
    for path in files(form):
        linked = read_and_link(str(path))
        rows.append({
            "file": path.name,
            "kb": path.stat().st_size // 1024,
            "size": _pages(path, form, linked),
            "cli": _median(lambda: _cli(path)),
            "reader": _median(lambda: check_json(read_and_link(str(path)))),
            "peer": _median(lambda: _peer(form, path)) if peer else None,
        })
    return rows


def render(form: str, rows: list[dict]) -> str:
    section, command, name = FORMS[form]
    probe = [command[0], "-v"] if form == "pdf" else [command[0], "--version"]
    found = subprocess.run(probe, capture_output=True, text=True) if shutil.which(command[0]) else None
    version = ((found.stdout or found.stderr).splitlines() or ["?"])[0] if found else f"{command[0]} missing"
    unit = "¶" if form == "docx" else "pages"
    what = "styles, Word's numbering, fields, notes, tables and equations" if form == "docx" else "the text layer with its layout (columns, sizes, running heads, superscripts)"
    lines = [
        section,
        "",
        f"`exporter check` on each {form.upper()} against `{name}` ({version}), median of {RUNS} runs,",
        f"same machine, same run (`bench/readers.py`). `check` reads {what}, finds and links",
        f"every citation; {name} only writes the text.",
        "",
        f"| file | KB | {unit} | exporter check (process) s | reader + linker (in process) s | {name} s |",
        "|---|---|---|---|---|---|",
    ]
    for r in rows:
        peer = f"{r['peer']:.3f}" if r["peer"] is not None else "–"
        lines.append(f"| {r['file']} | {r['kb']} | {r['size']} | {r['cli']:.3f} | {r['reader']:.3f} | {peer} |")
    load = ", ".join(f"{x:.1f}" for x in os.getloadavg())
    lines += ["", f"Load average after the measurement: {load} on {os.cpu_count()} cores (other work on the machine slows every column alike)."]
    worst = max(rows, key=lambda r: r["cli"])
    lines += ["", f"Slowest `check`: {worst['file']} ({worst['size']} {unit}), {worst['cli']:.2f} s for the whole command (target: ≤ 1 s for a 15-page paper).", ""]
    return "\n".join(lines)


def write(section: str, text: str, target: Path) -> None:
    """Replace one section of READERS.md (the other readers keep theirs)."""
    old = target.read_text(encoding="utf-8") if target.exists() else "# Readers against peer tools\n\n"
    if section in old:
        head, rest = old.split(section, 1)
        tail = rest[rest.find("\n## ") + 1 :] if "\n## " in rest else ""
        old = head + tail
    target.write_text(old.rstrip("\n") + "\n\n" + text, encoding="utf-8")


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", default=str(BENCH / "READERS.md"))
    parser.add_argument("--form", choices=[*FORMS, "all"], default="all")
    args = parser.parse_args()
    for form in FORMS if args.form == "all" else [args.form]:
        text = render(form, measure(form))
        if args.out == "-":
            print(text)
        else:
            write(FORMS[form][0], text, Path(args.out))
            print(f"wrote {args.out} ({form})")
