"""The paper's own reference list in the shapes pdftotext gives it (exporter/references/ownlist.py).

Each rule is tested on lines from the real-paper corpus (named) and on Kazakh lines written
the same way. Entry counts and texts were read off these lines by hand.
"""

from __future__ import annotations

import pytest

from exporter.linker import iter_citations
from exporter.model import plain_text, walk
from exporter.readers.plaintext import read_plaintext
from exporter.sourcefile import SourceText
from exporter.references.ownlist import (
    continues_entry,
    entry_end_strength,
    entry_start_strength,
    is_list_subheading,
    is_reference_heading,
    number_entries,
    without_margin_numbers,
)


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
        # Ukrainian wordings, and a numbered section's full stop after the name (lists18,
        # bench/unseen: a Word paper's `Список літератури`, another's `4. Ссылки.`)
        "Список літератури",
        "Список використаних джерел",
        "Використана література",
        "Література",
        "4. Ссылки.",
        "REFERENCES.",
        # a section's number and a dash before the name (lists27)
        "8 - References",
        "5 – Список литературы",
        # Kazakh `деректер` (sources, data) beside `дереккөздер` and `әдебиеттер` (lists27)
        "Қолданылған деректер тізімі",
        "ПАЙДАЛАНЫЛҒАН ДЕРЕКТЕР ТІЗІМІ",
        # an ornament before the name (ACS's `■ REFERENCES` as the PDF reader reads it) and a
        # syllabus's `Основная литература:` (unseen lists, batch 16)
        "■ REFERENCES",
        "Основная литература:",
        # the literature first, then the other sources: the mirror of `источников и литературы` (lists28)
        "СПИСОК ИСПОЛЬЗОВАННОЙ ЛИТЕРАТУРЫ И ИСТОЧНИКОВ",
        "Список литературы и других источников",
        # small capitals as pdftotext gives them, each word's capital apart (IEEEtran journals)
        "R EFERENCES",
        "L ITERATURE C ITED",
    ],
)
def test_list_headings(line):
    assert is_reference_heading(line)


@pytest.mark.parametrize(
    "line",
    ["Литература по теме показывает, что", "2.1 Methods", "A CKNOWLEDGMENT", "I. I NTRODUCTION", "References to figures are given below", "Әдебиеттерге шолу жасалды.", "Ссылки на рисунки даны ниже.",
     "Қолданылған деректер негізінде кесте жасалды.", "8 - References to the figures"],
)
def test_sentences_are_not_headings(line):
    assert not is_reference_heading(line)


def test_a_list_under_a_small_capitals_heading_is_read():
    """An IEEE Transactions paper's pdftotext text: `R EFERENCES` (small capitals), the first
    numbers apart from their entries at the column's top, the authors' biographies after it
    (more lines than a list with no heading may have after it). The list was not found: every
    citation unresolved, the entries' own numbers read as citations."""
    doc = read(
        BODY + "The support is gratefully acknowledged.\n\nR EFERENCES\n[1]\n\n[2]\n\n"
        "W. van der Aalst, “Process mining manifesto,” in Business Process Management Workshops. Berlin: Springer, 2012, pp. 169–194.\n"
        "D. Fahland and B. Weber, “Declarative versus imperative process modeling languages,” in BMMDS, vol. 29. Springer, 2009, pp. 353–366.\n"
        "[3] F. M. Maggi and A. Marrella, “Explaining non-compliance of business process models,” in ICSOC, vol. 11236. Springer, 2018, pp. 181–197.\n"
        + "".join(f"\nAuthor {k} is a professor at the university. On these topics, he authored more than {100 + k}\n"
                  f"papers in journals and conferences. He is recipient of {k} best paper awards, two of\n"
                  "which in the International Conference on Business Process Management.\n" for k in range(1, 21))  # more than a headless list may have after it
    )
    assert [e.number for e in doc.references] == [1, 2, 3]
    assert doc.references[1].text.startswith("D. Fahland and B. Weber, “Declarative")


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
        "ТАБЛИЦЫ",  # the heading of the tables printed after the list, alone on its line
        "Кестелер",
        "Figures:",
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


# ---- a block of numbers, then the texts: where each text starts ---------------------------------

FIELDER_BLOCK = (  # en_fielder lines 1280-1328 (dev half), the first of its two blocks, numbers 1-13 first
    "References\n1.\n2.\n\n3.\n\n4.\n5.\n\n6.\n7.\n\n8.\n9.\n10.\n11.\n12.\n13.\n\n"
    "Fielder, A.; Panaousis, E.; Malacaria, P.; Hankin, C.; Smeraldi, F. Decision support approaches for\n"
    "cybersecurity investment. Decis. Support Syst. 2016, 86, 13–23. [CrossRef]\n"
    "Panaousis, E.; Fielder, A.; Malacaria, P.; Hankin, C.; Smeraldi, F. Cybersecurity Games and Investments:\n"
    "A Decision Support Approach. In Decision and Game Theory for Security; Springer: Berlin/Heidelberg,\n"
    "Germany, 2014; pp. 266–286.\n"
    "Anderson, R. Why information security is hard-an economic perspective. In Proceedings of the Seventeenth\n"
    "Annual Computer Security Applications Conference, New Orleans, LA, USA, 10–14 December 2001;\n"
    "pp. 358–365.\n"
    "Gordon, L.A.; Loeb, M.P. The economics of information security investment. ACM Trans. Inf. Syst. Secur.\n"
    "2002, 5, 438–457. [CrossRef]\n"
    "Anderson, R.; Moore, T. Information security economics–and beyond. In Proceedings of the 27th\n"
    "Annual International Cryptology Conference, Santa Barbara, CA, USA, 19–23 August 2007; Springer:\n"
    "Berlin/Heidelberg, Germany, 2007; pp. 68–91.\n"
    "Van Eeten, M.J.; Bauer, J.M. Economics of Malware: Security Decisions, Incentives and Externalities; OECD Science,\n"
    "Technology and Industry Working Papers; OECD Publishing: Paris, France, 2008.\n"
    "Laszka, A.; Farhang, S.; Grossklags, J. On the Economics of Ransomware. In Proceedings of the 8th\n"
    "International Conference, GameSec 2017, Vienna, Austria, 23–25 October 2017; Springer: Berlin/Heidelberg,\n"
    "Germany, 2017; pp. 397–417.\n"
    "Ponemon Institute LLC. Cost of Data Breach Study; Technical Report; Ponemon Institute LLC: Traverse\n"
    "City, MI, USA, 2017.\n"
    "Ponemon Institute LLC. The Cost of Malware Containment; Technical Report; Ponemon Institute LLC: Traverse\n"
    "City, MI, USA, 2015.\n"
    "Miller, S.; Wagner, C.; Aickelin, U.; Garibaldi, J.M. Modelling cyber-security experts’ decision making\n"
    "processes using aggregation operators. Comput. Secur. 2016, 62, 229–245. [CrossRef]\n"
    "Lee, Y.J.; Kauffman, R.J.; Sougstad, R. Profit-maximizing firm investments in customer information security.\n"
    "Decis. Support Syst. 2011, 51, 904–920. [CrossRef]\n"
    "Chronopoulos, M.; Panaousis, E.; Grossklags, J. An Options Approach to Cybersecurity Investment.\n"
    "IEEE Access 2017, 6, doi:10.1109/ACCESS.2017.2773366. [CrossRef]\n"
    "Benaroch, M. Real Options Models for Proactive Uncertainty-Reducing Mitigations and Applications in\n"
    "Cybersecurity Investment Decision-Making. Inf. Syst. Res. 2017, doi:10.1287/isre.2017.0714. [CrossRef]\n"
)


