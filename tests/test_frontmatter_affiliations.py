"""Affiliations wrapped over lines are read as whole entries (issue 16, front22): a side bar of
numbered affiliations in a narrow column (BMJ's first page: the mark alone on its line in
pdftotext's text, before the first word in the PDF's), an address left open on a comma or a
connective, the same in Word paragraphs; a correspondence address under `Correspondence to`
is no affiliation, and marks the text layer misplaced do not glue entries together. The
papers here are made up in the shapes the unseen papers show; none copies one."""

from __future__ import annotations

import docx

from exporter.readers import read_document
from exporter.readers.plaintext.frontmatter import affiliation_entries, read_front_matter

TITLE = ["Iron stores after the eradication of a gastric infection in adults", "Anna Smith,1 Boris Jones,2 Carl Berg1"]
ABSTRACT = [
    "",
    "ABSTRACT",
    "Background Iron deficiency is common among adults with the infection, and its treatment is debated in the literature.",
    "Methods We searched four databases and pooled the changes in haemoglobin with random effects.",
    "",
    "INTRODUCTION",
    "Iron deficiency anaemia is the most common anaemia in the world and has many causes [1].",
]
# Expected entries, written out by hand from the lines below.
NORTHFIELD = "Northfield Children's Hospital, Lakeside University School of Medicine, Riverton, Norway"
EASTGATE = "Department of Gastroenterology, Eastgate Hospital affiliated to Hillcrest University, Riverton, Norway"


def _side_bar(marks_apart: bool) -> list[str]:
    """The numbered side bar, the mark alone on its line with a blank under it (pdftotext) or
    before the entry's first word (the PDF's lines), then a correspondence address and dates."""
    first = ["1", "", "Northfield Children's"] if marks_apart else ["1 Northfield Children's"]
    second = ["2", "Department of"] if marks_apart else ["2 Department of"]
    return [
        *first, "Hospital, Lakeside", "University School of Medicine,", "Riverton, Norway",
        *second, "Gastroenterology, Eastgate", "Hospital affiliated to Hillcrest", "University, Riverton, Norway",
        "Correspondence to", "Dr C Berg, Department of", "Surgery, Northfield Children's", "Hospital, Lakeside University", "School of Medicine, Riverton",
        "Received 2 March 2011", "Accepted 9 May 2011",
    ]


def test_numbered_entries_in_a_narrow_side_bar_are_joined_whole():
    fm = read_front_matter(TITLE + _side_bar(marks_apart=True) + ABSTRACT)
    assert fm.affiliations == [NORTHFIELD, EASTGATE]  # the marks alone on their lines left out, no address under `Correspondence to`


def test_numbered_entries_lose_the_mark_printed_before_their_first_word():
    fm = read_front_matter(TITLE + _side_bar(marks_apart=False) + ABSTRACT)
    assert fm.affiliations == [NORTHFIELD, EASTGATE]  # the mark ties names to entries; it is no part of the address


def test_the_same_side_bar_read_from_a_text_file(tmp_path):
    path = tmp_path / "paper.txt"
    path.write_text("\n".join(TITLE + _side_bar(marks_apart=True) + ABSTRACT) + "\n\nREFERENCES\n1. Smith A. Iron and the stomach. Gut. 2001;12:1-9.\n", encoding="utf-8")
    assert read_document(str(path)).meta.affiliations == (NORTHFIELD, EASTGATE)


def test_an_unnumbered_address_left_open_on_a_comma_goes_on_below():
    lines = ["Mining the commit history of large open-source projects", "Li Wei, Zhang Min", "", "School of Computer Science & Technology,", "Northern Institute of Technology,", "Harbin, China", "", *ABSTRACT]
    assert read_front_matter(lines).affiliations == ["School of Computer Science & Technology, Northern Institute of Technology, Harbin, China"]


