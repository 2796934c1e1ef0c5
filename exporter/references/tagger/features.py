"""A reference string as tokens, and each token's features, AnyStyle's way (lib/anystyle/feature/*.rb):
word identity, shape, capitals, numbers, punctuation, brackets, position, keywords and
dictionary hits, plus what GOST lists use (`//`, ` – `, `С.`/`Т.`/`№`/`б.`, `М.:`, `СПб.:`)."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from itertools import groupby

from .lexicon import CITIES, GIVEN_NAMES, MONTHS, PUBLISHER_WORDS, JOURNAL_WORDS

# Which kinds of known names (gazetteer.py: journals, conferences, publishers, places) give the
# tokens features; the model must be trained with the same kinds it is read with.
GAZETTEER_KINDS: tuple[str, ...] = ()
GAZETTEER_ONE_WORD = True  # whether one-word names (many are also surnames) give features too
# Context features beyond the CRF's window (tagger36's experiments; the model must be trained
# with the same ones it is read with): "run", the small words seen since the last element's end
# (a strong or moderate terminal) with the token's capitals; "since", the tokens since that end
# with its capitals; "inseen", whether an `In`/`in:` mark stood before.
EXTRA: tuple[str, ...] = ()

# A token is a run of non-space characters, cut where text glued two elements together (as
# GROBID's tokenizer cuts at punctuation and PDF text loses spaces): after `;`, `:` or `,` glued
# to what follows and before a bracket glued to a word, so `2009;108(2):508-12` is `2009;` `108`
# `(2):` `508-12` (date, volume, issue, pages); after a closing bracket (`(2004)284`); after a
# word's full stop before a capital or a number (`arcs.Science`, `Lett.66`, `С.45`); between a
# word and its number (`Acta6`, `Phys. Rev. D78`); after a leading `.` or `,` (`Phys .Rev`); and
# at a quote glued inside a word: after a closing one (`metries,"Rev.`), before an opening one
# (`Maldacena,"The`); after a number's full stop before a capital (`2016.V.`). Web addresses
# and DOIs are never cut. Cutting only moves token boundaries:
# every character stays in one token, so fields cut from the text keep it whole.
_LINK = re.compile(r"https?://|://|www\.|\b10\.\d{4,9}/|@|\.(?:com|org|ru|kz|net|edu)\b", re.IGNORECASE)
_CUT = re.compile(
    r"(?<=[;:,])(?=[^\s;:,.)\]»”\"'])|(?<=[\w.])(?=[(\[])|(?<=\S)(?=//)|(?<=//)(?=\S)"
    r"|(?<=[)\]])(?=[\w(\[])"  # `(2004)284`, `Mexico)2007`, `3)(1971`
    r"|(?<=[^\W\d_][^\W\d_]\.)(?=[A-ZА-ЯЁ])|(?<=[)\]]\.)(?=\w)"  # `arcs.Science`, `Rev.D53`, `2015).Commun`
    r"|(?<=[^\W\d_]\.)(?=\d)"  # `Lett.66`, `vol.3`, `С.45`
    r"|(?<=\d\.)(?=[A-ZА-ЯЁ])"  # `2016.V. 84`: a number's full stop, then the next element
    r"|(?<=[^\W\d_][^\W\d_])(?=\d)|(?<=^[A-Z])(?=\d+[,;.:]?$)|(?<=\.[A-Z])(?=\d)"  # `Acta6`, `D78,`, `Rev.D53`
    r"|(?<=^[.,;])(?=\w)"  # `.Rev`, `,Springer`
    r"|(?<=\S[”»])(?=[\w(\[])|(?<=\S)(?=[“«]\w)"  # curly quotes: `sym-metries,”Rev.`, `Maldacena,“The`
)
_STRAIGHT_QUOTE = re.compile(r'(?<=\S)"(?=\S)')


def _quote_cuts(text: str, start: int, word: str) -> list[int]:
    """Where a straight quote inside a word cuts it: after the quote when it closes (an odd
    number of quotes before it in the entry), before it when it opens."""
    out = []
    for m in _STRAIGHT_QUOTE.finditer(word):
        closing = text.count('"', 0, start + m.start()) % 2 == 1
        at = m.end() if closing else m.start()
        if 0 < at < len(word):
            out.append(at)
    return out


@lru_cache(maxsize=65536)
def _cuts(word: str) -> tuple[int, ...]:
    """Where a word is cut, quotes aside (cached: words repeat)."""
    # Letters alone, or letters and one closing mark, are never cut (most words; the regex
    # below is the tokenizer's main cost on a list's first read).
    if word.isalpha() or (word[:-1].isalpha() and word[-1] in ".,;:") or len(word) < 3 or ("." in word or ":" in word or "@" in word) and _LINK.search(word):
        return ()
    # Nor a number, a range of numbers or a number in brackets, with one closing mark or none
    # (`2005,`, `327–335.`, `(2000).`): every cut needs a letter, a quote, a slash, a bracket
    # glued to more, or a `;`, `:` or `,` with more after it.
    core = word[:-1] if word[-1] in ".,;:" else word
    if core[:1] == "(" and core[-1:] == ")":
        core = core[1:-1]
    if core.isdecimal() or core[:1].isdecimal() and core.replace("–", "").replace("-", "").replace("—", "").isdecimal():
        return ()
    return tuple(sorted({c.start() for c in _CUT.finditer(word)}))


def tokenize(text: str) -> list[tuple[int, int]]:
    """(start, end) of each token of `text`."""
    out = []
    end = 0
    # The runs of non-space characters (`\S+`, as str.split() cuts them: a pattern's `\s` is what
    # str.isspace() takes for a space), each found from the end of the one before.
    for word in text.split():
        start = text.find(word, end)
        end = start + len(word)
        cuts = _cuts(word)
        if '"' in word and len(word) >= 3 and not _LINK.search(word):
            cuts = sorted(set(cuts) | set(_quote_cuts(text, start, word)))
        if not cuts:  # (most words)
            out.append((start, end))
            continue
        at = 0
        for cut in cuts:
            if cut > at:
                out.append((start + at, start + cut))
                at = cut
        out.append((start + at, end))
    return out


_CYRILLIC = re.compile(r"[\u0400-\u04ff]")
_LATIN = re.compile(r"[A-Za-z\u00c0-\u024f]")
_YEAR = re.compile(r"(?<!\d)(?:1[5-9]\d\d|20\d\d)(?!\d)")
_INITIAL = re.compile(r"^(?:[A-ZА-ЯЁӘҒҚҢӨҰҮҺІ][a-zа-яё]?\.[-‐]?){1,3}[,;:]?$")
_QUOTES = "\"'”„’‚´«‘“`»"
_QUOTE_SET = frozenset(_QUOTES)  # one character each: `in` a set, never a substring (`""`)

# Words that mark an element, by what they mark (AnyStyle's keyword feature, with the Russian
# and Kazakh ones GOST lists use).
_KEYWORDS = (
    ("editor", r"eds?|editors?|edited|hrsg|hg|ред|под|редактор|редакциясымен|сост|составитель|құраст"),
    ("translator", r"trans|transl|translated|translator|пер|перевод|аударған"),
    ("thesis", r"thesis|dissertation|diss|дис|диссертация|автореф|канд|докт|д-ра|phd"),
    ("proceedings", r"proceedings|proc|conference|conf|meeting|symposium|workshop|конференции|конференция|материалы|симпозиума|сб|сборник|труды|тезисы|конференциясының|материалдары"),
    ("journal", r"journal|zeitschrift|quarterly|magazine|review|rev|bulletin|transactions|trans|letters|lett|вестник|журнал|известия|хабаршысы|доклады|проблемы|вопросы|успехи"),
    ("in", r"in|в"),
    ("and", r"and|und|и|және|&"),
    ("etal", r"et|al|etal|др|others|тб"),
    ("page", r"p|pp|pages?|s|с|c|стр|б|бет|бб"),
    ("volume", r"vol|volume|vols|v|т|том|bd|band"),
    ("issue", r"no|nr|n|iss|issue|number|вып|выпуск|ч|часть|№"),
    ("edition", r"ed|edn|edition|изд|издание|перераб|доп|испр|басылым|rev|revised"),
    ("publisher", r"publ|press|verlag|изд-во|издательство|баспасы|университет|university|univ|inc|ltd|wiley|springer|elsevier"),
    ("url", r"url|http|https|www|режим|доступа|available|online|retrieved|электронный|ресурс|электрондық"),
    ("accessed", r"accessed|обращения|доступа|қаралған|күні|viewed|visited"),
    ("doi", r"doi|isbn|issn|arxiv|pmid"),
    ("month", r"jan|january|feb|february|mar|march|apr|april|may|jun|june|jul|july|aug|august|sep|sept|september|oct|october|nov|november|dec|december|января|февраля|марта|апреля|мая|июня|июля|августа|сентября|октября|ноября|декабря"),
)
_KEYWORD_OF = {w: name for name, words in _KEYWORDS for w in words.split("|")}


@lru_cache(maxsize=131072)  # asked of every token by the features and again by the conventions
def canonical(token: str) -> str:
    """Letters and digits only, lower case, ё as е (AnyStyle's `canonize`)."""
    folded = token.casefold()
    if not folded.isalnum():  # most tokens are a word alone: nothing to drop
        folded = "".join(filter(str.isalnum, folded))
    return folded.replace("ё", "е")


class _ShapeOf(dict):
    """A character's mark in a token's shape, by its code point (str.translate's table): `A` a
    capital, `a` a small letter, `9` a digit, any other character itself; found once a character."""

    def __missing__(self, point: int) -> str:
        ch = chr(point)
        mark = self[point] = "A" if ch.isupper() else "a" if ch.islower() else "9" if ch.isdigit() else ch
        return mark


_SHAPE_OF = _ShapeOf()


def _shape(token: str) -> str:
    """Each character's mark (_ShapeOf), a run of one mark written once, the first eight kept:
    `Smith,` -> `Aa,`, `1215–1218.` -> `9–9.`."""
    return _collapsed(token.translate(_SHAPE_OF))


@lru_cache(maxsize=8192)  # many tokens have the same marks: `9999,` is every year closed by a comma
def _collapsed(marks: str) -> str:
    """A token's marks (_shape) with each run of one mark written once, the first eight kept."""
    return "".join(mark for mark, _ in groupby(marks))[:8]


# The number and terminal kinds' patterns, compiled once: on a list's first read (nothing cached
# yet) looking them up in re's cache by string was a tenth of the parse.
_VOLUME_MARK = re.compile(r"\d[(:;]\d")
_YEAR_TOKEN = re.compile(r"[(\[]?(?:1[5-9]|20)\d\d[a-z]?[)\]]?[.,;:]?")
_RANGE = re.compile(r"\d+\s?[-–—]\s?\d+")
_ROMAN = re.compile(r"[IVXLCivxlc]{2,}[.,]?")
_PLAIN_NUMBER = re.compile(r"\(?\d+\)?[.,:;]?")
_ORDINAL = re.compile(r"\d(?:st|nd|rd|th|е|-е|ое|-ші)\b")


def _number(token: str, digits: int) -> str:
    """The number kind of a token holding `digits` digits (str.isdigit)."""
    if not digits:  # every pattern but the roman one needs a digit
        return "roman" if token[0] in "IVXLCivxlc" and _ROMAN.fullmatch(token) else "none"  # its first letter
    if _VOLUME_MARK.search(token):
        return "volume"
    if _YEAR_TOKEN.fullmatch(token):
        return "year"
    if _RANGE.search(token):
        return "range"
    if _YEAR.search(token):
        return "hasyear"
    if _PLAIN_NUMBER.fullmatch(token):
        return f"n{min(digits, 5)}"
    if _ORDINAL.search(token):
        return "ordinal"
    return "mixed"


def _caps(alpha: str) -> str:
    if not alpha:
        return "none"
    if len(alpha) == 1:
        return "single" if alpha.isupper() else "lone"
    if alpha.isupper():
        return "caps"
    if alpha[0].isupper():
        return "initial"
    return "lower" if alpha.islower() else "other"


def _punct(token: str) -> str:
    last = token[-1]
    if token in ("//", "/", "–", "—", "-", "−", ":", ";", ",", ".", "&"):
        return "sep" + token
    if last == ":":
        return "colon"
    if last == ".":
        return "period"
    if last == ",":
        return "comma"
    if last == ";":
        return "semicolon"
    if last in ")]":
        return "close"
    if last in _QUOTES:
        return "quote"
    return "none" if last.isalnum() else "other"


_STRONG_END = re.compile(r"[.)\]][\"'”„’‚´«‘“`»]?$|,[\"'”„’»]$|[\"'”„’»],$")
_MODERATE_END = re.compile(r"[:\"'”„’‚´«‘“`»][,;:\-–—!?.]?$")
_WEAK_END = re.compile(r"[!?,;\-–—][\"'”„’»]?$")


def terminal(token: str) -> str:
    """How strongly a token ends an element (AnyStyle's Terminal feature): `.` `)` `]` strong,
    `:` or a closing quote moderate, `,` `;` `!` `?` a dash weak."""
    if token[-1].isalnum():  # every mark is punctuation (the cheap test first: most words)
        return "none"
    if _STRONG_END.search(token):
        return "strong"
    if _MODERATE_END.search(token):
        return "moderate"
    if _WEAK_END.search(token):
        return "weak"
    return "none"


def _brackets(token: str) -> str:
    first, last = token[0], token.rstrip(".,;:")[-1:] or token[-1]
    if first in "([" and last in ")]":
        return "both"
    if first in "([":
        return "open"
    if last in ")]":
        return "close"
    if first in _QUOTES:
        return "quote-open"
    if last in _QUOTES or token[-2:-1] in _QUOTE_SET:
        return "quote-close"
    return "none"


_DOTTED_DATE = re.compile(r"(?:\d{1,2}[./]){2}\d{2,4}")
_HYPHEN_CAPITAL = re.compile(r"[-‐][A-ZА-Я]")


def token_features(token: str) -> tuple[str, ...]:
    """What a token says by itself."""
    return tuple(_described(token)[0].split("\n"))


def _described(token: str) -> tuple[str, str, str, str, str, str, str]:
    """A token's own attributes (token_features, one a line), and the parts of them the pair and neighbour
    features reuse: its word, shape, capitals, number kind, terminal strength and keyword."""
    w, kind, kw, rest = _attributes(token)
    shape, caps, num, punct, br, script, length, first, last, term = kind
    text = f"w={w}\nshape={shape}\ncaps={caps}\nnum={num}\npunct={punct}\nbr={br}\nscript={script}\nlen={length}\nfirst={first}\nlast={last}\nterm={term}{rest}"
    return text, w, shape, caps, num, term, kw


def _attributes(token: str) -> tuple[str, tuple, str, str]:
    """A token's own attributes (_described) in parts: its word, its kind (shape, capitals, number
    kind, punctuation, brackets, script, length, first and last characters' categories, terminal
    strength: few tokens differ in them), its keyword, and the attributes that follow the kind
    (from `t=` on), one a line, each after a newline. Made once for each new token of a list (a
    list's first read is mostly new tokens): each check that cannot apply (no digit, no letter,
    no hyphen, not ASCII) is skipped, none reordered."""
    w = canonical(token)
    last = token[-1]
    word = token[:-1] if last in ".,;:" else token
    if word.isalpha() and token.isascii():
        # Latin letters alone, or closed by one mark (most new tokens): no digit, no bracket or
        # quote, a shape of one run of capitals or small letters (and the mark) read off at once.
        alpha, script, digits, br = word, "lat", 0, "none"
        # All small, all capitals, or a capital then small letters (most words: `Smith,`).
        run = "a" if word.islower() else "A" if word.isupper() else "Aa" if word[0].isupper() and word[1:].islower() else ""
        if word is token:
            shape, punct, term = run or _shape(token), "none", "none"
        else:
            shape = run + last if run else _shape(token)
            punct, term = _CLOSING_MARK[last]
    elif word.isalpha():
        # Letters of other scripts (Cyrillic: most words of a GOST list), alone or closed by one
        # mark: no digit, bracket or quote either, the same punctuation and terminal strength; the
        # shape and script asked of the letters (a letter with no case is its own mark).
        alpha, digits, br, shape = word, 0, "none", _shape(token)
        script = "cyr" if _CYRILLIC.search(token) else "lat" if _LATIN.search(token) else "none"
        punct, term = ("none", "none") if word is token else _CLOSING_MARK[last]
    else:
        alpha = token if token.isalpha() else "".join(filter(str.isalpha, token))
        if token.isascii():  # no Cyrillic, and any letter is a Latin one
            script = "lat" if alpha else "none"
        else:
            script = "cyr" if _CYRILLIC.search(token) else "lat" if _LATIN.search(token) else "none"
        digits = sum(map(str.isdigit, token))
        shape, punct, br, term = _shape(token), _punct(token), _brackets(token), terminal(token)
    kind = (shape, _caps(alpha), _number(token, digits), punct, br, script, min(len(w), 9), unicodedata.category(token[0]), unicodedata.category(last), term)
    # The names after the kind, one a line (tokens hold no newline), written into one text: a
    # list of names joined afterwards took a sixth longer on a list's first read.
    rest = f"\nt={token}" if len(token) <= 5 else ""
    if w:
        rest += f"\np1={w[:1]}\np2={w[:2]}\np3={w[:3]}\ns1={w[-1:]}\ns2={w[-2:]}\ns3={w[-3:]}"
    kw = _KEYWORD_OF.get(w, "")
    if kw:
        rest += f"\nkw={kw}"
    if alpha and "." in token and token[0].isupper() and _INITIAL.match(token):  # a capital letter and a full stop
        rest += "\ninitial"
    if ("." in token or "/" in token or "@" in token) and _LINK.search(token):  # each form has one
        rest += "\nlink"
    if digits and _DOTTED_DATE.match(token):  # a date starts with a digit
        rest += "\ndotdate"
    if w in GIVEN_NAMES:
        rest += "\ndict=given"
    if w in CITIES or token.rstrip(":,") in _CITY_MARKS:
        rest += "\ndict=city"
    if w in PUBLISHER_WORDS:
        rest += "\ndict=publisher"
    if w in JOURNAL_WORDS:
        rest += "\ndict=journal"
    if w in MONTHS:
        rest += "\ndict=month"
    if alpha and ("-" in token or "‐" in token) and _HYPHEN_CAPITAL.search(token):  # the pattern's hyphens
        rest += "\nhyphen-cap"
    return w, kind, kw, rest


_CITY_MARKS = frozenset(("М.", "СПб.", "Л.", "К.", "Мн.", "N.Y.", "M."))
# The punctuation and terminal strength (_punct, terminal) of a word closed by one of these marks.
_CLOSING_MARK = {".": ("period", "strong"), ",": ("comma", "weak"), ";": ("semicolon", "weak"), ":": ("colon", "moderate")}


@lru_cache(maxsize=65536)
def _token(token: str) -> tuple:
    """Everything sequence_features asks of one token, made once (cached: words repeat), as the
    UTF-8 bytes CRFsuite reads attribute names in: its own attributes (token_features), what it
    says about each neighbour, one tuple for each of _OFFSETS (the token is -k places from the one
    it describes: its word up to three places away, its shape up to two, and at one place its
    keyword, last character, capitals and number kind, and after the token it follows, its first
    character if that is no letter or digit: the punctuation after that token), the pieces the pair features join (its last
    character, shape, keyword, terminal strength, capitals, word), its marks and counts (_marks,
    _counts: one tuple) and its halves of the pairs it makes with the token after it (_joins).
    One record a token: on a list's first read most tokens are new. The names made of the word
    are written into one text, encoded once and cut at its newlines (tokens hold no newline);
    the names made of the token's kind (shape, capitals, number kind, … : a few hundred kinds
    in a list of a thousand new words) are taken as made for an earlier token of the same kind
    (_kind_names, _around_names), so each new token makes a third of the bytes objects it did."""
    w, kind, kw, rest = _attributes(token)
    shape, caps, num, _, _, _, _, _, _, term = kind
    end = token[-1]
    start = "w" if token[0].isalnum() else token[0]
    around = _AROUND.get((shape, kw, end, caps, num, start, term)) or _around_names(shape, kw, end, caps, num, start, term)
    words = f"w={w}\n-3:w={w}\n-2:w={w}\n-1:w={w}\n1:w={w}\n2:w={w}\n3:w={w}\nbigram={w}/\n{w}{rest}".encode().split(b"\n")
    own = (words[0], *(_KIND.get(kind) or _kind_names(kind)), *words[9:])
    # The neighbour names by the slot they fill (_OFFSETS: -3 -2 -1 1 2 3).
    neighbour = (
        (words[1],),
        (words[2], around[0]),
        (words[3], around[1], around[2], around[3], around[4]),
        (words[4], around[5], around[6], around[7], around[8], around[9]),
        (words[5], around[10]),
        (words[6],),
    )
    pieces = (around[11], around[12], around[13], around[14], around[15], words[8])
    return own, neighbour, pieces, _NOTHING_COUNTED if token.isalpha() else _marks(token) + _counts(token), (around[16], around[17], around[18], words[7])


_NOTHING_COUNTED = (0, 0, 0, 0, 0, 0, 0)  # _marks and _counts of a word of letters alone
_KIND: dict[tuple, tuple[bytes, ...]] = {}  # a kind (_attributes) -> its names, shape= to term=
_AROUND: dict[tuple, tuple[bytes, ...]] = {}  # (shape, kw, end, caps, num, start, term) -> _around_names


def _kind_names(kind: tuple) -> tuple[bytes, ...]:
    """The own names a token's kind gives (token_features' from `shape=` to `term=`), made once a kind."""
    shape, caps, num, punct, br, script, length, first, last, term = kind
    names = _KIND[kind] = tuple(f"shape={shape}\ncaps={caps}\nnum={num}\npunct={punct}\nbr={br}\nscript={script}\nlen={length}\nfirst={first}\nlast={last}\nterm={term}".encode().split(b"\n"))
    return names


def _around_names(shape: str, kw: str, end: str, caps: str, num: str, start: str, term: str) -> tuple[bytes, ...]:
    """The names a token gives its neighbours that its word has no part in (_token's neighbour
    shapes, keywords, last character, capitals and number kind, first character: for the slots
    -2, -1, 1 and 2), then its pieces but the word (end, shape, kw, term, caps) and the first
    three of its _joins: made once for each combination of these."""
    names = f"-2:shape={shape}\n-1:shape={shape}\n-1:kw={kw}\n-1:end={end}\n-1:caps+num={caps}|{num}" \
        f"\n1:shape={shape}\n1:kw={kw}\n1:end={end}\n1:caps+num={caps}|{num}\n+1:start={start}\n2:shape={shape}" \
        f"\n{end}\n{shape}\n{kw}\n{term}\n{caps}\nprev-end+shape={end}|\nprev-term+caps={term}|\nprev-term+kw={term}|"
    names = _AROUND[shape, kw, end, caps, num, start, term] = tuple(names.encode().split(b"\n"))
    return names


def _marks(token: str) -> tuple[int, int, int]:
    """Quotes, opening and closing brackets in a token."""
    if token.isalnum():
        return 0, 0, 0
    return len(_QUOTE_MARK.findall(token)), token.count("(") + token.count("["), token.count(")") + token.count("]")


_QUOTE_MARK = re.compile("[\"“”«»]")


# The place features' names, made once (formatting them per token was a fifth of the time), as
# the bytes CRFsuite reads: handed str, pycrfsuite encodes every name on every read (a sixth of
# the tagging), so every feature is encoded once, where it is made or cached.
_POS = tuple(f"pos={k}".encode() for k in range(10))
_POS_FIRST, _POS_LAST = b"pos=first", b"pos=last"
_DOC = {True: b"doc=cyr", False: b"doc=lat"}
_SLASHES = tuple(tuple(f"slashes={has}:{k}".encode() for k in range(64)) for has in range(2))
_YEAR_BEFORE = tuple(f"year-before={k}".encode() for k in range(3))
_DASHES = tuple(f"dashes={k}".encode() for k in range(4))
_PERIODS = tuple(f"periods={k}".encode() for k in range(5))
_QUOTED = (b"quoted=0", b"quoted=1")
_BRACKETED = ((b"bracketed=0|0", b"bracketed=0|1"), (b"bracketed=1|0", b"bracketed=1|1"))
_FROM_START = tuple(f"from-start={k}".encode() for k in range(7))
_FROM_END = tuple(f"from-end={k}".encode() for k in range(7))


_RUN = {c: tuple(f"run={k}|{c}".encode() for k in range(4)) for c in ("none", "single", "lone", "caps", "initial", "lower", "other")}
_SINCE = {c: tuple(f"since={k}|{c}".encode() for k in range(6)) for c in _RUN}
_SINCE_BUCKET = (0, 1, 2, 3, 4, 4, 4, 4, 5)
_INSEEN = (b"inseen=0", b"inseen=1")
_ENDS = frozenset((b"strong", b"moderate"))


def _extra_features(tokens: list[str], records: list[tuple]) -> list[tuple[bytes, ...]]:
    """Each token's EXTRA features (see EXTRA): counts kept from the last element's end."""
    run = since = inseen = 0
    out = []
    want_run, want_since, want_in = "run" in EXTRA, "since" in EXTRA, "inseen" in EXTRA
    for token, record in zip(tokens, records):
        _, _, kw, term, caps, w = record[2]
        c = caps.decode()
        feats = []
        if want_run:
            feats.append(_RUN[c][run if run < 3 else 3])
        if want_since:
            feats.append(_SINCE[c][_SINCE_BUCKET[since if since < 8 else 8]])
        if want_in:
            feats.append(_INSEEN[inseen])
        out.append(tuple(feats))
        if term in _ENDS:
            run = since = 0
        else:
            since += 1
            if caps == b"lower" and len(w) >= 3 and not kw:
                run += 1
        if kw == b"in" and (token[0] == "I" or token.endswith(":")):
            inseen = 1
    return out


_OFFSETS = (-3, -2, -1, 1, 2, 3)
_EDGES = tuple((f"{k}:edge".encode(),) for k in _OFFSETS)


def _joins(end: bytes, term: bytes, w: bytes) -> tuple[bytes, bytes, bytes, bytes]:
    """A token's halves of the pair features of the token after it (sequence_features)."""
    return (b"prev-end+shape=" + end + b"|", b"prev-term+caps=" + term + b"|", b"prev-term+kw=" + term + b"|", b"bigram=" + w + b"/")


_START_JOINS = _joins(b"^", b"^", b"^")  # before the first token


@lru_cache(maxsize=65536)
def _capitalised(token: str) -> bool:
    """Whether a token's first letter is a capital (where a known name may start)."""
    return next((ch.isupper() for ch in token if ch.isalpha()), False)


def gazetteer_features(tokens: list[str], words: list[str]) -> list[list[str]]:
    """Each token's known-name features (gazetteer.py) for GAZETTEER_KINDS: a match passes over
    a token with no letter or digit, and never crosses GOST's `//`."""
    words = [None if t == "//" else w for t, w in zip(tokens, words)]
    from . import gazetteer  # imported when kinds are asked for: the shipped model reads none

    return gazetteer.token_features(words, [_capitalised(t) for t in tokens], GAZETTEER_KINDS, one_word=GAZETTEER_ONE_WORD)


def _counts(token: str) -> tuple[int, int, int, int]:
    """What a token adds to the counts kept along the entry: `//`, a year, a dash, a full stop."""
    year = len(token) >= 4 and ("1" in token or "2" in token) and _YEAR.search(token) is not None  # four digits, the first a 1 or 2
    return (int(token.startswith("//")), int(year), int(token in ("–", "—", "-")),
            int(token.endswith(".") and not (token[0].isupper() and _INITIAL.match(token))))  # an initial opens with a capital


_PLACES: dict[int, tuple[tuple[bytes, ...], tuple[tuple[bytes, bytes], ...]]] = {}  # n -> _places(n)


def _places(n: int) -> tuple[tuple[bytes, ...], tuple[tuple[bytes, bytes], ...]]:
    """The place names of each of an entry's `n` tokens: its `pos=` (first, last, or its tenth of
    the entry), and its `from-start=` and `from-end=` (tokens to each end, 6 for six or more);
    made once for each length of entry."""
    pos = tuple(_POS_FIRST if i == 0 else _POS_LAST if i == n - 1 else _POS[10 * i // n] for i in range(n))
    ends = tuple((_FROM_START[i if i < 6 else 6], _FROM_END[n - 1 - i if n - 1 - i < 6 else 6]) for i in range(n))
    _PLACES[n] = pos, ends
    return pos, ends


def sequence_features(text: str, spans: list[tuple[int, int]]) -> list[list[bytes]]:
    """Features of every token of one entry: its own, its neighbours' (words up to three tokens
    away, shapes up to two), its place in the entry and what stands before it (a `//`, GOST's
    ` – `, a year, a full stop). Each is a UTF-8 attribute name, as CRFsuite reads it."""
    tokens = [text[s:e] for s, e in spans]
    n = len(tokens)
    records = [_token(t) for t in tokens]
    # What the neighbours say of each token: each slot's column shifted by its offset, the
    # entry's edges padded with the slot's edge name.
    columns = []
    for slot, (k, column) in enumerate(zip(_OFFSETS, zip(*(r[1] for r in records)))):
        edge = (_EDGES[slot],) * min(abs(k), n)
        columns.append((column[k:] + edge) if k > 0 else (edge + column[: max(n + k, 0)]))
    # A text with no Cyrillic letter (all ASCII ones among them) is Latin, counting nothing.
    doc = _DOC[False] if text.isascii() or not _CYRILLIC.search(text) else _DOC[len(_CYRILLIC.findall(text)) > len(_LATIN.findall(text))]
    slashes_seen = _SLASHES[int("//" in text)]
    out = []
    known = gazetteer_features(tokens, [r[2][5].decode() for r in records]) if GAZETTEER_KINDS else None
    extra = _extra_features(tokens, records) if EXTRA else None
    seen_slashes = seen_year = seen_dash = seen_period = seen_quote = depth = 0
    joins = _START_JOINS
    # What stands before a token (a `//`, a year, a dash, a full stop, an open quote or bracket):
    # its names change only after a token that counts one of these (a word of letters alone
    # counts none: _NOTHING_COUNTED), so they are kept as one tuple and made again only then.
    before = (doc, slashes_seen[0], _YEAR_BEFORE[0], _DASHES[0], _PERIODS[0], _QUOTED[0], _BRACKETED[0][0])
    places, ends = _PLACES.get(n) or _places(n)
    for i, ((own, _, pieces, marks, own_joins), n3, n2, n1, p1, p2, p3, pos, edge) in enumerate(zip(records, *columns, places, ends)):
        if known or extra:  # (the shipped model reads neither)
            own = (*own, *([f.encode() for f in known[i]] if known else ()), *(extra[i] if extra else ()))
        here = before
        if marks is not _NOTHING_COUNTED:
            # Where the token stands: inside quotes or brackets (counted before it, and whether it
            # opens one itself), after how many `//`, years, dashes and full stops.
            quotes, opened, closed, slashes, year, dash, period = marks
            if opened:
                here = (*before[:6], _BRACKETED[depth > 0][1])
            seen_slashes += slashes
            seen_year += year
            seen_dash += dash
            seen_period += period
            seen_quote += quotes
            depth += opened - closed
            if depth < 0:
                depth = 0
            before = (doc, slashes_seen[seen_slashes] if seen_slashes < 64 else f"slashes={int('//' in text)}:{seen_slashes}".encode(),
                      _YEAR_BEFORE[seen_year if seen_year < 2 else 2], _DASHES[seen_dash if seen_dash < 3 else 3],
                      _PERIODS[seen_period if seen_period < 4 else 4], _QUOTED[seen_quote % 2], _BRACKETED[depth > 0][0])
        # Its place (pos, and its distance from each end of the entry in tokens: `edge`), then the
        # pairs: the last character and terminal strength of the token before (`^` at the start)
        # with this one's shape, capitals (AnyStyle's Cap-3: a capital after a full stop starts
        # an element) and keyword, and the two words (`joins`: the token before's halves of
        # them, made with its record).
        out.append([
            *own, pos, *here, *edge,
            *n3, *n2, *n1, *p1, *p2, *p3,
            joins[0] + pieces[1], joins[1] + pieces[4], joins[2] + pieces[2], joins[3] + pieces[5],
        ])
        joins = own_joins
    return out
