"""Venues: finding `templates/<name>/`, reading its `template.toml` once into a validated,
frozen `Venue`, rendering its Jinja parts.

A venue folder holds `template.toml` (page, fonts, sizes, title block, bibliography, labels
by language), `bibliography.j2` (entry formats as macros shared by all three editions) and,
optionally, its own `document.tex.j2` (else the shared LaTeX shell in `templates/shared/`).
Macros emit text with `<b>`/`<i>` markup only; each writer turns the runs into its markup.
Writers read attributes, never the TOML.

The package, one job a module: settings.py (template.toml -> a validated `Venue`, every
optional setting with its one default), context.py (styled runs, title lines, what Jinja sees
of the paper and its entries), sandbox.py (the Jinja sandbox, its errors as one line, compiled
templates cached), template.py (a venue folder in use: settings, fonts and Jinja parts). The
names importers use are all here.
"""

from __future__ import annotations

from ..template_files import available
from .settings import (
    ALIGNMENTS, ENTRY_FORMS, LANGUAGES, META_NAMES, PAGE_SIZES_CM, REPEATS, SPANS, Bibliography, Body, FallbackFont, Fonts, HeadingStyle,
    Labels, Language, MainFont, Margins, Page, RunningHead, TitleBlock, TitleLineSpec, Venue, language, read_venue,
)
from .context import (
    LINE_BREAK, AuthorGroup, Run, TitleLine, author_groups, entry_context, markup_to_runs, meta_view, plain_text_of, running_authors,
    running_title, runs_to_inlines,
)
from .sandbox import TemplateErrors, VenueSandbox, template_error, with_bytecode_cache
from .template import Template

__all__ = [
    "ALIGNMENTS", "AuthorGroup", "Bibliography", "Body", "ENTRY_FORMS", "FallbackFont", "Fonts",
    "HeadingStyle", "LANGUAGES", "LINE_BREAK", "Labels", "Language", "META_NAMES", "MainFont",
    "Margins", "PAGE_SIZES_CM", "Page", "REPEATS", "Run", "RunningHead", "SPANS", "Template",
    "TemplateErrors", "TitleBlock", "TitleLine", "TitleLineSpec", "Venue", "VenueSandbox",
    "author_groups", "available", "entry_context", "language", "markup_to_runs", "meta_view",
    "plain_text_of", "read_venue", "running_authors", "running_title", "runs_to_inlines",
    "template_error", "with_bytecode_cache",
]
