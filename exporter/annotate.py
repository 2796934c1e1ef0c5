"""`annotate`: the author's own DOCX back with a Word comment at each finding.

Works on the package at the OPC/XML level: the document part gains comment anchors
(`w:commentRangeStart`/`End` around the runs of the place, and a run holding
`w:commentReference`), the comments part gains one `w:comment` per finding (authored
"exporter", in the paper's language unless another is asked for), and — when the file had no comments — the part's
relationship and content type are added. Every other zip member is copied byte for byte; a run
is only cut in two where a comment starts or ends (Word does the same), so the text of every
paragraph stays as the author wrote it.
"""

from __future__ import annotations

import posixpath
import re
from pathlib import Path, PurePosixPath

from lxml import etree

from .diagnostics import Diagnostic, InputError
from .messages import SOURCE_LANGUAGE, language_of
from .readers.docx.body import MATH_MARK
from .readers.docx.package import read_package
from .quoting import context_at
from .readers.docx.xml import W, parse
from .wordpackage import PKG_REL_NS, XML_SPACE, Anchors, element_at, main_part, open_package, read_member, rels_name, serialize, split_run, write_package

AUTHOR = "exporter"
COMMENTS_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml"
COMMENTS_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments"
CT_NS = "http://schemas.openxmlformats.org/package/2006/content-types"

def comment_text(d: Diagnostic, language: str) -> str:
    """A finding's comment: its code and its message in `language` (kk, ru, en)."""
    return f"{d.code}: {d.text(language)}"


def comment_language(document_language: str | None, asked: str | None = None) -> str:
    """The comments' language: the one asked for (`--lang`), else the paper's, else English."""
    return asked or language_of(document_language) or SOURCE_LANGUAGE


def default_output(source: str) -> Path:
    from .build import safe_stem

    return Path("dist") / f"{safe_stem(source)}.checked.docx"


def _place(anchors: Anchors, d: Diagnostic):
    """(paragraph, start offset, end offset) of a finding; the paragraph whose words match
    its quoted context when a table shares the number; None when nothing fits."""
    candidates = anchors.by_number.get(d.paragraph or 0, [])
    chosen = None
    for para in candidates:
        text = para.text
        offset = max(d.column - 1, 0)
        if offset < len(text) and (d.context is None or d.context in " ".join(text.replace(MATH_MARK, " ").split()) or context_at(text, offset) == d.context):
            chosen = para
            break
    if chosen is None and candidates:
        chosen = candidates[0]
    if chosen is None:
        return None
    text = chosen.text
    start = min(max(d.column - 1, 0), max(len(text) - 1, 0))
    if text[start:start + 1] == "[":
        close = text.find("]", start)
        end = close + 1 if close != -1 else start + 1
    elif start == 0:
        end = len(text)
    else:
        end = start + 1
    return chosen, start, end


def _anchor(para, start: int, end: int, comment_id: int) -> None:
    split_run(para, start)
    split_run(para, end)
    first = element_at(para, start)
    last = element_at(para, max(end - 1, start))
    range_start = etree.Element(W + "commentRangeStart")
    range_start.set(W + "id", str(comment_id))
    range_end = etree.Element(W + "commentRangeEnd")
    range_end.set(W + "id", str(comment_id))
    reference = etree.Element(W + "r")
    etree.SubElement(reference, W + "commentReference").set(W + "id", str(comment_id))
    if first is None:  # a paragraph with no run: the comment marks its end
        para.element.append(range_start)
        para.element.append(range_end)
        para.element.append(reference)
        return
    first.addprevious(range_start)
    last.addnext(range_end)
    range_end.addnext(reference)


def _comment(comment_id: int, text: str):
    node = etree.Element(W + "comment")
    node.set(W + "id", str(comment_id))
    node.set(W + "author", AUTHOR)
    node.set(W + "initials", "ex")
    p = etree.SubElement(node, W + "p")
    r = etree.SubElement(p, W + "r")
    etree.SubElement(r, W + "annotationRef")
    r = etree.SubElement(p, W + "r")
    t = etree.SubElement(r, W + "t")
    t.set(XML_SPACE, "preserve")
    t.text = _xml_safe(text)
    return node


def _xml_safe(text: str) -> str:
    return re.sub(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]", " ", text)


_COMMENT_ID = re.compile(r"-?[0-9]{1,9}")  # Word's ids: small decimal numbers


def _comment_ids(path: str, part: str, nodes) -> list[int]:
    """The ids the file's comments and comment anchors already use; an id Word would never
    write (`²`, a 5,000-digit number, a word) is refused, since a new comment must not clash with it."""
    ids = []
    for node in nodes:
        value = node.get(W + "id")
        if value is None:
            continue
        if not _COMMENT_ID.fullmatch(value):
            shown = value if len(value) <= 20 else value[:20] + "…"
            raise InputError(path, f"{part}: comment id {shown!r} is not a number Word writes; refused")
        ids.append(int(value))
    return ids


