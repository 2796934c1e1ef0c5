"""Title blocks seen on unseen PDFs and their text (issue 16, front18; bench/UNSEEN.md): a paper
printed under the previous paper's end on a collection's page (its text, its reference list,
then this paper's by-line and title), a by-line of full names with positions and institutions
under them, a UDC number set on the first author's baseline, a name in capitals after its
initials, and a title in capitals that does not run on into the text under it. Each document
is drawn or written here in the layout the class shows; none copies a paper."""

from __future__ import annotations

from pathlib import Path

from exporter.readers import read_document
from exporter.readers.pdf.reader import name_parts

from helpers import draw_text, pdf_canvas, text_front_matter

PREVIOUS_END = [
    "- совершенствование и развитие действующего законодательства в области",
    "информатизации и телекоммуникаций;",
    "- формирование эффективной системы информационной безопасности.",
    "Результатом подобных исследований станет формирование целостной",
    "теоретической концепции особой стадии рыночного развития.",
    "",
    "БИБЛИОГРАФИЧЕСКИЙ СПИСОК",
    "",
    "1. Гибало Н.П. Институциональные проблемы частной собственности // Проблемы",
    "новой политической экономии. 2004. № 2.",
    "2. Паринов С.И. К теории сетевой экономики. - Новосибирск: ИЭОПП СО РАН, 2002. - 168 с.",
    "",
]
BODY = [
    "Отличие экономики как экономической системы, в которой принимаются",
    "управленческие решения, заключается в непрерывном возникновении новых",
    "обстоятельств, существенно влияющих на процессы, происходящие в ней [1].",
    "Практически каждое решение принимается человеком в условиях",
    "неопределённости, то есть недостатка информации о существующих фактах.",
]


def test_a_paper_under_the_previous_papers_reference_list(tmp_path):
    meta = text_front_matter([*PREVIOUS_END, "А. В. Тычков", "", "НЕОПРЕДЕЛЕННОСТЬ В ПРИНЯТИИ УПРАВЛЕНЧЕСКИХ РЕШЕНИЙ", "", *BODY])
    assert meta.title_text == "НЕОПРЕДЕЛЕННОСТЬ В ПРИНЯТИИ УПРАВЛЕНЧЕСКИХ РЕШЕНИЙ"
    assert meta.authors[:1] == ("А. В. Тычков",)


def test_full_names_over_their_positions_above_the_title(tmp_path):
    meta = text_front_matter([
        *PREVIOUS_END,
        "Александров Илья Михайлович,",
        "инженер вычислительного центра, Ангарская государственная техническая академия,",
        "тел. 8 (904) 129-96-32, e-mail: mozg@example.org",
        "Бадеников Артём Викторович,",
        "к. т. н., доцент, Ангарская государственная техническая академия,",
        "",
        "НЕЙРО-НЕЧЁТКАЯ АДАПТИВНАЯ СИСТЕМА ПОДДЕРЖКИ ПРИНЯТИЯ РЕШЕНИЙ",
        "В ТЕХНОЛОГИЧЕСКОМ ПРОЦЕССЕ",
        "",
        "Аннотация. В статье рассматриваются показатели эффективности технологического процесса.",
        "Ключевые слова: нейро-нечёткая сеть, адаптивная система.",
        "",
        "Введение",
        *BODY,
    ])
    assert meta.title_text == "НЕЙРО-НЕЧЁТКАЯ АДАПТИВНАЯ СИСТЕМА ПОДДЕРЖКИ ПРИНЯТИЯ РЕШЕНИЙ В ТЕХНОЛОГИЧЕСКОМ ПРОЦЕССЕ"
    assert meta.authors[:2] == ("Александров Илья Михайлович", "Бадеников Артём Викторович")


