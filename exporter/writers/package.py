"""The submission package (`build --to zip`): `<stem>.zip` holding the LaTeX edition, its
pictures (`<stem>.media/`), a `.bib` of the entries the paper cites, and the venue's own files
TeX Live does not have (class and style files, fonts in the venue's folder). Unzipped
anywhere, `xelatex <stem>.tex` compiles it: what a conference's upload form or Overleaf takes.
The archive is reproducible: members in a fixed order with fixed dates.
"""

from __future__ import annotations

import io
import zipfile

from ..linker import iter_citations
from ..references.bibwriter import write_bibtex
from . import Edition
from . import latex as latex_writer

ZIP_DATE = (1980, 1, 1, 0, 0, 0)
# What a venue folder may hold that a TeX installation lacks; template.toml and the Jinja
# templates are exporter's own, not TeX's.
VENUE_SUFFIXES = (".cls", ".sty", ".bst", ".bbx", ".cbx", ".clo", ".def", ".ttf", ".otf", ".ttc")


def cited_entries(edition: Edition):
    """The entries some citation of the paper resolves to, in number order."""
    keys = {ref.entry for cite in iter_citations(edition.document) for ref in cite.refs if ref.entry}
    return [entry for entry in sorted(edition.document.references, key=lambda e: e.number) if entry.key in keys]


def venue_files(edition: Edition) -> dict[str, bytes]:
    """The venue folder's TeX and font files, by their path inside it."""
    folder = edition.template.folder
    out = {}
    for path in sorted(folder.rglob("*")):
        if path.is_file() and path.suffix.lower() in VENUE_SUFFIXES:
            out[path.relative_to(folder).as_posix()] = path.read_bytes()
    return out


def members(edition: Edition) -> dict[str, bytes]:
    stem = edition.stem
    files = {f"{stem}.tex": latex_writer.render(edition)}
    for folder, pictures in latex_writer.companions(edition).items():
        for name, data in pictures.items():
            files[f"{folder}/{name}"] = data
    cited = cited_entries(edition)
    if cited:
        files[f"{stem}.bib"] = write_bibtex(cited).encode("utf-8")
    for name, data in venue_files(edition).items():
        files.setdefault(name, data)
    return files


def render(edition: Edition) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        for name, data in sorted(members(edition).items()):
            info = zipfile.ZipInfo(name, date_time=ZIP_DATE)
            info.create_system = 0
            info.external_attr = 0o644 << 16
            # pictures are compressed already; text deflates well
            method = zipfile.ZIP_STORED if name.endswith((".jpg", ".jpeg", ".png")) else zipfile.ZIP_DEFLATED
            archive.writestr(info, data, compress_type=method, compresslevel=9 if method == zipfile.ZIP_DEFLATED else None)
    return out.getvalue()
