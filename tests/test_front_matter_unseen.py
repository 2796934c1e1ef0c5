"""Front-matter rules written for failure modes seen on papers the team had not read (issue 16),
each tested on lines of the open-licence papers in bench/papers (named; see its README)."""

from __future__ import annotations

import pytest

from exporter.readers.plaintext import read_plaintext
from exporter.readers.plaintext.frontmatter import STRONG_NAME, WEAK_NAME, author_names, continues_title, is_rubric, repeats_header
from exporter.sourcefile import SourceText


def read(text: str):
    return read_plaintext(SourceText("p.txt", text, "utf-8"))


@pytest.mark.parametrize("line", ["RESEARCH ARTICLE", "Open Access", "Original article", "Review", "Research Paper", "Научная статья", "ОРИГИНАЛЬНАЯ СТАТЬЯ"])
def test_a_journal_rubric_is_recognised(line):
    # en_agyeman_duah_bmc_quality lines 4 and 6 (BMC); the others are common rubrics
    assert is_rubric(line)


@pytest.mark.parametrize("line", ["Research methods in hospital care", "Open access to data in Kazakhstan", "Understanding the barriers to setting up a"])
def test_a_title_is_not_a_rubric(line):
    assert not is_rubric(line)


def test_names_with_surnames_in_capitals():
    # en_douglas_ace_clinsci lines 9-10 (Portland Press)
    assert STRONG_NAME.match("Ross G. DOUGLAS") and STRONG_NAME.match("K. Ravi ACHARYA")
    assert WEAK_NAME.match("Kelly CHIBALE") and not STRONG_NAME.match("Kelly CHIBALE")
    names = author_names("Ross G. DOUGLAS∗1 , Rajni K. SHARMA†1 , Geoffrey MASUYER‡, Lizelle LUBBE∗ , Ismael ZAMORA§,", strong_only=True)
    assert names == ["Ross G. DOUGLAS", "Rajni K. SHARMA", "Geoffrey MASUYER", "Lizelle LUBBE", "Ismael ZAMORA"]
    assert not STRONG_NAME.match("Using LSTM") and author_names("Using LSTM", strong_only=True) is None


def test_a_surname_with_a_capital_inside():
    # en_webb_vespa_peerj line 3: `O’Connell`
    assert author_names("Andrew E. Webb1 , Thomas A. Walsh1 and Mary J. O’Connell1 ,2", strong_only=True) == ["Andrew E. Webb", "Thomas A. Walsh", "Mary J. O’Connell"]
    assert STRONG_NAME.match("J. McDonald")


def test_a_title_line_ending_on_a_conjunction_goes_on():
    assert continues_title("VESPA: Very large-scale Evolutionary and")  # en_webb_vespa_peerj line 1
    assert continues_title("Методика оценки рисков для")
    assert not continues_title("Selective Pressure Analyses")


def test_the_journal_name_set_again_is_not_an_author():
    # en_douglas_ace_clinsci lines 1 and 7
    assert repeats_header("Clinical Science", ["Clinical Science (2014) 126, 305–313 (Printed in Great Britain) doi: 10.1042/CS20130403"])
    assert not repeats_header("Clinical Science", ["Journal of Clinical Science 2014"])


PEERJ = (
    "VESPA: Very large-scale Evolutionary and\nSelective Pressure Analyses\n"
    "Andrew E. Webb1 , Thomas A. Walsh1 and Mary J. O’Connell1 ,2\n1\n\n"
    "Bioinformatics and Molecular Evolution Group, School of Biotechnology, Faculty of Science and Health,\n"
    "Dublin City University, Dublin, Ireland\n\nABSTRACT\n"
    "Background. Large-scale molecular evolutionary analyses of protein coding sequences\nrequires a number of steps.\n\n"
    "INTRODUCTION\nThe text begins here [1].\n"
)

BMC = (
    "Agyeman-Duah et al. BMC Health Services Research 2014, 14:1\nhttp://www.biomedcentral.com/1472-6963/14/1\n\n"
    "RESEARCH ARTICLE\n\nOpen Access\n\n"
    "Understanding the barriers to setting up a\nhealthcare quality improvement process in\n"
    "resource-limited settings: a situational analysis\nat the Medical Department of Kamuzu Central\nHospital in Lilongwe, Malawi\n"
    "Josephine Nana Afrakoma Agyeman-Duah1*, Antje Theurer2,3, Charles Munthali3, Noor Alide4 and Florian Neuhann5\n\n"
    "Abstract\nBackground: Knowledge regarding the best approaches to improving the quality of healthcare is lacking.\n\n"
    "Background\nThe text begins here [1].\n"
)


def test_peerj_title_block():
    meta = read(PEERJ).meta
    assert meta.title_text == "VESPA: Very large-scale Evolutionary and Selective Pressure Analyses"
    assert meta.authors[:3] == ("Andrew E. Webb", "Thomas A. Walsh", "Mary J. O’Connell")


