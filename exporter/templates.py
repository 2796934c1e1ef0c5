"""Venue templates: finding `templates/<name>/`, reading its settings, rendering its Jinja parts.

A template folder holds `template.toml` (page, fonts, sizes, title block, labels by language),
`bibliography.j2` (entry formats as macros shared by all three editions) and
`document.tex.j2` (the LaTeX shell). Macros emit text with `<b>`/`<i>` markup only; each
writer turns the resulting runs into its own markup.
"""

from __future__ import annotations

import hashlib
import re
import tomllib
from dataclasses import dataclass
from functools import cached_property
from html.parser import HTMLParser
from pathlib import Path

import jinja2

from .references.bibtex import latex_to_unicode
from .diagnostics import InputError
from .fonts import Face, FontSet, cache_dir, find_font
from .model import Entry, Meta

_REPO_TEMPLATES = Path(__file__).resolve().parent.parent / "templates"


def template_roots() -> list[Path]:
    """A checkout's `templates/` first; an installed package carries them as `exporter/venues`."""
    roots = [_REPO_TEMPLATES] if _REPO_TEMPLATES.is_dir() else []
    installed = Path(__file__).resolve().parent / "venues"
    if installed.is_dir():
        roots.append(installed)
    return roots


def available() -> dict[str, Path]:
    found: dict[str, Path] = {}
    for root in template_roots():
        for folder in sorted(root.iterdir()):
            if (folder / "template.toml").is_file():
                found.setdefault(folder.name, folder)
    return found


@dataclass(frozen=True)
class Run:
    """A stretch of text with one style: what macros and title lines come down to."""

    text: str
    bold: bool = False
    italic: bool = False


