"""The title block from line roles: the classifier judges the rules' answer and proposes its
own, small rules veto what cannot be a title or a name. Which decides what:

- title: the rules' title stands when the model finds it plausible (its lines have a mean
  probability of being title lines of at least PLAUSIBLE) and no veto strikes it; else the
  model's: the first run of lines it calls `title` that no veto strikes (one in the paper's
  script first), or the likeliest title lines; else the rules' title after all;
- authors: likewise, the rules' first author judged by the probability that their line is an
  author line; else the names on the lines the model calls `author` above the abstract
  (those in the title's script first);
- e-mail addresses: every address on the front lines (`{fay,jeff}@google.com` spelled out);
- everything else (UDC, abstracts, keywords, affiliations, where the body starts): the rules.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ...references.ownlist import is_reference_heading
from .frontmatter import (
    ABSTRACT, AUTHOR_ALONE, AUTHOR_LABEL, BARE_UDC, CODES, DATE_OR_KIND, FULL_NAME, IRSTI, KEYWORDS, RUNNING_HEAD, SUPERVISOR, UDC, author_names, continues_title, marked_by_line_going_on, running_name, is_institution, is_role, is_rubric,
    ORCID_IN_BRACKETS, is_title_line, names_institution, repeats_header, script,
)
from .roles import LineItem, NameLexicon, Role, label_lines, loaded_names
from .sections import is_section_name

# A ResearchGate cover page and similar: its lines are never the paper's title or authors. Its
# counts (`CITATIONS   READS`, `128   1,021`) are a line of their own: a title may cite `Citations`.
# A publisher's download cover (IOP's, Taylor & Francis's) says `To cite this article:`, `You may
# also like`, `View the article online`, `This content was downloaded from IP address …`.
_COVER = re.compile(
    r"SEE PROFILE|^\s*(?:(?:CITATIONS?|READS)\b[\s\d,.]*)+$|All content following this page|Some of the authors of this publication|"
    r"uploaded by|ResearchGate|Download(?:ed)? from|View publication stats|User on \d|"
    r"^To (?:cite|link to) this article|^You may also like$|^View the article online|This content was downloaded from",
    re.IGNORECASE,
)
# A copyright line (`© 2021 Elsevier`, `Copyright (c) 2019`, `(c) 2016 …`, and LaTeX's `\copyright` drawn
# from a font without the circle: `c 2016 Society for Industrial and Applied Mathematics`).
_COPYRIGHT = re.compile(r"^[-–]?\s*(?:©|\(c\)|copyright\b|c\s+(?:19|20)\d\d\b)", re.IGNORECASE)
# An affiliation's first line in English forms (`Dept. of Comp. Science & Engineering`, `School
# of Physics`, `Faculty of Medicine`): an address block's, never a title (IEEE sets author blocks side by side under it).
_AFFILIATION_OPENING = re.compile(r"^(?:Dept\.?|Department|Faculty|School|Institute|Laboratory|Lab\.|Division|Centre|Center|College)\s+(?:of|for)\s+[A-Z]")
# A degree or its programme named on a thesis cover (`BSc (Hons) Computer Games Technology`, `Master of
# Science in Data Analytics`, `MSc Thesis`): the work's kind, never its title.
_DEGREE_LINE = re.compile(
    r"^(?:B\.?\s?Sc|M\.?\s?Sc|B\.?\s?Eng|M\.?\s?Eng|B\.?\s?A|M\.?\s?A|Ph\.?\s?D|M\.?\s?Phil)\.?\s*\(\s*Hons?\.?\s*\)"
    r"|^(?:Bachelor|Master|Doctor)\s+of\s+(?:Science|Arts|Engineering|Philosophy|Business|Laws)\b"
    r"|^(?:B\.?\s?Sc|M\.?\s?Sc|B\.?\s?Eng|M\.?\s?Eng|Ph\.?\s?D|M\.?\s?Phil|MBA)\.?\s+(?:thesis|dissertation|project)$",
    re.IGNORECASE,
)
_ADDRESS = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
_GROUPED = re.compile(r"\{([\w.+-]+(?:\s*,\s*[\w.+-]+)+)\}\s*@\s*([\w-]+(?:\.[\w-]+)+)")
_URL = re.compile(r"https?://|www\.", re.IGNORECASE)
_FRONT_END = ("body", "heading")
_NOT_TITLE = ("author", "affiliation", "email")
_HEAD = ("title", "author", "affiliation", "email", "rubric", "code", "furniture")  # what stands above the abstract


def vetoes_title(text: str) -> bool:
    """Lines that are never a paper's title, whatever a model says: a section name (`Введение`),
    a journal rubric (`RESEARCH ARTICLE`), a labelled field (UDC, abstract, keywords…), an
    address, a link or a citation, a reference-list heading, a cover page's furniture (`SEE PROFILE`), a line
    of names with initials or patronymics, or a fragment (`is_fragment`: `at`, `Edited by:`)."""
    t = " ".join(text.split())
    return is_fragment(t) or _struck(t)


def is_fragment(text: str) -> bool:
    """A piece of a line, never a title alone: fewer than four letters, one word under ten
    (`at`, `√`), or up to three words ending on a colon (a field's label, `Edited by:`,
    `Tutorial:`; inside a title, `Adaptive Functioning:`)."""
    letters = sum(ch.isalpha() for ch in text)
    return letters < 4 or len(text.split()) < 2 and letters < 10 or text.rstrip().endswith(":") and len(text.split()) <= 3


def _struck(t: str) -> bool:
    """The vetoes of `vetoes_title` but the fragment's."""
    if is_section_name(t) or is_rubric(t) or is_reference_heading(t) or _COVER.search(t):
        return True
    if any(p.match(t) for p in (UDC, BARE_UDC, IRSTI, CODES, RUNNING_HEAD, ABSTRACT, KEYWORDS, SUPERVISOR, AUTHOR_LABEL)):
        return True
    if "@" in t or _URL.search(t) or _COPYRIGHT.match(t) or _AFFILIATION_OPENING.match(t) or _DEGREE_LINE.match(t) or re.search(r"\[\d", t):
        return True  # an address, a link, a copyright line, an affiliation's first line, a degree, a sentence citing `[2]`
    if t.endswith(".") and re.search(r"[^\W\d_]{3}\. [^\W\d_]*[A-ZА-ЯЁӘҒҚҢӨҰҮҺІ]", t):
        return True  # two sentences (`… жоқ. Бұл …`): running text, not a title
    names = author_names(t, strong_only=True)
    return names is not None and (re.search(r"(?<![^\W\d_])[^\W\d_]\.", t) is not None or all(FULL_NAME.fullmatch(n) for n in names))