def test_a_reference_list_after_the_title_block_is_the_papers_own(tmp_path):
    """Not firing: the list's heading stands after the paper's own title, so the paper does not
    restart under it (an English block printed after the list is no second title)."""
    meta = text_front_matter([
        "УДК 004.8", "", "МЕТОДЫ АНАЛИЗА РИСКОВ", "", "И. И. Иванов", "",
        "Аннотация. Рассмотрены методы анализа рисков информационной безопасности.", "", *BODY, "",
        "СПИСОК ЛИТЕРАТУРЫ", "", "1. Петров П. П. Риски. – М.: Наука, 2010. – 100 с.", "",
        "I. I. Ivanov", "", "METHODS OF RISK ANALYSIS", "",
    ])
    assert meta.title_text == "МЕТОДЫ АНАЛИЗА РИСКОВ"
    assert meta.authors[:1] == ("И. И. Иванов",)


def test_a_pdf_paper_under_the_previous_papers_reference_list(tmp_path):
    path = tmp_path / "collection.pdf"
    c = pdf_canvas(path)
    y = 800
    for line in PREVIOUS_END:
        if line:
            draw_text(c, 50, y, line, 10)
        y -= 14
    draw_text(c, 250, y, "А. В. Тычков", 10, bold=True)
    draw_text(c, 80, y - 24, "НЕОПРЕДЕЛЕННОСТЬ В ПРИНЯТИИ УПРАВЛЕНЧЕСКИХ РЕШЕНИЙ", 10, bold=True)
    for k, line in enumerate(BODY * 3):
        draw_text(c, 50, y - 50 - 14 * k, line, 10)
    c.save()
    meta = read_document(str(path)).meta
    assert meta.title_text == "НЕОПРЕДЕЛЕННОСТЬ В ПРИНЯТИИ УПРАВЛЕНЧЕСКИХ РЕШЕНИЙ"
    assert meta.authors[:1] == ("А. В. Тычков",)


def test_a_udc_on_the_first_authors_baseline_and_the_by_line_in_the_titles_script():
    assert name_parts("УДК 519.711 Александров Илья Михайлович,") == ["Александров Илья Михайлович"]


def test_a_name_in_capitals_after_its_initials_is_a_name_and_an_institution_is_not():
    assert name_parts("T. HIGUCHI") == ["T. HIGUCHI"]
    assert name_parts("Н. А. КОЧУБЕЙ") == ["Н. А. КОЧУБЕЙ"]
    assert name_parts("APPROACH TO AN IRREGULAR TIME SERIES") == []
    assert name_parts("Geophysics Research Laboratory, University of Tokyo, Tokyo 113, Japan") == []


def test_pdf_first_author_in_capitals_under_the_title(tmp_path):
    """A guard around `name_parts`' new reading (it passed before: the model's by-line found it here)."""
    path = tmp_path / "capitals.pdf"
    c = pdf_canvas(path)
    draw_text(c, 50, 800, "Physica D 31 (1988) 277-283", 8)
    draw_text(c, 80, 760, "APPROACH TO AN IRREGULAR TIME SERIES ON THE BASIS", 11, bold=True)
    draw_text(c, 80, 746, "OF THE FRACTAL THEORY", 11, bold=True)
    draw_text(c, 80, 725, "T. HIGUCHI", 10)
    draw_text(c, 80, 712, "Geophysics Research Laboratory, University of Tokyo, Tokyo 113, Japan", 9)
    text = ("We present a technique to measure the fractal dimension of the set of points forming the graph "
            "of a function defined on the unit interval, and apply it to a fractional Brownian function.")
    for k in range(12):
        draw_text(c, 50, 680 - 13 * k, text[:95] if k % 2 == 0 else text[95:], 10)
    c.save()
    assert read_document(str(path)).meta.authors[:1] == ("T. HIGUCHI",)


def _proposal(title: list[int], texts: list[str], guessed: bool = False, authors: list[str] = ()):
    from exporter.readers.plaintext.roles import Role
    from exporter.readers.plaintext.titleblock import Proposal

    labels = [Role("title" if i in title else "other", 1.0, 0.9 if i in title and not guessed else 0.05, 0.0) for i in range(len(texts))]
    return Proposal(title=title, authors=list(authors), labels=labels, guessed=guessed)


