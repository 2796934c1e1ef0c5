"""A sentence that names a figure where a line happens to start (`… are shown in` / `Fig. 3.
There was a main effect …`, at the paragraph's own spacing) is text, not a second caption of
figure 3 (an unseen Elsevier paper got a false XRF004 from it). Pages drawn with reportlab."""

from __future__ import annotations

from exporter.model import Figure, Paragraph, plain_text
from exporter.readers import read_document
from helpers import draw_text, pdf_canvas

LINES = [
    "Participants rated every face twice, so we could correlate the ratings of each",
    "participant on one trait with their ratings on another and compare the strength",
    "of these correlations at the level of individual participants before averaging.",
    "Averaged correlations of the individual participants are shown in",
    "Fig. 3. There was a significant main effect of dimension, so that the traits",
    "on the first dimension were more correlated than the traits on the second one,",
    "and the effect held for both groups of faces that the participants were shown.",
]


def test_a_figure_named_at_a_lines_start_inside_a_sentence_is_no_caption(tmp_path):
    path = tmp_path / "p.pdf"
    c = pdf_canvas(path)
    draw_text(c, 50, 800, "Correlations between dimensions", 14, bold=True)
    y = 770
    for k in range(3):
        for line in LINES:
            draw_text(c, 50, y, line)
            y -= 14
        y -= 10
    c.save()
    blocks = read_document(str(path)).blocks
    assert not [b for b in blocks if isinstance(b, Figure)]
    text = "\n".join(plain_text(b.inlines) for b in blocks if isinstance(b, Paragraph))
    assert text.count("are shown in Fig. 3. There was a significant main effect") == 3
