"""A font's weight and shape as its PostScript name states them (`Times-Bold`, `CMBX12`,
`NimbusRomNo9L-Medi`, `LinLibertineTB`).

A PDF names each font by its base name, a subset's `ABCDEF+` aside; most producers never fill in
a weight (PDFium's is derived from stems and wrong for Times), so the name is the evidence. Each
naming scheme below is one family of conventions, with where it comes from.
"""

from __future__ import annotations

import re

# ---- words: Adobe's `Family-WeightShape` names (`Times-BoldItalic`, `Helvetica-Oblique`), Microsoft's
# TrueType ones (`TimesNewRomanPS-BoldMT`, `Arial-BoldItalicMT`), the PDF's `Arial,BoldItalic` for a
# TrueType face it does not embed, Latin Modern and TeX Gyre (`LMRoman10-Bold`, `LMRomanDemi10-Regular`),
# and the abbreviations Adobe's and Linotype's OpenType names use (`MinionPro-BoldIt`,
# `HelveticaNeueLTStd-BdCn`, `…-Blk`, `…-Hv`, `…-Smbd`).
# These long words mark a bold face wherever they stand in the name (`HelveticaBold`, `LMRomanDemi10`);
# `DemiLight` (Noto's CJK weight 350) is a light one.
_BOLD_ANYWHERE = re.compile(r"bold|black|heavy|demi(?!light)", re.IGNORECASE)
# Style words of the part after the family's `-` or `,`, read word by word (`BoldItalicMT` is Bold,
# Italic, MT), compared in lower case. `Medi` is URW's (below); `W6`…`W9` Morisawa's and Hiragino's
# weights (`HiraKakuPro-W6`; W3/W4 are the text weights).
_WEIGHT_WORDS = {"b", "bd", "bol", "blk", "hv", "sb", "smbd", "semibd", "xbd", "w6", "w7", "w8", "w9"}
_SLOPED_ANYWHERE = re.compile(r"italic|oblique", re.IGNORECASE)
_SHAPE_WORDS = {"italic", "ital", "it", "ita", "oblique", "obli", "obl", "slanted", "slant", "inclined", "kursiv", "cursive"}
# ---- URW's 1999 free PostScript 35 (Ghostscript's gsfonts) shorten every style to four letters:
# `NimbusRomNo9L-Regu`, `-ReguItal`, `-Medi`, `-MediItal`, `NimbusSanL-Bold`, `URWPalladioL-Roma`,
# `-Ital`, `URWBookmanL-DemiBold`, `NimbusMonL-ReguObli`. `Medi` is the bold of Times
# (NimbusRomNo9L-Medi stands for Times-Bold); URWChanceryL-MediItal is Zapf Chancery's one weight.
_SINGLE_WEIGHT = re.compile(r"chancery", re.IGNORECASE)
# ---- TeX's METAFONT names: a family's prefix, a code for weight and shape, the design size.
# Knuth's Computer Modern (`cmbx12`; the AMS's Type 1 fonts keep the names in capitals, `CMBX12`)
# and the Czech/Slovak CS fonts built on it (`csbx12`, `cssl10`):
_CM_BOLD = {"BX", "B", "BXSL", "BXTI", "SSBX", "SSDC", "MIB", "BSY", "FIB"}
_CM_SLOPED = {"TI", "SL", "BXSL", "BXTI", "SLTT", "ITT", "SSI", "SSQI", "U", "FI", "MI", "MIB"}
# Knappen's European Computer Modern (`ecbx1200`, its forerunner `dcbx1200`, the companion `tcbx1200`)
# and cm-super's Type 1 version of it (`SFBX1200`): RM roman, BX/BL/BI bold extended (upright,
# slanted, italic), RB bold, XC bold caps and small caps, SX/SO sans bold (upright, oblique);
# TI/SL/UI italic, slanted, upright italic, SI sans inclined, IT/ST typewriter italic and slanted.
_EC_BOLD = {"BX", "BL", "BI", "RB", "XC", "SX", "SO"}
_EC_SLOPED = {"TI", "SL", "BL", "BI", "UI", "SI", "SO", "IT", "ST", "VI"}
_TEX_NAME = re.compile(r"(?P<family>CM|CS|EC|DC|TC|SF)(?P<code>[A-Z]+)\d{1,4}", re.IGNORECASE)
_TEX_CODES = {"CM": (_CM_BOLD, _CM_SLOPED), "CS": (_CM_BOLD, _CM_SLOPED), "EC": (_EC_BOLD, _EC_SLOPED),
              "DC": (_EC_BOLD, _EC_SLOPED), "TC": (_EC_BOLD, _EC_SLOPED), "SF": (_EC_BOLD, _EC_SLOPED)}
