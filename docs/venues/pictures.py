"""The first page of each conference venue's three editions, side by side, for the README.

    .venv/bin/python docs/venues/pictures.py     # writes docs/venues/<venue>.png

Each venue builds its sample (ieee-conference and springer-lncs: conference-sample.md in
this folder; kz-journal: the Kazakh paper tests/data/kk-journal-paper.txt); the PDF edition's
first page, the DOCX edition's as LibreOffice prints it, and the LaTeX edition's compiled
with XeLaTeX and the venue's class are rendered by pdfium and set side by side in one PNG.
"""

from __future__ import annotations

import shutil
import struct
import subprocess
import sys
import tempfile
import zipfile
import zlib
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
SAMPLES = {
    "ieee-conference": HERE / "conference-sample.md",
    "springer-lncs": HERE / "conference-sample.md",
    "kz-journal": ROOT / "tests" / "data" / "kk-journal-paper.txt",
}
DPI = 56
GAP = 12  # pixels between the pages


def first_page_pixels(pdf: Path) -> tuple[int, int, bytes]:
    """(width, height, RGB bytes) of the PDF's first page at DPI."""
    import pypdfium2

    document = pypdfium2.PdfDocument(str(pdf))
    bitmap = document[0].render(scale=DPI / 72, rev_byteorder=True)
    width, height, stride = bitmap.width, bitmap.height, bitmap.stride
    raw = bytes(bitmap.buffer)
    channels = stride // width
    rgb = b"".join(raw[y * stride + x * channels: y * stride + x * channels + 3] for y in range(height) for x in range(width))
    document.close()
    return width, height, rgb


def side_by_side(pages: list[tuple[int, int, bytes]]) -> tuple[int, int, bytes]:
    height = max(h for _, h, _ in pages)
    width = sum(w for w, _, _ in pages) + GAP * (len(pages) - 1)
    rows = []
    for y in range(height):
        row = b""
        for n, (w, h, rgb) in enumerate(pages):
            row += rgb[y * w * 3:(y + 1) * w * 3] if y < h else b"\xff" * (w * 3)
            if n < len(pages) - 1:
                row += b"\xdd" * (GAP * 3)
        rows.append(row)
    return width, height, b"".join(rows)


def png(width: int, height: int, rgb: bytes) -> bytes:
    def chunk(kind: bytes, body: bytes) -> bytes:
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body) & 0xFFFFFFFF)

    raw = b"".join(b"\x00" + rgb[y * width * 3:(y + 1) * width * 3] for y in range(height))
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(raw, 9)) + chunk(b"IEND", b"")


def editions(venue: str, source: Path, folder: Path) -> list[Path]:
    """The three first pages' PDFs: the PDF edition, the DOCX through LibreOffice, the LaTeX compiled."""
    exporter = [sys.executable, "-m", "exporter"]
    subprocess.run([*exporter, "build", str(source), "--template", venue, "--to", "pdf,docx,zip", "--out", str(folder)], cwd=ROOT, capture_output=True, check=False)
    stem = source.stem
    subprocess.run(["soffice", "--headless", "--convert-to", "pdf", "--outdir", str(folder / "lo"), str(folder / f"{stem}.docx")], capture_output=True, timeout=300)
    tex = folder / "tex"
    zipfile.ZipFile(folder / f"{stem}.zip").extractall(tex)
    for _ in range(2):
        subprocess.run(["xelatex", "-interaction=nonstopmode", "-halt-on-error", f"{stem}.tex"], cwd=tex, capture_output=True, timeout=600)
    return [folder / f"{stem}.pdf", folder / "lo" / f"{stem}.pdf", tex / f"{stem}.pdf"]


def main() -> None:
    for venue, source in SAMPLES.items():
        with tempfile.TemporaryDirectory() as scratch:
            pdfs = editions(venue, source, Path(scratch))
            picture = png(*side_by_side([first_page_pixels(pdf) for pdf in pdfs]))
        target = HERE / f"{venue}.png"
        target.write_bytes(picture)
        print(f"wrote {target.relative_to(ROOT)} ({len(picture) // 1024} KB)")


if __name__ == "__main__":
    if not shutil.which("soffice") or not shutil.which("xelatex"):
        sys.exit("pictures.py needs LibreOffice (soffice) and XeLaTeX")
    main()
