"""Building editions in three steps: plan (names, outputs, refusals, before any work) →
render (read, link, check glyphs, every edition in memory) → write (atomically, all or nothing)."""

from __future__ import annotations

import json
import os
import pickle
import re
import shutil
import signal
import stat
import tempfile
import threading
from dataclasses import dataclass, field, fields, replace
from functools import cache
from pathlib import Path

from . import compile_cache, speedups
from .diagnostics import InputError, sort_key
from .messages import SOURCE_LANGUAGE
from .linker import Linked
from .media.images import remember
from .pipeline import read_and_link
from .report import check_json
from .venue import Template
from .venue_rules import Range, rule_findings
from .writers import WRITERS, Edition, companions, writer
from .writers.glyphs import glyph_findings
from .writers.mediacheck import media_findings


def atomic_write(path: Path, data: bytes) -> None:
    """Write to a temporary file beside `path`, then rename it into place.

    A crash, a kill or a full disk leaves the previous edition untouched and no partial file.
    What stands at `path` must be a regular file (or nothing, or a symbolic link, which is
    replaced, never followed): a device, a pipe or a folder is refused, never replaced. An
    OSError names the folder (the temporary file could not be made or written) or `path` (it
    could not be renamed there), never the temporary file's random name.
    """
    refuse_special(path)
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".part", dir=path.parent)
    except OSError as exc:
        raise _naming(exc, path.parent) from None
    try:
        try:
            with os.fdopen(fd, "wb") as handle:
                handle.write(data)
                handle.flush()
                os.fsync(handle.fileno())
            os.chmod(tmp, 0o644)
        except OSError as exc:
            raise _naming(exc, path.parent) from None
        try:
            os.replace(tmp, path)
        except OSError as exc:
            raise _naming(exc, path) from None
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def refuse_special(path: Path) -> None:
    """InputError when `path` is something other than a regular file, a symbolic link or nothing:
    writing there would replace a device node, a pipe or a socket with a file (or fail on a folder)."""
    try:
        mode = os.lstat(path).st_mode
    except OSError:
        return  # nothing there (or not reachable: the write itself then says why)
    if stat.S_ISDIR(mode):
        raise InputError(str(path), "is a folder, not a file; give a file name")
    if not (stat.S_ISREG(mode) or stat.S_ISLNK(mode)):
        raise InputError(str(path), "is a device, pipe or socket, not a regular file; refused to replace it")


def _naming(exc: OSError, where: Path) -> OSError:
    """The same error, naming `where` (an error without an errno is left as it is)."""
    return type(exc)(exc.errno, exc.strerror, str(where)) if exc.errno is not None else exc


def make_folder(folder: Path) -> None:
    """Create an output folder and its parents; one InputError naming it when that cannot be done."""
    if folder.exists() and not folder.is_dir():
        raise InputError(str(folder), "is not a folder")
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except FileExistsError:  # a part of its path is a file
        raise InputError(str(folder), "cannot be created: Not a directory") from None
    except OSError as exc:
        raise InputError(str(folder), f"cannot be created: {exc.strerror or exc}") from None


def safe_stem(source: str) -> str:
    """An output name from a source name: letters, digits, `-`, `_`, `.` only, never a path."""
    stem = Path(source).stem
    stem = re.sub(r"[^\w.-]", "_", stem).lstrip(".") or "paper"
    # A file name holds 255 bytes; keep room for `.NAME.report.json.XXXXXXXX.part`.
    return stem.encode("utf-8")[:180].decode("utf-8", errors="ignore")


# ---- plan -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Plan:
    """What a build will do: each (source, bib) job, the editions, where they go."""

    jobs: tuple[tuple[str, str | None], ...]
    formats: tuple[str, ...]
    out: Path
    template: Template

    def outputs(self, source: str) -> list[Path]:
        """The files one paper's build writes: each edition, then the report."""
        stem = safe_stem(source)
        return [self.out / f"{stem}{WRITERS[name][1]}" for name in self.formats] + [self.out / f"{stem}.report.json"]


