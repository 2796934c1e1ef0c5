"""CSL-JSON records to render into synthetic training entries.

English: the shipped .bib files (read by the exporter's own .bib loader), and records put
together at random from the values of the public training sets' *training* split (titles,
journals, collections, publishers, places, family names), so the styles meet real-looking
values. Russian and Kazakh: records put together from cyrillic_pools.json (written by hand).
"""

from __future__ import annotations

import random
import re
from pathlib import Path

GIVEN_EN = (
    "John", "Mary", "James", "Patricia", "Robert", "Jennifer", "Michael", "Linda", "William", "Elizabeth", "David", "Barbara",
    "Richard", "Susan", "Joseph", "Jessica", "Thomas", "Sarah", "Charles", "Karen", "Daniel", "Nancy", "Matthew", "Lisa",
    "Anthony", "Margaret", "Mark", "Sandra", "Donald", "Ashley", "Steven", "Emily", "Paul", "Donna", "Andrew", "Michelle",
    "Kenneth", "Carol", "Joshua", "Amanda", "Kevin", "Melissa", "Brian", "Deborah", "George", "Stephanie", "Timothy",
    "Rebecca", "Ronald", "Laura", "Jason", "Helen", "Edward", "Anna", "Jeffrey", "Kimberly", "Ryan", "Angela", "Jacob",
    "Hans", "Jürgen", "Klaus", "Pierre", "Jean-Claude", "François", "Marco", "Giuseppe", "Luca", "Carlos", "José", "Ana",
    "Wei", "Li", "Hiroshi", "Yuki", "Sanjay", "Priya", "Ahmed", "Fatima", "Lars", "Ingrid", "Sven", "Abraham", "Jacob",
    "Ole", "Piotr", "Tomasz", "Ivan", "Olga", "Dmitri", "Alexei", "Nikolai", "Yuri", "Erik", "Noam", "Donald E.", "Leslie",
)
_STOP = {"and", "And", "The", "In", "Eds", "Ed", "Editors", "Editor", "Jr", "Sr", "Inc", "Ltd", "University", "Press", "Group", "Collaboration", "Team", "Society"}


def segments(line: dict, label: str) -> list[str]:
    """The values of one label in a training line, with the punctuation around them stripped."""
    out = []
    for s, e, lab in line["labels"]:
        if lab == label:
            if out and out[-1][1] >= s - 1:
                out[-1] = (out[-1][0], e)
            else:
                out.append((s, e))
    return [_clean(line["text"][s:e]) for s, e in out]


def _clean(value: str) -> str:
    value = re.sub(r"^(?:In:?|in:?)\s", "", value.strip())
    return value.strip(" .,;:()[]\"“”«»'")


def mine(lines: list[dict], with_collection: bool = False) -> dict[str, list[str]]:
    labels = ("title", "journal", "container", "publisher", "location") + (("collection",) if with_collection else ())
    pools: dict[str, set[str]] = {k: set() for k in labels + ("family",)}
    for x in lines:
        for label in labels:
            for value in segments(x, label):
                words = value.split()
                limits = {"title": (3, 30), "journal": (1, 10), "container": (2, 20), "publisher": (1, 6), "location": (1, 4), "collection": (2, 12)}[label]
                if limits[0] <= len(words) <= limits[1] and not re.search(r"\d{4}|https?:|[<>{}]", value):
                    pools[label].add(value)
        for value in segments(x, "author"):
            for w in re.findall(r"\b[A-Z][a-zà-ÿ'’-]{2,}(?:-[A-Z][a-z]+)?\b", value):
                if w not in _STOP and w not in GIVEN_EN:
                    pools["family"].add(w)
    return {k: sorted(v) for k, v in pools.items()}


def _person(rng: random.Random, families: list[str]) -> dict:
    given = rng.choice(GIVEN_EN)
    if rng.random() < 0.3:
        given += " " + rng.choice("ABCDEFGHJKLMNPRSTW") + "."
    person = {"family": rng.choice(families), "given": given}
    if rng.random() < 0.03:
        person["non-dropping-particle"] = rng.choice(["van", "de", "von", "van der", "de la"])
    return person


def _people(rng: random.Random, families: list[str]) -> list[dict]:
    n = min(rng.choice([1, 1, 1, 2, 2, 2, 3, 3, 4, 5, 6, 7, 8, 12]), 12)
    return [_person(rng, families) for _ in range(n)]


