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


COVER = [
    "МИНОБРНАУКИ РОССИИ",
    "«Национальный исследовательский университет «МЭИ»",
    "ВЫПУСКНАЯ КВАЛИФИКАЦИОННАЯ РАБОТА",
    "Тема: Анализ прочности каркаса металлопластиковой трубы",
    "Студент      С-06-18      ____________      Булычева Е.В.",
    "группа      подпись      фамилия и инициалы",
    "Руководитель ВКР      к.т.н.      доцент      Воронцов А.Н.",
    "уч. степень      должность      подпись      фамилия и инициалы",
    "Заведующий кафедрой      д.т.н.      Меркурьев И.В.",
    "уч. степень      звание      подпись      фамилия и инициалы",
    "Москва, 2022",
]
ASSIGNMENT = [
    "ЗАДАНИЕ",
    "НА ВЫПУСКНУЮ КВАЛИФИКАЦИОННУЮ РАБОТУ",
    "Тема: Анализ прочности каркаса металлопластиковой трубы",
    "Студент      С-06-18      ____________      Булычева Е.В.",
    "группа      подпись      фамилия и инициалы",
    "Руководитель ВКР      к.т.н.      доцент      Воронцов А.Н.",
    "уч. степень      должность      подпись      фамилия и инициалы",
]
TASKS = [  # the assignment's second page: its tasks and reading, no signature
    "СОДЕРЖАНИЕ РАЗДЕЛОВ ЗАДАНИЯ И ИСХОДНЫЕ ДАННЫЕ",
    "ВВЕДЕНИЕ: Рынок трубопроводов. Актуальность работы.",
    "ПОСТАНОВКА ЗАДАЧИ: Цель работы и исходные данные задачи.",
    "РЕКОМЕНДУЕМАЯ ЛИТЕРАТУРА",
    "Гориловский М.И. К вопросу прочностного расчета труб // Полимерные трубы, 2005.",
]
PROSE = "Трубопроводный транспорт является экономичным видом транспорта"
SUBJECTS = ["нефти", "газа", "воды", "угля", "руды", "зерна", "щебня", "песка", "соли", "масла", "спирта", "мазута", "бензина", "керосина", "аммиака", "кислоты", "щелочи", "цемента", "глины", "торфа", "сахара", "муки", "мела"]


def _prose(n: int, start: int = 0) -> list[str]:
    """`n` lines of prose, each its own (a line repeated at the pages' tops would be a running head)."""
    return [f"{PROSE} {SUBJECTS[start + k]} и прочего сырья," for k in range(n)]


def _thesis(path, pages) -> None:
    c = pdf_canvas(path)
    for lines in pages:
        for i, text in enumerate(lines):
            draw_text(c, 60, 780 - 22 * i, text, 13, bold=text.isupper())
        c.showPage()
    c.save()


def test_a_pdf_theses_cover_and_assignment_forms_are_kept_out_of_the_body(tmp_path):
    # unseen bulycheva_vkr: the cover, the assignment and its second page printed as the body's
    # first 60 blocks (`группа подпись фамилия и инициалы`, `Руководитель`, `Заведующий`)
    from exporter.model import BulletList

    path = tmp_path / "vkr.pdf"
    body = ["ВВЕДЕНИЕ", *_prose(8)]
    sources = ["СПИСОК ЛИТЕРАТУРЫ", "1. Зуйко В.Ю. Прогнозирование несущей способности труб. – Пермь, 2012. – 17 с."]
    _thesis(path, [COVER, ASSIGNMENT, TASKS, body, sources])
    doc = read_document(str(path))
    blocks = [b for b in doc.blocks if isinstance(b, (Paragraph, Heading, BulletList))]
    assert isinstance(blocks[0], Heading) and plain_text(blocks[0].inlines) == "ВВЕДЕНИЕ"
    text = " ".join(plain_text(b.inlines) for b in blocks if not isinstance(b, BulletList))
    for word in ("подпись", "инициалы", "Заведующий", "ЗАДАНИЕ", "РЕКОМЕНДУЕМАЯ"):
        assert word not in text
    assert text.count("Трубопроводный транспорт") == 8


def test_a_page_of_text_closing_on_signature_blanks_is_kept(tmp_path):
    # unseen kiselev_proctor: the paper's last paragraph, then the author's, the supervisor's and
    # the head's signatures on blanks; and a form's second page followed by no heading of the
    # work goes on being read (it may be the work's)
    path = tmp_path / "signed.pdf"
    closing = [*_prose(3, 20), "Автор      _________________      /Киселёв К.С./", "Научный руководитель      _________________      /Лямин А.В./", "Заведующая кафедрой      _________________      /Лисицына Л.С./"]
    _thesis(path, [["Анализ когнитивных навыков", *_prose(20)], closing])
    doc = read_document(str(path))
    text = " ".join(plain_text(b.inlines) for b in doc.blocks if isinstance(b, (Paragraph, Heading)))
    assert text.count("Трубопроводный транспорт") >= 22


