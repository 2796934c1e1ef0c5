"""Tagged.present (the probability that some token carries a label) read with fewer marginal
calls must give exactly the largest marginal over the tokens, for every label."""

from __future__ import annotations

import pytest

from exporter.references import tagger

# Invented entries in the forms the tagger reads (none from a labelled set).
ENTRIES = [
    "Doe, J. A., & Roe, R. (2011). A study of imaginary things. Journal of Made-up Results, 12(3), 45-67.",
    "J. Doe, R. Roe, and K. Poe, \"Invented signals in fictional networks,\" IEEE Trans. Imag. Syst., vol. 7, no. 2, pp. 101-110, 2015.",
    "Иванов И. И., Петров П. П. Вымышленные методы анализа // Вестник придуманного университета. 2018. Т. 4, № 2. С. 11-19.",
    "Doe J, Roe R. Fictional outcomes of a made-up trial. Imag Med J. 2009;108(2):508-12.",
    "Roe, Richard. Book of Nothing in Particular. 2nd ed. Nowhere: Imaginary Press, 1999.",
    "Petrova A. Something online. URL: http://example.org/page (дата обращения: 01.02.2020).",
    "Smith",
]


def _brute_force(tagged: tagger.Tagged, label: str) -> float:
    """The largest marginal of `label`, every token asked, by a tagger of its own."""
    import pycrfsuite

    model = pycrfsuite.Tagger()
    model.open(str(tagger.MODEL))
    model.set(list(tagged.features))
    return max(model.marginal(label, t) for t in range(len(tagged.features)))


@pytest.mark.parametrize("text", ENTRIES)
def test_present_is_the_largest_marginal_for_every_label(text):
    tagged = tagger.tag(text)
    _, labels = tagger.loaded_model()
    for label in sorted(labels):
        expected = _brute_force(tagged, label)
        assert tagged.present(label) == expected, label


def test_present_of_a_label_the_tagger_never_gives_is_zero():
    assert tagger.tag(ENTRIES[0]).present("no-such-label") == 0.0
