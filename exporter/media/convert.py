"""Outside converters for Windows metafiles, run with a time limit, a memory limit and a
size limit on what they write: a metafile that makes a converter crash or loop is a clear
error, never a hung build. Chosen by bench/MEDIA_CONVERTERS.md: libwmf's wmf2svg for WMF
(every corpus WMF, at its own size, in milliseconds); LibreOffice then pdftocairo for EMF
(wmf2svg cannot read it).
"""

from __future__ import annotations

import re
import resource
import shutil
import subprocess
import tempfile
from pathlib import Path

from ..model import CHART_PACKAGE
from ..symbol_encoding import ADOBE_CORPORATE_USE
from .wmf_fonts import decode_mt_extra, framed, text_record_faces

TIME_LIMIT = 20  # seconds of one conversion; a corpus WMF takes ~10 ms, LibreOffice ~3 s to start
MEMORY_LIMIT = 1 << 30  # bytes of address space a converter may take
OUTPUT_LIMIT = 32 << 20  # bytes of SVG: a metafile a few hundred KB long draws in far less


class ConversionError(Exception):
    """A converter is missing, failed, or was stopped at a limit; the text says which."""


def _limits(seconds: int = TIME_LIMIT):
    def limit() -> None:  # runs in the child, before the converter starts
        resource.setrlimit(resource.RLIMIT_AS, (MEMORY_LIMIT, MEMORY_LIMIT))
        resource.setrlimit(resource.RLIMIT_CPU, (seconds, seconds + 1))
        resource.setrlimit(resource.RLIMIT_FSIZE, (OUTPUT_LIMIT, OUTPUT_LIMIT))
        resource.setrlimit(resource.RLIMIT_CORE, (0, 0))

    return limit


def _run(command: list[str], cwd: str, seconds: int = TIME_LIMIT) -> None:
    try:
        run = subprocess.run(command, cwd=cwd, capture_output=True, timeout=seconds, preexec_fn=_limits(seconds), stdin=subprocess.DEVNULL)
    except subprocess.TimeoutExpired:
        raise ConversionError(f"{Path(command[0]).name} took longer than {seconds} s") from None
    except OSError as exc:
        raise ConversionError(f"{Path(command[0]).name} could not run: {exc.strerror or exc}") from None
    if run.returncode != 0:
        how = f"was killed by signal {-run.returncode}" if run.returncode < 0 else f"failed (exit {run.returncode})"
        raise ConversionError(f"{Path(command[0]).name} {how}")


def _read_svg(path: Path, tool: str) -> bytes:
    if not path.is_file() or path.stat().st_size == 0:
        raise ConversionError(f"{tool} wrote no SVG")
    if path.stat().st_size >= OUTPUT_LIMIT:
        raise ConversionError(f"{tool} wrote more than {OUTPUT_LIMIT >> 20} MB")
    return path.read_bytes()


# wmf2svg copies each text record's bytes as the metafile holds them: in the font's own 8-bit
# encoding (Adobe Symbol for MathType's Greek and operators, Windows-1252 for Times), which is
# not UTF-8. Each <text> is decoded by its font and the file written back as UTF-8.
ANSI_CHARSET, SYMBOL_CHARSET = 0, 2
# A LOGFONT's character set and the Windows code page its bytes are in (MS-WMF 2.1.1.5)
CHARSET_CODE_PAGES = {0: "cp1252", 161: "cp1253", 162: "cp1254", 163: "cp1258", 177: "cp1255", 178: "cp1256", 186: "cp1257", 204: "cp1251", 222: "cp874", 238: "cp1250"}
_TEXT = re.compile(r'(<text\b[^>]*font-family:\s*([^;"]*)[^>]*>)(.*?)(</text>)', re.S)
_DOCTYPE = re.compile(r"<!DOCTYPE[^>]*>", re.S)
_BARE_AMP = re.compile(r"&(?!(?:amp|lt|gt|quot|apos|#\d+|#x[0-9a-fA-F]+);)")