def test_a_blocks_texts_start_where_an_entry_ends_and_a_name_begins():
    # The entry's year and pages on a line of their own (`2002, 5, 438–457. [CrossRef]`) carry it
    # on; the name after `[CrossRef]` opens the next entry (the entries read off the lines by hand).
    doc = read("Introduction\n\nSee [1], [4] and [13].\n\n" + FIELDER_BLOCK)
    firsts = [e.text.split(" ", 1)[0] for e in doc.references]
    assert firsts == ["Fielder,", "Panaousis,", "Anderson,", "Gordon,", "Anderson,", "Van", "Laszka,", "Ponemon", "Ponemon", "Miller,", "Lee,", "Chronopoulos,", "Benaroch,"]
    assert doc.references[3].text.endswith("ACM Trans. Inf. Syst. Secur. 2002, 5, 438–457. [CrossRef]")
    assert doc.references[11].text.endswith("IEEE Access 2017, 6, doi:10.1109/ACCESS.2017.2773366. [CrossRef]")
    assert doc.references[12].text.startswith("Benaroch, M. Real Options")


def test_a_wrapped_address_and_a_proceedings_line_do_not_open_entries():
    # en_fielder lines 1360-1374 (dev half), numbers 14-19 printed as a block before them
    doc = read(
        "Introduction\n\nSee [14] to [19].\n\nReferences\n1. Fielder, A. Decision support. Decis. Support Syst. 2016, 86, 13–23.\n"
        + "".join(f"{n}. Entry {n}, A. Title {n}. 20{n:02d}.\n" for n in range(2, 14))
        + "14.\n15.\n16.\n\n17.\n18.\n\n19.\n\n"
        "Gordon, L.A.; Loeb, M.P.; Lucyshyn, W.; Zhou, L. Increasing cybersecurity investments in private sector\n"
        "firms. J. Cybersecur. 2015, 1, 3–17. [CrossRef]\n"
        "Moore, T.; Dynes, S.; Chang, F.R. Identifying how Firms Manage Cybersecurity Investment; University of\n"
        "California: Berkeley, CA, USA, 2016.\n"
        "SANS. The Critical Security Controls for Effective Cyber Defense (Version 5.0). Available online: http://www.\n"
        "counciloncybersecurity.org/attachments/article/12/CSC-MASTER-VER50-2-27-2014.pdf (accessed on\n"
        "19 December 2015)\n"
        "CWE. CWE Top 25 Most Dangerous Software Errors (2011). Available online: http://cwe.mitre.org/top25/\n"
        "(accessed on 19 December 2015)\n"
        "Fielder, A.; Panaousis, E. Decision Support Approaches for Cyber Security Investment: Data for Cyber\n"
        "Essentials Case Study. Available online: http://www.panaousis.com/papers/casestudy.pdf (accessed on\n"
        "19 December 2017)\n"
        "Rass, S.; König, S.; Schauer, S. Uncertainty in Games: Using Probability-Distributions as Payoffs.\n"
        "In Proceedings of the 6th International Conference on Decision and Game Theory for Security, London, UK,\n"
        "4–5 November 2015; Springer: Berlin/Heidelberg, Germany, 2015; pp. 346–357.\n"
    )
    by_number = {e.number: e.text for e in doc.references}
    assert [by_number[n].split(" ", 1)[0] for n in range(14, 20)] == ["Gordon,", "Moore,", "SANS.", "CWE.", "Fielder,", "Rass,"]
    assert by_number[16].endswith("CSC-MASTER-VER50-2-27-2014.pdf (accessed on 19 December 2015)")
    assert by_number[19].endswith("Springer: Berlin/Heidelberg, Germany, 2015; pp. 346–357.")


def test_a_gost_journal_line_carries_on_the_entry_above_it():
    # ru_tsp lines 156-175 (dev half): `– 2003. – Т. 4. …` ends entry 5; `С. 116-131` (no full stop) ends entry 4
    doc = read(
        "Введение\n\nЗадача [1], [2], [3], [4], [5].\n\n"
        "Список использованных источников\n1.\n\n2.\n3.\n4.\n5.\n\n"
        "Ковалева Е. А. АНАЛИЗ ВЫБОРА ОПТИМАЛЬНОГО МАРШРУТА ДЛЯ ПЕРЕДВИЖЕНИЯ\n"
        "ГРУЗОВОГО ТРАНСПОРТА В МЕГАПОЛИСЕ //НАУЧНАЯ СЕССИЯ ГУАП. – 2016. – С. 9195.\n"
        "Гребенников М. В., Лысенко А. С., Рыжкин П. П. ЗАДАЧА КОММИВОЯЖЁРА В\n"
        "ЛОГИСТИКЕ //Международная научно-техническая конференция молодых ученых\n"
        "БГТУ им. ВГ Шухова, посвященная 170-летию со дня рождения. – 2023. – С. 49.\n"
        "Меламед И. И., Сергеев С. И., Сигал И. Х. Задача коммивояжера. Точные методы\n"
        "//Автоматика и телемеханика. – 1989. – №. 10. – С. 3-29.\n"
        "Семенов С. С. и др. Анализ трудоемкости различных алгоритмических подходов для\n"
        "решения задачи коммивояжера //Системы управления, связи и безопасности. –\n"
        "2017. – №. 1. – С. 116-131\n"
        "Штовба С. Д. Муравьиные алгоритмы //Exponenta Pro. Математика в приложениях.\n"
        "– 2003. – Т. 4. – №. 4. – С. 70-75.\n"
    )
    assert [e.text.split(" ", 1)[0] for e in doc.references] == ["Ковалева", "Гребенников", "Меламед", "Семенов", "Штовба"]
    assert doc.references[3].text.endswith("//Системы управления, связи и безопасности. – 2017. – №. 1. – С. 116-131")
    assert doc.references[4].text == "Штовба С. Д. Муравьиные алгоритмы //Exponenta Pro. Математика в приложениях. – 2003. – Т. 4. – №. 4. – С. 70-75."


