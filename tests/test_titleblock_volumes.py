"""Title blocks seen on front24's unseen papers (issue 16; bench/UNSEEN.md): a paper printed
in a proceedings volume or a journal issue and posted with the volume's own front matter above
it (its cover, its imprint with ISBN and editors, its contents), the paper's title block
(`УДК`/`МРНТИ`, the title, the by-line) pages further on; IEEE's numbered author blocks
(`1st Given Surname`) under a title whose last line is two capitalised words; a journal's
rubric printed sideways in the margin, which pdftotext puts between the title's lines. Each
document is written or drawn here in the layout the class shows; none copies a paper."""

from __future__ import annotations

from exporter.readers import read_document
from exporter.readers.plaintext.frontmatter import read_front_matter
from exporter.readers.plaintext.furniture import find_pages

from helpers import draw_text, pdf_canvas, text_front_matter

COVER = [
    "ҚАЗАҚ ҰЛТТЫҚ АГРАРЛЫҚ ЗЕРТТЕУ УНИВЕРСИТЕТІ",
    "",
    "«Жасыл экономика және су ресурстары» атты",
    "халықаралық ғылыми-практикалық конференция",
    "МАТЕРИАЛДАРЫ",
    "",
    "МАТЕРИАЛЫ",
    "международной научно-практической конференции",
    "«Зелёная экономика и водные ресурсы»",
    "",
    "Алматы, 2024",
]
IMPRINT = [
    "ӘОЖ 330 (063)",
    "ҚБЖ 65.0",
    "Жауапты редакторлар:",
    "Серикова А.Б., Омаров Д.Е.",
    "",
    "Зелёная экономика и водные ресурсы: материалы международной конференции. – Алматы, 2024. – 312 б.",
    "ISBN 978-601-00-0000-0",
    "",
    "© Қазақ ұлттық аграрлық зерттеу университеті, 2024",
]
PAPER = [
    "УДК 631.4",
    "",
    "ВЛИЯНИЕ ОРОШЕНИЯ НА ЗАСОЛЕНИЕ ПОЧВ",
    "В ДОЛИНЕ РЕКИ ИЛИ",
    "",
    "Б.К. Нурланова1, Д.С. Оспанов2",
    "",
    "1Казахский национальный аграрный университет, Алматы, Казахстан",
    "2Институт почвоведения и агрохимии, Алматы, Казахстан",
    "",
    "Аннотация. Изучено засоление орошаемых почв в долине реки Или за десять лет наблюдений.",
    "Ключевые слова: орошение, засоление, почва.",
    "",
    "Введение",
    "Орошение меняет водный и солевой режим почв, что показано в ряде работ [1].",
]


def test_a_paper_under_its_volumes_cover_and_imprint():
    """The volume's cover (`МАТЕРИАЛДАРЫ`, the conference's name, the place and year) and its
    imprint (`ӘОЖ`, `ҚБЖ`, the editors, ISBN) stand on the pages above the paper: the paper's
    own title block, opening at its `УДК` on page 3, gives the title and the authors."""
    meta = text_front_matter([*COVER, "\f" + IMPRINT[0], *IMPRINT[1:], "\f" + PAPER[0], *PAPER[1:]])
    assert meta.title_text == "ВЛИЯНИЕ ОРОШЕНИЯ НА ЗАСОЛЕНИЕ ПОЧВ В ДОЛИНЕ РЕКИ ИЛИ"
    assert meta.authors[:1] == ("Б.К. Нурланова",)


def test_a_journal_papers_first_page_with_its_issn_is_no_volume_cover():
    """A paper's own first page may carry the journal's name and ISSN in its running head: its
    title block is read there, not the next paper's printed pages further on."""
    first = [
        "ISSN 1563-0285        ВЕСТНИК АГРАРНОЙ НАУКИ. 2024. № 2",
        "",
        "УДК 633.1",
        "",
        "УРОЖАЙНОСТЬ ЯРОВОЙ ПШЕНИЦЫ НА СВЕТЛО-КАШТАНОВЫХ ПОЧВАХ",
        "",
        "А.Е. Касымова",
        "",
        "Аннотация. Урожайность яровой пшеницы изучена на светло-каштановых почвах за пять лет.",
        "Введение",
        *["Яровая пшеница занимает в регионе большую часть пашни, и её урожайность зависит от влаги [1]."] * 30,
    ]
    meta = text_front_matter([*first, "\f" + PAPER[0], *PAPER[1:]])
    assert meta.title_text == "УРОЖАЙНОСТЬ ЯРОВОЙ ПШЕНИЦЫ НА СВЕТЛО-КАШТАНОВЫХ ПОЧВАХ"
    assert meta.authors[:1] == ("А.Е. Касымова",)


