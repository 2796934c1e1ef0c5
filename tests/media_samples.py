"""Documents with figures, tables and formulas built by hand, for the writers' tests.

Pictures are real where the development corpus is on the machine (a photograph, a
screenshot and MathType's WMF previews, read from its Word papers, never copied here);
else small pictures drawn with Pillow. The formulas are real corpus formulas (their TeX
as pandoc writes their OMML).
"""

from __future__ import annotations

import io
import os
import zipfile
from functools import cache
from pathlib import Path

from exporter.linker import Linked
from exporter.model import (
    Cell, Citation, CiteRef, CrossRef, Document, Entry, Figure, Footnote, Heading, Image, Math, Meta, Paragraph, Span, Table,
    Text,
)
from exporter.venue import Template
from exporter.writers import Edition


def corpus_docx() -> Path | None:
    for candidate in (os.environ.get("EXPORTER_CORPUS"), Path(__file__).resolve().parents[2] / "shared" / "corpus", "/work/shared/corpus"):
        if candidate and (Path(candidate) / "docx").is_dir():
            return Path(candidate) / "docx"
    return None


@cache
def corpus_member(paper: str, member: str) -> bytes | None:
    folder = corpus_docx()
    if folder is None or not (folder / f"{paper}.docx").is_file():
        return None
    with zipfile.ZipFile(folder / f"{paper}.docx") as z:
        return z.read(member) if member in z.namelist() else None


def drawn(kind: str, size=(240, 160)) -> bytes:
    """A small picture drawn with Pillow: shapes and a gradient, in format `kind`."""
    from PIL import Image as PILImage
    from PIL import ImageDraw

    picture = PILImage.new("RGB", size, "white")
    draw = ImageDraw.Draw(picture)
    for x in range(size[0]):
        draw.line([(x, 0), (x, size[1] // 3)], fill=(x % 256, 120, 255 - x % 256))
    draw.ellipse([20, 60, 120, 150], outline="black", width=3, fill=(200, 40, 40))
    draw.rectangle([140, 70, 220, 140], outline="black", width=3, fill=(40, 160, 60))
    out = io.BytesIO()
    picture.save(out, kind, dpi=(96, 96))
    return out.getvalue()


def photo() -> Image:
    data = corpus_member("ru_frolovskaya_particle_filter", "word/media/image1.jpeg")
    return Image(data or drawn("JPEG"), "image/jpeg", width=300, height=200 if data is None else None, alt="photo", name="media/image1.jpeg")


def screenshot() -> Image:
    data = corpus_member("ru_fuzzy_infosec_uncertainty", "word/media/image1.png")
    return Image(data or drawn("PNG"), "image/png", alt="chart", name="media/image1.png")


def metafile() -> Image | None:
    data = corpus_member("en_slipchenko_bone_age_ml", "word/media/image10.wmf")
    return Image(data, "image/x-wmf", width=120, height=40, name="media/image10.wmf") if data else None


# Corpus formulas (pandoc's TeX of their OMML), one of them numbered as the paper numbers it.
FORMULAS = [
    r"p\left( x_{k} \middle| z_{1:k - 1} \right) = \int_{}^{}{p\left( x_{k} \middle| x_{k - 1} \right)p\left( x_{k - 1} \middle| z_{1:k - 1} \right)dx_{k - 1}}",
    r"A = \frac{1}{0} + \frac{1}{10}",
    r"x_{k} = Ax_{k - 1} + \ v_{k - 1},\ A = \begin{bmatrix} I_{4} & I_{4}\mathrm{\Delta}t \\ 0 & I_{4} \end{bmatrix}",
    r"\mu_{A}:X\  \rightarrow \lbrack 0,\ 1\rbrack",
]

ENTRY = Entry("1", 1, Span(40, 1, 40, 9), text="Doucet A., Johansen A. A tutorial on particle filtering. 2009.")


def _span(line: int) -> Span:
    return Span(line, 1, line, 20)


def media_document(language: str = "ru") -> Document:
    """Two figures (one of two pictures), a table with merged cells, inline and display formulas,
    cross-references to each, a citation and a footnote."""
    cite = Citation("[1]", (CiteRef("1", entry="1", start=1, end=2, item_start=1, item_end=2),), _span(3))
    wmf = metafile()
    blocks = [
        Heading(1, (Text("Введение"),), _span(1)),
        Paragraph((
            Text("Фильтр частиц "), cite, Text(" оценивает "), Math(r"p(x_{k}|z_{1:k})"), Text(" по выборке; см. "),
            CrossRef("рис. 1", "figure", "1", _span(3), target="fig:1"), Text(", "), CrossRef("табл. 1", "table", "1", _span(3), target="tab:1"),
            Text(" и "), CrossRef("(2)", "equation", "2", _span(3), target="eq:2"), Text("."), Footnote((Text("Примечание к тексту."),)),
        ), _span(3)),
        Paragraph((Text("Плотность предсказания:"), Math(FORMULAS[0], display=True, number="1", label="eq:1")), _span(5)),
        Paragraph((Math(FORMULAS[1], display=True, number="2", label="eq:2"),), _span(6)),
        Figure((photo(),), (Text("Рисунок 1 – Траектория объекта"),), _span(8), number="1", label="fig:1"),
        Paragraph((Text("Модель движения "), Math(FORMULAS[2]), Text(" и функция принадлежности "), Math(FORMULAS[3]), Text(".")), _span(10)),
        Table(
            (
                (Cell((Text("Метод"),), rowspan=2), Cell((Text("Ошибка, м"),), colspan=2)),
                (Cell((Text("средняя"),)), Cell((Text("макс."),))),
                (Cell((Text("ФЧ"),)), Cell((Text("0,42"),)), Cell((Text("1,3"),))),
                (Cell((Text("ФК"),)), Cell((Text("0,57"),)), Cell((Text("2,1"),))),
            ),
            _span(12), header_rows=2, widths=(0.5, 0.25, 0.25), caption=(Text("Таблица 1 – Сравнение методов"),), number="1", label="tab:1",
        ),
        Figure((screenshot(),) + ((wmf,) if wmf else (photo(),)), (Text("Функции принадлежности и формула"),), _span(14), number="2", label="fig:2"),
    ]
    meta = Meta(title=(Text("Фильтр частиц для сопровождения объектов"),), authors=("А. Автор",), language=language)
    return Document("media.docx", meta, tuple(blocks), references=(ENTRY,))


def media_edition(template: str = "kz-conference", document: Document | None = None) -> Edition:
    return Edition(Linked(document or media_document(), ()), Template.load(template))
