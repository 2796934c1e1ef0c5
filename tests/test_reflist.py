"""The paper's own reference list in the shapes pdftotext gives it (exporter/references/ownlist.py).

Each rule is tested on lines from the real-paper corpus (named) and on Kazakh lines written
the same way. Entry counts and texts were read off these lines by hand.
"""

from __future__ import annotations

import pytest

from exporter.linker import iter_citations
from exporter.model import plain_text, walk
from exporter.readers.plaintext import read_plaintext
from exporter.readers.plaintext.sourcefile import SourceText
from exporter.references.ownlist import is_reference_heading


def read(text: str):
    return read_plaintext(SourceText("p.txt", text, "utf-8"))


def body_text(doc) -> str:
    return " ".join(plain_text(getattr(b, "inlines", ())) for b in doc.blocks)


def cited(doc) -> list[str]:
    return [r.label for c in iter_citations(doc) for r in c.refs]


BODY = "Кіріспе\n\nБұл мәселе бұрын зерттелген [1], кейін [2] және [3] еңбектерінде қаралды.\n\n"


# ---- headings -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "line",
    [
        "VII. REFERENCES",  # en_iqbal line 1074
        "6. REFERENCES",  # en_dutot line 1007
        "IX. REFERENCES",
        "6. Литература",
        "СПИСОК ЛИТЕРАТУРЫ:",  # ru_gavdan line 787
        "Список Литературы",  # ru_nikulin line 598
        "Список используемой литературы:",  # ru_bogadurov line 206
        "Библиографический список",  # ru_glushenko line 480
        "Bibliographical list",  # ru_glushenko line 522
        "Список использованных источников",  # ru_butsenko line 843
        "Ссылки на источники / References",
        "Әдебиеттер тізімі",
        "ӘДЕБИЕТТЕР ТІЗІМІ:",
        "Пайдаланылған әдебиеттер",
        "5. Пайдаланылған әдебиеттер тізімі",
        "Әдебиеттер тізімі / References",
        "Literature cited",
    ],
)
def test_list_headings(line):
    assert is_reference_heading(line)


@pytest.mark.parametrize(
    "line",
    ["Литература по теме показывает, что", "2.1 Methods", "References to figures are given below", "Әдебиеттерге шолу жасалды."],
)
def test_sentences_are_not_headings(line):
    assert not is_reference_heading(line)


# ---- entry numbers --------------------------------------------------------------------------------


def test_number_alone_on_its_line_is_one_entry_and_swallows_nothing():
    # ru_yagyaeva lines 406-411: "4." alone, its text on the next line, then "5. ..."
    doc = read(
        BODY + "Литература\n"
        "3. Щерба В.К. Стандарты вычислительных сетей / В.К.Щербо. – М.:Кудиц, 2000.\n"
        "4.\n"
        "Олифер В.Г. Базовые технологии локальных сетей / В.Г. Олифер. – СПб.: Питер, 2003.\n"
        "5. Ягьяева Л.Т. Высокоскоростные распределенные сети. С.240-241.\n"
    )
    assert [e.number for e in doc.references] == [3, 4, 5]
    assert doc.references[1].text.startswith("Олифер В.Г. Базовые")
    assert "Ягьяева" not in doc.references[1].text


def test_kazakh_number_alone_after_a_blank_line():
    # the ru_voronkin shape (lines 250-262): "1." alone, a blank line, then the text
    doc = read(
        BODY + "Әдебиеттер тізімі\n1.\n\nСүлейменов Б. Қазақстан тарихы. – Алматы, 2010.\n\n2.\n\n"
        "Әбілов А. Шекара мәселелері. – Астана, 2015.\n3.\n\nНұрланов Е. Көрші елдер. – Алматы, 2019.\n"
    )
    assert [e.number for e in doc.references] == [1, 2, 3]
    assert doc.references[0].text == "Сүлейменов Б. Қазақстан тарихы. – Алматы, 2010."
    assert doc.references[2].text == "Нұрланов Е. Көрші елдер. – Алматы, 2019."


def test_bracketed_number_alone_on_its_line():
    doc = read(BODY + "References\n[1]\nSmith J. Title one. 2001.\n[2]\nDoe A. Title two. 2002.\n[3] Roe B. Title three. 2003.\n")
    assert [(e.number, e.text) for e in doc.references] == [
        (1, "Smith J. Title one. 2001."),
        (2, "Doe A. Title two. 2002."),
        (3, "Roe B. Title three. 2003."),
    ]