def test_a_guessed_title_below_the_rules_title_is_text():
    from exporter.readers.plaintext.titleblock import judge_title

    texts = ["Ф.З. Иванова", "РИСК И НЕОПРЕДЕЛЕННОСТЬ", "В ПРИНЯТИИ РЕШЕНИЯ", "Отличие экономики как системы", "Как правило, к экзогенным параметрам при-"]
    assert judge_title(_proposal([4], texts, guessed=True), texts, "РИСК И НЕОПРЕДЕЛЕННОСТЬ В ПРИНЯТИИ РЕШЕНИЯ", "ru") is None
    # not firing: a guess above the rules' title still judges it
    assert judge_title(_proposal([0], texts, guessed=True), texts, "Отличие экономики как системы", "ru") == [0]


def test_a_title_in_capitals_does_not_run_on_into_a_paragraph():
    from exporter.readers.plaintext.roles import LineItem, Role
    from exporter.readers.plaintext.titleblock import propose

    def labelled(texts, roles):
        items = [LineItem(t) for t in texts]
        labels = [Role(r, 1.0, 0.9 if r == "title" else 0.0, 0.9 if r == "author" else 0.0) for r in roles]
        return propose(items, "ru", labels).title

    texts = ["А. В. Тычков", "НЕОПРЕДЕЛЕННОСТЬ В ПРИНЯТИИ РЕШЕНИЙ", "Отличие экономики как экономической системы, в которой",
             "принимаются управленческие решения, заключается в непрерывном", "возникновении новых обстоятельств."]
    assert labelled(texts, ["author", "title", "title", "body", "body"]) == [1]
    # not firing: a subtitle in small letters under a title in capitals, names under it
    texts = ["BIOINFORMATICS REVIEW", "Enrichment or depletion of a GO category", "Isabelle Rivals, Léon Personnaz"]
    assert labelled(texts, ["title", "title", "author"]) == [0, 1]


def test_the_models_first_author_later_in_the_rules_list_does_not_replace_the_first():
    from exporter.readers.plaintext.titleblock import judge_authors

    texts = ["Александров Илья Михайлович,", "инженер", "Бадеников Артём Викторович,", "ТИТУЛ СТАТЬИ"]
    proposal = _proposal([3], texts, authors=["Бадеников Артём Викторович"])
    assert judge_authors(proposal, texts, ["Александров Илья Михайлович", "Бадеников Артём Викторович"], "cyrillic") is None


def test_a_guess_sharing_lines_with_the_rules_title_completes_it():
    from exporter.readers.plaintext.titleblock import judge_title

    texts = ["А. Н. Атаманов", "МОДУЛЬ НЕЧЕТКОГО ВЫВОДА НА ОСНОВЕ НЕЙРОННЫХ СЕТЕЙ", "ДЛЯ ДИНАМИЧЕСКОГО АНАЛИЗА РИСКОВ", "ИНФОРМАЦИОННОЙ БЕЗОПАСНОСТИ", "В условиях растущей сложности систем"]
    rules = "МОДУЛЬ НЕЧЕТКОГО ВЫВОДА НА ОСНОВЕ НЕЙРОННЫХ СЕТЕЙ ДЛЯ ДИНАМИЧЕСКОГО АНАЛИЗА РИСКОВ"
    assert judge_title(_proposal([2, 3], texts, guessed=True), texts, rules, "ru") == [1, 2, 3]


