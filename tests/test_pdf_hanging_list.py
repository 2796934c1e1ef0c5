"""An unnumbered reference list set with hanging indents (Chicago author-date, APA): an
entry's later lines are set in, so a line set in carries its entry on, over a page break too,
and whatever its words look like (`Theunissen. 2017. “…”` after a line of names); a line at
the column's edge opens an entry. Pages drawn here with reportlab."""

from __future__ import annotations

from exporter.readers.pdf.reader import read_pdf

from helpers import draw_text, pdf_canvas

PROSE = "Speech perception was measured as described before (Hawco et al. 2009; Heald and Nusbaum 2014)."
ENTRIES = (
    ("Hawco, Colin S., Jeffery A. Jones, Todd R. Ferretti, and Dwayne Keough. 2009. “ERP Correlates",
     "of Online Monitoring of Auditory Feedback during Vocalization.”",
     "Psychophysiology 46 (6): 1216–25."),
    ("Heald, Shannon L. M., and Howard C. Nusbaum. 2014. “Speech Perception as an Active Cognitive",
     "Process.” Frontiers in Systems Neuroscience 8: 35."),
    ("Heer, Wendy A. de, Alexander G. Huth, Thomas L. Griffiths, Jack L. Gallant, and Frédéric E.",
     "Theunissen. 2017. “The Hierarchical Cortical Organization of Human Speech Processing.” The",
     "Journal of Neuroscience 37 (27): 6539–57."),
    ("Houde, John F., and Srikantan S. Nagarajan. 2011. “Speech Production as State Feedback Control.”",
     "Frontiers in Human Neuroscience 5: 82."),
)


def test_a_hanging_indent_keeps_an_entry_whole_across_a_page_and_a_name_line(tmp_path):
    path = tmp_path / "chicago.pdf"
    c = pdf_canvas(path)
    draw_text(c, 60, 780, "Cortical responses to self-produced speech", 16, bold=True)
    draw_text(c, 60, 760, "Liberty S. Hamilton", 11)
    for k in range(3):
        draw_text(c, 60, 720 - 14 * k, PROSE, 10)
    draw_text(c, 60, 660, "References", 12, bold=True)
    y, page = 640, 1
    lines = [(k == 0, text) for entry in ENTRIES for k, text in enumerate(entry)]
    for n, (opens, text) in enumerate(lines):
        if n == 2:  # the first entry's last line goes over to the next page
            c.showPage()
            y, page = 780, 2
        draw_text(c, 60 if opens else 78, y, text, 10)
        y -= 13
    c.save()
    references = read_pdf(str(path)).references
    assert [" ".join(e.text.split())[:20] for e in references] == ["Hawco, Colin S., Jef", "Heald, Shannon L. M.", "Heer, Wendy A. de, A", "Houde, John F., and "]
    assert references[0].text.rstrip().endswith("1216–25.")
    assert "Theunissen. 2017." in references[2].text
