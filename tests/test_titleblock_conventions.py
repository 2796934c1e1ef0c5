"""Title-block conventions seen on front23's unseen batch (issue 16; bench/UNSEEN.md), each as a
class, on input made here (none copies a paper): a position written before a name (`Студ.
М.Н. Сивак`), the abbreviated supervisor label `Науч. рук.`, a by-line given by its label
(`Работу выполнили:`) that the line-role model misreads, a copyright line above the title
(`c 2016 Society for …`: LaTeX's © drawn without its circle), and IEEE author blocks set side
by side, whose department line is never the title (these two on the labels the line-role model
gave the papers' lines, since a page drawn here does not lead it into the same mistake)."""

from __future__ import annotations

from exporter.readers import read_document
from exporter.readers.plaintext.frontmatter import SUPERVISOR, author_names, without_position
from exporter.readers.plaintext.roles import LineItem, Role
from exporter.readers.plaintext.titleblock import Proposal, judge_authors, judge_title, propose, vetoes_title

from helpers import BODY_RU, title_block_docx

_docx = title_block_docx


def _role(label: str, title: float = 0.0, author: float = 0.0) -> Role:
    return Role(label, 1.0, title, author)


# ---- a position before a name ----------------------------------------------------------------

def test_a_position_written_before_a_name_is_not_part_of_it():
    assert author_names("Студ. А.Б. Петров", strong_only=True) == ["А.Б. Петров"]
    assert author_names("Аспирант Петров А.Б., доц. Смирнова В.Г.", strong_only=False) == ["Петров А.Б.", "Смирнова В.Г."]
    assert author_names("Prof. Anna Kowalska, Dr. J. Smith", strong_only=False) == ["Anna Kowalska", "J. Smith"]
    assert without_position("Студент 3 курса кафедры ИВТ") == "Студент 3 курса кафедры ИВТ"  # no name follows: a position line
    assert without_position("Студенческая наука и практика") == "Студенческая наука и практика"


def test_the_abbreviated_supervisor_label_is_a_label():
    m = SUPERVISOR.match("Науч. рук. доц. В.Г. Смирнова")
    assert m is not None and m["value"] == "доц. В.Г. Смирнова"
    assert SUPERVISOR.match("Научный руководитель: проф. Г.Д. Орлов")["value"] == "проф. Г.Д. Орлов"
    assert SUPERVISOR.match("Научная новизна работы") is None


def test_a_title_under_a_student_by_line_its_supervisor_and_department_in_brackets(tmp_path):
    """A student conference's theses: UDC, `Студ. И.О. Фамилия`, `Науч. рук. …`, the department
    in brackets, then the title in capitals: the title is found, the author without `Студ.`."""
    path = _docx(tmp_path / "theses.docx", [
        ("УДК 004.4", {}),
        ("Студ. А.Б. Петров", {}),
        ("Науч. рук. доц. В.Г. Смирнова", {}),
        ("(кафедра информационных систем, ГТУ)", {"size": 12}),
        ("СИСТЕМА УЧЁТА ЗАЯВОК НА РЕМОНТ ОБОРУДОВАНИЯ", {"bold": True, "center": True}),
    ])
    meta = read_document(path).meta
    assert meta.title_text == "СИСТЕМА УЧЁТА ЗАЯВОК НА РЕМОНТ ОБОРУДОВАНИЯ"
    assert meta.authors[0] == "А.Б. Петров"


# ---- a by-line given by its label ----------------------------------------------------------

def test_a_labelled_by_line_stands_against_the_models_authors():
    """The model reads `Работу выполнили: …` as a title line and proposes the name under it:
    the rules' first author, given by its label, stands."""
    texts = ["Движение маятника", "Работу выполнили: А.Б. Петрова", "В.Г. Сидоров", "Аннотация"]
    labels = [_role("other", 0.05), _role("title", 0.7, 0.2), _role("author", 0.0, 0.99), _role("abstract")]
    p = Proposal(title=[1], authors=["В.Г. Сидоров"], labels=labels)
    assert judge_authors(p, texts, ["А.Б. Петрова", "В.Г. Сидоров"]) is None
    unlabelled = ["Движение маятника", "А.Б. Петрова", "В.Г. Сидоров", "Аннотация"]
    assert judge_authors(p, unlabelled, ["А.Б. Петрова", "В.Г. Сидоров"]) == ["В.Г. Сидоров"]  # without the label, the model judges


def test_work_done_by_names_the_first_author_in_a_docx(tmp_path):
    path = _docx(tmp_path / "school.docx", [
        ("Движение математического маятника", {}),
        ("", {}),
        ("Работу выполнили: А.Б. Петрова", {}),
        ("                                  В.Г. Сидоров", {}),
        ("Научный руководитель: Д.Е. Орлов", {}),
        ("Аннотация", {}),
        ("Работа посвящена моделированию движения математического маятника на языке Python.", {}),
    ])
    meta = read_document(path).meta
    assert meta.title_text == "Движение математического маятника"
    assert meta.authors[:2] == ("А.Б. Петрова", "В.Г. Сидоров")