def test_an_affiliation_broken_over_lines_under_a_name_is_not_the_title():
    meta = text_front_matter([
        "В.С. Дунаев,", "Дальневосточный", "юридический институт", "МВД России", "",
        "О.И. Бокова,", "доктор технических наук,", "профессор", "", "Н.С. Хохлин,", "доктор технических наук,", "профессор", "",
        "ПОСТРОЕНИЕ МОДЕЛИ ИНТЕЛЛЕКТУАЛЬНОЙ СИСТЕМЫ", "УПРАВЛЕНИЯ БЕЗОПАСНОСТЬЮ ОБЪЕКТА", "ИНФОРМАТИЗАЦИИ НА ОСНОВЕ", "НЕЧЕТКОЙ НЕЙРОННОЙ СЕТИ",
        "CONSTRUCTION OF THE MODEL OF INTELLIGENT SYSTEM", "OF SECURITY MANAGEMENT BASED ON FUZZY NEURAL", "NETWORK PRODUCTION",
        "Рассматривается построение модели интеллектуальной системы управления безопасностью.", "", *BODY,
    ])
    assert meta.title_text == "ПОСТРОЕНИЕ МОДЕЛИ ИНТЕЛЛЕКТУАЛЬНОЙ СИСТЕМЫ УПРАВЛЕНИЯ БЕЗОПАСНОСТЬЮ ОБЪЕКТА ИНФОРМАТИЗАЦИИ НА ОСНОВЕ НЕЧЕТКОЙ НЕЙРОННОЙ СЕТИ"
    assert meta.authors[:1] == ("В.С. Дунаев",)


def test_a_by_line_the_running_heads_repeat_stays_on_the_first_page(tmp_path):
    path = tmp_path / "running.pdf"
    c = pdf_canvas(path)
    for page in range(3):
        draw_text(c, 250, 810, "А. Н. Атаманов", 10)  # the by-line on page 1, the running head after
        draw_text(c, 50, 825, "Силовая Электроника", 9)  # not firing: a journal's name in the head carries no initials
        if page == 0:
            draw_text(c, 80, 780, "МОДУЛЬ НЕЧЕТКОГО ВЫВОДА НА ОСНОВЕ НЕЙРОННЫХ СЕТЕЙ", 12, bold=True)
            draw_text(c, 80, 764, "ДЛЯ АНАЛИЗА РИСКОВ ИНФОРМАЦИОННОЙ БЕЗОПАСНОСТИ", 12, bold=True)
        for k, line in enumerate(BODY * 8):
            draw_text(c, 50, 730 - 14 * k, line, 10)
        c.showPage()
    c.save()
    authors = read_document(str(path)).meta.authors
    assert authors[:1] == ("А. Н. Атаманов",) and "Силовая Электроника" not in authors


def test_the_models_authors_stand_where_the_rules_found_none():
    """The script comparison of the rules' first author and the model's needs a rules' first
    author: with none, the model's authors are taken (a Word paper whose by-line the rules
    missed crashed the reader here once)."""
    from exporter.readers.plaintext.titleblock import judge_authors

    texts = ["В.С. Иванов, С.В. Ковалев", "СЕРВИС ДЛЯ ПОИСКА УЯЗВИМОСТЕЙ"]
    proposal = _proposal([1], texts, authors=["В.С. Иванов"])
    assert judge_authors(proposal, texts, [], "cyrillic") == ["В.С. Иванов"]


def test_full_names_with_their_positions_on_the_same_line(tmp_path):
    """front19 (the second unseen batch's klochek_cloud, text form): a by-line of full names each
    followed on its line by a position (`Соколова Ирина Петровна, студент 2 курса`) is a by-line;
    with the previous paper's English by-line above (its translated summary), the names in the
    title's script are the authors."""
    meta = text_front_matter([
        *PREVIOUS_END,
        "Sokolova Irina Petrovna, 2nd year student",
        "Kazan State University (Russia, Kazan)",
        "",
        "TRAFFIC ACCOUNTING IN CAMPUS NETWORKS",
        "The article considers the accounting of traffic in the networks of universities.",
        "Key words: traffic, accounting, networks.",
        "",
        "УДК 004.7",
        "Соколова Ирина Петровна, студент 2 курса",
        "Казанский государственный университет (Россия, г. Казань)",
        "",
        "ВИРТУАЛЬНЫЕ ЧАСТНЫЕ СЕТИ: ПРОТОКОЛЫ И ПРИМЕНЕНИЕ",
        "В статье рассмотрены виртуальные частные сети и их протоколы.",
        "Ключевые слова: сети, протоколы, шифрование.",
        "",
        *BODY,
    ])
    assert meta.title_text == "ВИРТУАЛЬНЫЕ ЧАСТНЫЕ СЕТИ: ПРОТОКОЛЫ И ПРИМЕНЕНИЕ"
    assert meta.authors[:1] == ("Соколова Ирина Петровна",)