# Marks around names in a by-line: affiliation digits and letters, stars, daggers, arrows (Elsevier's
# corresponding-author mark `⇑` through pdftotext), ORCID's `ID` or iD in brackets.
_NAME_MARKS = re.compile(ORCID_IN_BRACKETS + r"|[\d¹²³⁴⁵⁶⁷⁸⁹⁰*∗†‡§¶#©☯✉+\u2190-\u21ff\u25a0-\u25ff\u2600-\u27bf\ue000-\uf8ff]+|\bID\b|(?<=[\s,])[a-h](?=\s|,|$)")
_NAME_SPLIT = re.compile(r"\s*(?:[,;•·|/]|\s(?:and|и|және|&|et|und)\s)\s*", re.IGNORECASE)
_PARTICLE = re.compile(r"^(?:van|der|den|de|del|della|di|da|von|du|le|la|bin|al|el|ibn|dos|das|y)$")
_NAME_WORD = re.compile(r"^(?:[^\W\d_]\.?(?:-[^\W\d_]\.?)?|[^\W\d_]\.(?:[^\W\d_]\.)+|[^\W\d_]+(?:[-’'][^\W\d_]+)*\.?)$")  # `Hung-Ju`, `O’Neil`
_DEGREE = re.compile(r"^(?:MD|PhD|MSc|BSc|MPH|DSc|RN|Jr|Sr|II|III|Prof|Dr)\.?$", re.IGNORECASE)


# A mark in brackets (`( * )`, `(1)`, `(a,b)`), and marks standing alone between two names
# (`Kawahara † Daniel`, `Li 1 Y. Wang`): the first goes, the second parts the names.
_BRACKET_MARK = re.compile(r"\((?:\s*(?:[\d*∗†‡§¶#]+|[a-h])\s*,?)+\)")
_MARK_BETWEEN = re.compile(r"(?<=[^\W\d_])\s+[\d¹²³⁴⁵⁶⁷⁸⁹⁰*∗†‡§¶#☯✉+\u2190-\u21ff,\s]*[\d¹²³⁴⁵⁶⁷⁸⁹⁰*∗†‡§¶#☯✉+\u2190-\u21ff]\s+(?=[A-ZÀ-ÖØ-ÞА-ЯЁӘҒҚҢӨҰҮҺІ])")
# Words no personal name holds: a by-line's neighbours (institutions, addresses) read as names.
# A form's labelled number (`Candidate No.: 148978`, `Word Count: 5593`, `Student ID: 20-114`): no name.
_NUMBER_FIELD = re.compile(r"^\s*[^\W\d_][^:]{1,40}:\s*[\d][\d\s/.-]*$")
_NOT_NAME = re.compile(
    r"\b(?:P\.?\s?O\.?\s?Box|Box|Avenue|Street|Road|Research|Society|Services|Sciences|Foundation|Hospital|Campus|"
    r"Corporation|GmbH|Piazza|Parc|Member|IEEE|Abstract|Summary|Contents|Preface|Acknowledgements?)\b",
    re.IGNORECASE,
)
_POSTAL = re.compile(r"\bP\.?\s?O\.?\s?Box\b|\bPostfach\b|\bа/я\b", re.IGNORECASE)  # an address line, whatever its capitals
_FUNCTION_WORDS = frozenset("a an the of in on for with to by at from and or".split())  # a title's, never a name's
_INITIAL_WORD = re.compile(r"^[^\W\d_]\.(?:-?[^\W\d_]\.)*$")


def _glued_names(words: list[str]) -> list[str]:
    """Names set one after another with no separator, in a piece too long for one name:
    each ends at the word after its initials (`Amitabh B. Sinha Laxmikant V. Kale`), or,
    without initials, an even run of six or more words is read two by two
    (`Bing Zhao Stephan Vogel Alex Waibel`) unless it holds a title's word (`IN`, `of`); else none."""
    initials = [bool(_INITIAL_WORD.match(w)) for w in words]
    if any(initials):
        names, current = [], []
        for k, w in enumerate(words):
            current.append(w)
            if not initials[k] and k > 0 and initials[k - 1]:
                names.append(current)
                current = []
        if current:
            names.append(current)
        names = [n for n in names if not (len(n) == 1 and n[0][:1].islower())]  # a stray letter (`Kal e`)
        return [" ".join(n) for n in names] if all(2 <= len(n) <= 4 for n in names) else []
    if len(words) >= 6 and len(words) % 2 == 0 and not any(_PARTICLE.match(w) or w.casefold() in _FUNCTION_WORDS for w in words):
        return [" ".join(words[k:k + 2]) for k in range(0, len(words), 2)]
    return []


