"""Reading a CSL style: a checked `.csl` file parsed into citeproc-py's style objects, with
exporter's fixes to citeproc-py carried by subclasses of its elements.

citeproc-py builds a style from an lxml tree whose element classes come from a lookup by tag
name (`citeproc.model`). Exporter's styles are parsed with a lookup of their own in which six
classes are subclasses carrying the fixes below, so every other style in the process (a plain
`citeproc.CitationStylesStyle` included) is untouched. The subclasses override methods that
are citeproc-py's internals, checked for version 0.11.1 (pinned in pyproject.toml): on any
other version the plain classes are used (citeproc-py's own output, the public path), and
tests/test_csl.py fails loudly until they are checked again.

A style object keeps state while it renders (citeproc-py records suppressed variables on the
layout and fills in missing `<name>` elements), so one style is used by one thread at a time:
`Style.lock`.
"""

from __future__ import annotations

import copy
import os
import stat
import threading
from collections.abc import Iterable

from citeproc import CitationStylesStyle, model
from lxml import etree

from ..diagnostics import InputError
from ..sourcefile import file_kind

TESTED_CITEPROC = "0.11.1"
MAX_STYLE_BYTES = 4 * 1024 * 1024  # the largest styles of the CSL repository are about 200 KB
MAX_DEPTH = 60  # nested rendering elements, macro calls included; real styles use about 15

CSL = "{http://purl.org/net/xbiblio/csl}"
XINCLUDE = "{http://www.w3.org/2001/XInclude}"
# What may stand inside a layout or a macro (CSL 1.0.2, "Rendering Elements" and their children).
RENDERING = frozenset(CSL + name for name in (
    "text", "number", "label", "names", "name", "name-part", "et-al", "substitute", "date", "date-part",
    "group", "choose", "if", "else-if", "else",
))
_NEEDS_ONE_OF = {  # a rendering element that prints nothing without one of these attributes
    CSL + "text": ("variable", "macro", "term", "value"),
    CSL + "number": ("variable",),
    CSL + "names": ("variable",),
    CSL + "date": ("variable",),
}


def fixes_apply() -> bool:
    """Are exporter's subclasses used? Only on the citeproc-py version they were checked for."""
    import citeproc

    return citeproc.__version__ == TESTED_CITEPROC


# ---- exporter's fixes to citeproc-py 0.11.1, as subclasses ---------------------------------

_local = threading.local()


def _printed_stack() -> list[set]:
    """Variables printed while a `<substitute>` child renders, innermost last (per thread)."""
    stack = getattr(_local, "printed", None)
    if stack is None:
        stack = _local.printed = []
    return stack


def _record(variables: Iterable[str]) -> None:
    stack = _printed_stack()
    if stack:
        stack[-1].update(variables)


class _MinimalRangeKeepsADigit:
    def _format_last_page(self, first, last):
        """A range whose ends are equal (`20--20`, common in .bib files) in the `minimal` format:
        citeproc-py drops every digit of the second number and prints `20–`; citeproc-js and
        pandoc keep its last digit (`20–0`), so a range never ends in a bare dash."""
        return super()._format_last_page(first, last) or last[-1:]


class Text(_MinimalRangeKeepsADigit, model.Text):
    def _variable(self, item, context):
        """As citeproc-py, and noted for `Substitute` when printed."""
        text = super()._variable(item, context)
        if text is not None:
            _record([self.get("variable")])
        return text


class Number(_MinimalRangeKeepsADigit, model.Number):
    def process(self, item, context=None, **kwargs):
        """citeproc-py looks a `<number>`'s variable up by its CSL name (`number-of-volumes`)
        where a reference holds it by its Python name (`number_of_volumes`): a hyphenated
        variable was never found (IEEE's `5 vols.` never printed). Such a variable is looked
        up under both names here."""
        variable = self.get("variable") or ""
        if "-" in variable and variable not in ("page-first", "citation-number") and variable.replace("-", "_") in item.reference:
            item = _ItemView(item, aliases={variable: variable.replace("-", "_")})
        return super().process(item, context=context, **kwargs)