def _pages(rng: random.Random) -> str:
    first = rng.choice([rng.randint(1, 30), rng.randint(30, 999), rng.randint(1000, 4000)])
    return f"{first}-{first + rng.randint(1, 40)}" if rng.random() < 0.93 else str(first)


def _date(rng: random.Random) -> dict:
    year = rng.randint(1950, 2024) if rng.random() < 0.9 else rng.randint(1880, 1950)
    return {"date-parts": [[year]] if rng.random() < 0.8 else [[year, rng.randint(1, 12)]]}


def english_records(mined_lines: list[dict], root: Path, rng: random.Random, n: int = 2600) -> list[dict]:
    pools = mine(mined_lines)
    records = bib_records(root)
    fam = pools["family"]
    for i in range(n):
        kind = rng.choices(["article-journal", "book", "chapter", "paper-conference", "thesis", "report", "webpage"], [50, 14, 13, 14, 3, 3, 3])[0]
        item: dict = {"id": f"en{i}", "type": kind, "title": rng.choice(pools["title"]), "issued": _date(rng)}
        item["author"] = _people(rng, fam)
        if kind == "article-journal":
            item["container-title"] = rng.choice(pools["journal"])
            item["volume"] = str(rng.randint(1, 350))
            if rng.random() < 0.6:
                item["issue"] = str(rng.randint(1, 12))
            if rng.random() < 0.92:
                item["page"] = _pages(rng)
        elif kind in ("chapter", "paper-conference"):
            item["container-title"] = rng.choice(pools["container"])
            if rng.random() < 0.85:
                item["page"] = _pages(rng)
            if rng.random() < 0.4:
                item["editor"] = [_person(rng, fam) for _ in range(rng.randint(1, 3))]
            if rng.random() < 0.6:
                item["publisher"] = rng.choice(pools["publisher"])
            if rng.random() < 0.5:
                item["publisher-place"] = rng.choice(pools["location"])
            if kind == "paper-conference" and rng.random() < 0.3:
                item["volume"] = str(rng.randint(1, 12000))
                item["collection-title"] = rng.choice(["Lecture Notes in Computer Science", "LNCS", "Advances in Intelligent Systems and Computing", "Proceedings of Machine Learning Research", "CEUR Workshop Proceedings", "Springer Proceedings in Mathematics"])
        elif kind in ("book", "report", "thesis"):
            item["publisher"] = rng.choice(pools["publisher"])
            if rng.random() < 0.7:
                item["publisher-place"] = rng.choice(pools["location"])
            if kind == "book" and rng.random() < 0.2:
                item["edition"] = str(rng.randint(2, 6))
            if kind == "book" and rng.random() < 0.25:
                item["number-of-pages"] = str(rng.randint(80, 900))
            if kind == "thesis":
                item["genre"] = rng.choice(["PhD thesis", "Doctoral dissertation", "Master's thesis", "Ph.D. dissertation"])
            if kind == "report":
                item["genre"] = "Technical Report"
                item["number"] = rng.choice(["TR-", "CS-", ""]) + str(rng.randint(1, 999))
        elif kind == "webpage":
            item["URL"] = f"https://www.{rng.choice(['example', 'research', 'data', 'project'])}{rng.randint(1, 99)}.org/{rng.choice(['docs', 'papers', 'about', 'reports'])}/{rng.randint(100, 9999)}"
            item["accessed"] = {"date-parts": [[rng.randint(2015, 2024), rng.randint(1, 12), rng.randint(1, 28)]]}
            if rng.random() < 0.5:
                item["container-title"] = rng.choice(pools["publisher"])
        if kind != "webpage" and rng.random() < 0.35:
            item["DOI"] = f"10.{rng.randint(1000, 99999)}/{rng.choice(['j.', 's', 'a', ''])}{rng.randint(10000, 999999)}"
        if kind != "webpage" and rng.random() < 0.06:
            item["URL"] = f"https://arxiv.org/abs/{rng.randint(1000, 2400)}.{rng.randint(10000, 19999)}"
        if kind == "book" and rng.random() < 0.2:
            item["ISBN"] = _isbn(rng)
        records.append(item)
    return records


def _isbn(rng: random.Random) -> str:
    digits = [9, 7, 8] + [rng.randint(0, 9) for _ in range(9)]
    check = (10 - sum(d * (1 if i % 2 == 0 else 3) for i, d in enumerate(digits)) % 10) % 10
    s = "".join(map(str, digits + [check]))
    return f"{s[:3]}-{s[3]}-{s[4:8]}-{s[8:12]}-{s[12]}"


