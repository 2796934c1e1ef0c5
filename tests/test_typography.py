"""Hyphenation (Kazakh rules, per-word language) and the total-fit line breaker (exporter/typography)."""

from __future__ import annotations

import itertools
import random
from pathlib import Path

import pytest

from exporter.typography import hyphenation, kazakh
from exporter.typography.hyphenation import SOFT_HYPHEN, Hyphenator, explicit_languages, word_language
from exporter.typography.linebreak import BOX, GLUE, INFINITY, PENALTY, Items, Params, break_lines

WORD_LIST = Path(__file__).parent / "data" / "kazakh_hyphenation.txt"


def hand_divided() -> list[str]:
    lines = WORD_LIST.read_text(encoding="utf-8").splitlines()
    return [line.strip() for line in lines if line.strip() and not line.startswith("#")]


# -- Kazakh ---------------------------------------------------------------------------------------
def hyphenated(word: str) -> str:
    """`word` with `-` at every place kazakh.positions may divide it: `қа-ла-лар`."""
    cuts = (0, *kazakh.positions(word), len(word))
    return "-".join(word[a:b] for a, b in zip(cuts, cuts[1:]))


def test_the_word_list_is_long_and_mostly_from_the_shipped_paper():
    words = hand_divided()
    paper = (Path(__file__).parent.parent / "source" / "kz-china-relations.txt").read_text(encoding="utf-8").lower()
    from_paper = [w for w in words if w.replace("-", "") in paper]
    assert len(words) >= 200 and len(from_paper) >= 150


@pytest.mark.parametrize("divided", hand_divided())
def test_kazakh_words_are_divided_as_by_hand(divided):
    assert hyphenated(divided.replace("-", "")) == divided


def test_kazakh_rules_one_by_one():
    # й and у between vowels start the next syllable; у, и for ұу, ій: the next starts with the vowel
    assert hyphenated("дауыс") == "да-уыс" and hyphenated("буын") == "бу-ын"
    # three consonants: two stay, the third goes (құмырс-қа, not құмыр-сқа)
    assert hyphenated("құмырсқа") == "құ-мырс-қа"
    # never one letter alone on a line: ата, ақыл, армия (ар-мия, not арми-я) stay whole
    assert hyphenated("ақыл") == "ақыл" and hyphenated("армия") == "ар-мия"
    # ь and ъ stay with the consonant before them
    assert hyphenated("съездің") == "съез-дің" and hyphenated("пальто") == "паль-то"
    # abbreviations are not divided; a capital first letter is a word like any other
    assert kazakh.positions("ҚазҰУ") == () and hyphenated("Қазақстан") == "Қа-зақс-тан"
    assert kazakh.positions("Kazakh") == () and kazakh.positions("қазақ2") == ()


# -- words by language ----------------------------------------------------------------------------
def test_each_word_takes_its_own_language():
    assert word_language("қатынас", "ru") == "kk"  # a Kazakh letter, in a Russian paper
    assert word_language("федерация", "kk") == "ru"  # ф: never in a native Kazakh word
    assert word_language("мемлекет", "kk") == "kk" and word_language("мемлекет", "ru") == "ru"
    assert word_language("relationship", "kk") == "en"
    assert word_language("Beziehung", "de") == "de" and word_language("孔子", "kk") is None


def test_the_points_kept_for_a_process_are_kept_by_the_papers_language(monkeypatch):
    """Hyphenators share each word's points within a process; a Cyrillic word with no letter of
    its own (бастама) is Kazakh in a Kazakh paper (бас-та-ма: the break falls between the two
    consonants) and Russian in a Russian one (ба-ста-ма: the TeX patterns keep ст together), so
    a Russian paper hyphenated first must not decide it for a Kazakh one."""
    assert Hyphenator("ru").positions("бастама") == (2, 5)
    assert Hyphenator("kk").positions("бастама") == (3, 5)
    assert Hyphenator("ru").positions("бастама") == (2, 5)
    # A long-lived process (a server's worker) starts a language's table again when it is full.
    monkeypatch.setattr(hyphenation, "KEPT_WORDS", 3)
    hyphenator = Hyphenator("en")
    hyphenator._cache.clear()
    for word in ("typography", "cooperation", "relationship", "documentation"):
        hyphenator.positions(word)
    assert list(hyphenator._cache) == ["documentation"]
    assert hyphenator.positions("typography") == (2, 5, 7)