def test_numbers_printed_as_a_block_then_the_texts():
    # ru_tsp lines 156-175: numbers 1.-5. first, the five texts afterwards
    doc = read(
        "Введение\n\nЗадача коммивояжёра [1] рассмотрена в [2], [3], [4] и [5].\n\n"
        "Список использованных источников\n1.\n\n2.\n3.\n4.\n5.\n\n"
        "Ковалева Е. А. Анализ выбора грузового транспорта. 2019.\n"
        "Гребенников М. В., Лысенко А. Логистика. 2018.\n"
        "Меламед И. И., Сергеев С. И. Задача коммивояжера //Автоматика и телемеханика. 1989.\n"
        "Семенов С. С. и др. Анализ трудоемкости решения задачи коммивояжера\n"
        "2017. – №. 1. – С. 116-131.\n"
        "Штовба С. Д. Муравьиные алгоритмы. – 2003. – Т. 4. – №. 4. – С. 70-75.\n"
    )
    assert [e.number for e in doc.references] == [1, 2, 3, 4, 5]
    assert doc.references[0].text.startswith("Ковалева")
    assert doc.references[3].text == "Семенов С. С. и др. Анализ трудоемкости решения задачи коммивояжера 2017. – №. 1. – С. 116-131."
    assert doc.references[4].text.startswith("Штовба")


def test_a_year_at_a_line_start_does_not_open_an_entry():
    # en_kopp: "2072. CEUR-WS.org" is the end of a wrapped entry, not entry 2072
    doc = read(BODY + "References\n1. Kopp O. Title. In: Proc. of the Workshop, vol.\n2072. CEUR-WS.org (2018)\n2. Roe B. Other. 2003.\n")
    assert [e.number for e in doc.references] == [1, 2]
    assert doc.references[0].text.endswith("2072. CEUR-WS.org (2018)")


def test_interleaved_columns_keep_every_bracketed_number():
    # en_bigtable: the two columns come out as [1]-[2], [5]-[6], [3], [7], [4]
    doc = read(
        "Intro\n\nAs in [1] and [5].\n\nReferences\n[1] A. One. 2001.\n[2] B. Two. 2002.\n[5] E. Five. 2005.\n"
        "[6] F. Six. 2006.\n[3] C. Three. 2003.\n[7] G. Seven. 2007.\n[4] D. Four. 2004.\n"
    )
    assert sorted(e.number for e in doc.references) == [1, 2, 3, 4, 5, 6, 7]


def test_entries_printed_before_the_heading_continue_the_list():
    # en_yang: the right column ([3], [4]) comes out before "REFERENCES" and entries [1], [2]
    doc = read(
        "Intro\n\nPlanners [1], [2], [3] and [4] differ.\n\n"
        "[3] C. Three. Planning[J]. 2003.\n[4] D. Four. Paths[C]. 2004.\n\nREFERENCES\n[1] A. One. 2001.\n[2] B. Two. 2002.\n"
    )
    assert [e.number for e in doc.references] == [3, 4, 1, 2]
    assert "C. Three" not in body_text(doc)


# ---- where the list ends ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "after",
    [
        "Для цитирования: Иванов И.И. Статья // Журнал. 2020. № 4. С. 1–10.",  # ru_gavdan
        "© Л. Т. Ягьяева – ст. преп. кафедры, Казанский университет.",  # ru_yagyaeva line 428
        "__________________________________________________",
        "Рис. 1. Схема сети",
        "Авторлар туралы мәлімет",
        "Abstract. The paper deals with the risk of projects.",
    ],
)
def test_what_follows_the_list_is_not_the_last_entry(after):
    doc = read(BODY + "Әдебиеттер тізімі\n1. Сүлейменов Б. Тарих. – Алматы, 2010.\n2. Әбілов А. Шекара.\n– Астана, 2015.\n" + after + "\nкейінгі мәтін\n")
    assert [e.number for e in doc.references] == [1, 2]
    assert doc.references[1].text == "Әбілов А. Шекара. – Астана, 2015."


def test_a_blank_line_after_a_complete_last_entry_ends_the_list():
    # ru_goldenberg lines 383-392: the journal's running footer follows the last entry
    doc = read(BODY + "СПИСОК ЛИТЕРАТУРЫ\n1. Piminov P.A. // Phys. Proc. 2016. V. 84. P. 19.\n2. Meshkov O.I. // JINST.\n2010. V. 5. P. 03004.\n\nИЗВЕСТИЯ РАН. СЕРИЯ ФИЗИЧЕСКАЯ\n\nтом 83\n")
    assert doc.references[-1].text == "Meshkov O.I. // JINST. 2010. V. 5. P. 03004."


# ---- two lists ---------------------------------------------------------------------------------------