# ---- lines that are never a title ------------------------------------------------------------

def test_copyright_lines_and_affiliation_openings_are_never_a_title():
    for line in ("c 2016 Society for Industrial and Applied Mathematics", "-c 2019 Society for Industrial and Applied Mathematics",
                 "© 2020 Elsevier B.V. All rights reserved.", "Copyright (c) 2018 IEEE", "(c) 2021 The Authors",
                 "Dept. of Comp. Science & Engineering", "Department of Physics and Astronomy", "School of Computing"):
        assert vetoes_title(line), line
    for line in ("Computing the Cost of Copyright", "School Choice and Segregation", "Department stores in decline",
                 "Institutional Change in Kazakhstan", "c-Means Clustering of Gene Expression Data"):
        assert not vetoes_title(line), line


def _items(texts: list[str]) -> list[LineItem]:
    return [LineItem(t) for t in texts]


def test_a_copyright_line_the_model_reads_as_a_title_line_does_not_join_the_title():
    """A society's journal (the copyright line set at the top right, read after the journal's
    name and volume): the model gives the copyright line 0.69 of being a title line, right
    above the title; it is no part of it."""
    texts = ["APPLIED REVIEW", "Vol. 12, No. 3, pp. 101–118", "c 2019 Society for Applied and Industrial Studies",
             "Mate Choice in Yeast Hybrids", "Ann Lee", "Bo Ray", "Abstract. We measure how often yeast cells mate."]
    labels = [_role("rubric"), _role("furniture"), _role("title", 0.69), _role("title", 1.0), _role("author", 0.0, 1.0),
              _role("author", 0.0, 1.0), _role("abstract")]
    p = propose(_items(texts), "en", labels=labels)
    assert p.title == [3]
    assert judge_title(p, texts, "Mate Choice in Yeast Hybrids", "en", display=True) is None


def test_a_department_line_of_side_by_side_author_blocks_is_no_title():
    """An IEEE paper's author blocks side by side under the title, read line by line across
    the blocks: the model doubts the title and takes a department's line for it; that line is
    struck, the rules' display title stands, and the first block's name is the first author."""
    texts = ["Real-Time Guidance of Mobile Robots by", "Multimodal Digital Twins of Their Fleet", "Anna Lee", "Bruno Ray",
             "Dept. of Comp. Science & Engineering", "Carla Diaz", "Dept. of Comp. Science & Engineering",
             "Example University of Sciences", "Abstract—Digital twins have hardly been employed to guide robots."]
    labels = [_role("other", 0.26), _role("other", 0.09), _role("other", 0.01, 0.15), _role("other", 0.0, 0.17),
              _role("title", 0.48), _role("author", 0.0, 0.98), _role("affiliation"), _role("affiliation"), _role("abstract")]
    p = propose(_items(texts), "en", labels=labels)
    assert 4 not in p.title
    rules_title = "Real-Time Guidance of Mobile Robots by Multimodal Digital Twins of Their Fleet"
    assert judge_title(p, texts, rules_title, "en", display=True) is None
    assert judge_authors(p, texts, ["Anna Lee"]) is None  # the model's `Carla Diaz` is the third block's


def test_a_body_line_repeating_a_title_word_is_no_part_of_the_rules_title():
    """A title in capitals over two lines, its last word alone (`ОБУЧЕНИЯ`), the model guessing
    only the first line; a body line below holds one of the title's words (`контрактах:`): the
    rules' title is the two lines, joined with the guess, not lost to it."""
    texts = ["Гандзюк Д.А., Шевелев Р.В.", "ВЫЯВЛЕНИЕ УЯЗВИМОСТЕЙ В СМАРТ-КОНТРАКТАХ С ПОМОЩЬЮ ГЛУБОКОГО", "ОБУЧЕНИЯ",
             "Департамент программной инженерии", "Смарт-контракты хранятся публично и не могут быть изменены после загрузки", "контрактах:"]
    labels = [_role("author", 0.0, 0.95), _role("affiliation", 0.24), _role("affiliation", 0.09), _role("affiliation"), _role("abstract"), _role("abstract")]
    p = Proposal(title=[1], authors=["Гандзюк Д.А."], labels=labels, guessed=True)
    assert judge_title(p, texts, "ВЫЯВЛЕНИЕ УЯЗВИМОСТЕЙ В СМАРТ-КОНТРАКТАХ С ПОМОЩЬЮ ГЛУБОКОГО ОБУЧЕНИЯ", "ru") == [1, 2]