def test_a_pdf_paper_under_its_volumes_cover_and_imprint(tmp_path):
    path = tmp_path / "volume.pdf"
    c = pdf_canvas(path)
    for k, line in enumerate(COVER):
        if line:
            draw_text(c, 120, 760 - 22 * k, line, 16 if line.isupper() else 12, bold=line.isupper())
    c.showPage()
    for k, line in enumerate(IMPRINT):
        if line:
            draw_text(c, 50, 780 - 14 * k, line, 9)
    c.showPage()
    sizes = {2: 12, 3: 12}
    for k, line in enumerate(PAPER):
        if line:
            draw_text(c, 50, 780 - 16 * k, line, sizes.get(k, 10), bold=k in sizes)
    c.save()
    meta = read_document(str(path)).meta
    assert meta.title_text == "ВЛИЯНИЕ ОРОШЕНИЯ НА ЗАСОЛЕНИЕ ПОЧВ В ДОЛИНЕ РЕКИ ИЛИ"
    assert meta.authors[:1] == ("Б.К. Нурланова",)


def test_ieee_numbered_author_blocks_under_a_title():
    """IEEE's conference template numbers its author blocks (`1st Anna Berg`, `2nd Tomas
    Lind`): those are names, and the two capitalised words above them (`Audio Segmentation`)
    are the title's last line, not a name."""
    meta = text_front_matter([
        "Learning Sparse Filters for Noisy Spectrogram",
        "Audio Segmentation",
        "1st Anna Berg",
        "",
        "2nd Tomas Lind",
        "",
        "Dept. of Computer Science",
        "Lund University",
        "Lund, Sweden",
        "",
        "Abstract—We learn sparse filters that segment noisy spectrograms of speech recordings.",
        "",
        "I. INTRODUCTION",
        "Spectrograms of noisy speech are hard to segment by hand [1].",
    ])
    assert meta.title_text == "Learning Sparse Filters for Noisy Spectrogram Audio Segmentation"
    assert meta.authors[:2] == ("Anna Berg", "Tomas Lind")


def test_a_title_cut_by_the_margins_rubric():
    """A journal prints its rubric sideways in the margin on every page (`# Информатика`, in
    the page's foot with the page number too): pdftotext puts it between the title's two
    lines on the first page; the title goes on over it."""
    head = "Вестник прикладной науки. 2020. № 4. Декабрь."
    text = [
        head,
        "",
        "Иванова А. Б., Петров В. Г.",
        "",
        "Методы сжатия изображений",
        "",
        "# Информатика",
        "",
        "на основе вейвлет-преобразования",
        "В работе сравниваются методы сжатия изображений, и показано, что вейвлеты лучше [1].",
        "Сжатие изображений нужно для хранения и передачи больших массивов снимков.",
        "",
        "# Информатика # 12",
    ]
    for page in (13, 14):
        text += [f"\f{head}", "", "# Информатика", "", *["Продолжение текста статьи о сжатии изображений и его методах."] * 20, "", f"# Информатика # {page}"]
    meta = text_front_matter(text)
    assert meta.title_text == "Методы сжатия изображений на основе вейвлет-преобразования"
    assert meta.authors[:1] == ("Иванова А. Б.",)


def test_a_by_line_of_full_names_wrapped_inside_a_name():
    """Full names with affiliation digits run over three lines, the break falling between a
    given name and its family name (`…, Медет` / `Актаев2,6, …`): the lines are one by-line."""
    meta = text_front_matter([
        "МРНТИ 87.19.91",
        "",
        "Гидрохимия малых рек степной зоны в период весеннего половодья",
        "Айгерим Сапарова1,2, Болат Жумабеков2*, Ерлан Кенжебаев2,3, Дана",
        "Мусина2, Асель Ержанова1",
        "1Евразийский национальный университет, Астана, Казахстан",
        "",
        "Аннотация. Изучен химический состав воды малых рек в период весеннего половодья.",
        "",
        "Введение",
        "Малые реки степной зоны питаются талыми водами [1].",
    ])
    assert meta.title_text == "Гидрохимия малых рек степной зоны в период весеннего половодья"
    assert meta.authors[:4] == ("Айгерим Сапарова", "Болат Жумабеков", "Ерлан Кенжебаев", "Дана Мусина")