def loose_names(text: str) -> list[str]:
    """Names on a line the model is sure is a by-line, read loosely: pieces parted by commas,
    bullets, `and`/`и`/`et`, or marks standing between names, each of two to five words that
    start with a capital (initials with or without a full stop, names in capitals: `ANDREW W.
    APPEL`, `G J Rees`), lower-case particles (`van der`) allowed; marks (`1*`, `a`, `( * )`,
    `ID`, `☯`) and degrees (`MD`) dropped; longer pieces read as names glued together
    (`_glued_names`); a piece holding an institution's or an address's word is no name."""
    text = re.sub(r"^\s*(?:AUTHORS?|Авторы?|Автор(?:лар)?|By)\s*:\s*", "", text, flags=re.IGNORECASE)
    text = _MARK_BETWEEN.sub(", ", _BRACKET_MARK.sub(" ", text))
    names = []
    for piece in _NAME_SPLIT.split(_NAME_MARKS.sub(" ", text)):
        piece = re.sub(r"(?<=[^\W\d_]\.)(?=[^\W\d_])", " ", piece)  # initials glued to the name: `Yu.A.Pusep`
        words = [w for w in piece.split() if not _DEGREE.match(w)]
        if words and words[0].casefold() in ("and", "и", "және", "et", "und", "&"):  # `, AND MAGALI TOURNUS`
            words = words[1:]
        if not words or names_institution(piece) or _NOT_NAME.search(piece):
            continue
        capital = [w for w in words if not _PARTICLE.match(w)]
        if not (capital and all(_NAME_WORD.match(w) and w[0].isupper() for w in capital) and any(len(w.rstrip(".")) > 1 for w in capital)):
            continue
        if 2 <= len(words) <= 5:
            names.append(" ".join(words))
        elif len(words) > 5:
            names += _glued_names(words)
    return names


def line_names(text: str) -> list[str]:
    """The personal names on a line the model calls an author line: the rules' reading, else
    the loose one (`loose_names`); none naming an institution or an address."""
    if _COVER.search(text) or "@" in text or _URL.search(text) or _POSTAL.search(text) or DATE_OR_KIND.search(text) or _NUMBER_FIELD.match(text):
        return []
    text = re.sub(r"^\s*(?:By\s+(?=[A-Z])|[•●▪■◦]\s+)", "", text)  # a magazine's `By Dina Youakim, …`, a by-line set as a list (`• James Wengler`)
    names = [n for n in author_names(text, strong_only=False) or [] if not names_institution(n) and not _NOT_NAME.search(n)]
    if names:
        return names
    return loose_names(text)


def emails_in(texts: list[str]) -> list[str]:
    """The e-mail addresses on these lines, in order, each once; a grouped form
    (`{fay,jeff}@google.com`) gives one address per name."""
    found: list[str] = []
    for text in texts:
        for m in _GROUPED.finditer(text):
            found += [f"{user.strip()}@{m[2]}" for user in m[1].split(",")]
        for m in _ADDRESS.finditer(_GROUPED.sub(" ", text)):
            found.append(m.group().rstrip("."))
    return list(dict.fromkeys(found))


@dataclass
class Proposal:
    """What the model proposes: the title's item indexes, the authors, the front's e-mails."""

    title: list[int] = field(default_factory=list)
    authors: list[str] = field(default_factory=list)
    emails: list[str] = field(default_factory=list)
    front_end: int = 0  # index of the first item past the front matter (body or a heading)
    labels: list[Role] = field(default_factory=list)
    head_end: int = 0  # index of the first item past the title block (its title, names, addresses, furniture)
    guessed: bool = False  # the model labels no line a title: `title` is its likeliest lines (`_likely_title`)


DISPLAY = 1.15  # type this much larger than the body's is display type (titles, headings), not text


def _type_drops(items: list[LineItem], i: int) -> bool:
    """Whether item `i` is set in text type under an item in display type (`DISPLAY`): a
    title set large does not go on in the text's type (a bold lead paragraph, a by-line)."""
    above, here = items[i - 1].layout, items[i].layout
    return above is not None and here is not None and above.size >= DISPLAY > here.size


def _runs(labels: list[Role], wanted: str, items: list[LineItem]) -> list[list[int]]:
    """Runs of consecutive items with the label `wanted`, cut where the script changes (a
    title followed by its translation) or the type drops from display to text size."""
    texts = [item.text for item in items]
    runs: list[list[int]] = []
    for i, role in enumerate(labels):
        if role.label != wanted:
            continue
        if runs and runs[-1][-1] == i - 1 and script(texts[i]) == script(texts[i - 1]) and not _type_drops(items, i):
            runs[-1].append(i)
        else:
            runs.append([i])
    return runs


SURE = 0.9  # the model is sure of a line's role at this probability (a round number, not fitted)
LIKELY = 0.2  # a line the model gives at least this probability of a role may take it where no line was labelled so