def test_a_transliterated_twin_is_recognised_and_the_first_list_is_the_list():
    # ru_korotin: "СПИСОК ЛИТЕРАТУРЫ:" (14) then "REFERENCES:" with the same entries transliterated
    doc = read(
        BODY + "Әдебиеттер тізімі\n1. Сүлейменов Б. Қазақстан тарихы. – Алматы, 2010.\n2. Әбілов А. Шекара мәселелері. – Астана, 2015.\n"
        "3. Нұрланов Е. Көрші елдер. – Алматы, 2019.\n\nReferences\n1. Sulejmenov B. Qazaqstan tarihy. Almaty, 2010.\n"
        "2. Abilov A. Shekara maseleleri. Astana, 2015.\n3. Nurlanov E. Korshi elder. Almaty, 2019.\n"
    )
    assert [e.text.split()[0] for e in doc.references] == ["Сүлейменов", "Әбілов", "Нұрланов"]
    assert "Sulejmenov" not in body_text(doc)
    assert all("Sulejmenov" not in e.text and "References" not in e.text for e in doc.references)


# ---- no heading -----------------------------------------------------------------------------------


def test_a_list_with_no_heading_is_the_trailing_run_of_cited_numbers():
    # en_montoya lines 274-276: a sentence breaks off and "[1] Hu W., ..." starts the list
    doc = read(
        "Intro\n\nThe dark matter [1], [2] and its halo [3] were studied.\n\nTo get in concordance between the model and the\n\n"
        "[1] Hu W., Barkana R. Phys. Rev. Lett. 85, 1158 (2000).\n[2] Matos T. Class. Quantum Grav. 17 (2000).\n[3] Lee J. Phys. Rev. D 53 (1996).\n"
    )
    assert [e.number for e in doc.references] == [1, 2, 3]
    assert cited(doc) == ["1", "2", "3"]


def test_a_numbered_list_in_the_body_is_not_taken_for_a_reference_list():
    # the seed's shape: numbered points in the text, nothing cited by those numbers
    doc = read("Кіріспе\n\nМақсаттар:\n1. Тарихты зерттеу.\n2. Шекараны анықтау.\n3. Қорытынды жасау.\n\nБұл жұмыс [7] негізінде.\n")
    assert doc.references == ()


def test_body_text_between_entries_goes_back_to_the_body():
    # en_montoya lines 295-317: the end of the conclusion, citing [4] and [5], stands between entries
    doc = read(
        "Intro\n\nEarlier work [1], [2], [3].\n\nReferences\n[1] A. One. 2001.\n[2] B. Two. 2002.\n[3] C. Three. 2003.\n\n"
        "observations, it is needed at least a value of the optical depth.\nThe most promising feature resides in its condensate state [4],\n"
        "[5]. We have shown that the change in the type of statistics\nhas effects in the spectrum which must be taken into account\n"
        "in further work on this model and its parameters.\nAll the analysis was done using the public code CMBFAST.\n\n"
        "[4] D. Four. 2004.\n[5] E. Five. 2005.\n"
    )
    assert [e.number for e in doc.references] == [1, 2, 3, 4, 5]
    assert doc.references[2].text == "C. Three. 2003."
    assert "4" in cited(doc) and "5" in cited(doc)


def test_kazakh_list_with_no_heading():
    doc = read(
        "Кіріспе\n\nШекара мәселесі [1] мен [2] еңбектерінде, ал сауда [3] жұмысында қаралды.\n\n"
        "[1] Сүлейменов Б. Қазақстан тарихы. – Алматы, 2010.\n[2] Әбілов А. Шекара мәселелері. – Астана, 2015.\n"
        "[3] Нұрланов Е. Көрші елдер. – Алматы, 2019.\n"
    )
    assert [e.number for e in doc.references] == [1, 2, 3]
    assert doc.references[2].text == "Нұрланов Е. Көрші елдер. – Алматы, 2019."


def test_kazakh_interleaved_columns():
    doc = read(
        BODY + "Әдебиеттер тізімі\n[1] Сүлейменов Б. Тарих. 2010.\n[3] Нұрланов Е. Көршілер. 2019.\n"
        "[2] Әбілов А. Шекара. 2015.\n[4] Омаров С. Сауда. 2020.\n"
    )
    assert [e.number for e in doc.references] == [1, 3, 2, 4]
    assert doc.references[1].text == "Нұрланов Е. Көршілер. 2019."


# ---- numbered section headings are never a reference list (issue 16) ------------------------

# en_fielder lines 44-49 and 190-192 (dev half): numbered headings, each opening prose.
FIELDER_SECTIONS = (
    "1. Introduction\n"
    "Many organizations do not have a solid foundation for effective information security risk\n"
    "management. As a result, the increasingly evolving threat landscape in combination with the\n"
    "lack of appropriate cybersecurity defences pose several and important risks. On the other hand,\n"
    "the implementation of optimal cybersecurity strategies is studied in [1] and [2].\n\n"
    "2. Proposed Methodology\n"
    "Game theory has been used to model the interaction between a defender and an attacker [3].\n"
    "The defender chooses controls. The attacker chooses targets. Both maximise their payoff.\n"
    "Payoffs are computed from the risk assessment values of each asset and threat pair.\n\n"
    "3. Experiments\n"
    "We ran the tool on three organisations. Each had a different budget. The results follow.\n"
    "The first organisation spent most of its budget on training. The second on patching.\n\n"
)


