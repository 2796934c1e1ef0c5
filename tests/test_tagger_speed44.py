"""speed44: a convention whose trigger an entry lacks is not run on it, and one whose trigger the
entry has still is (invented entries, labels written by hand: no model is asked)."""

import pytest

from exporter.references.tagger import Tagged, conventions, normalise
from exporter.references.tagger.features import tokenize


def _tagged(text: str, labels: list[str]) -> Tagged:
    spans = tuple(tokenize(text))
    assert len(spans) == len(labels), [text[s:e] for s, e in spans]
    return Tagged(text, spans, tuple(labels), (0.99,) * len(spans))


# An APA article in ASCII: no Cyrillic letter, no colon, no slash, no square bracket, no page or
# number mark, no dash but the range's hyphen, no link.
APA = _tagged(
    "Smith, J. (2001). A study of things. Journal of Stuff, 12, 1-20.",
    ["author", "author", "date", "title", "title", "title", "title", "journal", "journal", "journal", "volume", "pages"],
)

# Each convention with a trigger APA lacks (in brackets: the trigger).
SKIPPED = [
    "_day_before_a_month",  # a Cyrillic month's name
    "_contraction_not_date",  # Cyrillic letters
    "_conference_bracket_in_the_host",  # a Cyrillic month or `г.`
    "_date_of_coming_into_force",  # `Введ.`
    "_year_inside_a_host_title",  # `//`
    "_glued_page_count",  # `с.`, `p.`, …
    "_number_glued_to_its_sign",  # `№`
    "_electronic_resource_notes",  # `Загл.`, `Яз.`
    "_volume_inside_a_host",  # `Т.`, `Vol.`
    "_volume_mark_not_journal",  # `Vol.`, `Том`
    "_mla_volume_year_and_pages",  # `(1998):`
    "_bracketed_word_opening_the_title",  # `[`
    "_publisher_after_a_colon",  # `:`
    "_last_name_before_a_colon",  # `:`
    "_pages_after_the_volumes_colon",  # `370:`
    "_year_inside_a_title",  # an en or em dash
    "_link_read_into_the_imprint",  # `https://`, a publisher
    "_part_closing_the_title",  # `chapter`, `vol`
    "_meeting_after_the_titles_last_comma",  # `Conference`, no host
    "_place_before_a_named_publisher",  # a publisher, Cyrillic
    "_quoted_title",  # a quote
    "_possessive_title",  # an apostrophe
    "_country_closing_a_publishers_name",  # a place's colon
    "_corporate_author_first",  # `Organization`, `Institute`, …
    "_host_before_a_page_range",  # a publisher
    "_title_read_as_names_before_the_slash",  # `/`
]


def _refuse(name):
    def run(*args, **kwargs):
        raise AssertionError(f"{name} ran on an entry without its trigger")

    return run


@pytest.mark.parametrize("name", SKIPPED)
def test_a_convention_is_not_run_on_an_entry_without_its_trigger(monkeypatch, name):
    monkeypatch.setattr(conventions, name, _refuse(name))
    assert conventions.corrected(APA).labels == APA.labels


def test_a_convention_still_runs_on_an_entry_with_its_trigger():
    # MLA's `Journal 30.1 (1998): 107-117.`: the bracketed year's colon is the trigger, and the
    # convention reads the volume before it and the pages after it.
    text = "Roe, Jane. The title. Journal of Stuff 30.1 (1998): 107-117."
    labels = ["author", "author", "title", "title", "journal", "journal", "journal", "journal", "date", "journal"]
    got = conventions.corrected(_tagged(text, labels)).labels
    assert got[7] == "volume" and got[9] == "pages"


def test_the_names_of_a_run_before_the_date_are_not_read_for_a_title_in_them(monkeypatch):
    # The author run is followed by the date and the title comes later: none of the run's tail
    # can go to the title, so its names are not read (`_names_end`).
    monkeypatch.setattr(conventions, "_names_end", _refuse("_names_end"))
    conventions._title_out_of_names(list(APA.text[s:e] for s, e in APA.spans), list(APA.labels), APA.marginals)


def test_a_links_slash_is_not_looked_at_for_gosts_glued_slash(monkeypatch):
    # `_spaced` looks behind at every character; in ASCII a glued slash needs a space before it.
    class Refusing:
        def search(self, text):
            raise AssertionError("searched")

    monkeypatch.setattr(normalise, "_GLUED_SEPARATOR", Refusing())
    assert normalise._spaced("Roe, J. (2020). Title. https://doi.org/10.1000/xyz") is None


def test_gosts_glued_slash_is_still_spaced():
    spaced = normalise._spaced("Основы теории : учеб. пособие/ Н. В. Артамонов. – М., 2010.")
    assert spaced is not None and "пособие / Н." in spaced[0]


def test_a_kind_of_work_is_looked_for_where_one_can_stand():
    assert not normalise._may_name_a_kind_of_work("Journal of Stuff")
    assert normalise._may_name_a_kind_of_work("A Textbook of Physics")
    assert normalise._may_name_a_kind_of_work("Lecture Notes in Physics")
    assert normalise._may_name_a_kind_of_work("Учебное пособие")


class _Refusing:
    """A pattern that must not be asked."""

    def __init__(self, what):
        self.what = what

    def search(self, *args):
        raise AssertionError(f"{self.what} searched")

    match = search


def test_mlas_medium_is_looked_for_only_where_its_word_stands(monkeypatch):
    text = "Roe, Jane. The title. New York: Riverbank Press, 2008."
    assert normalise._MLA_MEDIUM.search(text) is None
    monkeypatch.setattr(normalise, "_MLA_MEDIUM", _Refusing("_MLA_MEDIUM"))
    assert normalise._tagged_without_closings(text)[2] is None


def test_mlas_medium_is_still_read():
    _, _, medium = normalise._tagged_without_closings("Roe, Jane. The title. New York: Riverbank Press, 2008. Print.")
    assert medium is not None and medium["medium"] == "Print"


def test_a_latin_token_is_never_matched_against_gosts_place_abbreviations(monkeypatch):
    monkeypatch.setattr(conventions, "_PLACE_ABBREVIATION", _Refusing("_PLACE_ABBREVIATION"))
    assert conventions.is_place.__wrapped__("London:") is True
    assert conventions.is_place.__wrapped__("Smith,") is False


def test_gosts_place_abbreviations_are_still_places():
    assert conventions.is_place.__wrapped__("М.:") and conventions.is_place.__wrapped__("СПб.,")


def test_the_tokens_least_sure_first_are_sorted_once_ties_in_order():
    tagged = Tagged("a b c d", ((0, 1), (2, 3), (4, 5), (6, 7)), ("title",) * 4, (0.9, 0.5, 0.7, 0.5))
    assert tagged.least_sure_first == [1, 3, 2, 0]
    assert tagged.least_sure_first is tagged.least_sure_first  # (kept: `present` asks it for each missing field)