def _by_line(text: str, before: str, role: Role) -> bool:
    """A title run's last line that is only names in sentence case (`Любомир Ванков Димитров`
    under the title) is the by-line, unless the line above ends on `and`, `of`, `и`… or the
    model is sure it is a title line: English titles are set in title case, and their words
    read as names (`Long-term Systemic Heparinization`)."""
    if role.title >= SURE:
        return False
    names = author_names(text, strong_only=False)
    return bool(names) and not is_title_line(text) and not continues_title(before) and len(" ".join(names)) >= 0.8 * len(text.strip(" ,"))


def _likely_title(labels: list[Role], texts: list[str], stop: int) -> list[int]:
    """Where the model labels no title line, the run around the line above `stop` it thinks
    likeliest a title: itself and its neighbours in one script, each at least LIKELY, none
    (unless labelled as the likeliest line is) a line the model labels a by-line, an
    affiliation or an address (the names under a title the model doubted)."""
    candidates = [i for i in range(stop) if labels[i].title >= LIKELY and not vetoes_title(texts[i])]
    if not candidates:
        return []
    best = max(candidates, key=lambda i: labels[i].title)

    def joins(i: int) -> bool:
        return i in candidates and script(texts[i]) == script(texts[best]) and (labels[i].label == labels[best].label or labels[i].label not in _NOT_TITLE)

    run = [best]
    while joins(run[0] - 1):
        run.insert(0, run[0] - 1)
    while joins(run[-1] + 1):
        run.append(run[-1] + 1)
    return run


def _likely_authors(labels: list[Role], texts: list[str], title: list[int], stop: int) -> list[str]:
    """Where no line the model calls a by-line holds names, the names on the line under the
    title it thinks likeliest a by-line (at least LIKELY): `Alabsi S1, *Alhadainy HA 2, …`,
    which it doubted between by-line and affiliation."""
    start = title[-1] + 1 if title else 0
    candidates = [i for i in range(start, stop) if labels[i].author >= LIKELY and not re.search(r"\[\d", texts[i])]
    for i in sorted(candidates, key=lambda i: -labels[i].author):
        names = line_names(texts[i])
        if names:
            return names
    return []


def _line_above(items: list[LineItem], first: int) -> int:
    """The line above item `first` past a manuscript's margin line numbers (items of one to
    three digits set as lines of their own); -1 at the top."""
    k = first - 1
    while k >= 0 and items[k].text.isdigit() and len(items[k].text) <= 3:
        k -= 1
    return k


def _title_above(items: list[LineItem], labels: list[Role], first: int) -> int | None:
    """The line above a title's first line (`_line_above`) when it is the title's too: no blank
    line between, or it ends on a connective (`… A Longitudinal Study of` over a margin's line
    number and `Older Adults…`); the model gives it at least LIKELY of being one (or it ends on
    a connective: no title ends so), no veto strikes it, and it is in the same script. None otherwise."""
    k = _line_above(items, first)
    if k < 0:
        return None
    above = items[k].text
    if (items[first].blank_before or k < first - 1) and not continues_title(above):
        return None
    if (labels[k].title >= LIKELY or continues_title(above)) and labels[k].label not in _NOT_TITLE and not vetoes_title(above) and script(above) == script(items[first].text):
        return k
    return None


def first_field_of(labels: list[Role], texts: list[str]) -> int:
    """Where the title block ends: the first body line or heading, or an abstract or keywords label."""
    return next((i for i, role in enumerate(labels) if role.label in _FRONT_END or ABSTRACT.match(texts[i]) or KEYWORDS.match(texts[i])), len(texts))


def _goes_on(text: str, below: Role) -> bool:
    """A title line that cannot end the title: it ends on a connective (`continues_title`), or
    on a comma where the model gives the line below at least LIKELY of being a title line
    (`…using Rules,` / `Conditional Random Fields and …`; a by-line ends on commas too)."""
    return continues_title(text) or text.rstrip().endswith(",") and below.title >= LIKELY


def _may_end_title(line: str, below: str) -> bool:
    """Whether `below` may go on the title line `line`: no veto strikes it, or, under a line
    ending on a connective (`…using gutta-percha and`), it is a last word the column set alone
    (`RealSeal`): a fragment of three letters or more that is no field's label."""
    t = " ".join(below.split())
    if not vetoes_title(t):
        return True
    return continues_title(line) and is_fragment(t) and not _struck(t) and sum(ch.isalpha() for ch in t) >= 3 and not t.endswith(":")


def is_cover(texts: list[str]) -> bool:
    """Whether a page's lines are a cover page's (two of `_COVER`'s marks: ResearchGate's,
    a publisher's download cover)."""
    return sum(1 for text in texts if _COVER.search(text)) >= 2


def _cover_page(items: list[LineItem]) -> int | None:
    """The first page when it is a cover page (ResearchGate's: `SEE PROFILE`, `CITATIONS`…)
    and the paper goes on on the next page; else None."""
    first = items[0].page if items else None
    if first is None or not any(item.page > first for item in items):
        return None
    return first if is_cover([item.text for item in items if item.page == first]) else None


def _unvetoed(run: list[int], texts: list[str], labels: list[Role]) -> list[list[int]]:
    """A title run cut where a veto strikes a line, and ended by a line naming an institution
    or a position (`Казахский национальный университет`, `магистрант 2 курса`) below its first
    that the model is not sure is a title line (the address block under a by-line); a fragment
    (`at`, `√`) between two title lines stays in (a formula or a word a narrow column set
    alone), at either end it goes."""
    parts: list[list[int]] = [[]]
    for k, i in enumerate(run):
        t = " ".join(texts[i].split())
        if parts[-1] and labels[i].title < SURE and (is_institution(t) or is_role(t)):
            break
        inner = bool(parts[-1]) and k + 1 < len(run) and not vetoes_title(texts[run[k + 1]])
        if not vetoes_title(t) or inner and is_fragment(t) and not _struck(t) and not AUTHOR_ALONE.match(t):  # `By` parts the title from its author
            parts[-1].append(i)
        elif parts[-1]:
            parts.append([])
    return [p for p in parts if p]


