"""Lists and text: what front48 left earlier and fixed (issue 16). Each test fails without its
rule (the guards marked so pass either way).

- A word in small letters alone on its line (`reference`, a diagram's label; `literature`, a
  title's last line; a word a two-column layout set apart) was read as the reference list's
  heading: the paper's last pages read as a list, or a title cut before its last line
  (unseen cermine_test1, malcangi_biometric_chapter, madfedot_english, x404_commits).
"""

from __future__ import annotations

import pytest
from helpers import text_front_matter

from exporter.references.ownlist import is_reference_heading


@pytest.mark.parametrize("line", ["reference", "references", "literature", "  reference  ", "a. references", "литература"])
def test_a_word_in_small_letters_is_no_list_heading(line):
    assert not is_reference_heading(line)


@pytest.mark.parametrize("line", ["References", "REFERENCES", "Reference list", "5. References", "IX. REFERENCES", "Литература", "Список литературы", "■ REFERENCES", "R EFERENCES"])
def test_headings_stay_headings(line):  # guard: passes either way
    assert is_reference_heading(line)


def test_title_ending_on_a_heading_word_keeps_it():
    meta = text_front_matter([
        "Complications of fracture fixation in the elderly: a systematic review of the",
        "literature",
        "Anna Berg, Peter Novak",
        "",
        "Abstract",
        "Background: Fracture fixation in elderly patients carries risks that are poorly described.",
        "",
        "Introduction",
        "Fractures in the elderly are common and their treatment is costly [1].",
    ])
    assert meta.title_text == "Complications of fracture fixation in the elderly: a systematic review of the literature"
