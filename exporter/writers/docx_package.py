"""The DOCX edition's package trimmed to what the edition uses.

python-docx starts from a template that defines every Word style (343 KB of styles.xml, half
of them latent-style switches), a theme, a font table, web settings, and list definitions;
an edition that is a few kilobytes of text would carry twice its size in them. Kept: the
style defaults (`w:docDefaults`), each type's default style (Normal, Default Paragraph Font,
Normal Table, No List), every style a part names (`w:pStyle`, `w:rStyle`, `w:tblStyle`, a
list's style links) and the styles those are based on; the list definitions a paragraph or
kept style numbers with. Dropped: every other style, the latent styles, the theme (no kept
style names a theme font or colour: the writer replaces them), the font table, web settings
and the template's extended properties (which named Microsoft Word as the application).
"""

from __future__ import annotations

from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml.ns import qn

# Elements naming a style by its id, anywhere in the package.
STYLE_REFERENCES = tuple(qn(f"w:{tag}") for tag in ("pStyle", "rStyle", "tblStyle", "numStyleLink", "styleLink"))
# Parts no reader of an edition needs (their relationships from the document part).
UNNEEDED_PARTS = (RT.THEME, RT.FONT_TABLE, RT.WEB_SETTINGS)
# Settings about the template's history or the dropped theme (revision ids, a proofing state
# that was never true of this text, a preview picture the package does not hold, VML defaults).
UNNEEDED_SETTINGS = ("w:rsids", "w14:docId", "w:proofState", "w:savePreviewPicture", "w:themeFontLang", "w:clrSchemeMapping", "w:shapeDefaults", "w:attachedTemplate")


def trim_package(document) -> None:
    """Drop from `document` (python-docx) the styles, list definitions and parts it does not use."""
    main = document.part
    for rid, rel in list(main.rels.items()):
        if rel.reltype in UNNEEDED_PARTS:
            main.drop_rel(rid)
    package = main.package
    for rid, rel in list(package.rels.items()):
        if rel.reltype == RT.EXTENDED_PROPERTIES:
            del package.rels[rid]
    settings = document.settings.element
    for tag in UNNEEDED_SETTINGS:
        for element in settings.findall(qn(tag)):
            settings.remove(element)

    styles = document.styles.element
    numbering = _related(main, RT.NUMBERING)
    content = [part.element for part in package.iter_parts() if hasattr(part, "element") and part.element is not styles and part is not numbering]
    kept = _kept_styles(styles, numbering.element if numbering is not None else None, content)
    _prune_styles(styles, kept)
    if numbering is not None and not _prune_numbering(numbering.element, styles, content, kept):
        for rid, rel in list(main.rels.items()):
            if rel.reltype == RT.NUMBERING:
                main.drop_rel(rid)


def _related(part, reltype: str):
    for rel in part.rels.values():
        if rel.reltype == reltype and not rel.is_external:
            return rel.target_part
    return None


def style_ids_named(roots) -> set[str]:
    """The style ids the elements under `roots` name (`w:pStyle`, `w:rStyle`, `w:tblStyle`, …)."""
    return {e.get(qn("w:val")) for root in roots for e in root.iter(*STYLE_REFERENCES)}


def _num_ids(roots) -> set[str]:
    return {e.get(qn("w:val")) for root in roots for e in root.iter(qn("w:numId"))}


def _kept_styles(styles, numbering, content) -> set[str]:
    """Every style id the edition needs: those named, each type's default, and what they are
    based on; the list styles their numbering links to, and so on until nothing is added."""
    by_id = {s.get(qn("w:styleId")): s for s in styles.iterfind(qn("w:style"))}
    kept = style_ids_named(content) | {sid for sid, s in by_id.items() if s.get(qn("w:default")) in ("1", "true", "on")}
    while True:
        grown = set(kept)
        for sid in kept:
            based = by_id[sid].find(qn("w:basedOn")) if sid in by_id else None
            if based is not None:
                grown.add(based.get(qn("w:val")))
        if numbering is not None:  # a list definition linked to a numbering style keeps that style
            used = _num_ids(content + [by_id[sid] for sid in grown if sid in by_id])
            grown |= style_ids_named(_abstract_nums(numbering, used))
        if grown == kept:
            return {sid for sid in kept if sid in by_id}
        kept = grown


def _abstract_nums(numbering, num_ids: set[str]) -> list:
    """The `w:abstractNum` elements the lists `num_ids` use."""
    wanted = {
        num.find(qn("w:abstractNumId")).get(qn("w:val"))
        for num in numbering.iterfind(qn("w:num"))
        if num.get(qn("w:numId")) in num_ids and num.find(qn("w:abstractNumId")) is not None
    }
    return [a for a in numbering.iterfind(qn("w:abstractNum")) if a.get(qn("w:abstractNumId")) in wanted]


def _prune_styles(styles, kept: set[str]) -> None:
    """Keep the styles `kept` (and the defaults); a kept style's link or next-paragraph style
    that is gone is unlinked (Word then keeps the same style for the next paragraph)."""
    for child in list(styles):
        if child.tag == qn("w:latentStyles") or (child.tag == qn("w:style") and child.get(qn("w:styleId")) not in kept):
            styles.remove(child)
    for style in styles.iterfind(qn("w:style")):
        for tag in ("w:link", "w:next", "w:rsid"):
            for element in style.findall(qn(tag)):
                if tag == "w:rsid" or element.get(qn("w:val")) not in kept:
                    style.remove(element)


def _prune_numbering(numbering, styles, content, kept: set[str]) -> bool:
    """Keep the lists a paragraph or a kept style numbers with; False when none is left."""
    used = _num_ids(content + [styles])
    abstracts = _abstract_nums(numbering, used)
    keep = {a.get(qn("w:abstractNumId")) for a in abstracts}
    for child in list(numbering):
        if (child.tag == qn("w:num") and child.get(qn("w:numId")) not in used) or (child.tag == qn("w:abstractNum") and child.get(qn("w:abstractNumId")) not in keep):
            numbering.remove(child)
    for abstract in abstracts:  # a level tied to a paragraph style that is gone is untied
        for ref in abstract.iter(qn("w:pStyle")):
            if ref.get(qn("w:val")) not in kept:
                ref.getparent().remove(ref)
    return bool(abstracts)
