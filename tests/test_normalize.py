"""One test (or a few) per PDF-text repair rule of exporter/normalize.py.

Wherever possible the input is a real line of the seed paper, source/kz-china-relations.txt,
quoted with its line number; the expected result was worked out by hand from that line.
"""

from __future__ import annotations

import pytest

from exporter.readers.plaintext import normalize as rules
from exporter.readers.plaintext.normalize import Lexicon, attested_words, join_line_end_hyphen
from exporter.readers.plaintext import join_lines

from helpers import seed_line


def join(lines: list[tuple[int, str]], lexicon: Lexicon | None = None, skip: int = 0) -> str:
    return join_lines(lines, lexicon or Lexicon([]), skip=skip).text


def seed_numbered(seed_lines, *numbers: int) -> list[tuple[int, str]]:
    return [(n, seed_line(seed_lines, n)) for n in numbers]


# ---- hard-wrapped lines and runs of spaces ----------------------------------------------


def test_seed_line_is_quoted_exactly(seed_lines):
    # Guard: the quotes below are the seed's own text (line 19, with its double space).
    assert seed_line(seed_lines, 19) == "халықаралық  өзгерістердің сынақтарынан сүрынбей, сенімділік, тең құқылық, өзара "


def test_tokens_collapse_runs_of_spaces_and_keep_source_columns(seed_lines):
    # seed 19: "халықаралық  өзгерістердің сынақтарынан сүрынбей, ..." (two spaces after the first word)
    tokens = rules.tokens_with_columns(seed_line(seed_lines, 19))
    assert tokens[:3] == [(1, "халықаралық"), (14, "өзгерістердің"), (28, "сынақтарынан")]
    assert tokens[-1] == (76, "өзара")  # counted by hand; the trailing space is dropped


def test_tokens_treat_control_characters_as_gaps():
    assert rules.tokens_with_columns("a\x00b\x0cc  d") == [(1, "a"), (3, "b"), (5, "c"), (8, "d")]
    assert rules.is_blank(" \t\x0c ")
    assert not rules.is_blank(" x ")


def test_hard_wrapped_lines_are_joined_with_one_space(seed_lines):
    # seed 16: "әйгілі Ұлы Жібек жолы екі ел арасындағы ғасырларға жалғасқан достықтың нақты айғағы. "
    # seed 17: "Біздің еліміз Қазақстанның тәуелсіздігін алғашқылардың бірі болып таныды және онымен "
    text = join(seed_numbered(seed_lines, 16, 17))
    assert text == (
        "әйгілі Ұлы Жібек жолы екі ел арасындағы ғасырларға жалғасқан достықтың нақты айғағы. "
        "Біздің еліміз Қазақстанның тәуелсіздігін алғашқылардың бірі болып таныды және онымен"
    )


def test_runs_of_spaces_inside_a_line_collapse(seed_lines):
    # seed 63: "орнаған алғашқы жылдардағы 368 млн. доллардан         2010 жылы рекордтық көрсеткішке "
    # seed 214: "- 1860  жылғы  2  қарашадағы  Бейжиң  қосымша  шарты.  Онда шекараның жалпы "
    assert "доллардан 2010 жылы" in join(seed_numbered(seed_lines, 63))
    assert join(seed_numbered(seed_lines, 214), skip=2) == "1860 жылғы 2 қарашадағы Бейжиң қосымша шарты. Онда шекараның жалпы"


def test_joined_text_maps_back_to_source_columns(seed_lines):
    # seed 63: the "2010" after nine spaces stands at column 55 of the source line (counted by hand).
    line = seed_line(seed_lines, 63)
    joined = join_lines(seed_numbered(seed_lines, 62, 63), Lexicon([]))
    offset = joined.text.index("2010 жылы")
    assert joined.position(offset) == (63, line.index("2010") + 1) == (63, 55)


# ---- a paragraph cut by a blank line -----------------------------------------------------