def plan(jobs: list[tuple[str, str | None]], formats: list[str], out: Path, template: Template) -> Plan:
    """The build's plan, or the InputError that refuses it before any work: an unknown edition,
    an output folder that is a file, an output that would overwrite another or an input."""
    unknown = [f for f in formats if f not in WRITERS]
    if unknown or not formats:
        raise InputError("--to", f"unknown edition {', '.join(unknown) or '(none)'}; choose from {', '.join(WRITERS)}")
    if out.exists() and not out.is_dir():
        raise InputError(str(out), "is not a folder")
    result = Plan(tuple(jobs), tuple(formats), out, template)
    inputs = {Path(p).resolve(): p for source, bib in jobs for p in (source, bib) if p}
    stems: dict[str, str] = {}
    for source, _ in jobs:
        stem = safe_stem(source)
        if stem in stems and Path(stems[stem]).resolve() != Path(source).resolve():
            raise InputError(source, f"its editions would be named {stem}.* like those of {stems[stem]}; rename one or build them apart")
        stems.setdefault(stem, source)
        for target in result.outputs(source):
            if target.resolve() in inputs:
                raise InputError(inputs[target.resolve()], f"would be overwritten by the edition {target}; choose another --out")
    return result


# ---- render ---------------------------------------------------------------------------------


@dataclass
class Rendered:
    """One paper's editions and report, in memory, by output path."""

    linked: Linked
    report: dict
    files: dict[Path, bytes]
    folders: dict[Path, dict[str, bytes]] = field(default_factory=dict)  # an edition's companion folder (the LaTeX media)


def render(source: str, bib: str | None, template: Template, formats: list[str], out: Path, split: bool = False, style: str | None = None,
           language: str = SOURCE_LANGUAGE) -> Rendered:
    """Read and link the paper, check what its editions draw, render each edition and the report
    (its messages in `language`).

    With `split`, the PDF edition is rendered in a forked process while this one reads the
    paper and renders the others (see `_render_editions`): the same bytes, in less time on a
    machine with two cores.
    """
    child = _ForkedRender.start(template, "pdf") if _forks(split, formats) else None
    try:
        linked = read_and_link(source, bib)
        stem = safe_stem(source)
        edition = Edition(linked, template, style, stem=stem)
        glyphs = glyph_findings(edition) + media_findings(edition)
        if glyphs:  # reported with the paper's own findings, in the same order
            linked = replace(linked, diagnostics=tuple(sorted((*linked.diagnostics, *glyphs), key=sort_key)))
        editions = _render_editions(edition, formats, child)
    finally:
        if child is not None:
            child.close()
    files = {out / f"{stem}{WRITERS[name][1]}": editions[name] for name in formats}
    folders = {out / folder: members for name in formats for folder, members in companions(name, edition).items()}
    linked = rule_findings(linked, template.venue.rules, venue_pages(edition, editions.get("pdf")))
    report = check_json(linked, language)
    files[out / f"{stem}.report.json"] = (json.dumps(report, ensure_ascii=False, indent=2) + "\n").encode("utf-8")
    return Rendered(linked, report, files, folders)


def venue_pages(edition: Edition, pdf: bytes | None = None) -> int | None:
    """The PDF edition's page count when the venue limits it (rendered here if not given)."""
    if edition.venue.rules.pages == Range():
        return None
    import pypdfium2

    document = pypdfium2.PdfDocument(pdf if pdf is not None else writer("pdf").render(edition))
    try:
        return len(document)
    finally:
        document.close()


# ---- write ----------------------------------------------------------------------------------


def write(rendered: Rendered, out: Path) -> list[Path]:
    """Write every file of a paper atomically, after clearing partial files a killed build left."""
    prefixes = tuple(f".{path.name}." for path in [*rendered.files, *rendered.folders])
    for stale in out.iterdir():
        if stale.name.endswith((".part", ".old")) and stale.name.startswith(prefixes):
            shutil.rmtree(stale, ignore_errors=True) if stale.is_dir() else stale.unlink(missing_ok=True)
    for folder, members in rendered.folders.items():  # before the edition that names them
        atomic_write_folder(folder, members)
    for path, data in rendered.files.items():
        atomic_write(path, data)
    return list(rendered.folders) + list(rendered.files)


_OURS = re.compile(r"(?:picture|formula)\d+\.[a-z]+")  # what writers put in a companion folder (writers/latex.py media_name)


