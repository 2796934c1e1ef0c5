"""Word equations (OMML, `m:oMath`) into LaTeX math, on OMML's own small grammar.

No maintained Python library does this (dwml 0.3 is unmaintained since 2020, omml2latex and
officemath2latex are 0.1 releases with no users); pandoc's texmath is the reference we check
against (`bench/omml.py`). Each OMML element maps to one TeX construct; characters go through
one table (`symbols.TEX`). The result compiles with amsmath + unicode-math under XeLaTeX.
"""

from __future__ import annotations

import re
import unicodedata
from copy import deepcopy

from .symbols import ACCENTS, FUNCTIONS, NARY, TEX, delimiter, function_command
from .xml import M, W

_FENCE = re.compile(r"\\left(?![a-zA-Z])|\\right(?![a-zA-Z])")
_MAX_DEPTH = 200  # a formula nested deeper is not a paper's: its inner part is flattened to text


def _val(node, name: str) -> str | None:
    """`m:val` of the property `name` under `node` (None when absent)."""
    if node is None:
        return None
    prop = node.find(M + name)
    return None if prop is None else prop.get(M + "val")


def _on(node, name: str) -> bool:
    """A toggle property (`<m:degHide/>`, `<m:degHide m:val="1"/>`) is on unless its value says off."""
    prop = None if node is None else node.find(M + name)
    return prop is not None and prop.get(M + "val") not in ("0", "off", "false")


def split_word_number(formula):
    """Word's own equation numbering, typed `E = mc^2#(1)`: Word stores it as an equation
    array whose last row holds a `#` with the number after it (the rows before it are the
    formula's lines) and shows the number at the right margin. Returns (a copy of `formula`
    without the `#` and the number, a one-row array replaced by its row; the number as
    printed, parentheses dropped: `1.1`), or None when the formula has no such number."""
    for array in formula.iter(M + "eqArr"):
        rows = array.findall(M + "e")
        if not rows or any("#" in "".join(row.itertext()) for row in rows[:-1]):
            continue
        marked = [c for c in rows[-1] if c.tag == M + "r" and "#" in _run_text(c)]
        if len(marked) != 1:
            continue
        run = marked[0]
        before, _, after = _run_text(run).partition("#")
        m = _WORD_NUMBER.match((after + "".join(_shown_text(n) for n in run.itersiblings())).strip())
        if m is None:
            continue
        copy = deepcopy(formula)
        copied_run = _follow(copy, _path(formula, run))
        for sibling in list(copied_run.itersiblings()):
            copied_run.getparent().remove(sibling)
        texts = copied_run.findall(M + "t")
        for t in texts[1:]:
            copied_run.remove(t)
        row = copied_run.getparent()
        if before.strip() and texts:
            texts[0].text = before.rstrip()
        else:
            row.remove(copied_run)
        if len(rows) == 1:  # one line: the array was only Word's frame for the number
            copied_array = row.getparent()
            parent, at = copied_array.getparent(), copied_array.getparent().index(copied_array)
            parent.remove(copied_array)
            for i, node in enumerate(c for c in row if not c.tag.endswith("Pr")):
                parent.insert(at + i, node)
        return copy, m.group(1)
    return None


_WORD_NUMBER = re.compile(r"^\(\s*([0-9A-Za-zА-Яа-яЁё][0-9A-Za-zА-Яа-яЁё.,\-–]{0,11})\s*\)$")


def _shown_text(node) -> str:
    """What a piece of a formula shows as text: a delimiter's characters around its content."""
    if node.tag != M + "d":
        return "".join(t.text or "" for t in node.iter(M + "t"))
    props = node.find(M + "dPr")
    opening, closing = _val(props, "begChr"), _val(props, "endChr")
    inner = "".join(_shown_text(e) for e in node.iterchildren(M + "e"))
    return ("(" if opening is None else opening) + inner + (")" if closing is None else closing)


def _run_text(run) -> str:
    return "".join(t.text or "" for t in run.iter(M + "t"))