def test_russian_and_english_use_the_tex_patterns():
    hyphenator = Hyphenator("kk")
    assert hyphenator.soft_hyphens("сотрудничество", only={"ru"}).replace(SOFT_HYPHEN, "-") == "со-труд-ни-че-ство"
    # English keeps three letters after the last hyphen (TeX's \righthyphenmin=3)
    assert hyphenator.soft_hyphens("typography").replace(SOFT_HYPHEN, "-") == "ty-pog-ra-phy"


def test_identifiers_and_abbreviations_are_never_divided():
    hyphenator = Hyphenator("ru")
    text = "DOI: 10.15826/vestnik.2015.14.6.051, https://example.org/documentation COVID-19 БРИКС BigTable"
    assert hyphenator.soft_hyphens(text) == text
    marked = hyphenator.soft_hyphens("«Қазақстан-Қытай», бизнес-планирования.")
    assert marked.replace(SOFT_HYPHEN, "~") == "«Қа~зақс~тан-Қы~тай», биз~нес-пла~ни~ро~ва~ния."


def test_soft_hyphens_only_in_the_languages_asked_for():
    hyphenator = Hyphenator("ru")
    marked = hyphenator.soft_hyphens("Договор Қазақстанмен и Cooperation", only=explicit_languages("ru"))
    assert marked.replace(SOFT_HYPHEN, "~") == "Договор Қа~зақс~тан~мен и Co~op~er~a~tion"


def test_tex_exceptions_are_lower_case_distinct_and_capped():
    hyphenator = Hyphenator("kk")
    words = hyphenator.exceptions(["Қазақстан қазақстан мемлекет, мемлекет; қала Policy"], {"kk"})
    assert words == ["мем-ле-кет", "қа-зақс-тан", "қа-ла"]
    assert hyphenator.exceptions(["мемлекет мемлекет қала"], {"kk"}, limit=1) == ["мем-ле-кет"]
    assert explicit_languages("kk") == {"kk", "ru", "en"} and explicit_languages("ru") == {"kk", "en"}


# -- total fit ------------------------------------------------------------------------------------
SPACE = 3.0


def paragraph(widths: list[float], hyphen_after: set[int] = frozenset()) -> Items:
    """Boxes of the given widths with spaces between; a hyphenation point inside box i splits it in two."""
    items = Items.empty()
    for i, w in enumerate(widths):
        if i:
            items.add(GLUE, SPACE, SPACE / 2, SPACE / 3)
        if i in hyphen_after:
            items.add(BOX, w / 2)
            items.add(PENALTY, 2.0, penalty=50, flagged=True)
            items.add(BOX, w / 2)
        else:
            items.add(BOX, w)
    items.add(GLUE, 0.0, 1e6)
    items.add(PENALTY, 0.0, penalty=-INFINITY)
    return items


def brute_force(items: Items, width: float, tolerance: float) -> float | None:
    """The least total of (10 + 100|r|³)² over every breaking whose lines all fit within the
    tolerance (no hyphens, no fitness demerits): TeX's demerits, computed the slow way."""
    breaks = [i for i, k in enumerate(items.kind) if k == GLUE and items.kind[i - 1] == BOX]
    end = len(items.kind) - 1
    best = None
    for n in range(len(breaks) + 1):
        for chosen in itertools.combinations(breaks, n):
            total, start = 0.0, 0
            for stop in (*chosen, end):
                line = range(start, stop)
                natural = sum(items.width[i] for i in line)
                stretch = sum(items.stretch[i] for i in line)
                shrink = sum(items.shrink[i] for i in line)
                if natural < width:
                    r = (width - natural) / stretch if stretch else float("inf")
                else:
                    r = (width - natural) / shrink if shrink else (0.0 if natural == width else -float("inf"))
                if r < -1 or r > tolerance:
                    break
                total += (10 + 100 * abs(r) ** 3) ** 2
                start = stop + 1
            else:
                best = total if best is None else min(best, total)
    return best


