"""speed40: the first read's shortcuts give what the long way gives (invented entries only)."""

import re

from exporter.references import rules
from exporter.references.tagger import Tagged, features
from exporter.references.tagger.features import canonical, sequence_features, token_features, tokenize
from exporter.references.tagger.normalise import names


def _cold():
    features._token.cache_clear()
    features._collapsed.cache_clear()
    features._KIND.clear()
    features._AROUND.clear()


ENTRIES = [
    "Smith, J. A., & Roe, B. (2001). A title of the work. Journal of Things, 12(3), 1-20.",
    "Иванов И.И. Название статьи // Вестник КазНУ. – 2019. – Т. 3, № 2. – С. 45–52.",
    'J. Doe, "Another title," in Proc. IEEE Conf., 2010, pp. 5–9. https://doi.org/10.1000/xyz',
    "Roe B, Smith J. Yet another title. Lancet. 2009;108(2):508-12.",
]


def test_a_token_reads_the_same_whatever_tokens_of_its_kind_came_before():
    # The names made of a token's kind are kept from the first token of that kind: an entry read
    # after others (their kinds' names kept) gets what it gets read alone, caches empty.
    _cold()
    alone = [sequence_features(text, tokenize(text)) for text in ENTRIES]
    for k, text in enumerate(ENTRIES):
        _cold()
        for other in ENTRIES[k + 1 :] + ENTRIES[:k]:
            sequence_features(other, tokenize(other))
        assert sequence_features(text, tokenize(text)) == alone[k]


def test_each_tokens_names_are_its_own_its_neighbours_and_its_pairs():
    # Spelled out from token_features (the token's own names, one list for the whole entry),
    # without the record the features are gathered from.
    _cold()
    text = ENTRIES[0]
    spans = tokenize(text)
    tokens = [text[s:e] for s, e in spans]
    own = [dict(f.split("=", 1) if "=" in f else (f, "") for f in token_features(t)) for t in tokens]
    for i, names in enumerate(sequence_features(text, spans)):
        names = [x.decode() for x in names]
        assert names[: len(token_features(tokens[i]))] == list(token_features(tokens[i]))
        for k in (-3, -2, -1, 1, 2, 3):
            j = i + k
            word = f"{k}:w={own[j]['w']}" if 0 <= j < len(tokens) else f"{k}:edge"
            assert word in names
        if i >= 1:
            before = own[i - 1]
            assert f"-1:shape={before['shape']}" in names
            assert f"-1:caps+num={before['caps']}|{before['num']}" in names
            assert f"-1:end={tokens[i - 1][-1]}" in names
            assert f"prev-end+shape={tokens[i - 1][-1]}|{own[i]['shape']}" in names
            assert f"prev-term+caps={before['term']}|{own[i]['caps']}" in names
            assert f"bigram={before['w']}/{own[i]['w']}" in names
        if i + 1 < len(tokens):
            after = tokens[i + 1]
            assert f"1:shape={own[i + 1]['shape']}" in names
            assert f"+1:start={'w' if after[0].isalnum() else after[0]}" in names
            assert f"1:kw={own[i + 1].get('kw', '')}" in names


def test_a_shape_marks_capitals_small_letters_and_digits_once_a_run():
    assert features._shape("Smith,") == "Aa,"
    assert features._shape("1215–1218.") == "9–9."
    assert features._shape("McDonald") == "AaAa"
    assert features._shape("ÉCOLE") == "A"
    assert features._shape("x²") == "a9"  # a superscript two is a digit to str.isdigit
    assert features._shape("ǅemal") == "ǅa"  # a title-case letter is neither a capital nor a small one
    assert features._shape("((a))") == "(a)"
    assert features._shape("AbCdEfGhIj") == "AaAaAaAa"  # eight marks at most


def test_a_words_shape_read_off_its_case_is_the_one_its_marks_give():
    # speed42: a word of Latin letters (closed by one mark or none) has its shape read off its
    # case (all small, all capitals, a capital then small letters); spelled out here the long way,
    # one mark a character and a run of one mark written once.
    def long_way(token):
        marks = ["A" if c.isupper() else "a" if c.islower() else "9" if c.isdigit() else c for c in token]
        return "".join(m for k, m in enumerate(marks) if k == 0 or m != marks[k - 1])[:8]

    words = ["Smith", "Smith,", "Smith.", "Journal:", "IEEE", "IEEE;", "and", "pp.", "A", "A.", "a",
             "McDonald", "McDonald,", "iPhone", "eBay.", "Ab", "aB", "ABc", "Abc", "Lett.", "X,", "Verylongcapitalisedword"]
    for word in words:
        shape = dict(f.split("=", 1) for f in token_features(word) if "=" in f)["shape"]
        assert shape == long_way(word), word
        assert features._shape(word) == long_way(word), word
    assert features._shape("Aaaa,") == features._shape("Bbbb,") == "Aa,"  # (the same marks: one collapse, kept)