def test_bmc_title_block_under_its_rubric():
    meta = read(BMC).meta
    assert meta.title_text.startswith("Understanding the barriers") and meta.title_text.endswith("Hospital in Lilongwe, Malawi")
    assert meta.authors[0] == "Josephine Nana Afrakoma Agyeman-Duah"


# ---- Word papers: an author line above the title, `Введение` where a title would be ---------


def test_word_author_line_in_capitals_above_the_title(tmp_path):
    # en_douglas_ace_clinsci's by-line (bench/papers) set bold and centred above its title, as
    # some Word templates put it: the names are not the title
    import docx

    from docx_samples import save
    from exporter.pipeline import read_and_link

    d = docx.Document()
    by_line = d.add_paragraph()
    by_line.add_run("Ross G. DOUGLAS1, Rajni K. SHARMA1 and Kelly CHIBALE2").bold = True
    title = d.add_paragraph()
    title.add_run("Fragment-based design for the development of N-domain-selective angiotensin-1-converting enzyme inhibitors").bold = True
    d.add_paragraph("Abstract. ACE is a zinc metallopeptidase that plays a prominent role in blood pressure regulation [1].")
    d.add_heading("Introduction", level=1)
    d.add_paragraph("The body cites [1].")
    d.add_heading("References", level=1)
    d.add_paragraph("A. One. Title. 2001.", style="List Number")
    meta = read_and_link(str(save(d, tmp_path / "p.docx"))).document.meta
    assert meta.title_text.startswith("Fragment-based design")
    assert meta.authors[0] == "Ross G. DOUGLAS"


def test_word_introduction_is_never_the_title(tmp_path):
    import docx

    from docx_samples import save
    from exporter.pipeline import read_and_link

    d = docx.Document()
    intro = d.add_paragraph()
    intro.add_run("Введение").bold = True
    d.add_paragraph("Задача стабилизации перевернутого маятника крайне важна [1].")
    d.add_heading("Литература", level=1)
    d.add_paragraph("Формальский А.М. Управление движением неустойчивых объектов. – М.: ФИЗМАТЛИТ, 2012.", style="List Number")
    meta = read_and_link(str(save(d, tmp_path / "p.docx"))).document.meta
    assert meta.title_text is None


def test_a_range_of_affiliation_marks_after_a_name_is_no_part_of_it():
    """`Кострыкин Сергей Владимирович2-4, **` (three affiliations as a range, unseen
    chernenkov_inm_theses): the marks' digits were taken off and the dash left on the name, so
    the line read as no by-line at all; `Brown K.2–4` likewise."""
    line = "Черненков Алексей Юрьевич1, *, Кострыкин Сергей Владимирович2-4, **, Володин Евгений Михайлович2, ***"
    assert author_names(line, strong_only=False) == ["Черненков Алексей Юрьевич", "Кострыкин Сергей Владимирович", "Володин Евгений Михайлович"]
    assert author_names("Smith J.1,2, Brown K.2–4, Lee M.3", strong_only=True) == ["Smith J.", "Brown K.", "Lee M."]
    assert author_names("Ivanov I. I.1-3", strong_only=True) == ["Ivanov I. I."]


COVER = """Министерство образования Республики Беларусь
Учреждение образования
Белорусский государственный университет
информатики и радиоэлектроники

УДК 004.415.2

Белов
Александр Владимирович

Информационная система анализа социальных сетей

АВТОРЕФЕРАТ
на соискание степени магистра информатики и вычислительной техники
по специальности 1-40 81 02 Технологии виртуализации и облачных вычислений

Научный руководитель
Лукашевич Марина Михайловна
кандидат технических наук, доцент

Минск 2018

ВВЕДЕНИЕ
В настоящей диссертации освещается разработка информационной системы анализа социальных сетей. Основными задачами разрабатываемой системы являются сбор и анализ данных.
"""


def test_a_supervisor_label_alone_names_the_person_under_it_and_their_rank():
    """A thesis summary's cover (unseen belov_bsuir_autoref): `Научный руководитель` alone over
    the name and the rank. The supervisor had been read as nobody and their rank `кандидат
    технических наук, доцент` printed as the author's position; the university's name going on
    in lower case on the next line (`… университет` / `информатики и радиоэлектроники`) had
    been cut to its first line."""
    meta = read(COVER).meta
    assert meta.supervisor == "Лукашевич Марина Михайловна, кандидат технических наук, доцент"
    assert meta.position is None
    assert meta.affiliations == ("Белорусский государственный университет информатики и радиоэлектроники",)
    assert meta.authors == ("Белов Александр Владимирович",)
    assert meta.title_text == "Информационная система анализа социальных сетей"