def test_page_break_rejoin_seed_13_15(seed_lines):
    # seed 13: "Қазақстан мен Қытай жақын көрші және ортақ таулармен және өзендермен "
    # seed 14: ""  (page break)
    # seed 15: "байланысқан. Екі елдің достығы мен тату көршілігінің тамыры тереңде жатыр. ..."
    assert seed_line(seed_lines, 14).strip() == ""
    assert rules.rejoins_across_blank_line(seed_line(seed_lines, 13), seed_line(seed_lines, 15))


def test_page_break_rejoin_seed_469_471(seed_lines):
    # seed 469: "Қытай Халық Республикасы - Қазақстанның мемлекеттік қауіпсіздігі мен "
    # seed 470: ""
    # seed 471: "экономикалық дамуына әсер етуші негізгі сыртқы факторлардың бірі ғана болып  қоймай,  "
    assert seed_line(seed_lines, 470) == ""
    assert rules.rejoins_across_blank_line(seed_line(seed_lines, 469), seed_line(seed_lines, 471))


def test_no_rejoin_after_a_finished_sentence(seed_lines):
    # seed 22: "шын мәніндегі жарқын мысалы болып табылады. " / 23 blank / 24: "Бүгін екі елдің ..."
    assert not rules.rejoins_across_blank_line(seed_line(seed_lines, 22), seed_line(seed_lines, 24))
    # seed 212 "негізінде белгіленген болатын. " / 214 "- 1860 ...": ends a sentence
    assert not rules.rejoins_across_blank_line(seed_line(seed_lines, 212), seed_line(seed_lines, 214))


def test_no_rejoin_when_next_part_starts_with_a_capital():
    # Unfinished line, but the next block starts with a capital: two blocks.
    assert not rules.rejoins_across_blank_line("Қазақстан мен Қытай жақын көрші және", "Бүгін екі елдің")
    assert not rules.rejoins_across_blank_line("   ", "байланысқан.")


def test_short_sentence_end_closes_paragraph_without_blank_seed_468(seed_lines):
    # seed 468: " үшін маңызы аса зор болды. " is short, ends a sentence, and seed 469 starts
    # with a capital ("Қытай Халық Республикасы ..."): the paragraph ends there.
    width = 81  # the median length of the seed's body lines
    assert rules.ends_paragraph_without_blank(seed_line(seed_lines, 468), seed_line(seed_lines, 469), width)
    # seed 15 -> 16: a full-width line does not close its paragraph even though it ends in text.
    assert not rules.ends_paragraph_without_blank(seed_line(seed_lines, 15), seed_line(seed_lines, 16), width)
    # seed 22 "... табылады. " is short and ends a sentence, but the next line is blank.
    assert not rules.ends_paragraph_without_blank(seed_line(seed_lines, 22), "", width)


def test_ends_sentence_sees_through_closing_quotes():
    # seed 36: "... айрықша маңызға ие». Ал ..." / seed 316 "... қолдаймыз» дейді [5]."
    assert rules.ends_sentence("маңызға ие.»")
    assert rules.ends_sentence("ләзім: ")  # seed 265
    assert not rules.ends_sentence("өзендермен ")  # seed 13
    assert not rules.ends_sentence("айрықша маңызға ие»")


# ---- line-end hyphens: the seed's decisions -----------------------------------------------


@pytest.fixture(scope="module")
def seed_lexicon(seed_lines) -> Lexicon:
    return attested_words(seed_lines)