def test_an_entry_cut_by_a_page_break_ends_after_the_next_pages_numbers():
    # ru_gavdan lines 837-892 (held-out half; its REF010 verdicts named the cause): entry 8's
    # URL, access date and DOI come after the next page's block of numbers 9-10.
    doc = read(
        "Введение\n\nСм. [8], [9] и [10].\n\nСПИСОК ЛИТЕРАТУРЫ:\n"
        "1. Ахромеева Т.С. Стратегии и риски цифровой реальности // Стратегические приоритеты. 2017. № 2 (14). С. 88–102.\n"
        + "".join(f"{n}. Автор{n} А.А. Название {n} // Журнал. 2019. С. {n}–{n + 9}.\n" for n in range(2, 8))
        + "8. Салкуцан, Алексей А.; Гавдан, Григорий П.; Полуянов, Андрей А. Методика определения крити\n"
        "процессов на объектах информационной инфраструктуры. Безопасность информационных техн\n"
        "[S.l.].\nТ.\n27,\n№\n2.\nС.\n18–34,\n2020.\nISSN\n2074-7136.\n\n"
        "9.\n10.\n\n"
        "URL:\nhttps://bit.mephi.ru/index.php/bit/article/view/1268/1187.\n(дата\nобращения:\n03.09.20200).\n"
        "DOI: http://dx.doi.org/10.26583/bit.2020.2.02.\n"
        "Рябова В. Китай признал существование кибервойск. D-Russir.ru. URL: https://d-russia.ru/kitaj (дата обращения: 09.08.2020).\n"
        "National\nSecurity\nStrategy\nof\nthe\nUnited States\nof\nAmerica\nDECEMBER\n2017.\n"
        "URL:\nhttps://www.whitehouse.gov/wp-content/uploads/2017/12/NSS-Final-12-18-2017-0905.pdf\n(дата обращения: 04.09.2019).\n"
    )
    by_number = {e.number: e.text for e in doc.references}
    assert by_number[8].endswith("2074-7136. URL: https://bit.mephi.ru/index.php/bit/article/view/1268/1187. (дата обращения: 03.09.20200). DOI: http://dx.doi.org/10.26583/bit.2020.2.02.")
    assert by_number[9].startswith("Рябова В. Китай")
    assert by_number[10].startswith("National Security Strategy") and by_number[10].endswith("(дата обращения: 04.09.2019).")


@pytest.mark.parametrize(
    "line",
    [
        "2002, 5, 438–457. [CrossRef]",  # en_fielder 1308
        "counciloncybersecurity.org/attachments/article/12/CSC-MASTER-VER50-2-27-2014.pdf (accessed on",  # en_fielder 1365
        "(accessed on 19 December 2015)",  # en_fielder 1368
        "In Proceedings of the 6th International Conference on Decision and Game Theory for Security, London, UK,",  # en_fielder 1373
        "– 2003. – Т. 4. – №. 4. – С. 70-75.",  # ru_tsp 175
        "//Автоматика и телемеханика. – 1989. – №. 10. – С. 3-29.",  # ru_tsp 170
        "2017. – №. 1. – С. 116-131",  # ru_tsp 173
        "URL: https://www.anti-malware.ru/analytics/",
        "DOI: http://dx.doi.org/10.26583/bit.2020.2.02.",
        "С. 44–54.",
    ],
)
def test_lines_that_carry_an_entry_on(line):
    assert continues_entry(line)


@pytest.mark.parametrize(
    "line",
    [
        "Benaroch, M. Real Options Models for Proactive Uncertainty-Reducing Mitigations and Applications in",  # en_fielder 1327
        "SANS. The Critical Security Controls for Effective Cyber Defense (Version 5.0). Available online: http://www.",  # en_fielder 1364
        "IEEE Access 2017, 6, doi:10.1109/ACCESS.2017.2773366. [CrossRef]",  # en_fielder 1326: a capitalised line; its weight decides
        "Штовба С. Д. Муравьиные алгоритмы //Exponenta Pro. Математика в приложениях.",  # ru_tsp 174
        "12th International Conference on Cyber Conflict 20/20 VISION: THE NEXT DECADE",  # an ordinal is not a year and pages
    ],
)
def test_lines_that_may_open_an_entry(line):
    assert not continues_entry(line)


def test_an_entry_ends_more_surely_on_a_number_or_bracket_than_on_a_word():
    assert entry_end_strength("Cybersecurity Investment Decision-Making. Inf. Syst. Res. 2017, doi:10.1287/isre.2017.0714. [CrossRef]") == 2
    assert entry_end_strength("2017. – №. 1. – С. 116-131") == 2
    assert entry_end_strength("(accessed on 19 December 2015)") == 2
    assert entry_end_strength("Chronopoulos, M.; Panaousis, E.; Grossklags, J. An Options Approach to Cybersecurity Investment.") == 1
    assert entry_end_strength("Annual Computer Security Applications Conference, New Orleans, LA, USA, 10–14 December 2001;") == 0
    assert entry_start_strength("Benaroch, M. Real Options Models") == 2
    assert entry_start_strength("Кузьмин", "Е.А.") == 2  # a name alone on its line, the initials on the next
    assert entry_start_strength("IEEE Access 2017, 6, doi:10.1109/ACCESS.2017.2773366. [CrossRef]") == 1
    assert entry_start_strength("Security") == 0
    assert entry_start_strength("2002, 5, 438–457. [CrossRef]") == -1


def test_an_entry_holding_only_its_number_and_a_control_character_is_read():
    """Found by hypothesis (tests/hostile, `Әдебиеттер тізімі\\n[1]\\x00`): the entry has no token
    past its marker; it was an IndexError (exit 3)."""
    doc = read_plaintext(SourceText("p.txt", "Әдебиеттер тізімі\n[1]\x00", "utf-8"))
    assert [e.number for e in doc.references] == [1]
    assert doc.references[0].span.line == 2


# ---- unnumbered lists (lists18: bench/unseen_lists.py's APA and JSS lists) ----------------------