def atomic_write_folder(path: Path, members: dict[str, bytes]) -> None:
    """Write a folder of files as one step: filled under a temporary name beside `path`, then
    swapped in by renames; the previous folder stays whole until the swap."""
    if path.is_dir() and any(not _OURS.fullmatch(child.name) for child in path.iterdir()):
        raise InputError(str(path), "holds files exporter did not write; it is not replaced (choose another --out)")
    tmp = Path(tempfile.mkdtemp(prefix=f".{path.name}.", suffix=".part", dir=path.parent))
    old = None
    try:
        for name, data in members.items():
            with open(tmp / name, "wb") as handle:
                handle.write(data)
                handle.flush()
                os.fsync(handle.fileno())
            os.chmod(tmp / name, 0o644)
        os.chmod(tmp, 0o755)
        if path.is_dir() and not path.is_symlink():
            old = Path(tempfile.mkdtemp(prefix=f".{path.name}.", suffix=".old", dir=path.parent))
            os.replace(path, old / "folder")
        os.replace(tmp, path)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        if old is not None and (old / "folder").is_dir() and not path.exists():
            os.replace(old / "folder", path)  # put the previous folder back
        raise
    finally:
        if old is not None:
            shutil.rmtree(old, ignore_errors=True)


@dataclass
class Built:
    linked: Linked
    report: dict
    files: list[Path]


def build_one(source: str, bib: str | None, template: Template, formats: list[str], out: Path, split: bool = False, style: str | None = None,
              language: str = SOURCE_LANGUAGE) -> Built:
    """Render every requested edition in memory first, then write them all: all or nothing."""
    rendered = render(source, bib, template, formats, out, split, style, language)
    return Built(rendered.linked, rendered.report, write(rendered, out))


def _forks(split: bool, formats: list[str]) -> bool:
    """Whether the PDF goes to a forked child: one paper (`split`), the PDF and another edition
    to render, the `fork` speed-up on, and a second core to run it."""
    return split and speedups.enabled("fork") and "pdf" in formats and len(formats) > 1 and hasattr(os, "fork") and usable_cores() > 1


def _render_editions(edition: Edition, formats: list[str], child: "_ForkedRender | None" = None) -> dict[str, bytes]:
    """Each edition's bytes, by name; the PDF by `child` when there is one.

    reportlab's import and layout are most of a build (and all of it is Python, holding one
    core), so with one paper to build and a second core the PDF goes to a child process,
    forked before the paper is read: it imports the PDF writer and registers the fonts while
    this process reads, links and checks the paper, then it is sent the edition and renders
    it while this process renders DOCX and LaTeX. Errors come out as they would one edition
    after another: an edition listed before `pdf` fails first, and the PDF's own error wins
    over those of editions listed after it. A child that dies, or whose edition or error
    cannot be sent, costs only time: the PDF is then rendered here.
    """
    if child is None:
        return {name: writer(name).render(edition) for name in formats}
    child.send(edition)
    out: dict[str, bytes] = {}
    later: BaseException | None = None
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
    if later is not None:
        raise later
    return out


def default_workers(papers: int) -> int:
    """`--jobs` when not given: every usable core for several papers, one for one paper (whose
    PDF then renders beside its other editions: see `_render_editions`)."""
    return usable_cores() if papers > 1 else 1


def usable_cores() -> int:
    """The cores this process may run on (its affinity), not merely those of the machine."""
    try:
        return len(os.sched_getaffinity(0))
    except (AttributeError, OSError):
        return os.cpu_count() or 1


