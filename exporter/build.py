"""Building editions: read and link each paper, check its glyphs, render, write atomically."""

from __future__ import annotations

import gc
import json
import os
import pickle
import signal
import re
import tempfile
from contextlib import contextmanager
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from .diagnostics import InputError
from .linker import Linked
from .pipeline import read_and_link
from .report import check_json
from .readers.plaintext.sourcefile import read_bytes, read_source, split_lines
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
    # A file name holds 255 bytes; keep room for `.NAME.report.json.XXXXXXXX.part`.
    return stem.encode("utf-8")[:180].decode("utf-8", errors="ignore")


# Encodings for which `sourcefile.decode` returns `data.decode(encoding)` itself: the text can
# be had again without `read_source`'s checks (which cost 0.5 s on a 7.5 MB book).
_PLAIN_CODECS = ("utf-8", "utf-8-sig", "utf-16")


def _source_text(document) -> str:
    """The source's text, as the reader decoded it."""
    if document.encoding in _PLAIN_CODECS:
        try:
            return read_bytes(document.path).decode(document.encoding)
        except UnicodeDecodeError:  # changed since it was read: read it as the reader does
            pass
    return read_source(document.path).text


def _check_model_glyphs(linked: Linked, template: Template) -> None:
    """`check_glyphs` for a source with no text file (DOCX, PDF): every paragraph of the model,
    placed as its findings are (`¶12` in a DOCX, `p.3:12` in a PDF)."""
    from .model import inline_runs, plain_text

    doc = linked.document
    meta = [doc.meta.title, *doc.meta.authors, *doc.meta.affiliations, doc.meta.abstract, *doc.meta.keywords, doc.meta.udc]
    rows = [("p.1:1" if doc.encoding == "pdf" else "¶1", value) for value in meta if value]
    rows += [(f"p.{block.span.page}:{block.span.line}" if block.span.page is not None else f"¶{block.span.line}", plain_text(run)) for block in doc.blocks for run in inline_runs(block)]
    for where, line in rows:
        offset = template.fonts.uncovered(line)
        if offset is not None:
            ch = line[offset]
            raise InputError(doc.path, f"{where}: no font of template '{template.name}' has U+{ord(ch):04X} {ch!r}; add a fallback font that covers it")


def check_glyphs(linked: Linked, template: Template) -> None:
    """Stop with the position of the first character that no font of the template can draw."""
    fonts = template.fonts
    if linked.document.encoding in ("docx", "pdf"):  # no text file: the model's paragraphs, where they stand
        _check_model_glyphs(linked, template)
        text = ""
    else:
        text = _source_text(linked.document)
    if fonts.uncovered(text) is not None:  # one pass over the whole text; lines only to say where
        for number, line in enumerate(split_lines(text), start=1):
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


def build_one(source: str, bib: str | None, template: Template, formats: list[str], out: Path, split: bool = False, style: str | None = None) -> Built:
    """Render every requested edition in memory first, then write them all: all or nothing.

    With `split`, the PDF edition is rendered in a forked process while this one renders the
    others (see `_render_editions`): the same bytes, in less time on a machine with two cores.
    """
    linked = read_and_link(source, bib)
    check_glyphs(linked, template)
    edition = Edition(linked, template, style)
    stem = safe_stem(source)
    editions = _render_editions(edition, formats, split)
    rendered = [(out / f"{stem}{WRITERS[name][1]}", editions[name]) for name in formats]
    report = check_json(linked)
    rendered.append((out / f"{stem}.report.json", (json.dumps(report, ensure_ascii=False, indent=2) + "\n").encode("utf-8")))
    prefixes = tuple(f".{path.name}." for path, _ in rendered)
    for stale in out.iterdir():  # partial files a killed build left of these editions
        if stale.name.endswith(".part") and stale.name.startswith(prefixes):
            stale.unlink(missing_ok=True)
    for path, data in rendered:
        atomic_write(path, data)
    return Built(linked, report, [p for p, _ in rendered])


