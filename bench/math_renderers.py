"""Which math renderer draws the PDF edition's formulas: ziamath (TeX → MathML → SVG paths in
STIX Two Math) against matplotlib's mathtext, on every formula of the corpus's Word papers.

The formulas' TeX is what pandoc makes of their OMML (`pandoc -f docx -t latex`), so the
candidates are measured on TeX neither was tuned on. Writes bench/MATH_RENDERERS.md.

    .venv/bin/python bench/math_renderers.py [CORPUS_DOCX_FOLDER]
"""

from __future__ import annotations

import io
import re
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
CORPUS = Path(sys.argv[1]) if len(sys.argv) > 1 else HERE.parent.parent / "shared" / "corpus" / "docx"
if not CORPUS.is_dir():
    CORPUS = Path("/work/shared/corpus/docx")

MATH = re.compile(r"\\\((.+?)\\\)|\\\[(.+?)\\\]", re.S)


def corpus_formulas() -> list[tuple[str, str]]:
    """(paper, TeX) of every formula pandoc finds in the corpus's Word papers."""
    out = []
    for path in sorted(CORPUS.glob("*.docx")):
        tex = subprocess.run(["pandoc", "-f", "docx", "-t", "latex", str(path)], capture_output=True, text=True, timeout=120).stdout
        for m in MATH.finditer(tex):
            tex = re.sub(r"\s+", " ", m.group(1) or m.group(2)).strip()
            out.append((path.stem, tex + " " if tex.endswith("\\") else tex))  # keep a final `\ `
    return out


def try_ziamath(tex: str) -> str | None:
    """ziamath's SVG, then svglib's drawing of it (the PDF edition's whole path)."""
    import ziamath
    from svglib.svglib import svg2rlg

    ziamath.config.svg2 = False  # xlink:href, which svglib reads
    try:
        math = ziamath.Latex(tex, size=12)
        svg = math.svg()
    except Exception as exc:  # what a renderer refuses is what we count
        return f"{type(exc).__name__}: {exc}"[:100]
    # latex2mathml keeps an unknown command as an identifier `\\name`, drawn as its name
    unknown = re.search(r">(\\[A-Za-z]+)<", math.mathmlstr())
    if unknown:
        return f"unknown command {unknown.group(1)} drawn as its name"
    if svg2rlg(io.BytesIO(svg.encode("utf-8"))) is None:
        return "svglib could not read the SVG"
    return None


def try_mathtext(tex: str) -> str | None:
    from matplotlib.mathtext import MathTextParser

    try:
        MathTextParser("path").parse(f"${tex}$", dpi=72)
    except Exception as exc:
        return f"{type(exc).__name__}: {str(exc).splitlines()[0] if str(exc) else ''}"[:100]
    return None


def main() -> None:
    formulas = corpus_formulas()
    unique = sorted({tex for _, tex in formulas})
    rows = []
    failures: dict[str, list[tuple[str, str]]] = {}
    for name, fn in (("ziamath 0.13 (STIX Two Math) + svglib", try_ziamath), ("matplotlib 3.11 mathtext (DejaVu/STIX)", try_mathtext)):
        fn(unique[0])  # imports and font loading are not the formulas' cost
        start = time.perf_counter()
        errors = [(tex, err) for tex in unique if (err := fn(tex))]
        seconds = time.perf_counter() - start
        failures[name] = errors
        rows.append(f"| {name} | {len(unique) - len(errors)}/{len(unique)} ({100 * (len(unique) - len(errors)) / len(unique):.1f} %) | {1000 * seconds / len(unique):.1f} ms |")
    lines = [
        "# Math renderers for the PDF edition",
        "",
        f"Written by `bench/math_renderers.py`. Formulas: {len(formulas)} in {len({p for p, _ in formulas})} Word papers of the corpus "
        f"({len(unique)} distinct), their TeX as pandoc 2.17 writes their OMML.",
        "",
        "| renderer | formulas drawn | time per formula |",
        "|---|---|---|",
        *rows,
        "",
        "Failures (first 15 of each):",
        "",
    ]
    for name, errors in failures.items():
        lines.append(f"- {name}: {len(errors)}")
        lines.extend(f"  - `{tex[:90]}` — {err}" for tex, err in errors[:15])
    (HERE / "MATH_RENDERERS.md").write_text("\n".join(lines) + "\n", encoding="utf-8")
    print("\n".join(lines))


if __name__ == "__main__":
    main()
