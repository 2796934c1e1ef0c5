"""Where the files a venue is made of are found: the template roots (a checkout's templates/,
an installed package's exporter/venues) and the CSL style a style name means."""

from __future__ import annotations

from pathlib import Path

from .diagnostics import InputError
from .sourcefile import file_kind

_REPO_TEMPLATES = Path(__file__).resolve().parent.parent / "templates"


def template_roots() -> list[Path]:
    """A checkout's `templates/` first; an installed package carries them as `exporter/venues`."""
    roots = [_REPO_TEMPLATES] if _REPO_TEMPLATES.is_dir() else []
    installed = Path(__file__).resolve().parent / "venues"
    if installed.is_dir():
        roots.append(installed)
    return roots


def available() -> dict[str, Path]:
    """The venues by name: each folder of a template root holding a template.toml (the first root wins)."""
    found: dict[str, Path] = {}
    for root in template_roots():
        for folder in sorted(root.iterdir()):
            if (folder / "template.toml").is_file():
                found.setdefault(folder.name, folder)
    return found


# Short names for the styles shipped in templates/styles/ (the files keep their CSL ids).
ALIASES = {
    "gost-r-7-0-5-2008-numeric": "gost-r-7-0-5-2008-numeric.csl",
    "ieee": "ieee.csl",
    "apa": "apa.csl",
    "vancouver": "nlm-citation-sequence.csl",  # NLM's Citing Medicine: the Vancouver style
    "nlm-citation-sequence": "nlm-citation-sequence.csl",
}


def style_dirs(venue: Path | None = None) -> list[Path]:
    return ([venue] if venue else []) + [root / "styles" for root in template_roots()]


def shipped_styles() -> list[str]:
    return sorted(ALIASES)


def is_csl(name: str) -> bool:
    """A style name means CSL when it names a .csl file or a shipped style."""
    return name.lower().endswith(".csl") or name in ALIASES


def find_style(name: str, venue: Path | None = None) -> Path:
    """The .csl file a style name means: a path, else a file of the venue, else a shipped one.
    What exists under the name but is no file (a folder, a FIFO) is refused as what it is."""
    filename = ALIASES.get(name, name if name.lower().endswith(".csl") else name + ".csl")
    candidates = ([Path(name)] if Path(name).suffix.lower() == ".csl" else []) + [folder / filename for folder in style_dirs(venue)]
    for candidate in candidates:
        try:
            mode = candidate.stat().st_mode
        except (OSError, ValueError):
            continue
        kind = file_kind(mode)
        if kind:
            raise InputError(str(candidate), f"is {kind}, not a CSL style file")
        return candidate
    raise InputError(name, f"no such CSL style (shipped: {', '.join(shipped_styles())}; or give a .csl file)")