def _render_editions(edition: Edition, formats: list[str], split: bool) -> dict[str, bytes]:
    """Each edition's bytes, by name; the PDF in a forked process when `split` allows it.

    reportlab's layout is most of a build (and all of it is Python, holding one core), so
    with one paper to build and a second core the PDF goes to a child process, forked once
    the paper is read, linked and checked; this process renders DOCX and LaTeX meanwhile.
    Errors come out as they would one edition after another: an edition listed before
    `pdf` fails first, and the PDF's own error wins over those of editions listed after it.
    A child that dies, or whose error cannot be sent back, costs only time: the PDF is then
    rendered here.
    """
    if not (split and "pdf" in formats and len(formats) > 1 and hasattr(os, "fork") and _cores() > 1):
        return {name: writer(name).render(edition) for name in formats}
    child = _ForkedRender(edition, "pdf")
    out: dict[str, bytes] = {}
    later: BaseException | None = None
    try:
        for name in formats:
            if name == "pdf":
                continue
            try:
                out[name] = writer(name).render(edition)
            except Exception as exc:
                if formats.index(name) < formats.index("pdf"):
                    raise
                later = later or exc
        out["pdf"] = child.result()
    finally:
        child.close()
    if later is not None:
        raise later
    return out


def _cores() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except (AttributeError, OSError):
        return os.cpu_count() or 1


class _ForkedRender:
    """One edition rendered in a forked child, its bytes (or its exception) sent back by pipe."""

    def __init__(self, edition: Edition, name: str):
        self.edition, self.name = edition, name
        read_end, write_end = os.pipe()
        self.pid = os.fork()
        if self.pid == 0:  # the child: render, send, and leave without any of the parent's cleanup
            status = 1
            try:
                os.close(read_end)
                try:
                    message = ("ok", writer(name).render(edition))
                except BaseException as exc:  # sent to the parent, which raises it
                    message = ("error", exc)
                try:
                    payload = pickle.dumps(message, protocol=pickle.HIGHEST_PROTOCOL)
                except Exception:
                    payload = b""  # the parent renders it itself
                with os.fdopen(write_end, "wb") as pipe:
                    pipe.write(payload)
                status = 0
            finally:
                os._exit(status)
        os.close(write_end)
        self.pipe = os.fdopen(read_end, "rb")

    def result(self) -> bytes:
        payload = self.pipe.read()
        self.close()
        try:
            status, value = pickle.loads(payload) if payload else ("lost", None)
        except Exception:
            status, value = "lost", None
        if status == "ok":
            return value
        if status == "error":
            raise value
        return writer(self.name).render(self.edition)  # the child died: render it here

    def close(self) -> None:
        if self.pid:
            if not self.pipe.closed:  # leaving early (an error here): stop the child
                try:
                    os.kill(self.pid, signal.SIGKILL)
                except ProcessLookupError:
                    pass
                self.pipe.close()
            try:
                os.waitpid(self.pid, 0)
            except ChildProcessError:
                pass
            self.pid = 0


def _build_job(job: tuple) -> tuple[dict, list[Path]] | InputError:
    source, bib, template_folder, formats, out, split, style = job
    try:
        built = build_one(source, bib, _template(template_folder), formats, out, split, style)
    except InputError as exc:  # one bad paper does not stop the others
        return exc
    return built.report, built.files


@cache
def _template(folder: str) -> Template:
    return Template.load(folder)  # once per process: fonts are read and registered once


@contextmanager
def _build_gc():
    """Python's cyclic garbage collector, set for a batch of builds.

    A build allocates hundreds of thousands of short-lived objects (layout fragments, XML
    proxies), so the collector runs hundreds of times, and each full collection walks every
    object alive, the imported modules included; at exit Python walks them all again. That
    was 15% of a one-paper build. So: what is alive when the batch starts (modules, the
    template) is frozen, i.e. no longer walked (`gc.freeze`, which also keeps forked workers
    from copying those pages); young objects are collected less often; and at the end one
    full collection frees the batch's garbage before what is still alive is frozen too, so
    the exit has little left to walk and nothing is kept that was garbage.
    """
    threshold = gc.get_threshold()
    gc.freeze()
    gc.set_threshold(max(threshold[0], 10_000), *threshold[1:])
    try:
        yield
    finally:
        gc.set_threshold(*threshold)
        gc.collect()
        gc.freeze()


def build_many(jobs: list[tuple[str, str | None]], template_folder: str, formats: list[str], out: Path, workers: int = 1, style: str | None = None):
    """Build each (source, bib) job, in parallel processes when `workers` > 1; results in job order."""
    # One paper: its PDF renders beside its other editions (a core each). Several: a core a paper.
    split = len(jobs) == 1
    work = [(source, bib, template_folder, formats, out, split, style) for source, bib in jobs]
    with _build_gc():
        if workers == 1 or len(work) == 1:
            yield from map(_build_job, work)
            return
        from concurrent.futures import ProcessPoolExecutor

        with ProcessPoolExecutor(max_workers=min(workers, len(work))) as pool:
            yield from pool.map(_build_job, work, chunksize=max(1, len(work) // (workers * 4)))
