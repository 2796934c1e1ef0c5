"""LaTeX writer: the body as escaped LaTeX, poured into the venue's `document.tex.j2` shell.

Every character from the source or the .bib is escaped, so no text can run TeX code; the
shell is compiled with XeLaTeX (fontspec, babel, hyperref).
"""

from __future__ import annotations

import re

from urllib.parse import quote as percent_encode

from ..model import BulletList, Citation, Emph, Footnote, Heading, Link, Math, Paragraph, Quote, Strong, Subscript, Superscript, Table
from ..venue import Run, language, meta_view
from . import Edition, Walker, citation_pieces, math_text, styled_runs, table_width



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


SECTIONS = ("section", "subsection", "subsubsection")
# Characters of a URL that TeX would read as commands or groups: percent-encoded (the link
# goes to the same place); `#` and `%` are kept and escaped as hyperref's \\href allows.
_URL_SAFE = ":/?&=@+,;!$'()*-._#%[]"


def tex_url(url: str) -> TexSafe:
    """A URL for `\\href`: non-ASCII, spaces, braces, backslashes percent-encoded; `#`, `%`, `&` escaped."""
    encoded = percent_encode(url, safe=_URL_SAFE)
    return TexSafe(encoded.replace("\\", "%5C").replace("#", "\\#").replace("%", "\\%").replace("&", "\\&"))


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
        if not block.items:  # an empty itemize is a LaTeX error
            return
        items = "".join(f"  \\item {self.collect(item.inlines)}\n" for item in block.items)
        self.out.append("\\begin{itemize}\n" + items + "\\end{itemize}\n\n")

    def heading(self, block: Heading) -> None:
        command = SECTIONS[min(max(block.level, 1), len(SECTIONS)) - 1]
        self.out.append(f"\\{command}{{{self.collect(block.inlines)}}}\n\n")

    def table(self, block: Table) -> None:
        """A `tabularx` as wide as the text, equal columns; header rows bold."""
        width = table_width(block)
        if not width:
            return
        rows = []
        for n, row in enumerate(block.rows):
            cells = [self.collect(cell.inlines) for cell in row] + [""] * (width - len(row))
            if n < block.header_rows:
                cells = [f"\\textbf{{{c}}}" if c else c for c in cells]
            rows.append(" & ".join(cells) + " \\\\ \\hline\n")
        spec = "|" + "X|" * width
        self.out.append(f"\\noindent\\begin{{tabularx}}{{\\linewidth}}{{{spec}}}\n\\hline\n" + "".join(rows) + "\\end{tabularx}\n\n")

    def emph(self, node: Emph) -> None:
        self.out.append(f"\\emph{{{self.collect(node.inlines)}}}")

    def strong(self, node: Strong) -> None:
        self.out.append(f"\\textbf{{{self.collect(node.inlines)}}}")

    def superscript(self, node: Superscript) -> None:
        self.out.append(f"\\textsuperscript{{{self.collect(node.inlines)}}}")

    def subscript(self, node: Subscript) -> None:
        self.out.append(f"\\textsubscript{{{self.collect(node.inlines)}}}")

    def link(self, node: Link) -> None:
        self.out.append(f"\\href{{{tex_url(node.url)}}}{{{self.collect(node.inlines)}}}")

    def math(self, node: Math) -> None:
        # The formula's text, escaped, in one box (never broken across lines); runs the main
        # font lacks go to the venue's fallback (math) font like any other text.
        self.out.append(f"\\mbox{{{self.tex(math_text(node.tex))}}}")

    def footnote(self, node: Footnote) -> None:
        self.out.append(f"\\footnote{{{self.collect(node.inlines)}}}")

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


def _number(value: float) -> int | float:
    """`14` for 14.0, `1.15` for 1.15: how a length reads in TeX."""
    return int(value) if float(value).is_integer() else value


def render(edition: Edition) -> bytes:
    body = _Body(edition)
    body.walk(edition.document.blocks)
    meta = edition.document.meta
    venue = edition.venue
    lang = language(meta.language)
    labels = {name: TexSafe(body.tex(getattr(edition.labels, name))) for name in ("references", "unresolved", "notes")}
    bib_size = venue.bibliography.size_pt or venue.body.size_pt
    context = {
        "meta": meta_view(meta),
        "labels": labels,
        "babel_language": lang.babel,
        "pdf_lang": lang.tag,
        "page": {
            "size": venue.page.size, "page_numbers": venue.page.page_numbers,
            "margins_cm": {side: _number(getattr(venue.page.margins_cm, side)) for side in ("top", "bottom", "left", "right")},
        },
        "body_style": {
            "size_pt": _number(venue.body.size_pt), "line_spacing": _number(venue.body.line_spacing),
            "first_line_indent_cm": _number(venue.body.first_line_indent_cm),
        },
        "bibliography_style": {"size_pt": _number(bib_size)},
        "main_family": edition.template.main_faces["regular"].family,
        "fallbacks": [{"macro": TexSafe(body.fallback_macro[f.name]), "family": f.family} for f in body.fonts.fallbacks],
        "title_lines": [
            {"tex": TexSafe(body.collect(line.inlines)), "align": line.align, "bold": line.bold, "italic": line.italic, "size_pt": _number(line.size_pt), "space_before_pt": _number(line.space_before_pt)}
            for line in edition.title_lines
        ],
        "title": meta.title_text or "",
        "authors": ", ".join(meta.authors),
        "body": TexSafe("".join(body.out).rstrip() + "\n"),
        "entries": [{"number": e.number, "anchor": TexSafe(a), "tex": TexSafe(body.runs(runs))} for e, runs, a in edition.entries],
        "unresolved": [TexSafe(body.tex(edition.unresolved_note(item))) for item in edition.unresolved] if edition.list_unresolved else [],
    }
    return edition.template.render_latex("document.tex.j2", context).encode("utf-8")