def _path(root, node) -> list[int]:
    """The child indices that lead from `root` down to `node`."""
    path = []
    while node is not root:
        parent = node.getparent()
        path.append(parent.index(node))
        node = parent
    return path[::-1]


def _follow(root, path: list[int]):
    for i in path:
        root = root[i]
    return root


def omml_to_tex(node) -> str:
    """The TeX of one `m:oMath` (or any OMML element holding math)."""
    return " ".join(_Converter().children(node).split())


class _Converter:
    def __init__(self):
        self.depth = 0

    def children(self, node) -> str:
        return "".join(self.element(c) for c in node.iterchildren())

    def arg(self, node, name: str) -> str:
        """The TeX of the child argument `name` (`m:e`, `m:sub`…), empty when absent."""
        part = node.find(M + name)
        return "" if part is None else self.children(part).strip()

    def element(self, node) -> str:
        tag = node.tag
        if not isinstance(tag, str) or not tag.startswith(M):
            if tag == W + "r":
                return self.word_run(node)
            return ""
        name = tag[len(M):]
        handler = getattr(self, "m_" + name, None)
        if handler is None:
            return "" if name.endswith("Pr") else self.children(node)
        self.depth += 1
        try:
            if self.depth > _MAX_DEPTH:
                return _text_tex("".join(t.text or "" for t in node.iter(M + "t")))
            return handler(node)
        finally:
            self.depth -= 1

    # ---- runs

    def m_r(self, node) -> str:
        text = "".join(t.text or "" for t in node.iter(M + "t"))
        props = node.find(M + "rPr")
        if _on(props, "nor"):
            return _text_tex(text)
        sty = _val(props, "sty")
        scr = _val(props, "scr")
        return run_tex(text, sty, scr)

    def word_run(self, node) -> str:
        """Ordinary text inside a formula (`w:r`): shown as text."""
        text = "".join(t.text or "" for t in node.iter(W + "t"))
        return _text_tex(text)

    # ---- structures

    def m_f(self, node) -> str:
        kind = _val(node.find(M + "fPr"), "type")
        num, den = self.arg(node, "num"), self.arg(node, "den")
        if kind == "lin":
            return f"{{{num}}}/{{{den}}}"
        if kind == "noBar":
            return f"\\genfrac{{}}{{}}{{0pt}}{{}}{{{num}}}{{{den}}}"
        if kind == "skw":
            return f"{{}}^{{{num}}}\\!/_{{{den}}}"
        return f"\\frac{{{num}}}{{{den}}}"

    def m_sSub(self, node) -> str:
        return f"{_base(self.arg(node, 'e'))}_{{{self.arg(node, 'sub')}}}"

    def m_sSup(self, node) -> str:
        return f"{_base(self.arg(node, 'e'))}^{{{self.arg(node, 'sup')}}}"

    def m_sSubSup(self, node) -> str:
        return f"{_base(self.arg(node, 'e'))}_{{{self.arg(node, 'sub')}}}^{{{self.arg(node, 'sup')}}}"

    def m_sPre(self, node) -> str:
        return f"{{}}_{{{self.arg(node, 'sub')}}}^{{{self.arg(node, 'sup')}}}{{{self.arg(node, 'e')}}}"

    def m_rad(self, node) -> str:
        deg = self.arg(node, "deg")
        hidden = _on(node.find(M + "radPr"), "degHide")
        body = self.arg(node, "e")
        return f"\\sqrt[{deg}]{{{body}}}" if deg and not hidden else f"\\sqrt{{{body}}}"

    def m_nary(self, node) -> str:
        props = node.find(M + "naryPr")
        char = _val(props, "chr") or "∫"
        op = NARY.get(char) or TEX.get(char) or char
        loc = _val(props, "limLoc")
        sub = "" if _on(props, "subHide") else self.arg(node, "sub")
        sup = "" if _on(props, "supHide") else self.arg(node, "sup")
        integral = op in ("\\int", "\\iint", "\\iiint", "\\oint")
        if (sub or sup) and loc == "undOvr" and integral:  # placement only where there are limits to place
            op += "\\limits"
        elif (sub or sup) and loc == "subSup" and not integral:
            op += "\\nolimits"
        out = op + (f"_{{{sub}}}" if sub else "") + (f"^{{{sup}}}" if sup else "")
        return f"{out} {self.arg(node, 'e')}"

    def m_d(self, node) -> str:
        props = node.find(M + "dPr")
        beg = _val(props, "begChr")
        end = _val(props, "endChr")
        sep = _val(props, "sepChr")
        beg = "(" if beg is None else beg
        end = ")" if end is None else end
        sep = "|" if sep is None else sep
        parts = [self.children(e).strip() for e in node.iterchildren(M + "e")]
        middle = f" {delimiter(sep, middle=True)} ".join(parts)
        return f"\\left{delimiter(beg)} {middle} \\right{delimiter(end)}"

    def m_func(self, node) -> str:
        name_node = node.find(M + "fName")
        name = "" if name_node is None else self.function_name(name_node)
        return f"{name} {self.arg(node, 'e')}"

    def function_name(self, node) -> str:
        """A function's name: `sin` → `\\sin`, `lim` under a limit → `\\lim_{…}`, else upright."""
        runs = list(node.iterchildren())
        if len(runs) == 1 and runs[0].tag == M + "r":
            word = "".join(t.text or "" for t in runs[0].iter(M + "t")).strip()
            return _function(word)
        return self.children(node)

    def m_acc(self, node) -> str:
        char = _val(node.find(M + "accPr"), "chr") or "\u0302"
        command = ACCENTS.get(char)
        body = self.arg(node, "e")
        if command is None:
            return f"\\overset{{{TEX.get(char, char)}}}{{{body}}}"
        return f"{command}{{{body}}}"

    def m_bar(self, node) -> str:
        pos = _val(node.find(M + "barPr"), "pos") or "bot"
        command = "\\overline" if pos == "top" else "\\underline"
        return f"{command}{{{self.arg(node, 'e')}}}"

    def m_groupChr(self, node) -> str:
        props = node.find(M + "groupChrPr")
        char = _val(props, "chr") or "\u23df"
        pos = _val(props, "pos") or "bot"
        body = self.arg(node, "e")
        if char in ("\u23df", "\u23de"):
            return f"\\{'underbrace' if char == chr(0x23DF) else 'overbrace'}{{{body}}}"
        mark = TEX.get(char, char)
        return f"\\overset{{{mark}}}{{{body}}}" if pos == "top" else f"\\underset{{{mark}}}{{{body}}}"

    def m_limLow(self, node) -> str:
        base, lim = self.arg(node, "e"), self.arg(node, "lim")
        if base.lstrip("\\") in FUNCTIONS or base.startswith("\\operatorname"):
            return f"{base}_{{{lim}}}"
        return f"\\underset{{{lim}}}{{{base}}}"

    def m_limUpp(self, node) -> str:
        base, lim = self.arg(node, "e"), self.arg(node, "lim")
        return f"\\overset{{{lim}}}{{{base}}}"

    def m_m(self, node) -> str:
        rows = []
        for row in node.iterchildren(M + "mr"):
            rows.append(" & ".join(self.children(e).strip() for e in row.iterchildren(M + "e")))
        return "\\begin{matrix} " + " \\\\ ".join(rows) + " \\end{matrix}"

    def m_eqArr(self, node) -> str:
        rows = [self.children(e).strip() for e in node.iterchildren(M + "e")]
        if any("&" in r.replace("\\&", "") for r in rows):
            return "\\begin{aligned} " + " \\\\ ".join(rows) + " \\end{aligned}"
        return "\\begin{array}{l} " + " \\\\ ".join(rows) + " \\end{array}"

    def m_box(self, node) -> str:
        return self.arg(node, "e")

    def m_borderBox(self, node) -> str:
        return f"\\boxed{{{self.arg(node, 'e')}}}"

    def m_phant(self, node) -> str:
        props = node.find(M + "phantPr")
        body = self.arg(node, "e")
        return body if props is not None and _on(props, "show") else f"\\phantom{{{body}}}"

    def m_oMathPara(self, node) -> str:
        formulas = [self.children(m).strip() for m in node.iterchildren(M + "oMath")]
        return " \\\\ ".join(f for f in formulas if f)


