"""Building editions: read and link each paper, check its glyphs, render, write atomically."""

from __future__ import annotations

import json
import os
import re
import tempfile
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from .diagnostics import InputError
from .linker import Linked
from .pipeline import read_and_link
from .report import check_json
from .sourcefile import read_source
from .templates import Template, entry_context
from .writers import WRITERS, Edition, writer


def atomic_write(path: Path, data: bytes) -> None:
    """Write to a temporary file beside `path`, then rename it into place.

    A crash, a kill or a full disk leaves the previous edition untouched and no partial file.
    """
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".part", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp, 0o644)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def safe_stem(source: str) -> str:
    """An output name from a source name: letters, digits, `-`, `_`, `.` only, never a path."""
    stem = Path(source).stem
    stem = re.sub(r"[^\w.-]", "_", stem).lstrip(".") or "paper"
    return stem[:120]


def check_glyphs(linked: Linked, template: Template) -> None:
    """Stop with the position of the first character that no font of the template can draw."""
    fonts = template.fonts
    source = read_source(linked.document.path)
    for number, line in enumerate(source.lines, start=1):
        offset = fonts.uncovered(line)
        if offset is not None:
            ch = line[offset]
            raise InputError(linked.document.path, f"column {offset + 1}: no font of template '{template.name}' has U+{ord(ch):04X} {ch!r}; add a fallback font that covers it", number)
    for entry in linked.document.references:
        ctx = entry_context(entry)
        for value in [ctx["text"], *ctx["fields"].values()]:
            offset = fonts.uncovered(value)
            if offset is not None:
                ch = value[offset]
                where = linked.bib_path or linked.document.path
                raise InputError(where, f"entry '{entry.key}': no font of template '{template.name}' has U+{ord(ch):04X} {ch!r}", entry.span.line)


@dataclass
class Built:
    linked: Linked
    report: dict
    files: list[Path]


def build_one(source: str, bib: str | None, template: Template, formats: list[str], out: Path) -> Built:
    """Render every requested edition in memory first, then write them all: all or nothing."""
    linked = read_and_link(source, bib)
    check_glyphs(linked, template)
    edition = Edition(linked, template)
    stem = safe_stem(source)
    rendered: list[tuple[Path, bytes]] = []
    for name in formats:
        rendered.append((out / f"{stem}{WRITERS[name][1]}", writer(name).render(edition)))
    report = check_json(linked)
    rendered.append((out / f"{stem}.report.json", (json.dumps(report, ensure_ascii=False, indent=2) + "\n").encode("utf-8")))
    for path, data in rendered:
        atomic_write(path, data)
    return Built(linked, report, [p for p, _ in rendered])


def _build_job(job: tuple) -> tuple[dict, list[Path]] | InputError:
    source, bib, template_folder, formats, out = job
    try:
        built = build_one(source, bib, _template(template_folder), formats, out)
    except InputError as exc:  # one bad paper does not stop the others
        return exc
    return built.report, built.files


@cache
def _template(folder: str) -> Template:
    return Template.load(folder)  # once per process: fonts are read and registered once


def build_many(jobs: list[tuple[str, str | None]], template_folder: str, formats: list[str], out: Path, workers: int = 1):
    """Build each (source, bib) job, in parallel processes when `workers` > 1; results in job order."""
    work = [(source, bib, template_folder, formats, out) for source, bib in jobs]
    if workers == 1 or len(work) == 1:
        yield from map(_build_job, work)
        return
    from concurrent.futures import ProcessPoolExecutor

    with ProcessPoolExecutor(max_workers=min(workers, len(work))) as pool:
        yield from pool.map(_build_job, work, chunksize=max(1, len(work) // (workers * 4)))