def bib_records(root: Path) -> list[dict]:
    """The shipped .bib files, through the exporter's loader and CSL mapping."""
    import sys

    sys.path.insert(0, str(root))
    from exporter.references.bibtex import load_bib
    from exporter.references.csljson import csl_item

    out = []
    for path in sorted([root / "tests/data/tugboat-120.bib", root / "references/demo-typesetting.bib"] + list((root / "tests/cases").glob("*/*.bib"))):
        try:
            bib = load_bib(str(path))
        except Exception:
            continue
        for i, entry in enumerate(bib.entries):
            item = csl_item(entry, key=f"bib-{path.parent.name}-{i}")
            if item.get("title") and item.get("author"):
                out.append(item)
    return out


# ---- Russian and Kazakh -----------------------------------------------------------------------


def _female(family: str) -> str:
    if family.endswith(("ов", "ев", "ёв", "ин", "ын")):
        return family + "а"
    if family.endswith("ий"):
        return family[:-2] + "ая"
    return family


def cyrillic_person(p: dict, rng: random.Random, lang: str) -> dict:
    female = rng.random() < 0.4
    if lang == "kk" and rng.random() < 0.7:
        family = rng.choice(p["kk_family_female"] if female else p["kk_family_male"])
        given = rng.choice(p["kk_given_female"] if female else p["kk_given_male"])
    else:
        family = rng.choice(p["ru_family_male"])
        family = _female(family) if female else family
        given = rng.choice(p["ru_given_female"] if female else p["ru_given_male"])
    # A foreign or Kazakh name has no patronymic in Russian lists (`Заде Л.`, `Саати Т.`).
    return {"family": family, "given": given[0] if rng.random() < 0.15 else " ".join(given)}


def cyrillic_records(p: dict, rng: random.Random, n: int = 2400) -> list[dict]:
    out = []
    for i in range(n):
        lang = "kk" if rng.random() < 0.35 else "ru"
        titles = p["kk_titles"] if lang == "kk" and rng.random() < 0.7 else p["ru_titles"]
        kind = rng.choices(["article-journal", "book", "chapter", "paper-conference", "thesis", "webpage"], [45, 25, 8, 12, 4, 6])[0]
        item: dict = {"id": f"{lang}{i}", "type": kind, "language": lang, "title": rng.choice(titles), "issued": {"date-parts": [[rng.randint(1965, 2024)]]}}
        item["author"] = [cyrillic_person(p, rng, lang) for _ in range(rng.choice([1, 1, 1, 2, 2, 3, 3, 4, 5]))]
        if kind == "article-journal":
            item["container-title"] = rng.choice(p["kk_journals"] if lang == "kk" else p["ru_journals"])
            if rng.random() < 0.55:
                item["volume"] = str(rng.randint(1, 120))
            item["issue"] = str(rng.randint(1, 12)) if rng.random() < 0.85 else f"{rng.randint(1, 6)} ({rng.randint(10, 140)})"
            item["page"] = _pages(rng)
        elif kind in ("chapter", "paper-conference"):
            item["container-title"] = rng.choice(p["kk_collections"] if lang == "kk" else p["ru_collections"])
            place, pub = rng.choice(p["kk_publishers"] if lang == "kk" else p["ru_publishers"])
            item["publisher-place"] = place
            if rng.random() < 0.6:
                item["publisher"] = pub
            item["page"] = _pages(rng)
            if rng.random() < 0.3:
                item["editor"] = [cyrillic_person(p, rng, lang)]
        elif kind in ("book", "thesis"):
            place, pub = rng.choice(p["kk_publishers"] if lang == "kk" else p["ru_publishers"])
            item["publisher-place"] = place
            if kind == "book" or rng.random() < 0.3:
                item["publisher"] = pub
            item["number-of-pages"] = str(rng.randint(40, 900))
            if kind == "book" and rng.random() < 0.35:
                item["genre"] = rng.choice(p["kk_genre_addon"] if lang == "kk" else p["ru_genre_addon"])
            if kind == "book" and rng.random() < 0.15:
                item["edition"] = str(rng.randint(2, 5))
            if kind == "book" and rng.random() < 0.2:
                item["ISBN"] = _isbn(rng)
            if kind == "thesis":
                item["genre"] = rng.choice(p["kk_theses"] if lang == "kk" else p["ru_theses"])
                item["number"] = rng.choice(p["ru_specialities"])
        else:
            title, url = rng.choice(p["sites"])
            item["title"] = title
            item["URL"] = url
            item["accessed"] = {"date-parts": [[rng.randint(2015, 2024), rng.randint(1, 12), rng.randint(1, 28)]]}
            if rng.random() < 0.6:
                del item["author"]
        if kind == "article-journal" and rng.random() < 0.15:
            item["DOI"] = f"10.{rng.randint(1000, 99999)}/{rng.choice(['', 'vestnik.', 'jos.'])}{rng.randint(2000, 2024)}.{rng.randint(1, 99)}.{rng.randint(1, 12)}"
        out.append(item)
    return out


