"""The romanised References block: expected strings are the published examples of Kazakh
journals' author guidelines and of the Kazakh Latin alphabet (2021), not this code's output."""

from __future__ import annotations

from pathlib import Path

import pytest

from helpers import REPO

from exporter.diagnostics import InputError
from exporter.references.translit import load_transliteration

TABLES = REPO / "templates" / "kz-journal" / "transliteration.toml"


@pytest.fixture(scope="module")
def kz():
    return load_transliteration(TABLES)


def test_russian_entry_follows_the_bsi_example_of_the_guidelines(kz):
    # acs.kaznpu.kz "Transliteration rules": the BSI option of translit.ru
    assert kz.entry("Иванов И.И., Петров П.П. Формирование профессиональных компетенций будущих педагогов") == (
        "Ivanov I.I., Petrov P.P. Formirovanie professional'nykh kompetentsii budushchikh pedagogov [in Russian]")
    # bulletin-philology.ablaikhan.kz: "Худяков А.И." → "Khudyakov"
    assert kz.entry("Худяков А.И. Дискуссионные вопросы").startswith("Khudyakov A.I. Diskussionnye voprosy")


def test_kazakh_entry_uses_the_2021_latin_alphabet(kz):
    # The transliteration printed with the 1902 text in "Kazakh alphabets" (Wikipedia), 2021 letters.
    assert kz.entry("Бұрыңғы өткен заманда, бір данышпан кісі, Бағдат шаһарының бір үлкен қазысының үйіне келіп қоныпты.") == (
        "Būryñğy ötken zamanda, bır danyşpan kısı, Bağdat şaharynyñ bır ülken qazysynyñ üiıne kelıp qonypty. [in Kazakh]")


def test_case_is_kept_letter_by_letter_and_for_capitals(kz):
    assert kz.entry("ҚАЗАҚСТАН ТАРИХЫ. Шоқан Уәлиханов") == "QAZAQSTAN TARIHY. Şoqan Uälihanov [in Kazakh]"
    assert kz.entry("ХРОНИКА. Хрущёв") == "KHRONIKA. Khrushchev [in Russian]"


def test_latin_entries_and_numbers_are_unchanged(kz):
    entry = "Ziv J., Lempel A. A universal algorithm for sequential data compression // IEEE Trans. Inf. Theory. – 1977. – Vol. 23. – P. 337–343."
    assert kz.entry(entry) == entry


def test_a_table_missing_a_letter_is_refused_naming_it(tmp_path):
    text = TABLES.read_text(encoding="utf-8").replace('"ң" = "ñ", ', "")
    bad = tmp_path / "transliteration.toml"
    bad.write_text(text, encoding="utf-8")
    with pytest.raises(InputError, match=r"\[kk.letters\] has no Latin spelling for ң"):
        load_transliteration(bad)