def test_an_unnumbered_apa_list_wrapped_without_blank_lines_splits_at_each_author_start():
    # Synthetic, in the form of a psychology journal's APA list as pdftotext gives it: no blank
    # line between entries, authors wrapped over two lines, an organisation as author.
    doc = read(
        "Body text cites (Smith and Jones, 2001).\n\nReferences\n"
        "World Weather Society. (2009). Annual Report. Available at: http://example.org/report;\n"
        "last accessed 23 October 2013.\n"
        "Smith, A. B., Jones, C. and\n"
        "Brown, D. E. (2001). Rain is wetter than snow. Review of\n"
        "General Climate, 5, 323–370. doi:10.1037/1089.\n"
        "Green, K. N., White, L. M. and Black, B.\n"
        "(2006). Hail and its stones. Journal of Ice, 26, 9047–9056.\n"
        "and more Ice Studies (2010). Oddly wrapped.\n"
    )
    assert [e.text[:12] for e in doc.references] == ["World Weathe", "Smith, A. B.", "Green, K. N."]
    assert doc.references[1].text.endswith("doi:10.1037/1089.")


def test_an_unnumbered_jss_list_splits_at_undotted_initials_and_particles_and_ends_at_an_appendix():
    # Synthetic, in the Journal of Statistical Software's form: `Family II (year).`, a family
    # name's particle first, an organisation, then a lettered appendix heading after the list.
    doc = read(
        "Body text cites Bates (2003).\n\nReferences\n"
        "Bates DM, Roy S (2003). “Converting a Package.” In K Hornik (ed.), “Proceedings of the\n"
        "Workshop,” URL http://www.example.org/Proceedings/.\n"
        "Chambers JM (1998). Programming with Data. Springer-Verlag, New York.\n"
        "van Stokkum IHM, Lozier RH (2002). “Target Analysis.” Journal of Chemistry B, 106(13),\n"
        "3477–3485.\n"
        "R Development Core Team (2006). R: A Language. R Foundation, Vienna.\n"
        "\n"
        "A. Partitioned vs. unpartitioned algorithms\n"
        "This appendix considers in detail the memory requirements of the algorithm and compares\n"
        "them to those of the standard one.\n"
    )
    assert [e.text[:8] for e in doc.references] == ["Bates DM", "Chambers", "van Stok", "R Develo"]
    assert doc.references[2].text.endswith("3477–3485.")


def test_a_page_number_alone_inside_an_unnumbered_list_is_no_entry():
    doc = read("Body (Smith, 2001).\n\nReferences\nSmith, A. (2001). One book. London.\n\n153\n\nJones, B. (2002). Two books. Paris.\n")
    assert [e.text for e in doc.references] == ["Smith, A. (2001). One book. London.", "Jones, B. (2002). Two books. Paris."]


def test_a_short_headless_list_whose_entries_read_as_references():
    # two entries and no heading end a conference paper: each has a year and a reference's marks
    doc = read(
        "Прибор собран и проверен [1]. Его можно рекомендовать школам, что и сделано [2].\n\n"
        "1. Сидоров, А. А. Сборка станков / А. А. Сидоров // Вестник техники. – 2019. – № 2. – С. 12–19.\n"
        "2. Нуриева Л. Печать для школ. ЦТП, 2015 – 192 с.\n"
    )
    assert [e.text[:7] for e in doc.references] == ["Сидоров", "Нуриева"]
    # two numbered conclusions with no such marks stay the body
    doc = read("Прибор собран и проверен [1], что и сделано [2].\n\n1. Прибор работает с 2019 года.\n2. Его можно рекомендовать школам.\n")
    assert doc.references == ()


# ---- GOST 7.32's bare numbers, a range cut at a line's end (lists23, batch 6) -----------------------


def test_bare_numbers_under_a_heading_open_entries():
    # Kazakhstani journals and theses number a list `1 Иванов И.И. …` (GOST 7.32: no stop); an
    # entry opens where the next bare number stands before a name and initials, and a number
    # wrapped to a line's start inside an entry (`8 (2), 328.`) opens none.
    doc = read(
        BODY + "ӘДЕБИЕТТЕР ТІЗІМІ\n1 Сәрсенов Б. Ж., Омаров Т. Қазақстан өзендері // Гидрология. – 2010. – № 3. – Б.\n"
        "12-19.\n2 Nowak P., Świątek K. (2019). River sediments. Water,\n8 (2), 328.\n3 Świątek K. Lakes. – Almaty, 2020. – 120 б.\n"
    )
    assert [e.text.split()[0] for e in doc.references] == ["Сәрсенов", "Nowak", "Świątek"]
    assert doc.references[1].text.endswith("8 (2), 328.")


def test_bare_numbers_are_not_read_in_a_list_numbered_with_stops():
    # A list numbered `1.` keeps that form: a later line `2 Petrov A.` inside an entry is its text.
    doc = read(BODY + "Список литературы\n1. Иванов И. И. Книга. – М., 2010. – Табл.\n2 Петров А. Б. и др.\n2. Сидоров В. Статья. – 2011.\n")
    assert [e.text.split()[0] for e in doc.references] == ["Иванов", "Сидоров"]


def test_a_number_after_a_range_cut_at_a_lines_end_opens_no_entry():
    # `pp.1-` / `7.`: the end of a page range wrapped to the next line is no entry number
    # (an unnumbered Harvard list read from a PDF was taken for a list of one entry, `7.`).
    doc = read(
        BODY + "References\nAhuja, R. and Chug, A., 2019. The impact of features. Procedia Computer Science, 152, pp.341-348.\n\n"
        "Harish, B.S., 2017. A survey of feature selection. International Journal of Computer Applications, 164(8), pp.1-\n7.\n\n"
        "He, S., 2022. The market for fake reviews. Marketing Science, 41(5), pp.896-921.\n"
    )
    assert [e.text.split(",")[0] for e in doc.references] == ["Ahuja", "Harish", "He"]


@pytest.mark.parametrize("text", [
    # hypothesis's cases (tests/test_properties.py, tests/hostile): the only `1` after a line
    # ending in a hyphen made a run of no entries, and reading it stopped with an IndexError
    "Мәтін осылай басталады, ал оның тақырыбы да, авторы да жоқ. Бұл мәтіннің өзі.\n0-\n[1]\n",
    "екінші жол сөз-\n1. Бірінші кітап. – Алматы, 2000.\n",
])
def test_a_lone_number_after_a_cut_line_is_no_list(text):
    doc = read_plaintext(SourceText("p.txt", text, "utf-8"))
    assert doc.references == ()


# ---- unnumbered lists: double spacing, an address ending an entry, Chicago's openings (lists23) ------