def known_names(text: str, names: NameLexicon) -> bool:
    """A line that is only names of people the training data knows: `line_names` reads it
    whole (its names hold four fifths of its letters), the first name begins with a known
    given name, and at least half the names' words are known given or family names
    (`Serge Abiteboul`, `KENT R. ANDERSON`; not `Smooth Muscle Cell Proliferation`)."""
    found = line_names(text)
    if not found or continues_title(text):
        return False
    words = [w.casefold() for n in found for w in re.findall(r"[^\W\d_]{2,}", n)]
    letters = sum(ch.isalpha() for ch in text)
    if not words or sum(ch.isalpha() for n in found for ch in n) < 0.8 * letters:
        return False
    first = re.findall(r"[^\W\d_]{2,}", found[0].casefold())
    known = sum(w in names.given or w in names.family for w in words)
    return bool(first) and first[0] in names.given and known >= len(words) / 2


def _trim_by_lines(kept: list[int], texts: list[str], labels: list[Role], named: bool, by_lines: set[int], names: NameLexicon) -> None:
    """Take off a title run's last (or first) lines that are a by-line (see `_by_line`), or
    known names (`known_names`) where the model's author probability of the line is at least
    LIKELY, or a by-line's first line broken after `and` over more marked names
    (`marked_by_line_going_on`), in place."""
    while len(kept) > 1 and marked_by_line_going_on(texts, kept[-1]):
        by_lines.add(kept.pop())
    while len(kept) > 1 and labels[kept[-1]].author >= LIKELY and not continues_title(texts[kept[-2]]) and known_names(texts[kept[-1]], names):
        by_lines.add(kept.pop())
    while len(kept) > 1 and not named and _by_line(texts[kept[-1]], texts[kept[-2]], labels[kept[-1]]):
        by_lines.add(kept.pop())
    while len(kept) > 1 and not named and _by_line(texts[kept[0]], "", labels[kept[0]]):  # a by-line set above the title
        by_lines.add(kept.pop(0))


def _capitals_end(run: list[int], items: list[LineItem]) -> list[int]:
    """A title run cut where its lines in capitals are followed by lines in small letters whose
    sentence goes on under the run (the line after it starts in small letters): a title set in
    capitals is in capitals to its end, and a paragraph running on under it is the text
    (`НЕОПРЕДЕЛЕННОСТЬ В ПРИНЯТИИ…` / `Отличие экономики как…` / `управленческие решения…`)."""
    after = run[-1] + 1
    if after >= len(items) or not items[after].text[:1].islower():
        return run
    for k in range(1, len(run)):
        if all(is_title_line(items[i].text) for i in run[:k]) and not is_title_line(items[run[k]].text):
            return run[:k]
    return run


def propose(items: list[LineItem], language: str | None = None, labels: list[Role] | None = None, names: NameLexicon | None = None) -> Proposal:
    """The title block the model reads in `items` (see the module's docstring); `names`: the
    model's name lexicon (the shipped one by default)."""
    labels = label_lines(items) if labels is None else labels
    if not labels:
        return Proposal()
    texts = [item.text for item in items]
    cover = _cover_page(items)
    if cover is not None:  # a cover page's lines give no title and no names
        labels = [Role("furniture", role.p, 0.0, 0.0) if items[i].page == cover else role for i, role in enumerate(labels)]
    labels = [Role("furniture", role.p, 0.0, 0.0) if running_name(texts, i) else role for i, role in enumerate(labels)]
    front_end = next((i for i, role in enumerate(labels) if role.label in _FRONT_END and i > 0), len(items))
    head_end = 1 + max((i for i, role in enumerate(labels[:first_field_of(labels, texts)]) if role.label in _HEAD), default=-1)
    own = own_script(language)
    runs = []
    by_lines: set[int] = set()  # a title run's last line that is the by-line
    # Where the model finds author lines of its own, title-case title lines are not read as a by-line.
    named = any(role.label == "author" for role in labels[:front_end])
    for run in [r for r in _runs(labels, "title", items) if r[0] < front_end]:  # a title stands above the body
        run = _capitals_end(run, items)
        for kept in _unvetoed(run, texts, labels):
            _trim_by_lines(kept, texts, labels, named, by_lines, loaded_names() if names is None else names)
            if kept:
                runs.append(kept)
    runs.sort(key=lambda run: own is not None and script(" ".join(texts[i] for i in run)) != own)  # stable: first in order
    first_field = first_field_of(labels, texts)
    title = runs[0] if runs else _likely_title(labels, texts, max(first_field, 1))
    while title and title[0] - 1 not in by_lines and (above := _title_above(items, labels, title[0])) is not None:
        title = [above, *title]  # a first line the model doubted, set close above the rest of the title
    while title and title[-1] + 1 < len(items) and _goes_on(texts[title[-1]], labels[title[-1] + 1]) and _may_end_title(texts[title[-1]], texts[title[-1] + 1]):
        title = [*title, title[-1] + 1]  # a title line ending on `by`, `and`, `и`, a comma… goes on (`…Caused by` / `Flexi-Seal Device`)
    title_script = script(" ".join(texts[i] for i in title)) if title else own
    stop = next((i for i, role in enumerate(labels) if role.label in ("abstract", "keywords", "body", "heading") and i > (title[-1] if title else 0)), len(items))
    by_script: dict[str, list[str]] = {}
    headers: list[str] = []
    for i, role in enumerate(labels[:stop]):
        if role.label == "furniture":
            headers.append(texts[i])
        elif (role.label == "author" or role.author >= 0.5 or i in by_lines) and i not in title and not repeats_header(texts[i], headers) and not re.search(r"\[\d", texts[i]):  # a line citing `[1]` is text, never a by-line
            by_script.setdefault(script(texts[i]), []).extend(line_names(texts[i]))
    authors = by_script.get(title_script) or next((names for names in by_script.values() if names), []) or _likely_authors(labels, texts, title, stop)
    seen: set[str] = set()
    unique = []
    for name in authors:
        key = _name_key(name)
        if key not in seen:
            seen.add(key)
            unique.append(name)
    return Proposal(title, unique, emails_in(texts[:front_end]), front_end, labels, max(head_end, title[-1] + 1 if title else 0), guessed=not runs)