def _comments_relationship(path: str, main: str, rels, names: set[str]) -> tuple[str, bool]:
    """(the comments part, whether the document part already has its relationship). A
    relationship to comments outside the package, or two of them, is refused: Word never writes
    them, and LibreOffice cannot open a copy that adds its own beside them."""
    found = [rel for rel in rels.iter("{%s}Relationship" % PKG_REL_NS) if rel.get("Type") == COMMENTS_REL]
    where = rels_name(main)
    if any(rel.get("TargetMode") == "External" for rel in found):
        raise InputError(path, f"{where}: its comments relationship points outside the package (TargetMode External); refused")
    if len(found) > 1:
        raise InputError(path, f"{where}: holds {len(found)} comments relationships; refused (Word writes one)")
    if found:
        part = posixpath.normpath(str(PurePosixPath(main).parent / (found[0].get("Target") or ""))).lstrip("/")
        if part.startswith("..") or part == ".":
            raise InputError(path, f"{where}: its comments relationship points outside the package; refused")
        return part, True
    part = str(PurePosixPath(main).parent / "comments.xml").lstrip("/")
    if part in names:
        raise InputError(path, f"holds {part} not linked as its comments; refused")
    return part, False


def annotate_package(path: str, data: bytes, findings: list[Diagnostic], language: str) -> tuple[bytes, int]:
    """The package with one comment per finding that has a place in it; and how many."""
    archive = open_package(path, data)
    main = main_part(archive, path)
    document = parse(read_member(archive, main, path))
    body = document.find(W + "body")
    if body is None:
        raise InputError(path, "has no document body")
    names = set(archive.namelist())
    document_rels = rels_name(main)
    rels = parse(read_member(archive, document_rels, path)) if document_rels in names else etree.Element("{%s}Relationships" % PKG_REL_NS, nsmap={None: PKG_REL_NS})
    comments_part, linked = _comments_relationship(path, main, rels, names)
    existing = comments_part in names
    comments = parse(read_member(archive, comments_part, path)) if existing else etree.Element(W + "comments", nsmap={"w": W[1:-1]})
    # Ids of comment anchors in the body count too (a damaged file may hold orphans).
    taken = _comment_ids(path, comments_part, comments.iter(W + "comment"))
    taken += _comment_ids(path, main, body.iter(W + "commentRangeStart", W + "commentRangeEnd", W + "commentReference"))
    next_id = max(taken, default=-1) + 1

    anchors = Anchors(body)
    added = 0
    for d in findings:
        place = _place(anchors, d) if d.paragraph is not None else None
        if place is None:
            if anchors.first is None:
                continue
            place = (anchors.first, 0, len(anchors.first.text))
        para, start, end = place
        _anchor(para, start, end, next_id)
        comments.append(_comment(next_id, comment_text(d, language)))
        next_id += 1
        added += 1

    changed = {main: serialize(document), comments_part: serialize(comments)}
    if not linked:
        used = {rel.get("Id") for rel in rels.iter("{%s}Relationship" % PKG_REL_NS)}
        rid = next(f"rId{i}" for i in range(1, len(used) + 2) if f"rId{i}" not in used)
        rel = etree.SubElement(rels, "{%s}Relationship" % PKG_REL_NS)
        rel.set("Id", rid)
        rel.set("Type", COMMENTS_REL)
        rel.set("Target", posixpath.relpath(comments_part, str(PurePosixPath(main).parent) or "."))
        changed[document_rels] = serialize(rels)
    if not existing:
        types = parse(read_member(archive, "[Content_Types].xml", path))
        override = etree.SubElement(types, "{%s}Override" % CT_NS)
        override.set("PartName", "/" + comments_part)
        override.set("ContentType", COMMENTS_TYPE)
        changed["[Content_Types].xml"] = serialize(types)
    return write_package(archive, changed, path), added


def annotate(source: str, bib: str | None = None, out: str | None = None, language: str | None = None) -> tuple[Path, int]:
    """Write the checked copy of `source`, its comments in `language` (else the paper's own);
    return its path and the number of comments."""
    from .build import atomic_write, make_folder, refuse_special
    from .pipeline import read_and_link
    from .readers import choose_reader

    if choose_reader(source) != "docx":
        raise InputError(source, "annotate takes a Word .docx file (the author's own manuscript)")
    target = Path(out) if out else default_output(source)
    protected = [Path(p).resolve() for p in (source, bib) if p]
    if target.resolve() in protected:
        raise InputError(str(target), "would overwrite an input; choose another --out")
    if target.exists() and target.is_dir():
        raise InputError(str(target), "is a folder; give a file name with --out")
    refuse_special(target)  # before any work: a device or a pipe is never replaced
    data = read_package(source)
    linked = read_and_link(source, bib)
    findings = [d for d in linked.diagnostics if d.path == source]
    if findings:
        result, added = annotate_package(source, data, findings, comment_language(linked.document.meta.language, language))
    else:  # nothing to say: the copy is the file itself
        result, added = data, 0
    make_folder(target.parent)
    try:
        atomic_write(target, result)
    except OSError as exc:
        raise InputError(str(target), f"cannot be written: {exc.strerror or exc}") from None
    return target, added