@pytest.mark.parametrize("line", ["1 Introduction", "2 Data Model", "1. Introduction", "2. Proposed Methodology", "1. Введение", "4. Заключение"])
def test_a_numbered_section_heading_reads_as_one(line):
    # en_bigtable lines 22, 60; en_fielder lines 44, 190; Russian papers' `1. Введение`
    from exporter.references.ownlist import is_numbered_section_heading

    assert is_numbered_section_heading(line)


@pytest.mark.parametrize(
    "line",
    [
        "1. Piminov P.A., Baranov G.N., Bogomyagkov A.V. Beam diagnostics",  # ru_goldenberg line 373
        "[22] KX . COM. kx.com/products/database.",  # en_bigtable line 1289
        "1. Формальский А.М. Управление движением неустойчивых объектов. – М.: ФИЗМАТЛИТ, 2012.",  # ru_dimitrov ¶107
        "[5] Apache Hadoop. 2012.",
        "1.",
    ],
)
def test_an_entry_line_is_not_a_section_heading(line):
    from exporter.references.ownlist import is_numbered_section_heading

    assert not is_numbered_section_heading(line)


def test_numbered_sections_are_not_a_headless_list():
    # the abstract cites [1]–[3]; the list itself lost its heading (`Bibliografia` is not one we know)
    doc = read(
        "Abstract: risk tools [1], [2], [3] are compared.\n\n" + FIELDER_SECTIONS
        + "4. Discussion\nThe tool gives effective decision support. It is cheap. It is quick to run.\n"
        "It needs risk values. They may be inaccurate. The game still helps.\n"
    )
    assert doc.references == ()
    assert "2. Proposed Methodology" in body_text(doc) and "4. Discussion" in body_text(doc)


def test_a_literature_section_is_not_the_list_under_its_heading():
    # `2. Literature` names a section of the body (a review), not the list: its numbered
    # sections are not entries, and the real list under `References` is read
    doc = read(
        "1. Introduction\nRisk is studied [1]. Games are used [2].\n\n"
        "2. Literature\nEarlier work looked at budgets [1] and at games [2]. Both are old. Neither used\n"
        "risk values. We add them here. The review ends with a gap. The gap is closed below.\n"
        "The method follows. The experiments follow it. The discussion ends the paper.\n\n"
        "3. Method\nThe defender chooses controls. The attacker chooses targets. Both maximise a payoff.\n"
        "Payoffs come from risk values. The values are estimates. They are fuzzy numbers.\n"
        "We solve the game. The solution is a mixed strategy. It is computed by linear programming.\n\n"
        "4. Results\nThe tool helped. It was cheap. It was quick. Budgets were spent better.\n"
        "The first organisation gained most. The second gained less. The third gained nothing.\n"
        "All three kept using it. They asked for more features. We will add them.\n\n"
        "References\n1. Gordon L.A., Loeb M.P. The economics of information security investment. 2002.\n"
        "2. Fielder A. et al. Decision support approaches for cyber security investment. 2016.\n"
    )
    assert [e.number for e in doc.references] == [1, 2]
    assert doc.references[0].text.startswith("Gordon")


def test_short_entries_that_look_like_headings_stay_a_list():
    # ru_bogadurov lines 206-224 (dev half): entry titles cut one word per line (`1. Основы`,
    # `3. Статья`) look like headings but hold a sentence, not a section
    doc = read(
        "Введение\n\nВейвлеты описаны в [1] и [2], примеры в [3] и [4].\n\n"
        "Список используемой литературы:\n1. Основы\n\nтеории\n\nвейвлет-преобразования.\n\n"
        "Url:https://basegroup.ru/community/articles/intro-wavelets (Дата обращения: 16.05.2023)\n"
        "2. Н. М. Астафьева, Вейвлет-анализ: основы теории и примеры применения, УФН, 1996, том 166.\n"
        "3. Статья\n\nна\n\nтеме:\n\nВейвлет\n\n–\n\nанализ.\n\nОсновы.\n\nUrl:https://habr.com/ru/articles/449646/\n"
        "4. Статья\n\nна\n\nтему:\n\nВейвлеты.\n\nUrl:https://habr.com/ru/articles/1/\n"
    )
    assert [e.number for e in doc.references] == [1, 2, 3, 4]