class Label(model.Label):
    def case(self, text, language=None):
        """CSL applies `text-case="title"` to English text only. A label is a term of the locale
        in use, so its language is the locale's; citeproc-py passes none, so a label's title
        case never applied (APA printed `(ed.)` for `(Ed.)`)."""
        return super().case(text, language or locale_language(self))


def locale_language(element) -> str:
    """The two-letter language of the locale a style's terms come from."""
    root = element.get_root()
    for locale in getattr(root, "locales", None) or ():
        tag = locale.get("{http://www.w3.org/XML/1998/namespace}lang")
        if tag:
            return tag[:2]
    return (root.get("default-locale") or "en")[:2]


class Date(model.Date):
    def render_single_date(self, date, show_parts=None, context=None):
        """CSL 1.0.2 ("Localized Date Formats"): a localized format's own delimiter joins its
        parts (a style's `<locale><date form="text" delimiter=" ">`). citeproc-py joins them
        with the delimiter of the `<date>` that calls it, which has none: NLM's `1980 Oct`
        came out `1980Oct`. Only that case is done here; every other goes to citeproc-py."""
        if context is None or context is self or self.get("delimiter") is None or not self.is_locale_date():
            return super().render_single_date(date, show_parts, context)
        parts = self.parts(date, show_parts, context)
        return self.join(parts) if parts else None


class _ItemView:
    """A citation item whose reference lacks some variables (those a substitute printed), or
    holds some under another name too."""

    def __init__(self, item, hidden: list[str] = (), aliases: dict[str, str] | None = None):
        self._item = item
        self.reference = copy.copy(item.reference)
        for name in hidden:
            self.reference.pop(name, None)
        for alias, name in (aliases or {}).items():
            dict.__setitem__(self.reference, alias, item.reference[name])

    def __getattr__(self, name):
        return getattr(self._item, name)

    def __getitem__(self, key):
        return self._item[key]

    def __contains__(self, key):
        return key in self._item

    def get(self, key, default=None):
        return self._item.get(key, default)


class Names(model.Names):
    def process(self, item, names_context=None, context=None, **kwargs):
        """CSL 1.0.2 ("Substitution"): a variable a substitute printed is suppressed in the rest
        of the entry, `<names>` included (citeproc-py suppresses only a `<text variable>` the
        substitute names itself). Roles already printed are hidden from citeproc-py here."""
        layout = (context if context is not None else self).get_layout()
        roles = self.get("variable").split()
        repressed = layout.repressed.get(CSL + "names", ())
        hidden = [role for role in roles if role in repressed]
        shown = _ItemView(item, hidden) if hidden else item
        text = super().process(shown, names_context=names_context, context=context, **kwargs)
        if text:
            _record(role for role in roles if role not in hidden and role in item.reference)
        return text


class Substitute(model.Substitute):
    """CSL 1.0.2 ("Substitution"): what a substitute prints (through macros and groups too) is
    suppressed in `<text>` and `<names>` in the rest of the entry. citeproc-py suppresses only
    a `<text variable>` child of the substitute, so APA printed a work without author as
    `Title. (n.d.). Title.` and an edited book as `Lipcoll, D. J. (ed.). (1977). High speed
    (D. J. Lipcoll, ed.).`"""

    def render(self, item, context=None, **kwargs):
        stack = _printed_stack()
        stack.append(set())
        try:
            text = super().render(item, context=context, **kwargs)
        finally:
            printed = stack.pop()
        if text:
            _record(printed)
        return text

    def add_to_repressed_list(self, child, context):
        """Called by citeproc-py for the child that printed: suppress all it printed."""
        super().add_to_repressed_list(child, context)
        printed = _printed_stack()[-1]
        layout = context.get_layout()
        for tag in (CSL + "text", CSL + "names"):
            layout.repressed.setdefault(tag, []).extend(sorted(printed))


class StyleRoot(model.Style):
    def set_locale_list(self, output_locale, validate=True):
        """As citeproc-py, but the locale files it reads are parsed again into exporter's
        classes, so a localized date of a locale file gets the `Date` fix too."""
        super().set_locale_list(output_locale, validate=False)
        self.locales = [_own_locale(locale) if locale.getparent() is None else locale for locale in self.locales]
        for locale in self.locales:
            locale.style = self