def test_entries_on_lines_of_their_own_stay_apart_when_their_marks_are_misplaced():
    # pdftotext set mark 2 after the entries (`1`, `3`, `4`, `2`): the marks number nothing, each line is an entry
    texts = ["1", "", "Centre for Ageing Studies, Lakeside University, Riverton, Norway", "Department of Psychology, Lakeside University, Riverton, Norway",
             "3", "Department of Psychiatry, Hillcrest University, Dalton, Norway", "2"]
    assert affiliation_entries(texts, [(2, 3), (3, 4), (5, 6)]) == [
        "Centre for Ageing Studies, Lakeside University, Riverton, Norway",
        "Department of Psychology, Lakeside University, Riverton, Norway",
        "Department of Psychiatry, Hillcrest University, Dalton, Norway",
    ]


def test_a_position_under_an_open_address_is_not_joined_to_it():
    texts = ["Polytechnic Institute of Northfield,", "Full Professor, Doctor of Sciences"]
    assert affiliation_entries(texts, [(0, 1)]) == ["Polytechnic Institute of Northfield"]  # the comma the line ended on is no part of it


def test_a_title_line_is_no_part_of_an_affiliation():
    texts = ["Ижевский государственный технический университет имени М.Т. Калашникова,", "Решение задачи внутренней баллистики"]
    assert affiliation_entries(texts, [(0, 1)], taken=frozenset({1})) == [texts[0].rstrip(",")]


def test_word_paragraphs_of_one_address_are_one_affiliation(tmp_path):
    document = docx.Document()
    for text in [
        "Нейросетевая классификация изображений рукописного текста",
        "И.И. Петров",
        "ФГБНУ «Институт проблем обработки изображений»,",
        "г. Самара, Россия",
        "Аннотация. В работе предложен метод классификации изображений рукописного текста.",
        "Ключевые слова: нейронная сеть, классификация",
        "Введение",
        "Задача рассматривается в работе впервые [1].",
        "Список литературы",
        "1. Иванов И. И. Распознавание образов. – М.: Наука, 2010. – 300 с.",
    ]:
        document.add_paragraph(text)
    path = tmp_path / "paper.docx"
    document.save(path)
    assert read_document(str(path)).meta.affiliations == ("ФГБНУ «Институт проблем обработки изображений», г. Самара, Россия",)


def test_a_blank_line_pdftotext_set_inside_a_numbered_entry_is_passed():
    texts = ["1", "", "Centre for Design and Materials, Eastgate Institute of Science and", "", "Technology, Riverton, Norway", "2", "", "Institute of Mechanics, Hillcrest University, Dalton, Norway"]
    assert affiliation_entries(texts, [(2, 3), (7, 8)]) == [
        "Centre for Design and Materials, Eastgate Institute of Science and Technology, Riverton, Norway",
        "Institute of Mechanics, Hillcrest University, Dalton, Norway",
    ]


def test_an_entry_goes_on_until_its_quote_closes():
    texts = ["«Северный федеральный университет", "имени академика Н. Н. Петрова»", "Институт математики"]
    assert affiliation_entries(texts, [(0, 1), (2, 3)]) == ["«Северный федеральный университет имени академика Н. Н. Петрова»", "Институт математики"]


# ---- front23: what an entry holds besides the institution, and lines holding several ---------

def test_a_persons_position_and_degree_in_an_entry_are_not_the_institutions():
    def read(line):
        return affiliation_entries([line], [(0, 1)])
    assert read("Student, Institute of Information Technologies, Northfield University") == ["Institute of Information Technologies, Northfield University"]
    assert read("PhD student, School of Physics, Eastgate University") == ["School of Physics, Eastgate University"]
    assert read("доцент кафедры прикладной математики, Северный государственный университет") == ["кафедры прикладной математики, Северный государственный университет"]
    assert read("Учреждение образования «Академия связи», г. Минск, Республика Беларусь, преподаватель") == ["Учреждение образования «Академия связи», г. Минск, Республика Беларусь"]
    assert read("профессор кафедры физики, доктор технических наук") == ["кафедры физики"]
    assert read("Engineering Department, Northfield University") == ["Engineering Department, Northfield University"]  # `Engineering` is no engineer
    assert read("к. т. н., доцент, ректор, Северная техническая академия,") == ["Северная техническая академия"]
    assert read("Заведующий кафедрой ПМИ") == []  # a position, the department's initials: no institution named
    assert read("Северный университет, факультет электроники, Алматы, e-mail: a.petrov@example.kz") == ["Северный университет, факультет электроники, Алматы"]


