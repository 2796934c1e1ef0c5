"""Adobe's private-use code points as the Unicode characters they stand for: the Symbol
font's bytes (symbol.txt) and Adobe's corporate-use assignments (the Adobe Glyph List). PDF text
layers, pdftotext's output and reportlab's `symbol` codec (a MathType metafile's Greek and
brackets) all give these code points, which no text font draws."""

from __future__ import annotations

# A font with the Adobe Symbol encoding is extracted as private-use U+F020–F0FF (U+F000 + its
# byte); Adobe's table (symbol.txt, as in reportlab's SymbolEncoding) names the character each
# byte stands for, the pieces of tall brackets and braces as Unicode 3.2 encodes them
# (U+239B–23AD). `�` marks bytes that stand for no character (the radical's extender, Apple's logo).
_SYMBOL_FONT = (
    " !∀#∃%&∋()∗+,−./0123456789:;<=>?"
    "≅ΑΒΧΔΕΦΓΗΙϑΚΛΜΝΟΠΘΡΣΤΥςΩΞΨΖ[∴]⊥_"
    "�αβχδεφγηιϕκλμνοπθρστυϖωξψζ{|}∼�"
    "��������������������������������"
    "€ϒ′≤⁄∞ƒ♣♦♥♠↔←↑→↓°±″≥×∝∂•÷≠≡≈…⏐⎯↵"
    "ℵℑℜ℘⊗⊕∅∩∪⊃⊇⊄⊂⊆∈∉∠∇®©™∏√⋅¬∧∨⇔⇐⇑⇒⇓"
    "◊〈®©™∑⎛⎜⎝⎡⎢⎣⎧⎨⎩⎪�〉∫⌠⎮⌡⎞⎟⎠⎤⎥⎦⎫⎬⎭�"
)
SYMBOL_PRIVATE_USE = {0xF020 + i: ch for i, ch in enumerate(_SYMBOL_FONT) if ch != "\ufffd"}
# Adobe's corporate-use code points (glyphlist.txt), which a font's own map gives the same
# pieces and marks when it names them (`bracketlefttp` is U+F8EE): a matrix or a case split set
# in TeX's or Word's fonts is extracted as these, and reportlab's `symbol` codec decodes to them.
ADOBE_CORPORATE_USE = dict(zip(range(0xF8E6, 0xF8FF), "⏐⎯®©™⎛⎜⎝⎡⎢⎣⎧⎨⎩⎪⎮⎞⎟⎠⎤⎥⎦⎫⎬⎭")) | {0xF6D9: "®", 0xF6DA: "©", 0xF6DB: "™"}
