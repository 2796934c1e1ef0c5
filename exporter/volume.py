"""A proceedings volume: many papers through the same pipeline, bound into one book — a title
page, contents, the papers with continuous page numbers and running heads, a PDF outline
and an author index (`exporter volume`).

Each paper's PDF is rendered by the PDF writer as in `build` (in parallel worker processes,
written to a scratch folder, so memory does not grow with the number of papers), without
its own page numbers; the book's pages (title, contents, index) are drawn here with the
venue's fonts; qpdf (pikepdf) binds them, stamps page numbers and running heads, and builds
the outline, the page labels (roman for the front matter) and the links of the contents and
the index. The same workers render each paper through the venue's LaTeX shell for
`volume.tex` (writers/latex_volume.py), which binds them under one preamble.
"""

from __future__ import annotations

import io
import json
import re
import tempfile
from dataclasses import dataclass, replace
from functools import cache
from pathlib import Path

import pikepdf

from .build import atomic_write, atomic_write_folder, make_folder, usable_cores
from .collation import collation_key
from .diagnostics import InputError
from .pipeline import read_and_link
from .messages import SOURCE_LANGUAGE
from .report import check_json, in_language
from .venue import Template
from .venue_rules import rule_findings
from .writers import Edition, writer
from .writers.latex_volume import PaperTex, paper_tex, volume_tex
from .writers.pdf_volume import bind_volume

BIB_SUFFIXES = (".bib", ".json", ".ris")


# ---- the papers -----------------------------------------------------------------------------


@dataclass(frozen=True)
class Section:
    title: str
    page: int  # 0-based, within the paper
    level: int  # 1 for the paper's top sections (the paper itself is level 0 of the book)


@dataclass(frozen=True)
class Part:
    """One paper, rendered: what the book needs to know of it; its PDF lies in the scratch folder."""

    source: str
    title: str
    authors: tuple[str, ...]
    pages: int
    sections: tuple[Section, ...]
    report: dict
    pdf: str
    language: str = "en"
    tex: PaperTex | None = None  # its part of volume.tex, when the volume writes one

    @property
    def blocking(self) -> list[str]:
        """What `--strict` refuses: unresolved citations and venue-rule errors."""
        return sorted({d["code"] for d in self.report["diagnostics"] if d["severity"] == "error" and (d["code"] == "CIT001" or d["code"].startswith("VEN"))})


def bib_for(source: str, bib_dir: Path | None) -> str | None:
    """The bibliography file of a paper in `--bib-dir`: `<stem>.bib`, `.json` or `.ris`, if there is one."""
    if bib_dir is None:
        return None
    for suffix in BIB_SUFFIXES:
        candidate = bib_dir / f"{Path(source).stem}{suffix}"
        if candidate.is_file():
            return str(candidate)
    return None


@cache
def _volume_template(folder: str) -> Template:
    """The venue as the volume sets its papers: the book numbers the pages and draws the running
    heads, not each paper."""
    template = Template.load(folder)
    venue = template.venue
    template.venue = replace(venue, page=replace(venue.page, page_numbers=False), running_head=None)
    return template


def render_part(job: tuple[int, str, str | None, str, str, bool]) -> Part | InputError:
    """One paper read, linked and rendered to PDF (and through the LaTeX shell, with `with_tex`)
    in the scratch folder (a worker's job)."""
    index, source, bib, template_folder, scratch, with_tex = job
    template = _volume_template(template_folder)
    stem = f"paper{index + 1:03d}"  # its media folder in the volume's, and its targets' namespace
    try:
        linked = read_and_link(source, bib)
        edition = Edition(linked, template, stem=stem, anchor_prefix=f"{stem}-")
        data = writer("pdf").render(edition)
        tex = paper_tex(edition, Path(scratch), keep_context=index == 0) if with_tex else None
    except InputError as exc:  # one bad paper is reported with the others
        return exc
    path = Path(scratch) / f"{index:05d}.pdf"
    path.write_bytes(data)
    pages, sections = _outline_of(data)
    linked = rule_findings(linked, template.venue.rules, pages)
    meta = linked.document.meta
    title = meta.title_text or Path(source).stem
    return Part(source, title, tuple(meta.authors), pages, sections, check_json(linked), str(path), meta.language, tex)