@pytest.mark.parametrize("seed", range(12))
def test_total_fit_finds_the_least_demerits_that_brute_force_finds(seed):
    rng = random.Random(seed)
    widths = [rng.uniform(8, 40) for _ in range(rng.randint(6, 11))]
    items = paragraph(widths)
    width = rng.uniform(55, 90)
    params = Params(tolerance=3.0, final=False, adj_demerits=0.0)
    want = brute_force(items, width, 3.0)
    lines = break_lines(items, (width, width), params)
    if want is None:
        assert lines is None
        return
    got = sum((10 + 100 * abs(line.ratio) ** 3) ** 2 for line in lines[:-1]) + (10 + 100 * abs(lines[-1].ratio) ** 3) ** 2
    assert got == pytest.approx(want, rel=1e-9)


def test_total_fit_tightens_a_line_to_spare_a_gaping_one():
    # First fit: `25 30` on line 1 (20 more would make 81 > 80), 22 pt left to one space of
    # 1.5 pt stretch: r = 14.7. Total fit shrinks line 1 to hold `25 30 20` (r = -0.5) and the
    # rest follows evenly.
    items = paragraph([25, 30, 20, 30, 20, 25, 20])
    lines = break_lines(items, (80, 80), Params(tolerance=10))
    assert [round(line.ratio, 2) for line in lines] == [-0.5, -0.5, 0.0]


def test_a_forced_break_ends_a_line_and_an_unbreakable_box_still_gets_a_line():
    items = paragraph([30, 30])
    items.kind.insert(2, PENALTY), items.width.insert(2, 0.0), items.stretch.insert(2, 0.0)
    items.shrink.insert(2, 0.0), items.penalty.insert(2, -INFINITY), items.flagged.insert(2, False)
    lines = break_lines(items, (100, 100))
    assert [line.end for line in lines] == [2, len(items.kind) - 1]
    wide = paragraph([500, 10])  # a box wider than the line: the final pass sets it anyway
    assert break_lines(wide, (100, 100), Params(final=False)) is None
    assert len(break_lines(wide, (100, 100))) == 2


def test_hyphens_are_used_only_when_they_pay():
    items = paragraph([30, 30, 60], hyphen_after={2})
    assert all(items.kind[line.end] != PENALTY for line in break_lines(items, (65.5, 65.5))[:-1])  # fits without
    lines = break_lines(items, (97, 97))  # 30 + 30 + half of 60 + hyphen, a little shrunk: the only way
    assert items.kind[lines[0].end] == PENALTY


def test_a_line_with_a_tall_inline_drawing_gets_its_height_and_the_paragraph_reserves_it(tmp_path):
    """A formula taller than the text (an integral, a fraction) pushes its line apart from the
    lines around it, and the paragraph's height counts that room: nothing overlaps."""
    from reportlab.lib.styles import ParagraphStyle

    from exporter.typography.pdf import Typesetter

    from PIL import Image as PILImage

    picture = tmp_path / "x.png"
    PILImage.new("RGBA", (1, 1)).save(picture)
    style = ParagraphStyle("body", fontName="Times-Roman", fontSize=10, leading=12)
    words = " ".join(["сөз"] * 40)
    plain = Typesetter("kk").paragraph(f"{words} {words}", style)
    tall = Typesetter("kk").paragraph(f'{words} <img src="{picture}" width="30" height="40" valign="-15"/> {words}', style)
    _, plain_height = plain.wrap(200, 1000)
    _, tall_height = tall.wrap(200, 1000)
    lines = tall.blPara.lines
    with_drawing = [line for line in lines if any(getattr(getattr(w, "cbDefn", None), "kind", None) == "img" for w in line.words)]
    assert len(with_drawing) == 1 and with_drawing[0].ascent >= 25 and with_drawing[0].descent <= -15
    # the same lines but one: that one is 40 pt tall, not 12
    assert tall_height >= plain_height - 12 * (len(plain.blPara.lines) - len(lines)) + 40 - 12 - 1e-6
    # split at a height that holds the lines before the drawing but not its line
    before = lines.index(with_drawing[0])
    parts = tall.split(200, 12 * before + 20)
    assert len(parts) == 2
    parts[0].wrap(200, 1000)
    assert len(parts[0].blPara.lines) == before