# ---- GIANT-style records (build.py --giant) ---------------------------------------------------
# Values beyond the training sets' own: real journal titles with their ISO-4 abbreviations,
# conference names, publishers, universities and places from public lists (build.py's
# `external_pools`, LICENSES.md), and title shapes the mined titles rarely have (inner colon,
# inner full stop, a question), editions, translators, series, thesis schools and report
# institutions. Half of each value still comes from the mined pools, so both kinds are seen.

_ORDINALS = ("1st", "2nd", "3rd", "4th", "5th", "6th", "7th", "8th", "9th", "10th", "11th", "12th", "14th", "17th", "20th", "23rd", "25th", "31st", "40th")
_CONF_FORMS = ("Proceedings of the {n} {name}", "Proc. {n} {name}", "{year} {name}", "Proceedings of {name} {year}", "{name}",
               "Proceedings of the {year} {name}", "Proc. of the {name}", "{n} {name} ({acro})", "Proceedings of the {name} ({acro} {year})")
_CONF_KINDS = ("International Conference on", "Annual Symposium on", "Workshop on", "European Conference on", "IEEE International Symposium on",
               "ACM Conference on", "International Workshop on", "Annual Meeting of the")
_EDITIONS = ("2", "3", "4", "5", "2nd rev.", "Revised", "3rd, revised and expanded", "New", "2nd English", "Expanded")
_SERIES = ("Lecture Notes in Mathematics", "Springer Series in Statistics", "Graduate Texts in Mathematics", "Lecture Notes in Physics",
           "Methods in Molecular Biology", "Studies in Computational Intelligence", "Oxford Studies in Phonology", "Cambridge Studies in Linguistics",
           "Progress in Brain Research", "Handbook of Statistics", "Advances in Experimental Medicine and Biology", "Wiley Series in Probability and Statistics",
           "Texts in Applied Mathematics", "Synthesis Lectures on Artificial Intelligence and Machine Learning", "NATO Science Series", "Routledge Studies in Economics")


def _pick(rng: random.Random, mined: list[str], external: list[str], share: float = 0.5) -> str:
    return rng.choice(external if external and rng.random() < share else mined)


def giant_title(rng: random.Random, titles: list[str]) -> str:
    """A mined title, or two joined the way real titles are (`Main: sub`, `Main. Sub`, `Main? Sub`)."""
    first = rng.choice(titles)
    r = rng.random()
    if r < 0.55:
        return first
    second = rng.choice(titles)
    second = second[:1].upper() + second[1:] if rng.random() < 0.7 else second[:1].lower() + second[1:]
    joint = rng.choices([": ", ". ", "? ", " - ", " — "], [50, 20, 15, 8, 7])[0]
    return first.rstrip(".?!:") + joint + second


def giant_container(rng: random.Random, pools: dict, ext: dict, kind: str) -> tuple[str, str | None]:
    """A container title, and its short form where it has one (CSL `container-title-short`)."""
    if kind == "article-journal":
        if ext["journals"] and rng.random() < 0.6:
            full, short = rng.choice(ext["journals"])
            return (short, None) if rng.random() < 0.4 else (full, short if short != full else None)
        return rng.choice(pools["journal"]), None
    if kind == "paper-conference" and ext["conferences"] and rng.random() < 0.6:
        name = rng.choice(ext["conferences"])
        if len(name.split()) == 1:  # an acronym: make the full name around it
            name = f"{rng.choice(_CONF_KINDS)} {rng.choice(pools['title']).split(':')[0].strip()} ({name})"
        acro = "".join(w[0] for w in name.split() if w[:1].isupper())[:6] or "ICML"
        form = rng.choice(_CONF_FORMS)
        return form.format(n=rng.choice(_ORDINALS), name=name, year=rng.randint(1980, 2024), acro=acro), None
    return rng.choice(pools["container"]), None


