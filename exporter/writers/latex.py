"""LaTeX writer: the body as escaped LaTeX, poured into the venue's `document.tex.j2` shell.

Every character from the source or the .bib is escaped, so no text can run TeX code; the
shell is compiled with XeLaTeX (fontspec, babel, hyperref).
"""

from __future__ import annotations

import re

from ..model import BulletList, Citation, Paragraph, Quote
from ..templates import Run
from . import Edition, Walker, citation_pieces, styled_runs

BABEL = {"kk": "kazakh", "ru": "russian", "en": "english"}
PDF_LANG = {"kk": "kk-KZ", "ru": "ru-RU", "en": "en-US"}


class TexSafe(str):
    """LaTeX that we produced and escaped ourselves: the shell prints it as it is."""


# TeX's special characters, and the ligature pairs (`--`, `''`, `` ` ``) that would change the
# text: each printed as itself. Control characters have no place in a .tex file.
_SPECIAL = {
    "\\": r"\textbackslash{}", "{": r"\{", "}": r"\}", "$": r"\$", "&": r"\&", "#": r"\#",
    "^": r"\textasciicircum{}", "_": r"\_", "%": r"\%", "~": r"\textasciitilde{}",
    "`": r"\textasciigrave{}", "<": r"\textless{}", ">": r"\textgreater{}", "|": r"\textbar{}",
    "\u00a0": "~",
}
_TABLE = str.maketrans({**_SPECIAL, **{chr(c): " " for c in range(32) if chr(c) not in "\n"}, "\x7f": " ", "\ufffe": " ", "\uffff": " "})
_LIGATURE = re.compile(r"(?<=-)(?=-)|(?<=')(?=')|(?<=,)(?=,)")


def escape_tex(text: str) -> str:
    """Text printed literally by LaTeX: specials escaped, ligature pairs broken with `{}`."""
    return TexSafe(_LIGATURE.sub("{}", text.translate(_TABLE)))


class _Body(Walker):
    def __init__(self, edition: Edition):
        self.edition = edition
        self.fonts = edition.template.fonts
        self.fallback_macro = {face.name: f"\\exporterfont{chr(ord('A') + i)}" for i, face in enumerate(self.fonts.fallbacks)}
        self.out: list[str] = []

    def tex(self, text: str) -> str:
        """Escaped text, with runs the main font lacks switched to a fallback font."""
        parts = []
        for face, run in self.fonts.runs(text):
            escaped = escape_tex(run)
            parts.append(escaped if face is self.fonts.main else f"{{{self.fallback_macro[face.name]} {escaped}}}")
        return "".join(parts)

    def runs(self, runs: list[Run]) -> str:
        return styled_runs(runs, self.tex, ("\\textit{", "}"), ("\\textbf{", "}"))

    def collect(self, nodes) -> str:
        mark = len(self.out)
        self.inlines(nodes)
        text = "".join(self.out[mark:])
        del self.out[mark:]
        return text

    def paragraph(self, block: Paragraph) -> None:
        self.out.append(self.collect(block.inlines) + "\n\n")

    def quote(self, block: Quote) -> None:
        self.out.append("\\begin{quote}\n" + self.collect(block.inlines) + "\n\\end{quote}\n\n")

    def bullet_list(self, block: BulletList) -> None:
        items = "".join(f"  \\item {self.collect(item.inlines)}\n" for item in block.items)
        self.out.append("\\begin{itemize}\n" + items + "\\end{itemize}\n\n")

    def text(self, text: str) -> None:
        self.out.append(self.tex(text))

    def citation(self, cite: Citation) -> None:
        pieces = []
        for piece in citation_pieces(cite):
            text = self.tex(piece.text)
            pieces.append(f"\\hyperlink{{{piece.target}}}{{{text}}}" if piece.target else text)
        body = "".join(pieces)
        if cite.resolved:
            self.out.append(body)
        else:  # visible where it stands, and still compiles: a coloured box and a raised `?`
            self.out.append(f"\\exporterunresolved{{{body}}}")


def render(edition: Edition) -> bytes:
    body = _Body(edition)
    body.walk(edition.document.blocks)
    meta = edition.document.meta
    page = edition.template.section("page")
    context = {
        "meta": meta,
        "labels": edition.labels,
        "babel_language": BABEL.get(meta.language, "english"),
        "pdf_lang": PDF_LANG.get(meta.language, "en-US"),
        "page": page,
        "body_style": edition.template.section("body"),
        "bibliography_style": edition.template.section("bibliography"),
        "main_family": edition.template.main_faces["regular"].family,
        "fallbacks": [{"macro": TexSafe(body.fallback_macro[f.name]), "family": f.family} for f in body.fonts.fallbacks],
        "title_lines": [
            {"tex": TexSafe(body.runs(line.runs)), "align": line.align, "bold": line.bold, "italic": line.italic, "size_pt": line.size_pt, "space_before_pt": line.space_before_pt}
            for line in edition.title_lines
        ],
        "title": meta.title or "",
        "authors": ", ".join(meta.authors),
        "body": TexSafe("".join(body.out).rstrip() + "\n"),
        "entries": [{"number": e.number, "anchor": TexSafe(a), "tex": TexSafe(body.runs(runs))} for e, runs, a in edition.entries],
        "unresolved": [TexSafe(body.tex(edition.unresolved_note(item))) for item in edition.unresolved] if edition.list_unresolved else [],
    }
    shell = edition.template.latex_env().get_template("document.tex.j2")
    return shell.render(**context).encode("utf-8")
