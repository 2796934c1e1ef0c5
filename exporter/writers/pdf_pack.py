"""The PDF edition's last step: its dictionaries packed into deflated object streams (PDF 1.5).

reportlab writes every dictionary as plain text: the pages, each font's widths, the links,
the outline and the document information (Cyrillic in UTF-16 as octal escapes, eight bytes a
letter). In a text-only paper that is a quarter of the file (bench/FIDELITY.md, sizes). qpdf,
through pikepdf (which already binds the volumes), moves them into object streams, deflated
together; every stream keeps its bytes (a JPEG stays the source's bytes, content streams are
not rewritten). The same input gives the same bytes (the file identifier is a digest of it).
"""

from __future__ import annotations

import io


def packed(data: bytes) -> bytes:
    """`data` with its objects in object streams; `data` itself if qpdf cannot read it (then
    it was never a PDF to pack) or packing does not make it smaller."""
    import pikepdf

    try:
        with pikepdf.open(io.BytesIO(data)) as pdf:
            out = io.BytesIO()
            pdf.save(
                out,
                object_stream_mode=pikepdf.ObjectStreamMode.generate,
                compress_streams=True,
                stream_decode_level=pikepdf.StreamDecodeLevel.none,
                recompress_flate=False,
                deterministic_id=True,
            )
    except pikepdf.PdfError:
        return data
    result = out.getvalue()
    return result if len(result) < len(data) else data