@pytest.mark.parametrize(
    ("first", "second", "expected"),
    [
        # seed 60-61: "... елдердің ынты-" / "мақтастығы сауда-экономикалық, ..."
        (60, 61, "ынтымақтастығы"),
        # seed 121-122: "... мемлекеттен жан-жақ-" / "ты ашық экономикалы ..."
        (121, 122, "жан-жақты"),
        # seed 136-137: "... принципі негізінде қарым-" / "қатынасты дамыту ..."
        (136, 137, "қарым-қатынасты"),
        # seed 492-493: "... екі жақтың өзара қарым-" / "қатынасы мен экономикалық ..."
        (492, 493, "қарым-қатынасы"),
        # seed 502-503: "... анықталған, сондай-" / "ақ, еліміздің батысындағы ..."
        (502, 503, "сондай-ақ,"),
        # seed 557-558: "... дамып келеді. Саяси-" / "экономикалық, мәдени-әлеуметтік ..."
        (557, 558, "Саяси-экономикалық,"),
        # seed 516-517: "... Қазақстанда да «Кеңес-" / "СиньЦзян саудасы» ..."
        (516, 517, "«Кеңес-СиньЦзян"),
    ],
)
def test_seed_line_end_hyphens(seed_lines, seed_lexicon, first, second, expected):
    left = rules.tokens_with_columns(seed_line(seed_lines, first))[-1][1]
    right = rules.tokens_with_columns(seed_line(seed_lines, second))[0][1]
    assert rules.ends_with_line_break_hyphen(left)
    assert join_line_end_hyphen(left, right, seed_lexicon) == expected
    # and the same decision inside the joined paragraph text
    assert expected in join(seed_numbered(seed_lines, first, second), seed_lexicon)


def test_seed_lexicon_leaves_out_the_broken_halves(seed_lines, seed_lexicon):
    # seed 60-61 "ынты-" / "мақтастығы": neither half counts as a word written whole ...
    assert "ынты" not in seed_lexicon
    assert "мақтастығы" not in seed_lexicon
    # ... but the whole form is written on seed 70: "экономикалық ынтымақтастығы ешқандай"
    assert "ынтымақтастығы" in seed_lexicon
    # seed 58: "... жасайтын жан-жақты" written whole; seed 18 "қарым-қатынасы" whole.
    assert "жан-жақты" in seed_lexicon
    assert seed_lexicon.has_compound("қарым", "қатынасы")
    # "Саяси-экономикалық" is never written whole; its halves are words of the paper.
    assert not seed_lexicon.has_compound("саяси", "экономикалық")
    assert "саяси" in seed_lexicon and "экономикалық" in seed_lexicon


def test_attested_words_on_two_real_lines(seed_lines):
    # seed 60: "пайдалы сауда-экономикалық әріптестерге айналды. Соңғы жылдары елдердің ынты-"
    # seed 61: "мақтастығы сауда-экономикалық, энергетикалық, шикізаттық емес, инфрақұрылымдық және "
    lex = attested_words([seed_line(seed_lines, 60), seed_line(seed_lines, 61)])
    assert {"пайдалы", "сауда-экономикалық", "сауда", "экономикалық", "елдердің", "және"} <= lex.words
    assert "ынты" not in lex and "мақтастығы" not in lex
    assert lex.compounds["сауда"] == {"экономикалық"}


def test_line_break_hyphen_is_not_a_lone_dash(seed_lines):
    # seed 323 ends "... қойған Қытай -": a spaced dash, not a broken word.
    assert not rules.ends_with_line_break_hyphen(rules.tokens_with_columns(seed_line(seed_lines, 323))[-1][1])
    assert not rules.ends_with_line_break_hyphen("--")  # seed 134 "себебі -- "
    assert rules.ends_with_line_break_hyphen("ынты-")


def test_a_soft_hyphen_at_a_line_end_is_a_line_break_hyphen():
    # pdftotext writes U+00AD for the hyphen a line break showed when the PDF's font maps that
    # glyph so (an unseen Russian thesis: `пред\u00ad` / `ставленной`)
    assert join([(1, "информации, пред\u00ad"), (2, "ставленной в тексте")]) == "информации, представленной в тексте"
    lexicon = Lexicon(["программно-технических"])
    assert join([(1, "программно\u00ad"), (2, "технических решений")], lexicon) == "программно-технических решений"
    assert not rules.ends_with_line_break_hyphen("\u00ad")  # alone: no word broken


