"""`annotate`: the author's own DOCX back with a Word comment at each finding.

Works on the package at the OPC/XML level: the document part gains comment anchors
(`w:commentRangeStart`/`End` around the runs of the place, and a run holding
`w:commentReference`), the comments part gains one `w:comment` per finding (authored
"exporter", in the paper's language), and — when the file had no comments — the part's
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
from .readers.docx.body import MATH_MARK
from .readers.docx.package import read_package
from .readers.docx.reader import context_at
from .readers.docx.xml import W, parse
from .wordpackage import PKG_REL_NS, XML_SPACE, Anchors, element_at, main_part, open_package, read_member, rels_name, serialize, split_run, write_package

AUTHOR = "exporter"
COMMENTS_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml"
COMMENTS_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments"
CT_NS = "http://schemas.openxmlformats.org/package/2006/content-types"

# Comment texts by language; `{label}`, `{first}`, `{entry}` are read out of the finding.
MESSAGES = {
    "ru": {
        "CIT001": "Ссылка [{label}]: в списке литературы нет такой записи.",
        "CIT002": "Запись {entry} списка литературы нигде не цитируется.",
        "CIT003": "Источник [{label}] впервые цитируется после [{first}]: нумеруйте источники в порядке первого цитирования.",
        "CIT004": "Неверный диапазон ссылок: {message}",
        "CIT005": "Похоже на ссылку, но прочитать её нельзя: {message}",
        "BIB001": "Номер {entry} повторяется в списке литературы.",
        "REF001": "В статье есть ссылки, но нет списка литературы.",
    },
    "kk": {
        "CIT001": "[{label}] сілтемесі: әдебиеттер тізімінде мұндай жазба жоқ.",
        "CIT002": "Әдебиеттер тізіміндегі {entry} жазбасына мәтінде сілтеме жоқ.",
        "CIT003": "[{label}] дереккөзіне алғаш рет [{first}] кейін сілтеме жасалған: дереккөздерді алғашқы сілтеме ретімен нөмірлеңіз.",
        "CIT004": "Сілтемелер ауқымы қате: {message}",
        "CIT005": "Сілтемеге ұқсайды, бірақ оқылмайды: {message}",
        "BIB001": "{entry} нөмірі әдебиеттер тізімінде қайталанады.",
        "REF001": "Мақалада сілтемелер бар, бірақ әдебиеттер тізімі жоқ.",
    },
    "en": {
        "CIT001": "Citation [{label}]: the reference list has no such entry.",
        "CIT002": "Entry {entry} of the reference list is never cited.",
        "CIT003": "Source [{label}] is first cited after [{first}]: number sources in order of first citation.",
        "CIT004": "Bad citation range: {message}",
        "CIT005": "Looks like a citation but cannot be read: {message}",
        "BIB001": "Number {entry} appears twice in the reference list.",
        "REF001": "The paper cites sources but has no reference list.",
    },
}


# Every other finding: its code's title in the paper's language, the details as `check` gives them.
TITLES = {
    "ru": {
        "CIT006": "скобка с числами прочитана как формула или код, а не ссылка",
        "BIB002": "блок BibTeX не читается",
        "BIB003": "в записи BibTeX нет поля, нужного стилю",
        "BIB004": "crossref указывает на несуществующую запись",
        "BIB005": "один и тот же источник указан дважды",
        "REF002": "собственный список статьи не используется: взят файл --bib",
        "REF010": "в записи нет поля, нужного для её типа",
        "REF011": "год в будущем или раньше 1500",
        "REF012": "диапазон страниц перевёрнут или записан неверно",
        "REF013": "DOI не вида 10.NNNN/суффикс",
        "REF014": "ISBN или ISSN с неверной контрольной цифрой",
        "REF015": "электронный ресурс без даты обращения (ГОСТ)",
        "REF016": "запись оформлена не в стиле издания",
        "REF017": "цитируемая страница вне страниц источника",
        "TXT001": "удалён управляющий символ",
        "GLY001": "ни в одном шрифте издания нет этого символа",
        "XRF001": "ссылка на рисунок, таблицу или формулу, которой нет",
        "XRF002": "на рисунок или таблицу нет ссылки в тексте",
        "XRF003": "рисунки, таблицы или формулы пронумерованы не по порядку",
        "XRF004": "один номер у двух рисунков, таблиц или формул",
    },
    "kk": {
        "CIT006": "сандары бар жақша сілтеме емес, формула немесе код ретінде оқылды",
        "BIB002": "BibTeX блогы оқылмайды",
        "BIB003": "BibTeX жазбасында стильге қажет өріс жоқ",
        "BIB004": "crossref жоқ жазбаны көрсетеді",
        "BIB005": "бір дереккөз екі рет көрсетілген",
        "REF002": "мақаланың өз тізімі қолданылмайды: --bib файлы алынды",
        "REF010": "жазбада оның түріне қажет өріс жоқ",
        "REF011": "жыл болашақта немесе 1500 жылдан бұрын",
        "REF012": "беттер ауқымы кері немесе қате жазылған",
        "REF013": "DOI 10.NNNN/жалғау түрінде емес",
        "REF014": "ISBN немесе ISSN бақылау саны қате",
        "REF015": "электрондық ресурста қаралған күні жоқ (ГОСТ)",
        "REF016": "жазба басылымның стилінде рәсімделмеген",
        "REF017": "сілтеме жасалған бет дереккөз беттерінен тыс",
        "TXT001": "басқару таңбасы алынып тасталды",
        "GLY001": "басылымның бірде-бір қарпінде бұл таңба жоқ",
        "XRF001": "жоқ суретке, кестеге немесе формулаға сілтеме",
        "XRF002": "суретке немесе кестеге мәтінде сілтеме жоқ",
        "XRF003": "суреттер, кестелер немесе формулалар ретімен нөмірленбеген",
        "XRF004": "екі суретте, кестеде немесе формулада бір нөмір",
    },
}


def comment_text(d: Diagnostic, language: str) -> str:
    """The finding in the paper's language (English for a language we have no texts for)."""
    table = MESSAGES.get(language, MESSAGES["en"])
    values = {"message": d.message, "label": "", "first": "", "entry": ""}
    if m := re.match(r"\[([^\]]+)\]", d.message):
        values["label"] = m.group(1)
    if m := re.search(r"first cited after \[([^\]]+)\]", d.message):
        values["first"] = m.group(1)
    if m := re.search(r"entry (\[[^\]]+\]|'[^']*' \[[^\]]+\])", d.message):
        values["entry"] = m.group(1)
    elif m := re.search(r"entry number (\d+)", d.message):
        values["entry"] = f"[{m.group(1)}]"
    template = table.get(d.code)
    if template is None or "{label}" in template and not values["label"] or "{entry}" in template and not values["entry"]:
        title = TITLES.get(language, {}).get(d.code)
        return f"{d.code}: {title} ({d.message})" if title else f"{d.code}: {d.message}"
    return f"{d.code}: " + template.format(**values)


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


def annotate(source: str, bib: str | None = None, out: str | None = None) -> tuple[Path, int]:
    """Write the checked copy of `source`; return its path and the number of comments."""
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
        result, added = annotate_package(source, data, findings, linked.document.meta.language)
    else:  # nothing to say: the copy is the file itself
        result, added = data, 0
    make_folder(target.parent)
    try:
        atomic_write(target, result)
    except OSError as exc:
        raise InputError(str(target), f"cannot be written: {exc.strerror or exc}") from None
    return target, added