PLAUSIBLE = 0.7  # the rules' answer stands when the model gives its lines this probability of the role (chosen on a tuning fold of the training data)


def _words(text: str) -> str:
    return " ".join(re.findall(r"\w+", text.casefold()))


def _rows_of(text: str, texts: list[str]) -> list[int]:
    """The items whose words are part of `text` (the lines the rules took it from): of those,
    the run of consecutive items holding most of its words, since a body line further down can
    repeat a title's word (`контрактах:` under `… В СМАРТ-КОНТРАКТАХ …`)."""
    whole = _words(text)
    rows = [i for i, t in enumerate(texts) if len(_words(t)) >= 3 and _words(t) in whole]
    runs: list[list[int]] = []
    for i in rows:
        if runs and runs[-1][-1] == i - 1:
            runs[-1].append(i)
        else:
            runs.append([i])
    return max(runs, key=lambda run: sum(len(_words(texts[i])) for i in run)) if runs else []


@dataclass
class Choice:
    """The title block decided: `title` item indexes (None: the rules' title stands), the
    authors (None: the rules' stand), the front's e-mail addresses."""

    title: list[int] | None
    authors: list[str] | None
    emails: list[str]
    front_end: int
    head_end: int = 0


def own_script(language: str | None) -> str | None:
    """The script a paper in `language` is written in (None: not known)."""
    return "latin" if language == "en" else "cyrillic" if language else None


def _translation(found: str | None, proposed: str, own: str | None) -> bool:
    """Whether `found` (the rules' title or first author) is in another script than the
    paper's while the model's `proposed` one is in the paper's: a Russian paper printing its
    English title block first (`Novel Kinds of Random Access Memory…` above `ПЕРСПЕКТИВНЫЕ
    ВИДЫ ПАМЯТИ…`) is titled in Russian, as the text reader's rules title it (`FrontMatter.choose`)."""
    return bool(found) and own is not None and script(found) != own and script(proposed) == own


def judge_title(proposal: Proposal, texts: list[str], rules_title: str | None, language: str | None = None, display: bool = False) -> list[int] | None:
    """The model's title lines where the rules' title is missing, vetoed, implausible, a part
    of the model's, or a translation where the model's is in the paper's `language`; else None.
    A rules' title set in `display` type (a PDF's largest type on its first page) that no veto
    strikes stands against a guess (the model labels no line a title) and against a part of
    itself: a magazine's title in 48 and 26 pt type over a 9 pt body lies outside what the
    model learnt, which guessed the bold lead paragraph under it, or took its first word. A
    guess set below the rules' title, whatever its type, is text under it; a guess sharing
    lines with it is part of one title with it (the lines of both are the title)."""
    if not proposal.title:
        return None
    rows = _rows_of(rules_title, texts) if rules_title else []
    if display and rules_title and not vetoes_title(rules_title) and (proposal.guessed or set(proposal.title) <= set(rows)):
        return None
    if proposal.guessed and rows and not vetoes_title(rules_title) and min(proposal.title) > max(rows):
        return None  # a guess below the rules' title is among the text under it (`Как правило, к экзогенным…`)
    joined = sorted(set(rows) | set(proposal.title))
    if proposal.guessed and set(rows) & set(proposal.title) and joined == list(range(joined[0], joined[-1] + 1)) and not vetoes_title(rules_title):
        return joined  # a guess sharing lines with the rules' title: both are parts of one title block
    if rows and _over_udc(proposal.title, rows, texts):
        return None  # the model's title is the rubric above the UDC line, the rules' stands under it
    if rows and set(rows) < set(proposal.title):
        if _rubric_over(proposal.title, rows, texts):
            return None
        return proposal.title  # the rules took part of the model's title (its first or last lines)
    own = own_script(language)
    if _translation(rules_title, " ".join(texts[i] for i in proposal.title), own):
        return proposal.title
    if rules_title and not vetoes_title(rules_title) and _translation(" ".join(texts[i] for i in proposal.title), rules_title, own):
        return None  # the rules' title is in the paper's script, the model's a translation (the English block under a Russian one)
    if rules_title and not vetoes_title(rules_title) and (not rows or sum(proposal.labels[i].title for i in rows) / len(rows) >= PLAUSIBLE):
        return None
    return proposal.title


