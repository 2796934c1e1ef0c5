"""Papers read as a user reads them (readers, round 51): reader defects seen on unseen papers,
each tested on a small invented input of the same form."""

from __future__ import annotations

from docx_samples import save

from exporter.model import Heading, Paragraph, inline_runs, plain_text
from exporter.readers import read_document


def _body_text(doc) -> list[str]:
    return [" ".join(plain_text(run) for run in inline_runs(block)) for block in doc.blocks]


PROSE = ("Программное обеспечение используется повсюду: для автоматизации процессов на предприятиях, "
         "оптимизации торговли и передачи информации между людьми. Ошибки в нём дорого обходятся.")


def test_a_word_cover_whose_kind_is_misspelt_is_read_by_its_form(tmp_path):
    """A thesis cover whose kind the rules do not know (`Выпусканая квалифирационная работа`,
    misspelt): its form (the topic's label alone, the students' and supervisor's labels, the
    city and year before the first heading) makes it a cover. Before: the institution's first
    line was the title, no author, and every cover line printed as the body's first text."""
    import docx

    document = docx.Document()
    for line in ["Учебный центр", "Национальный исследовательский ядерный университет «МИФИ»", "",
                 "Выпусканая квалифирационная работа", "на тему:", "“Метод статического анализа для поиска уязвимостей”",
                 "", "Выполнили студенты", "Иванов Александр", "Миронов Никита", "Научный руководитель:", "Серов Сергей", "Москва, 2024"]:
        document.add_paragraph(line)
    document.add_paragraph("Введение", style="Heading 1")
    document.add_paragraph(PROSE)
    doc = read_document(str(save(document, tmp_path / "cover.docx")))
    assert (doc.meta.title_text, doc.meta.authors[:1]) == ("“Метод статического анализа для поиска уязвимостей”", ("Иванов Александр",))
    assert _body_text(doc) == ["Введение", PROSE]
    assert isinstance(doc.blocks[0], Heading) and isinstance(doc.blocks[1], Paragraph)


def test_lines_over_a_city_and_year_without_a_covers_marks_stay_body(tmp_path):
    """A paper whose first lines hold no cover's marks (no labels, rules or fields) keeps every
    line over a place-and-year line (`Брянск 2017`) as it reads it: the form, not the city, makes a cover."""
    from exporter.readers.plaintext.titlepage import cover_end

    assert cover_end(["Учебный центр", "на тему:", "«Тема»", "Выполнил студент", "Иванов Иван", "Москва, 2024", "Введение"]) == 6
    assert cover_end(["Разработка системы", "Иванов И. И.", "Брянск 2017", "Введение"]) is None
    assert cover_end(["Студент ____ Иванов", "(подпись)", PROSE * 2, "Москва, 2024"]) is None

