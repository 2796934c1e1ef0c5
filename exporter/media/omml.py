"""Word equations (OMML, `m:oMath`) from TeX: latex2mathml's MathML, then MathML's
presentation elements mapped one by one onto OMML's (ECMA-376 Part 1, §22.1).

  mi mn mo mtext → m:r          msub msup msubsup → m:sSub m:sSup m:sSubSup
  mfrac → m:f                   msqrt mroot → m:rad
  mover munder → m:acc m:bar m:limUpp m:limLow
  ∑ ∏ ∫ … with limits → m:nary (the next element is its operand; a bracket, through its close)
  \\left( … \\middle| … \\right) → m:d (delimiters, separators)
  mtable → m:m                  mrow mstyle mpadded → their children in order

Anything else keeps its text, so nothing of a formula is dropped.
"""

from __future__ import annotations

from html import escape as html_escape  # not xml.sax.saxutils: it imports urllib.request, http.client and ssl (~15 ms)

from lxml import etree

from .formulas import mathml

M = "http://schemas.openxmlformats.org/officeDocument/2006/math"
W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
MATRIX_FENCES = {"(": ")", "[": "]", "{": "}", "|": "|", "‖": "‖"}
NARY = set("∑∏∐∫∬∭∮∯∰⋀⋁⋂⋃⨀⨁⨂⨄⨆")
BRACKETS, CLOSERS = set("([{⟨⌊⌈"), set(")]}⟩⌋⌉")  # plain brackets (not \left … \right): separate operators in MathML
SIGNS = set("+-−±∓")
BARS = {"¯": "top", "‾": "top", "―": "top", "_": "bot", "̲": "bot"}
ACCENTS = {"^": "̂", "ˆ": "̂", "~": "̃", "˜": "̃", "˙": "̇", "¨": "̈", "→": "⃗", "⃗": "⃗", "ˇ": "̌", "˘": "̆", "´": "́", "`": "̀"}


def _local(element) -> str:
    return etree.QName(element).localname


def _attr(value: str) -> str:
    return html_escape(value, quote=False).replace('"', "&quot;")


def _run(text: str, style: str | None = None) -> str:
    """`m:r` with its text; `style` p (upright), b (bold), bi; `nor` for text runs."""
    props = ""
    if style == "nor":
        props = "<m:rPr><m:nor/></m:rPr>"
    elif style:
        props = f'<m:rPr><m:sty m:val="{style}"/></m:rPr>'
    return f'<m:r>{props}<m:t xml:space="preserve">{html_escape(text, quote=False)}</m:t></m:r>'


def _text(element) -> str:
    return "".join(element.itertext())