def _over_udc(title: list[int], rows: list[int], texts: list[str]) -> bool:
    """The model's title stands above a UDC line and the rules' title below it: a Russian
    journal prints its rubric above the UDC (`МАТЕМАТИЧЕСКИЕ И ИНСТРУМЕНТАЛЬНЫЕ МЕТОДЫ
    ЭКОНОМИКИ` / `УДК 65.012.45` / the by-line / the title), the paper's title under it."""
    return any((UDC.match(texts[k]) or BARE_UDC.match(texts[k])) for k in range(max(title) + 1, min(rows))) if title else False


def _rubric_over(title: list[int], rows: list[int], texts: list[str]) -> bool:
    """The model's title is the rules' with lines above it that hold no capital letter (a
    magazine's rubric in lower case over the title: `элементная база электроники`): a title
    opens in a capital, so those lines are no part of it."""
    above = [i for i in title if i < min(rows)]
    return bool(above) and set(title) - set(above) <= set(rows) and not any(ch.isupper() for i in above for ch in texts[i])


def judge_authors(proposal: Proposal, texts: list[str], rules_authors: list[str], title_script: str | None = None) -> list[str] | None:
    """The model's authors where the rules' first author is missing, stands on a line the
    model does not think an author line, or below the model's first author, or is written in
    another script than the title chosen (`title_script`) while the model's is not; else None."""
    first = rules_authors[0] if rules_authors else None
    if proposal.authors and _translation(first, proposal.authors[0], title_script):
        return proposal.authors  # `A. M. Korotin` printed above the English title, `А. М. Коротин` above the Russian
    if proposal.authors and first and _translation(proposal.authors[0], first, title_script):
        return None  # and the other way round: the rules' `Розалиев В. Л.` under the Russian title, the model's `Rozaliev V.L.`
    lines = [i for i, t in enumerate(texts) if first.casefold() in t.casefold()] if first else []
    if lines and AUTHOR_LABEL.match(texts[lines[0]]):
        return None  # a by-line given by its label (`Работу выполнили: К.С. Галиченко`): the author's own mark
    if proposal.authors and lines and _goes_on_by_line(proposal.authors[0], texts, lines[0]):
        return None  # the model read only the by-line's second part, which the layout broke off at a mark
    if proposal.authors and lines and _missed_first(proposal, lines[0], rules_authors, texts):
        return None  # the model's first author is the rules' second or later, or printed under it: the model missed the first by-line
    if not proposal.authors or first and lines and max(proposal.labels[i].author for i in lines) >= PLAUSIBLE and not _earlier(proposal, texts, lines[0]):
        return None
    return proposal.authors


def _missed_first(proposal: Proposal, line: int, rules_authors: list[str], texts: list[str]) -> bool:
    """Whether the model's first author is the rules' second or later, or stands on a by-line
    (labelled so, or of author probability 0.5 or more, or the model's guess where it labels
    no line a by-line) under the rules' first with no title line between (a by-line block of full names, one
    to a line, the first sharing its line with the UDC: `УДК 519.711 Александров Илья
    Михайлович,` over `Бадеников Артём Викторович,`), while the rules' first stands on `line`,
    a line the model reads as neither title nor furniture (a cover page's `Julia Veit  Gregor
    Rainer` is furniture: there the model's by-line stands)."""
    role = proposal.labels[line]
    if line in proposal.title or role.title >= 0.5 or role.label == "furniture":
        return False
    first = _name_key(proposal.authors[0])
    if first in {_name_key(name) for name in rules_authors[1:]}:
        return True
    at = next((i for i in range(line + 1, len(texts)) if first in _name_key(texts[i])), None)
    guess = not any(role.label == "author" for role in proposal.labels)  # `_likely_authors`: no line labelled a by-line
    by_line = at is not None and (proposal.labels[at].label == "author" or proposal.labels[at].author >= 0.5 or guess)
    return by_line and not any(line < i < at for i in proposal.title)


def _goes_on_by_line(first: str, texts: list[str], line: int) -> bool:
    """Whether the line holding the model's first author `first` goes on the by-line at `line`
    (the rules' first author's), broken off it at a superscript mark: it stands at most three
    lines under it and opens with a comma or a conjunction (`Taiza Montenegro , Hugo Melo` / `∗` /
    `, Roberta Coelho , Eiji Adachi`); the lines between are marks, or short pieces the layout
    broke the same way (`Sanidhya Vijayvargiya` / `, Mootez Saad` / `BITS Pilani` / `, Tushar
    Sharma`: the by-line and the affiliation line under it, each broken at its marks)."""
    key = _name_key(first)
    at = next((i for i in range(line + 1, min(line + 4, len(texts))) if key in _name_key(texts[i])), None)
    if at is None or any(len(texts[i]) > 60 for i in range(line + 1, at)):
        return False
    return re.match(r"\s*(?:,|and\b|&|и\b)", texts[at], re.IGNORECASE) is not None


def apart_from_title(authors: list[str], title: str | None) -> list[str]:
    """The authors without a name that is the title's own text: a cover's title of a few
    capitalised words (`Personalized Mass Email Communication`) reads as a name, but no paper
    is written by its title."""
    key = _name_key(title or "")
    return [a for a in authors if _name_key(a) != key]


def _name_key(text: str) -> str:
    """A name or a line as compared for the same person: no spaces or full stops, case folded
    (`C.J. van der Beek` as read, `C. J. van der Beek` as proposed)."""
    return re.sub(r"[\s.]", "", text).casefold()


