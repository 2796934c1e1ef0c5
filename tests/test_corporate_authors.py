"""A body as a work's author (`World Health Organization. …`, `R Core Team (2023)`,
`Министерство здравоохранения …`) is one name, never split into a person's given and family
names: `bib` wrote `author = {Organization, World Health}` and CSL-JSON a person `Organization`."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from exporter.references.fields import family_names, parse_entry
from exporter.references.tagger.normalise import corporate_author


@pytest.mark.parametrize("run, body", [
    ("World Health Organization", "{World Health Organization}"),
    ("R Core Team", "{R Core Team}"),
    ("Ministry of Health of the Republic of Kazakhstan", "{Ministry of Health of the Republic of Kazakhstan}"),
    ("Министерство здравоохранения Республики Казахстан", "{Министерство здравоохранения Республики Казахстан}"),
    ("Federal Reserve Bank of Chicago.", "{Federal Reserve Bank of Chicago}"),
    ("World Health Organization, United Nations University; UNICEF Fund", "{World Health Organization} and {United Nations University} and {UNICEF Fund}"),
])
def test_a_body_is_one_name(run, body):
    assert corporate_author(run) == body


@pytest.mark.parametrize("run", [
    "Xu D, Bureau Y, McIntyre DC",  # Vancouver initials: people named Bureau and Xu
    "Bank Leslie",  # a family name, then a given one
    "Agency, Robert",
    "JC Center",  # initials and a family name
    "Smith J., Department K.",
    "Jacob Ziv and Abraham Lempel",
    "Иванов И. И., Петров П. П.",
])
def test_people_stay_people(run):
    assert corporate_author(run) is None


def test_a_parsed_entry_keeps_the_body_whole_and_its_family_name_is_all_of_it():
    parsed = parse_entry("World Health Organization. WHO global air quality guidelines. Geneva: World Health Organization; 2021. 300 p.")
    assert parsed.get("author") == "{World Health Organization}"
    assert parsed.get("title") == "WHO global air quality guidelines"
    assert family_names("{World Health Organization} and Smith, John and others") == ["World Health Organization", "Smith"]


def test_bib_writes_the_body_braced_in_bibtex_and_literal_in_csl_json(tmp_path):
    paper = tmp_path / "air.txt"
    paper.write_text(
        "Air quality in cities\n\nIvan Petrov\n\nIntroduction\n\nAir pollution kills millions [1].\n\nReferences\n\n"
        "1. World Health Organization. WHO global air quality guidelines. Geneva: World Health Organization; 2021. 300 p.\n",
        encoding="utf-8")

    def bib(to: str) -> str:
        done = subprocess.run([sys.executable, "-m", "exporter", "bib", str(paper), "--to", to], capture_output=True, text=True)
        assert done.returncode == 0, done.stderr
        return done.stdout

    assert "author = {{World Health Organization}}," in bib("bibtex")
    assert json.loads(bib("csl-json"))[0]["author"] == [{"literal": "World Health Organization"}]