def giant_publisher(rng: random.Random, pools: dict, ext: dict, kind: str) -> str:
    """A publisher; for a thesis its school, for a report its institution."""
    if kind == "thesis" or (kind == "report" and rng.random() < 0.5):
        return _pick(rng, pools["publisher"], ext["universities"]) if rng.random() < 0.85 else rng.choice(pools["publisher"])
    return _pick(rng, pools["publisher"], ext["publishers"])


def _giant_book_parts(item: dict, rng: random.Random, fam: list[str], pools: dict) -> None:
    """Editions, translators and series of books (and a translator now and then elsewhere)."""
    if item["type"] == "book" and rng.random() < 0.25:
        item["edition"] = rng.choice(_EDITIONS)
    if item["type"] in ("book", "chapter") and rng.random() < 0.08:
        item["translator"] = [_person(rng, fam) for _ in range(rng.randint(1, 2))]
    if item["type"] in ("book", "report") and rng.random() < 0.2:
        series = pools.get("collection") or []
        item["collection-title"] = _pick(rng, list(_SERIES), series)
        if rng.random() < 0.6:
            item["collection-number"] = str(rng.randint(1, 2500))
    if item["type"] == "book" and rng.random() < 0.1:
        item["editor"] = [_person(rng, fam) for _ in range(rng.randint(1, 3))]
        if rng.random() < 0.5:
            del item["author"]


def giant_records(mined_lines: list[dict], ext: dict, rng: random.Random, n: int = 3600) -> list[dict]:
    """English records of every kind with values from the mined and the public pools."""
    pools = mine(mined_lines, with_collection=True)
    fam = pools["family"]
    out = []
    for i in range(n):
        kind = rng.choices(["article-journal", "book", "chapter", "paper-conference", "thesis", "report", "webpage"], [44, 16, 13, 15, 5, 5, 2])[0]
        item: dict = {"id": f"gi{i}", "type": kind, "title": giant_title(rng, pools["title"]), "issued": _date(rng), "author": _people(rng, fam)}
        if kind in ("article-journal", "chapter", "paper-conference"):
            item["container-title"], short = giant_container(rng, pools, ext, kind)
            if short:
                item["container-title-short"] = short
            if rng.random() < 0.88:
                item["page"] = _pages(rng)
        if kind == "article-journal":
            item["volume"] = str(rng.randint(1, 350))
            if rng.random() < 0.6:
                item["issue"] = str(rng.randint(1, 12))
        elif kind in ("chapter", "paper-conference") and rng.random() < 0.4:
            item["editor"] = [_person(rng, fam) for _ in range(rng.randint(1, 3))]
        if kind != "article-journal" and kind != "webpage" and (kind in ("book", "thesis", "report") or rng.random() < 0.6):
            item["publisher"] = giant_publisher(rng, pools, ext, kind)
            if rng.random() < 0.65:
                item["publisher-place"] = _pick(rng, pools["location"], ext["places"], 0.3)
        _giant_book_parts(item, rng, fam, pools)
        _giant_kind_parts(item, rng)
        out.append(item)
    return out


def _giant_kind_parts(item: dict, rng: random.Random) -> None:
    """Genres, numbers, page counts, identifiers and web addresses, as english_records gives them."""
    kind = item["type"]
    if kind == "thesis":
        item["genre"] = rng.choice(["PhD thesis", "Doctoral dissertation", "Master's thesis", "Ph.D. dissertation", "PhD dissertation", "MSc thesis"])
    if kind == "report":
        item["genre"] = rng.choice(["Technical Report", "Tech. Rep.", "Research Report", "Working Paper", "Report"])
        item["number"] = rng.choice(["TR-", "CS-", "", "RR-", "WP "]) + str(rng.randint(1, 999))
    if kind == "book" and rng.random() < 0.25:
        item["number-of-pages"] = str(rng.randint(80, 900))
    if kind == "webpage":
        item["URL"] = f"https://www.{rng.choice(['example', 'research', 'data', 'project'])}{rng.randint(1, 99)}.org/{rng.choice(['docs', 'papers', 'about', 'reports'])}/{rng.randint(100, 9999)}"
        item["accessed"] = {"date-parts": [[rng.randint(2015, 2024), rng.randint(1, 12), rng.randint(1, 28)]]}
    if kind != "webpage" and rng.random() < 0.3:
        item["DOI"] = f"10.{rng.randint(1000, 99999)}/{rng.choice(['j.', 's', 'a', ''])}{rng.randint(10000, 999999)}"
    if kind == "book" and rng.random() < 0.2:
        item["ISBN"] = _isbn(rng)
