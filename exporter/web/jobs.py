"""The web's work, run in worker processes: the CLI's pipeline on an upload's temporary files.

An upload is read from a file we named (`source.txt`, `source.docx`: only the extension comes
from the client, so the right reader is chosen) and shown under the client's name, which is
never a path. Every result is plain data (bytes, str, dict), cheap to send back to the server.
"""

from __future__ import annotations

import dataclasses
import json
import os
from dataclasses import dataclass
from functools import cache

from ..build import safe_stem
from ..diagnostics import Diagnostic, InputError, sort_key
from ..linker import Linked
from ..messages import SOURCE_LANGUAGE
from ..pipeline import read_and_link
from ..report import check_json
from ..venue import Template, available
from ..writers import WRITERS, Edition, writer


@dataclass(frozen=True)
class Upload:
    path: str  # the temporary file, named by us
    name: str  # what the client called it: shown in reports and editions, never opened


@dataclass(frozen=True)
class Failure:
    """Input the pipeline refused: the CLI's one line (`exporter: error: FILE[:LINE]: message`)."""

    line: str
    internal: bool = False


# The editions a page offers, beyond the writers': the JSON report, and for a DOCX source the
# annotated copy (the author's file with a Word comment at each finding, as `exporter annotate`).
MEDIA_TYPES = {
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "pdf": "application/pdf",
    "latex": "application/x-tex",
    "json": "application/json",
    "annotated": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
}
SUFFIXES = {**{name: suffix for name, (_, suffix) in WRITERS.items()}, "json": ".report.json", "annotated": ".checked.docx"}  # as `exporter annotate` names it


def download_name(name: str, kind: str) -> str:
    """The file name a download is saved under: the source's stem made safe, and the edition's suffix."""
    return safe_stem(name) + SUFFIXES[kind]


@cache
def venue(name: str) -> Template:
    """A venue by the name listed on the form (never a folder the client names)."""
    if name not in available():
        raise InputError("template", f"unknown template '{name}'; choose from {', '.join(available())}")
    return Template.load(name)  # once per worker process: fonts are read and registered once


def _unpathed(text: str, source: Upload, bib: Upload | None) -> str:
    """`text` with the client's names in place of our temporary paths."""
    for upload in (source, bib):
        if upload:
            text = text.replace(upload.path, upload.name)
    return text


def _unpathed_finding(d: Diagnostic, source: Upload, bib: Upload | None) -> Diagnostic:
    """A finding whose arguments name the client's files, not ours (REF002 names the .bib file)."""
    args = tuple((name, _unpathed(value, source, bib) if isinstance(value, str) else value) for name, value in d.args)
    return dataclasses.replace(d, args=args)


def _shown(linked: Linked, source: Upload, bib: Upload | None) -> Linked:
    """The linked paper with the client's names in place of our temporary paths."""
    names = {source.path: source.name, **({bib.path: bib.name} if bib else {})}
    document = dataclasses.replace(linked.document, path=source.name)
    diagnostics = tuple(dataclasses.replace(_unpathed_finding(d, source, bib), path=names.get(d.path, d.path)) for d in linked.diagnostics)
    return dataclasses.replace(linked, document=document, diagnostics=diagnostics, bib_path=bib.name if bib and linked.bib_path else linked.bib_path)


def _failure(exc: Exception, source: Upload, bib: Upload | None) -> Failure:
    if isinstance(exc, InputError):
        line = f"exporter: error: {exc}"
        internal = False
    else:  # a bug of ours: one line too, never a traceback on the page
        line = f"exporter: internal error: {type(exc).__name__}: {' '.join(str(exc).split())} (please report this)"
        internal = True
    for upload in (source, bib):
        if upload:
            line = line.replace(upload.path, upload.name).replace(os.path.dirname(upload.path) + os.sep, "")
    return Failure(line, internal)