def test_a_double_spaced_unnumbered_list_is_split_by_the_entries_openings():
    # A double-spaced manuscript read from a PDF stands every line between blank lines: the
    # blank lines then part lines, not entries.
    lines = [
        "Abel, K., & Brandt, M. (2021). A study of items with a long",
        "Title: Rating Scales. Journal of Items, 3(1), 1–9.",
        "Cole, J. (2020). Scales: Tools for reporting. https://CRAN.example.org/",
        "package=scales",
        "Dorn, A. (2019). Another study. Journal of Items, 2(4), 10–19. https://doi.org/10.1000/xyz",
        "Eger, P., & Falk, T. (2018). Measuring twice. Journal",
        "Of Scales, 1(1), 5–6.",
    ]
    doc = read(BODY + "References\n\n" + "\n\n".join(lines) + "\n")
    assert [e.text.split(",")[0] for e in doc.references] == ["Abel", "Cole", "Dorn", "Eger"]
    assert doc.references[1].text.endswith("package=scales")


def test_chicago_author_date_openings_start_entries():
    # pandoc's Chicago author-date: `Family, Given,` in full, `Team. 2022.`, and the same-author
    # dash; a journal's name wrapped to a line's start with its volume opens nothing.
    doc = read(
        BODY + "References\nAbel, Karl, and Mara Brandt. 2010. “A Title.” Journal of Items 213 (16): 2741–47.\n"
        "R Core Team. 2022. R: A Language. Vienna, Austria: R Foundation.\n"
        "Cole, Hadley, Mara Averick, Jennifer Bryan, Winston Chang, and\nLucy Doe. 2019. “Welcome.” Journal of Tools 4 (43): 1686.\n"
        "Dorn, Yihui. 2016. Bookdown: Authoring Books. Boca Raton, Florida: CRC.\n"
        "———. 2023. Bookdown Again. https://github.com/x/bookdown.\n"
        "Eger, P., and T. Falk. 2004. Betula: a cohort study on memory.\nAging, Neuropsychology, and Cognition, 11, 134-148.\n"
    )
    assert [e.text.split()[0] for e in doc.references] == ["Abel,", "R", "Cole,", "Dorn,", "———.", "Eger,"]
    assert doc.references[-1].text.endswith("Cognition, 11, 134-148.")


def test_a_bare_numbered_entry_with_no_author_opens_after_a_complete_entry():
    # a law or a standard in a bare-numbered list (`3 Қазақстан Республикасының Конституциясы.`)
    # opens its entry when the line before ends as an entry surely does
    doc = read(
        BODY + "Пайдаланылған әдебиеттер тізімі\n1 Сәрсенов Б. Ж. Қазақстан өзендері. – Алматы, 2010. – 120 б.\n"
        "2 Омаров Т. Көлдер // Гидрология. – 2011. – № 2. – Б. 5-9.\n3 Қазақстан Республикасының Су кодексі. – Астана, 2003.\n"
        "4 Әбілов А. Шекара. – Астана, 2015.\n"
    )
    assert [e.text.split()[0] for e in doc.references] == ["Сәрсенов", "Омаров", "Қазақстан", "Әбілов"]


def test_a_bare_numbered_list_may_open_with_a_work_under_its_title_and_wrap_its_addresses():
    # biblatex-gost's numbers with no stop (`1 The future … / S. Sakr [et al.]`): a work under its
    # title opens the list on the heading's first line, and a web address wrapped to its own
    # line (`www.example.org.`) ends an entry as surely as one with `https://`
    lines = [
        "Список использованных источников",
        "1 The future of graphs / S. Sakr [et al.] // Communications of the ACM. —",
        "2021. — Vol. 64, no. 9. — P. 62–71.",
        "2 Rodriguez M. A. The Gremlin machine // Proceedings of DBPL. — ACM, 2015. — P. 1–10.",
        "3 Software Heritage [Электронный ресурс]. — 2022. — URL: https://",
        "www.softwareheritage.org.",
        "4 TinkerPop Gremlin backend [Электронный ресурс]. — 2022. — URL: https://",
        "wiki.example.org/wiki/gremlin.",
        "5 Data System Providers [Электронный ресурс]. — 2022. — URL: https:",
        "//tinkerpop.apache.org/providers.html.",
        "6 Dataset [Электронный ресурс]. — 2022. — URL:",
        "https : / / docs . example . org / devel / swh -",
        "dataset/graph/dataset.html.",
        "7 Apache Maven [Электронный ресурс]. — 2022. — URL: https://maven.apache.org.",
    ]
    doc = read(BODY + "\n".join(lines) + "\n")
    assert [e.text.split()[0] for e in doc.references] == ["The", "Rodriguez", "Software", "TinkerPop", "Data", "Dataset", "Apache"]


def test_a_page_count_glued_to_its_mark_ends_an_entry_before_a_bare_numbered_one_with_no_author():
    # GOST's page count or range glued to `с.`/`б.` (`– 21-33с.`, `– 296с.`, `– 140б.`) ends its
    # entry as surely as `296 с.`, so the next bare number before a capital opens an entry (lists27)
    doc = read(
        BODY + "Список использованных источников\n1 Орлов, К.В. Теория сетей / К.В. Орлов. - Москва: Наука, 2001. - 296с.\n"
        "2 Седов, П.А. Графы / П.А. Седов. - Вестник МГУ, 2016. – 21-33с.\n3 Нейронные сети: краткое введение [Электронный ресурс] // 2022. – URL: https://example.org/nn\n"
        "4 Ахметова Г.С. Тарих. – Алматы, 2012. – 140б.\n5 Қазақ тілінің сөздігі. – Алматы, 2008.\n"
    )
    assert [e.text.split()[0] for e in doc.references] == ["Орлов,", "Седов,", "Нейронные", "Ахметова", "Қазақ"]


def test_a_word_heading_with_the_sections_number_and_a_dash_opens_the_list(tmp_path):
    # `8 - References` as a Word paper's heading: the Word reader takes the section's number off
    # and leaves `- References` (lists27, batch 12)
    import docx

    from exporter.readers import read_document

    d = docx.Document()
    for line in ("1 - Introduction", "Games use adaptive music (Lind, 2015).", "8 - References",
                 "Lind, A. (2015) 'Adaptive scores', Game Studies, 3(1), pp. 1-9.", "Moss, B. (2016) Music Systems. Oxford: Clarendon Press."):
        d.add_paragraph(line)
    path = tmp_path / "dash.docx"
    d.save(str(path))
    assert [e.text[:5] for e in read_document(str(path)).references] == ["Lind,", "Moss,"]


def test_a_heading_in_the_contents_is_not_the_list():
    # a thesis's contents name the list (`Список источников` and its page); numbered sections
    # and an enumeration in the body follow it: the list stands under the heading's last
    # occurrence (invented, after lists28's unseen HSE thesis)
    doc = read(
        "Содержание\n1. Введение\n\n3\n\n2. Методы\n\n5\n\nСписок источников\n\n9\n\n"
        "1. Введение\nРабота изучает выбор. Он зависит от многого. Мы это проверим ниже.\n\n"
        "2. Методы\nОпрос задавал вопрос о планах. Ответы были такими:\n3.\n\nда\n\n4.\n\nнет\n\n"
        + "Мы взяли все ответы [1]. Модель описана там же [2].\n" * 40 + "\n"
        "Список источников\n1.\n\nSmith J. A study of plans // Journal of Plans. 2001. №5. С. 1-9.\n"
        "2.\n\nBrown K. Models of choice // Choice Review. 2010. №7. С. 10-20.\n"
    )
    assert [e.text[:5] for e in doc.references] == ["Smith", "Brown"]