def test_a_broken_word_goes_on_with_a_letter_or_a_number_only():
    # A number after a line-end hyphen is a compound's (`CIFAR-10`: before, `CIFAR10`); a sign
    # (a formula's, a bullet) is no word's rest: the two stay apart, the hyphen kept.
    assert join([(1, "trained on CIFAR-"), (2, "10 and GPT-"), (3, "4 models")]) == "trained on CIFAR-10 and GPT-4 models"
    assert join([(1, "the sum over all en-"), (2, "∑ terms")]) == "the sum over all en- ∑ terms"


# ---- line-end hyphens: each evidence step decides, on hand-built lexicons ----------------


def test_step1_attested_compound_keeps_hyphen_in_another_ending():
    # "қарым-қатынас" written whole; the broken form ends differently ("қатынасы").
    lex = Lexicon(["қарым-қатынас"])
    assert join_line_end_hyphen("қарым-", "қатынасы", lex) == "қарым-қатынасы"
    # Without that evidence (no other step applies) it would be taken for a syllable break.
    assert join_line_end_hyphen("қарым-", "қатынасы", Lexicon([])) == "қарымқатынасы"


def test_step1_short_second_part_needs_the_exact_compound():
    # "сондай-ақ": a two-letter tail matches only the compound as written.
    assert join_line_end_hyphen("сондай-", "ақ,", Lexicon(["сондай-ақ"])) == "сондай-ақ,"
    assert join_line_end_hyphen("сондай-", "ақ,", Lexicon(["сондай-ма"])) == "сондайақ,"


def test_step1_wins_over_step2_when_evidence_conflicts():
    # Both "қарым-қатынасы" and "қарымқатынасы" are written whole: the compound wins.
    lex = Lexicon(["қарым-қатынасы", "қарымқатынасы"])
    assert join_line_end_hyphen("қарым-", "қатынасы", lex) == "қарым-қатынасы"
    # Only the joined form is written: it is joined.
    assert join_line_end_hyphen("қарым-", "қатынасы", Lexicon(["қарымқатынасы"])) == "қарымқатынасы"


def test_step2_joined_form_attested_joins():
    # Both halves are words of the document (step 4 alone would keep the hyphen), but the
    # joined form is written whole too: step 2 comes first and joins.
    lex = Lexicon(["ынтымақтастығы", "ынты", "мақтастығы"])
    assert join_line_end_hyphen("ынты-", "мақтастығы", lex) == "ынтымақтастығы"
    assert join_line_end_hyphen("ынты-", "мақтастығы", Lexicon(["ынты", "мақтастығы"])) == "ынты-мақтастығы"


def test_step2_joins_a_hyphenated_word_broken_at_its_last_part():
    # seed 121-122 "жан-жақ-" / "ты": "жан-жақты" is written whole (seed 58).
    assert join_line_end_hyphen("жан-жақ-", "ты", Lexicon(["жан-жақты"])) == "жан-жақты"


def test_step2_outranks_a_capital():
    # A title in capitals broken as "ҚАЗАҚ-" / "СТАН": the joined form is a word of the paper.
    assert join_line_end_hyphen("ҚАЗАҚ-", "СТАН", Lexicon(["қазақстан"])) == "ҚАЗАҚСТАН"
    assert join_line_end_hyphen("ҚАЗАҚ-", "СТАН", Lexicon([])) == "ҚАЗАҚ-СТАН"


def test_step3_capital_keeps_hyphen():
    # seed 516-517 "«Кеңес-" / "СиньЦзян": no evidence but the capital.
    assert join_line_end_hyphen("«Кеңес-", "СиньЦзян", Lexicon([])) == "«Кеңес-СиньЦзян"
    # The same pair in lower case has no evidence at all and is joined (step 5).
    assert join_line_end_hyphen("«кеңес-", "синьцзян", Lexicon([])) == "«кеңессиньцзян"