def linked_upload(source: Upload, bib: Upload | None, template: Template | None = None) -> Linked:
    """Read and link an upload; with a venue, also report (GLY001) what no font of it draws."""
    linked = read_and_link(source.path, bib.path if bib else None, named_bib=False)
    if template is not None:  # reads the source again: before the paths are renamed
        from ..writers.glyphs import glyph_findings

        glyphs = glyph_findings(Edition(linked, template))
        if glyphs:
            linked = dataclasses.replace(linked, diagnostics=tuple(sorted((*linked.diagnostics, *glyphs), key=sort_key)))
    return _shown(linked, source, bib)


def check(source: Upload, bib: Upload | None, language: str = SOURCE_LANGUAGE) -> dict | Failure:
    """The `check --json` object of an upload, its messages in `language`."""
    try:
        return check_json(linked_upload(source, bib), language)
    except Exception as exc:
        return _failure(exc, source, bib)


def edition(source: Upload, bib: Upload | None, template_name: str, kind: str, language: str = SOURCE_LANGUAGE, chosen: bool = False) -> bytes | Failure:
    """One edition of an upload as bytes: docx, pdf, latex, the JSON report, or the annotated
    DOCX. Findings are in `language`; the annotated DOCX's only when the reader `chosen` it,
    else in the paper's own language (as `exporter annotate`)."""
    try:
        if kind == "json":
            report = check_json(linked_upload(source, bib), language)
            return (json.dumps(report, ensure_ascii=False, indent=2) + "\n").encode("utf-8")
        if kind == "annotated":
            return annotated(source, bib, language if chosen else None)
        template = venue(template_name)
        return writer(kind).render(Edition(linked_upload(source, bib, template), template))
    except Exception as exc:
        return _failure(exc, source, bib)


def annotated(source: Upload, bib: Upload | None, language: str | None = None) -> bytes:
    """The author's DOCX with a Word comment at each finding (what `exporter annotate` writes),
    in `language`, else in the paper's own."""
    from ..annotate import annotate_package, comment_language
    from ..readers import choose_reader
    from ..readers.docx.package import read_package

    if choose_reader(source.path) != "docx":
        raise InputError(source.path, "annotate takes a Word .docx file (the author's own manuscript)")
    linked = read_and_link(source.path, bib.path if bib else None, named_bib=False)
    data = read_package(source.path)
    findings = [_unpathed_finding(d, source, bib) for d in linked.diagnostics if d.path == source.path]
    return annotate_package(source.path, data, findings, comment_language(linked.document.meta.language, language))[0] if findings else data


def is_docx(source: Upload) -> bool:
    from ..readers import choose_reader

    try:
        return choose_reader(source.path) == "docx"
    except InputError:
        return False


def report_page(source: Upload, bib: Upload | None, template_name: str, resend: dict, language: str | None = None) -> str | Failure:
    """The report page of an upload (HTML) in `language`, else in the paper's own. `resend`
    holds the upload again, for its download form."""
    from .page import page_language, render_report

    try:
        linked = linked_upload(source, bib)
        language = language or page_language(linked.document.meta.language)
        return render_report(linked, check_json(linked, language), template_name, resend, is_docx(source), language)
    except Exception as exc:
        return _failure(exc, source, bib)


def _leave_with_server(server: int) -> None:
    """Exit when the server is gone. A server killed with SIGKILL cannot tell its workers to
    stop, and their parent is multiprocessing's fork server, which lives as long as they do."""
    import threading
    import time

    def watch():
        while True:
            time.sleep(1.0)
            try:
                os.kill(server, 0)
            except ProcessLookupError:
                os._exit(0)
            except PermissionError:  # the pid was reused by another user's process: ours is gone
                os._exit(0)

    threading.Thread(target=watch, name="server-watch", daemon=True).start()


def warm_up(nice: int, server: int) -> None:
    """A worker's first task: import the pipeline (and lower the priority of build workers,
    so that a check is never queued behind a build for CPU)."""
    if nice:
        os.nice(nice)
    _leave_with_server(server)
    import exporter.readers.plaintext  # noqa: F401
    from . import page  # noqa: F401
