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

import bisect
import io
import re
import zipfile
from pathlib import Path, PurePosixPath

from lxml import etree

from .diagnostics import Diagnostic, InputError
from .readers.docx.body import MATH_MARK, BodyWalker, Styles
from .readers.docx.numbering import Numbering
from .readers.docx.package import read_package
from .readers.docx.reader import _count, context_at
from .readers.docx.xml import W, parse

AUTHOR = "exporter"
COMMENTS_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml"
COMMENTS_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments"
OFFICE_DOCUMENT_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument"
PKG_REL_NS = "http://schemas.openxmlformats.org/package/2006/relationships"
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


def _main_part(archive: zipfile.ZipFile, path: str) -> str:
    rels = parse(archive.read("_rels/.rels"))
    for rel in rels.iter("{%s}Relationship" % PKG_REL_NS):
        if rel.get("Type") == OFFICE_DOCUMENT_REL:
            return rel.get("Target").lstrip("/")
    raise InputError(path, "has no main document part")


def _rels_name(part: str) -> str:
    p = PurePosixPath(part)
    return str(p.parent / "_rels" / f"{p.name}.rels")


def _serialize(root) -> bytes:
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


class _Anchors:
    """Places in the document part: ¶ number and column -> the runs to put a comment around."""

    def __init__(self, body):
        walker = BodyWalker(Styles(None), Numbering(None), {})
        items = walker.walk_body(body)
        self.paras, self.numbers, _ = _count(items)
        self.by_number: dict[int, list] = {}
        for para, n in zip(self.paras, self.numbers):
            if para.text.replace(MATH_MARK, "").strip():
                self.by_number.setdefault(n, []).append(para)
        self.first = next(iter(self.by_number.values()))[0] if self.by_number else None

    def find(self, d: Diagnostic):
        """(paragraph, start offset, end offset) of a finding; the paragraph whose words match
        its quoted context when a table shares the number; None when nothing fits."""
        candidates = self.by_number.get(d.paragraph or 0, [])
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


_ONE_CHAR = {W + "tab", W + "ptab", W + "br", W + "cr", W + "noBreakHyphen"}


def _split_run(para, offset: int) -> None:
    """Make `offset` of the paragraph text the start of a run, cutting the run that holds it in
    two (the same properties, the same text); nothing happens at a run's start or in a formula."""
    import copy

    starts = [o for o, _ in para.places]
    i = bisect.bisect_right(starts, offset) - 1
    if i < 0 or starts[i] == offset:
        return
    run = para.places[i][1]
    if run.tag != W + "r":
        return
    k = offset - starts[i]
    kids = [c for c in run if c.tag != W + "rPr"]
    seen = 0
    for index, node in enumerate(kids):
        size = len(node.text or "") if node.tag == W + "t" else 1 if node.tag in _ONE_CHAR else 0
        if seen + size > k:
            break
        seen += size
    else:
        return
    clone = copy.deepcopy(run)
    clone_kids = [c for c in clone if c.tag != W + "rPr"]
    cut = k - seen
    if cut:  # inside a w:t: its text is shared between the two runs
        node, twin = kids[index], clone_kids[index]
        text = node.text or ""
        node.text, twin.text = text[:cut], text[cut:]
        for t in (node, twin):
            t.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
        drop_original, drop_clone = kids[index + 1:], clone_kids[:index]
    else:
        drop_original, drop_clone = kids[index:], clone_kids[:index]
    for node in drop_original:
        run.remove(node)
    for node in drop_clone:
        clone.remove(node)
    run.addnext(clone)
    para.places.insert(i + 1, (offset, clone))


def _element_at(para, offset: int):
    starts = [o for o, _ in para.places]
    i = max(bisect.bisect_right(starts, offset) - 1, 0)
    return para.places[i][1] if para.places else None


def _anchor(para, start: int, end: int, comment_id: int) -> None:
    _split_run(para, start)
    _split_run(para, end)
    first = _element_at(para, start)
    last = _element_at(para, max(end - 1, start))
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
    t.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
    t.text = _xml_safe(text)
    return node


def _xml_safe(text: str) -> str:
    return re.sub(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]", " ", text)