def test_a_word_of_other_letters_reads_as_the_general_checks_read_it():
    # speed42: a word of non-Latin letters (closed by one mark or none) skips the checks for
    # digits, brackets and quotes; its punctuation, brackets, terminal strength, shape and script
    # are those the general checks give.
    words = ["Иванов", "Иванов,", "Вестник.", "КазНУ;", "М.", "СПб.:", "Алматы:", "том", "ТОМ", "Ёлка",
             "Müller,", "ÉCOLE.", "ǅemal", "ʻabc", "Ωmega.", "Қазақстан:", "Ұлы"]
    for word in words:
        got = dict(f.split("=", 1) for f in token_features(word) if "=" in f)
        alpha = "".join(filter(str.isalpha, word))
        script = "cyr" if re.search(r"[\u0400-\u04ff]", word) else "lat" if re.search(r"[A-Za-z\u00c0-\u024f]", word) else "none"
        assert got["punct"] == features._punct(word), word
        assert got["br"] == features._brackets(word), word
        assert got["term"] == features.terminal(word), word
        assert got["shape"] == features._shape(word), word
        assert got["script"] == script, word
        assert got["num"] == ("none" if alpha else got["num"]), word
    assert dict(f.split("=", 1) for f in token_features("Вестник.") if "=" in f)["shape"] == "Aa."
    assert dict(f.split("=", 1) for f in token_features("ʻabc") if "=" in f)["shape"] == "ʻa"  # a letter with no case is its own mark


def test_numbers_are_never_cut_and_glued_elements_still_are():
    for word in ("2005,", "327–335.", "12-34", "(2000).", "(2000),", "1215–1218."):
        assert features._cuts(word) == ()
    assert features._cuts("2009;108(2):508-12") == (5, 8, 12)
    assert features._cuts("(2004)284") == (6,)
    assert features._cuts("Acta6") == (4,)
    assert features._cuts("2016.V.") == (5,)


def test_gost_needs_its_slashes_after_a_space_not_a_web_addresss():
    assert rules.recognise_form("Smith J. A page. Available at: http://example.org/a//b (accessed 1 May 2020)") != "gost"
    assert rules.recognise_form("Иванов И.И. Название // Журнал. 2019. № 2. С. 4.") == "gost"
    assert rules.recognise_form("Ivanov I.\u00a0//\u00a0Journal 2019, 2, 4.") == "gost"


def test_vancouver_names_open_the_text_or_nothing_does():
    tail = "Computerized counselling. AIDS Care. 2007. 19(1), 1-2."
    assert rules.recognise_form(f"Kurth AE, Spielberg F. {tail}") == "vancouver"
    assert rules.recognise_form(f"van Loon AB, Roe C. {tail}") == "vancouver"
    assert rules.recognise_form(f"29. Kurth AE, Spielberg F. {tail}") == "unknown"  # a list's number opens it
    assert rules.recognise_form(f"The Kurth AE, Spielberg F. {tail}") == "unknown"  # no particle before the name


def test_a_host_mark_before_names_goes_and_a_name_opening_with_in_stays():
    assert names("In: Smith J.") == names("Smith J.") == "Smith, J."
    assert names("В: Иванов И.И.") == names("Иванов И.И.")
    assert names("Inoue K.") == "Inoue, K."  # `In` with no colon or space after it is no mark


def test_segments_are_runs_of_one_label_with_their_mean_marginal():
    tagged = Tagged("a b c d e", ((0, 1), (2, 3), (4, 5), (6, 7), (8, 9)), ("author", "author", "title", "author", "author"), (0.5, 1.0, 0.25, 0.75, 0.25))
    assert tagged.segments() == [("author", 0, 3, 0.75), ("title", 4, 5, 0.25), ("author", 6, 9, 0.5)]
    assert Tagged("", (), (), ()).segments() == []


def test_canonical_is_what_the_names_use():
    assert canonical("Ёлка,") == "елка"