def _base(tex: str) -> str:
    """A script's base: braced unless it is one symbol or one fenced group, so `x_{1}`,
    `\\left[ a,b \\right]^{T}`, but `{x+y}_{1}`."""
    if len(tex) == 1 or (tex.startswith("\\") and tex[1:].isalpha()) or _one_fence(tex):
        return tex
    return f"{{{tex}}}"


def _one_fence(tex: str) -> bool:
    """`\\left( … \\right)` as a whole: its first `\\left` closes at its very end."""
    if not tex.startswith("\\left"):
        return False
    depth = 0
    for m in _FENCE.finditer(tex):
        depth += 1 if m.group(0) == "\\left" else -1
        if depth == 0:
            return len(tex) - m.end() <= len("\\rangle") and not _FENCE.search(tex, m.end())
    return False


def _function(word: str) -> str:
    if word in FUNCTIONS:
        return function_command(word)
    if not word:
        return ""
    return f"\\operatorname{{{_escape_text(word)}}}"


def run_tex(text: str, sty: str | None = None, scr: str | None = None) -> str:
    """The TeX of one run of formula text: letters as variables (upright when `sty` is `p`, and
    function names as their commands), digits and operators through the symbol table."""
    text = "".join(ch for ch in text if unicodedata.category(ch) != "Cf")
    if not text:
        return ""
    stripped = text.strip()
    if sty == "p" and stripped in FUNCTIONS:
        return function_command(stripped) + " "
    out: list[str] = []
    word: list[str] = []

    def flush():
        if not word:
            return
        letters = "".join(word)
        if all(_is_latin(c) for c in letters):
            if sty == "p" and len(letters) > 1:
                out.append(f"\\mathrm{{{letters}}}")
            elif sty in ("p", "b", "bi") or scr:
                out.append(_styled(letters, sty, scr))
            else:
                out.append(letters)
        else:  # Cyrillic and other scripts: words of text in the formula
            out.append(_text_tex(letters))
        word.clear()

    for ch in text:
        if ch.isalpha() and ch not in TEX:
            word.append(ch)
            continue
        flush()
        if ch.isspace():
            continue
        out.append(_symbol(ch))
    flush()
    return "".join(out)


