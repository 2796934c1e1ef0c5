"""The proceedings volume as one LaTeX file (`volume.tex`), compiled with XeLaTeX as written.

Each paper is rendered through the venue's own LaTeX shell (document.tex.j2) as its LaTeX
edition would be — its link targets and labels in a namespace of its own
(`Edition.anchor_prefix`) — and what the shell puts between `\\begin{document}` and
`\\end{document}` is the paper's part of the book. The book's preamble is the same shell's,
rendered with the volume's title, editors and language; templates/shared/volume.tex.j2 adds
every language the papers use, their hyphenation lists merged, and the book's own parts (title
page, contents, running heads, author index) in commands every LaTeX class has, so any venue's
class binds.

A shell whose preamble changes with the paper (beyond the title, authors, language and
hyphenation it is given) would give every paper the first one's: refused, naming the shell.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from ..diagnostics import InputError
from ..model import Meta, Text
from ..typography.hyphenation import TEX_EXCEPTIONS
from ..template_files import template_roots
from ..venue import Template, language, meta_view
from . import Edition
from ..latex_text import TexSafe, escape_tex
from .latex import companions, font_text, hyphenation_list, render_shell, shell_context
from .pdf_volume import short_authors

BEGIN = "\\begin{document}"
END = "\\end{document}"


def volume_values(title: str, editors: str, language_code: str) -> dict:
    """What a shell's preamble is given that belongs to the book, not to one paper."""
    lang = language(language_code)
    meta = Meta(title=(Text(title),) if title else (), authors=(editors,) if editors else (), language=language_code)
    return {
        "meta": meta_view(meta), "title": title, "authors": editors,
        "babel_language": lang.babel, "pdf_lang": lang.tag, "hyphenation": TexSafe(""),
    }


# Every paper's preamble is rendered with these values too: they must all come out the same.
_PREAMBLE_CHECK = volume_values("", "", "en")


def shell_file(template: Template) -> str:
    """The shell's file, for messages: the venue's own document.tex.j2, else the shared one."""
    for folder in (Path(template.folder), *(root / "shared" for root in template_roots())):
        if (folder / "document.tex.j2").is_file():
            return str(folder / "document.tex.j2")
    return "document.tex.j2"


def split_shell(tex: str, where: str) -> tuple[str, str]:
    """A rendered shell cut into its preamble and its body (what stands between the lines
    `\\begin{document}` and `\\end{document}`)."""
    lines = tex.splitlines(keepends=True)
    begin = next((n for n, line in enumerate(lines) if line.strip() == BEGIN), None)
    end = next((n for n in range(len(lines) - 1, -1, -1) if lines[n].strip() == END), None)
    if begin is None or end is None or end < begin:
        raise InputError(where, f"a volume binds what the LaTeX shell puts between a line {BEGIN} and a line {END}; this shell has no such lines")
    return "".join(lines[:begin]), "".join(lines[begin + 1:end])


@dataclass(frozen=True)
class PaperTex:
    """One paper's part of volume.tex, as a worker hands it back (its body in the scratch folder)."""

    body: str  # path of the file holding the paper's body
    namespace: str  # what its targets and labels start with (`Edition.anchor_prefix`)
    babel: str
    hyphenation: tuple[str, ...]  # the words its shell hyphenates, under `babel`
    preamble: str  # SHA-256 of its shell's preamble rendered with the check's values
    media: tuple[str, ...] = ()  # its media folders, in the scratch folder
    context: dict | None = None  # the first paper's shell context: the book's preamble is rendered from it


def paper_tex(edition: Edition, scratch: Path, keep_context: bool) -> PaperTex:
    """Render the paper through its shell; its body and media go to the scratch folder."""
    context = shell_context(edition)
    where = shell_file(edition.template)
    _, body = split_shell(render_shell(edition.template, context), where)
    preamble, _ = split_shell(render_shell(edition.template, {**context, **_PREAMBLE_CHECK}), where)
    path = scratch / f"{edition.stem}.tex"
    path.write_text(body, encoding="utf-8")
    media = []
    for folder, files in companions(edition).items():
        (scratch / folder).mkdir()
        for name, data in files.items():
            (scratch / folder / name).write_bytes(data)
        media.append(folder)
    return PaperTex(
        str(path), edition.anchor_prefix, context["babel_language"], tuple(str(context["hyphenation"]).split()),  # the shell's list: words between spaces
        hashlib.sha256(preamble.encode("utf-8")).hexdigest(), tuple(media), context if keep_context else None,
    )


def merged_hyphenation(papers: list[PaperTex], limit: int = TEX_EXCEPTIONS) -> dict[str, list[str]]:
    """Each language's hyphenated words over all papers. TeX's table of exceptions is shared by
    every language and holds about 8000: at most `limit` words in all, those most papers use first."""
    papers_using: Counter = Counter()
    for paper in papers:
        papers_using.update({(paper.babel, word) for word in paper.hyphenation})
    kept = sorted(papers_using, key=lambda item: (-papers_using[item], item))[:limit]
    out: dict[str, list[str]] = {}
    for babel, word in sorted(kept):
        out.setdefault(babel, []).append(word)
    return out


def _check_preambles(parts, template: Template) -> None:
    first = parts[0].tex.preamble
    for part in parts[1:]:
        if part.tex.preamble != first:
            raise InputError(shell_file(template), f"the preamble (before {BEGIN}) differs between {parts[0].source} and {part.source}: "
                             "a volume has one preamble; put what belongs to a paper after \\begin{document}")


def volume_tex(parts, index_entries, template: Template, title: str, editors: str, language_code: str) -> bytes:
    """volume.tex: `parts` (rendered papers, each with its `tex`) and `index_entries` (name, paper
    numbers from 1) bound under the first paper's shell preamble."""
    _check_preambles(parts, template)
    where = shell_file(template)
    preamble, _ = split_shell(render_shell(template, {**parts[0].tex.context, **volume_values(title, editors, language_code)}), where)
    fonts = template.fonts
    tex = lambda text: font_text(fonts, text)
    main = language(language_code).babel
    hyphenation = merged_hyphenation([p.tex for p in parts])
    babels = list(dict.fromkeys([main, *(p.tex.babel for p in parts)]))
    labels = template.labels(language_code)
    context = {
        "preamble": TexSafe(preamble.rstrip("\n")),
        "languages": [{"babel": b, "main": b == main, "hyphenation": hyphenation_list(hyphenation.get(b, []))} for b in babels],
        "main_babel": main,
        "size_pt": template.venue.body.size_pt,
        "title": tex(title),
        "editors": tex(editors),
        "labels": {
            "contents": tex(labels.contents), "contents_plain": labels.contents,
            "author_index": tex(labels.author_index), "author_index_plain": labels.author_index,
        },
        "papers": (
            {
                "number": n, "namespace": part.tex.namespace, "source": escape_tex(" ".join(Path(part.source).name.split())), "babel": part.tex.babel,
                "title": tex(part.title), "bookmark": escape_tex(part.title), "authors": tex(", ".join(part.authors)),
                "running_authors": tex(short_authors(part.authors)), "body": TexSafe(Path(part.tex.body).read_text(encoding="utf-8").rstrip("\n")),
            }
            for n, part in enumerate(parts, start=1)
        ),
        "index": [{"name": tex(name), "papers": [parts[n - 1].tex.namespace for n in numbers]} for name, numbers in index_entries],
    }
    return template.render_latex("volume.tex.j2", context).encode("utf-8")
