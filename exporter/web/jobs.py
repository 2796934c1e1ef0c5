"""The web's work, run in worker processes: the CLI's pipeline on an upload's temporary files.

An upload is read from a file we named (`source.txt`, `source.docx`: only the extension comes
from the client, so the right reader is chosen) and shown under the client's name, which is
never a path. Every result is plain data (bytes, str, dict), cheap to send back to the server.
"""

from __future__ import annotations

import dataclasses
import json
import os
import time
from collections import Counter
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
from .page import page_language, render_report


@dataclass(frozen=True)
class Upload:
    path: str  # the temporary file, named by us
    name: str  # what the client called it: shown in reports and editions, never opened


@dataclass(frozen=True)
class Failure:
    """Input the pipeline refused: the CLI's one line (`exporter: error: FILE[:LINE]: message`)."""

    line: str
    internal: bool = False
    status: int | None = None  # the HTTP status, when not 422 (refused input) or 500 (internal)


# The editions a page offers (`EDITIONS`, the writers' the page builds) and, beyond them, the JSON report, and for a DOCX source the
# annotated copy (the author's file with a Word comment at each finding, as `exporter annotate`).
EDITIONS = ("docx", "pdf", "latex", "html")
MEDIA_TYPES = {
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "pdf": "application/pdf",
    "latex": "application/x-tex",
    "html": "text/html; charset=utf-8",  # one self-contained page, as `build --to html`
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
    elif isinstance(exc, MemoryError):  # the worker's address-space limit (workers.Limits.memory_mb)
        line = f"exporter: error: {source.path}: needs more memory than the server gives one paper; check it with `exporter check` on your own machine"
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


# What a report the server sends lists at most (a 65 KB paper of ranges such as `[1–200]` has
# hundreds of thousands of labels and findings: 100 MB of JSON). Past a limit, the first ones
# are listed and the rest counted (`omitted`, and `codes`: the findings of each code).
MOST_LISTED = {"citations": 5000, "diagnostics": 1000, "unresolved": 5000, "unused": 5000}


PAGE_MOST_LABELS = 20_000  # the report page marks each label in the text: past this, it is refused


def capped(report: dict) -> dict:
    """`report`, or past MOST_LISTED items its first ones with counts of what was left out."""
    over = {key: len(report[key]) - most for key, most in MOST_LISTED.items() if len(report[key]) > most}
    if not over:
        return report
    out = {key: (value[: MOST_LISTED[key]] if key in over else value) for key, value in report.items()}
    out["omitted"] = over
    out["codes"] = dict(sorted(Counter(d["code"] for d in report["diagnostics"]).items()))
    return out


def _test_hook(source: Upload) -> None:
    """The server's tests need a job that runs long on purpose (tests/test_web_server.py). Only
    with EXPORTER_TEST_HOOKS=1 in the server's environment, an upload starting
    `exporter-test: busy N` keeps its worker's CPU busy for N seconds before it is read."""
    if os.environ.get("EXPORTER_TEST_HOOKS") != "1":
        return
    with open(source.path, "rb") as handle:
        head = handle.read(40)
    if head.startswith(b"exporter-test: busy "):
        seconds = float(head.split()[2])
        end = time.monotonic() + seconds
        while time.monotonic() < end:
            pass


def check(source: Upload, bib: Upload | None, language: str = SOURCE_LANGUAGE) -> dict | Failure:
    """The `check --json` object of an upload, its messages in `language` (capped: see MOST_LISTED)."""
    try:
        _test_hook(source)
        return capped(check_json(linked_upload(source, bib), language))
    except Exception as exc:
        return _failure(exc, source, bib)


def edition(source: Upload, bib: Upload | None, template_name: str, kind: str, language: str = SOURCE_LANGUAGE, chosen: bool = False) -> bytes | Failure:
    """One edition of an upload as bytes: docx, pdf, latex, html, the JSON report, or the annotated
    DOCX. Findings are in `language`; the annotated DOCX's only when the reader `chosen` it,
    else in the paper's own language (as `exporter annotate`)."""
    try:
        _test_hook(source)
        if kind == "json":
            report = capped(check_json(linked_upload(source, bib), language))
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
    try:
        _test_hook(source)
        linked = linked_upload(source, bib)
        language = language or page_language(linked.document.meta.language)
        report = check_json(linked, language)
        if len(report["citations"]) > PAGE_MOST_LABELS:
            raise InputError(source.path, f"holds {len(report['citations']):,} citation labels; the report page shows at most {PAGE_MOST_LABELS:,} (a paper holds a few hundred): check it with `exporter check` or POST it to /api/check")
        try:
            template = venue(template_name)
            venue_labels = template.labels(page_language(linked.document.meta.language))
        except Exception:
            template, venue_labels = None, {}
        return render_report(linked, capped(report), template_name, resend, is_docx(source), language, venue_labels, template)
    except Exception as exc:
        return _failure(exc, source, bib)