def test_one_line_holding_several_numbered_affiliations_is_parted():
    line = "1 Department of Physics, Northfield University, Riverton, Norway 2 Institute of Mathematics, Eastgate, Norway * Corresponding author: a.smith@example.org"
    assert affiliation_entries([line], [(0, 1)]) == ["Department of Physics, Northfield University, Riverton, Norway", "Institute of Mathematics, Eastgate, Norway"]
    glued = "Department of Surgery, 1Ministry of Health, Riverton, Norway, 2Eastgate University, Eastgate, Norway"
    assert affiliation_entries([glued], [(0, 1)]) == ["Department of Surgery", "Ministry of Health, Riverton, Norway", "Eastgate University, Eastgate, Norway"]
    assert affiliation_entries(["Department 1 of Northfield University, Building 2"], [(0, 1)]) == ["Department 1 of Northfield University, Building 2"]  # numbers, no marks


def test_the_same_affiliation_set_side_by_side_is_one_per_block():
    line = "Northfield University of Applied Sciences Northfield University of Applied Sciences"
    assert affiliation_entries([line], [(0, 1)]) == ["Northfield University of Applied Sciences"] * 2


def test_a_hospital_or_a_ministry_with_its_place_is_an_affiliation():
    lines = ["Iron stores after the eradication of a gastric infection", "Anna Smith, Boris Jones", "Eastgate Hospital, Riverton, Norway", "Ministry of Health, Oslo, Norway", *ABSTRACT]
    fm = read_front_matter(lines)
    assert fm.affiliations == ["Eastgate Hospital, Riverton, Norway", "Ministry of Health, Oslo, Norway"]
    titled = read_front_matter(["Outcomes of hip surgery in a district hospital", "Anna Smith, Boris Jones", "Northfield University, Riverton, Norway", *ABSTRACT])
    assert titled.title_lines == ["Outcomes of hip surgery in a district hospital"]


def test_an_entry_line_ending_on_an_adjective_goes_on_below():
    assert affiliation_entries(["кафедра физики, Северо-Казахстанский", "государственный университет, Петропавловск"], [(0, 1)]) == [
        "кафедра физики, Северо-Казахстанский государственный университет, Петропавловск"]
    assert affiliation_entries(["Department of Physics, Riverton State", "University, Riverton, USA"], [(0, 1)]) == [
        "Department of Physics, Riverton State University, Riverton, USA"]


def test_a_kazakh_title_block_gives_its_affiliations_without_marks():
    lines = ["ӘОЖ 004.8", "", "Ә.Б. Сейтқали¹, Н.Қ. Жұмабаева²", "¹әл-Фараби атындағы Қазақ ұлттық университеті, Алматы, Қазақстан",
             "²Л.Н. Гумилев атындағы Еуразия ұлттық университеті, Астана, Қазақстан", "",
             "ҚАЗАҚ ТІЛІНДЕГІ МӘТІНДЕРДІ АВТОМАТТЫ ТҮРДЕ ЖІКТЕУ", "",
             "Аңдатпа. Мақалада қазақ тіліндегі мәтіндерді автоматты түрде жіктеудің әдістері қарастырылады.",
             "Түйін сөздер: мәтін, жіктеу, машиналық оқыту.", "", "Кіріспе", "Қазақ тіліндегі мәтіндерді өңдеу қарқынды дамып келеді [1]."]
    fm = read_front_matter(lines)
    assert fm.authors == ["Ә.Б. Сейтқали", "Н.Қ. Жұмабаева"]
    assert fm.affiliations == ["әл-Фараби атындағы Қазақ ұлттық университеті, Алматы, Қазақстан", "Л.Н. Гумилев атындағы Еуразия ұлттық университеті, Астана, Қазақстан"]