def test_a_supplements_list_after_the_papers_leaves_it_in_place():
    # the same heading twice, far apart: the paper's list, then a supplement's (invented)
    body = "Rivers are studied [1], [2].\n" * 30
    doc = read(
        f"Introduction\n{body}\nReferences\n1. Smith J. Rivers. Journal of Rivers. 2001. 5. P. 1-9.\n"
        "2. Brown K. Lakes. Lake Review. 2010. 7. P. 10-20.\n\nSupplement\nMore on rivers [1].\n\n"
        "References\n1. Green A. Ice. Ice Letters. 2015. 3. P. 1-2.\n"
    )
    assert [e.text[:5] for e in doc.references] == ["Smith", "Brown"]


def test_a_one_word_line_does_not_end_the_last_entry():
    # pdftotext sets each word of a justified line on its own line: the last entry's first line
    # `Plans` is not the whole entry, and its designation and address after a blank line go on
    # with it (invented)
    doc = read(
        "Text [1] and [2].\n\nReferences\n1.\n\nSmith J. A study of plans // Journal of Plans. 2001. №5. С. 1-9.\n"
        "2.\nPlans\n\nSurvey of Young People and their\nPlans\n\n[Электронный\n\nресурс].\n\n–\n\nРежим\n\n"
        "доступа:\n\nhttps://example.org/plans, свободный.\n\n28\n"
    )
    last = doc.references[-1].text
    assert last.startswith("Plans Survey of Young People") and "https://example.org/plans" in last and "28" not in last.split()


def test_the_same_author_dash_takes_the_names_of_the_entry_before():
    # IEEE's and Chicago's `——,` for a name list repeated from the entry above (invented entries)
    from exporter.linker import link
    from exporter.references.fields import family_names

    doc = read(
        "Rivers are studied [1], [2], [3].\n\nReferences\n"
        "[1] K. Lind and P. Moss, “Sparse river models,” IEEE Trans. Rivers, vol. 3, no. 1, pp. 1–9, 2014.\n"
        "[2] ——, “Dense river models,” IEEE Trans. Rivers, vol. 4, no. 2, pp. 10–19, 2015.\n"
        "[3] A. Berg, “Lakes,” in Proc. Lake Conf., 2016, pp. 5–6.\n"
    )
    entries = link(doc).document.references
    authors = [family_names(dict(e.fields).get("author")) for e in entries]
    assert authors == [["Lind", "Moss"], ["Lind", "Moss"], ["Berg"]]


def test_chicago_lists_capitalised_particles_a_given_name_cut_at_a_line_end_and_a_volume_carried_over():
    # Chicago author-date from a PDF (invented entries): `De Groot, Anna,` opens an entry as `de Groot,
    # Anna,` does; `…, and Mira S.` at a line's end goes on with the family name on the next line;
    # `41 (3): 12–19.` after a page break carries on the entry before it
    doc = read(
        "Text.\n\nReferences\n"
        "Berg, Karl, and Lisa Moss. 2011. “Rivers in Spring.” Journal of Rivers 4 (2): 1–9.\n"
        "De Groot, Anna, and Paul Lind. 2006. “Lakes in Winter.” Journal of Lakes 5 (1): 10–19.\n"
        "Dahl, Ola, Per Holm, and Mira S.\n"
        "Vik. 2021. “Ice on Fjords.” The Journal of Ice: The Official Journal of the Ice Society\n\n"
        "41 (3): 12–19. https://doi.org/10.1000/ice.2021.\n"
        "Eng, Tor. 2015. “Snow.” Current Snow 25 (19): 2457–65.\n"
    )
    starts = [e.text.split(",")[0] for e in doc.references]
    assert starts == ["Berg", "De Groot", "Dahl", "Eng"]
    assert doc.references[2].text.endswith("https://doi.org/10.1000/ice.2021.")


def test_a_double_spaced_list_is_judged_by_its_own_lines():
    # a double-spaced manuscript's list (a blank line between all lines, as a PDF's text gives it),
    # followed by single-spaced figure captions: the blank lines part lines, not entries (invented)
    entries = [
        ("Berg, K., and Moss, L., 2011. Rivers in spring and the floods that follow them. Journal of", "Rivers 4 , 1–9."),
        ("Holm, P., 2006. Lakes in winter under the first ice of the year. The American Journal of", "Lakes 5 , 10–19."),
        ("Lind, A., 2015. Snow on the high plains of the north. Journal of Applied", "Snow Studies 25 , 245–265."),
        ("Moss, L., 2012. Ice on fjords in the long dark months of the year. Journal of", "Ice 3 , 1–5."),
    ]
    body = "\n\n".join(f"{a}\n\n{b}" for a, b in entries)
    captions = "\n".join(f"Figure {n}: A caption line that runs on.\nAnd its second line, set single." for n in range(1, 16))
    doc = read(f"Text.\n\nReferences\n\n{body}\n\n{captions}\n")
    assert [e.text.split(",")[0] for e in doc.references] == ["Berg", "Holm", "Lind", "Moss"]
    assert doc.references[0].text.endswith("Journal of Rivers 4 , 1–9.")


# ---- a list printed in parts ----------------------------------------------------------------------


@pytest.mark.parametrize("line", ["Дополнительные источники", "Электронные ресурсы:", "Нормативно-правовые акты", "Литература на английском языке:",
                                  "Internet resources", "Primary sources:", "Интернет-көздер"])
def test_a_parts_name_inside_a_list_is_a_subheading(line):
    assert is_list_subheading(line)


@pytest.mark.parametrize("line", ["Режим доступа:", "Иванов И. И. Книга.", "Издательство МГУ", "Open Source Software",
                                  "Electronic Resources Management in Libraries", "URL: https://example.org/resources",
                                  "Ресурсы 2020 года", "источники и методы."])
def test_an_entry_or_a_piece_of_one_is_no_subheading(line):
    assert not is_list_subheading(line)


