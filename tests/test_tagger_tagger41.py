"""tagger41: bench/unseen_lists.py's comparison convention for arXiv preprints (entries invented here)."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "bench"))

import unseen_lists  # noqa: E402


def test_unseen_lists_count_an_arxiv_container_label_as_no_container():
    # The public labelled sets and the parser read `arXiv preprint arXiv:NNNN` as a note (BibLaTeX's
    # eprint); the unseen lists' labels name it the container: compared as no container.
    for container in ("arXiv preprint", "arXiv", "arXiv preprint arXiv:2101.00001", "arXiv:2101.00001"):
        item = {"start": "Roe", "first_author": "Roe", "year": "2021", "title": "Invented widgets", "container": container}
        assert unseen_lists.convention_labels(item)["container"] is None
        assert item["container"] == container  # the labels themselves are kept
        # the parse alike: an arXiv container read as the journal is no container either
        assert unseen_lists.convention_fields({"title": "Invented widgets", "journal": container}) == {"title": "Invented widgets"}
    for container in ("Invented Letters", "arXiv Journal of Invented Widgets", "Сайт Arxiv.org"):  # the last: a GOST `//` host, a site
        assert unseen_lists.convention_labels({"container": container})["container"] == container
        assert unseen_lists.convention_fields({"booktitle": container}) == {"booktitle": container}