def _own_locale(locale):
    path = locale.getroottree().docinfo.URL
    return etree.parse(path, _parser()).getroot()


_FIXED = {"style": StyleRoot, "text": Text, "number": Number, "date": Date, "names": Names, "substitute": Substitute, "label": Label}


def _parser() -> etree.XMLParser:
    """An XML parser for styles: no DTD, no entities, no network, citeproc-py's classes (or
    exporter's subclasses). The document's own encoding is honoured (UTF-16 included)."""
    lookup = etree.ElementNamespaceClassLookup()
    namespace = lookup.get_namespace(CSL[1:-1])
    namespace[None] = model.CitationStylesElement
    classes = {cls.__name__.replace("_", "-").lower(): cls for cls in model.CitationStylesElement.__subclasses__()}
    if fixes_apply():
        classes |= _FIXED
    namespace.update(classes)
    parser = etree.XMLParser(remove_comments=True, no_network=True, resolve_entities=False, load_dtd=False, huge_tree=False)
    parser.set_element_class_lookup(lookup)
    return parser


# ---- reading and checking a style file -------------------------------------------------------


def read_style_file(path: str) -> bytes:
    """The bytes of a .csl file; anything that is not a regular file is refused by what it is
    (a FIFO would block the reader forever, a device never ends)."""
    try:
        info = os.stat(path)
    except FileNotFoundError:
        raise InputError(path, "no such file") from None
    except NotADirectoryError:
        raise InputError(path, "no such file (a folder in its path is a file)") from None
    except (OSError, ValueError) as exc:
        raise InputError(path, f"cannot be read: {getattr(exc, 'strerror', None) or exc}") from None
    kind = file_kind(info.st_mode)
    if kind:
        raise InputError(path, f"is {kind}, not a CSL style file")
    if info.st_size > MAX_STYLE_BYTES:
        raise InputError(path, f"is {info.st_size // 1024} KB; a CSL style is at most {MAX_STYLE_BYTES // (1024 * 1024)} MB")
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK)  # never blocks, should it have become a FIFO
        with os.fdopen(fd, "rb") as handle:
            if not stat.S_ISREG(os.fstat(handle.fileno()).st_mode):
                raise InputError(path, "is not a regular file, not a CSL style file")
            data = handle.read(MAX_STYLE_BYTES + 1)
    except OSError as exc:
        raise InputError(path, f"cannot be read: {exc.strerror or exc}") from None
    if len(data) > MAX_STYLE_BYTES:
        raise InputError(path, f"is larger than {MAX_STYLE_BYTES // (1024 * 1024)} MB; no CSL style is")
    return data


class Style(CitationStylesStyle):
    """A CSL style read for exporter: checked, parsed with exporter's classes, locked while used."""

    def __init__(self, path: str, locale: str | None = None):  # not citeproc-py's: our parser, our checks
        data = read_style_file(path)
        try:
            root = etree.fromstring(data, _parser(), base_url=os.path.abspath(path))
        except etree.XMLSyntaxError as exc:
            raise InputError(path, f"is not well-formed XML: {exc.msg}", exc.lineno or None) from None
        check_style(root, path)
        self.xml, self.root = root.getroottree(), root
        self.lock = threading.Lock()
        try:
            root.set_locale_list(locale or root.get("default-locale") or "en-US", validate=False)
        except ValueError as exc:  # citeproc-py: "'xx-XX' is not a known locale"
            raise InputError(path, f"names a locale citeproc-py does not have: {exc}") from None