def test_a_parts_name_between_numbered_entries_belongs_to_no_entry():
    """A list in parts (books, then web pages under `Электронные ресурсы:`): the part's name
    printed between two numbered entries is not glued to the entry before it (unseen lists, batch 15's
    Word practice report; invented entries here)."""
    doc = read(BODY + "Список литературы\n1. Иванов И. И. Проектирование систем. – М.: Наука, 2010. – 200 с.\n"
               "Дополнительные источники\n2. Петров П. П. Базы данных. – СПб.: Питер, 2012. – 300 с.\n"
               "Электронные ресурсы:\n3. Сайт о базах данных [Электронный ресурс]. – URL: https://example.org/db (дата обращения: 01.02.2022).\n")
    assert [e.text for e in doc.references] == [
        "Иванов И. И. Проектирование систем. – М.: Наука, 2010. – 200 с.",
        "Петров П. П. Базы данных. – СПб.: Питер, 2012. – 300 с.",
        "Сайт о базах данных [Электронный ресурс]. – URL: https://example.org/db (дата обращения: 01.02.2022).",
    ]


# ---- a manuscript's margin line numbers -----------------------------------------------------------

_MARGIN_ENTRIES = [
    ("[1] A. B. Smith, C. D. Jones, Rain is wetter than snow in the northern", "hemisphere over most years, J. Invent. Clim. 12 (3) (2011)", "101–118."),
    ("[2] E. F. Brown, Hail and its stones, Wiley, New York, 2006.",),
    ("[3] G. H. Green, K. L. White, Snowflakes under", "the microscope, in: Proceedings of the Invented", "Conference on Weather, 2015, pp. 33–41."),
    ("[4] Q. R. Stone, Fog, Invent. Rev. 7 (2009) 1–20.",),
]
_MARGIN_TEXTS = ["A. B. Smith, C. D. Jones, Rain is wetter than snow in the northern hemisphere over most years, J. Invent. Clim. 12 (3) (2011) 101–118.",
                 "E. F. Brown, Hail and its stones, Wiley, New York, 2006.",
                 "G. H. Green, K. L. White, Snowflakes under the microscope, in: Proceedings of the Invented Conference on Weather, 2015, pp. 33–41.",
                 "Q. R. Stone, Fog, Invent. Rev. 7 (2009) 1–20."]


def test_margin_line_numbers_alone_between_the_lines_are_no_part_of_the_entries():
    """An elsarticle preprint with lineno's margin numbers as pdftotext sets them: each number
    alone between two lines of text (invented entries; a leftover of issue 16)."""
    lines = [line for entry in _MARGIN_ENTRIES for line in entry]
    text = "".join(f"{line}\n\n{n}\n\n" for n, line in enumerate(lines, start=210))
    doc = read("Introduction\n\nEarlier work [1, 2] and more [3, 4].\n\nReferences\n\n" + text)
    assert [e.text for e in doc.references] == _MARGIN_TEXTS


def test_margin_line_numbers_before_each_line_are_no_part_of_the_entries():
    """The same list as a PDF's baselines give it: each line's number before its text (`9 [1] A. B.`)."""
    lines = [line for entry in _MARGIN_ENTRIES for line in entry]
    text = "".join(f"{n} {line}\n" for n, line in enumerate(lines, start=9))
    doc = read("Introduction\n\nEarlier work [1, 2] and more [3, 4].\n\nReferences\n" + text)
    assert [e.text for e in doc.references] == _MARGIN_TEXTS


def test_bare_entry_numbers_one_a_line_are_not_margin_numbers():
    """GOST 7.32's bare entry numbers, one entry a line, count entries from 1: they stay the list's numbers."""
    doc = read(BODY + "Әдебиеттер тізімі\n" + "".join(f"{n} Иванов{n} И. И. Книга номер {n}. – М.: Наука, 200{n}. – 100 с.\n" for n in range(1, 7)))
    assert [e.number for e in doc.references] == [1, 2, 3, 4, 5, 6]
    assert doc.references[0].text.startswith("Иванов1 И. И.")


def test_bare_entry_numbers_of_entries_of_several_lines_are_not_margin_numbers():
    """Bare entry numbers that count on from 6 (a Kazakhstani journal's list whose first entries
    the PDF reader set apart; batch 6's temirzhanova_hydromet): an entry of two lines has one
    number, so they are the entries' numbers, not the lines'."""
    lines = ["СПИСОК ЛИТЕРАТУРЫ"] + [row for n in range(6, 14) for row in (f"{n} Иванов{n} И. И. Распределение элементов в донных", "отложениях реки // Вестник. – 2020. – № 2. – С. 10–20.")]
    assert without_margin_numbers(lines, 0) == lines


def test_acs_entry_numbers_in_round_brackets_under_a_heading():
    """The American Chemical Society's `(1) Name, I.; …` numbers (unseen lists, batch 16's chemistry
    article; invented entries): read under a heading whose first line opens with `(1)`, each entry
    wrapped over lines; a wrapped line opening with the issue's bracket (`(12), 1−20.`) stays inside."""
    doc = read("Introduction\n\nEarlier work (1, 2) and more (3).\n\nREFERENCES\n\n"
               "(1) Department of Weather (DOW). Solving Rain; 2018; p 51.\n"
               "(2) Stone, Q. R.; Wood, S. T. Fog over Invented Plains. J. Invent. Chem. 2009, 7\n"
               "(12), 1−20.\n"
               "(3) Green, G. H.; White, K. L. Snowflakes. Nat. Invent. 2015, 4, eaaq1566.\n")
    assert [e.text for e in doc.references] == [
        "Department of Weather (DOW). Solving Rain; 2018; p 51.",
        "Stone, Q. R.; Wood, S. T. Fog over Invented Plains. J. Invent. Chem. 2009, 7 (12), 1−20.",
        "Green, G. H.; White, K. L. Snowflakes. Nat. Invent. 2015, 4, eaaq1566.",
    ]


def test_a_parts_name_with_commas_before_its_colon_is_a_subheading():
    assert is_list_subheading("Перечень Интернет-ресурсов, необходимых для освоения дисциплины:")
    assert not is_list_subheading("Перечень Интернет-ресурсов, необходимых для освоения дисциплины")


# ---- a heading in other words ---------------------------------------------------------------------

OTHER_WORDS_LIST = (
    "1. Иванов И. И. Теория информации / И. И. Иванов. – М.: Наука, 2010. – 245 с.\n"
    "2. Petrov P. Coding theory // Journal of Codes. – 2015. – Vol. 3. – P. 12–20.\n"
    "3. Сидоров С. С. Сети передачи данных. – СПб.: Питер, 2018. – 320 с.\n"
)


