"""A number with a leading zero alone on a line (`002.`, the tail of a DOI wrapped at its full
stop) is no entry number: an author–date list keeps all its entries (read as one entry from that
line on, its whole list was lost). Invented list in APA's form."""

from __future__ import annotations

from exporter.pipeline import read_and_link

PAPER = """\
Faces and judgements

Introduction

People judge faces quickly (Abele & Wojciszke, 2007; Anderson & Kilduff, 2009; Reyes, 2008; Rhodes, 2006; Rule, 2010).

References

Abele, A. E., & Wojciszke, B. (2007). Agency and communion from the perspective of
self versus others. Journal of Personality and Social Psychology, 93(5), 751–763.
Anderson, C., & Kilduff, G. J. (2009). The pursuit of status in social groups. Current
Directions in Psychological Science, 18(5), 295–298.
Reyes, V. (2008). Do the aged and knowledgeable men enjoy more prestige? Evolution and Human
Behavior, 29(4), 275–281. http://dx.doi.org/10.1016/j.evolhumbehav.2008.02.
002.
Rhodes, G. (2006). The evolutionary psychology of facial beauty. Annual Review of
Psychology, 57(1), 199–226.
Rule, N. O. (2010). Polling the face. Journal of Personality and Social Psychology, 98(1), 1–15.
"""


def test_a_wrapped_doi_tail_with_a_leading_zero_opens_no_numbered_list(tmp_path):
    source = tmp_path / "paper.txt"
    source.write_text(PAPER, encoding="utf-8")
    linked = read_and_link(str(source))
    assert [e.text.split(",")[0] for e in linked.document.references] == ["Abele", "Anderson", "Reyes", "Rhodes", "Rule"]
    assert linked.document.references[2].text.endswith("/j.evolhumbehav.2008.02.002.")  # the tail is the entry's, and the DOI's: a zero-padded part goes on after its full stop
    assert not [d for d in linked.diagnostics if d.code in ("CIT002", "CIT007")]