def _text_as_unicode(svg: bytes, records: list[tuple[str, int, int]] | None = None) -> bytes:
    """`records`: the metafile's own (face name, charset, length) of each text record
    (wmf_fonts). When they pair with the SVG's <text> elements (one each, or one per character
    as wmf2svg writes a record with spacing), MT Extra, which wmf2svg calls Times, is read by its
    own encoding, and every other font by its character set's code page (wmf2svg keeps none)."""
    from reportlab.pdfbase.rl_codecs import RL_Codecs

    RL_Codecs.register()  # reportlab's `symbol` codec: the Adobe Symbol encoding
    text = svg_namespaces(_DOCTYPE.sub("", svg.decode("latin-1"), count=1))
    order = iter(_faces_in_order(records, len(_TEXT.findall(text))))

    def decode(match: re.Match) -> str:
        raw = match.group(3).encode("latin-1")
        family = match.group(2).strip().strip("'\"").lower()
        face, charset = next(order, ("", ANSI_CHARSET))
        if face.lower() == "mt extra":
            text = decode_mt_extra(raw)
        elif family == "symbol" or charset == SYMBOL_CHARSET:
            # reportlab's codec gives Adobe's private-use codes for a tall bracket's pieces
            text = raw.decode("symbol", errors="replace").translate(ADOBE_CORPORATE_USE)
        else:  # a font's character set names its code page: MathType's Greek in a Greek Times
            text = raw.decode(CHARSET_CODE_PAGES.get(charset, "cp1252"), errors="replace")
        return match.group(1) + _BARE_AMP.sub("&amp;", text.replace("<", "&lt;")) + match.group(4)

    text = _TEXT.sub(decode, text)
    return text.replace('encoding="iso-8859-1"', 'encoding="utf-8"').encode("utf-8")


def _faces_in_order(records: list[tuple[str, int, int]] | None, elements: int) -> list[tuple[str, int]]:
    if not records:
        return []
    if len(records) == elements:
        return [(face, charset) for face, charset, _ in records]
    per_character = [(face, charset) for face, charset, length in records for _ in range(max(length, 0))]
    return per_character if len(per_character) == elements else []


SVG_NS, XLINK_NS = "http://www.w3.org/2000/svg", "http://www.w3.org/1999/xlink"
_SVG_START = re.compile(r"<svg\b[^>]*>", re.S)


def svg_namespaces(text: str) -> str:
    """`text` (an SVG) with the SVG and XLink namespaces declared on its root. wmf2svg declares
    neither: its DOCTYPE names the SVG 1.0 DTD, whose fixed `xmlns` attributes put the elements in
    the SVG namespace, but browsers never read a DTD (and the DOCTYPE is dropped here), so without
    this a browser shows the alt text instead of the picture."""
    start = _SVG_START.search(text)
    if start is None:
        return text
    tag = start.group(0)
    added = "".join(f' {name}="{uri}"' for name, uri in (("xmlns", SVG_NS), ("xmlns:xlink", XLINK_NS)) if not re.search(rf"\s{name}\s*=", tag))
    return text[: start.start()] + "<svg" + added + tag[4:] + text[start.end():]


def wmf_to_svg(data: bytes) -> bytes:
    """A WMF as SVG (libwmf's wmf2svg; its bitmaps inlined as data: URIs; text as UTF-8). One
    wmf2svg refuses is given an invisible frame over its window (`wmf_fonts.framed`: a MathType
    preview of one letter, which libwmf measures as of no size), then, refused still, drawn by
    LibreOffice as an EMF is; wmf2svg's first reason is kept when nothing draws it."""
    tool = shutil.which("wmf2svg")
    if tool is None:
        raise ConversionError("wmf2svg is not installed (Debian: libwmf-bin)")
    with tempfile.TemporaryDirectory(prefix="exporter-wmf-") as tmp:
        refused: ConversionError | None = None
        for metafile in (data, framed(data)):
            if metafile is None:
                continue
            (Path(tmp) / "in.wmf").write_bytes(metafile)
            try:
                _run([tool, "--inline", "-o", "out.svg", "in.wmf"], tmp)
            except ConversionError as exc:
                refused = refused or exc
                continue
            return _text_as_unicode(_read_svg(Path(tmp) / "out.svg", "wmf2svg"), text_record_faces(data))
        try:
            return metafile_by_office(data, "wmf")
        except ConversionError:
            raise refused from None


def emf_to_svg(data: bytes) -> bytes:
    """An EMF as SVG, drawn by LibreOffice (`metafile_by_office`)."""
    return metafile_by_office(data, "emf")


def metafile_by_office(data: bytes, kind: str) -> bytes:
    """A metafile (`kind`: emf, wmf) as SVG (`metafiles_by_office`, one alone)."""
    [result] = metafiles_by_office([data], kind)
    if isinstance(result, ConversionError):
        raise result
    return result