class _Converter:
    def children(self, element) -> str:
        """Children in order; a big operator with limits takes the next child as its operand."""
        kids = [k for k in element if isinstance(k.tag, str)]
        out = []
        i = 0
        while i < len(kids):
            kid = kids[i]
            nary = self.nary_parts(kid)
            if nary is not None:
                end = self.operand_end(kids, i + 1)
                out.append(self.nary(*nary, self.sequence(kids[i + 1:end])))
                i = end
                continue
            if (_local(kid) == "mo" and _text(kid).strip() in MATRIX_FENCES and i + 2 < len(kids) and _local(kids[i + 1]) == "mtable"
                    and _local(kids[i + 2]) == "mo" and _text(kids[i + 2]).strip() == MATRIX_FENCES[_text(kid).strip()]):
                # \begin{bmatrix}: latex2mathml writes the brackets as plain operators around the table
                open_, close = _text(kid).strip(), _text(kids[i + 2]).strip()
                out.append(f'<m:d><m:dPr><m:begChr m:val="{_attr(open_)}"/><m:endChr m:val="{_attr(close)}"/></m:dPr><m:e>{self.node(kids[i + 1])}</m:e></m:d>')
                i += 3
                continue
            if _local(kid) == "mrow" and self.is_fenced(kid):
                out.append(self.fenced(kid))
            else:
                out.append(self.node(kid))
            i += 1
        return "".join(out)

    def operand_end(self, kids: list, i: int) -> int:
        """Where the operand of a big operator starting at `kids[i]` ends: one element; a
        bracket through its matching close (`\\sum_i (x_i + 1)`: an operand of `(` alone
        left the brackets unbalanced, which LibreOffice shows as ¿); a sign with what it signs;
        a big operator with its own operand (`\\sum_i \\sum_j a_{ij}`)."""
        if i >= len(kids):
            return i
        kid = kids[i]
        text = _text(kid).strip() if _local(kid) == "mo" else None
        if self.nary_parts(kid) is not None or (text in SIGNS and i + 1 < len(kids)):
            return self.operand_end(kids, i + 1)
        if text in BRACKETS:
            depth = 0
            for j in range(i, len(kids)):
                mark = _text(kids[j]).strip() if _local(kids[j]) == "mo" else None
                depth += (mark in BRACKETS) - (mark in CLOSERS)
                if depth == 0:
                    return j + 1
            return len(kids)  # never closed: the rest of the row, as the source has it
        return i + 1

    def arg(self, tag: str, element) -> str:
        return f"<m:{tag}>{self.node(element) if element is not None else ''}</m:{tag}>"

    def node(self, element) -> str:
        name = _local(element)
        method = getattr(self, f"m_{name}", None)
        if method is not None:
            return method(element)
        if len(element):
            return self.children(element)
        text = _text(element)
        return _run(text) if text else ""

    # -- tokens --
    def m_mi(self, e) -> str:
        text = _text(e)
        if not text:  # latex2mathml's `<mi/>` before an aligned `=`: an empty run shows as `¿` in LibreOffice and hides the `=`
            return ""
        variant = e.get("mathvariant")
        if variant == "normal" or (len(text) > 1 and variant is None):
            return _run(text, "p")
        if variant == "bold":
            return _run(text, "b")
        if variant == "bold-italic":
            return _run(text, "bi")
        return _run(text)

    def m_mn(self, e) -> str:
        return _run(_text(e)) if _text(e) else ""

    def m_mo(self, e) -> str:
        text = _text(e)
        if not text:
            return ""
        return _run(text, "p") if len(text) > 1 else _run(text)

    def m_mtext(self, e) -> str:
        text = _text(e)
        if not text.strip():  # `\ `, `\quad`: a space in the formula, not a text run
            return _run(" " * max(1, len(text)))
        return _run(text, "nor")

    def m_ms(self, e) -> str:
        return _run(_text(e), "nor")

    def m_mspace(self, e) -> str:
        return _run(" ")

    # -- layout --
    def m_mrow(self, e) -> str:
        return self.fenced(e) if self.is_fenced(e) else self.children(e)

    m_mstyle = m_mpadded = m_semantics = m_math = m_mrow

    def m_mphantom(self, e) -> str:
        return f'<m:phant><m:phantPr><m:show m:val="0"/></m:phantPr><m:e>{self.children(e)}</m:e></m:phant>'

    def m_annotation(self, e) -> str:
        return ""

    def m_mfrac(self, e) -> str:
        num, den = self.two(e)
        bar = '<m:fPr><m:type m:val="noBar"/></m:fPr>' if e.get("linethickness") in ("0", "0pt", "0em") else ""
        return f"<m:f>{bar}{self.arg('num', num)}{self.arg('den', den)}</m:f>"

    def m_msqrt(self, e) -> str:
        return f'<m:rad><m:radPr><m:degHide m:val="1"/></m:radPr><m:deg/><m:e>{self.children(e)}</m:e></m:rad>'

    def m_mroot(self, e) -> str:
        base, degree = self.two(e)
        return f"<m:rad>{self.arg('deg', degree)}{self.arg('e', base)}</m:rad>"

    def m_msub(self, e) -> str:
        base, sub = self.two(e)
        return f"<m:sSub>{self.arg('e', base)}{self.arg('sub', sub)}</m:sSub>"

    def m_msup(self, e) -> str:
        base, sup = self.two(e)
        return f"<m:sSup>{self.arg('e', base)}{self.arg('sup', sup)}</m:sSup>"

    def m_msubsup(self, e) -> str:
        kids = self.kids(e, 3)
        return f"<m:sSubSup>{self.arg('e', kids[0])}{self.arg('sub', kids[1])}{self.arg('sup', kids[2])}</m:sSubSup>"

    def m_mover(self, e) -> str:
        base, over = self.two(e)
        mark = _text(over).strip() if over is not None else ""
        if mark in BARS and BARS[mark] == "top":
            return f'<m:bar><m:barPr><m:pos m:val="top"/></m:barPr>{self.arg("e", base)}</m:bar>'
        if mark in ACCENTS or (len(mark) == 1 and (e.get("accent") == "true" or over.get("accent") == "true")):
            chr_ = ACCENTS.get(mark, mark)
            return f'<m:acc><m:accPr><m:chr m:val="{_attr(chr_)}"/></m:accPr>{self.arg("e", base)}</m:acc>'
        return f"<m:limUpp>{self.arg('e', base)}{self.arg('lim', over)}</m:limUpp>"

    def m_munder(self, e) -> str:
        base, under = self.two(e)
        mark = _text(under).strip() if under is not None else ""
        if mark in BARS and BARS[mark] == "bot":
            return f'<m:bar><m:barPr><m:pos m:val="bot"/></m:barPr>{self.arg("e", base)}</m:bar>'
        return f"<m:limLow>{self.arg('e', base)}{self.arg('lim', under)}</m:limLow>"

    def m_munderover(self, e) -> str:
        kids = self.kids(e, 3)
        low = f"<m:limLow>{self.arg('e', kids[0])}{self.arg('lim', kids[1])}</m:limLow>"
        return f"<m:limUpp><m:e>{low}</m:e>{self.arg('lim', kids[2])}</m:limUpp>"

    def m_mtable(self, e) -> str:
        rows, aligns = [], []
        for tr in e:
            if not isinstance(tr.tag, str) or _local(tr) not in ("mtr", "mlabeledtr"):
                continue
            tds = [td for td in tr if isinstance(td.tag, str) and _local(td) == "mtd"]
            aligns = aligns or [td.get("columnalign", "center") for td in tds]
            rows.append(f"<m:mr>{''.join(f'<m:e>{self.children(td)}</m:e>' for td in tds)}</m:mr>")
        # each column justified as the MathML asks (`aligned`: right, left …), as Word's own
        # aligned equations are; a column's placeholder hidden where a cell is empty
        columns = "".join(f'<m:mc><m:mcPr><m:count m:val="1"/><m:mcJc m:val="{_attr(a if a in ("left", "right") else "center")}"/></m:mcPr></m:mc>' for a in aligns)
        props = f'<m:mPr><m:plcHide m:val="1"/><m:mcs>{columns}</m:mcs></m:mPr>' if columns else ""
        return f"<m:m>{props}{''.join(rows)}</m:m>"

    def m_mfenced(self, e) -> str:
        open_, close = e.get("open", "("), e.get("close", ")")
        separators = e.get("separators", ",").strip()
        parts = "".join(f"<m:e>{self.node(k)}</m:e>" for k in e if isinstance(k.tag, str))
        sep = f'<m:sepChr m:val="{_attr(separators[:1])}"/>' if separators else ""
        return f'<m:d><m:dPr><m:begChr m:val="{_attr(open_)}"/>{sep}<m:endChr m:val="{_attr(close)}"/></m:dPr>{parts}</m:d>'

    def m_menclose(self, e) -> str:
        return f"<m:borderBox><m:e>{self.children(e)}</m:e></m:borderBox>"

    # -- helpers --
    def kids(self, e, n: int) -> list:
        kids = [k for k in e if isinstance(k.tag, str)]
        return kids + [None] * (n - len(kids))

    def two(self, e):
        kids = self.kids(e, 2)
        return kids[0], kids[1]

    def nary_parts(self, e):
        """(operator, lower, upper) when `e` is a big operator with limits (`\\sum_{i}^{n}`)."""
        name = _local(e)
        if name not in ("msub", "msup", "msubsup", "munder", "mover", "munderover"):
            return None
        kids = self.kids(e, 3)
        base = kids[0]
        if base is None or _local(base) != "mo" or _text(base).strip() not in NARY:
            return None
        lower = kids[1] if name in ("msub", "msubsup", "munder", "munderover") else None
        upper = kids[2] if name in ("msubsup", "munderover") else (kids[1] if name in ("msup", "mover") else None)
        return _text(base).strip(), lower, upper, name.startswith("mu")

    def nary(self, op: str, lower, upper, under_over: bool, operand: str) -> str:
        props = f'<m:chr m:val="{_attr(op)}"/>'
        if not under_over and op in "∫∬∭∮∯∰":
            props += '<m:limLoc m:val="subSup"/>'
        if lower is None or not len(lower) and not _text(lower).strip():
            props += '<m:subHide m:val="1"/>'
        if upper is None or not len(upper) and not _text(upper).strip():
            props += '<m:supHide m:val="1"/>'
        return f"<m:nary><m:naryPr>{props}</m:naryPr>{self.arg('sub', lower)}{self.arg('sup', upper)}<m:e>{operand}</m:e></m:nary>"

    def is_fenced(self, e) -> bool:
        """An `mrow` that \\left … \\right made: stretchy fences at both ends."""
        kids = [k for k in e if isinstance(k.tag, str)]
        return len(kids) >= 2 and all(_local(k) == "mo" and k.get("fence") == "true" for k in (kids[0], kids[-1]))

    def fenced(self, e) -> str:
        kids = [k for k in e if isinstance(k.tag, str)]
        open_, close, inner = _text(kids[0]).strip(), _text(kids[-1]).strip(), kids[1:-1]
        parts, current, separator = [], [], ""
        for kid in inner:  # \middle| separates the delimiter's parts
            if _local(kid) == "mo" and kid.get("fence") == "true" and kid.get("stretchy") == "true":
                separator = separator or _text(kid).strip()
                parts.append(current)
                current = []
            else:
                current.append(kid)
        parts.append(current)
        body = "".join(f"<m:e>{self.sequence(part)}</m:e>" for part in parts)
        sep = f'<m:sepChr m:val="{_attr(separator)}"/>' if separator else ""
        return f'<m:d><m:dPr><m:begChr m:val="{_attr(open_)}"/>{sep}<m:endChr m:val="{_attr(close)}"/></m:dPr>{body}</m:d>'

    def sequence(self, kids: list) -> str:
        wrapper = etree.Element("mrow")
        for kid in kids:
            wrapper.append(_copy(kid))
        return self.children(wrapper)


def _copy(element):
    from copy import deepcopy

    return deepcopy(element)


def tex_to_omml(tex: str, display: bool = False) -> str:
    """`<m:oMath>` (inside `<m:oMathPara>` for display) for a TeX formula, or FormulaError."""
    source = mathml(tex, display)
    root = etree.fromstring(source.encode("utf-8"), etree.XMLParser(resolve_entities=False, no_network=True))
    body = _Converter().node(root)
    math = f'<m:oMath xmlns:m="{M}" xmlns:w="{W}">{body}</m:oMath>'
    if display:
        return f'<m:oMathPara xmlns:m="{M}" xmlns:w="{W}">{math}</m:oMathPara>'
    return math