COVER = [
    "Московский государственный технический университет",
    "«Кафедра прикладной информатики»",
    "",
    "Факультет информатики",
    "Дисциплина: «Основы программирования»",
    "Статья: «Очереди с приоритетом»",
    "",
    "Выполнил:",
    "Романов Глеб, ИВТ 201, 2 курс",
    "",
    "Москва",
    "2021",
    "",
]


def test_a_title_given_by_the_works_kind_on_a_text_cover(tmp_path):
    """front19 (ladkina_seminar's class, text form): a student paper's cover: an institution,
    `Дисциплина: «…»`, the title after the work's kind (`Статья: «…»`), `Выполнил:` over the
    name with its group and year."""
    meta = text_front_matter([*COVER, "\f" + BODY[0], *BODY[1:]])
    assert meta.title_text.strip("«»") == "Очереди с приоритетом"
    assert meta.authors[:1] == ("Романов Глеб",)


def test_a_title_given_by_the_works_kind_on_a_pdf_cover(tmp_path):
    """front19 (ladkina_seminar's class, PDF): the institution's line in bold is set apart, but
    the title given by its label stands."""
    path = tmp_path / "cover.pdf"
    c = pdf_canvas(path)
    y = 800
    for line in COVER:
        if line:
            draw_text(c, 150, y, line, 12, bold=True)
        y -= 20
    c.showPage()
    for k, line in enumerate(BODY * 3):
        draw_text(c, 50, 800 - 14 * k, line, 11)
    c.save()
    meta = read_document(str(path)).meta
    assert meta.title_text.strip("«»") == "Очереди с приоритетом"
    assert meta.authors[:1] == ("Романов Глеб",)


def test_a_labelled_title_goes_on_over_the_next_line(tmp_path):
    """A title given by its label broken over two lines (a manuscript's `Title: …` over its
    second line), then `Short title: …`: the title is both lines, without the short one."""
    meta = text_front_matter([
        "Title: Genome-wide screening of growth requirements of soil bacteria in",
        "nitrogen-limited conditions",
        "",
        "Short title: Growth requirements of soil bacteria",
        "",
        "Anna K. Berg 1, Tomas Lind 2",
        "1 Department of Biology, Lund University, Lund, Sweden",
        "",
        "Abstract",
        "Soil bacteria grow under changing nitrogen supply; we screened their genes for growth.",
        "",
        "Introduction",
        "Nitrogen limits the growth of many soil bacteria [1].",
    ])
    assert meta.title_text == "Genome-wide screening of growth requirements of soil bacteria in nitrogen-limited conditions"


def test_a_by_line_after_by_and_a_dash(tmp_path):
    """front19 (akshat_article's class): a blog-style article: `Article`, a short title in
    title case, `By - Name`; the by-line is what makes the short line a title block."""
    meta = text_front_matter([
        "Article",
        "",
        "Binary Heap",
        "By - Rohan Kumar Verma",
        "",
        "A binary heap is a complete binary tree that keeps the heap property at every node of it.",
        "It is used to implement priority queues, since the smallest element is always at the root.",
        "Insertion and removal take logarithmic time in the number of elements of the heap.",
    ])
    assert meta.title_text == "Binary Heap"
    assert meta.authors[:1] == ("Rohan Kumar Verma",)