def _linked_list_paper(path) -> None:
    from reportlab.pdfbase.pdfmetrics import stringWidth

    c = pdf_canvas(path)
    draw_text(c, 60, 780, "Social norms and mask wearing", 16, bold=True)
    draw_text(c, 60, 755, "Jane Heiman", 11)
    for i in range(6):
        draw_text(c, 60, 720 - 14 * i, f"Norms guide behaviour in public places, as the studies show [{1 + i % 2}].", 11)
    draw_text(c, 60, 620, "References", 11, bold=True)
    entries = [  # (before, linked words, after, address): Nature's style links the title to the DOI
        ("1. Bicchieri, C. & Xiao, E. ", "Do the right thing: but only if others do so.", " J. Behav. Decis. Mak. 22, 191–208 (2009).", "https://doi.org/10.1002/bdm.621"),
        ("2. Fehr, E. & Schurtenberger, I. ", "Normative foundations of human cooperation.", " Nat. Hum. Behav. 2, 458–468 (2018).", "https://scholar.google.com/scholar?q=normative+foundations"),
    ]
    for k, (before, words, after, address) in enumerate(entries):
        y = 600 - 16 * k
        draw_text(c, 60, y, before + words + after, 9)
        left = 60 + stringWidth(before, "LiberationSerif", 9)
        c.linkURL(address, (left, y - 2, left + stringWidth(words, "LiberationSerif", 9), y + 8), relative=0)
    c.save()


def test_a_doi_link_over_a_reference_entrys_title_is_kept_as_its_doi(tmp_path):
    # unseen heiman_mask_wearing_papaja, doan_acs_chemmater: the list prints no DOI, each title
    # linked to it; the links were kept in body paragraphs only, the editions' lists lost them.
    # A link over words to elsewhere (a search page) prints nothing new.
    path = tmp_path / "linked_list.pdf"
    _linked_list_paper(path)
    doc = read_document(str(path))
    assert [e.number for e in doc.references] == [1, 2]
    first, second = doc.references
    assert first.field("doi") == "10.1002/bdm.621"
    assert second.field("doi") is None and second.field("url") is None
    # the editions' list prints the entries as read, the linked words in their links
    from exporter.model import Link
    from exporter.transforms.bibliography import bibliography_lists
    from exporter.venue import Template

    (references,) = [b for b in bibliography_lists(doc, Template.load("kz-conference"), None) if b.kind == "references"]
    links = [[(n.url, plain_text(n.inlines)) for n in item.inlines if isinstance(n, Link)] for item in references.items]
    assert links == [[("https://doi.org/10.1002/bdm.621", "Do the right thing: but only if others do so.")],
                     [("https://scholar.google.com/scholar?q=normative+foundations", "Normative foundations of human cooperation.")]]


def test_an_abstract_cut_by_the_pages_end_goes_on_at_the_next_pages_top(tmp_path):
    # unseen temirzhanova_enu_vestnik: the abstract's last sentence runs on to the next page,
    # over the keywords; its end was read into nothing (neither abstract nor body)
    path = tmp_path / "abstract_over_pages.pdf"
    c = pdf_canvas(path)
    draw_text(c, 60, 780, "Hydrochemical parameters of polluted sections of a small river", 14, bold=True)
    draw_text(c, 60, 755, "Alice Smith, Bob Jones", 12)
    top = 700
    for i, text in enumerate(ABSTRACT[:-1] + ["river, and in the old channel the trace elements follow"] * 30):
        if top - 14 * i < 60:
            break
        draw_text(c, 60, top - 14 * i, text, 12)
    c.showPage()
    draw_text(c, 60, 780, "the order of their sources in the two zones of the channel.", 12)
    draw_text(c, 60, 750, "Keywords: small river; hydrochemistry; pollution.", 12)
    draw_text(c, 60, 720, "1. Introduction", 12, bold=True)
    for i in range(10):
        draw_text(c, 60, 700 - 14 * i, f"The river number {i} is one of the main surface waters of the region.", 12)
    c.save()
    doc = read_document(str(path))
    assert (doc.meta.abstract_text or "").endswith("follow the order of their sources in the two zones of the channel.")
    assert doc.meta.keywords == ("small river", "hydrochemistry", "pollution")


def test_a_web_link_over_an_abstracts_words_is_kept(tmp_path):
    # unseen nguyen_npgraph_plos, simon_pyiast: the abstract's linked address (and any linked
    # words) lost its link: links were kept in body paragraphs only
    from reportlab.pdfbase.pdfmetrics import stringWidth

    from exporter.model import Link

    path = tmp_path / "abstract_link.pdf"
    c = pdf_canvas(path)
    draw_text(c, 60, 780, "Assembly graphs of bacterial genomes", 16, bold=True)
    draw_text(c, 60, 755, "Son Nguyen", 11)
    before, words = "Abstract: The tool is free and its code is in our ", "GitHub repository"
    draw_text(c, 60, 720, before + words + ".", 11)
    left = 60 + stringWidth(before, "LiberationSerif", 11)
    c.linkURL("https://github.com/hsnguyen/assembly", (left, 718, left + stringWidth(words, "LiberationSerif", 11), 730), relative=0)
    draw_text(c, 60, 690, "1. Introduction", 11, bold=True)
    for i in range(10):
        draw_text(c, 60, 670 - 14 * i, f"Genome assembly number {i} joins the reads of a sequencer into contigs.", 11)
    c.save()
    doc = read_document(str(path))
    (run,) = [run for _, run in doc.meta.abstracts]
    assert [(n.url, plain_text(n.inlines)) for n in run if isinstance(n, Link)] == [("https://github.com/hsnguyen/assembly", "GitHub repository")]