def test_a_line_that_cannot_stretch_is_bad_but_not_infinitely_so():
    """A long address broken into pieces each nearly a line wide: those lines have no glue and
    cannot be justified (TeX's inf_bad). The lines of words around them must still be chosen
    well; with an infinite badness every breaking ties and the words get a line each."""
    items = Items.empty()
    for kind, width in ((BOX, 48.5), (GLUE, SPACE), (BOX, 48.5), (GLUE, SPACE), (BOX, 90.0), (PENALTY, 0.0), (BOX, 90.0), (GLUE, SPACE), (BOX, 48.5), (GLUE, SPACE), (BOX, 48.5)):
        if kind == GLUE:
            items.add(GLUE, width, width / 2, width / 3)
        else:
            items.add(kind, width, penalty=200.0 if kind == PENALTY else 0.0)
    items.add(GLUE, 0.0, 1e6)
    items.add(PENALTY, 0.0, penalty=-INFINITY)
    lines = break_lines(items, (100.0,), Params(tolerance=4.0))
    # 48.5 + 3 + 48.5 = 100: the words fill their lines exactly; each address piece is alone.
    assert [line.end for line in lines] == [3, 5, 7, len(items.kind) - 1]
    assert lines[0].ratio == 0.0


def test_a_short_word_alone_never_beats_a_loose_line_of_words():
    """`С` / `появлением … HTML(HTML5)`: a one-letter word set alone on a justified line (it has
    no glue, so it was as bad as inf_bad) beat a line of words loose enough to pass TeX's
    inf_bad (seed-40 unseen sogimu_diploma's first paragraph in the PDF edition). A line that
    cannot stretch is the worse the emptier it is."""
    items = Items.empty()
    for width in (5.0, 34.0, 40.0, 20.0, 30.0, 30.0):
        if items.kind:
            items.add(GLUE, 3.0, 1.0, 1.0)
        items.add(BOX, width)
    items.add(GLUE, 0.0, 1e6)
    items.add(PENALTY, 0.0, penalty=-INFINITY)
    # The first three words fill 85 of 100 (r = 7.5: loose, badness 42 000, past inf_bad); the
    # word `20` does not fit after them. The first word alone fills 5 (inf_bad / 0.05 now).
    lines = break_lines(items, (100.0,), Params(tolerance=4.0))
    assert lines[0].end == 5  # after the third word, not the first


def test_words_before_a_piece_wider_than_the_rest_of_the_line_share_one_loose_line():
    """`Пусть также заданы многочлены из (7): <a formula 335 pt wide>.` in a 453 pt line: the
    words fill about half the line, the formula takes the next one. The words' line is very
    loose (r ≈ 57, badness 18 million), and each word alone on a line (no glue: inf_bad over
    its fill, ~80 000) had cost less, so the words were set one a line. A loose line is never
    worse than a line as full that cannot stretch at all."""
    items = Items.empty()
    for width in (36.0, 33.0, 42.0, 66.0, 12.0, 28.0):
        if items.kind:
            items.add(GLUE, 2.5, 1.25, 0.8)
        items.add(BOX, width)
    items.add(GLUE, 2.5, 1.25, 0.8)
    items.add(BOX, 335.0)  # the formula, with its full stop
    items.add(GLUE, 0.0, 1e6)
    items.add(PENALTY, 0.0, penalty=-INFINITY)
    lines = break_lines(items, (453.0,), Params(tolerance=4.0))
    assert len(lines) == 2
    assert lines[0].end == 11  # the glue before the formula
