"""Characters of Word formulas as TeX: the one table OMML runs, delimiters, accents and n-ary
operators go through. Unmapped characters stay themselves (unicode-math typesets them)."""

from __future__ import annotations

from ...symbol_encoding import SYMBOL_PRIVATE_USE

_GREEK = {
    "α": "alpha", "β": "beta", "γ": "gamma", "δ": "delta", "ε": "epsilon", "ϵ": "epsilon", "ζ": "zeta", "η": "eta",
    "θ": "theta", "ϑ": "vartheta", "ι": "iota", "κ": "kappa", "λ": "lambda", "μ": "mu", "ν": "nu", "ξ": "xi",
    "π": "pi", "ϖ": "varpi", "ρ": "rho", "ϱ": "varrho", "σ": "sigma", "ς": "varsigma", "τ": "tau", "υ": "upsilon",
    "φ": "varphi", "ϕ": "phi", "χ": "chi", "ψ": "psi", "ω": "omega",
    "Γ": "Gamma", "Δ": "Delta", "Θ": "Theta", "Λ": "Lambda", "Ξ": "Xi", "Π": "Pi", "Σ": "Sigma", "Υ": "Upsilon",
    "Φ": "Phi", "Ψ": "Psi", "Ω": "Omega",
}

TEX: dict[str, str] = {ch: "\\" + name for ch, name in _GREEK.items()}
TEX.update({
    # Greek capitals TeX writes as Latin letters
    "Α": "A", "Β": "B", "Ε": "E", "Ζ": "Z", "Η": "H", "Ι": "I", "Κ": "K", "Μ": "M", "Ν": "N", "Ο": "O", "Ρ": "P", "Τ": "T", "Χ": "X",
    # relations
    "≤": "\\le", "≥": "\\ge", "≦": "\\leqq", "≧": "\\geqq", "≠": "\\ne", "≈": "\\approx", "≡": "\\equiv", "∼": "\\sim",
    "≃": "\\simeq", "≅": "\\cong", "∝": "\\propto", "≪": "\\ll", "≫": "\\gg", "≺": "\\prec", "≻": "\\succ",
    "∈": "\\in", "∉": "\\notin", "∋": "\\ni", "⊂": "\\subset", "⊃": "\\supset", "⊆": "\\subseteq", "⊇": "\\supseteq",
    "⊄": "\\not\\subset", "⊥": "\\perp", "∥": "\\parallel", "∣": "\\mid", "≜": "\\triangleq", "≝": "\\stackrel{\\mathrm{def}}{=}",
    "⊨": "\\models", "⊢": "\\vdash", "≔": "\\coloneqq",
    # operators
    "±": "\\pm", "∓": "\\mp", "×": "\\times", "÷": "\\div", "·": "\\cdot", "⋅": "\\cdot", "∙": "\\cdot", "∘": "\\circ",
    "∗": "\\ast", "⊕": "\\oplus", "⊗": "\\otimes", "⊙": "\\odot", "∪": "\\cup", "∩": "\\cap", "∧": "\\wedge", "∨": "\\vee",
    "¬": "\\neg", "∖": "\\setminus", "−": "-", "–": "-", "∕": "/", "⁄": "/", "†": "\\dagger", "⋆": "\\star",
    # arrows
    "→": "\\to", "←": "\\leftarrow", "↔": "\\leftrightarrow", "⇒": "\\Rightarrow", "⇐": "\\Leftarrow",
    "⇔": "\\Leftrightarrow", "↦": "\\mapsto", "↑": "\\uparrow", "↓": "\\downarrow", "⟶": "\\longrightarrow",
    "⟹": "\\Longrightarrow", "⟺": "\\Longleftrightarrow", "↗": "\\nearrow", "↘": "\\searrow", "⇀": "\\rightharpoonup",
    # other symbols
    "∞": "\\infty", "∂": "\\partial", "∇": "\\nabla", "∀": "\\forall", "∃": "\\exists", "∄": "\\nexists", "∅": "\\emptyset",
    "ℓ": "\\ell", "ℏ": "\\hbar", "ℜ": "\\Re", "ℑ": "\\Im", "℘": "\\wp", "ℵ": "\\aleph", "∠": "\\angle", "△": "\\triangle",
    "…": "\\ldots", "⋯": "\\cdots", "⋮": "\\vdots", "⋱": "\\ddots", "′": "'", "″": "''", "‴": "'''", "°": "^{\\circ}",
    "ℝ": "\\mathbb{R}", "ℕ": "\\mathbb{N}", "ℤ": "\\mathbb{Z}", "ℚ": "\\mathbb{Q}", "ℂ": "\\mathbb{C}",
    "⟨": "\\langle", "⟩": "\\rangle", "〈": "\\langle", "〉": "\\rangle", "‖": "\\|", "⌊": "\\lfloor", "⌋": "\\rfloor",
    "⌈": "\\lceil", "⌉": "\\rceil", "∎": "\\blacksquare", "√": "\\surd",
    # n-ary operators met as plain characters
    "∑": "\\sum", "∏": "\\prod", "∐": "\\coprod", "∫": "\\int", "∬": "\\iint", "∭": "\\iiint", "∮": "\\oint",
    # superscript and subscript digits typed as characters
    "⁰": "^{0}", "¹": "^{1}", "²": "^{2}", "³": "^{3}", "⁴": "^{4}", "⁵": "^{5}", "⁶": "^{6}", "⁷": "^{7}", "⁸": "^{8}", "⁹": "^{9}",
    "₀": "_{0}", "₁": "_{1}", "₂": "_{2}", "₃": "_{3}", "₄": "_{4}", "₅": "_{5}", "₆": "_{6}", "₇": "_{7}", "₈": "_{8}", "₉": "_{9}",
    "∆": "\\Delta", "ℎ": "h",
    # characters TeX reserves
    "{": "\\{", "}": "\\}", "#": "\\#", "$": "\\$", "%": "\\%", "&": "\\&", "_": "\\_", "\\": "\\backslash",
    "~": "\\sim", "^": "\\hat{}", "\u00a0": "~", "\u2009": "\\,", "\u2005": "\\:", "\u2002": "\\;", "\u2003": "\\quad",
})