def test_step4_both_halves_words_keep_hyphen():
    # seed 557-558 "Саяси-" / "экономикалық,": both halves are words of the document.
    assert join_line_end_hyphen("Саяси-", "экономикалық,", Lexicon(["саяси", "экономикалық"])) == "Саяси-экономикалық,"
    # Only one half attested: no evidence, so a syllable break.
    assert join_line_end_hyphen("Саяси-", "экономикалық,", Lexicon(["саяси"])) == "Саясиэкономикалық,"
    # The head of a multi-hyphen stem is its last part: "тату-" + "тәтті" in "көрші-тату-".
    assert join_line_end_hyphen("көрші-тату-", "тәтті", Lexicon(["тату", "тәтті"])) == "көрші-тату-тәтті"


def test_step5_no_evidence_joins_a_syllable_break():
    # seed 60-61 "ынты-" / "мақтастығы" with an empty lexicon.
    assert join_line_end_hyphen("ынты-", "мақтастығы", Lexicon([])) == "ынтымақтастығы"


# ---- dashes and list items ----------------------------------------------------------------


def test_double_hyphen_between_spaces_becomes_dash(seed_lines):
    # seed 134-135: "... басты себебі -- " / "еліміз бейбіт даму жолын ..."
    text = join(seed_numbered(seed_lines, 134, 135))
    assert "басты себебі – еліміз бейбіт" in text
    assert "--" not in text


def test_spaced_hyphen_becomes_dash(seed_lines):
    # seed 226: "шетіндегі Ресей - Қытай шекарасының белгіленуімен аяқталды. "
    assert join(seed_numbered(seed_lines, 226)) == "шетіндегі Ресей – Қытай шекарасының белгіленуімен аяқталды."
    # seed 473: "... шамамен - 1740 шақырым [13].          Қытай - "
    assert join(seed_numbered(seed_lines, 473)).endswith("шамамен – 1740 шақырым [13]. Қытай –")


def test_dash_at_line_end_is_not_a_broken_word(seed_lines):
    # seed 323-324: "... нүкте қойған Қытай -" / "Қазақстан шекарасы туралы келісім, ..."
    assert "қойған Қытай – Қазақстан шекарасы" in join(seed_numbered(seed_lines, 323, 324))


def test_hyphen_glued_to_a_word_is_left_alone(seed_lines):
    # seed 18: "... Сол сәттен бері Қытай -Қазақстан қарым-қатынасы " (not spaced on both sides)
    assert "Қытай -Қазақстан қарым-қатынасы" in join(seed_numbered(seed_lines, 18))
    # the joiner's own rule (the package's `replace_spaced_dash` held a copy only tests called)
    assert [join([(1, f"Қытай {dash} Қазақстан")]) for dash in ("-", "--", "---")] == ["Қытай – Қазақстан"] * 3


@pytest.mark.parametrize(
    ("number", "marker", "first_text"),
    [
        (214, 2, "1860"),  # seed 214: "- 1860  жылғы  2  қарашадағы ..."
        (217, 1, "1864"),  # seed 217: "-1864 жылғы 25-қазандағы Шәуешек хаттамасы. ..."
        (220, 1, "1881жылғы"),  # seed 220: "-1881жылғы 12 ақпандағы Санкт-Петербург шарты. ..."
    ],
)
def test_list_item_markers(seed_lines, number, marker, first_text):
    line = seed_line(seed_lines, number)
    assert rules.list_item_marker(line) == marker
    assert line[marker:].lstrip().startswith(first_text)


def test_not_list_items(seed_lines):
    assert rules.list_item_marker(seed_line(seed_lines, 18)) is None  # "дипломатиялық ... Қытай -Қазақстан"
    assert rules.list_item_marker(seed_line(seed_lines, 224)) is None  # "Бұдан кейін 1882-1890 ..."
    assert rules.list_item_marker("-- еліміз") is None  # a dash, not a bullet
    assert rules.list_item_marker("- ") is None
    assert rules.list_item_marker("• пункт") == 2