IEEE_BLOCK = """Assessment of Reward Functions for Reinforcement
Learning Traffic Signal Control under Real-World
Limitations
Alvaro Cabrejas Egea∗† , Shaun Howell† , Maksis Knutins† and Colm Connaughton‡
∗ MathSys Centre for Doctoral Training

University of Warwick, Coventry CV4 7AL, United Kingdom
a.cabrejas-egea@warwick.ac.uk
† Vivacity Labs
London NW5 3AQ, United Kingdom
shaun@vivacitylabs.com, maksis@vivacitylabs.com
‡ Warwick Mathematics Institute
University of Warwick, Coventry CV4 7AL, United Kingdom
c.p.connaughton@warwick.ac.uk

Abstract—Adaptive traffic signal control is one key avenue for mitigating the growing consequences of traffic congestion.

I. INTRODUCTION
Improving the operation of urban road networks can significantly reduce traffic congestion.
"""


def test_ieee_conference_entries_under_footnote_signs_are_affiliations():
    """IEEE's conference author block (\\IEEEauthorrefmark; unseen cabrejas_reward_ieee): each
    entry opens with the sign its authors carry (`∗`, `†`, `‡`), its lines one part each, an
    e-mail line under it. `† Vivacity Labs` and `‡ Warwick Mathematics Institute` had been read
    as two more authors, and the entries as their lines cut apart (the first entry's city as an
    entry of its own, printed twice)."""
    meta = read(IEEE_BLOCK).meta
    assert meta.authors == ("Alvaro Cabrejas Egea", "Shaun Howell", "Maksis Knutins", "Colm Connaughton")
    assert meta.affiliations == (
        "MathSys Centre for Doctoral Training, University of Warwick, Coventry CV4 7AL, United Kingdom",
        "Vivacity Labs, London NW5 3AQ, United Kingdom",
        "Warwick Mathematics Institute, University of Warwick, Coventry CV4 7AL, United Kingdom",
    )


def test_a_supervisors_rank_and_institution_on_the_lines_under_the_label_are_theirs():
    """A student paper in a Kazakh collection (unseen neuromind_ekstu_plasma_hardening): the
    supervisor's line ends on a comma and their rank and university follow on lines of their
    own. The rank had been printed as the student's position (`студент группы 20-ТФК-1; PhD,
    ассоциированный профессор,`) and the university as a second affiliation."""
    meta = read("""УДК 669.14.018.29:620.193

ВЛИЯНИЕ ЭЛЕКТРОЛИТНО-ПЛАЗМЕННОГО
УПРОЧНЕНИЯ НА СТРУКТУРУ И
МИКРОТВЕРДОСТЬ СТАЛИ 65Г
Ахметова Эльвира Кульшановна
студент группы 20-ТФК-1
Восточно-Казахстанский технический университет им. Д. Серикбаева

Научный руководитель: Баятанова Ляйла Болаткановна,
PhD, ассоциированный профессор,
Восточно-Казахстанский технический университет им. Д. Серикбаева

Аннотация: в данной работе представлено исследование структуры и твердости стали 65Г, подвергнутой электролитно-плазменной закалке.

Введение
Один из перспективных методов увеличения износостойкости поверхностных слоев металлов заключается в применении концентрированных потоков энергии.
""").meta
    assert meta.supervisor == "Баятанова Ляйла Болаткановна, PhD, ассоциированный профессор, Восточно-Казахстанский технический университет им. Д. Серикбаева"
    assert meta.position == "студент группы 20-ТФК-1"
    assert meta.affiliations == ("Восточно-Казахстанский технический университет им. Д. Серикбаева",)
    assert meta.authors == ("Ахметова Эльвира Кульшановна",)


@pytest.mark.parametrize(("lines", "supervisor"), [
    # unseen kiselev_proctor: the label's separator an em dash
    (["Научный руководитель — к.т.н., доцент А.В. Лямин"], "к.т.н., доцент А.В. Лямин"),
    # unseen smirnova_credit_scoring_pdf: a course work's `Руководитель КР:` over the name
    (["Руководитель КР:", "Преподаватель Воробьева Мария Сергеевна"], "Преподаватель Воробьева Мария Сергеевна"),
    # unseen alesiad_1c_vkr_docx: initials after the name keep their full stop (a first version
    # took the line's last full stop off, and the name no longer read as one)
    (["Руководитель ВКР:", "Большакова-Стрекалова А.В."], "Большакова-Стрекалова А.В."),
])
def test_supervisor_labels_of_course_works_and_theses(lines, supervisor):
    """The supervisor's line had been read as the student's position (an em dash after the
    label), or the label as a second author (`Руководитель КР`) and the name lost."""
    text = "\n".join(["Анализ когнитивных навыков обучающегося на основе данных траектории взгляда", "К.С. Киселёв", *lines, "",
                      "На сегодняшний день исследования в области анализа траектории взгляда стали одними из наиболее перспективных в сфере разработки интерфейсов."])
    meta = read(text).meta
    assert meta.supervisor == supervisor
    assert meta.authors == ("К.С. Киселёв",)
    assert meta.position is None