NARY = {
    "∑": "\\sum", "∏": "\\prod", "∐": "\\coprod", "∫": "\\int", "∬": "\\iint", "∭": "\\iiint", "∮": "\\oint",
    "∯": "\\oiint", "⋃": "\\bigcup", "⋂": "\\bigcap", "⋁": "\\bigvee", "⋀": "\\bigwedge", "⨁": "\\bigoplus",
    "⨂": "\\bigotimes", "⨀": "\\bigodot", "⨄": "\\biguplus",
}

ACCENTS = {
    "\u0302": "\\hat", "\u0303": "\\tilde", "\u0301": "\\acute", "\u0300": "\\grave", "\u0306": "\\breve",
    "\u030c": "\\check", "\u0307": "\\dot", "\u0308": "\\ddot", "\u20db": "\\dddot", "\u0304": "\\bar",
    "\u0305": "\\overline", "\u033f": "\\overline", "\u20d7": "\\vec", "\u20d6": "\\overleftarrow",
    "\u20e1": "\\overleftrightarrow", "\u030a": "\\mathring", "^": "\\hat", "~": "\\tilde", "¯": "\\bar",
    "\u02c6": "\\hat", "\u02dc": "\\tilde", "\u2192": "\\vec", "\u20d1": "\\vec",
}

FUNCTIONS = frozenset(
    "sin cos tan cot sec csc arcsin arccos arctan sinh cosh tanh coth exp log ln lg lim liminf limsup "
    "min max sup inf det dim ker arg deg gcd hom Pr mod tg ctg arctg arcctg sh ch th cth".split()
)
# Russian-school names amsmath lacks: written as operator names
_NO_COMMAND = frozenset("tg ctg arctg arcctg sh ch th cth".split())

_DELIMITERS = {
    "(": "(", ")": ")", "[": "[", "]": "]", "{": "\\{", "}": "\\}", "|": "|", "‖": "\\|", "⟨": "\\langle",
    "⟩": "\\rangle", "〈": "\\langle", "〉": "\\rangle", "⌊": "\\lfloor", "⌋": "\\rfloor", "⌈": "\\lceil",
    "⌉": "\\rceil", "/": "/", "\\": "\\backslash", "↑": "\\uparrow", "↓": "\\downarrow",
}


def delimiter(char: str, middle: bool = False) -> str:
    """A fence after `\\left`/`\\right` (`.` for none); a separator between parts (`\\middle|`)."""
    if middle:
        if not char:
            return ","
        fence = _DELIMITERS.get(char)
        return f"\\middle{fence}" if fence else TEX.get(char, char)
    if not char:
        return "."
    return _DELIMITERS.get(char, ".")


def function_command(word: str) -> str:
    """`sin` → `\\sin`; names amsmath lacks (`tg`) → `\\operatorname{tg}`."""
    return f"\\operatorname{{{word}}}" if word in _NO_COMMAND else "\\" + word




def sym_character(font: str, code: str) -> str | None:
    """The character a `w:sym` shows, or None when its font's glyphs are not known (Wingdings).

    Word's Insert > Symbol writes `w:sym w:font="Symbol" w:char="F0CE"` (∈): the Symbol font's
    byte code, mostly moved into the private-use area as PDF text layers have it. A code below
    that area in a Unicode font is that character itself."""
    try:
        point = int(code, 16)
    except ValueError:
        return None
    if font.strip().lower() != "symbol":
        return chr(point) if 0x20 <= point < 0xE000 or 0xF8FF < point < 0x110000 else None
    return SYMBOL_PRIVATE_USE.get(point | 0xF000 if point < 0x100 else point)