def annotate_package(path: str, data: bytes, findings: list[Diagnostic], language: str) -> tuple[bytes, int]:
    """The package with one comment per finding that has a place in it; and how many."""
    archive = zipfile.ZipFile(io.BytesIO(data))
    main = _main_part(archive, path)
    document = parse(archive.read(main))
    body = document.find(W + "body")
    if body is None:
        raise InputError(path, "has no document body")
    rels_name = _rels_name(main)
    names = set(archive.namelist())
    rels = parse(archive.read(rels_name)) if rels_name in names else etree.Element("{%s}Relationships" % PKG_REL_NS, nsmap={None: PKG_REL_NS})
    comments_part = None
    for rel in rels.iter("{%s}Relationship" % PKG_REL_NS):
        if rel.get("Type") == COMMENTS_REL and rel.get("TargetMode") != "External":
            comments_part = str(PurePosixPath(main).parent / rel.get("Target")).lstrip("/")
    if comments_part is not None and comments_part in names:
        comments = parse(archive.read(comments_part))
        new_comments_part = False
    else:
        comments = etree.Element(W + "comments", nsmap={"w": W[1:-1]})
        comments_part = str(PurePosixPath(main).parent / "comments.xml")
        new_comments_part = True
        if comments_part in names:
            raise InputError(path, f"holds {comments_part} not linked as its comments; refused")
    taken = [int(c.get(W + "id")) for c in comments.iter(W + "comment") if (c.get(W + "id") or "").lstrip("-").isdigit()]
    # Ids of comment anchors in the body count too (a damaged file may hold orphans).
    taken += [int(x.get(W + "id")) for x in body.iter(W + "commentRangeStart", W + "commentReference") if (x.get(W + "id") or "").isdigit()]
    next_id = max(taken, default=-1) + 1

    anchors = _Anchors(body)
    added = 0
    for d in findings:
        place = anchors.find(d) if d.paragraph is not None else None
        if place is None:
            if anchors.first is None:
                continue
            place = (anchors.first, 0, len(anchors.first.text))
        para, start, end = place
        _anchor(para, start, end, next_id)
        comments.append(_comment(next_id, comment_text(d, language)))
        next_id += 1
        added += 1

    changed = {main: _serialize(document), comments_part: _serialize(comments)}
    if new_comments_part:
        used = {rel.get("Id") for rel in rels.iter("{%s}Relationship" % PKG_REL_NS)}
        rid = next(f"rId{i}" for i in range(1, len(used) + 2) if f"rId{i}" not in used)
        rel = etree.SubElement(rels, "{%s}Relationship" % PKG_REL_NS)
        rel.set("Id", rid)
        rel.set("Type", COMMENTS_REL)
        rel.set("Target", PurePosixPath(comments_part).name)
        changed[rels_name] = _serialize(rels)
        types = parse(archive.read("[Content_Types].xml"))
        override = etree.SubElement(types, "{%s}Override" % CT_NS)
        override.set("PartName", "/" + comments_part)
        override.set("ContentType", COMMENTS_TYPE)
        changed["[Content_Types].xml"] = _serialize(types)

    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as target:
        for info in archive.infolist():
            content = changed.pop(info.filename, None)
            if content is None:
                content = archive.read(info.filename)
            target.writestr(_copy_info(info), content)
        for name, content in changed.items():  # parts the file did not have
            info = zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            target.writestr(info, content)
    return out.getvalue(), added


def _copy_info(info: zipfile.ZipInfo) -> zipfile.ZipInfo:
    copy = zipfile.ZipInfo(info.filename, date_time=info.date_time)
    copy.compress_type = info.compress_type if info.compress_type in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED) else zipfile.ZIP_DEFLATED
    copy.external_attr = info.external_attr
    copy.create_system = info.create_system
    return copy


def annotate(source: str, bib: str | None = None, out: str | None = None) -> tuple[Path, int]:
    """Write the checked copy of `source`; return its path and the number of comments."""
    from .build import atomic_write
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
    data = read_package(source)
    linked = read_and_link(source, bib)
    findings = [d for d in linked.diagnostics if d.path == source]
    if findings:
        result, added = annotate_package(source, data, findings, linked.document.meta.language)
    else:  # nothing to say: the copy is the file itself
        result, added = data, 0
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        atomic_write(target, result)
    except OSError as exc:
        raise InputError(str(target), f"cannot be written: {exc.strerror or exc}") from None
    return target, added