def _earlier(proposal: Proposal, texts: list[str], line: int) -> bool:
    """Whether the model's first author stands on an author line above `line` (the rules
    skipped the first by-line and began at the second)."""
    first = _name_key(proposal.authors[0])
    at = next((i for i, t in enumerate(texts[:line]) if first in _name_key(t)), None)
    return at is not None and proposal.labels[at].author >= PLAUSIBLE


def _without_by_line(title: list[int] | None, texts: list[str], rules_title: str | None, rules_authors: list[str]) -> list[int] | None:
    """The model's title cut above its first line past the first that is a by-line the rules
    read: one holding two of the rules' names (the first line of a by-line the rules read whole
    where its names run on over the next line, `…, Дана` / `Мусина2, …`), or the rules' first
    author alone with their second alone on the next line, right under the rules' title (author
    blocks side by side, which pdftotext prints one under the other: `Attila Fodor` / `Gábor
    Csorvási`), or a line right under the rules' title that is their first author's by-line
    beyond doubt (`_certain_by_line`); never a line the rules alone misread as a name (`Theory Group Preprint Series`,
    one name read; `Spectroscopic Measurements` over `Katharine M. Mullen`, the rules' title
    elsewhere)."""
    if not title or not rules_authors:
        return title
    keys = [name.casefold() for name in rules_authors]
    rows = set(_rows_of(rules_title, texts)) if rules_title else set()
    for k, i in enumerate(title[1:], start=1):
        below = texts[i + 1] if i + 1 < len(texts) else ""
        alone = len(keys) > 1 and title[k - 1] in rows and _name_key(texts[i]) == _name_key(keys[0]) and _name_key(below) == _name_key(keys[1])
        if alone or len(keys) > 1 and sum(key in texts[i].casefold() for key in keys) >= 2 or title[k - 1] in rows and _certain_by_line(texts[i], keys[0]):
            return title[:k]
    return title


def _up_to_letterless(title: list[int] | None, texts: list[str]) -> list[int] | None:
    """The model's title cut above its first line with no letter (a candidate's number
    `1041243` on an anonymised cover, a date `12.05.2021`): no title line is letterless, and
    what stands under such a line is the cover's next block (`A dissertation submitted for …`)."""
    if not title:
        return title
    cut = next((k for k, i in enumerate(title) if k and not any(ch.isalpha() for ch in texts[i])), None)
    return title if cut is None else title[:cut]


def _text_type(items: list[LineItem], title: list[int]) -> bool:
    """The model's title lines are all set in text type (below `DISPLAY`): where the rules'
    title is set in display type (a magazine's 28 pt title over a 9 pt body), such lines are a
    heading or a label under it (`ОГРАНИЧЕНИЯ, НАКЛАДЫВАЕМЫЕ …` in 8 pt capitals), never the title."""
    sizes = [items[i].layout.size for i in title if items[i].layout is not None]
    return bool(title) and len(sizes) == len(title) and max(sizes) < DISPLAY


def _past_first_author(title: list[int] | None, texts: list[str], rules_title: str | None, rules_authors: list[str]) -> list[int] | None:
    """The model's title without its first lines where they are the rules' first author's name
    alone, the rules' title under them (a magazine's `Олег Васильев` over its title), or hold
    two of the rules' names (a by-line of full names above the title, wrapped: `Иванов Иван
    Иванович, Петрова Анна Сергеевна, Сидоров`): a by-line is never the title's first line
    (None where nothing else is left: the rules' title stands)."""
    if not title or not rules_authors or not rules_title:
        return title
    rows = set(_rows_of(rules_title, texts))
    key = _name_key(rules_authors[0])
    keys = [name.casefold() for name in rules_authors]
    k = 0
    while k < len(title) and title[k] not in rows and (
        _name_key(texts[title[k]]).strip(",") == key and k + 1 < len(title) and title[k + 1] in rows
        or len(keys) > 1 and sum(name in texts[title[k]].casefold() for name in keys) >= 2
    ):
        k += 1
    return title[k:] or None


def _certain_by_line(text: str, first: str) -> bool:
    """A line that is the rules' first author's by-line beyond doubt: its names, certain by
    initials, a patronymic or the institution in brackets after them (`Фам Данг Чунг Нгиа (ИТМО)`),
    open with that author."""
    names = author_names(text, strong_only=True)
    return bool(names) and names[0].casefold() == first

def decide(items: list[LineItem], language: str | None, rules_title: str | None, rules_authors: list[str], display: bool = False) -> Choice:
    """Judge the rules' title and authors by the model and take its own where they fail (see
    the module's docstring); `display`: the rules' title is set in display type (`judge_title`)."""
    proposal = propose(items, language)
    texts = [item.text for item in items]
    if not proposal.labels:
        return Choice(None, None, [], len(items))
    judged = None if display and rules_title and _text_type(items, proposal.title) else judge_title(proposal, texts, rules_title, language, display)
    title = _up_to_letterless(_without_by_line(_past_first_author(judged, texts, rules_title, rules_authors), texts, rules_title, rules_authors), texts)
    chosen = " ".join(texts[i] for i in title) if title else rules_title
    # Where the model's title ran on into the rules' by-line, the rules' names stand.
    authors = None if judged and title != judged else judge_authors(proposal, texts, rules_authors, script(chosen) if chosen else None)
    return Choice(title, authors, proposal.emails, proposal.front_end, proposal.head_end)
