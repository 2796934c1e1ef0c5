"""By-lines the way Russian journals print them, read as by-lines (issue 16, front32's batch):
a copyright sign before the names and the year after them (`© Петрова А.В., 2019`, GOST's form),
a symbol font's footnote mark glued after the name (a private-use code point, or the glyph the
normaliser maps it to, `♣`), and an initial whose full stop the text layer set apart (`Р .И.`).
Every text here is invented."""

from __future__ import annotations

import pytest

from exporter.readers import read_document
from exporter.readers.plaintext import roles
from exporter.readers.plaintext.frontmatter import author_names

_PAGE = """Общая психология

27

ЛИЧНОСТЬ И ТВОРЧЕСТВО
В СОВРЕМЕННОЙ ШКОЛЕ
{by_line}
Казанский филиал Московского педагогического университета, г. Казань
В статье рассмотрены понятия «творчество» и «личность». Определены условия развития творческих способностей школьников.
Ключевые слова: творчество, личность, школа.

Творчество личности тесно связано с её воспитанием и считается одной из его сторон. Для большинства школьников характерна тенденция к постоянному поиску нового.
"""


@pytest.fixture(params=[False, True], ids=["rules", "shipped"])
def model(request):
    roles.ENABLED = request.param
    yield request.param
    roles.ENABLED = True


def _authors(tmp_path, by_line: str) -> tuple[str, ...]:
    path = tmp_path / "paper.txt"
    path.write_text(_PAGE.format(by_line=by_line), encoding="utf-8")
    return read_document(str(path)).meta.authors


@pytest.mark.parametrize(
    "by_line, first",
    [
        ("© Петрова А.В., 2019", "Петрова А.В."),
        ("© А. В. Петрова, И. И. Сидоров, 2021", "А. В. Петрова"),
        ("© Петрова А.В.\uf0a7", "Петрова А.В."),  # a Symbol-font mark left as its private-use code point
        ("© Петрова А.В.♣", "Петрова А.В."),  # the same mark as the normaliser maps it
        ("© Петрова А .В.", "Петрова А.В."),  # the initial's full stop set apart
    ],
)
def test_copyright_by_line_is_read(tmp_path, model, by_line, first):
    authors = _authors(tmp_path, by_line)
    assert authors and authors[0] == first


@pytest.mark.parametrize("line", ["© Издательство ТГУ, 2019", "© 2021 Elsevier Ltd. All rights reserved.", "© Ivanova Maria, 2019"])
def test_copyright_of_a_publisher_or_without_initials_is_no_by_line(line):
    # the year is the copyright's only before names with initials or in full: a publisher, or two
    # capitalised words alone, stay no by-line
    assert author_names(line, strong_only=True) is None


def test_a_year_after_names_without_copyright_still_no_by_line():
    # a cover's place-and-year line keeps its meaning: only the copyright sign makes the year the by-line's
    assert author_names("Петрова А.В., 2019", strong_only=True) is None