def test_author_blocks_side_by_side_printed_one_under_the_other():
    """Two author blocks side by side under a title: pdftotext prints the first name right
    under the title's last line, the second after a blank line. The first name is the first
    author, not the title's last line (the line-role model ran the title on into it)."""
    meta = text_front_matter([
        "Adaptive Sampling of Sparse Sensor Networks",
        "for Urban Flood Forecasting",
        "Marta Kowalczyk",
        "",
        "Jonas Lindqvist",
        "",
        "Dept. of Civil Engineering",
        "Gdansk University of Technology",
        "Gdansk, Poland",
        "",
        "Abstract—Sparse sensor networks are sampled adaptively to forecast urban floods.",
        "",
        "I. INTRODUCTION",
        "Urban floods are forecast from rain gauges and river sensors [1].",
    ])
    assert meta.title_text == "Adaptive Sampling of Sparse Sensor Networks for Urban Flood Forecasting"
    assert meta.authors[:2] == ("Marta Kowalczyk", "Jonas Lindqvist")


def test_acm_ccs_concepts_is_a_classification_not_a_title():
    """ACM prints the paper's title as the running head of later pages (so the text reader
    counts the first page's title line among the running heads) and, under the abstract, the
    CCS classification under its heading `CCS CONCEPTS` and the citation under `ACM Reference
    Format:`: labels, never the title (front24's second batch showed both taken for it)."""
    title = "Sketching Streams of Graph Updates in Bounded Memory"
    page1 = [
        title, "Lena Hartmann", "", "Omar Saleh", "", "lena@example.org", "Example University", "Germany", "",
        "omar@example.org", "Example Institute", "Jordan", "",
        "ABSTRACT", "Graph streams are sketched in bounded memory with error guarantees.", "",
        "CCS CONCEPTS", "• Theory of computation → Sketching and sampling.", "",
        "KEYWORDS", "graph streams, sketches", "ACM Reference Format:", "Lena Hartmann and Omar Saleh. 2024. Sketching Streams of Graph Updates in",
        "Bounded Memory. In Conference’24. ACM, New York, NY, USA, 10 pages.", "",
        "1", "", "INTRODUCTION", "", *["Graph streams arrive as edge insertions and deletions [1], and memory is bounded."] * 25,
    ]
    text = list(page1)
    for page in (2, 3):
        text += ["\f" + title, "Conference’24, June 2024, Berlin, Germany", "", *["Sketches keep a small summary of every vertex and its neighbours."] * 30, "", str(page)]
    meta = text_front_matter(text)
    assert meta.title_text == title
    assert meta.authors[:1] == ("Lena Hartmann",)
    pages = find_pages(text)  # the rules alone (the line-role model, judging them, hid it here)
    assert read_front_matter(text, pages.starts, pages.furniture, "en").title_lines == [title]


def test_affiliation_letters_glued_to_the_names():
    """Elsevier's affiliation letters set as superscripts after the names come out of
    pdftotext glued to them (`Xianga,b`, `Lia,b`, `aCollege of …`): the names are read without
    them. A by-line whose names do not all end in a mark letter keeps its names whole."""
    body = ["", "Abstract", "Lightweight ciphers are implemented in hardware with small area and high throughput.", "",
            "1. Introduction", "Lightweight block ciphers protect small devices [1]."]
    meta = text_front_matter(["Compact Hardware for Lightweight Block Ciphers", "", "Wei Zhanga,b, Lina Choa,b,∗",
                      "aCollege of Computer Science, Example Normal University, China",
                      "b Key Laboratory of Information Processing, China", *body])
    assert meta.authors[:2] == ("Wei Zhang", "Lina Cho")
    meta = text_front_matter(["Compact Hardware for Lightweight Block Ciphers", "", "Anna Kowalska, Piotr Nowak",
                      "aCollege of Computer Science, Example Normal University, China", *body])
    assert meta.authors[:2] == ("Anna Kowalska", "Piotr Nowak")
    meta = text_front_matter(["A Coded Computation Scheme Based on", "a Gabidulin Code and Its Evaluation", "Koki Sakama", "", "Hiroshi Matsushima", "",
                      "Example University", *body])
    assert meta.authors[:2] == ("Koki Sakama", "Hiroshi Matsushima")  # `a Gabidulin …` opens a title's line, not an affiliation


def test_a_section_rubric_above_the_title_is_no_title():
    """A journal names the issue's section and the article's kind above the title (`Секция:
    Экология`, `Научная статья`): rubrics, never the title, which is set in sentence case under them."""
    meta = text_front_matter([
        "МРНТИ 87.19.91",
        "Секция: Экология",
        "Научная статья",
        "",
        "Гидрохимия малых рек степной зоны в период весеннего половодья",
        "Айгерим Сапарова1, Болат Жумабеков2",
        "1Евразийский национальный университет, Астана, Казахстан",
        "",
        "Аннотация. Изучен химический состав воды малых рек в период весеннего половодья.",
        "",
        "Введение",
        "Малые реки степной зоны питаются талыми водами [1].",
    ])
    assert meta.title_text == "Гидрохимия малых рек степной зоны в период весеннего половодья"
    assert meta.authors[:1] == ("Айгерим Сапарова",)
