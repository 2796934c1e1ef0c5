"""Build time and edition sizes of a paper full of pictures and formulas, beside pandoc.

The paper: 45 figures (real corpus pictures, JPEG and PNG, reused as a paper reuses a
layout, plus distinct pictures drawn here so caching cannot hide the cost) and 45 numbered
display formulas (the corpus's formulas, each made distinct) with text between them — 90
pictures and equations in all. exporter builds DOCX, PDF and LaTeX from the model; pandoc
2.17 converts the same paper written as Markdown (`![](fig.png)`, `$$…$$`) to DOCX and LaTeX.
Sizes are compared with the pictures' bytes plus the text's. Writes bench/MEDIA_BUILD.md.

    .venv/bin/python bench/media_build.py
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

from exporter.model import Figure, Heading, Math, Paragraph, Span, Text  # noqa: E402

FIGURES = FORMULAS_N = 45


def paper():
    from dataclasses import replace

    import media_samples as samples

    pictures = [samples.photo(), samples.screenshot()]
    for n in range(8):  # distinct pictures, as a paper's own figures are
        pictures.append(replace(samples.screenshot(), data=samples.drawn("PNG", (400 + 10 * n, 260)), name=f"drawn{n}.png"))
    blocks = [Heading(1, (Text("Результаты"),), Span(1, 1, 1, 2))]
    words = "Фильтр частиц оценивает апостериорную плотность состояния по набору взвешенных частиц. " * 3
    for n in range(FIGURES):
        span = Span(n + 2, 1, n + 2, 2)
        tex = samples.FORMULAS[n % len(samples.FORMULAS)] + f" + c_{{{n}}}"  # distinct formulas
        blocks.append(Paragraph((Text(words), Math(tex, display=True, number=str(n + 1))), span))
        blocks.append(Figure((pictures[n % len(pictures)],), (Text(f"Рисунок {n + 1} – Результат опыта {n + 1}"),), span, number=str(n + 1)))
    doc = replace(samples.media_document(), blocks=tuple(blocks))
    return doc, pictures


def markdown(doc, folder: Path) -> Path:
    """The same paper in Markdown for pandoc, its pictures written beside it."""
    from exporter.model import plain_text

    lines, written = [], {}
    for block in doc.blocks:
        if isinstance(block, Heading):
            lines.append("# " + plain_text(block.inlines))
        elif isinstance(block, Figure):
            image = block.images[0]
            name = written.setdefault(image.data, f"fig{len(written)}{'.jpg' if image.media_type == 'image/jpeg' else '.png'}")
            (folder / name).write_bytes(image.data)
            lines.append(f"![{plain_text(block.caption)}]({name})")
        else:
            text = "".join(node.text if isinstance(node, Text) else "" for node in block.inlines)
            formula = next(node for node in block.inlines if isinstance(node, Math))
            lines.append(text + "\n\n$$" + formula.tex + r"\qquad(" + formula.number + ")$$")
        lines.append("")
    path = folder / "paper.md"
    path.write_text("\n".join(lines), encoding="utf-8")
    return path


RUNS = 3


def command_builds(source: Path) -> dict[str, tuple[float, float]]:
    """(wall s, CPU s) of `exporter build` on the Markdown paper, as a user runs it: cold (an
    empty user cache: fonts parsed, every formula typeset) and cached (a second run); medians."""
    import resource
    import statistics

    runs: dict[str, list[tuple[float, float]]] = {"cold": [], "cached": []}
    for n in range(RUNS):
        cache = source.parent / f"cache{n}"
        for attempt in ("cold", "cached"):
            before = resource.getrusage(resource.RUSAGE_CHILDREN)
            t = time.perf_counter()
            subprocess.run([sys.executable, "-m", "exporter", "build", source.name, "--out", f"out{n}"], cwd=source.parent, check=True, capture_output=True, timeout=600,
                           env={**os.environ, "EXPORTER_CACHE_DIR": str(cache), "PYTHONPATH": str(ROOT)})
            wall = time.perf_counter() - t
            after = resource.getrusage(resource.RUSAGE_CHILDREN)
            runs[attempt].append((wall, after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime))
    return {attempt: (statistics.median(w for w, _ in got), statistics.median(c for _, c in got)) for attempt, got in runs.items()}


def pdf_breakdown(data: bytes) -> dict[str, int]:
    """Bytes of the PDF's pictures, formula glyphs (the math font, or forms), text fonts, page content, and the rest."""
    import io
    import logging

    from pypdf import PdfReader

    logging.getLogger("pypdf").setLevel(logging.ERROR)
    reader = PdfReader(io.BytesIO(data))
    parts = {"pictures": 0, "formula glyphs": 0, "fonts": 0, "page content": 0}
    seen = set()
    for page in reader.pages:
        for name, ref in (page["/Resources"].get("/XObject") or {}).items():
            if ref.idnum in seen:
                continue
            seen.add(ref.idnum)
            x = ref.get_object()
            parts["pictures" if x.get("/Subtype") == "/Image" or not str(name).startswith("/FormXob.glyph_") else "formula glyphs"] += len(x._data)
        for font in (page["/Resources"].get("/Font") or {}).values():
            descriptor = font.get_object().get("/FontDescriptor") or (font.get_object().get("/DescendantFonts") or [{}])[0].get_object().get("/FontDescriptor")
            file = descriptor.get_object().get("/FontFile2") if descriptor else None
            if file is not None and file.idnum not in seen:
                seen.add(file.idnum)
                parts["formula glyphs" if "ExporterMath" in str(font.get_object().get("/BaseFont")) else "fonts"] += len(file.get_object()._data)
        contents = page.get("/Contents")
        if contents is not None:
            contents = contents.get_object()
            streams = contents if isinstance(contents, list) else [contents]
            parts["page content"] += sum(len(s.get_object()._data) for s in streams)  # as stored (deflated)
    parts["structure and the rest"] = len(data) - sum(parts.values())
    return parts