class _RunParser(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.runs: list[Run] = []
        self.bold = self.italic = 0

    def handle_starttag(self, tag, attrs):
        self.bold += tag == "b"
        self.italic += tag == "i"

    def handle_endtag(self, tag):
        self.bold -= tag == "b" and self.bold > 0
        self.italic -= tag == "i" and self.italic > 0

    def handle_data(self, data):
        if data:
            self.runs.append(Run(data, self.bold > 0, self.italic > 0))


def markup_to_runs(markup: str) -> list[Run]:
    """`<b>Аңдатпа.</b> text` -> runs; values were HTML-escaped by Jinja, so only our tags count."""
    parser = _RunParser()
    parser.feed(str(markup))
    parser.close()
    merged: list[Run] = []
    for run in parser.runs:
        text = re.sub(r"\s+", " ", run.text)
        if merged and (merged[-1].bold, merged[-1].italic) == (run.bold, run.italic):
            merged[-1] = Run(merged[-1].text + text, run.bold, run.italic)
        else:
            merged.append(Run(text, run.bold, run.italic))
    if merged:
        merged[0] = Run(merged[0].text.lstrip(), merged[0].bold, merged[0].italic)
        merged[-1] = Run(merged[-1].text.rstrip(), merged[-1].bold, merged[-1].italic)
    return [r for r in merged if r.text]


@dataclass(frozen=True)
class TitleLine:
    runs: list[Run]
    align: str
    bold: bool
    italic: bool
    size_pt: float
    space_before_pt: float


def _person(name: str) -> dict:
    """`Knuth, Donald E.` or `Donald E. Knuth` -> last name, first names and initials."""
    name = " ".join(name.split())
    if "," in name:
        last, first = (p.strip() for p in name.split(",", 1))
    else:
        parts = name.split(" ")
        last, first = parts[-1], " ".join(parts[:-1])
    initials = " ".join(p[0] + "." for p in re.split(r"[\s.]+", first) if p and p[0].isalpha())
    return {"last": last, "first": first, "initials": initials, "full": name}


class _Fields(dict):
    """A missing .bib field is empty, not an error: entries differ in what they carry."""

    def __missing__(self, key: str) -> str:
        return ""


def entry_context(entry: Entry) -> dict:
    """What the bibliography macros see: decoded fields, parsed names, the paper's own text."""
    fields = _Fields((k, latex_to_unicode(v)) for k, v in entry.fields)
    authors = [_person(a) for a in re.split(r"\s+and\s+", fields.get("author", "")) if a.strip()]
    editors = [_person(a) for a in re.split(r"\s+and\s+", fields.get("editor", "")) if a.strip()]
    sample = fields.get("title", "") + fields.get("journal", "")
    cyrillic = sum("\u0400" <= ch <= "\u04ff" for ch in sample) > len(sample) / 3
    return {
        "key": entry.key,
        "number": entry.number,
        "type": entry.entry_type,
        "fields": fields,
        "authors": authors,
        "editors": editors,
        "text": entry.text,
        "cyrillic": cyrillic,
    }


class _BytecodeCache(jinja2.FileSystemBytecodeCache):
    """Jinja's compiled templates kept between runs (compiling the LaTeX shell and the title
    lines costs more than rendering them). The compiled code depends on the environment's
    settings, so the files' names carry a digest of them and of Jinja's version; the source's
    checksum guards every entry. A cache that cannot be read or written is simply not used."""

    def __init__(self, folder, env: jinja2.Environment):
        settings = (
            jinja2.__version__, env.block_start_string, env.block_end_string, env.variable_start_string,
            env.variable_end_string, env.comment_start_string, env.comment_end_string, env.line_statement_prefix,
            env.line_comment_prefix, env.trim_blocks, env.lstrip_blocks, env.newline_sequence, env.keep_trailing_newline,
            "callable" if callable(env.autoescape) else env.autoescape, env.optimized, env.is_async, sorted(env.extensions),
            None if env.finalize is None else getattr(env.finalize, "jinja_pass_arg", "plain"),
        )
        tag = hashlib.sha1(repr(settings).encode()).hexdigest()[:12]
        super().__init__(str(folder), f"jinja-{tag}-%s.cache")

    def load_bytecode(self, bucket) -> None:
        try:
            super().load_bytecode(bucket)
        except Exception:
            bucket.reset()

    def dump_bytecode(self, bucket) -> None:
        try:
            super().dump_bytecode(bucket)
        except Exception:
            pass


def _with_bytecode_cache(env: jinja2.Environment) -> jinja2.Environment:
    folder = cache_dir()
    if folder is not None:
        try:
            folder.mkdir(parents=True, exist_ok=True)
            env.bytecode_cache = _BytecodeCache(folder, env)
        except OSError:
            pass
    return env


class Template:
    """A venue: settings from template.toml and Jinja environments over its folder."""

    def __init__(self, name: str, folder: Path):
        self.name, self.folder = name, folder
        try:
            self.config = tomllib.loads((folder / "template.toml").read_text(encoding="utf-8"))
        except tomllib.TOMLDecodeError as exc:
            raise InputError(str(folder / "template.toml"), f"invalid TOML: {exc}") from None
        self._strings: dict[str, jinja2.Template] = {}  # compiled title lines, by source

    @cached_property
    def markup_env(self) -> jinja2.Environment:
        """Macros and title lines: HTML autoescape keeps values from turning into markup."""
        loader = jinja2.FileSystemLoader(str(self.folder))
        env = jinja2.Environment(loader=loader, autoescape=True, undefined=jinja2.StrictUndefined, trim_blocks=True, lstrip_blocks=True)
        env.filters["title_case"] = lambda s: s.title() if s and s.isupper() else s
        return _with_bytecode_cache(env)

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
                code = env.compile(source)
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
        return self.config.get("description", "")

    def section(self, name: str) -> dict:
        return self.config.get(name, {})

    def labels(self, language: str) -> dict:
        labels = self.config.get("labels", {})
        return labels.get(language) or labels.get("en") or {}

    @cached_property
    def fonts(self) -> FontSet:
        spec = self.section("fonts")
        main = spec["main"]
        regular = Face(_face_name(main["regular"]), main["family"], find_font(main["regular"], self.folder))
        fallbacks = tuple(
            Face(_face_name(f["file"], f.get("index", 0)), f["family"], find_font(f["file"], self.folder), f.get("index", 0))
            for f in spec.get("fallbacks", [])
        )
        return FontSet(regular, fallbacks)

    @cached_property
    def main_faces(self) -> dict[str, Face]:
        """The main family's four styles: regular, bold, italic, bold_italic."""
        main = self.section("fonts")["main"]
        return {style: Face(_face_name(main[style]), main["family"], find_font(main[style], self.folder)) for style in ("regular", "bold", "italic", "bold_italic")}

    def title_lines(self, meta: Meta) -> list[TitleLine]:
        block = self.section("title_block")
        body_size = self.section("body").get("size_pt", 12)
        labels = self.labels(meta.language)
        out = []
        for spec in block.get("lines", []):
            if spec.get("when") and not getattr(meta, spec["when"]):
                continue
            markup = self._from_string(spec["text"]).render(meta=meta, labels=labels)
            runs = markup_to_runs(markup)
            if runs:
                out.append(TitleLine(runs, spec.get("align", "left"), spec.get("bold", False), spec.get("italic", False), spec.get("size_pt", body_size), spec.get("space_before_pt", 0)))
        return out

    @cached_property
    def _macros(self):
        return self.markup_env.get_template("bibliography.j2").module

    def entry_runs(self, entry: Entry, language: str) -> list[Run]:
        """An entry formatted by the template's style macro, as styled runs."""
        style = self.section("bibliography").get("style", "plain")
        macro = getattr(self._macros, style, None)
        if macro is None:
            raise InputError(str(self.folder / "bibliography.j2"), f"has no macro '{style}' (named by template.toml)")
        return markup_to_runs(macro(entry_context(entry), language))

    def latex_env(self) -> jinja2.Environment:
        """The LaTeX shell's environment: TeX-safe delimiters, every value escaped unless marked safe.

        One per template (so the shell is compiled once per process, not once per paper)."""
        return self._latex_env

    @cached_property
    def _latex_env(self) -> jinja2.Environment:
        from .writers.latex import TexSafe, escape_tex

        return _with_bytecode_cache(jinja2.Environment(
            loader=jinja2.FileSystemLoader([str(self.folder), *(str(root / "shared") for root in template_roots())]),
            block_start_string="<%", block_end_string="%>",
            variable_start_string="<<", variable_end_string=">>",
            comment_start_string="<#", comment_end_string="#>",
            undefined=jinja2.StrictUndefined,
            finalize=lambda v: v if isinstance(v, TexSafe) else escape_tex(str(v)),
            trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=True,
        ))


def _face_name(filename: str, index: int = 0) -> str:
    stem = re.sub(r"[^A-Za-z0-9]", "", Path(filename).stem)
    return stem + (f"-{index}" if index else "")

