"""pyphen's parse of its patterns kept between runs (the `pyphen` speed-up in
typography/hyphenation.py): the hyphenation points are those of a fresh parse, a damaged entry
is parsed again, and the speed-up leans only on what pyphen 0.18.1 has."""

from __future__ import annotations

import pytest

from exporter import speedups
from exporter.typography import hyphenation

WORDS = {
    "en": ["hyphenation", "international", "relations", "cooperation", "development", "strategic", "partnership"],
    "ru": ["сотрудничество", "международных", "отношений", "стратегического", "партнёрства", "экономической"],
}


@pytest.fixture
def fresh(monkeypatch, tmp_path):
    """An empty user cache, pyphen's per-process cache and our loader's forgotten."""
    import pyphen

    monkeypatch.setenv("EXPORTER_CACHE_DIR", str(tmp_path))
    monkeypatch.delenv("EXPORTER_PLAIN", raising=False)
    monkeypatch.setattr(pyphen, "hdcache", {})
    hyphenation._pyphen.cache_clear()
    yield tmp_path
    hyphenation._pyphen.cache_clear()


def _positions(language: str) -> list[list[int]]:
    hyphenation._pyphen.cache_clear()
    import pyphen

    pyphen.hdcache.clear()
    hyphenator = hyphenation._pyphen(language)
    return [list(hyphenator.positions(word)) for word in WORDS[language]]


def test_pyphen_still_has_what_the_cache_uses():
    """Fails when pyphen is upgraded: then re-read HyphDict and the version in speedups.PRIVATE."""
    speedups.supported.cache_clear()
    assert speedups.supported("pyphen")


@pytest.mark.parametrize("language", ["en", "ru"])
def test_positions_from_the_cache_are_those_of_a_fresh_parse(fresh, monkeypatch, language):
    monkeypatch.setenv("EXPORTER_PLAIN", "pyphen")
    plain = _positions(language)
    assert not list(fresh.glob("pyphen-*"))  # switched off: nothing stored
    monkeypatch.delenv("EXPORTER_PLAIN")
    first = _positions(language)  # parses and stores
    assert len(list(fresh.glob("pyphen-*"))) == 1
    import pyphen

    real_init = pyphen.HyphDict.__init__
    monkeypatch.setattr(pyphen.HyphDict, "__init__", lambda self, path: pytest.fail("parsed again"))
    cached = _positions(language)  # from the stored parse
    monkeypatch.setattr(pyphen.HyphDict, "__init__", real_init)
    assert plain == first == cached
    assert any(plain)  # the words do have hyphenation points


def test_a_damaged_entry_is_parsed_again(fresh):
    expected = _positions("en")
    for entry in fresh.glob("pyphen-*"):
        entry.write_bytes(entry.read_bytes()[:100])
    assert _positions("en") == expected
