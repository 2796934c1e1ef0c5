"""A title with no field around it (issue 16's text form: magazine and web articles printed to
PDF, a title over the body and nothing else): read where no other reader found a title, when
the text's first run can be a title and stands apart from the text under it. Texts invented."""

from __future__ import annotations

from exporter.readers.plaintext import read_plaintext
from exporter.sourcefile import SourceText

BODY = ("В последние годы интерес к энергонезависимой памяти растёт, и разработчики аппаратуры всё чаще "
        "выбирают новые типы запоминающих устройств для своих изделий.")


def read(text: str):
    return read_plaintext(SourceText("p.txt", text, "utf-8")).meta


def test_magazine_title_under_a_section_name():
    text = f"техника и технологии\n\nСовременные датчики давления –\nустройство и области применения\n\n{BODY}\n\n{BODY}\n"
    assert read(text).title_text == "Современные датчики давления – устройство и области применения"


def test_title_right_above_the_introduction():
    text = "Signal Models for Fast Interfaces: What They Describe\nINTRODUCTION\nModels give designers a tool to simulate a circuit before prototyping it, and save time.\n"
    assert read(text).title_text == "Signal Models for Fast Interfaces: What They Describe"


def test_no_title_where_the_first_run_is_a_numbered_heading_or_prose():
    assert read(f"1 Обзор существующих решений\n\n{BODY}\n").title_text is None
    assert read(f"{BODY}\n\n{BODY}\n").title_text is None


def test_no_title_where_the_first_run_runs_into_the_text():
    # no blank line and no heading under it: the run is a paragraph's first lines, or a title the
    # rules cannot tell from one
    assert read(f"Современные датчики давления\n{BODY}\n\n{BODY}\n").title_text is None
