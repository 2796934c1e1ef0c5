"""Entry conventions read from batch 29's misses (bench/UNSEEN_LISTS.md), each tested on invented
entries of the same forms (no line of the batch's papers)."""

from __future__ import annotations

from exporter.references.fields import parse_entry


def _fields(text: str) -> dict[str, str]:
    return {name: value for name, value, _, _ in parse_entry(text).fields}


def test_the_next_areas_mark_closes_no_host_or_title():
    """GOST's `— P. 12-19` and `— URL:` open the next area: the host and the title end before them."""
    f = _fields("Counting invented bridges / Anna Holm, Boris Crane // WIB '09 Proceedings of the 3rd Workshop on Invented Bridges — P. 12-19 — URL: https://example.org/wib09.")
    assert f["booktitle"] == "WIB '09 Proceedings of the 3rd Workshop on Invented Bridges"
    assert f["pages"] == "12-19"
    f = _fields("Handbook of Invented Bridges — P. 101-140 / Anna Holm, Boris Crane // Invented Press, Springfield — 2011.")
    assert f["title"] == "Handbook of Invented Bridges"
    f = _fields("Bridge Counter Guide // Bridge Counter official site — URL: https://example.org/guide.pdf (online; accessed: 02.03.2019).")
    assert f.get("booktitle", f.get("journal")) == "Bridge Counter official site"


def test_a_word_with_no_names_mark_opens_the_title():
    """A name is closed by a full stop or a comma: `Kotlin Coroutines Guide // Site` has no author,
    and `SPANNER: Title / Names //` is a title whose names follow the slash."""
    f = _fields("Kotlin Coroutines Guide // Kotlin programming language official site — URL: http://kotlinlang.org/docs/coroutines.html (online; accessed: 22.02.2018).")
    assert "author" not in f
    assert f["title"] == "Kotlin Coroutines Guide"
    f = _fields("SPANNER: Scalable Counting of Invented Bridges / Anna Holm, Boris Crane // ICIB '07 Proceedings of the international conference on Invented Bridges — P. 96-105.")
    assert f["title"] == "SPANNER: Scalable Counting of Invented Bridges"
    assert f["author"].startswith("Holm, Anna")


def test_the_title_before_the_slash_is_no_name():
    """`Bridge Forest / Holm A. B., Crane D. // Host`: two words before the slash are the title."""
    f = _fields("Bridge Forest / Holm A. B., Crane D., Stone E. F. // Invented Mining, 2010. IMB’10. Tenth International Conference on. — IEEE, 2010. — С. 11-19.")
    assert f["title"] == "Bridge Forest"
    assert f["author"].startswith("Holm, A. B.")


def test_the_names_after_the_slash_are_no_host():
    """`Title [Текст] / Холм Анна — Москва: Publisher, 2018 — 400 с`: with no `//` the names after
    the slash are the statement of responsibility, not a journal."""
    f = _fields("Холм Анна. Счёт выдуманных мостов [Текст] / Холм Анна — Москва: Выдуманное издательство, 2018 — 400 с")
    assert "journal" not in f and "booktitle" not in f
    assert f["publisher"] == "Выдуманное издательство"


def test_a_journal_whose_name_ends_with_a_number():
    """SAGE's `Boundary 2 40(1): 155–189`: the number before the volume(issue) is the journal's."""
    f = _fields("Holm A (2013) Counting invented bridges at dusk. Bridges 2 40(1): 155–189.")
    assert f["journal"] == "Bridges 2"
    assert f["volume"] == "40"
    assert f["pages"] == "155–189"


def test_the_titles_last_words_after_its_comma_stay_in_it():
    """`Title: Islam, state, agency. Annual Review of Towns 21: 11–37.`: `agency` is the title's."""
    f = _fields("Holm AB (2012) Towns in the Middle East: Islam, state, agency. Annual Review of Invented Towns 21: 11–37.")
    assert f["title"] == "Towns in the Middle East: Islam, state, agency"
    assert f["journal"] == "Annual Review of Invented Towns"


def test_a_day_before_a_month_is_no_page():
    """`Bridge Weekly 797, 1 June.`: the day of a date."""
    f = _fields("Crane D (2006) Counting the bridges of an invented empire. Bridge Weekly 797, 1 June.")
    assert "pages" not in f


def test_acm_article_number_pages_are_read_whole():
    """ACM's `15:1–15:58`: the article's number with its first and last page."""
    f = _fields("Holm, A., Crane, B., and Stone, C. Invented bridges: A survey. ACM Comput. Bridges 41, 3 (July 2009), 15:1–15:58.")
    assert f["pages"] == "15:1–15:58"


def test_acm_conference_short_name_is_no_publisher():
    """`(Springfield, MA, USA, 1999), WIB’99, Invented Press, pp. 5–9.`: the publisher is Invented Press."""
    f = _fields("Holm, A., and Crane, B. Counting bridges at night. In Proceedings of the 12th Workshop on Invented Bridges (Springfield, MA, USA, 1999), WIB’99, Invented Press, pp. 582–588.")
    assert f["publisher"] == "Invented Press"


def test_gost_others_and_a_glued_slash():
    """`Title /А.Холм. -М. [и др.]: Выдумка, .-2012.`: the title ends at the slash, `[и др.]` is
    no part of the publisher."""
    f = _fields("Холм А. Счёт выдуманных мостов /А.Холм. -5-е изд. -М. [и др.]: Выдумка, .-2012. -843с.")
    assert f["title"] == "Счёт выдуманных мостов"
    assert f["publisher"] == "Выдумка"


def test_a_body_before_an_ieee_quoted_title_is_the_author():
    """IEEE's `Invented Bridge Association Counting Committee, "Title," Journal, vol. 4`: the body
    is the author; `Centers for Invented Bridges and Roads` is one body, not two names."""
    f = _fields('Invented Bridge Association Counting Committee, "Counting standards for invented bridges—2020," Bridge Care, vol. 4, no. 1, Jan. 2020.')
    assert f["author"] == "{Invented Bridge Association Counting Committee}"
    assert f["title"] == "Counting standards for invented bridges—2020"
    f = _fields('Centers for Invented Bridges and Roads, "Invented Bridge Statistics Report," Department of Invented Works, Springfield, 2020.')
    assert f["author"] == "{Centers for Invented Bridges and Roads}"


def test_a_bodys_name_with_and_in_it_is_one_family_name():
    """`{Centers for Invented Bridges and Roads}`: the `and` inside the braces is the body's name's."""
    from exporter.references.fields import family_names

    assert family_names("{Centers for Invented Bridges and Roads} and Holm, A.") == ["Centers for Invented Bridges and Roads", "Holm"]
