"""Rebuild the catalogs from english.py with Babel: `python -m exporter.messages.update`.

`exporter.pot` gets every message, its key as the msgctxt and the arguments it uses as notes
for the translator; each language's `exporter.po` is updated from it as `pybabel update` does
(a new message empty, a changed one fuzzy, a removed one obsolete), then compiled to the `.mo`
read at run time. The `.mo` files are committed, so an install needs neither Babel nor a build
step; `--check` writes nothing and exits 1 when a file is not what this would write (the
tests run it, so a stale `.mo` cannot be committed unnoticed).
"""

from __future__ import annotations

import io
import string
import sys
from datetime import datetime, timezone
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po, write_po

from . import DOMAIN, FOLDER, LANGUAGES, SOURCE, SOURCE_LANGUAGE
from .english import ARGUMENTS

# Fixed dates: the same sources give the same bytes (the .po keep their own revision dates).
EPOCH = datetime(2026, 1, 1, tzinfo=timezone.utc)
WIDTH = 100
HEADER = """\
# The messages of exporter (findings, the summary line, the web page) in LANGUAGE.
# Translate each msgstr from its msgid, keeping every {name} of it (the notes say what each
# holds); a counted message has one msgstr per plural form. Then run
# `python -m exporter.messages.update` to compile the .mo file.
#"""


def placeholders(text: str) -> set[str]:
    """The argument names a template uses: `{label}`, `{share:.0%}`, `{character!r}`."""
    return {name.split(".")[0].split("[")[0] for _, name, _, _ in string.Formatter().parse(text) if name}


def template_catalog() -> Catalog:
    """The .pot: every message of english.py under its key."""
    catalog = Catalog(project="exporter", version="1", creation_date=EPOCH, revision_date=EPOCH, fuzzy=False, charset="utf-8")
    for key, text in SOURCE.items():
        used = sorted(set().union(*(placeholders(t) for t in (text if isinstance(text, tuple) else (text,)))))
        notes = [f"{{{name}}}: {ARGUMENTS[name]}" for name in used if name in ARGUMENTS]
        if isinstance(text, tuple):
            notes.append("plural: chosen by {count}")
        catalog.add(text, context=key, auto_comments=notes, flags=("python-brace-format",) if used else ())
    return catalog


def _po_bytes(catalog: Catalog, **options) -> bytes:
    out = io.BytesIO()
    write_po(out, catalog, width=WIDTH, **options)
    return out.getvalue()


def _mo_bytes(catalog: Catalog) -> bytes:
    out = io.BytesIO()
    write_mo(out, catalog, use_fuzzy=False)
    return out.getvalue()


def po_path(language: str) -> Path:
    return FOLDER / language / "LC_MESSAGES" / f"{DOMAIN}.po"


def read_catalog(language: str) -> Catalog:
    with open(po_path(language), "rb") as handle:
        return read_po(handle, locale=language, domain=DOMAIN)


def updated(language: str, template: Catalog) -> Catalog:
    """A language's catalog brought up to the template (a new language starts empty)."""
    if po_path(language).exists():
        catalog = read_catalog(language)
    else:
        catalog = Catalog(locale=language, domain=DOMAIN, project="exporter", version="1", creation_date=EPOCH, revision_date=EPOCH, charset="utf-8",
                          fuzzy=False, last_translator="exporter developers", language_team=f"{language} (exporter developers)",
                          header_comment=HEADER.replace("LANGUAGE", {"kk": "Kazakh", "ru": "Russian"}.get(language, language)))
    catalog.update(template, update_header_comment=False)
    return catalog


def outputs() -> dict[Path, bytes]:
    """Every file this writes, by path, as it would write it."""
    template = template_catalog()
    files = {FOLDER / f"{DOMAIN}.pot": _po_bytes(template, omit_header=False)}
    for language in LANGUAGES:
        if language == SOURCE_LANGUAGE:
            continue
        catalog = updated(language, template)
        po = _po_bytes(catalog, ignore_obsolete=False)
        files[po_path(language)] = po
        files[po_path(language).with_suffix(".mo")] = _mo_bytes(read_po(io.BytesIO(po), locale=language, domain=DOMAIN))
    return files


def stale() -> list[Path]:
    """The files that are not what `outputs` would write."""
    return [path for path, data in outputs().items() if not path.exists() or path.read_bytes() != data]


def main(argv: list[str]) -> int:
    if argv == ["--check"]:
        paths = stale()
        for path in paths:
            print(f"{path}: stale; run python -m exporter.messages.update", file=sys.stderr)
        return 1 if paths else 0
    for path, data in outputs().items():
        path.parent.mkdir(parents=True, exist_ok=True)
        if not path.exists() or path.read_bytes() != data:
            path.write_bytes(data)
            print(f"wrote {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
