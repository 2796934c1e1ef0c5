"""Round 50's PDF reading of the lead's unseen papers: a side bar beside the one column."""

from __future__ import annotations

from exporter.model import Heading, Paragraph, plain_text
from exporter.readers import read_document

from helpers import draw_text, pdf_canvas

ABSTRACT = [
    "Abstract: The paper reports the distribution of the main ions",
    "and of trace elements in water samples taken from polluted",
    "sections of a small river inside the former test site, where",
    "raised concentrations of tritium were found before. The total",
    "mineralisation, the hardness and the sum of the cations exceed",
    "the permitted concentrations along the studied sections of the",
    "river, and the trace elements follow the order of their sources.",
]
SIDE_BAR = [  # ENU Bulletin's side bar: 9 pt on its own leading, left of the 12 pt column
    "Citation: Smith, A., Jones,",
    "B. (2025). Hydrochemical",
    "parameters of the river.",
    "Bulletin of the University,",
    "151(2), 294-307.",
    "Academic editor: C. Brown",
    "Received: 27.03.2025",
    "Revised: 20.05.2025",
    "Accepted: 02.06.2025",
    "Published: 30.06.2025",
    "Copyright: the authors,",
    "under the terms of the",
    "Creative Commons licence.",
]


def _side_bar_paper(path) -> None:
    c = pdf_canvas(path)
    draw_text(c, 57, 760, "Hydrochemical parameters of polluted sections of a small river", 14, bold=True)
    draw_text(c, 57, 730, "Alice Smith, Bob Jones", 12)
    draw_text(c, 188, 700, "1 Department of Ecology, University of the Steppe, Astana", 12)
    draw_text(c, 188, 686, "*Correspondence: alice.smith@example.org", 12)
    for i, text in enumerate(SIDE_BAR):
        draw_text(c, 57, 662 - 10.3 * i, text, 9)
    for i, text in enumerate(ABSTRACT):
        draw_text(c, 188, 655 - 13.8 * i, text, 12)
    draw_text(c, 188, 640 - 13.8 * len(ABSTRACT), "Keywords: small river; hydrochemistry; pollution.", 12)
    draw_text(c, 57, 440, "1. Introduction", 12, bold=True)
    for i in range(12):
        draw_text(c, 57, 420 - 13.8 * i, "The river is one of the main surface waters of the region and flows along its border.", 12)
    c.save()


def test_a_side_bar_in_smaller_type_beside_the_one_column_is_read_apart_from_the_abstract(tmp_path):
    # unseen temirzhanova_enu_vestnik: the 9 pt side bar was read across the gap, line by line
    # glued to the 12 pt abstract's, and its pieces went into the affiliations
    path = tmp_path / "side_bar.pdf"
    _side_bar_paper(path)
    doc = read_document(str(path))
    abstract = doc.meta.abstract_text or ""
    assert abstract.startswith("The paper reports the distribution") and abstract.endswith("the order of their sources.")
    for word in ("Citation", "Received", "Copyright", "editor", "294-307"):
        assert word not in abstract
        assert not any(word in a for a in doc.meta.affiliations)
    body = " ".join(plain_text(b.inlines) for b in doc.blocks if isinstance(b, (Paragraph, Heading)))
    assert "Received" not in body and "Copyright" not in body


def _thanks_paper(path) -> None:
    c = pdf_canvas(path)
    draw_text(c, 120, 780, "Assessment of Reward Functions for Signal Control", 20)
    draw_text(c, 200, 750, "Alvaro Egea and Shaun Howell", 11)
    draw_text(c, 50, 700, "I. INTRODUCTION", 10, bold=True)
    for i in range(40):
        draw_text(c, 50, 685 - 12 * i, f"Improving the urban road networks line {i} reduces", 10)
    for i in range(50):
        draw_text(c, 305, 700 - 12 * i, f"the traffic congestion as well as the emissions {i} of", 10)
    draw_text(c, 50, 120, "This work was part funded by InnovateUK grant 104219 and", 8)
    draw_text(c, 50, 110, "EPSRC Grant EP/L015374. Manuscript received April 19, 2020.", 8)
    c.save()


def test_a_first_pages_unmarked_note_under_the_first_column_is_the_titles_note(tmp_path):
    # unseen cabrejas_reward_ieee (and chayka, chesani, lou): IEEE's `\thanks` under the first
    # column (funding, `Manuscript received …`) was printed as a paragraph of the body
    from exporter.model import Footnote

    path = tmp_path / "thanks.pdf"
    _thanks_paper(path)
    doc = read_document(str(path))
    body = " ".join(plain_text(b.inlines) for b in doc.blocks if isinstance(b, (Paragraph, Heading)))
    assert "InnovateUK" not in body and "Manuscript received" not in body
    notes = [plain_text(node.inlines) for node in doc.meta.title if isinstance(node, Footnote)]
    assert len(notes) == 1 and notes[0].startswith("This work was part funded") and notes[0].endswith("April 19, 2020.")
    assert doc.meta.title_text == "Assessment of Reward Functions for Signal Control"
