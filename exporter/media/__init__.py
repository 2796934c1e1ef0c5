"""Media: pictures and formulas as each edition carries them.

`images` checks, sizes and converts pictures (bounded work, a clear error for a bad one);
`convert` runs the outside converters (WMF/EMF → SVG); `formulas` typesets TeX as vector
drawings (ziamath, STIX Two Math) for the PDF edition; `omml` writes TeX as Word equations.
"""