@pytest.mark.parametrize("heading", ["Перечень информационных источников", "7. Основные источники:", "Cited works"])
def test_a_list_under_a_heading_in_other_words_is_read(heading):
    """No heading in the known wordings, but a short line naming the sources followed by
    numbered entries that read as references: the list (it was taken for body text, and its
    entries' numbers for nothing at all)."""
    # an appendix after it: more lines than a list with no heading may have after it
    appendix = "\nПриложение А\n" + "".join(f"Строка {k} приложения с описанием таблицы исходных данных.\n" for k in range(45))
    doc = read(BODY + heading + "\n" + OTHER_WORDS_LIST + appendix)
    assert [e.number for e in doc.references] == [1, 2, 3]
    assert doc.references[1].text.startswith("Petrov P. Coding theory")


def test_a_literature_review_section_is_no_list():
    """`Обзор литературы` names literature too; numbered points that read as prose under it are
    the paper's, not a list."""
    doc = read("Кіріспе\n\nБұл мәселе бұрын зерттелген.\n\nОбзор литературы\n"
               "1. Первые работы по теме появились давно, и с тех пор их число только росло.\n"
               "2. Затем интерес к теме усилился, и появились обзоры по разным направлениям.\n"
               "3. Наконец, сейчас эта тема стала одной из самых обсуждаемых в науке.\n")
    assert not doc.references


def test_a_bare_number_not_taken_first_does_not_set_the_lists_form():
    """Under a heading, a first line opening with a number that cannot open a list (`12 Smith J. A.`, a
    manuscript's line number or a year's tail) was taken as proof of GOST 7.32's bare form
    though no entry was taken; the next line without a number then crashed the reader
    (IndexError: a real preprint's PDF). The numbered entries after it are read."""
    lines = ["References", "12 Smith J. A. supplied the data sets of this study", "that were used,",
             "1. Ivanov I. I. Title of a book. – M.: Nauka, 2010. – 245 p.",
             "2. Petrov P. P. Another title // Journal. – 2015. – Vol. 3. – P. 12–20."]
    starts = number_entries(lines, 1, len(lines), bare=True)
    assert [(s.line, s.number) for s in starts] == [(3, 1), (4, 2)]


def test_the_last_entrys_host_mark_on_a_line_of_its_own_carries_it_on():
    # pdftotext sets each word of a justified last entry on a line of its own (`[Электронный` /
    # `ресурс]` / `//` / `site.ru.`): GOST's host mark `//` after a blank line carries the entry on,
    # as `URL:` and `[Электронный ресурс]` do; the page number and the appendix heading end it (lists35)
    lines = [
        "Список литературы",
        "1.",
        "",
        "Петров А. Б. Базы данных. – М.: Наука, 2010. – 200 с.",
        "2.",
        "",
        "Работа с отчётами в учётных системах",
        "",
        "[Электронный",
        "",
        "ресурс]",
        "",
        "//",
        "",
        "example.ru.",
        "",
        "https://example.ru/reports/12.",
        "",
        "47",
        "",
        "ПРИЛОЖЕНИЯ",
    ]
    doc = read(BODY + "\n".join(lines) + "\n")
    texts = [e.text for e in doc.references]
    assert len(texts) == 2
    assert "// example.ru." in texts[1] and "https://example.ru/reports/12" in texts[1]
    assert "ПРИЛОЖЕНИЯ" not in texts[1] and "47" not in texts[1].replace("12.", "")


APA_BODY = "Introduction\n\nThis was studied before (Smith, 2018; Brown, 2019).\n\n"


def test_a_doi_cut_at_its_slash_goes_on_after_a_blank_line():
    # a double-spaced PDF's text: the DOI's tail after a blank line is the rest of the address, no
    # entry of its own (it was read as a fourth entry `13670050.2018.1434563`) (lists35)
    lines = [
        "References", "",
        "Smith, J. A., & Lee, K. (2018). Bilingual schooling in two cities. Journal of Bilingual",
        "Education, 21(3), 257–270. https://doi.org/10.1080/", "",
        "13670050.2018.1434563", "",
        "Brown, K. (2019). Language policy at home. Journal of Sociolinguistics, 23(1), 10–29.", "",
        "Chen, W., & Park, S. (2020). Reading in a second language. Language Learning, 70(2), 1–30.", "",
    ]
    doc = read(APA_BODY + "\n".join(lines) + "\n")
    texts = [e.text for e in doc.references]
    assert [t.split()[0] for t in texts] == ["Smith,", "Brown,", "Chen,"]
    assert texts[0].endswith("https://doi.org/10.1080/13670050.2018.1434563")


def test_a_doi_without_its_resolver_cut_at_its_slash_is_joined_without_a_space():
    # `doi:10.1080/` at a line's end, its suffix on the next line: one address, as a cut URL is
    lines = [
        "References",
        "Smith, J. A., & Lee, K. (2018). Bilingual schooling in two cities. Journal of Bilingual",
        "Education, 21(3), 257–270. doi:10.1080/",
        "13670050.2018.1434563",
        "Brown, K. (2019). Language policy at home. Journal of Sociolinguistics, 23(1), 10–29.",
    ]
    doc = read(APA_BODY + "\n".join(lines) + "\n")
    texts = [e.text for e in doc.references]
    assert len(texts) == 2
    assert texts[0].endswith("doi:10.1080/13670050.2018.1434563")


def test_a_bare_numbered_entry_may_open_with_a_lower_case_program_name():
    # biblatex-gost's bare numbers: a work described under its name, a program's written in lower
    # case (`3 git-annex [Электронный ресурс]`), opens the next entry after one that ended surely
    # (lists35; lineno34's thesis lost these entries to the one before)
    lines = [
        "Список использованных источников",
        "1 Chacon S. Pro Git. — Apress, 2014. — 456 p.",
        "2 Loeliger J. Version control with Git. — O'Reilly, 2012. — 452 p.",
        "3 git-annex [Электронный ресурс]. — 2023. — URL: https://git-annex.branchable.com/",
        "4 libgit2 [Электронный ресурс]. — 2023. — URL: https://libgit2.org/",
        "5 Spinellis D. Version control systems // IEEE Software. — 2005. — Vol. 22, no. 5. — P. 108–109.",
    ]
    doc = read(BODY + "\n".join(lines) + "\n")
    assert [e.text.split()[0] for e in doc.references] == ["Chacon", "Loeliger", "git-annex", "libgit2", "Spinellis"]


def test_a_wrapped_page_count_after_a_bare_numbered_entry_opens_nothing():
    lines = [
        "Список использованных источников",
        "1 Орлов К. В. Теория сетей. — М.: Наука, 2001. — 296 с.",
        "2 Седов П. А. Графы и сети. — М.: Мир, 2016.",
        "3 с. Приложение к журналу «Вестник».",
        "3 Ахметова Г. С. Тарих. — Алматы, 2012. — 140 б.",
    ]
    doc = read(BODY + "\n".join(lines) + "\n")
    assert [e.text.split()[0] for e in doc.references] == ["Орлов", "Седов", "Ахметова"]