def main() -> None:
    from exporter.linker import Linked
    from exporter.model import plain_text
    from exporter.venue import Template
    from exporter.writers import Edition, writer
    from exporter.writers.latex import companions

    doc, pictures = paper()
    template = Template.load("kz-conference")
    picture_bytes = sum(len(p.data) for p in {p.data: p for p in pictures}.values())
    text_bytes = sum(len(plain_text(run).encode("utf-8")) for b in doc.blocks for run in ([b.inlines] if hasattr(b, "inlines") else [b.caption]))
    rows, sizes = [], {}
    cache = tempfile.mkdtemp(prefix="exporter-bench-cache-")
    for attempt in ("cold", "cached", "warm"):
        for name in ("docx", "pdf", "latex"):
            if attempt in ("cold", "cached"):  # a fresh process; cold: an empty user cache too
                code = (
                    "import sys,time; sys.path[:0]=[%r,%r]; import media_build as m; from exporter.linker import Linked; from exporter.venue import Template; "
                    "from exporter.writers import Edition, writer; doc,_=m.paper(); e=Edition(Linked(doc,()),Template.load('kz-conference')); "
                    "w=writer(%r); t=time.perf_counter(); c=time.process_time(); w.render(e); print(time.perf_counter()-t, time.process_time()-c)"
                ) % (str(ROOT), str(BENCH), name)
                if attempt == "cold" and name == "docx":  # empty once, before the first cold run
                    shutil.rmtree(cache, ignore_errors=True)
                out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=600, env={**os.environ, "EXPORTER_CACHE_DIR": cache}).stdout.split()
                wall, cpu = float(out[0]), float(out[1])
            else:
                edition = Edition(Linked(doc, ()), template)
                writer(name).render(edition)  # this process's caches warm
                edition = Edition(Linked(doc, ()), template)
                t, c = time.perf_counter(), time.process_time()
                data = writer(name).render(edition)
                wall, cpu = time.perf_counter() - t, time.process_time() - c
                size = len(data) + (sum(len(b) for files in companions(edition).values() for b in files.values()) if name == "latex" else 0)
                sizes[name] = size
            rows.append((f"exporter {name}", attempt, wall, cpu))
    with tempfile.TemporaryDirectory() as tmp:
        source = markdown(doc, Path(tmp))
        builds = command_builds(source)
        for target, suffix in (("docx", ".docx"), ("latex", ".tex")):
            t = time.perf_counter()
            subprocess.run(["pandoc", str(source.name), "-o", f"out{suffix}"], cwd=tmp, check=True, timeout=600)
            rows.append((f"pandoc md → {target}", "—", time.perf_counter() - t, None))
            size = os.path.getsize(Path(tmp) / f"out{suffix}") + (picture_bytes if target == "latex" else 0)
            sizes[f"pandoc {target}"] = size
    budget = picture_bytes + text_bytes
    breakdown = pdf_breakdown(writer("pdf").render(Edition(Linked(doc, ()), template)))
    lines = [
        "# A paper with 90 pictures and formulas: build time and size",
        "",
        f"Written by `bench/media_build.py`: {FIGURES} figures ({len({p.data for p in pictures})} distinct pictures, {picture_bytes / 1024:.0f} KB) and "
        f"{FORMULAS_N} distinct numbered display formulas, {text_bytes / 1024:.0f} KB of text. cold: a fresh process with an empty user cache "
        "(fonts parsed, every formula typeset); cached: a fresh process after that one (the user cache holds the fonts' parse and the typeset "
        "formulas); warm: the same process again (a server, or `build` of several papers). Times on a shared 2-core machine: CPU time is the steadier figure.",
        "",
        "| edition | run | wall s | CPU s |",
        "|---|---|---|---|",
        *(f"| {name} | {attempt} | {wall:.2f} | {'—' if cpu is None else f'{cpu:.2f}'} |" for name, attempt, wall, cpu in rows),
        "",
        "`build` renders the PDF in a forked process beside DOCX and LaTeX, so a cold build takes about the PDF's time plus reading.",
        "A cold PDF typesets its formulas in forked workers, one a core (`mathfork`): its CPU above is the rendering process's",
        "own; the workers' is in the CPU of `exporter build` below.",
        "",
        f"`exporter build paper.md` (the Markdown paper pandoc reads, its 10 pictures beside it; DOCX, PDF and LaTeX; median of {RUNS} runs, "
        "each cold run with an empty user cache of its own; CPU: the command and the processes it waited for):",
        "",
        "| command | run | wall s | CPU s |",
        "|---|---|---|---|",
        *(f"| exporter build | {attempt} | {wall:.2f} | {cpu:.2f} |" for attempt, (wall, cpu) in builds.items()),
        f"| pandoc md → docx + latex | — | {sum(w for n, a, w, _ in rows if n.startswith('pandoc')):.2f} | — |",
        "",
        f"Load average while measuring: {os.getloadavg()[0]:.1f} (2 cores).",
        "",
        "| edition | size | × (pictures + text) |",
        "|---|---|---|",
        *(f"| {name} | {size / 1024:.0f} KB | {size / budget:.2f} |" for name, size in sizes.items()),
        "",
        "LaTeX: the `.tex` plus its `<stem>.media/` folder; pandoc LaTeX: the `.tex` plus the pictures it names.",
        "",
        "Where the PDF's bytes go: " + ", ".join(f"{name} {size / 1024:.0f} KB" for name, size in breakdown.items()) + ".",
        "Formula glyphs: the math font gathering every outline the formulas draw, each stored once; fonts: the",
        "text fonts' subsets (the glyphs used, no hinting). The pictures take no more room than their files",
        "(JPEG bytes unchanged, PNG pixels deflated); the PDF's dictionaries are packed into object streams.",
    ]
    (BENCH / "MEDIA_BUILD.md").write_text("\n".join(lines) + "\n", encoding="utf-8")
    print("\n".join(lines))


if __name__ == "__main__":
    main()