class _ForkedRender:
    """One edition rendered in a forked child: started before the paper is read (the child
    imports its writer and calls the writer's `preload(template)`, if it has one, meanwhile),
    sent the edition by one pipe, its bytes (or its exception) sent back by another."""

    def __init__(self, template: Template, name: str):
        self.template, self.name, self.edition, self._sender = template, name, None, None
        job_read, self._job_write = os.pipe()
        result_read, result_write = os.pipe()
        self.pid = os.fork()
        if self.pid == 0:  # the child: prepare, render, send, and leave without any of the parent's cleanup
            status = 1
            try:
                os.close(self._job_write)
                os.close(result_read)
                payload = self._child(os.fdopen(job_read, "rb"))
                if payload is not None:
                    with os.fdopen(result_write, "wb") as pipe:
                        pipe.write(payload)
                compile_cache.remember()  # after the payload is sent: the parent is not kept waiting
                status = 0
            finally:
                os._exit(status)
        os.close(job_read)
        os.close(result_write)
        self.pipe = os.fdopen(result_read, "rb")

    @classmethod
    def start(cls, template: Template, name: str) -> "_ForkedRender | None":
        """The child, or None when it cannot be forked (the edition is then rendered here)."""
        try:
            return cls(template, name)
        except OSError:
            return None

    def _child(self, jobs) -> bytes | None:
        """In the child: what is sent back for the edition the parent sends (None: nothing sent)."""
        compile_cache.continue_in_child(self.name)  # what reportlab and the writer compile, kept for the next run's child
        try:
            module = writer(self.name)
            preload = getattr(module, "preload", None)
            if preload is not None:
                preload(self.template)
        except Exception:  # rendering raises it again, in order
            module = None
        job = jobs.read()
        if not job:  # the parent went on without this child
            return None
        try:
            given, cached = pickle.loads(job)
            edition = Edition(template=self.template, **given)
            vars(edition).update(cached)  # what the parent already derived (cached properties)
            remember(cached.get("pictures", ()))  # the pictures as the parent prepared them: no converter runs again
        except Exception:  # an edition that cannot cross: the parent renders it itself
            return b""
        try:
            message = ("ok", (module or writer(self.name)).render(edition))
        except BaseException as exc:  # sent to the parent, which raises it
            message = ("error", exc)
        try:
            return pickle.dumps(message, protocol=pickle.HIGHEST_PROTOCOL)
        except Exception:
            return b""  # the parent renders it itself

    def send(self, edition: Edition) -> None:
        """Have the child render `edition` (the dataclass's fields and what it has derived so far,
        the template being the child's own)."""
        self.edition = edition
        state = dict(vars(edition))
        state.pop("template")
        names = {f.name for f in fields(Edition) if f.name != "template"}
        try:
            job = pickle.dumps(({k: state.pop(k) for k in names}, state), protocol=pickle.HIGHEST_PROTOCOL)
        except Exception:
            job = b""  # the child sends nothing back; the edition is rendered here
        # Written by a thread: a job larger than the pipe holds would otherwise keep this process
        # waiting until the child, still importing, starts reading.
        self._sender = threading.Thread(target=_send, args=(self._job_write, job), daemon=True)
        self._sender.start()
        self._job_write = -1

    def result(self) -> bytes:
        payload = self.pipe.read()
        self.pipe.close()
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
        if self.pid and not self.pipe.closed:  # leaving early (an error here): stop the child
            try:
                os.kill(self.pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
            self.pipe.close()
        if self._sender is not None:  # done: the child read it all, or died
            self._sender.join()
            self._sender = None
        if self._job_write >= 0:
            os.close(self._job_write)
            self._job_write = -1
        if self.pid:
            try:
                os.waitpid(self.pid, 0)
            except ChildProcessError:
                pass
            self.pid = 0


def _send(fd: int, data: bytes) -> None:
    try:
        with os.fdopen(fd, "wb") as pipe:
            pipe.write(data)
    except OSError:  # the child died: its result says so
        pass


def _build_job(job: tuple) -> tuple[dict, list[Path]] | InputError:
    source, bib, template_folder, formats, out, split, style, language = job
    try:
        built = build_one(source, bib, _template(template_folder), formats, out, split, style, language)
    except InputError as exc:  # one bad paper does not stop the others
        return exc
    return built.report, built.files


@cache
def _template(folder: str) -> Template:
    return Template.load(folder)  # once per process: fonts are read and registered once


def build_many(jobs: list[tuple[str, str | None]], template_folder: str, formats: list[str], out: Path, workers: int = 1, style: str | None = None,
               language: str = SOURCE_LANGUAGE):
    """Build each (source, bib) job, in parallel processes when `workers` > 1; results in job
    order, each report's messages in `language`."""
    # One paper: its PDF renders beside its other editions (a core each). Several: a core a paper.
    split = len(jobs) == 1
    work = [(source, bib, template_folder, formats, out, split, style, language) for source, bib in jobs]
    if workers == 1 or len(work) == 1:
        yield from map(_build_job, work)
        return
    from concurrent.futures import ProcessPoolExecutor

    with ProcessPoolExecutor(max_workers=min(workers, len(work))) as pool:
        yield from pool.map(_build_job, work, chunksize=max(1, len(work) // (workers * 4)))