def _styled(letters: str, sty: str | None, scr: str | None) -> str:
    font = {"double-struck": "\\mathbb", "script": "\\mathcal", "fraktur": "\\mathfrak", "sans-serif": "\\mathsf", "monospace": "\\mathtt"}.get(scr or "")
    if font:
        return f"{font}{{{letters}}}"
    if sty in ("b", "bi"):
        return f"\\mathbf{{{letters}}}"
    return f"\\mathrm{{{letters}}}"


def _is_latin(ch: str) -> bool:
    return "a" <= ch.lower() <= "z"


def _symbol(ch: str) -> str:
    if ch in TEX:
        tex = TEX[ch]
        return tex + " " if tex[-1:].isalpha() and tex.startswith("\\") else tex
    if ch.isdigit() and not ch.isascii():
        return str(unicodedata.digit(ch, 0))
    if ch.isascii():
        return ch
    return ch  # unicode-math typesets the character itself


def _escape_text(text: str) -> str:
    out = []
    for ch in text:
        if ch in "#$%&_{}":
            out.append("\\" + ch)
        elif ch == "\\":
            out.append("\\textbackslash{}")
        elif ch == "~":
            out.append("\\textasciitilde{}")
        elif ch == "^":
            out.append("\\textasciicircum{}")
        else:
            out.append(ch)
    return "".join(out)


def _text_tex(text: str) -> str:
    text = "".join(ch for ch in text if unicodedata.category(ch) != "Cf")
    return f"\\text{{{_escape_text(text)}}}" if text.strip() else ("\\ " if text else "")
