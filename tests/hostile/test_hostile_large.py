"""Large inputs, generated at test time: read whole and right, in bounded time and memory.

Nothing here times anything: a quadratic step or a memory blow-up shows as a run that never
finishes (or is killed), and every result is checked exactly, down to the last citation.
"""

from __future__ import annotations

import contextlib
import io
import json

from exporter.citations import MAX_LABELS
from exporter.cli import main

MB = 1024 * 1024
PARAGRAPH = [
    "Қазақстанның Қытаймен арасындағы сауда-экономикалық ынтымақтастығының мәдени байланыстарымен",
    "ұштасатындығы туралы мәліметтердің жинақталуы 1860 жылғы келісімдерге негізделгендігімен",
    "Торговля между степью и Синьцзяном развивалась медленно, but English words appear too",
]


def run(argv: list[str]) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(argv)
    return code, out.getvalue(), err.getvalue()


def test_50_mb_text_with_its_own_list(tmp_path):
    """~50 MB of seven-line paragraphs, each ending in one of five citations, then the paper's list."""
    lines: list[str] = []
    expected = []
    n = 0
    body = PARAGRAPH[:2] * 3
    block = len(("\n".join(body + PARAGRAPH[2:]) + " [1].\n\n").encode("utf-8"))
    while n * block <= 50 * MB:
        for _ in range(1000):
            label = str(n % 5 + 1)
            lines.extend(body)
            lines.append(PARAGRAPH[2] + f" [{label}].")
            expected.append([label, len(lines), len(PARAGRAPH[2]) + 2, label])
            lines.append("")
            n += 1
    lines += ["Әдебиеттер тізімі", ""] + [f"{k}. Автор {k}. Кітап {k}. – Алматы, 2000." for k in range(1, 6)]
    paper = tmp_path / "big.txt"
    paper.write_text("\n".join(lines) + "\n", encoding="utf-8")
    assert paper.stat().st_size > 50 * MB

    code, out, err = run(["check", "--json", str(paper)])

    assert (code, err) == (0, "")
    report = json.loads(out)
    assert report["diagnostics"] == [] and report["unresolved"] == [] and report["entries"] == 5
    assert [[c["label"], c["line"], c["column"], c["entry"]] for c in report["citations"]] == expected


def test_5_mb_single_line(tmp_path):
    """One 5 MB line of sentences, each citing [1]–[3], every column exact."""
    sentence = "Бұл сөйлем бір жолда тұр, ол өте ұзын жолдың бір бөлігі ғана [2]. "
    count = 5 * MB // len(sentence.encode("utf-8")) + 1
    paper = tmp_path / "line.txt"
    paper.write_text("мәтін " + sentence * count + "\n\nReferences\n\n1. One.\n2. Two.\n3. Three.\n", encoding="utf-8")
    assert paper.stat().st_size > 5 * MB

    code, out, err = run(["check", "--json", str(paper)])

    assert (code, err) == (0, "")
    report = json.loads(out)
    first = len("мәтін ") + sentence.index("[2]") + 1
    assert [[c["label"], c["line"], c["column"]] for c in report["citations"]] == [["2", 1, first + k * len(sentence)] for k in range(count)]
    assert report["diagnostics"] == [
        {"code": "CIT002", "severity": "warning", "message": f"entry [{k}] is never cited", "args": {"entry": f"[{k}]"}, "file": str(paper), "line": 4 + k, "column": 4}
        for k in (1, 3)
    ]


