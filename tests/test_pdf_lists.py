"""Lists in a PDF: a line opening with a bullet, or with a dash after a line that closed a
clause, opens a list item; its lines set in past the mark (a hanging indent) carry it on; the
paragraph after the list is no item's. A dash that a wrapped sentence put at a line's start
opens none. Pages drawn here with reportlab."""

from __future__ import annotations

from exporter.model import BulletList, Paragraph, plain_text
from exporter.readers.pdf.reader import read_pdf

from helpers import draw_text, pdf_canvas


def draw_page(path, title: str, author: str, rows: list[tuple[float, float, str]], size: float) -> None:
    """A page with a bold title and its author on top, then each row's text at (x, y) in `size`."""
    c = pdf_canvas(path)
    draw_text(c, 60, 780, title, 16, bold=True)
    draw_text(c, 60, 760, author, 11)
    for x, y, text in rows:
        draw_text(c, x, y, text, size)
    c.save()


def _paper(path) -> str:
    draw_page(path, "Приложение для изучения полёта тела", "И. И. Иванов", [
        (95, 720, "На данный момент существует несколько аналогов данному приложению, но каждое"),
        (60, 705, "из них имеет свои недостатки, такие как:"),
        (80, 690, "•"),
        (98, 690, "Недостаточная визуализация"),
        (80, 675, "•"),
        (98, 675, "Невозможность высчитать часть данных по остальным известным"),
        (98, 660, "параметрам"),
        (80, 645, "•"),
        (98, 645, "Неудобный интерфейс"),
        (95, 630, "Визуализация полёта и простота интерфейса позволяют изучить эту тему с большой"),
        (60, 615, "лёгкостью. Казахстан и Россия"),
        (60, 600, "– это соседние страны, и такие приложения там нужны школам обеих стран."),
        (95, 585, "Результаты работы:"),
        (80, 570, "– рассчитаны формулы для каждого типа полёта;"),
        (80, 555, "– написано приложение."),
    ], size=12)
    return str(path)


def test_bulleted_and_dashed_items_are_lists_and_a_wrapped_dash_is_no_item(tmp_path):
    blocks = read_pdf(_paper(tmp_path / "lists.pdf")).blocks
    lists = [[plain_text(item.inlines) for item in b.items] for b in blocks if isinstance(b, BulletList)]
    assert lists == [
        ["Недостаточная визуализация", "Невозможность высчитать часть данных по остальным известным параметрам", "Неудобный интерфейс"],
        ["рассчитаны формулы для каждого типа полёта;", "написано приложение."],
    ]
    paragraphs = [plain_text(b.inlines) for b in blocks if isinstance(b, Paragraph)]
    assert any(p.startswith("Визуализация полёта") and p.endswith("нужны школам обеих стран.") for p in paragraphs)


def _numbered(path) -> str:
    draw_page(path, "Приложение для облачного хранения файлов", "И. И. Иванов", [
        (95, 720, "Для достижения поставленной цели были решены следующие задачи:"),
        (95, 705, "1. Изучение принципов работы массивов и их адаптация для облачных хра-"),
        (60, 690, "нилищ;"),
        (95, 675, "2. Исследование программных интерфейсов облачных сервисов."),
        (95, 660, "Структура работы состоит из двух разделов:"),
        (95, 645, "1. Постановка задачи;"),
        (95, 630, "2. Теоретические основы."),
        (95, 615, "Материалы исследования включают реализацию приложения на платформе."),
        (95, 600, "3. Третий пункт без первого и второго открывает абзац, а не список."),
    ], size=12)
    return str(path)


def test_numbered_items_after_a_colon_are_a_numbered_list_and_a_new_numbering_a_new_list(tmp_path):
    blocks = read_pdf(_numbered(tmp_path / "numbered.pdf")).blocks
    lists = [[(item.label, plain_text(item.inlines)) for item in b.items] for b in blocks if isinstance(b, BulletList)]
    assert lists == [
        [("1.", "Изучение принципов работы массивов и их адаптация для облачных хранилищ;"), ("2.", "Исследование программных интерфейсов облачных сервисов.")],
        [("1.", "Постановка задачи;"), ("2.", "Теоретические основы.")],
    ]
    paragraphs = [plain_text(b.inlines) for b in blocks if isinstance(b, Paragraph)]
    assert "Материалы исследования включают реализацию приложения на платформе." in paragraphs
    assert "3. Третий пункт без первого и второго открывает абзац, а не список." in paragraphs


def _nested(path) -> str:
    """Numbered steps, bulleted items set in under the first and lettered ones under the second."""
    draw_page(path, "Training a tagger for reference strings", "I. Petrov", [
        (60, 720, "The model is trained in three steps, each run on its own:"),
        (60, 705, "1. Prepare the data for the tagger:"),
        (80, 690, "•"),
        (95, 690, "the labelled references of the public sets;"),
        (80, 675, "•"),
        (95, 675, "the entries rendered through many citation styles."),
        (60, 660, "2. Train the model on them:"),
        (80, 645, "a) with the features of word shape;"),
        (80, 630, "b) with the dictionaries of names and places."),
        (60, 615, "3. Measure it on the held-out split."),
        (60, 590, "The measured scores are kept in the repository beside the model."),
    ], size=12)
    return str(path)


def test_items_set_in_under_a_numbered_item_are_a_list_nested_in_it(tmp_path):
    """Bulleted or lettered items set in under a numbered one had been read flat, and the next
    number after them (`2.`) as a paragraph: they are a list inside that item now, as pandoc
    reads an indented list, and the numbering goes on after them."""
    blocks = read_pdf(_nested(tmp_path / "nested.pdf")).blocks
    [outer] = [b for b in blocks if isinstance(b, BulletList)]
    assert [(item.label, plain_text(item.inlines)) for item in outer.items] == [
        ("1.", "Prepare the data for the tagger:"), ("2.", "Train the model on them:"), ("3.", "Measure it on the held-out split."),
    ]
    first, second, third = outer.items
    assert [[plain_text(i.inlines) for i in b.items] for b in first.blocks] == [["the labelled references of the public sets;", "the entries rendered through many citation styles."]]
    assert [[(i.label, plain_text(i.inlines)) for i in b.items] for b in second.blocks] == [[("a)", "with the features of word shape;"), ("b)", "with the dictionaries of names and places.")]]
    assert third.blocks == ()
    assert any(isinstance(b, Paragraph) and plain_text(b.inlines).startswith("The measured scores") for b in blocks)


def test_dashes_of_two_kinds_set_a_little_apart_are_one_list(tmp_path):
    """`–` and `-` open items of one list (a writer types either): the second, 5 pt further in
    behind a shorter mark, is no list nested in the first."""
    path = tmp_path / "dashes.pdf"
    draw_page(path, "Routing the vehicles of a fleet", "I. Petrov", [
        (60, 720, "The model uses the following notation:"),
        (60, 705, "– the route of the vehicle;"),
        (65.5, 690, "- the number of nodes on the route."),
        (60, 665, "The routes are built one vehicle at a time."),
    ], size=10)
    [found] = [b for b in read_pdf(str(path)).blocks if isinstance(b, BulletList)]
    assert [plain_text(i.inlines) for i in found.items] == ["the route of the vehicle;", "the number of nodes on the route."]
    assert all(not i.blocks for i in found.items)
