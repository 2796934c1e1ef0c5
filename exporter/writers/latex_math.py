"""TeX formulas as the LaTeX edition writes them: the source's TeX, only when it is safe and
compiles as mathematics; else None (the writer then prints the TeX as escaped text).

A formula is the one place the LaTeX edition writes the source's own markup, so it is
checked first: no command that reads or writes files, defines macros or changes catcodes
(`\\input`, `\\write`, `\\def`, `\\catcode`, `^^5c`…), a bare `%`, `#` or `$` escaped, balanced braces,
only amsmath's math environments, and every command one the math converter knows (an
unknown `\\foo` would stop XeLaTeX with "Undefined control sequence").
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

from ..media.formulas import FormulaError, mathml

_COMMAND = re.compile(r"\\([A-Za-z@]+)")
_ENVIRONMENT = re.compile(r"\\(?:begin|end)\s*\{([^}]*)\}")
# Commands that touch files, define or expand macros, or need a package the shell does not load.
DENIED = frozenset(
    "def gdef edef xdef let futurelet newcommand renewcommand providecommand DeclareMathOperator input include "
    "InputIfFileExists write immediate openout openin closeout closein read readline catcode lccode uccode "
    "csname endcsname expandafter noexpand special usepackage RequirePackage documentclass jobname class cssId "
    "href url hyperlink hypertarget write18 directlua latelua pdfprimitive loop uppercase lowercase mathchardef "
    "chardef countdef toks makeatletter makeatother bm cancel bcancel xcancel bra ket braket hdashline "
    "color colorbox fcolorbox textcolor boxed fbox hbox mbox vbox scantokens detokenize unexpanded everymath "
    "everydisplay output shipout afterassignment aftergroup global long outer protected".split()
)
ENVIRONMENTS = frozenset("matrix pmatrix bmatrix Bmatrix vmatrix Vmatrix smallmatrix cases array aligned gathered split subarray".split())
_CYRILLIC = re.compile(r"[\u0400-\u04FF]+")
_ALPHABET = re.compile(r"\\math(rm|bf|it|sf|tt)(?![A-Za-z])")


def _balanced(tex: str) -> bool:
    depth = 0
    escaped = False
    for ch in tex:
        if escaped:
            escaped = False
        elif ch == "\\":
            escaped = True
        elif ch == "{":
            depth += 1
        elif ch == "}":
            depth -= 1
            if depth < 0:
                return False
    return depth == 0


def math_tex(tex: str) -> str | None:
    """The formula's TeX ready for `$…$` or `equation`, or None when it must not be written as TeX."""
    tex = " ".join(tex.split())
    # A bare %, # or $ is the sign itself (a reader's text, not TeX): escaped, never a comment,
    # a macro parameter or the end of the formula.
    tex = re.sub(r"(?<!\\)((?:\\\\)*)([%#$])", lambda m: m.group(1) + "\\" + m.group(2), tex)
    if not tex or "^^" in tex or re.search(r"\\[()\[\]]", tex):
        return None
    if not _balanced(tex):
        return None
    if any(name in DENIED for name in _COMMAND.findall(tex)):
        return None
    environments = _ENVIRONMENT.findall(tex)
    if any(env.strip() not in ENVIRONMENTS for env in environments):
        return None
    if "&" in tex.replace("\\&", "") and not environments:
        return None
    try:
        mathml(tex)
    except FormulaError:
        return None
    # unicode-math's \mathrm is the body's text font, which lacks math alphabets (\mathrm{\Delta}
    # would be a missing 𝛥): the math font's own upright, bold, italic alphabets instead.
    tex = _ALPHABET.sub(lambda m: "\\sym" + m.group(1), tex)
    tex = _COMMAND.sub(_as_character, tex)
    # Cyrillic letters outside \text: the math font has none; set them as text in the body's font.
    return _CYRILLIC.sub(lambda m: "\\text{" + m.group() + "}", tex)


def _as_character(m: re.Match) -> str:
    """A symbol's command that XeLaTeX lacks (`\\coloneqq` is mathtools', `\\square`
    amssymb's) as the character it stands for, which unicode-math sets from the math font; any
    other command as written."""
    name = m.group(1)
    if name not in _lacking():
        return m.group()
    from latex2mathml.symbols_parser import SYMBOLS

    code = SYMBOLS.get("\\" + name)
    return chr(int(code, 16)) if code and re.fullmatch(r"[0-9A-Fa-f]{4,6}", code) else m.group()


@cache
def _lacking() -> frozenset[str]:
    """The commands latex2mathml reads and XeLaTeX does not define with amsmath and
    unicode-math (latex_lacks.txt, written by bench/latex_lacks.py)."""
    return frozenset((Path(__file__).with_name("latex_lacks.txt")).read_text(encoding="utf-8").split())


def breakable_inline(tex: str) -> str:
    """An inline formula's TeX with `\\allowbreak` after each comma of its top level (outside
    braces, brackets, `\\left…\\right`, `\\{…\\}` and environments): TeX breaks inline
    mathematics only after a relation or an operator, so a list (`A_1(x), …, C_m(x)`) longer
    than the line ran into the margin. A comma between two digits (a decimal comma) is no place
    to break either."""
    out: list[str] = []
    depth = 0
    k = 0
    while k < len(tex):
        m = _COMMAND_AT.match(tex, k)
        if m:
            word = m.group(1)
            depth += (word in _OPENING) - (word in _CLOSING)
            out.append(m.group())
            k = m.end()
            continue
        ch = tex[k]
        depth += (ch in "{([") - (ch in "})]")
        out.append(ch)
        if ch == "," and depth <= 0 and not (tex[k - 1:k].isdigit() and tex[k + 1:k + 2].isdigit()):
            out.append("\\allowbreak ")
        k += 1
    return "".join(out)


_COMMAND_AT = re.compile(r"\\([A-Za-z@]+|.)")
_OPENING = frozenset(("left", "begin", "{"))
_CLOSING = frozenset(("right", "end", "}"))