def test_10_mb_bib_with_a_broken_entry_in_the_middle(tmp_path):
    entries = []
    size = 0
    while size < 10 * MB:
        k = len(entries)
        text = (
            f"@article{{key{k},\n  author = {{Жанар, Жахан and Smith, John}},\n  title = {{Қазақстан мен Қытай {k}: {{\\\"o}} $x^2$}},\n"
            f"  journal = {{Вестник}},\n  year = {{{2000 + k % 20}}},\n  pages = {{1--10}}\n}}\n\n"
        )
        entries.append(text)
        size += len(text.encode("utf-8"))
    middle = len(entries) // 2
    entries[middle] = entries[middle].replace("title = {", "title = {{unclosed ", 1)
    bib = tmp_path / "big.bib"
    bib.write_text("".join(entries), encoding="utf-8")
    assert bib.stat().st_size > 10 * MB
    last = len(entries)
    paper = tmp_path / "p.txt"
    paper.write_text(f"мәтін [1] және [{last}] және [@key7].\n", encoding="utf-8")

    code, out, err = run(["check", "--json", str(paper), "--bib", str(bib)])

    assert (code, err) == (0, "")  # a broken entry no one cites is an error, but every citation resolves
    report = json.loads(out)
    assert report["entries"] == last - 1  # only the broken one is lost
    assert [[c["label"], c["entry"]] for c in report["citations"]] == [["1", "key0"], [str(last), f"key{last - 1}"], ["@key7", "key7"]]
    broken_line = 1 + 8 * middle
    assert [d for d in report["diagnostics"] if d["code"] != "CIT002"] == [
        {"code": "BIB002", "variant": "bibtex", "severity": "error", "file": str(bib), "line": broken_line, "column": 1,
         "message": "cannot parse this block: Unexpected block start: `@article`. Was still looking for field-value closing `,` or `}`; it is skipped",
         "args": {"error": "Unexpected block start: `@article`. Was still looking for field-value closing `,` or `}`"}},
    ]
    uncited = [d for d in report["diagnostics"] if d["code"] == "CIT002"]
    assert len(uncited) == last - 4
    assert uncited[0]["message"] == "entry 'key1' [2] is never cited" and uncited[0]["line"] == 9


def test_deeply_nested_braces_in_a_bib_title(tmp_path):
    depth = 50_000
    bib = tmp_path / "deep.bib"
    bib.write_text("@book{a, title={" + "{" * depth + "x" + "}" * depth + "}}\n@book{b, title={B}}\n", encoding="utf-8")
    paper = tmp_path / "p.txt"
    paper.write_text("мәтін [1] [2].\n", encoding="utf-8")
    code, out, err = run(["check", "--json", str(paper), "--bib", str(bib)])
    assert (code, err) == (0, "")
    assert [c["entry"] for c in json.loads(out)["citations"]] == ["a", "b"]
    code, out, err = run(["build", str(paper), "--bib", str(bib), "--out", str(tmp_path / "out"), "--to", "latex"])
    assert (code, err) == (0, "")
    tex = (tmp_path / "out" / "p.tex").read_text(encoding="utf-8")
    assert "\\hypertarget{ref_a}{}" + "\\{" * depth + "x" + "\\}" * depth + "." in tex  # printed as written


def test_ranges_that_would_multiply_into_millions_of_labels_are_refused(tmp_path):
    """`[1–199]` stands for 199 labels: 3000 of them would be 597 000 findings from 24 KB."""
    paper = tmp_path / "amp.txt"
    paper.write_text("мәтін осында\n" + "[1–199] " * 3000 + "\n", encoding="utf-8")
    code, out, err = run(["check", str(paper)])
    assert (code, out) == (2, "")
    assert err == f"exporter: error: {paper}:2: holds more than {MAX_LABELS} citation labels (each number of a range counts); split it into smaller files\n"


def test_many_short_lines(tmp_path):
    """200 000 one-word lines: one paragraph, its end where the file ends."""
    paper = tmp_path / "short.txt"
    paper.write_text("сөз\n" * 199_999 + "соңы [1]\n", encoding="utf-8")
    code, out, err = run(["inspect", str(paper)])
    assert (code, err) == (0, "")
    (block,) = json.loads(out)["blocks"]
    assert (block["line"], block["end_line"], block["end_column"]) == (1, 200_000, 9)
    assert block["text"] == "сөз " * 199_999 + "соңы [1]"


def test_markdown_full_of_picture_and_link_openers_is_read_whole(tmp_path):
    """400 KB of `![` (26 s before: every opener scanned 100 levels of nested labels), then the
    same closed by one `]`, and `[` openers (one closed as a pandoc span, `]{x}`): each is text,
    and the citation after them is read."""
    for body in ("![" * 200_000, "![" * 200_000 + "]", "*[" * 200_000 + "]", "[^" * 200_000 + "]", "[" * 200_000 + "]{x}"):
        paper = tmp_path / "p.md"
        paper.write_text(body + " [1].\n\n[^a]: A note.\n", encoding="utf-8")
        code, out, err = run(["check", "--json", str(paper)])
        assert (code, err) == (1, "")
        report = json.loads(out)
        assert [(c["label"], c["line"], c["column"]) for c in report["citations"]] == [("1", 1, len(body) + 2)]