def _outline_of(data: bytes) -> tuple[int, tuple[Section, ...]]:
    """The page count and the outline entries of a paper's PDF, but its first (the title)."""
    sections: list[Section] = []
    with pikepdf.open(io.BytesIO(data)) as pdf:
        pages = {page.objgen: n for n, page in enumerate(pdf.pages)}

        def visit(items, level: int) -> None:
            for item in items:
                destination = item.destination
                if isinstance(destination, pikepdf.Array) and len(destination) and destination[0].objgen in pages:
                    sections.append(Section(str(item.title), pages[destination[0].objgen], level))
                visit(item.children, level + 1)

        with pdf.open_outline() as outline:
            visit(outline.root, 1)
        count = len(pdf.pages)
    return count, tuple(sections[1:])


def render_parts(jobs: list[tuple[str, str | None]], template_folder: str, scratch: Path, workers: int, with_tex: bool = False):
    """Every paper rendered, in the order given (in parallel processes when `workers` > 1)."""
    work = [(n, source, bib, template_folder, str(scratch), with_tex) for n, (source, bib) in enumerate(jobs)]
    if workers <= 1 or len(work) <= 1:
        return [render_part(job) for job in work]
    from concurrent.futures import ProcessPoolExecutor

    with ProcessPoolExecutor(max_workers=min(workers, len(work))) as pool:
        return list(pool.map(render_part, work, chunksize=max(1, len(work) // (workers * 4))))


# ---- the author index -----------------------------------------------------------------------

_INITIAL = re.compile(r"^(?:\w{1,2}\.)+(?:-\w\.)?$")
_CYRILLIC = re.compile(r"[\u0400-\u04ff]")
# A patronymic (Russian `-ович`/`-овна`, Kazakh `-ұлы`/`-қызы`): the word after it, if any, is the family name.
_PATRONYMIC = re.compile(r"(?:вич|вна|ична|инична|ұлы|улы|қызы|кызы)$", re.IGNORECASE)


def index_name(author: str) -> str:
    """`Family, Given` for the index. Initials mark the given names (`А.Б. Әбілов`, `Әбілов А.Б.`);
    a name spelled out in Cyrillic is printed family first, as Kazakh and Russian title blocks
    do (`Жақан Жанар`, `Иванов Иван Иванович`), unless its patronymic stands second (`Иван
    Сергеевич Барынкин`); a Latin one family last (`Jacob Ziv`)."""
    words = author.replace(",", " ").split()
    if len(words) < 2:
        return author.strip()
    initials = [w for w in words if _INITIAL.match(w)]
    if initials and len(initials) < len(words):
        family = [w for w in words if not _INITIAL.match(w)]
        return f"{' '.join(family)}, {' '.join(initials)}"
    if _CYRILLIC.search(words[0]):
        if len(words) == 3 and _PATRONYMIC.search(words[1]) and not _PATRONYMIC.search(words[2]):
            return f"{words[2]}, {words[0]} {words[1]}"  # given name and patronymic first: `Иван Сергеевич Барынкин`
        return f"{words[0]}, {' '.join(words[1:])}"
    return f"{words[-1]}, {' '.join(words[:-1])}"


def author_index(parts: list[Part], numbers: list[int]) -> list[tuple[str, list[int]]]:
    """Each author (as `Family, Given`) with the numbers of their papers (`numbers`, one per
    paper, in the book's order: their first pages, or their places), in collation order."""
    pages: dict[str, set[int]] = {}
    shown: dict[str, str] = {}
    for part, first in zip(parts, numbers):
        for author in part.authors:
            name = index_name(author)
            key = " ".join(name.replace(".", ". ").split()).casefold()
            shown.setdefault(key, name)
            pages.setdefault(key, set()).add(first)
    return sorted(((shown[k], sorted(v)) for k, v in pages.items()), key=lambda item: collation_key(item[0]))


# ---- the volume -----------------------------------------------------------------------------


def page_numbers(parts: list[Part]) -> list[int]:
    """The printed number of each paper's first page: the papers follow one another from 1."""
    out, n = [], 1
    for part in parts:
        out.append(n)
        n += part.pages
    return out


def volume_language(parts: list[Part]) -> str:
    """The language most papers are written in (the first of them on a tie): the book's labels."""
    counts: dict[str, int] = {}
    for part in parts:
        counts[part.language] = counts.get(part.language, 0) + 1
    return max(counts, key=lambda lang: counts[lang]) if counts else "en"


class NotReady(Exception):
    """`--strict`: papers with an unresolved citation or a venue-rule error; nothing was written."""

    def __init__(self, parts: tuple[Part, ...]):
        super().__init__(f"{len(parts)} paper(s) to fix")
        self.parts = parts


@dataclass(frozen=True)
class Volume:
    """What `exporter volume` wrote, and each paper's place in it."""

    parts: tuple[Part, ...]
    first_pages: tuple[int, ...]  # printed page number of each paper's first page
    files: tuple[Path, ...]


EDITIONS = ("pdf", "latex")  # what `exporter volume --to` may write


def build_volume(
    jobs: list[tuple[str, str | None]], template: Template, out: Path, title: str, editors: str = "",
    workers: int | None = None, strict: bool = False, messages: str = SOURCE_LANGUAGE, editions: tuple[str, ...] = EDITIONS,
) -> Volume:
    """Render every paper, then bind them into `editions` (volume.pdf, volume.tex with its
    papers' media folders); with `strict`, refuse (InputError) before writing anything when a
    paper has an unresolved citation or a venue-rule error. The report's messages are in the
    language `messages` (kk, ru, en)."""
    if not jobs:
        raise InputError("volume", "no papers given")
    workers = usable_cores() if workers is None else workers
    with tempfile.TemporaryDirectory(prefix="exporter-volume-") as scratch:
        results = render_parts(jobs, str(template.folder), Path(scratch), workers, with_tex="latex" in editions)
        errors = [r for r in results if isinstance(r, InputError)]
        if errors:
            raise errors[0]
        parts = [r for r in results if isinstance(r, Part)]
        if strict and any(p.blocking for p in parts):
            raise NotReady(tuple(p for p in parts if p.blocking))
        first_pages = page_numbers(parts)
        language = volume_language(parts)
        files: dict[Path, bytes] = {}
        if "pdf" in editions:
            files[out / "volume.pdf"] = bind_volume(parts, first_pages, author_index(parts, first_pages), template, title, editors, language)
        if "latex" in editions:
            # the index names papers by their number: LaTeX finds their pages (\pageref)
            numbers = list(range(1, len(parts) + 1))
            files[out / "volume.tex"] = volume_tex(parts, author_index(parts, numbers), template, title, editors, language)
        report = {
            "title": title,
            "editors": editors,
            "papers": [
                {"source": p.source, "title": p.title, "authors": list(p.authors), "first_page": f, "pages": p.pages, "report": in_language(p.report, messages)}
                for p, f in zip(parts, first_pages)
            ],
        }
        files[out / "volume.report.json"] = (json.dumps(report, ensure_ascii=False, indent=2) + "\n").encode("utf-8")
        make_folder(out)
        folders = [out / folder for part in parts if part.tex for folder in part.tex.media]
        for folder in folders:  # before the .tex that names them
            atomic_write_folder(folder, {f.name: f.read_bytes() for f in sorted((Path(scratch) / folder.name).iterdir())})
    for path, data in files.items():
        atomic_write(path, data)
    return Volume(tuple(parts), tuple(first_pages), (*folders, *files))
