"""Entry conventions read from batches 33's and 34's misses (bench/UNSEEN_LISTS.md), each tested on
invented entries of the same forms (no line of the batches' papers)."""

from __future__ import annotations

from exporter.references.fields import parse_entry


def _fields(text: str) -> dict[str, str]:
    return {name: value for name, value, _, _ in parse_entry(text).fields}


def test_year_opening_a_proceedings_name_is_the_names():
    """`// 2019 IEEE 7th Symposium on …. – 2019.` (GOST) and `Title. 2022 IEEE/ACM Conference on …,
    pages 10–18, 2021.` (natbib): the year before the proceedings' name is the name's own; the
    entry's year is the other one printed."""
    gost = _fields(
        "Invented bridges counted by machines / A. Holm, B. Crane, C. Stone [et al.]. – DOI: 10.1000/xyz.2019.1 // "
        "2019 IEEE 7th Symposium on Invented Bridges and Rivers (SIBR). – 2019. – P. 101-109."
    )
    assert gost["booktitle"] == "2019 IEEE 7th Symposium on Invented Bridges and Rivers (SIBR)"
    assert gost["year"] == "2019"
    natbib = _fields(
        "Anna Holm, Bruno Crane, and Clara Stone. Counting bridges with invented machines. "
        "2022 IEEE/ACM Conference on Invented Bridges Workshops (IBW), pages 10–18, 2021."
    )
    assert natbib["booktitle"] == "2022 IEEE/ACM Conference on Invented Bridges Workshops (IBW)"
    assert natbib["year"] == "2021"