def test_markdown_table_10000_columns_wide_is_refused_before_parsing(tmp_path):
    paper = tmp_path / "p.md"
    paper.write_text("Text.\n\n|" + "a|" * 10_000 + "\n|" + "-|" * 10_000 + "\n" + ("|" + "b|" * 10_000 + "\n") * 50, encoding="utf-8")
    code, out, err = run(["check", str(paper)])
    assert (code, out) == (2, "")
    assert err == f"exporter: error: {paper}:3: has a table 10000 columns wide; tables of at most 200 columns are read\n"


def test_markdown_front_matter_bibliography_that_is_a_fifo_is_refused(tmp_path):
    import os

    os.mkfifo(tmp_path / "refs.bib")
    paper = tmp_path / "p.md"
    paper.write_text("---\ntitle: T\nbibliography: refs.bib\n---\n\nText [@a].\n", encoding="utf-8")
    code, out, err = run(["check", str(paper)])
    assert (code, out) == (2, "")
    assert err == f"exporter: error: {tmp_path / 'refs.bib'}: is a named pipe (FIFO), not a file; save what it carries to a file first\n"


def test_pdf_flate_bomb_is_refused_within_bounded_memory(tmp_path):
    """1 MB of Flate data unpacking to 1 GB in a page's content stream took 2.1 GB; PDFium now
    reads in a child limited to 512 MB more than its parent, and the file is refused."""
    import zlib

    from make_corpus import PDF_PAPER, pdf_document, pdf_text

    packer = zlib.compressobj(9)
    bomb = b"".join(packer.compress(b" " * (1 << 20)) for _ in range(1024)) + packer.flush()
    paper = tmp_path / "bomb.pdf"
    paper.write_bytes(pdf_document([pdf_text(PDF_PAPER), b""], raw_streams={1: bomb}))
    assert paper.stat().st_size < 1_100_000
    code, out, err = run(["check", str(paper)])
    assert (code, out) == (2, "")
    assert err == f"exporter: error: {paper}: needs more than 512 MB of memory to read (a compressed stream that unpacks to far more than a paper holds?)\n"


def test_pdf_of_2000_dense_pages_is_refused_by_its_text_budget(tmp_path):
    """Inside the page limit, 2,000 pages of text held a worker for a minute; the characters are
    counted first (a few ms a page) and a file with more than a paper holds is refused."""
    from make_corpus import pdf_document, pdf_text

    from exporter.readers.pdf.layout import MAX_CHARS

    line = "Line of dense text with many letters to read in the paper body here [1]."
    page = pdf_text([line] * 45, size=9)
    paper = tmp_path / "volume.pdf"
    paper.write_bytes(pdf_document([page] * 2000))
    per_page = 45 * len(line) + 2 * 44  # PDFium counts every character, spaces too, and the CR LF it puts between lines
    code, out, err = run(["check", str(paper)])
    assert (code, out) == (2, "")
    assert err == f"exporter: error: {paper}: holds more than {MAX_CHARS} characters of text (past page {MAX_CHARS // per_page + 1}); exporter reads papers, not whole volumes: split it\n"


def test_docx_paragraph_of_200_000_runs(tmp_path):
    """One Word paragraph of 200 000 runs (each word its own run, as pasted text often is):
    read in time linear in its runs, the citation after them at its exact column."""
    import sys
    from pathlib import Path

    sys.path.insert(0, str(Path(__file__).parent))
    from make_corpus import W_NS, _word

    words = [f"w{i} " for i in range(200_000)]
    runs = "".join(f'<w:r><w:rPr><w:b/></w:rPr><w:t xml:space="preserve">{w}</w:t></w:r>' for w in words)
    paper = tmp_path / "runs.docx"
    paper.write_bytes(_word(f'<w:document xmlns:w="{W_NS}"><w:body><w:p>{runs}<w:r><w:t>[1]</w:t></w:r></w:p></w:body></w:document>'))

    code, out, err = run(["check", "--json", str(paper)])

    assert (code, err) == (1, "")
    report = json.loads(out)
    assert [[c["label"], c["line"], c["column"]] for c in report["citations"]] == [["1", 1, len("".join(words)) + 1]]