def test_a_publishers_download_cover_page(tmp_path):
    """front19 (bmstu_ecg's class): a publisher's download cover (`OPEN ACCESS`, the title, `To
    cite this article: …`, `You may also like` over other papers' titles and names, `This
    content was downloaded from …`), the paper on page 2: its title and by-line are read there."""
    path = tmp_path / "cover.pdf"
    c = pdf_canvas(path)
    cover = [("OPEN ACCESS", 9, 760), ("Fast wavelet denoising of surface electromyograms", 16, 735),
             ("To cite this article: K Weber et al 2011 J. Phys.: Conf. Ser. 45 012034", 8, 700),
             ("View the article online for updates and enhancements.", 8, 680)]
    for text, size, y in cover:
        draw_text(c, 50, y, text, size)
    for k, text in enumerate(["You may also like", "- Muscle fatigue indices", "Peter Hall", "- Gait laboratories", "Maria Costa"]):
        draw_text(c, 380, 760 - 18 * k, text, 9)
    draw_text(c, 150, 40, "This content was downloaded from IP address 10.0.0.1 on 01/02/2023 at 10:00", 7)
    c.showPage()
    draw_text(c, 50, 780, "Fast wavelet denoising of surface electromyograms", 14, bold=True)
    draw_text(c, 50, 760, "K Weber, L Novak and P Russo", 11)
    draw_text(c, 50, 745, "Department of Biomedical Engineering, University of Trieste, Italy", 9)
    draw_text(c, 50, 720, "Abstract. Surface electromyograms are denoised by wavelet shrinkage in real time.", 10)
    for k, line in enumerate(["1. Introduction", "Electromyograms record the electrical activity of muscles [1].",
                              "Noise from the mains and from motion hides the weaker signals."]):
        draw_text(c, 50, 690 - 14 * k, line, 10)
    c.save()
    meta = read_document(str(path)).meta
    assert meta.title_text == "Fast wavelet denoising of surface electromyograms"
    assert meta.authors[:1] == ("K Weber",)


def test_pdf_names_side_by_side_on_one_baseline(tmp_path):
    """front19 (brat_drift's class): `Family I.` names set side by side in columns under the
    title (a LaTeX by-line), read as one line."""
    path = tmp_path / "side.pdf"
    c = pdf_canvas(path)
    draw_text(c, 150, 760, "Multiplicative drift with tail bounds", 17)
    for k, name in enumerate(["Petrov K.", "Smirnova A.", "Volkov D."]):
        draw_text(c, 150 + 110 * k, 730, name, 12)
    draw_text(c, 230, 705, "March 3, 2022", 12)
    draw_text(c, 50, 670, "1 Introduction", 14, bold=True)
    for k, line in enumerate(BODY * 2):
        draw_text(c, 50, 650 - 14 * k, line, 10)
    c.save()
    assert read_document(str(path)).meta.authors[:1] == ("Petrov K.",)


def test_a_pdf_title_broken_at_a_compounds_hyphen(tmp_path):
    """A title broken after a compound's hyphen (`… after cryoinjury-` / `induced …`) is joined
    without a space: the hyphen stays, the word is one."""
    path = tmp_path / "hyphen.pdf"
    c = pdf_canvas(path)
    draw_text(c, 50, 780, "Heart regeneration in zebrafish after cryoinjury-", 16, bold=True)
    draw_text(c, 50, 760, "induced myocardial infarction", 16, bold=True)
    draw_text(c, 50, 735, "Anna Berger, Tomas Lind", 11)
    for k, line in enumerate(["Abstract. Zebrafish regenerate their hearts after injury.", "1 Introduction",
                              "The heart of the zebrafish regrows its muscle after a cryoinjury [1]."]):
        draw_text(c, 50, 700 - 14 * k, line, 10)
    c.save()
    assert read_document(str(path)).meta.title_text == "Heart regeneration in zebrafish after cryoinjury-induced myocardial infarction"