# ---- Linux Libertine and Biolinum as the `libertine` LaTeX package names its Type 1 fonts (ACM's
# acmart sets its titles and headings in them): `LinLibertineT` (T Type 1, O OpenType, R another
# cut), then B bold, Z semibold, I italic, O oblique (`LinLibertineTB`, `LinLibertineTZI`,
# `LinBiolinumTBO`); newtxmath's `LinLibertineI7` has no cut letter.
_LIBERTINE = re.compile(r"Lin(?:Libertine|Biolinum)(?:[TOR](?=[A-Z]*\d*$))?(?P<code>[A-Z]*)\d*")
# ---- Advent 3B2 (the typesetting system of Elsevier's and others' journals) names its subsets by a
# hash with a style suffix: `AdvOT1efcda3b.B` bold, `AdvTT762e2eae.I` italic, an encoding after `+`.
_ADVENT = re.compile(r"Adv(?:OT|TT|PS)[0-9A-Fa-f]+\.(?P<code>[BI]{1,2})(?:\+\w+)?")


def base_name(name: str) -> str:
    """The font's name without a subset's `ABCDEF+` prefix and a producer's `~2c` copy mark."""
    name = name.split("+", 1)[1] if re.match(r"[A-Z]{6}\+", name) else name
    return name.split("~", 1)[0]


def _style_words(name: str) -> list[str]:
    """The words of the part after the family (`TimesNewRomanPS-BoldItalicMT`: bold, italic, mt),
    split where a capital begins a word; a name without `-` or `,` has none."""
    parts = re.split(r"[-,]", name)[1:]
    return [w.lower() for part in parts for w in re.findall(r"[A-Z]+\d*(?![a-z])|[A-Z]?[a-z]+|\d+", part)]


def font_style(name: str) -> tuple[bool, bool]:
    """(bold, sloped) of the font named `name`: bold for any weight from semibold up, sloped for
    italic, oblique and slanted letters (math italic too: MATH_FONT tells those fonts apart).

    >>> font_style("ABCDEF+CMBX12"), font_style("NimbusRomNo9L-ReguItal"), font_style("Arial,Bold")
    ((True, False), (False, True), (True, False))
    """
    base = base_name(name)
    coded = _coded_style(base)
    if coded is not None:
        return coded
    words = _style_words(base)
    medi = "medi" in words and _SINGLE_WEIGHT.search(base) is None
    bold = _BOLD_ANYWHERE.search(base) is not None or medi or any(w in _WEIGHT_WORDS for w in words)
    return bold, _SLOPED_ANYWHERE.search(base) is not None or any(w in _SHAPE_WORDS for w in words)


def _coded_style(base: str) -> tuple[bool, bool] | None:
    """(bold, sloped) of a name in one of the coded schemes (TeX's, Libertine's, Advent's), else None."""
    tex = _TEX_NAME.fullmatch(base)
    if tex:
        bold, sloped = _TEX_CODES[tex["family"].upper()]
        return tex["code"].upper() in bold, tex["code"].upper() in sloped
    for pattern in (_LIBERTINE, _ADVENT):
        match = pattern.fullmatch(base)
        if match:  # letters, each a mark of its own: B bold, Z semibold; I italic, O oblique
            return "B" in match["code"] or "Z" in match["code"], "I" in match["code"] or "O" in match["code"]
    return None
