"""A venue folder in use: its settings, fonts and Jinja parts (title block, `bibliography.j2`'s
entry macros, the LaTeX shell), each rendered in the sandbox."""

from __future__ import annotations

import hashlib
import re
from dataclasses import replace
from functools import cached_property
from pathlib import Path

import jinja2
import jinja2.sandbox

from ..diagnostics import InputError
from ..fonts import Face, FontSet, find_font
from ..model import Entry, Inline, Meta
from ..references.translit import Transliteration, load_transliteration
from ..template_files import available, template_roots
from .settings import Labels, MainFont, Venue, read_venue
from .context import LINE_BREAK, Run, TitleLine, entry_context, markup_to_runs, meta_view, running_authors, running_title, runs_to_inlines
from .sandbox import TemplateErrors, VenueSandbox, with_bytecode_cache


class Template:
    """A venue folder: its validated settings (`venue`) and Jinja environments over the folder."""

    def __init__(self, name: str, folder: Path):
        self.name, self.folder = name, folder
        self.venue: Venue = read_venue(folder)
        self._strings: dict[str, jinja2.Template] = {}  # compiled title lines, by source

    @cached_property
    def markup_env(self) -> jinja2.Environment:
        """Macros and title lines: HTML autoescape keeps values from turning into markup."""
        loader = jinja2.FileSystemLoader(str(self.folder))
        env = VenueSandbox(loader=loader, autoescape=True, undefined=jinja2.StrictUndefined, trim_blocks=True, lstrip_blocks=True)
        env.filters["title_case"] = lambda s: s.title() if s and s.isupper() else s
        env.filters["running_title"] = running_title
        env.filters["running_authors"] = running_authors
        return with_bytecode_cache(env)

    def _from_string(self, source: str) -> jinja2.Template:
        """`markup_env.from_string(source)`, compiled once per process and kept in the bytecode
        cache between runs (as Jinja's loaders do for files)."""
        template = self._strings.get(source)
        if template is None:
            env = self.markup_env
            bcc = env.bytecode_cache
            name = f"<string {hashlib.sha1(source.encode('utf-8', 'surrogatepass')).hexdigest()}>"
            bucket = bcc.get_bucket(env, name, None, source) if bcc is not None else None
            code = bucket.code if bucket is not None else None
            if code is None:
                code = env.compile(source)  # a syntax error: the caller names the line of template.toml
                if bucket is not None:
                    bucket.code = code
                    bcc.set_bucket(bucket)
            template = env.template_class.from_code(env, code, env.make_globals(None), None)
            self._strings[source] = template
        return template

    @classmethod
    def load(cls, name: str) -> "Template":
        folder = Path(name)
        if (folder / "template.toml").is_file():
            return cls(folder.name, folder)
        found = available()
        if name not in found:
            raise InputError(name, f"no such template (available: {', '.join(found) or 'none'})")
        return cls(name, found[name])

    @property
    def description(self) -> str:
        return self.venue.description

    def labels(self, language: str) -> Labels:
        return self.venue.labels_for(language)

    @cached_property
    def fonts(self) -> FontSet:
        spec = self.venue.fonts
        main = spec.main
        regular = Face(_face_name(main.regular), main.family, find_font(main.regular, self.folder))
        fallbacks = tuple(Face(_face_name(f.file, f.index), f.family, find_font(f.file, self.folder), f.index) for f in spec.fallbacks)
        for face in (regular, *fallbacks):
            face.coverage  # noqa: B018 — read now: a file that is no font is refused before any work
        return FontSet(regular, fallbacks)

    @cached_property
    def main_faces(self) -> dict[str, Face]:
        """The main family's four styles: regular, bold, italic, bold_italic."""
        return self._faces(self.venue.fonts.main)

    @cached_property
    def mono_faces(self) -> dict[str, Face]:
        """The monospace family's four styles (code), as `main_faces`."""
        return self._faces(self.venue.fonts.mono)

    @cached_property
    def mono_fonts(self) -> FontSet:
        """The monospace face with the venue's fallbacks: what code is drawn in."""
        return FontSet(self.mono_faces["regular"], self.fonts.fallbacks)

    def _faces(self, family: MainFont) -> dict[str, Face]:
        faces = {style: Face(_face_name(getattr(family, style)), family.family, find_font(getattr(family, style), self.folder)) for style in ("regular", "bold", "italic", "bold_italic")}
        for face in faces.values():
            face.coverage  # noqa: B018 — read now: a file that is no font is refused before any work
        return faces

    def title_lines(self, meta: Meta) -> list[TitleLine]:
        block = self.venue.title_block
        body_size = self.venue.body.size_pt
        labels = self.labels(meta.language)
        nodes: list[Inline] = []
        view = meta_view(meta, nodes)
        out = []
        for n, spec in enumerate(block.lines):
            if spec.when and not getattr(view, spec.when, None):
                continue
            line = TitleLine((), spec.align, spec.bold, spec.italic, spec.size_pt or body_size, spec.space_before_pt, spec.span, spec.indent_cm)
            with TemplateErrors(*self._title_line_place(n, spec.text)):
                template = self._from_string(spec.text)
                if spec.repeat:  # one cell per author group, its lines split at `<br>`
                    rendered = [str(template.render(meta=view, labels=labels, group=group)) for group in getattr(view, spec.repeat)]
                else:
                    rendered = [str(template.render(meta=view, labels=labels))]
            if spec.repeat:
                cells = []
                for markup in rendered:
                    cell = tuple(runs_to_inlines(runs, nodes) for runs in map(markup_to_runs, LINE_BREAK.split(markup)) if runs)
                    if cell:
                        cells.append(cell)
                if cells:
                    out.append(replace(line, cells=tuple(cells)))
                continue
            for k, part in enumerate(LINE_BREAK.split(rendered[0])):
                runs = markup_to_runs(part)  # `<br>`: the next line, in the same style
                if runs:
                    out.append(replace(line, inlines=runs_to_inlines(runs, nodes), space_before_pt=line.space_before_pt if k == 0 else 0.0))
        return out

    def _title_line_place(self, n: int, text: str) -> tuple[str, int | None, str]:
        """template.toml, the line of title line `n`'s text in it, and its key (for errors)."""
        path, key = self.folder / "template.toml", f"title_block.lines[{n}].text"
        try:
            raw = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError):
            return str(path), None, key
        at = raw.find(text.splitlines()[0] if text else text)
        return str(path), (raw.count("\n", 0, at) + 1 if at >= 0 else None), key

    def running_heads(self, meta: Meta) -> tuple[str, str]:
        """The running heads of odd and even pages as plain text ("" without a running head)."""
        head = self.venue.running_head
        if head is None:
            return "", ""
        view = meta_view(meta)
        labels = self.labels(meta.language)
        render = lambda text: "".join(run.text for run in markup_to_runs(self._from_string(text).render(meta=view, labels=labels)))
        with TemplateErrors(str(self.folder / "template.toml"), None, "running_head"):
            return render(head.odd), render(head.even)

    @cached_property
    def transliteration(self) -> Transliteration | None:
        """The venue's table for the romanised reference list (`bibliography.romanised`), if any."""
        name = self.venue.bibliography.romanised
        return load_transliteration(self.folder / name) if name else None

    @cached_property
    def _macros(self):
        with TemplateErrors(str(self.folder / "bibliography.j2")):
            return self.markup_env.get_template("bibliography.j2").module

    def has_macro(self, name: str) -> bool:
        """Does bibliography.j2 define a macro of this name?"""
        return isinstance(getattr(self._macros, name, None), jinja2.runtime.Macro)

    def macro_runs(self, name: str, entry: Entry, language: str) -> list[Run]:
        """An entry formatted by macro `name` of the venue's bibliography.j2, as styled runs."""
        path = str(self.folder / "bibliography.j2")
        macro = getattr(self._macros, name, None)
        if not isinstance(macro, jinja2.runtime.Macro):
            raise InputError(path, f"has no macro '{name}' (named by template.toml)")
        if len(macro.arguments) < 2 and not macro.catch_varargs:
            raise InputError(path, f"macro '{name}' takes {len(macro.arguments)} argument(s); an entry macro takes two: the entry and the paper's language", _macro_line(path, name))
        with TemplateErrors(path):
            return markup_to_runs(macro(entry_context(entry), language))

    def entry_runs(self, entry: Entry, language: str) -> list[Run]:
        """An entry formatted by the venue's style macro (bibliography.j2), as styled runs."""
        return self.macro_runs(self.venue.bibliography.style, entry, language)

    def render_latex(self, name: str, context: dict) -> str:
        """The LaTeX shell `name` (the venue's own, else the shared one) rendered over `context`."""
        with TemplateErrors(str(self.folder / name)):
            return self._latex_env.get_template(name).render(**context)

    def latex_names(self, name: str) -> frozenset[str]:
        """The values the LaTeX shell `name` uses (jinja2.meta: what a template of an older
        release lacks, the writer gives it another way)."""
        import jinja2.meta

        env = self._latex_env
        with TemplateErrors(str(self.folder / name)):
            source, _, _ = env.loader.get_source(env, name)
            return frozenset(jinja2.meta.find_undeclared_variables(env.parse(source)))

    @cached_property
    def _latex_env(self) -> jinja2.Environment:
        """The LaTeX shell's environment: TeX-safe delimiters, every value escaped unless marked
        safe; one per template (so the shell is compiled once per process, not once per paper)."""
        from ..latex_text import TexSafe, escape_tex

        env = VenueSandbox(
            loader=jinja2.FileSystemLoader([str(self.folder), *(str(root / "shared") for root in template_roots())]),
            block_start_string="<%", block_end_string="%>",
            variable_start_string="<<", variable_end_string=">>",
            comment_start_string="<#", comment_end_string="#>",
            undefined=jinja2.StrictUndefined,
            finalize=lambda v: v if isinstance(v, TexSafe) else escape_tex(str(v)),
            trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=True,
        )
        # `items | tex_join(' \\and ')`: the items (escaped unless already TeX) joined by the
        # shell's own TeX; Jinja's `join` would give a string the shell escapes again.
        env.filters["tex_join"] = lambda items, separator="": TexSafe(separator.join(i if isinstance(i, TexSafe) else escape_tex(str(i)) for i in items))
        return with_bytecode_cache(env)


def _macro_line(path: str, name: str) -> int | None:
    """The line of bibliography.j2 where macro `name` is defined (for errors)."""
    try:
        text = Path(path).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return None
    m = re.search(rf"\bmacro\s+{re.escape(name)}\s*\(", text)
    return text.count("\n", 0, m.start()) + 1 if m else None


def _face_name(filename: str, index: int = 0) -> str:
    stem = re.sub(r"[^A-Za-z0-9]", "", Path(filename).stem)
    return stem + (f"-{index}" if index else "")
