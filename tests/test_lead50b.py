"""A PDF thesis's contents page (lead, round 50): printed as body text in every edition before
(bulycheva_vkr: its `ОГЛАВЛЕНИЕ` page after the annotation)."""

from __future__ import annotations

from exporter.readers.pdf.contents import without_contents
from exporter.readers.pdf.layout import Line

DOTS = "." * 40


def _lines(texts: list[str]) -> list[Line]:
    return [Line(page=5, text=t, x0=72, x1=500, y=780 - 18 * k, size=12, bold=False, number=k + 1) for k, t in enumerate(texts)]


def _kept(texts: list[str]) -> list[str]:
    lines = _lines(texts)
    return [lines[i].text for i in without_contents(lines, list(range(len(lines))))]


def test_a_contents_page_with_entries_broken_before_their_leaders_is_left_out():
    """Entries with leaders and page numbers, one broken over two lines, one chapter line with its
    page and no leaders (LaTeX's), under the heading: none of it is the work's text."""
    texts = ["Отчет 54 стр., 40 иллюстраций, 9 литературных источников.", "ОГЛАВЛЕНИЕ", f"АННОТАЦИЯ {DOTS} 4", f"ВВЕДЕНИЕ {DOTS} 6",
             "1.1 Металлопластиковые трубы (МПТ). Назначение и особенности", f"эксплуатации {DOTS} 9", "2 Literature Survey 12",
             f"2.1 StarCraft {DOTS} 12", f"ЗАКЛЮЧЕНИЕ {DOTS} 50", "ВВЕДЕНИЕ", "Трубопроводный транспорт – это самый экономически эффективный вид транспорта."]
    assert _kept(texts) == [texts[0], "ВВЕДЕНИЕ", texts[-1]]


def test_leaders_whose_numbers_go_down_are_no_contents():
    """A table's column of values set with leaders (`Итого ....... 120`) counts no pages: kept."""
    texts = [f"Сталь {DOTS} 120", f"Медь {DOTS} 45", f"Алюминий {DOTS} 80", "Данные взяты из отчёта за год."]
    assert _kept(texts) == texts


def test_latex_contents_chapters_between_blank_lines_are_left_out():
    """LaTeX's contents through the PDF's text layer: a blank line between entries, each chapter's
    line with its page and no leaders (`6 Riemannian Manifolds 17`) over its sections'; the body's
    first heading after them stays."""
    texts = ["5 Variational Perspective 11", "", f"5.1 Background {DOTS} 12", "", f"5.2 The Lagrangian {DOTS} 12", "",
             "6 Riemannian Manifolds 17", "", f"6.1 Introduction to Manifolds {DOTS} 17", "", "8 Conclusion 26", "", "9 Appendices 29", "",
             f"9.1 Appendix A: Numerical Results {DOTS} 29", "", "1 Introduction", "Optimization plays a very important role in a variety of problems."]
    assert [t for t in _kept(texts) if t] == ["1 Introduction", texts[-1]]
