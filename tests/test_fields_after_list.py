"""A translated abstract and keywords printed after the reference list (issue 16: Russian and
Kazakh journals print the English title block there — ru_butsenko, ru_levin, ru_nikulin of the
corpus); they were dropped, the editions lost them and a venue asking for an English abstract
reported it missing (VEN002)."""

from __future__ import annotations

from exporter.model import plain_text
from exporter.readers.plaintext import read_plaintext
from exporter.sourcefile import SourceText

FRONT = """УДК 330.45

РЕАЛИЗАЦИЯ СЕТЕВОГО МОДЕЛИРОВАНИЯ ДЛЯ БИЗНЕС-ПЛАНИРОВАНИЯ

Е. В. Буценко

Аннотация. В статье рассматриваются вопросы управления процессом бизнес-планирования. Предлагается сетевое моделирование.
Ключевые слова: сетевое моделирование, бизнес-планирование, сетевой график.

Введение
Модели сетевого планирования известны давно [1]. Их применяют к бизнес-планированию [2].

Список литературы
1. Иванов И. И. Сетевое планирование. – М.: Наука, 2010. – 200 с.
2. Петров П. П. Бизнес-план // Вестник экономики. 2012. № 3. С. 10–20.
"""
ENGLISH = """
Butsenko E.V., candidate of economics sciences,
Urals State University of Economics
IMPLEMENTATION OF NETWORK MODELING
FOR THE PROCESS OF BUSINESS PLANNING
The article deals with current issues of the management of business planning processes
for businesses. To solve the problems of optimization the authors propose network modeling.
The article also proposes methods of network planning as a tool for economic modeling.

Key words: network modeling, business planning, network diagrams.
"""
TWIN = """
References
1. Ivanov I. I. Setevoe planirovanie. Moscow, Nauka, 2010. 200 p.
2. Petrov P. P. Biznes-plan. Vestnik ekonomiki, 2012, no. 3, pp. 10–20.
"""


def read(text: str):
    return read_plaintext(SourceText("p.txt", text, "utf-8"))


def test_the_english_block_after_the_list_gives_the_english_abstract_and_keywords():
    meta = read(FRONT + ENGLISH + TWIN).meta
    assert [language for language, _ in meta.abstracts] == ["ru", "en"]
    english = plain_text(dict(meta.abstracts)["en"])
    assert english.startswith("The article deals with current issues") and english.endswith("a tool for economic modeling.")
    assert dict(meta.keyword_sets)["en"] == ("network modeling", "business planning", "network diagrams")
    assert meta.keywords == ("сетевое моделирование", "бизнес-планирование", "сетевой график")  # the paper's own language first


def test_after_the_transliterated_list_too_and_labelled():
    # ru_levin and ru_nikulin: the block after the twin list, the abstract labelled `Annotation.`
    labelled = ENGLISH.replace("The article deals", "Annotation. The article deals")
    meta = read(FRONT + TWIN + labelled).meta
    assert plain_text(dict(meta.abstracts)["en"]).startswith("The article deals with current issues")
    assert "en" in dict(meta.keyword_sets)


def test_nothing_without_the_keywords_label_nor_twice_in_one_language():
    meta = read(FRONT + ENGLISH.replace("Key words: network modeling, business planning, network diagrams.", "") + TWIN).meta
    assert [language for language, _ in meta.abstracts] == ["ru"] and [lang for lang, _ in meta.keyword_sets] == ["ru"]
    english_first = FRONT.replace("Введение", "Abstract. The paper studies the planning of businesses by networks. It is short.\nKeywords: networks, planning.\n\nВведение")
    meta = read(english_first + ENGLISH + TWIN).meta
    assert [language for language, _ in meta.abstracts].count("en") == 1
    assert dict(meta.keyword_sets)["en"] == ("networks", "planning")