def check_style(root, path: str) -> None:
    """Refuse, with its line, what would make citeproc-py fail or never end: a DTD, XInclude,
    an element it cannot render, a macro that is missing or calls itself, too deep nesting."""
    tree = root.getroottree()
    if tree.docinfo.doctype or tree.docinfo.internalDTD is not None:
        raise InputError(path, "declares a DTD; refused (a CSL style never needs one)")
    if root.tag != CSL + "style":
        raise InputError(path, f"is XML but not a CSL style (its root is <{etree.QName(root).localname}>, not <style> in the CSL namespace)", root.sourceline)
    for element in root.iter():
        if not isinstance(element.tag, str):  # a processing instruction or an entity reference
            continue
        if element.tag.startswith(XINCLUDE):
            raise InputError(path, "uses XInclude (<xi:include>); refused: a CSL style is one file", element.sourceline)
    macros = {m.get("name"): m for m in root.iterfind(CSL + "macro")}
    for part in [*macros.values(), *root.iterfind(f"{CSL}citation/{CSL}layout"), *root.iterfind(f"{CSL}bibliography/{CSL}layout")]:
        _check_rendering(part, path, macros)
    for key in root.iterfind(f"{CSL}*/{CSL}sort/{CSL}key"):
        _check_macro_call(key, path, macros)
    depth = _macro_depths(macros, path)
    for layout in [*root.iterfind(f"{CSL}citation/{CSL}layout"), *root.iterfind(f"{CSL}bibliography/{CSL}layout")]:
        if _depth(layout, depth) > MAX_DEPTH:
            raise InputError(path, f"nests its elements more than {MAX_DEPTH} deep (macro calls included); citeproc-py cannot render it", layout.sourceline)


def _element_name(element) -> str:
    qname = etree.QName(element)
    return qname.localname if qname.namespace == CSL[1:-1] else f"{{{qname.namespace}}}{qname.localname}" if qname.namespace else qname.localname


def _check_rendering(part, path: str, macros: dict) -> None:
    where = f"macro '{part.get('name')}'" if part.tag == CSL + "macro" else "the layout"
    for element in part.iterdescendants():
        if not isinstance(element.tag, str):
            continue
        if element.tag not in RENDERING:
            raise InputError(path, f"unknown element <{_element_name(element)}> in {where}; a CSL style cannot hold it there", element.sourceline)
        needed = _NEEDS_ONE_OF.get(element.tag)
        if needed and not any(element.get(a) for a in needed):
            raise InputError(path, f"<{_element_name(element)}> in {where} names no {' or '.join(needed)}", element.sourceline)
        _check_macro_call(element, path, macros)


def _check_macro_call(element, path: str, macros: dict) -> None:
    name = element.get("macro")
    if name is not None and element.tag in (CSL + "text", CSL + "key") and name not in macros:
        raise InputError(path, f"calls macro '{name}', which the style does not define", element.sourceline)


def _calls(element) -> list[str]:
    return [e.get("macro") for e in element.iter(CSL + "text", CSL + "key") if e.get("macro")]


def _macro_depths(macros: dict, path: str) -> dict[str, int]:
    """Each macro's depth (nested elements, through the macros it calls); a macro that calls
    itself, directly or through others, is refused (citeproc-py would recurse until it fails)."""
    depths: dict[str, int] = {}
    for start in macros:
        if start in depths:
            continue
        # Iterative depth-first walk: a path of calls is a stack of (name, calls left).
        stack, on_path = [(start, iter(_calls(macros[start])))], [start]
        while stack:
            name, pending = stack[-1]
            callee = next(pending, None)
            if callee is None:
                stack.pop()
                on_path.pop()
                depths[name] = _depth(macros[name], depths)
                continue
            if callee in on_path:
                cycle = " → ".join(on_path[on_path.index(callee):] + [callee])
                raise InputError(path, f"macro '{callee}' calls itself ({cycle}); citeproc-py would recurse without end", macros[callee].sourceline)
            if callee not in depths:
                stack.append((callee, iter(_calls(macros[callee]))))
                on_path.append(callee)
    return depths


def _depth(element, macro_depths: dict[str, int]) -> int:
    """Levels of nested elements under `element`, a macro call counting its macro's depth."""
    best = level = 0
    for event, node in etree.iterwalk(element, events=("start", "end")):
        if node is element or not isinstance(node.tag, str):
            continue
        if event == "start":
            level += 1
            best = max(best, level + macro_depths.get(node.get("macro") or "", 0))
        else:
            level -= 1
    return best