# LibreOffice's start is most of a conversion (~1 s with a fresh profile, a picture ~0.1 s):
# a document's metafiles are set on their pages in one run; this much longer it may take each.
SECONDS_A_PICTURE = 2


def metafiles_by_office(datas: list[bytes], kind: str) -> list[bytes | ConversionError]:
    """Metafiles (`kind`: emf, wmf), or Word packages of one chart or drawing each (`docx`: the DOCX
    reader's charts and shape drawings), as SVG, or the ConversionError of each: LibreOffice headless sets each on a PDF page, all in one run (with a profile of its own, so a running office is
    not disturbed), poppler's pdftocairo turns each page into SVG with its text as outlines
    (LibreOffice's own SVG keeps text in SVG fonts, which svglib cannot draw). Each picture
    stands on a page: it is cropped to what is drawn. The run failing (a converter missing,
    crashed or stopped at a limit) raises ConversionError: each may be tried alone then."""
    tool = shutil.which("soffice") or shutil.which("libreoffice")
    cairo = shutil.which("pdftocairo")
    if tool is None or cairo is None:
        raise ConversionError(f"LibreOffice and poppler's pdftocairo are needed for {kind.upper()} (Debian: {'libreoffice-writer-nogui' if kind == 'docx' else 'libreoffice-draw-nogui'}, poppler-utils)")
    with tempfile.TemporaryDirectory(prefix=f"exporter-{kind}-") as tmp:
        names = [f"in{k}.{kind}" for k in range(len(datas))]
        for name, data in zip(names, datas):
            (Path(tmp) / name).write_bytes(data)
        profile = Path(tmp) / "profile"
        seconds = TIME_LIMIT + SECONDS_A_PICTURE * len(datas)
        _run([tool, "--headless", "--norestore", f"-env:UserInstallation={profile.as_uri()}", "--convert-to", "pdf", "--outdir", tmp, *names], tmp, seconds)
        return [_page_as_svg(cairo, tmp, k, kind) for k in range(len(datas))]


def _page_as_svg(cairo: str, tmp: str, k: int, kind: str) -> bytes | ConversionError:
    """Picture `k`'s PDF page, as LibreOffice set it, as cropped SVG (or why not)."""
    if not (Path(tmp) / f"in{k}.pdf").is_file():
        return ConversionError(f"LibreOffice could not read the {kind.upper()}")
    try:
        _run([cairo, "-svg", "-f", "1", "-l", "1", f"in{k}.pdf", f"out{k}.svg"], tmp)
        _run([cairo, "-png", "-r", "72", "-gray", "-singlefile", "-f", "1", "-l", "1", f"in{k}.pdf", f"page{k}"], tmp)
        return _cropped(_read_svg(Path(tmp) / f"out{k}.svg", "pdftocairo"), Path(tmp) / f"page{k}.png")
    except ConversionError as exc:
        return exc


def _cropped(svg: bytes, page: Path) -> bytes:
    """The SVG's view box shrunk to what is drawn on its page (the non-white pixels of the page
    at 72 dpi, one pixel a point), with a point to spare."""
    from PIL import Image, ImageChops

    with Image.open(page) as picture:
        box = ImageChops.invert(picture.convert("L")).getbbox()
    if box is None:
        raise ConversionError("the metafile draws nothing")
    x0, y0, x1, y1 = box[0] - 1, box[1] - 1, box[2] + 1, box[3] + 1
    svg = re.sub(rb'width="[^"]*"', f'width="{x1 - x0}pt"'.encode(), svg, count=1)
    svg = re.sub(rb'height="[^"]*"', f'height="{y1 - y0}pt"'.encode(), svg, count=1)
    return re.sub(rb'viewBox="[^"]*"', f'viewBox="{x0} {y0} {x1 - x0} {y1 - y0}"'.encode(), svg, count=1)


def converter_available(media_type: str) -> bool:
    if media_type == "image/x-wmf":
        return shutil.which("wmf2svg") is not None
    if media_type in ("image/x-emf", CHART_PACKAGE):
        return (shutil.which("soffice") or shutil.which("libreoffice")) is not None
    return True


__all__ = ["ConversionError", "wmf_to_svg", "emf_to_svg", "metafile_by_office", "metafiles_by_office", "converter_available", "svg_namespaces"]
