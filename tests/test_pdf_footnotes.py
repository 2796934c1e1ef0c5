"""PDF footnotes stand at the foot of the page that calls them (issue 15), never over the text."""

from __future__ import annotations

import re
import subprocess
from dataclasses import replace

from exporter.model import Footnote, Paragraph, Span, Text
from exporter.writers import pdf as pdf_writer
from media_samples import media_document, media_edition


def _paper():
    blocks = []
    for n in range(1, 41):
        note = f"Note{n:02d} " + "long explanation " * (1 + (n * 7) % 9)
        words = "Body text of a paragraph that runs over several lines of the page. " * (2 + n % 4)
        blocks.append(Paragraph((Text(f"Para{n:02d} " + words), Footnote((Text(note),)), Text(" end.")), Span(n, 1, n, 2)))
    return replace(media_document(), blocks=tuple(blocks), references=())


def test_each_note_on_its_marks_page_below_the_text(tmp_path):
    pdf = pdf_writer.render(media_edition(document=_paper()))
    (tmp_path / "f.pdf").write_bytes(pdf)
    xml = subprocess.run(["pdftotext", "-bbox", str(tmp_path / "f.pdf"), "-"], capture_output=True, text=True, check=True).stdout
    pages = xml.split("<page ")[1:]
    assert len(pages) > 3
    note_page, para_page = {}, {}
    for number, page in enumerate(pages, start=1):
        words = [(float(y0), float(y1), w) for y0, y1, w in re.findall(r'yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)">([^<]*)<', page)]
        notes = [y0 for y0, _, w in words if w.startswith("Note")]
        for _, _, w in words:
            if w.startswith("Note"):
                note_page[int(w[4:6])] = number
            if w.startswith("Para"):
                para_page[int(w[4:6])] = number
        if notes:  # every word of the body stands above the first note
            body = [y1 for y0, y1, w in words if y0 < min(notes) - 1 and not w.isdigit()]  # a note's raised number is no body
            below = [w for y0, y1, w in words if y0 >= min(notes) - 1 and not w.isdigit()]
            assert all(not w.startswith("Para") for w in below)
            assert max(body) < min(notes)
    assert sorted(note_page) == list(range(1, 41))
    # a note sits on the page where its paragraph ends (the mark is at the paragraph's end)
    for n in range(1, 41):
        assert note_page[n] in (para_page[n], para_page[n] + 1)
    # and the raised mark itself stands in the body of that page, above the notes
    for n in range(1, 41):
        page = pages[note_page[n] - 1]
        words = [(float(y0), w) for y0, w in re.findall(r'yMin="([\d.]+)" xMax="[\d.]+" yMax="[\d.]+">([^<]*)<', page)]
        first_note = min(y0 for y0, w in words if w.startswith("Note"))
        assert any(w in (str(n), f"{n}end.") for y0, w in words if y0 < first_note - 1), n
