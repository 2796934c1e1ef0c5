"""Front matter of a paper as journals print it: UDC, IRSTI, title, authors, affiliations,
abstracts and keywords in several languages, journal headers."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field, replace
from functools import lru_cache
from itertools import takewhile

from ...language import detect_language
from ...model import TitleTranslation
from ...references.ownlist import is_reference_heading
from ..translations import kept, may_be_title, translation
from .normalize import attested_words, ends_with_line_break_hyphen, join_line_end_hyphen, normalize_glyphs, tokens_with_columns
from .sections import is_introduction, is_section_name

UDC = re.compile(r"^(?:ӘОЖ|ӘӨЖ|УДК|UDC|UDK)\b\s*:?\s*(?P<value>.*)$", re.IGNORECASE)
# A UDC number printed without its label (`004.056:004.89`, `62–50:519.7/8`).
BARE_UDC = re.compile(r"^\d{1,3}(?:\.\d+)+(?:[:/(–+-][\d.:/()–+-]*)*$")
IRSTI = re.compile(r"^(?:МҒТАР|ГРНТИ|МРНТИ|IRSTI|GRNTI)\b\s*:?\s*(?P<value>\S.*)$", re.IGNORECASE)
# Classification codes and identifiers by their labels; ACM's classification under its heading
# `CCS CONCEPTS` and its `ACM Reference Format:` (the citation on the lines under them), never a title.
CODES = re.compile(r"^(?:DOI|MSC(?:\s*2\d{3})?|PACS|JEL|ББК|BBK|ORCID|CCS\s+concepts|ACM\s+CCS|ACM\s+reference\s+format)\b\s*:?", re.IGNORECASE)
# A manuscript's running head given by its label (APA: `Running head: STRUCTURE OF CHAOS`): a
# header's field, never the title.
# A manuscript's running heads, labelled: `Running head:`, `Running headline:`, `Short title:`,
# and the left and right ones by their usual marks (`LRH: J.D. Lloyd`, `RRH: Fox Sparrow …`).
RUNNING_HEAD = re.compile(r"^(?:running\s+(?:head(?:er|line)?|title)|short\s+title|[LR]RH)\s*:", re.IGNORECASE)
SUPERVISOR = re.compile(
    r"^(?:(?:Ғылыми жетекшісі|Ғылыми жетекші|Научный руководитель|Supervisor|Scientific supervisor|Research supervisor)\s*[:\-–—]"
    r"|Руководитель(?:\s+(?:работы|проекта|ВКР|КР|НИР|практики))?\s*:"  # a course work's `Руководитель КР:`, with its colon
    r"|Науч(?:н)?\.\s*рук(?:\.|оводитель)\s*[:\-–—]?"  # `Науч. рук. ст. преп. И.Г. Сухорукова`: abbreviated, no colon
    # the label in full and no separator, a name or initials after it (`Научный руководитель
    # Ф.Е. Татарский, ассистент каф. АИКС`); `Научный руководитель проекта …` is a sentence
    r"|(?:Ғылыми жетекшісі|Ғылыми жетекші|Научный руководитель)\s+(?-i:(?=[A-ZА-ЯЁӘҒҚҢӨҰҮҺІ])))\s*(?P<value>.*)$",
    re.IGNORECASE,
)
# The label after the supervisor's name, before or after the rank (`В. С. Коломойцев – кандидат
# технических наук, доцент – научный руководитель`, as student conferences' collections print it;
# `В.В. Яхричев, научный руководитель, старший преподаватель`): a name opens it.
_SUPERVISOR_AFTER = re.compile(
    r"^(?P<name>[^,–—]{4,60}?)(?P<rank>\s*[,–—-].{0,160}?)??\s*[,–—-]\s*"
    r"(?:научный руководитель|ғылыми жетекші(?:сі)?|(?:scientific\s+|research\s+)?supervisor)(?P<after>\s*[,–—-]\s*.{1,160}?)?\.?$",
    re.IGNORECASE,
)
# The supervisor's label alone on its line, the name under it (a cover's `Научный руководитель` /
# `Лукашевич Марина Михайловна` / `кандидат технических наук, доцент`).
_SUPERVISOR_ALONE = re.compile(
    r"^(?:Ғылыми жетекшісі|Ғылыми жетекші|Научный руководитель|Науч(?:н)?\.\s*рук(?:\.|оводитель)|Supervisor|Scientific supervisor|Research supervisor|Supervised by)\s*[:\-–—]?$"
    r"|^Руководитель(?:\s+(?:работы|проекта|ВКР|КР|НИР|практики))?\s*:$",
    re.IGNORECASE,
)
# Kazakh journals also label them `Абстракт` and `Негізгі сөздер` (key words).
_ABSTRACT_LABEL = r"Аңдатпа|Түйін|Түйіндеме|Аннотация|Аннотации|Резюме|Реферат|Абстракт|Abstract|Annotation|Summary"
_KEYWORDS_LABEL = r"Кілт сөздер|Кілттік сөздер|Түйін сөздер|Түйінді сөздер|Негізгі сөздер|Ключевые слова|Keywords|Key words|Index terms"
# A label opens its line, followed by a separator and the text, or stands alone.
# A report's or thesis's volume under its `РЕФЕРАТ` (GOST 7.32): pages, then figures, tables,
# sources, appendices counted (`Пояснительная записка 56 стр., 10 рис., 12 табл., 16 ист., 1 прил.`,
# `Объем 66 с., 3 гл., 8 рис., 1 табл., 8 источников`, `Отчёт 45 с., 1 кн., 12 рис.`).
WORK_VOLUME = re.compile(r"\d+\s*(?:с\.|стр\.?|страниц\w*|л\.|бет)\s*,.{0,80}?\d+\s*(?:рис|табл|ист|источ|прил|гл|кн|илл|формул|сурет|кесте)", re.IGNORECASE)
ABSTRACT = re.compile(rf"^(?:{_ABSTRACT_LABEL})\s*(?:[.:\-–—]\s*|$)(?P<value>.*)$", re.IGNORECASE)
KEYWORDS = re.compile(rf"^(?:{_KEYWORDS_LABEL})\s*(?:[.:\-–—]\s*|$)(?P<value>.*)$", re.IGNORECASE)
# An abstract's label with no mark after it, the text right after a space (`Аннотация Загрязнение
# …`): a label only where its type sets it apart (bold), which a PDF's line shows.
BARE_ABSTRACT_LABEL = re.compile(rf"^(?:{_ABSTRACT_LABEL})\s+(?P<value>\S.*)$")
# A title given by its label (`Тема: …`, `Название: «…»`, `Title:`, `Тақырыбы:`, `Тема выпускной
# квалификационной работы:`, an assignment form's numbered `1. Тема выпускной квалификационной
# работы магистра:`) or under the label
# alone: a student paper's cover page, a submission form. A colon is needed before the value:
# `Тема Родины в лирике` is a title, not a label.
# The kind of work (`Научно-исследовательская статья`, `Курсовая работа`, `Доклад`, `Research
# paper`, `Ғылыми мақала`) names what follows it: before a colon and the title it is the title's
# label, alone on a cover page it stands over the title (`WORK_KIND`); never the title itself.
_WORK_KIND = (
    r"(?:(?:научно-исследовательская|научная|исследовательская|курсовая|дипломная|выпускная\s+квалификационная|"
    r"ғылыми(?:-зерттеу)?|курстық|дипломдық)\s+)?(?:статья|работа|мақала|жұмыс[ыі]?)|доклад|баяндама|"
    r"(?:research|term|conference)\s+(?:paper|article)"
)
WORK_KIND = re.compile(rf"^(?:{_WORK_KIND})$", re.IGNORECASE)
# A work named with its topic in quotes (`Реферат литературы по теме «…»`, `Тезисы на тему «…»`):
# up to three words before `по теме` / `на тему`; the quotes stand for the colon.
TITLE_LABEL = re.compile(
    r"^(?:(?:\d{1,2}\.\s*)?(?:тема|название|заглавие|тақырыб[ыі]?|title|topic)"
    r"(?:\s+(?:[а-яё]+(?:ой|ей)\s+){0,3}(?:работы|статьи|доклада|исследования|проекта)(?:\s+(?:магистра|бакалавра|специалиста))?|\s+of\s+the\s+(?:paper|article|work))?"
    rf"|(?:[^\W\d_]+\s+){{0,3}}(?:на\s+тем[уа]|по\s+теме)|(?:{_WORK_KIND})(?=\s*:\s*\S))"
    r"\s*(?:(?::\s*|(?=[«“\"]))(?P<value>\S.*)|:?)$",
    re.IGNORECASE,
)
# A cover page's field given by its label, its value in quotes (`Дисциплина: «…»`, `Кафедра: «…»`).
COVER_FIELD = re.compile(r"^[A-ZА-ЯЁӘҒҚҢӨҰҮҺІ][^\W\d_]+(?:\s[^\W\d_]+)?:\s*[«“\"][^«»“”\"]+[»”\"]\.?$")
# A by-line given by its label (`Докладчик: М. Ю. Клименко`, `Выполнил студент: …`, `Работу выполнили: …`, `Авторы работы: …`, `Authors: …`):
# the names follow the label; such a line is never the title.
_AUTHOR_LABEL = (
    r"^(?:авторы?(?:\s+(?:работы|статьи|проекта|доклада))?|авторлар|докладчик|(?:жұмысты\s+)?орындаған|(?:работу\s+)?выполнил[аи]?(?:\s+[^\s:]+){0,3}"
    r"|authors?|speaker|presenter|presented\s+by|by)"
)
# The names follow a colon or a spaced dash (`By - Akshat Singh Gour`, a blog's by-line).
AUTHOR_LABEL = re.compile(rf"{_AUTHOR_LABEL}(?:\s*:|\s+[-–—])\s*(?P<value>\S.*)$", re.IGNORECASE)
# `Выполнила:` over the names, on a cover page; `By` alone over the name (an American thesis's cover: `By` / `STEPHEN MALDONADO`).
AUTHOR_ALONE = re.compile(rf"{_AUTHOR_LABEL}\s*:$|^by$", re.IGNORECASE)
_INSTITUTION = re.compile(
    r"университет|институт|академия|академиясы|колледж|мектеп|лицей|орталығы|центр|кафедр|факультет|"
    r"universit|institut|academy|college|school|centre|center|laborator|department|faculty|inc\.|ltd",
    re.IGNORECASE,
)
_ROLE = re.compile(
    r"магистрант|докторант|студент|аспирант|оқытушы|преподаватель|профессор|доцент|"
    r"мамандығы|кафедра|master|student|lecturer|professor|phd|candidate|researcher|\b(?:студ|асп|преп|доц|проф)\.",
    re.IGNORECASE,
)
# A rank or degree line under a supervisor's label (`доктор технических наук,`, `к.т.н., доцент`).
_RANK = re.compile(rf"{_ROLE.pattern}|\b(?:доктор|кандидат|наук|д-р|канд\.|учитель|doctor|dr\.)(?!\w)|\b[дк]\.\s?[а-яё]{{1,4}}\.\s?н\.", re.IGNORECASE)
# A position written before a name on a by-line (`Студ. М.Н. Сивак`, `Аспирант Иванов И.И.`,
# `Prof. Anna Kowalska`, `Dr. J. Smith`): the person's, never part of the name.
_POSITION_BEFORE = re.compile(
    r"^(?:(?:студ(?:ент(?:ка)?)?|магистрант(?:ка)?|асп(?:ирант(?:ка)?)?|докторант(?:ка)?|соискатель|(?:ст\.\s?)?преп(?:одаватель)?|доц(?:ент)?|"
    r"проф(?:ессор)?|оқытушы|аға\s+оқытушы|student|undergraduate|(?:assoc\.\s|assistant\s|associate\s)?prof(?:essor)?|dr)\.?\s+)+",
    re.IGNORECASE,
)
# What a journal prints around the title: its name, issue, dates (and the editor who handled the paper), licence (and
# its terms' tail wrapped to a line of its own: `… must be obtained for commercial re-use.`), contacts.
_JOURNAL = re.compile(
    r"journal|журнал|вестник|хабаршы|известия|жаршысы|proceedings?\b|conference|congress|symposium|труды|"
    r"сборник|ScienceDirect|homepage|available online|article history|received|accepted|published|"
    r"поступила|принята|communicated\s+by|recommended\s+by|handling\s+editor|ISSN|ISBN|copyright|creative commons|licen[cs]e|"
    r"commercial\s+re-?use|written\s+permission|correspondence|tel\.|e-?mail|"
    r"https?://|www\.",
    re.IGNORECASE,
)
_ISSUE = re.compile(r"№\s*\d|\b(?:vol|volume|том|т|no|issue|вып|pp|с)\.?\s*\d", re.IGNORECASE)
_YEAR = re.compile(r"\b(?:19|20)\d\d\b")
_MONTH = re.compile(
    r"\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b|январ|феврал|март|апрел|мая|май|июн|июл|август|сентябр|октябр|ноябр|декабр",
    re.IGNORECASE,
)
EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+|\{[\w,\s]+\}@")
_EXTENDED_A = [chr(c) for c in range(0x100, 0x180)]
# Latin Extended-A's letters too (`Tomáš Drga`, `Jiří Dvořák`, `Łukasz Wróbel`, `Gülşen`): Central European and Turkish names;
# Ukrainian's own Cyrillic letters (`Є. О. Коваленко`, `Ануфрієва`, `Ґалаґан`), which no line-role training line holds.
_UPPER = "A-ZÀ-ÖØ-ÞА-ЯЁӘҒҚҢӨҰҮҺІЎЄЇҐ" + "".join(ch for ch in _EXTENDED_A if ch.isupper())
_LOWER = "a-zß-öø-ÿа-яёәғқңөұүһіўєїґ" + "".join(ch for ch in _EXTENDED_A if ch.islower())
# Person names as papers print them: `Д.С. Курушин`, `Курушин Д.С.`, `Kurushin D.S.`,
# `Wilson C. Hsieh`, `Ольга Борисовна Дигилина`, `Pierre-François Dutot`, `С.А. ГЛУШЕНКО`.
_INITIAL = rf"[{_UPPER}][{_LOWER}]?\."
_INITIALS = rf"{_INITIAL}(?:\s?{_INITIAL}){{0,2}}"
# `O’Connell`, `McDonald`, `MacArthur`: a capital inside a surname after its prefix.
_WORD = rf"(?:[{_UPPER}][’']|Mc|Mac)?[{_UPPER}][{_LOWER}’']+(?:-[{_UPPER}]?[{_LOWER}’']+)?"
_CAPS_WORD = rf"[{_UPPER}]{{2,}}(?:-[{_UPPER}]{{2,}})?"
_SURNAME = rf"(?:{_WORD}|{_CAPS_WORD})"
# Surnames in capitals after given names (Portland Press, Springer: `Ross G. DOUGLAS`,
# `K. Ravi ACHARYA`) are certain with an initial; `Kelly CHIBALE` counts only beside others.
_BY_INITIALS = (
    rf"{_INITIALS}\s?{_SURNAME}|{_SURNAME}\s{_INITIALS}|{_WORD}\s{_INITIAL}\s{_WORD}"
    rf"|{_WORD}\s{_INITIALS}\s?{_CAPS_WORD}|{_INITIALS}\s?{_WORD}\s{_CAPS_WORD}"
)
# Names certain by their initials: what the line-role model's features were trained with
# (roles/features.py; a change here is a retraining).
INITIALS_NAME = re.compile(rf"^(?:{_BY_INITIALS})$")
# A full name whose last word is a patronymic, in the nominative or the genitive a cover prints
# (`Стародубцев Андрей Игоревич`, `Кабдуали Бек Ильясулы`, `студента … Петрова Ивана Сергеевича`),
# is as certain as one with initials.
_FULL_NAME = rf"{_WORD}\s{_WORD}\s[{_UPPER}][{_LOWER}]+(?:вич|вича|вна|вны|ична|ичны|инична|ұлы|улы|қызы|кызы)"
STRONG_NAME = re.compile(rf"^(?:{_BY_INITIALS}|{_FULL_NAME})$")
WEAK_NAME = re.compile(rf"^{_WORD}(?:\s(?:{_WORD}|{_INITIAL})){{1,3}}$|^{_WORD}\s{_CAPS_WORD}$")
FULL_NAME = re.compile(_FULL_NAME)
# A name with initials, or a full name, ending a line (`Студент гр. ФО–411101 А. А. Ибакаева`).
NAME_AT_END = re.compile(rf"(?:{_SURNAME}\s{_INITIALS}|{_INITIALS}\s?{_SURNAME}|{FULL_NAME.pattern})\s*$")
# A journal's rubric over the title: the article's type or its access (BMC `RESEARCH ARTICLE`
# and `Open Access`, `Original Article`, `Научная статья`), or its section or branch of science
# (`ТЕХНИЧЕСКИЕ НАУКИ`, `Техникалық ғылымдар`): never a title or a name.
# A conference paper's kind set under its title (`EXTENDED ABSTRACT`, `Position Paper`) is one too.
_ONE_RUBRIC = (
    r"(?:(?:original|research|review|short|brief|technical|case|methods?|full|regular|position)\s+)?"
    r"(?:article|paper|report|communication|note|research|review|study|letter|editorial)s?|extended\s+abstract"
    r"|open\s+access|(?:научная|оригинальная|обзорная|исследовательская)\s+статья|обзор|краткое\s+сообщение|"
    r"ғылыми\s+мақала|шолу\s+мақала|"
    r"(?:[^\W\d_]+-)?[^\W\d_]+(?:ие|ые)\s+науки|(?:[^\W\d_]+-)?[^\W\d_]+\s+ғылымдар(?:ы)?|"  # a journal's branch of science (`ТЕХНИЧЕСКИЕ НАУКИ`)
    r"(?:секция|section|рубрика|бөлім)\s*\d*\s*:\s*[^\W\d_][^:]*"  # the conference's or the issue's section (`Секция: Экология`)
)
# One rubric, or two set on one baseline, which a PDF's line holds together (`RESEARCH ARTICLE   Open Access`).
RUBRIC = re.compile(rf"(?:{_ONE_RUBRIC})(?:\s+(?:{_ONE_RUBRIC}))?", re.IGNORECASE)
# Words a title line cannot end on: the title goes on under it (`… Evolutionary and` / `Selective Pressure Analyses`).
_CONNECTIVE_END = re.compile(
    r"\s(?:and|or|of|for|the|a|an|in|on|with|to|from|by|at|via|и|или|в|во|на|для|с|со|по|к|о|об|от|из|при|және|мен|үшін)$",
    re.IGNORECASE,
)


def is_rubric(text: str) -> bool:
    """A journal's rubric line over the title (`RESEARCH ARTICLE`, `Open Access`, `Original
    article`, `Научная статья`): the whole line names the article's type or access. Evidence:
    the BMC paper in bench/papers, whose rubric was read as its title and `Open Access` as an author."""
    return len(text) <= 40 and RUBRIC.fullmatch(" ".join(text.split()).strip(" .:|")) is not None


def repeats_header(text: str, headers: list[str]) -> bool:
    """A line that repeats the start of a journal header above it is the journal's name set
    again as a logo (`Clinical Science` under `Clinical Science (2014) 126, 305–313 …`), not
    an author."""
    words = text.split()
    return len(words) >= 2 and any(h.split()[: len(words)] == words and len(h.split()) > len(words) for h in headers)


def continues_title(line: str) -> bool:
    """A title line ending on a conjunction or preposition goes on on the next line (which is
    then no author line, however its words are capitalised)."""
    return _CONNECTIVE_END.search(line.rstrip(" ,")) is not None
# IEEE's conference template numbers its author blocks: `1st Given Surname`, `2nd …`.
_ORDINAL = re.compile(rf"^\d{{1,2}}(?:st|nd|rd|th)\s+(?=[{_UPPER}])")
# An ORCID iD printed in brackets after a name (Springer LNCS: `Ann Smith1[0000-0002-1825-0097]`, the
# hyphens often minus signs): a mark, never part of the name.
ORCID_IN_BRACKETS = r"\[\s*\d{4}(?:\s*[-−–]+\s*\d{3}[\dX]){3}\s*\]"
# Marks that tie a name to its affiliation or note: digits, stars, daggers, arrows (Elsevier's
# corresponding-author mark `⇑` as pdftotext gives it), `ID` (ORCID icon), ©;
# an author block's number (`_ORDINAL`); an ORCID iD in brackets.
_MARKS = re.compile(ORCID_IN_BRACKETS + r"|(?<=[^\s\d])\d{1,2}[-–]\d{1,2}(?=[\s,;*]|$)|\b\d{1,2}(?:st|nd|rd|th)\b|[\d¹²³⁴⁵⁶⁷⁸⁹⁰*∗†‡§¶#©\u2190-\u21ff\u25a0-\u25ff\u2600-\u27bf\ue000-\uf8ff]+|\bID\b|\s[a-z](?=\s*(?:,|;|$|\s(?:and|и)\s))|(?<=\s)г\.(?=\s)")
_SPLIT = re.compile(r"\s*(?:[,;/]|\s(?:and|и|және|&)\s)\s*")
MAX_TITLE_LINES = 6  # a title set in a narrow column (`НЕЙРО-НЕЧЕТКАЯ / СИСТЕМА ПОДДЕРЖКИ / …`)


@dataclass(frozen=True, slots=True)
class FieldText:
    """A front-matter field as printed: its language and text, and where it stands (its line
    indexes, and the characters of the first line its label takes), so a reader can read its
    citations with their places."""

    language: str
    text: str
    rows: tuple[int, ...] = ()
    skip: int = 0


def raw_column(line: str, offset: int) -> int:
    """The 0-based column in `line` of the character at `offset` in `clean(line)` (which
    collapses runs of spaces); the line's length when `offset` is past its end."""
    position = 0
    for column, token in tokens_with_columns(line):  # 1-based columns
        if offset < position + len(token):
            return column - 1 + max(offset - position, 0)
        position += len(token) + 1
    return len(line)


@dataclass
class FrontMatter:
    udc: str | None = None
    irsti: str | None = None
    title_lines: list[str] = field(default_factory=list)
    authors: list[str] = field(default_factory=list)
    affiliations: list[str] = field(default_factory=list)
    position: str | None = None
    supervisor: str | None = None
    abstract: FieldText | None = None
    keywords: list[str] = field(default_factory=list)
    abstracts: list[FieldText] = field(default_factory=list)
    keyword_sets: list[tuple[str, tuple[str, ...]]] = field(default_factory=list)
    body_start: int = 0  # index of the first body line
    start: int = 0  # index of the paper's first line: past the previous paper's end printed above it (`_after_previous_paper`)
    labelled_title: str | None = None  # a title given by its label (`Статья: «…»`, `Тема: …`): the author's own mark, past any judging
    translations: list[TitleTranslation] = field(default_factory=list)  # the title block in other languages (readers/translations.py)

    def choose(self, language: str | None) -> None:
        """`abstract` and `keywords` are those in the paper's language, else the first printed."""
        if self.abstracts:
            self.abstract = next((a for a in self.abstracts if a.language == language), self.abstracts[0])
        if self.keyword_sets:
            self.keywords = list(next((k for lang, k in self.keyword_sets if lang == language), self.keyword_sets[0][1]))

    def off_cover(self, cover_end: int, language: str | None) -> None:
        """No abstract stands on a thesis's cover (its lines up to `cover_end`): what was read as
        one there (the university's name in small type, the kind and title in bold) is dropped."""
        kept = [a for a in self.abstracts if not a.rows or a.rows[0] >= cover_end]
        if len(kept) < len(self.abstracts):
            self.abstracts, self.abstract = kept, None
            self.choose(language)


@lru_cache(maxsize=8192)  # the reader, the title page, the line roles and the front matter each ask it of the same lines
def clean(line: str) -> str:
    """The line's text with runs of spaces collapsed, its edges dropped and font glyphs repaired."""
    return unicodedata.normalize("NFC", normalize_glyphs(" ".join(t for _, t in tokens_with_columns(line))))


def is_title_line(text: str) -> bool:
    """A title line is set in capitals: at least 80% of its letters are upper case."""
    letters = sum(map(str.isalpha, text))  # map and filter count in C: the rules ask this of every line
    return letters >= 3 and sum(map(str.isupper, filter(str.isalpha, text))) >= 0.8 * letters


def script(text: str) -> str:
    """`cyrillic` or `latin`, whichever has more letters in `text`."""
    cyrillic = sum("\u0400" <= ch <= "\u04ff" for ch in text)
    latin = sum(ch.isalpha() and ch < "\u0250" for ch in text)
    return "cyrillic" if cyrillic > latin else "latin"


def split_authors(text: str) -> list[str]:
    """A by-line's names, parted by commas, semicolons, `and`/`и`/`және`, or a full stop after a
    whole word (`Ермолаев Егор Сергеевич. Куканов Борис Алексеевич.`; never after an initial)."""
    return [a.strip() for a in re.split(rf"[,;]|\s+(?:және|и|and)\s+|(?<=[{_LOWER}]{{2}})\.\s+(?=[{_UPPER}])", text) if a.strip()]


# A note in brackets after a name, opening in small letters: the author's position and place
# (`Мокрецов Р.М. (магистрант 1 года, каф. МОЭВМ, СПБГЭТУ)`), never a name.
_NOTE_IN_BRACKETS = re.compile(rf"\s*\((?=[{_LOWER}])[^()]*\)")
# School pupils' by-lines end with their class after a dash (`Лихницкий Тимофей, Перминова Ульяна - 10 «Г»`, `– 11А`).
_SCHOOL_CLASS = re.compile(rf"\s+[-–—]\s*(?:1[01]|[5-9])\s*[«\"]?[{_UPPER}]?[»\"]?(?:\s+класс[а]?)?\s*$")
# A name's institution in brackets after it (`Фам Данг Чунг Нгиа (ИТМО)`, `Иванов И.И. (Университет ИТМО)`,
# congress theses' by-lines): a Cyrillic abbreviation (two capitals at least: `СПбГУ`; a Latin one after title-case words is
# a title's, `Deep Learning (CNN)`), or words naming a university or an institute.
_CYRILLIC_UPPER = "А-ЯЁӘҒҚҢӨҰҮҺІ"
_INSTITUTION_IN_BRACKETS = re.compile(
    rf"\s*\((?:[{_CYRILLIC_UPPER}](?=[^()\s]*[{_CYRILLIC_UPPER}])[{_CYRILLIC_UPPER}а-яёәғқңөұүһі0-9-]{{1,11}}|[^()]*(?i:университет|university|институт|institute|академи|academy|college|колледж)[^()]*)\)(?=\s*(?:[,;]|$))"
)


# Words no by-line holds: a year standing alone (`Summer Term 2022`, `Нижний Новгород 2005`: a
# cover's date or place line; a copyright's `© 2016` marks a by-line) or a kind of work (`Master’s Thesis`, `Project Report`).
DATE_OR_KIND = re.compile(r"(?<![\d.,/©-])(?<!©\s)(?:19|20)\d\d(?![\d.,/-])|\b(?:thesis|dissertation|term|semester|report|master[’']s|bachelor[’']s)\b", re.IGNORECASE)


# An initial whose full stop a text layer set apart (`Мазитова Р .И.`, kerning read as a space).
_SPACED_INITIAL = re.compile(rf"(?<![^\W\d_])([{_UPPER}]) \.")
# The year a copyright by-line ends on (`© Петрова А.В., 2019`: GOST's form of a Russian journal's by-line):
# the copyright's, not a cover's date line's.
_COPYRIGHT_YEAR = re.compile(r"^(\s*©\D*?[^\W\d_].*?)[,\s]\s*(?:19|20)\d\d\.?\s*$")


def author_names(text: str, strong_only: bool, keep_notes: bool = False) -> list[str] | None:
    """The names on an author line, or None when the line is not one.

    Rule: with the affiliation marks taken off (`Гавдан1`, `Aurzada a`, `Никулин*`, `© 2016`),
    the line splits at commas, `and`/`и`/`және` and `/` into names and degree or place notes
    that start in lower case (`канд. экон. наук`, `д-р ф.-м. наук`); any other piece means the
    line is not an author line. Initials make a name certain (`Д.С. Курушин`, `Курушин Д.С.`);
    two to four capitalised words (`Frank Aurzada`) count only where `strong_only` is false, the
    line lists several of them, or a position follows on the line (`Клочек Мария Сергеевна,
    студент 3 курса`, `Ivan Petrov, PhD student`: the position makes it a by-line). A note in
    brackets opening in small letters after a name (its role and place) is dropped, unless
    `keep_notes` (how the line-role model's features were trained to read the line). So is a
    name's institution in brackets (`Фам Данг Чунг Нгиа (ИТМО)`) or a pupils' class after a dash at
    the line's end (`- 10 «Г»`), which makes the line a by-line.
    """
    text = _SPACED_INITIAL.sub(r"\1.", text)
    if dated := _COPYRIGHT_YEAR.match(text):  # `© Петрова А.В., 2019`: names with initials or in full only (`© Издательство ТГУ, 2019` is none)
        names = author_names(dated.group(1), strong_only, keep_notes)
        return names if names and all(STRONG_NAME.match(n) for n in names) else None
    if len(text) > 250 or "@" in text or DATE_OR_KIND.search(text):
        return None
    if caps := _capitals_before_affiliation(text):
        return caps
    placed = not keep_notes and (_INSTITUTION_IN_BRACKETS.search(text) or _SCHOOL_CLASS.search(text)) is not None  # they make it a by-line
    if placed:
        text = _SCHOOL_CLASS.sub("", _INSTITUTION_IN_BRACKETS.sub("", text))
    bare = re.sub(r"\s(?:and|и|және)$", "", " ".join(_MARKS.sub(" ", text if keep_notes else _NOTE_IN_BRACKETS.sub(" ", text)).split()))
    names, weak = [], 0
    for piece in _SPLIT.split(bare):
        piece = without_position(piece.strip(" ,:;"))
        if not STRONG_NAME.match(piece):
            piece = piece.rstrip(".")
        if not piece:
            continue
        if _city_after_mark(piece):
            continue  # `Г. Вологда`: GOST's `г.` before a city, capitalised at its line's head, is no initial
        if STRONG_NAME.match(piece):
            names.append(piece)
        elif WEAK_NAME.match(piece) and not is_institution(piece):  # `Waseda University` alone under the names
            names.append(piece)
            weak += 1
        elif piece[0].islower() or piece[0] in "(«\"":
            placed = placed or bool(names) and _ROLE.search(piece) is not None
            continue  # a degree, a title, a city (`г. Екатеринбург`) after the name
        else:
            return None
    if not names or (strong_only and weak == len(names) and len(names) < 2 and not placed and not _ORDINAL.match(text)):
        return None  # one name of capitalised words alone: a name only where its line marks it so (a position, IEEE's number)
    return names


_CAPS_NAME = re.compile(rf"^{_CAPS_WORD}(?:\s{_CAPS_WORD}){{1,3}}$")
_CITY_MARK = re.compile(r"^[Гг]\.\s*(?P<city>[А-ЯЁ][а-яё]+(?:-[А-ЯЁа-яё]+)*)\.?$")  # `Г. Вологда`, `г.Пенза`


def _city_after_mark(piece: str) -> bool:
    """`piece` is GOST's city mark and a city the place lexicon knows (`Г. Вологда`, set with a
    capital at the head of its line): a place, never a name with one initial. A family name the
    lexicon holds as a city too (`Киров`, `Королев`) is not in it, and stays a name."""
    m = _CITY_MARK.match(piece)
    if m is None:
        return False
    from ...references.tagger.conventions import is_place as is_city

    return is_city(m["city"])


def _capitals_before_affiliation(text: str) -> list[str]:
    """The names of a by-line set in capitals with its affiliation after them on the line (ACM's
    journals: `SHOUQIAN SHI and CHEN QIAN, University of California, Santa Cruz, USA`): the
    pieces before the first naming an institution (set in text case, not in capitals), each two
    to four words in capitals, read in title case (`Shouqian Shi`); [] where the line is no such thing."""
    names = []
    for piece in _SPLIT.split(text.strip()):
        piece = piece.strip()
        if _CAPS_NAME.match(piece) and not _INSTITUTION.search(piece):
            names.append(piece.title())
        elif names and piece[:1].isupper() and _INSTITUTION.search(piece) and not is_title_line(piece):  # the affiliation in text case
            return names
        else:
            return []
    return []


def leading_names(text: str) -> list[str]:
    """The name opening each piece of a labelled by-line (`Ладина Дарья, БИЯ 172, 1 курс`,
    `Ошаров Александр Андреевич 10П`): its longest run of first words that is a name; the
    names end at the first piece that opens with none."""
    names = []
    for piece in split_authors(_MARKS.sub(" ", text)):
        words = piece.split()
        found = next((" ".join(words[:k]) for k in range(min(len(words), 4), 0, -1) if is_name(" ".join(words[:k]))), None)
        if found is None:
            break
        names.append(found)
    return names


def _names_on(texts: list[str], i: int, strong_only: bool) -> list[str] | None:
    """The names on line `i`: a by-line's (`author_names`), or those opening the pieces of a
    by-line given by its label (`Авторы: …`, or `Выполнила:` alone on the line above)."""
    above = next((t for t in reversed(texts[:i]) if t), "")
    if m := AUTHOR_LABEL.match(texts[i]):
        return leading_names(m["value"]) or None
    if AUTHOR_ALONE.match(above):
        return leading_names(texts[i]) or ([texts[i].title()] if _CAPS_NAME.match(texts[i]) else None)  # `By` / `STEPHEN MALDONADO`
    if SIGN_OPENED.match(texts[i]):
        return None  # `† Vivacity Labs`: an affiliation's entry under its sign (names carry theirs after them)
    return author_names(texts[i], strong_only)


_PATRONYMIC = re.compile(r"(?:вич|вна|ична|инична|ұлы|улы|қызы|кызы)$")


def family_name(name: str) -> str:
    """The family name in a name as printed: its first word where initials or a patronymic
    follow it (`Korotin A. M.`, `Паращук Игорь Борисович`), else its last word of two letters
    or more (`Bernard Perbal`, `Ross G. DOUGLAS`, `C. J. van der Beek`); case folded."""
    words = re.findall(r"[^\W\d_][^\W\d_'’-]*(?:[-'’][^\W\d_]+)*\.?", name.casefold())
    full = [w for w in words if len(w.rstrip(".")) >= 2 and not w.endswith(".")]
    if not full:
        return ""
    if words[-1].endswith(".") and len(words[-1]) <= 3 or len(full) >= 3 and _PATRONYMIC.search(full[-1]):
        return full[0]  # `Korotin A. M.`, `Паращук Игорь Борисович`
    return full[-1]


_TRAILING_NAME = re.compile(rf"(?<=\S)\s+(?:{_SURNAME}\s{_INITIALS}|{_INITIALS}\s?{_SURNAME})\s*$")


def trailing_name(text: str) -> int | None:
    """Where a name with initials ending `text` starts (`… в системах обработки больших данных
    Бобряков А.С.`: a title and its author's name in one paragraph), when three words or more
    stand before it; else None. Whether it is a name and not the title's last words (`… о
    А.С. Пушкине`) the caller decides by how each part is set."""
    m = _TRAILING_NAME.search(text)
    return m.start() + len(m[0]) - len(m[0].lstrip()) if m and len(text[: m.start()].split()) >= 3 else None


_ONE_NAME = rf"(?:{_SURNAME}\s{_INITIALS}|{_INITIALS}\s?{_SURNAME})"
_SIDE_BY_SIDE = re.compile(rf"^{_ONE_NAME}(?:\s+{_ONE_NAME})+$")


def names_side_by_side(text: str) -> list[str]:
    """Names with initials set side by side with no separator (`Vihnin F.   Antipov D.
    Sinyachenko N.`: a LaTeX by-line in columns, read as one line); [] for anything else."""
    text = " ".join(text.split())
    return [m.group(0) for m in re.finditer(_ONE_NAME, text)] if _SIDE_BY_SIDE.match(text) else []


# An institution's name opening a line (`Муниципальное бюджетное общеобразовательное учреждение`,
# `Национальный исследовательский университет …`, `Министерство образования …`, `Кафедра …`,
# `University of …`): the top of a cover page, never its title. Up to four qualifying words may
# come before the institution's kind; a title that only mentions one (`Сайт для университета`) does not open with it.
_INSTITUTION_FIRST = re.compile(
    rf"^(?:[{_UPPER}]?[{_LOWER}-]+(?:ое|ый|ий|ой|ая|яя|ее)\s+){{0,4}}(?:учреждение|университет|институт|академия|колледж|лицей|гимназия|"
    r"школа|министерство|кафедра|факультет|департамент)\b|^(?:(?:[A-Z][a-z]+\s+){0,3}(?:University|Institute)|(?:Ministry|Department|Faculty)\s+of)\b",
    re.IGNORECASE,
)


def opens_with_institution(text: str) -> bool:
    """Whether `text` opens with an institution's name (`_INSTITUTION_FIRST`), also in the
    quotes Russian prints a name in (`«Средняя общеобразовательная школа №3»`)."""
    return _INSTITUTION_FIRST.match(" ".join(text.split()).lstrip("«“\"")) is not None


# A meeting that papers are read at (`Научно-практическая конференция учащихся`, `XII
# International Symposium on …`): a cover's or a header's line naming the venue, not the title.
_VENUE = re.compile(r"конференци|симпозиум|конгресс|conference|symposium|congress", re.IGNORECASE)  # as `_JOURNAL` names them in a header
_IN_QUOTES = re.compile(r"^[«“\"][^«»“”\"]+[»”\"]\.?$")


def names_venue(texts: list[str], i: int) -> bool:
    """Line `i` names the meeting a paper is read at (`_VENUE`), or is wholly in quotes right
    under such a line (its name: `Научно-практическая конференция` over `«Гагаринские
    чтения»`); at most 12 words: a title may name a conference in a sentence of its own."""
    text = " ".join(texts[i].split())
    if _VENUE.search(text) and len(text.split()) <= 12:
        return True
    above = next((t for t in reversed(texts[:i]) if t.strip()), "")
    return _IN_QUOTES.match(text) is not None and _VENUE.search(above) is not None and len(above.split()) <= 12


def without_position(text: str) -> str:
    """A by-line (or a piece of one) without the position written before its first name
    (`Студ. М.Н. Сивак` -> `М.Н. Сивак`); the text as it is when no name follows the position."""
    rest = _POSITION_BEFORE.sub("", text, count=1)
    first = re.split(r"[,;]", rest)[0].strip()
    return rest if rest != text and (STRONG_NAME.match(first) or WEAK_NAME.match(first.rstrip("."))) else text


def is_name(text: str) -> bool:
    """One person's name (`Жахан Жанар`, `Сейтказина Қ.О.`, `J. Smith`); over 100 characters is
    none, nor a city after GOST's mark (`Г. Вологда`)."""
    return len(text) <= 100 and (STRONG_NAME.match(text) or WEAK_NAME.match(text)) is not None and not _city_after_mark(text)


# Institutions of an address that `_INSTITUTION` leaves out (it is a line-role feature too, kept as
# the model was trained): hospitals, clinics, ministries. A line naming one is an affiliation
# where it reads as an address (a comma parts its name from its place: `Renji Hospital, Shanghai`).
_MORE_INSTITUTION = re.compile(r"hospital|clinic|ministry|больниц|клиник|госпитал|министерств|ауруханас|емхана|министрлігі", re.IGNORECASE)


# A company named by its legal form before its name in quotes (`АО «Парк ядерных технологий»`,
# `ТОО «Baiterek Engineering»`, Kazakh `ЖШС «…»`, `АҚ «…»`; its mark glued before it, `3АО «…»`):
# an employer an affiliation names.
_FORMS = r"(?:АО|ТОО|ООО|ОАО|ЗАО|ПАО|НАО|АҚ|ЖШС|ФГУП|ГУП|МУП|РГП|ГКП)"
_LEGAL_FORM = re.compile(rf"(?:^[\d*†‡§]{{0,3}}|[\s,;(]){_FORMS}\s*[«\"“]\S")
# The company's name alone on its line, nothing around it (a journal cover's owner, `РГП «Казгидромет»`): no address.
_COMPANY_ALONE = re.compile(rf"[\d*†‡§]{{0,3}}{_FORMS}\s*[«\"“][^»\"”]+[»\"”]\.?")


def names_affiliation(text: str) -> bool:
    """The text names an institution as an address does: `names_institution`, a hospital,
    a clinic or a ministry followed by a comma (`… Hospital, Shanghai, China`), or a company by
    its legal form (`АО «Парк ядерных технологий», Курчатов`), not alone on its line."""
    return names_institution(text) or "," in text and _MORE_INSTITUTION.search(text) is not None or _LEGAL_FORM.search(text) is not None and not _COMPANY_ALONE.fullmatch(text.strip())


def names_institution(text: str) -> bool:
    """The text names an institution (`университет`, `Institute`, `Department`…), however long."""
    return _INSTITUTION.search(text) is not None


def is_institution(text: str) -> bool:
    """A line naming an institution (`университет`, `Institute`, `Department`…), under 200 characters."""
    return len(text) < 200 and names_institution(text)


# A place line under a name: `Россия, г. Санкт-Петербург`, `г. Вологда`, `Kathmandu, Nepal`.
_PLACE_PART = rf"(?:г\.\s*)?[{_UPPER}][{_LOWER}]+(?:[\s-][{_UPPER}][{_LOWER}]+)?"
_PLACE = re.compile(rf"^(?:г\.\s*{_PLACE_PART}|{_PLACE_PART}(?:,\s*{_PLACE_PART})+)\.?$", re.IGNORECASE)


def is_place(text: str) -> bool:
    """A line that is only a place (`Россия, г. Санкт-Петербург`, `Г. Вологда`, `Kathmandu,
    Nepal`): capitalised names parted by commas, or one after `г.`; a by-line's, never a title."""
    return len(text) <= 60 and _PLACE.match(" ".join(text.split())) is not None


def is_rank(text: str) -> bool:
    """A line naming a person's rank or degree (`к.т.н., доцент`, `доктор технических наук,`,
    `учитель информатики`), under 120 characters."""
    return len(text) < 120 and _RANK.search(text) is not None


def is_role(text: str) -> bool:
    """A line naming a position or degree (`магистрант`, `профессор`, `PhD student`), under 200 characters."""
    return len(text) < 200 and _ROLE.search(text) is not None


# A line cut inside a sentence: it ends on a preposition or conjunction (`… было в 1984 году, в`),
# which no journal's header line does.
_CUT_SENTENCE = re.compile(r"\s(?:в|во|на|и|с|со|к|о|об|по|за|из|от|до|для|что|а|но|of|in|on|and|the|to|for|with|by|a|an)$")


def is_header(text: str) -> bool:
    """A journal header or editorial line: the journal's name, issue and year, dates, contacts,
    a page number, letter-spaced running heads (`Т Р УД Ы В Э О Р О С С И И | 212 ТО М`)."""
    tokens = text.split()
    if _JOURNAL.search(text) or "|" in text:
        return True
    if sum(len(t) == 1 and t.isalpha() for t in tokens) >= max(3, len(tokens) / 2):
        return True
    if not any(ch.isalpha() for ch in text):
        return True  # page numbers, marks
    if _YEAR.search(text) and (_ISSUE.search(text) or _MONTH.search(text) or "," in text) and len(tokens) <= 14 and not _CUT_SENTENCE.search(text):
        return True
    return bool(_ISSUE.search(text)) and len(tokens) <= 6


def _title_run(texts: list[str], lower_ok: bool = False) -> bool:
    """Can these consecutive lines be a title? One to six lines, no sentence ending inside a line, starting with a capital,
    in one script and one case (a capitals title does not run on into a sentence-case
    paragraph), two words at least, not ending in a comma."""
    words = sum(len(t.split()) for t in texts)
    joined = " ".join(texts)
    first = texts[0].lstrip("«\"“")
    if not (1 <= len(texts) <= MAX_TITLE_LINES) or words < 2 or len(joined) > 300 or joined.endswith((",", ";")):
        return False
    digits = sum(ch.isdigit() for ch in joined) / max(len(joined.replace(" ", "")), 1)
    if digits > 0.3 or digits > 0.1 and len(re.findall(r"\d+", joined)) >= 2:
        return False  # an address, a date (a title may hold one number: `… 100 …`)
    if any(re.search(rf"[{_LOWER}]\. [{_UPPER}]", t) for t in texts):
        return False  # sentences: a paragraph
    if not (first[:1].isupper() or first[:1].isdigit()):
        return False
    caps = is_title_line(texts[0])
    return all(script(t) == script(texts[0]) and (is_title_line(t) == caps or lower_ok) for t in texts[1:])


def title_text(texts: list[str]) -> str:
    """The title's lines joined; a note mark at its end (`БИЗНЕС-ПЛАНИРОВАНИЯ2`, `picture?I`, `Planning*`) dropped."""
    out = ""
    for t in texts:
        out = out + t if out.endswith("-") and out[-2:-1].isalpha() else f"{out} {t}".strip()
    return re.sub(r"(?<=[?!.])[A-Z*∗†‡]$", "", _without_end_mark(out)).strip()


def _without_end_mark(title: str) -> str:
    """`title` without a note mark glued to its last word (`Planning1`, `ПЛАНИРОВАНИЯ2`,
    `Planning*`); a number that ends a name in mixed case in a title not in capitals
    (`MobileNetV2`, `YOLOv8`, `CO2`) is the name's own."""
    m = re.search(r"(?<=[^\W\d])[\d*∗†‡]+$", title)
    if m is None:
        return title
    word = re.search(r"[^\W\d_]+$", title[: m.start()])[0]
    if m[0].isdigit() and any(ch.isupper() for ch in word[1:]) and not is_title_line(title):
        return title
    return title[: m.start()]


def _is_prose(text: str) -> bool:
    """Sentences, not a keyword list: long, with a sentence boundary (`cluster. Jobs`)."""
    return len(text) > 150 and re.search(rf"[{_LOWER}]\. [{_UPPER}]", text) is not None


def _keywords(text: str) -> tuple[str, ...]:
    return tuple(k.strip().rstrip(".").strip() for k in re.split(r"[,;·•]", text) if k.strip().rstrip(".").strip())  # Springer separates them by `·`


def keywords_of(parts: list[str], alone: bool, joined: str | None = None) -> tuple[str, ...]:
    """A keyword field's words from its lines (`joined`: them joined, line-end hyphens mended):
    split at commas and semicolons; when the label stands alone on its line and no line holds a
    separator, one keyword a line (Elsevier's list under `Keywords`)."""
    text = " ".join(parts) if joined is None else joined
    if alone and len(parts) > 1 and not re.search(r"[,;·•]", text):
        return tuple(k for part in parts if (k := part.strip().rstrip(".").strip()))
    return _keywords(text)


# A term and its definition after a spaced dash (`Кредитный скоринг – это оценивание …`):
# a glossary's line, which no keyword is.
_DEFINITION = re.compile(r"^\W*[^\W\d_][^–—]{0,60}?\s[–—-]\s+(?:это\s|[a-zа-яё])")
GLOSSARY_WORDS = 6  # words of a keyword at least, with a term's dash, for a definition


def is_glossary(keywords: tuple[str, ...] | list[str]) -> bool:
    """Keywords that are a glossary's terms with their definitions (`Ключевые слова` over
    `§ Кредитный скоринг – это оценивание кредитоспособности лица, основанная …`): one of
    them at least `GLOSSARY_WORDS` words with a spaced dash before a lower-case word. Keywords
    are a short list of terms."""
    return any(len(k.split()) >= GLOSSARY_WORDS and _DEFINITION.match(k) for k in keywords)


# A line of a table of contents: its page number after dot leaders (`Аннотация ........ 3`), a
# front page's in roman numerals too (a thesis's `Abstract ........ iii`)
# The heading over a paper's contents (the Word and PDF readers keep both out of the body).
CONTENTS_HEADING = re.compile(r"^(?:содержание|оглавление|мазмұны|(?:table\s+of\s+)?contents)\s*:?$", re.IGNORECASE)
CONTENTS_LINE = re.compile(r"(?:\.\s*){4,}\s*(?:\d{1,4}|[ivxlc]{1,7}|[IVXLC]{1,7})\s*$|…{2,}\s*(?:\d{1,4}|[ivxlc]{1,7}|[IVXLC]{1,7})\s*$")


def _label(match_fn, text: str):
    """A label line, also when the PDF spaced out its first letter (`К ЛЮЧЕВЫЕ СЛОВА`); a line of
    the contents naming the abstract (`Аннотация ....... 3`) is none."""
    if CONTENTS_LINE.search(text):
        return None
    m = match_fn(text)
    if m is None and len(text) < 40 and is_title_line(text):
        m = match_fn(re.sub(r"^(\w) (?=\w)", r"\1", text))
    return m


def front_window(lines: list[str], page_starts: tuple[int, ...] = (0,)) -> tuple[int, bool]:
    """Where front matter may stand: up to the introduction's heading when the first three pages
    have one, else the first three pages (at most 250 lines). Returns (end, ends at a heading)."""
    limit = min(len(lines), page_starts[3] if len(page_starts) > 3 else len(lines), 250)
    for i in range(limit):
        if is_introduction(lines[i]) or re.match(r"^\s*(?:Введение|Кіріспе|Introduction)\.\s+\S", lines[i]):
            return i, True
    return limit, False


def read_front_matter(
    lines: list[str], page_starts: tuple[int, ...] = (0,), furniture: frozenset[int] = frozenset(), language: str | None = None,
    page_breaks: tuple[int, ...] | None = None,
) -> FrontMatter:
    """Read the front matter at the top of `lines`; the body starts at the first line none matches.

    Lines are read in order within `front_window`: labelled fields (UDC, IRSTI, DOI, supervisor,
    abstract, keywords), journal headers, e-mail and affiliation lines, author lines, and runs
    of other lines. A run that can be a title is a title candidate; the title is the first
    candidate after the UDC line when there is one (journals print the UDC above the title),
    preferring one in the paper's script (`language`), and a running header (`furniture`) only
    when nothing else is. A run of prose is an unlabelled
    abstract when the title is known and more front matter follows it (a label, or the
    introduction's heading that ends the window) or it follows the keywords; otherwise the
    body starts there. Without a title nothing is front matter. `page_breaks`: where pages
    start, for a field that fills its page (the PDF reader gives them, and no `page_starts`:
    its window and volume rules read the lines as one run); `page_starts` else.
    """
    begin = paper_in_volume(lines, page_starts) if len(page_starts) > 1 else None
    if begin is not None:  # the volume's cover, imprint and contents above: the paper's own title block
        starts = tuple(sorted({0} | {p - begin for p in page_starts if p > begin}))
        later = read_front_matter(lines[begin:], starts, frozenset(k - begin for k in furniture if k >= begin), language)
        if later.title_lines:
            return _shifted(later, begin)
    end, at_heading = front_window(lines, page_starts)
    heading = next((i for i in range(end) if is_reference_heading(lines[i])), None)
    fm = _read_window(lines, end if heading is None else heading, at_heading and heading is None, furniture, language, page_starts if page_breaks is None else page_breaks)
    first_page_end = page_starts[1] if len(page_starts) > 1 else len(lines)
    if not fm.title_lines and heading is not None and heading < first_page_end and (begin := _after_previous_paper(lines, heading, end)) is not None:
        starts = tuple(sorted({0} | {p - begin for p in page_starts if p > begin}))
        later = read_front_matter(lines[begin:], starts, frozenset(k - begin for k in furniture if k >= begin), language)
        return _shifted(later, begin) if later.title_lines else fm
    return fm


# A volume's front matter (a proceedings' or a journal issue's, posted with one paper of it): its
# cover names the volume's kind (`МАТЕРИАЛДАРЫ`, `Материалы … конференции`, `ХАБАРШЫСЫ`,
# `PROCEEDINGS`), its imprint the book's or serial's number and its editors (`ISBN`, `ББК`,
# `Жауапты редакторлар:`, `Под ред.`, `Founded in 1995`).
_VOLUME_KIND = re.compile(r"^(?:материал(?:ы|дары)|materials|proceedings|сборник|жинақ|хабаршы(?:сы)?|вестник|bulletin|труды|известия)\b", re.IGNORECASE)
_VOLUME_IMPRINT = re.compile(
    r"^(?:ISBN|ISSN|ББК|ҚБЖ|BBK)\b|^(?:под\s+(?:общей\s+)?ред|рецензенты|жауапты\s+редактор|редакционная\s+коллегия|редакция\s+алқасы|"
    r"editorial\s+board|edited\s+by|founded\s+in|издается\s+с)|жылдан\s+бастап\s+шығады",
    re.IGNORECASE,
)
COVER_WORDS = 150  # a cover holds the volume's name and place; a paper's first page its title block and its abstract or text


def paper_in_volume(lines: list[str], page_starts: tuple[int, ...]) -> int | None:
    """Where a paper begins under its volume's front matter: when the first page is a volume's
    cover (few words, the volume's kind named) and an imprint mark follows it, the first line
    past the first page that opens a paper's title block (`opens_paper`); None otherwise (a
    paper's own first page, whatever its running head names, holds its title block and text).
    `lines` as read; the rest is cleaned only past a cover (every paper's reading asks)."""
    first_end = page_starts[1] if len(page_starts) > 1 else len(lines)
    if sum(len(line.split()) for line in lines[:first_end]) > COVER_WORDS:
        return None
    texts = [clean(line) for line in lines]
    if not any(_VOLUME_KIND.match(t) for t in texts[:first_end]):
        return None
    imprint = next((k for k, t in enumerate(texts) if _VOLUME_IMPRINT.search(t)), None)
    if imprint is None:
        return None
    return next((k for k in range(max(first_end, imprint + 1), len(texts)) if opens_paper(texts, k)), None)


def opens_paper(texts: list[str], k: int) -> bool:
    """Whether a paper's title block opens at line `k`: its UDC or IRSTI line; past at most three
    short lines (another code, the section `Секция: Экология`, `Научная статья`, a note mark), a
    title run (not a label ending in `:`, no names in it); then, past a note mark, a by-line."""
    if not (UDC.match(texts[k]) or IRSTI.match(texts[k])):
        return False
    rest = [t for t in texts[k + 1 : k + 30] if t][:12]
    for j in range(min(4, len(rest))):
        if j and (len(rest[j - 1]) >= 60 or leading_names(rest[j - 1])):
            return False  # the lines skipped are short and name nobody
        for t in range(j + 1, min(j + MAX_TITLE_LINES, len(rest) - 1) + 1):
            title, after = rest[j:t], [s for s in rest[t : t + 2] if _MARKS.sub("", s).strip(" ,")]  # past a line of marks (`1*`)
            if title[-1].endswith(":") or any(leading_names(s) for s in title) or not _title_run(title):
                continue
            if after and (author_names(after[0], strong_only=False) or leading_names(after[0])):
                return True
    return False


def _after_previous_paper(lines: list[str], heading: int, end: int) -> int | None:
    """Where a paper begins under the end of the previous one, printed above it on the same page
    (a collection's page: the previous paper's text, its `БИБЛИОГРАФИЧЕСКИЙ СПИСОК` and entries,
    then this paper's by-line and title): the by-line block right above the first line in
    capitals (three words or more) after the list's heading (names, positions, institutions,
    places, e-mails), or that line; None when no line in capitals follows.""" 
    texts = [clean(line) for line in lines[:end]]
    title_at = next((i for i in range(heading + 1, end) if is_title_line(texts[i]) and len(re.findall(r"[^\W\d_]{3,}", texts[i])) >= 3 and not _classified(texts[i], False)), None)
    if title_at is None:
        return None
    begin = title_at
    while begin - 1 > heading and _by_line_part(texts[begin - 1]):
        begin -= 1
    return begin


def _by_line_part(text: str) -> bool:
    """A line a by-line block holds: blank, names, a position or degree (`к. т. н., доцент`),
    an institution, a place, an e-mail."""
    return not text or author_names(text, strong_only=False) is not None or bool(_ROLE.search(text) or _INSTITUTION.search(text) or EMAIL.search(text)) or is_place(text)


def _shifted(fm: FrontMatter, by: int) -> FrontMatter:
    """`fm` read from the lines after the first `by`, its line indexes counted from the top."""
    fm.abstracts = [replace(a, rows=tuple(r + by for r in a.rows)) for a in fm.abstracts]
    if fm.abstract is not None:
        fm.abstract = replace(fm.abstract, rows=tuple(r + by for r in fm.abstract.rows))
    fm.body_start += by
    fm.start += by
    return fm


def _labelled_field(fm: FrontMatter, lines: list[str], texts: list[str], i: int, end: int, abstract_pending: bool, page_starts: tuple[int, ...] = ()) -> tuple[int, bool, bool] | None:
    """The keywords or the abstract opening at line `i` by their label, read into `fm`: (the
    line after the field, whether it was the keywords, whether an abstract's label is left
    with no text), or None when no such label opens the line."""
    if m := _label(KEYWORDS.match, texts[i]):
        value, rows, after = _continued(texts, i, end, m["value"], keywords=True)
        value = _mended(value, [m["value"]] * bool(m["value"]) + [texts[r] for r in rows[bool(m["value"]):]], lines)
        if value and abstract_pending and _is_prose(value):  # labels side by side: `ABSTRACT` `Keywords`
            fm.abstracts.append(FieldText(detect_language(value), value, rows, _value_column(lines, rows, m)))
        elif value and is_glossary(words := keywords_of([texts[r] for r in rows], not m["value"], value)):
            return None  # a glossary under the label: the body's
        elif value:
            fm.keyword_sets.append((detect_language(value), words))
        return after, True, False
    if m := _label(ABSTRACT.match, texts[i]):
        value, rows, after = _continued(texts, i, end, m["value"], keywords=False, page_end=next((p for p in page_starts if p > i), None))
        if value and re.search(r"[^\W\d_]{3}", value):  # words: a page number under the label (the contents' entry over two lines) is none
            fm.abstracts.append(FieldText(detect_language(value), value, rows, _value_column(lines, rows, m)))
        return after, False, not value
    return None


def _mended(value: str, parts: list[str], lines: list[str]) -> str:
    """`value`, its lines `parts` joined with spaces, with a word broken by a hyphen at a line's
    end mended as the body's are (`join_line_end_hyphen`, the whole document's words as its
    evidence: `de-` + `tection` is `detection`, `data-` + `driven` stays `data-driven` when the
    paper writes it so)."""
    if not any(p.split() and ends_with_line_break_hyphen(p.split()[-1]) for p in parts[:-1]):
        return value  # most fields: no broken word, no lexicon to build
    lexicon = attested_words(lines)
    out = parts[0].rstrip()
    for part in parts[1:]:
        left, rest = (out.split() or [""])[-1], part.strip()
        if rest and ends_with_line_break_hyphen(left):
            right = rest.split()[0]
            out = out[: len(out) - len(left)] + join_line_end_hyphen(left, right, lexicon) + rest[len(right):]
        else:
            out = f"{out} {rest}" if rest else out
    return out


def _read_window(lines: list[str], end: int, at_heading: bool, furniture: frozenset[int], language: str | None, page_starts: tuple[int, ...] = ()) -> FrontMatter:
    """The front matter in `lines[:end]` (see `read_front_matter`)."""
    fm = FrontMatter()
    texts = _unwrapped_by_lines(_rejoined_word_gaps([clean(line) for line in lines[:end]]))
    margin = {clean(lines[k]) for k in furniture if k < len(lines)}  # the pages' running heads and margins, wherever else printed
    later_label = _later_labels(texts)
    udc_at = next((i for i, t in enumerate(texts) if UDC.match(t) or BARE_UDC.match(t)), None)
    candidates: list[tuple[bool, list[str]]] = []  # (is running header, lines)
    pending: list[tuple[str, list[str]]] = []  # authors by script, in order
    unlabelled: list[FieldText] = []
    headers: list[str] = []  # journal header lines seen so far
    after_keywords = False
    seen_label = False  # names with no initials count as authors only above the abstract
    abstract_pending = False  # an abstract label with no text after it
    last_run_end = -2  # where the last title candidate ended
    anchors: list[tuple[int, int]] = []  # (first, past last) line of each affiliation seen
    title_rows: set[int] = set()  # the lines of the title candidates: no affiliation's
    i = 0
    stop = end
    claimed, unread = -1, []  # the last line read as a field (or a rubric); the runs read as nothing
    while i < end:
        text = texts[i]
        if not text:
            i += 1
            after_keywords = after_keywords and i < end and not texts[i]
            continue
        before, claimed = claimed, i
        if taken := _one_line_field(fm, texts, i, end):
            i += taken - 1  # a supervisor's label alone: the name and rank under it are read
        elif (after := _labelled_title(fm, texts, i, end)) is not None:
            i = after
            continue
        elif (field := _labelled_field(fm, lines, texts, i, end, abstract_pending, page_starts)) is not None:
            i, keywords, abstract_pending = field
            after_keywords, seen_label = after_keywords or keywords, True
            continue
        elif is_rubric(text) or repeats_header(text, headers) or running_name(texts, i) or text in margin and _between_title_lines(texts, i, last_run_end):
            pass
        elif (names := _names_on(texts, i, strong_only=(seen_label or not candidates and not text.startswith("©")) and not _notes_under(texts, i))) is not None:
            pending.append((script(text), names))
        elif is_header(text) or EMAIL.search(text):
            headers.append(text)
        elif _affiliation(anchors, texts, i):
            pass
        elif _ROLE.search(text) and len(text) < 200:
            fm.position = text if fm.position is None else f"{fm.position}; {text}"
        elif text[0].islower() and len(text) < 80 and not candidates and not text.endswith(".") and "[" not in text:
            pass  # a degree or a city under a name before the title
        else:
            title_allowed = udc_at is None or i > udc_at
            run_end = _run_end(texts, i, end, bool(candidates), first_title=not candidates and title_allowed)
            run = [t for t in texts[i:run_end] if any(ch.isalpha() for ch in t)]
            if run and candidates and last_run_end >= 0 and _cut_title_goes_on(texts[last_run_end:i], run, margin) and (k := _title_part(candidates[-1][1], run)):
                run_end = run_end if k == len(run) else i + k  # the text under the title's last line is read next
                title_rows.update(range(i, run_end))
                candidates[-1][1].extend(run[:k])  # a title cut by a blank line (`…математическая модель` / `синхронного…`), a margin's line number or rubric
            elif run and _affiliation_under_name(run, texts, i):
                anchors.append((i, run_end))
            elif run and _title_run(run) and _another_title(run, candidates) and (title_allowed or run_end < end and _ends_with_names(texts, run_end)):
                candidates.append((any(k in furniture for k in range(i, run_end)), run))
                title_rows.update(range(i, run_end))
                last_run_end = run_end
            elif run and (candidates or fm.abstracts) and (at_heading or later_label[run_end] or after_keywords or _by_line_under(texts, run_end)) and not _cites(run):
                if not _prose_run(fm, unlabelled, texts, i, run, run_end):
                    claimed = before
                    unread.append((i, " ".join(run), tuple(k for k in range(i, run_end) if any(ch.isalpha() for ch in texts[k]))))
            elif run and not candidates and (text[0].islower() or udc_at is not None and i < udc_at or len(run) <= 2 and all(len(t) < 60 for t in run)):
                pass  # a rubric or header above the UDC, a degree or city line, a short header line (`Article`, a section of the journal)
            else:
                stop, claimed = i, before  # the line that ends the front matter is none of it
                break
            i = run_end
            after_keywords = False
            continue
        i += 1
    unread = _abstract_tails(unlabelled, _abstract_tails(fm.abstracts, unread, texts), texts)
    stop = _body_from(stop, unread, claimed)
    fm.affiliations = affiliation_entries(texts, anchors, frozenset(title_rows))
    return _with_title(fm, candidates, _without_glued_marks(pending, texts[:stop]), unlabelled, stop, language)


# A by-line line that ends inside a name: its given name alone after a comma (`…, Медет` over
# `Актаев2,6, Касым Дускаев1, …`), the family name on the next line.
_CUT_BY_LINE = re.compile(rf",\s*[{_UPPER}][{_LOWER}]+$")
MAX_BY_LINE_LINES = 4


def _unwrapped_by_lines(texts: list[str]) -> list[str]:
    """`texts` with each by-line wrapped inside a name joined on its first line (the lines it
    took left blank, so every line keeps its index): lines ending in a cut name are joined with
    the next while the joined text ends in one, and kept when the whole reads as names
    (`author_names`); any other line is left as it is."""
    out = list(texts)
    i = 0
    while i < len(out):
        k = i
        while k + 1 < len(out) and k - i + 1 < MAX_BY_LINE_LINES and out[k + 1] and _CUT_BY_LINE.search(_MARKS.sub("", out[k]).rstrip()) and author_names(out[i], strong_only=False) is None:
            k += 1
        joined = " ".join(out[i : k + 1])
        if k > i and not _CUT_BY_LINE.search(_MARKS.sub("", joined).rstrip()) and len(author_names(joined, strong_only=False) or ()) >= 2:
            out[i : k + 1] = [joined] + [""] * (k - i)
        i = k + 1
    return out


_LONE_WORD = re.compile(rf"^[{_UPPER}][{_LOWER}]*$")


def _rejoined_word_gaps(texts: list[str]) -> list[str]:
    """`texts` with a line pdftotext broke at wide word gaps joined on its first part (the lines
    it took left blank, so every line keeps its index): a justified line whose spaces the
    layout stretched comes out as a capitalised word alone (`Основы`, `В`), a blank line, and
    the rest opening in lower case (`технологии Blockchain и концепты ее`), which may break
    again the same way. A word alone on its line opening in a capital, one blank line under it,
    then a line in lower case: they are one line, set where the blank lines it leaves part it
    from nothing it goes on to: on its last part's place where the line under that opens in
    lower case (a title's lines set in wide leading, `Упрощенная` / `математическая модель` /
    `синхронного двигателя`), else on its first part's."""
    out = list(texts)
    i = 0
    while i < len(out):
        k = i
        if _LONE_WORD.match(out[i]):
            while k + 2 < len(out) and not out[k + 1] and out[k + 2][:1].islower() and (k == i or not out[k].endswith((".", ":", ";"))):
                k += 2
        if k > i:
            joined = " ".join(t for t in out[i : k + 1] if t)
            goes_on = k + 1 < len(out) and out[k + 1][:1].islower()  # the text goes on under its last part: no gap there
            out[i : k + 1] = [""] * (k - i) + [joined] if goes_on else [joined] + [""] * (k - i)
        i = k + 1
    return out


# An affiliation's line ending inside a person's name (`… «ЛЭТИ» им. В.`, `named after A.`):
# its next line goes on it.
_CUT_NAME = re.compile(rf"(?:\bим\.|\bимени|\bnamed after)(?:\s{_INITIALS})?$", re.IGNORECASE)


def _between_title_lines(texts: list[str], i: int, title_end: int) -> bool:
    """Whether line `i` stands between a title's lines, a block of its own: blank lines, at least
    one, from the title's end (`title_end`, past its last line) to it and after it, and the next
    line holding text opens in lower case."""
    if title_end < 0 or i == title_end or any(texts[title_end:i]) or i + 1 < len(texts) and texts[i + 1]:
        return False
    return next((t for t in texts[i + 1 :] if t), "")[:1].islower()


def _cut_title_goes_on(gap: list[str], run: list[str], margin: set[str]) -> bool:
    """Whether a title goes on over `gap` into `run`: a blank line, or blank lines around a
    line the pages print in their margin (a journal's rubric set sideways, `# Информатика`,
    which pdftotext puts between the title's lines), then a line opening in lower case; or a
    margin's line numbers."""
    parted = bool(gap) and all(not t or t in margin for t in gap) and sum(1 for t in gap if t) <= 1 and (len(gap) == 1 or any(gap))
    return parted and run[0][:1].islower() or _line_numbers(gap)


def _title_part(title: list[str], run: list[str]) -> int:
    """How many of `run`'s first lines go on `title`, cut above them: the lines set right above
    the text's first paragraph (a full line of text, 80 characters or more, opening in a
    capital, the title's lines shorter than two thirds of it) when they and the title are a
    title (`_title_run`); else all when the whole is one; else none."""
    for k in range(1, min(MAX_TITLE_LINES, len(run) - 1) + 1):
        below = run[k]
        if len(below) >= 80 and below[:1].isupper() and max(map(len, run[:k])) < 2 / 3 * len(below):
            return k if _title_run(title + run[:k], lower_ok=True) else 0
    return len(run) if _title_run(title + run, lower_ok=True) else 0


def _title_over_text(run: list[str]) -> int:
    """How many of a run's first lines are a title set right above the text's first paragraph
    with no blank line between (`Анализ средств планирования траекторий движений` /
    `произвольного количества роботов` / `В настоящее время автономные роботы получают…`): a
    title run (`_title_run`) whose lines are all shorter than two thirds of the line under them,
    which opens a sentence and is a full line of text (80 characters or more), a paragraph of
    two lines at least following; 0 when the run is no such thing."""
    for k in range(1, min(MAX_TITLE_LINES, len(run) - 2) + 1):
        below = run[k]
        if len(below) >= 80 and below[:1].isupper() and max(map(len, run[:k])) < 2 / 3 * len(below) and len(run[k + 1]) >= 0.6 * len(below):
            return k if _title_run(run[:k]) and not _title_run(run) else 0
    return 0


def running_name(texts: list[str], i: int) -> bool:
    """Whether line `i` is a running head of a surname and a page number (MLA's `Путьков 1`,
    `Smith 3`): one word and a number, the word a name's word on a by-line among `texts`."""
    m = re.fullmatch(r"([^\W\d_]{2,})\s+\d{1,3}", texts[i])
    return m is not None and any(k != i and m[1] in t.split() and author_names(t, strong_only=True) for k, t in enumerate(texts))


def _line_numbers(gap: list[str]) -> bool:
    """Whether the lines between two runs are a manuscript's line number in the margin with
    blank lines around it (`Fractal Physiology` / `` / `2` / `` / `Complexity Indices…`): the
    runs are one title's lines."""
    return any(gap) and all(not t or t.isdigit() and len(t) <= 3 for t in gap)


def _later_labels(texts: list[str]) -> list[bool]:
    """For each line, whether a labelled abstract or keywords stand at or after it."""
    later = [False] * (len(texts) + 1)
    for i in range(len(texts) - 1, -1, -1):
        later[i] = later[i + 1] or bool(_label(ABSTRACT.match, texts[i]) or _label(KEYWORDS.match, texts[i]))
    return later


_GLUED_MARK = re.compile(r"^([a-z])\s?(?=[A-Z])")  # `a Department of Mathematics`, `aDepartment …`: an affiliation's letter
_MARKED_EMAIL = re.compile(r"^([a-z])\s+[\w.+-]+@[\w-]+(?:\.[\w-]+)+$")  # `a elenavoy@uvic.ca`: an author's e-mail under its letter


def _without_glued_marks(pending: list[tuple[str, list[str]]], texts: list[str]) -> list[tuple[str, list[str]]]:
    """The names read, without the affiliation letters pdftotext glued on to them (Elsevier's
    `Jiahao Xianga,b, Lang Lia,b` over `aCollege of …`, `bHunan …`: `Jiahao Xiang`, `Lang Li`):
    where lines naming an institution, or an e-mail address alone (`a elenavoy@uvic.ca`), open
    with letters and every Latin name ends in one of them, that letter goes; names with no such
    ending show the marks are not glued, and stay."""
    marks = {m.group(1) for t in texts if (m := _GLUED_MARK.match(t)) and _INSTITUTION.search(t) or (m := _MARKED_EMAIL.match(t))}  # not `a Gabidulin Code and …`
    names = [name for _, found in pending for name in found if script(name) == "latin"]
    if not marks or not names or not all(name[-1] in marks and name[-2:-1].isalpha() for name in names):
        return pending
    return [(s, [name[:-1] if s == "latin" else name for name in found]) for s, found in pending]


def _with_title(fm: FrontMatter, candidates: list, pending: list, unlabelled: list[FieldText], stop: int, language: str | None) -> FrontMatter:
    """`fm` completed by its title (of the candidates), authors (in the title's script) and
    unlabelled abstracts; an empty FrontMatter where nothing shows a title block."""
    evidence = fm.udc or fm.irsti or pending or fm.abstracts or fm.keyword_sets or fm.affiliations or fm.supervisor
    if not fm.labelled_title and (not candidates or not (evidence or any(is_title_line(" ".join(run)) for _, run in candidates))):
        # a line in capitals, or a title with fields around it: else all is body; the names read
        # stay for a title the line-role model finds (`Priority Queue` over `By - Akshat Singh Gour`)
        return FrontMatter(authors=_authors_in_script([p for p in pending if p[1]], "latin" if language == "en" else "cyrillic"))
    fm.title_lines = [fm.labelled_title] if fm.labelled_title else _chosen_title(candidates, language)
    own = script(" ".join(fm.title_lines))
    fm.authors.extend(_authors_in_script(pending, own))
    fm.abstracts.extend(unlabelled)
    fm.translations = _translations(fm, [run for header, run in candidates if not header and run is not fm.title_lines], pending, own)
    fm.title_lines = [title_text(fm.title_lines)]
    fm.body_start = stop
    return fm


def _affiliation_under_name(run: list[str], texts: list[str], i: int) -> bool:
    """A run of lines right under a by-line's name that names an institution, not in capitals:
    an affiliation broken over lines (`Дальневосточный` / `юридический институт` / `МВД России`
    under `В.С. Дунин,`), not a title."""
    above = next((t for t in reversed(texts[:i]) if t), "")
    joined = " ".join(run)
    return i > 0 and bool(texts[i - 1]) and author_names(above, strong_only=True) is not None and len(joined) < 200 and names_institution(joined) and not is_title_line(joined)


def _notes_under(texts: list[str], i: int) -> bool:
    """Whether line `i` ends on a comma and the line under it names a position or an
    institution: then line `i` is a by-line's name even without initials (`Александров Илья
    Михайлович,` over `инженер вычислительного центра, Ангарская государственная техническая
    академия`); a title's last line (`Survey Paper`) above an affiliation ends on no comma."""
    below = texts[i + 1] if i + 1 < len(texts) else ""
    return texts[i].endswith(",") and bool(below) and len(below) < 250 and bool(_ROLE.search(below) or _INSTITUTION.search(below))


def supervisor_after(text: str) -> str | None:
    """The supervisor a line names before its label (`В. С. Коломойцев – кандидат технических
    наук, доцент – научный руководитель`, `В.В. Яхричев, научный руководитель, старший
    преподаватель`): the name and rank; None for any other line."""
    m = _SUPERVISOR_AFTER.match(" ".join(text.split()))
    return m["name"] + (m["rank"] or "") + (m["after"] or "") if m and is_name(m["name"].strip()) else None


def supervisor_below(texts: list[str], i: int, end: int) -> tuple[str, int] | None:
    """The supervisor named under a label alone on line `i` (`Научный руководитель` /
    `Лукашевич Марина Михайловна` / `кандидат технических наук, доцент`; `Научный
    руководитель:` / `доктор технических наук,` / `доцент М.И. Вашкевич.`: a cover's form), as
    printed: the name's line, the rank and degree lines right above or under it; and the line
    past them. None where no person's name is among the next three lines with text. The rank is
    the supervisor's, never the author's position, and the name never an author's."""
    if not _SUPERVISOR_ALONE.match(texts[i]):
        return None
    parts: list[str] = []
    k = i + 1
    while k < min(i + 6, end) and len(parts) < 3:
        line = re.sub(r"(?<=[^\W\d_]{2})\.$", "", texts[k].strip(" ,_"))  # an initial keeps its full stop, a line's own goes
        if not line:
            k += 1
            continue
        named = STRONG_NAME.match(line) or FULL_NAME.fullmatch(line) or _RANK.search(line) and NAME_AT_END.search(line)
        if not named and not (_RANK.search(line) and len(line) < 120):
            return None
        parts.append(line)
        k += 1
        if named:
            while k < end and len(parts) < 4 and texts[k] and _RANK.search(texts[k]) and len(texts[k]) < 120:
                parts.append(texts[k].strip(" ,."))
                k += 1
            return ", ".join(parts), k
    return None


def _one_line_field(fm: FrontMatter, texts: list[str], i: int, end: int) -> int:
    """A field that is one labelled line `i` (UDC, IRSTI, a classification code, the
    supervisor), read into `fm` (the first of each kind counts), or a cover's field passed
    over: the lines it takes (a supervisor's label alone takes the name and rank under it,
    `supervisor_below`); 0 for any other line."""
    text = texts[i]
    if below := supervisor_below(texts, i, end):
        fm.supervisor = fm.supervisor or below[0]
        return below[1] - i
    if m := UDC.match(text):
        fm.udc = fm.udc or m["value"] or None
    elif BARE_UDC.match(text):
        fm.udc = fm.udc or text
    elif m := IRSTI.match(text):
        fm.irsti = fm.irsti or m["value"]
    elif CODES.match(text) or RUNNING_HEAD.match(text):
        pass
    elif m := SUPERVISOR.match(text):
        value, k = m["value"], i + 1
        while value.endswith(",") and k < end and len(texts[k]) < 120 and (_RANK.search(texts[k]) or names_affiliation(texts[k])):
            value, k = f"{value} {texts[k]}", k + 1  # `Научный руководитель: Баятанова Л. Б.,` / `PhD, ассоциированный профессор,` / `… университет`
        fm.supervisor = fm.supervisor or value.rstrip(" ,")
        return k - i
    elif value := supervisor_after(text):
        fm.supervisor = fm.supervisor or value
    elif COVER_FIELD.match(text) and not TITLE_LABEL.match(text) or AUTHOR_ALONE.match(text):
        pass  # `Дисциплина: «Цифровая грамотность»`, `Выполнила:` over the names: a cover page's fields
    else:
        return 0
    return 1


_FIELD_LABEL = re.compile(r"^[^\W\d_][^:]{0,30}:\s")  # `Short title: …`, `running title: …`


def _labelled_title(fm: FrontMatter, texts: list[str], i: int, end: int) -> int | None:
    """Where the lines of a title given by its label end, its text read into `fm` (`Статья:
    «Рианна»` on a cover page; `Title: Global assessment of … genetic` over `requirement for
    growth and virulence.`: the lines under it up to a blank, another field or a classified
    line); None when line `i` holds no such label."""
    m = TITLE_LABEL.match(texts[i])
    if m is None or not m["value"] or not texts[i][:1].isupper():
        return None
    stop = i + 1
    while stop < end and texts[stop] and not _FIELD_LABEL.match(texts[stop]) and (continues_title(texts[stop - 1]) or not _classified(texts[stop], True)):
        if texts[stop - 1].endswith(".") and texts[stop][:1].isupper():
            break  # the title's sentence ended: a paragraph opens under it (`… (сваливание).` / `Сваливание - …`)
        stop += 1
    fm.labelled_title = fm.labelled_title or " ".join([m["value"], *texts[i + 1 : stop]])
    return stop


# An institution's name whose field goes on in the genitive on the next line (`Белорусский
# государственный университет` / `информатики и радиоэлектроники`).
_NAME_RUNS_ON = re.compile(r"(?:университет|институт|академия|колледж|училище)$", re.IGNORECASE)


def _runs_on_lowercase(text: str) -> bool:
    """A line going on an institution's name: in lower case, short, naming no rank or degree, or
    its city after GOST's mark set with a capital (`Г. Вологда`)."""
    return text[:1].islower() and len(text) < 100 and not _ROLE.search(text) and not text.endswith(".") or _city_after_mark(text)


def _affiliation(anchors: list[tuple[int, int]], texts: list[str], i: int) -> bool:
    """Line `i` is an affiliation, its span added to `anchors`: it names an institution or opens
    with a footnote sign (IEEE's conference form: `† Vivacity Labs` / `London NW5 3AQ, …`), or it
    goes on the one above, broken inside a person's name (`… университет «ЛЭТИ» им. В.` /
    `И. Ульянова (Ленина)`: `_CUT_NAME`) or after the institution's noun, in lower case
    (`… университет` / `информатики и радиоэлектроники`)."""
    text = texts[i]
    if (names_affiliation(text) or SIGN_OPENED.match(text)) and len(text) < 200:
        anchors.append((i, i + 1))
    elif anchors and anchors[-1][1] == i and (_CUT_NAME.search(texts[i - 1]) or _NAME_RUNS_ON.search(texts[i - 1]) and _runs_on_lowercase(text)):
        anchors[-1] = (anchors[-1][0], i + 1)
    else:
        return False
    return True


# A footnote sign opening a line, a capital after it: an affiliation's entry in IEEE's conference
# form (`∗ MathSys Centre for Doctoral Training`, `† Vivacity Labs`: the by-line's names carry
# the same signs after them).
SIGN_OPENED = re.compile(rf"^[*∗†‡§¶‖]+\s*(?=[{_UPPER}])")
# A mark opening an affiliation's entry: alone on its line (pdftotext sets a superscript
# apart), or before the entry's first word (`1Centre for …`, `2 Renji Hospital`, `aФедеральное`,
# `* Военный …`, `² Department`).
_ENTRY_MARK = re.compile(rf"^(?:\d{{1,2}}|[a-z]|[¹²³⁴⁵⁶⁷⁸⁹⁰]+|[*∗†‡§¶#]+)(?:$|\s*(?=[{_UPPER}«\"“(]))")
# An entry's line that is left open: it ends on a comma, a hyphen, `&` or `/`, on a
# connective (`of`, `and`, `и`, `при`; French and German ones too), or inside a name (`им. В.`).
# A Russian adjective at a line's end is open too, and the English ones a university's name puts
# before its noun: the noun is on the next line (`Оренбургский` / `государственный университет`,
# `Orenburg State` / `University`).
_OPEN_END = re.compile(
    r"(?:[,&/-]|\s(?:de|des|du|di|der|für|y|имени|им\.)|[а-яё]{2,}(?:ск|цк|н)(?:ий|ый|ая|ое|ого|ой)"
    r"|\s(?:State|National|Federal|Technical|Polytechnic|Pedagogical|Agricultural))$",
    re.IGNORECASE,
)
# The line a correspondence address follows: what comes under it is no affiliation.
_CORRESPONDENCE = re.compile(r"^(?:\*\s*)?(?:correspondence|corresponding author|address for correspondence|адрес для переписки|reprint)", re.IGNORECASE)
MAX_ENTRY_LINES = 6  # an affiliation in a narrow side bar (BMJ's: four lines of 8 pt)


def _outside_entry(texts: list[str], k: int) -> bool:
    """Line `k` is one no affiliation's entry holds: blank, a label (abstract, keywords, UDC), a
    journal's or editor's line (received, accepted, correspondence, e-mail, a web address), an
    introduction's heading, a line of prose, or a by-line, unless a mark opens it or stands
    above it (`1` / `Shanghai No.9 People's`: an entry's first words, however they read)."""
    text = texts[k]
    if not text or len(text) > 200 or _JOURNAL.search(text) or EMAIL.search(text) or UDC.match(text):
        return True
    if _label(ABSTRACT.match, text) or _label(KEYWORDS.match, text) or is_introduction(text):
        return True
    above = next((texts[j] for j in range(k - 1, max(k - 3, -1), -1) if texts[j]), "")
    marked = _ENTRY_MARK.match(text) is not None or _bare_mark(above)
    return not marked and author_names(text, strong_only=True) is not None


def _open(text: str) -> bool:
    return bool(_OPEN_END.search(text) or _CONNECTIVE_END.search(text) or _CUT_NAME.search(text))


def _block(texts: list[str], first: int, last: int) -> tuple[int, int]:
    """The lines around `first`..`last` (inclusive) that may hold affiliations: up to a line
    outside any entry, a blank line pdftotext sets in an entry passed (`_bridged`)."""
    lo = first
    while lo > 0 and (not _outside_entry(texts, lo - 1) or _bridged(texts, lo - 1)):
        lo -= 1
    hi = last + 1
    while hi < len(texts) and (not _outside_entry(texts, hi) or _bridged(texts, hi)):
        hi += 1
    return lo, hi


def _bridged(texts: list[str], k: int) -> bool:
    """Whether line `k` is a blank line pdftotext set inside an entry: under a mark alone on
    its line or a line opened by a footnote sign (`∗ MathSys Centre …` / `` / `University of
    Warwick, …`), or under a line broken on a connective or a hyphen (`Skolkovo Institute of
    Science and` / `` / `Technology, Moscow, Russia`), a line of text under it; or an entry's
    line of e-mail addresses with the next sign-opened entry under it."""
    if k == 0 or k + 1 >= len(texts) or not texts[k + 1]:
        return False
    if texts[k]:  # an entry's e-mail line, the next sign-marked entry under it (IEEE's conference form)
        return _emails_only(texts[k]) and SIGN_OPENED.match(texts[k + 1]) is not None
    above = texts[k - 1]
    if SIGN_OPENED.match(above):
        return not _outside_entry(texts, k + 1)
    return _bare_mark(above) or bool(_CONNECTIVE_END.search(above) or re.search(r"[^\W\d_]-$", above))


def _emails_only(text: str) -> bool:
    """A line of e-mail addresses alone (`shaun@vivacitylabs.com, maksis@vivacitylabs.com`)."""
    return bool(EMAIL.search(text)) and not EMAIL.sub("", text).strip(" ,;{}")


def _unclosed(lines: list[str]) -> bool:
    """Whether the lines open a bracket or quote they do not close (`«Уральский федеральный
    университет` / `имени первого Президента России Б. Н. Ельцина»`)."""
    text = " ".join(lines)
    return any(text.count(a) > text.count(b) for a, b in (("(", ")"), ("«", "»"), ("“", "”")))


_SUPERSCRIPT_DIGITS = str.maketrans("¹²³⁴⁵⁶⁷⁸⁹⁰", "1234567890")


def _in_order(marks: list[str]) -> bool:
    """Whether a block's marks number its entries: two or more, counting from 1 or `a` one by
    one (`1` … `8`), or signs (`*`, `**`, `†`); else they are misplaced by the text layer
    (`1`, `3`, `4`, `2`), a manuscript's line numbers (`4`, `5`, `6`), or a lone mark, and
    the entries are told apart by their lines alone."""
    if len(marks) < 2:
        return False
    if all(not m[0].isalnum() for m in marks):
        return True
    marks = [m.translate(_SUPERSCRIPT_DIGITS) for m in marks]
    first = "1" if marks[0].isdigit() else "a"
    expected = [str(n + 1) for n in range(len(marks))] if first == "1" else [chr(ord("a") + n) for n in range(len(marks))]
    return marks == expected


def _bare_mark(text: str) -> bool:
    m = _ENTRY_MARK.match(text)
    return m is not None and m.end() == len(text)


def _entry(texts: list[str], first: int, stop: int) -> tuple[int, int] | None:
    """The whole entry of the affiliation printed on lines `first`..`stop`-1: in a block of
    numbered entries (`_in_order`), from its mark to the next mark (at most `MAX_ENTRY_LINES` lines); else
    with the lines below it joined while a line is left open (`_open`, `_unclosed`), and those above on a
    connective (`Department of` / `Physics, …`). A mark alone on its line is no part of the
    text. None when
    the entry is a correspondence address (its block, unmarked, opens under `Correspondence to`)."""
    lo, hi = _block(texts, first, stop - 1)
    marks = [k for k in range(lo, hi) if texts[k] and _ENTRY_MARK.match(texts[k])]
    if _in_order([_ENTRY_MARK.match(texts[k])[0].strip() for k in marks]) and marks[0] <= first:
        start = max(k for k in marks if k <= first)
        end = min([k for k in marks if k >= stop] + [hi, start + MAX_ENTRY_LINES + _bare_mark(texts[start])])
        return start, max(end, stop)
    if lo > 0 and _CORRESPONDENCE.match(next((t for t in reversed(texts[:lo]) if t), "")):
        return None
    start, end = first, stop
    while start > lo and texts[start - 1] and _open(texts[start - 1]) and not texts[start - 1].endswith(","):
        start -= 1  # `Department of` / `Physics, …`; a line ending on a comma above is a name's or a position's
    while end < hi and end - start < MAX_ENTRY_LINES:
        below = end + 1 if _bridged(texts, end) else end
        if below >= hi or not texts[below] or not (_open(texts[end - 1]) or _unclosed(texts[start:end])) or _adds_role(texts[start:end], texts[below]):
            break
        end = below + 1
    return start, end


def _adds_role(entry: list[str], line: str) -> bool:
    """Whether `line` names a position (`Профессор / Full Professor`) under an entry that names
    none: a note on the person, not the institution's address."""
    return is_role(line) and not any(is_role(t) for t in entry)


def affiliation_entries(texts: list[str], anchors: list[tuple[int, int]], taken: frozenset[int] = frozenset()) -> list[str]:
    """The affiliations whose lines (`(first, past last)` spans of `texts`) were read, each
    entry whole: an affiliation wrapped over lines (`1` / `Shanghai No.9 People's` /
    `Hospital, Shanghai Jiaotong` / `University School of Medicine,` / `Shanghai, China`) is
    one, its lines joined; lines read twice count once; a correspondence address is none.
    Lines in `taken` (a title's) are in no entry."""
    texts = ["" if k in taken else t for k, t in enumerate(texts)]
    spans: list[tuple[int, int]] = []
    for first, stop in anchors:
        entry = _entry(texts, first, stop)
        if entry is None:
            continue
        if spans and entry[0] < spans[-1][1] and entry[1] > spans[-1][0]:
            spans[-1] = (min(spans[-1][0], entry[0]), max(spans[-1][1], entry[1]))
        elif entry not in spans:
            spans.append(entry)
    out = []
    for a, b in spans:
        if lines := [t for t in texts[a:b] if t and not _bare_mark(t) and not _emails_only(t)]:  # an e-mail's line is no entry's
            out.extend(entry_pieces(_joined(lines, SIGN_OPENED.match(texts[a]) is not None)))
    return out


# A person's position written in an affiliation's entry, before or after the institution's
# name (`Student, Institute of …`, `доцент кафедры математики, …`, `…, г. Минск, преподаватель`):
# the person's, not the institution's; and a degree (`доктор технических наук`, `PhD`) likewise.
_PERSON_POSITION = (
    r"(?:студент(?:ка)?|магистрант(?:ка)?|аспирант(?:ка)?|докторант(?:ка)?|соискатель|(?:старший\s+|ст\.\s*)?преподаватель|доцент|профессор|"
    r"ассистент|инженер|(?:(?:старший|младший|ведущий|главный)\s+)?научный\s+сотрудник|зав(?:едующий|\.)\s+кафедрой|(?:аға\s+)?оқытушы|"
    r"(?:undergraduate\s+|graduate\s+|ph\.?d\.?\s+|master'?s\s+)?student|ph\.?d\.?\s+candidate|(?:associate\s+|assistant\s+|full\s+)?professor|"
    r"(?:senior\s+)?lecturer|researcher|research\s+(?:fellow|scientist)|engineer|(?:про)?ректор|декан)"
)
_POSITION_OPENING = re.compile(rf"^{_PERSON_POSITION}(?:\s+\d+(?:-?(?:го|й))?\s+курса)?(?:\s*,\s*|\s+)(?=\S)", re.IGNORECASE)
_PERSON_PIECE = re.compile(
    rf"^(?:{_PERSON_POSITION}|(?:доктор|кандидат)(?:\s+\S+){{1,2}}\s+наук|[кд]\.\s?[а-я]{{1,3}}\.(?:\s?-?[а-я]{{1,3}}\.)?\s?н|ph\.?\s?d\.?)$", re.IGNORECASE
)  # `к. т. н`, `д. ф.-м. н` (the last full stop is taken off with the piece's)
# An entry's mark written inline, before an entry's first word (`… Yemen, 2Tanta University, …`,
# `… Israel 2 School of …`, `* Corresponding author`): a line holding several entries.
_INLINE_MARK = re.compile(rf"(?:^|(?<=\s))(\d{{1,2}}|[*∗†‡])\s?(?=[{_UPPER}])")


# A blank to sign on, the signer's name after it (`заведующий кафедрой ________ Штейнберг Б.Я.`):
# a cover's form, never an address (a blank filled in, `КАФЕДРА ___СИСТЕМЫ ОБРАБОТКИ___`, is one).
_SIGNATURE_BLANK = re.compile(rf"_{{4,}}\s*(?:{_INITIALS}\s?{_SURNAME}|{_SURNAME}\s{_INITIALS})\s*$")


def entry_pieces(entry: str) -> list[str]:
    """An affiliation's entry as the affiliations it holds: one line holding several, each
    opening with its number (`1 Department …, Israel 2 School …`) or the same text set side by
    side (`Frankfurt University  Frankfurt University`), is parted; each piece loses its mark
    (`3Department of …`), a person's position and degree written in it (`Student, …`,
    `…, преподаватель`) and an e-mail; a correspondence address, and a piece left naming no
    institution where the entry named one, and a form's line with a blank to sign on, are dropped."""
    out = []
    for piece in _marked_pieces(entry):
        piece = _ENTRY_MARK.sub("", piece, count=1) if _ENTRY_MARK.match(piece) and not _bare_mark(piece) else piece
        piece = re.sub(r"^[¹²³⁴⁵⁶⁷⁸⁹⁰]+\s*", "", piece)  # a superscript is a mark whatever follows (`¹әл-Фараби атындағы …`)
        piece = _POSITION_OPENING.sub("", piece, count=1)
        parts = [p for p in re.split(r"\s*,\s*", piece) if not _PERSON_PIECE.match(p.strip(" .;")) and not EMAIL.search(p)]
        piece = ", ".join(parts).strip(" ,;")
        if piece and not _CORRESPONDENCE.match(piece) and not _SIGNATURE_BLANK.search(piece) and (names_affiliation(piece) or not names_affiliation(entry)):
            out.append(piece)  # `Заведующий кафедрой ИИТ` leaves `ИИТ`: no institution's name, no affiliation
    return out


def _marked_pieces(entry: str) -> list[str]:
    """`entry` cut before each inline mark when its numbers count 1, 2, … (`_INLINE_MARK`), or
    into the copies of one text repeated side by side; else whole."""
    words = entry.split()
    for k in (2, 3, 4):
        if len(words) >= 2 * k and len(words) % k == 0 and all(words[j::len(words) // k] == [words[j]] * k for j in range(len(words) // k)):
            return [" ".join(words[: len(words) // k])] * k
    marks = list(_INLINE_MARK.finditer(entry))
    numbers = [int(m[1]) for m in marks if m[1].isdigit()]
    if len(numbers) < 2 or numbers != list(range(1, len(numbers) + 1)):
        return [entry]
    cuts = [0] + [m.start() for m in marks if m.start() > 0] + [len(entry)]
    return [entry[a:b].strip(" ,;") for a, b in zip(cuts, cuts[1:]) if entry[a:b].strip(" ,;")]


def _joined(lines: list[str], address: bool = False) -> str:
    """An entry's lines as one: a word broken by a hyphen at a line's end is joined whole. In an
    `address` (IEEE's author block: each line one part, `MathSys Centre …` / `University of
    Warwick, …`) a line closed by no mark is a part, a comma after it."""
    out = lines[0]
    for line in lines[1:]:
        if re.search(r"[^\W\d_]-$", out) and line[:1].islower():
            out = out[:-1] + line
        else:
            out = f"{out}, {line}" if address and line[:1].isupper() and not _OPEN_END.search(out) and out[-1:].isalnum() else f"{out} {line}"
    return out


def _run_end(texts: list[str], i: int, end: int, after_title: bool, first_title: bool = False) -> int:
    """Where the run of lines from `i` ends: at a blank or classified line (a name, a label…),
    unless it continues a title; or where a title ends (`_ends_title`); for the `first_title`
    candidate, where a title set right above the text ends (`_title_over_text`)."""
    stop = _run_stop(texts, i, end, after_title)
    head = _title_over_text(texts[i:stop]) if first_title else 0
    return i + head if head else stop


def _run_stop(texts: list[str], i: int, end: int, after_title: bool) -> int:
    """`_run_end`'s run without the title over the text."""
    run_end = i
    while run_end < end and texts[run_end] and (
        run_end > i and (continues_title(texts[run_end - 1]) or texts[run_end][:1].islower() or _words_over_marked_names(texts, run_end))
        or not _classified(texts[run_end], after_title)
    ):
        if run_end > i and _ends_title(texts, i, run_end):
            break
        run_end += 1
    return run_end


def _words_over_marked_names(texts: list[str], k: int) -> bool:
    """Line `k` reads as names only by its capitalised words and `and` (`Information Discovery
    and Curation Web Tools`: no initials, no comma, no mark) and the line under it is a by-line
    whose names carry marks (`Elena Smitha,∗, Mary Jonesb`, `Ivan Petrov1, Olga Lee2`): a paper
    marks all its authors alike, so line `k` is the title's last line, not a by-line."""
    text, below = texts[k], texts[k + 1] if k + 1 < len(texts) else ""
    if not below or "," in text or _MARKS.search(text) or not _MARKS.search(below):
        return False
    names = author_names(text, strong_only=False)
    return bool(names) and not any(STRONG_NAME.match(n) for n in names) and author_names(below, strong_only=False) is not None


_WEB_ADDRESS = re.compile(r"https?://|www\.")  # a licence's or a journal's link (`(https://creativecommons.org/…)`): in no title


def _translations(fm: FrontMatter, others: list[list[str]], pending: list[tuple[str, list[str]]], own: str) -> list[TitleTranslation]:
    """The title block in other languages: each other title candidate (a title in another
    script, or in capitals; no address), with the by-lines and affiliations written in its
    script when that is not the title's (a Kazakh and a Russian block share a script: their
    by-lines cannot be told apart, and stay the title's). Names in another script with no
    title beside them make no block: in a text they are as often a licence's or a citation's
    words (`Creative Commons Attribution`) as a by-line."""
    def apart(s: str) -> tuple[list[str], list[str]]:
        if s == own:
            return [], []
        return _authors_in_script([p for p in pending if p[0] == s], s), [a for a in fm.affiliations if script(a) == s]

    others = [run for run in others if may_be_title(title_text(run)) and not any(EMAIL.search(t) or _WEB_ADDRESS.search(t) or names_affiliation(t) or is_place(t) for t in run)]  # an address in capitals, a licence's link, is no title
    blocks = [translation(title_text(run), *apart(script(" ".join(run)))) for run in others]
    return list(kept(detect_language(" ".join(fm.title_lines)), blocks))


def _chosen_title(candidates: list[tuple[bool, list[str]]], language: str | None) -> list[str]:
    """The title among the candidates (is running header, lines): the first in the paper's
    script, a running header only when nothing else is."""
    own = "latin" if language == "en" else "cyrillic" if language else None
    ranked = sorted(candidates, key=lambda c: (own is not None and script(" ".join(c[1])) != own, c[0]))  # stable
    return ranked[0][1]


def _authors_in_script(pending: list[tuple[str, list[str]]], title_script: str) -> list[str]:
    """The authors written in the title's script (else all), each once: spaces, dots and case aside."""
    chosen = [names for s, names in pending if s == title_script] or [names for _, names in pending]
    seen, authors = set(), []
    for names in chosen:
        for name in names:
            key = re.sub(r"[\s.]", "", name).casefold()
            if key not in seen:
                seen.add(key)
                authors.append(name)
    return authors


def _cites(run: list[str]) -> bool:
    """A paragraph with a citation is body text, wherever it stands (an IEEE column printed
    before `I. INTRODUCTION`: `Visibility Graph [1] which is developed…`)."""
    return re.search(r"\[\d", " ".join(run)) is not None


# An abstract's paragraph: sentences, opening in capitals, eight words or more, ending one.
_ABSTRACT_SENTENCES = re.compile(r"^[^\W\d_](?=(?:\S+\s+){7}).*[.!?:»\")]$", re.DOTALL)
# The notices a first page prints under the abstract, which are no part of it (ACM's
# permission block, a report's disclaimer, a licence, an ISBN or a link).
NOTICE = re.compile(r"©|\bcopyright\b|\bpermission\b|\blicen[cs]ed?\b|\bISBN\b|\bdisclaimer\b|https?://|\bwww\.", re.IGNORECASE)


# Text: eight words or more, opening on a letter, ending a sentence, or, however it ends, over
# three lines or more (a paragraph pdftotext cut at a line it spread word by word, or at a
# page's foot, is text all the same; a contents' last line is not).
_TEXT_BEGUN = re.compile(r"^[^\W\d_](?=(?:\S+\s+){7})", re.DOTALL)
TEXT_LINES = 3


def _is_text(text: str, rows: tuple[int, ...]) -> bool:
    return bool(_TEXT_BEGUN.match(text)) and (bool(_ABSTRACT_SENTENCES.match(text)) or len(rows) >= TEXT_LINES) and not NOTICE.search(text) and not CONTENTS_LINE.search(text)


def _body_from(stop: int, unread: list[tuple[int, str, tuple[int, ...]]], claimed: int) -> int:
    """Where the body starts: a paragraph of text read as nothing after the last field
    (`claimed`) begins it (`Актуальность исследований: …` between the keywords and `Введение`),
    not only the window's end (`stop`): text there is never lost to the front matter. A notice (a
    copyright or permission block under the abstract), the contents' lines or a cover's short
    lines (`Москва 2021`) begin nothing."""
    return min([stop] + [k for k, text, rows in unread if k > claimed and _is_text(text, rows)][:1])


ABSTRACT_TAIL_LINES = 12  # an abstract's paragraphs cut off from it stand right above its keywords


def _abstract_tails(abstracts: list[FieldText], unread: list[tuple[int, str, tuple[int, ...]]], texts: list[str]) -> list[tuple[int, str, tuple[int, ...]]]:
    """`unread` without the runs that go on an abstract: between its last line and the keywords'
    label under it (at most `ABSTRACT_TAIL_LINES` lines below), in its language, nothing else
    read between (a structured abstract's `Результат: …` and `Практическая значимость: …`,
    parted from it by blank lines pdftotext left: they had been lost, neither abstract nor body).
    Each is added to the abstract (in `abstracts`, labelled or not), its lines with it."""
    left = list(unread)
    for n, field in enumerate(abstracts):
        if not field.rows:
            continue
        last = field.rows[-1]
        label = next((k for k in range(last + 1, min(len(texts), last + 1 + ABSTRACT_TAIL_LINES)) if _label(KEYWORDS.match, texts[k])), None)
        if label is None:
            continue
        tail = [run for run in left if last < run[0] < label]
        if not tail or {k for k in range(last + 1, label) if texts[k]} != {k for run in tail for k in range(run[0], run[2][-1] + 1) if texts[k]}:
            continue  # something else stands between (a name, a heading read): not the abstract's
        if any(detect_language(text) != field.language for _, text, _ in tail):
            continue
        abstracts[n] = replace(field, text=" ".join([field.text] + [text for _, text, _ in tail]), rows=field.rows + tuple(k for run in tail for k in run[2]))
        left = [run for run in left if run not in tail]
    return left


def _prose_run(fm: FrontMatter, unlabelled: list[FieldText], texts: list[str], i: int, run: list[str], run_end: int) -> bool:
    """A run of prose among the front matter, read into a field: an unlabelled abstract
    (`unlabelled`), or the next paragraph of an abstract read already. False: read as nothing."""
    rows = tuple(k for k in range(i, run_end) if any(ch.isalpha() for ch in texts[k]))
    if _may_be_abstract(run, {a.language for a in fm.abstracts + unlabelled}):
        text = " ".join(run)
        unlabelled.append(FieldText(detect_language(text), text, rows))
        return True
    return _goes_on(fm.abstracts, texts, i, run, rows) or _goes_on(unlabelled, texts, i, run, rows)


def _goes_on(abstracts: list[FieldText], texts: list[str], i: int, run: list[str], rows: tuple[int, ...]) -> bool:
    """Whether the paragraph `run` (its lines `rows`, from line `i`) is the next paragraph of one
    of `abstracts`: right under its last line (blank lines between) and in its language. It is
    added to it (an abstract of several paragraphs under its label: its later ones were lost)."""
    text = " ".join(run)
    if not _ABSTRACT_SENTENCES.match(text) or NOTICE.search(text):
        return False  # a heading (`Contents`), a keyword line, a copyright or permission notice
    for k, field in enumerate(abstracts):
        if field.rows and rows and all(not texts[j] for j in range(field.rows[-1] + 1, i)) and detect_language(text) == field.language:
            abstracts[k] = replace(field, text=f"{field.text} {text}", rows=field.rows + rows)
            return True
    return False


def _may_be_abstract(run: list[str], languages: set[str]) -> bool:
    """An unlabelled paragraph is an abstract only where the paper has none in its language yet
    and it is sentences (eight words or more, opening in capitals: not a link's name alone,
    `GitHub.`); the contents' lines (`Random Forest ........ 24`) are none."""
    text = " ".join(run)
    return run[0][:1].isupper() and len(text.split()) >= 8 and not any(CONTENTS_LINE.search(t) for t in run) and detect_language(text) not in languages


def _ends_title(texts: list[str], start: int, i: int) -> bool:
    """Line `i` ends the run begun at `start`: a title in capitals does not go on in lower case,
    nor in another script (`НЕЙРО-НЕЧЕТКАЯ …` / `NEURO-FUZZY …`); a name (`Pierre-François
    Dutot`) under it ends it unless more names follow (then it is the title's last line:
    `Analytical Hierarchical Process` above `Muhammad Atif Iqbal`). A line after one ending on
    `and`, `of`, `и`… never ends it (`continues_title`)."""
    first, text = texts[start], texts[i]
    if continues_title(texts[i - 1]):
        return False
    if marked_by_line_going_on(texts, i):
        return True
    if is_title_line(first) and not is_title_line(text) and any(ch.isalpha() for ch in text):
        return True
    if any(ch.isalpha() for ch in text) and script(text) != script(first):
        return True
    following = texts[i + 1] if i + 1 < len(texts) else ""
    return bool(WEAK_NAME.match(text)) and not (following and author_names(following, strong_only=False))


def marked_by_line_going_on(texts: list[str], i: int) -> bool:
    """Line `i` is a by-line's first line, broken after `and` or a comma (LNCS: `Ann Smith1 and` /
    `Bob Lee2`): its names carry affiliation marks, it ends on `and` or a comma, and the line under
    it reads as names carrying marks too. A title's line never ends so over a marked name."""
    text, below = texts[i], texts[i + 1] if i + 1 < len(texts) else ""
    if not below or not re.search(r"(?:,|\sand)\s*$", text) or not (_MARKS.search(text) and _MARKS.search(below)):
        return False
    return author_names(text, strong_only=False) is not None and author_names(below, strong_only=False) is not None


def _another_title(run: list[str], candidates: list[tuple[bool, list[str]]]) -> bool:
    """A second title is the title in another language (another script) or set in capitals
    (`Uncertainty as a factor…` under `НЕОПРЕДЕЛЕННОСТЬ КАК ФАКТОР…`); a sentence-case run in
    the same script after a title is the first line of a paragraph."""
    if all(header for header, _ in candidates):
        return True  # only running headers so far (a rubric, the journal's name)
    text = " ".join(run)
    return is_title_line(text) or all(script(text) != script(" ".join(c)) for _, c in candidates)


def _by_line_under(texts: list[str], i: int) -> bool:
    """The next line with text from `i` on (past two blank lines at most) is a by-line: names
    certain by their initials or patronymic, several names, or one followed by a degree or
    position in lower case (`Анатолий Коршунов, д. т. н.`). A magazine prints its lead under the
    title and the author under the lead: a paragraph standing there is front matter, not the body."""
    k = i
    while k < len(texts) and k - i < 2 and not texts[k]:
        k += 1
    text = texts[k] if k < len(texts) else ""
    names = author_names(text, strong_only=False) if text else None
    return bool(names) and (len(names) >= 2 or STRONG_NAME.match(names[0]) is not None or re.search(rf",\s*[{_LOWER}]", text) is not None)


def _ends_with_names(texts: list[str], i: int) -> bool:
    """The line after a run holds author names (a title printed above its authors)."""
    return bool(texts[i]) and author_names(texts[i], strong_only=True) is not None


# A name as BMC and Vancouver-style journals print it, its initials bare (`Chad G Ball`, `S Morad
# Hameed`), then its affiliation's mark (`1`, `1*`).
_BARE_INITIALS_MARKED = re.compile(rf"(?:[{_UPPER}][{_LOWER}]+|[{_UPPER}])(?:[\s-](?:[{_UPPER}][{_LOWER}]+|[{_UPPER}])){{1,3}}[\d*∗†‡]+")


def marked_by_line(text: str) -> bool:
    """Three or more names parted by commas, each with bare initials or none and an
    affiliation's mark after it (`Indraneel Datta1, Chad G Ball1*, …, S Morad Hameed2`): a by-line,
    though its names with initials but no full stop read as no names to `author_names`."""
    pieces = [p.strip() for p in re.split(r",\s*(?:and\s+)?|\s+and\s+", text.strip()) if p.strip()]
    return len(pieces) >= 3 and all(_BARE_INITIALS_MARKED.fullmatch(p) for p in pieces)


def _classified(text: str, after_title: bool) -> bool:
    """A line some field claims (so it ends a run of title or prose lines)."""
    return bool(
        UDC.match(text) or BARE_UDC.match(text) or IRSTI.match(text) or CODES.match(text) or RUNNING_HEAD.match(text) or SUPERVISOR.match(text)
        or AUTHOR_LABEL.match(text) or AUTHOR_ALONE.match(text) or is_rubric(text) or _label(KEYWORDS.match, text) or _label(ABSTRACT.match, text) or EMAIL.search(text)
        or author_names(text, strong_only=not after_title) is not None or marked_by_line(text)
        or (_INSTITUTION.search(text) and len(text) < 200 and not is_title_line(text))
    )


def _value_column(lines: list[str], rows: tuple[int, ...], m: re.Match) -> int:
    """Where a labelled field's text starts on its first line: past the label when the text
    starts on the label's line (`Abstract. The …`), else 0."""
    if not rows or not m["value"]:
        return 0
    text = clean(lines[rows[0]])  # the text is the match's tail, whatever `_label` did to the label
    return raw_column(lines[rows[0]], len(text) - len(m["value"]))


def _continued(texts: list[str], i: int, end: int, first: str, keywords: bool, page_end: int | None = None) -> tuple[str, tuple[int, ...], int]:
    """A labelled field's text: the rest of its line and the lines after, up to a blank line,
    another label or the introduction. Keywords written with commas end at a line that ends
    with a full stop (what follows is the next paragraph). An abstract under a label alone
    passes over the work's title repeated in capitals, and runs on over paragraphs of prose
    that end its page (`page_end`: where the next page starts; a thesis's annotation page).
    Returns the text, the indexes of the lines it takes, and the index after them."""
    parts = [first] if first else []
    rows = [i] if first else []
    i += 1
    alone = not parts
    if alone:  # the label alone on its line: the text follows, after optional blank lines
        i = _past_blanks(texts, i, end)
        if not keywords and (prose := past_title(texts, i, end)) is not None:
            i = prose
    while i < end and texts[i] and not (_label(KEYWORDS.match, texts[i]) or _label(ABSTRACT.match, texts[i])):
        if keywords and parts and parts[-1].endswith(".") and re.search(r"[,;]", " ".join(parts)):
            break
        if keywords and parts and re.search(r"[,;]", parts[0]) and not parts[-1].endswith((",", ";", "-")) and texts[i][:1].isupper() and not _list_goes_on(texts[i]) and not _last_item_wraps(texts, i, end):
            break
        if not keywords and parts and parts[-1].endswith(".") and _ends_paragraph(texts[i]):
            break  # a heading in capitals, or the contents, right under the abstract's last sentence
        parts.append(texts[i])
        rows.append(i)
        i += 1
        if not keywords and alone and page_end is not None and i < end and not texts[i] and parts[-1].endswith(".") and prose_to_page_end(texts, _past_blanks(texts, i, end), min(page_end, end)):
            i = _past_blanks(texts, i, end)  # an abstract on a page of its own, in paragraphs
    return " ".join(parts), tuple(rows), i


def _last_item_wraps(texts: list[str], i: int, end: int) -> bool:
    """A keyword list's last item broken onto a short line of its own, a blank line under it
    (`Index Terms—…, Rogue Access Point, Address` / `Resolution Protocol`): no sentence, no
    label, no section's name."""
    text = texts[i]
    return (len(text.split()) <= 4 and "." not in text.rstrip(".") and ":" not in text and (i + 1 >= end or not texts[i + 1])
            and not is_section_name(text))


def _list_goes_on(text: str) -> bool:
    """A keyword list's next line in title case (`Pattern` / `Recognition, Neighborhood Component
    Analysis, Signal Classification.`): more items and a comma between them, no sentence, no
    label of its own (`For citation: GAVDAN, Grigory P, …`)."""
    return (bool(re.search(r"[,;]", text)) and len(text) < 150 and not re.search(rf"[{_LOWER}]\. [{_UPPER}]", text)
            and not re.match(r"[^,;:]{1,40}:", text))


def _past_blanks(texts: list[str], i: int, end: int) -> int:
    while i < end and not texts[i]:
        i += 1
    return i


def next_filled(texts: list[str], i: int) -> int:
    """The first line at or after `i` with text (len(texts) when none)."""
    return _past_blanks(texts, i, len(texts))


def past_title(texts: list[str], i: int, end: int) -> int | None:
    """Where the prose begins when the lines at `i` are a title in capitals repeated under an
    abstract's label (a thesis's `АННОТАЦИЯ`, then the work's title, then the text), else None."""
    k = i
    while k < end and texts[k] and is_title_line(texts[k]):
        k += 1
    if k == i:
        return None
    prose = _past_blanks(texts, k, end)
    return prose if abstract_goes_on(texts, prose, end) else None


def abstract_goes_on(texts: list[str], i: int, end: int) -> bool:
    """Whether the paragraph at `i` reads as more of an abstract set under a label of its own
    (the paragraph before it closed a sentence): prose opening in capitals on a line of five
    words or more, no label, heading, contents line or title in capitals, and no citation (the
    body's first paragraph cites)."""
    if i >= end or not texts[i]:
        return False
    text = texts[i]
    if _label(KEYWORDS.match, text) or _label(ABSTRACT.match, text) or CONTENTS_LINE.search(text) or is_introduction(text) or is_title_line(text):
        return False
    paragraph = " ".join(texts[i : _next_blank(texts, i, end)])
    sentence = re.match(rf"[{_UPPER}][{_LOWER}]*\s+[{_LOWER}]", text) is not None and paragraph.rstrip().endswith(".")
    return sentence and len(text.split()) >= 5 and len(paragraph) >= 60 and not re.search(r"\[\d", paragraph)  # a heading's short line opens none


def prose_to_page_end(texts: list[str], i: int, page_end: int) -> bool:
    """Whether the lines from `i` to `page_end` are paragraphs of an abstract's prose
    (`abstract_goes_on`), the last closing a sentence, and nothing else: the abstract fills its
    page to the end (a journal's abstract has the text or a heading under it on its page)."""
    if i >= page_end:
        return False
    while i < page_end:
        if not abstract_goes_on(texts, i, page_end):
            return False
        i = _past_blanks(texts, _next_blank(texts, i, page_end), page_end)
    return True


def _next_blank(texts: list[str], i: int, end: int) -> int:
    """The end of the paragraph at `i`: a blank line, or a heading or contents line after it."""
    i += 1
    while i < end and texts[i] and not (texts[i - 1].endswith(".") and _ends_paragraph(texts[i])):
        i += 1
    return i


def _ends_paragraph(text: str) -> bool:
    """A line no paragraph of prose goes on into after a sentence's end: a heading in capitals
    (no full stop after it: `МКО с ЦАФАР.` ends a sentence), a contents line."""
    return is_title_line(text) and not text.rstrip().endswith((".", ",", ";", ":")) or CONTENTS_LINE.search(text) is not None


TRAILING_ABSTRACT_LINES = 60  # how far above its keywords a translated abstract is looked for


def fields_after_list(lines: list[str], start: int, stop: int, have: set[str]) -> tuple[FieldText | None, tuple[str, tuple[str, ...]] | None]:
    """A translated abstract and keywords printed after the paper's reference list, between
    `start` and `stop` (Russian and Kazakh journals print the English title block, abstract and
    `Key words:` there, then the transliterated list), in a language not among `have`.

    Rule: the keywords are found by their label; the abstract is the labelled one above them
    (`Abstract.`, `Annotation.`), else the lines of prose right above them up to the translated
    title in capitals or the by-line (`V. I. Levin`) (blank lines, where a page break and its furniture stood, are passed over).
    Nothing is taken without the keywords' label, and nothing in a language already read.
    """
    texts = [""] * start + [clean(line) for line in lines[start:stop]]  # only the tail is read: the rest stays unread
    at = next((i for i in range(start, stop) if _label(KEYWORDS.match, texts[i])), None)
    if at is None:
        return None, None
    m = _label(KEYWORDS.match, texts[at])
    value, _, _ = _continued(texts, at, stop, m.group("value").strip(), keywords=True)
    words = _keywords(value)
    language = detect_language(value) if words else None
    if not words or language in have:
        return None, None
    abstract = None
    top = max(start, at - TRAILING_ABSTRACT_LINES)
    labelled = next((i for i in range(at - 1, top - 1, -1) if _label(ABSTRACT.match, texts[i])), None)
    if labelled is not None:
        a = _label(ABSTRACT.match, texts[labelled])
        rows = tuple(i for i in range(labelled, at) if texts[i] and (i > labelled or a.group("value").strip()))
        skip = _value_column(lines, rows, a) if rows and rows[0] == labelled else 0
        parts = [a.group("value").strip() if i == labelled else texts[i] for i in rows]
    else:
        rows, i = [], at - 1
        while i >= top and not (texts[i] and (is_title_line(texts[i]) or author_names(texts[i], strong_only=True))):
            if texts[i]:
                rows.insert(0, i)
            i -= 1
        rows = tuple(rows) if i >= top else ()
        skip = 0
        parts = [texts[i] for i in rows]
    if rows:
        text = " ".join(parts)
        if _is_prose(text) and detect_language(text) == language:
            abstract = FieldText(language, text, rows, skip)
    return abstract, (language, words)


def blocks_after_list(lines: list[str], start: int, stop: int, have: set[str]) -> list[tuple[FieldText | None, tuple[str, tuple[str, ...]], TitleTranslation | None]]:
    """Every translated block printed after the reference list, one per keywords label in a
    language not yet read (a Kazakh journal's Russian paper prints the Kazakh block, then the
    English one): each block's abstract and keywords (`fields_after_list`, from the previous
    block's keywords on) and its title and by-line (`title_block_after_list`)."""
    out = []
    begin, have = start, set(have)
    while (row := keywords_row(lines, begin, stop)) < stop:
        abstract, keywords = fields_after_list(lines, begin, stop, have)
        if keywords is not None:
            out.append((abstract, keywords, title_block_after_list(lines, begin, stop, abstract, row, keywords[0])))
            have |= {keywords[0]} | ({abstract.language} if abstract is not None else set())
        begin = row + 1
    return out


def keywords_row(lines: list[str], start: int, stop: int) -> int:
    """The row of the first keywords label between `start` and `stop` (the one `fields_after_list` reads); `stop` when none."""
    return next((i for i in range(start, stop) if _label(KEYWORDS.match, clean(lines[i]))), stop)


_RULE = re.compile(r"^[_\-–—=*.]{3,}$")  # a printed rule between the author notes and the block
MAX_BLOCK_LINES = 15  # title, by-lines, affiliations, e-mails above a translated abstract


def title_block_after_list(lines: list[str], start: int, stop: int, abstract: FieldText | None, keywords_row: int, language: str) -> TitleTranslation | None:
    """The translated title and by-line printed after the reference list, right above the
    translated abstract (else its keywords) `fields_after_list` read.

    Walking up from the abstract (past its label alone on a line) to two blank lines (one is
    the gap a PDF's layout leaves between lines), a printed rule or `MAX_BLOCK_LINES`: the title is the first run of lines in capitals met (names in
    capitals are a by-line's); above it only the by-line's lines go on (names, affiliations,
    places, e-mails, a wrapped line ending in a comma). With no title in capitals, the lines
    over the topmost by-line at the block's top are the title in sentence case (`Stability
    of Solution …` over `V. I. Levin`): those in `language` right over it, up to a line in
    another (the list's last entry, the previous block's keywords). The title is kept in `language`, the names in its
    script; None when neither is there."""
    raw = [""] * start + [clean(line) for line in lines[start:stop]]
    texts = raw[:start] + _unwrapped_by_lines(raw[start:])  # a by-line cut inside a name (`…, Касым` / `Дускаев, …`) is one line, on its first
    top = abstract.rows[0] if abstract is not None and abstract.rows else keywords_row
    if top - 1 >= start and (m := _label(ABSTRACT.match, texts[top - 1])) and not m.group("value").strip():
        top -= 1  # the abstract's label alone over its text
    rows: list[tuple[str, str, list[str]]] = []  # (kind, text, names) from the bottom up
    i = top - 1
    while i >= start and top - i <= MAX_BLOCK_LINES and (raw[i] or raw[i - 1 if i > start else i] and raw[i + 1]) and not _RULE.match(texts[i]):
        text = texts[i]
        if not text:  # one blank line (the gap a PDF's layout leaves between a block's lines), or a by-line's line joined on the one above
            i -= 1
            continue
        names = _names_on(texts, i, strong_only=is_institution(text)) or []  # `Ural Federal University` is no name
        kind = "names" if names else "capitals" if is_title_line(text) else "by-line" if _by_line_part(text) or text.endswith(",") else "other"
        titled = any(k == "capitals" for k, _, _ in rows)
        if titled and kind == "capitals" and rows[-1][0] != "capitals" or titled and kind == "other":
            break  # above the title only its by-line goes on
        rows.append((kind, text, names))
        i -= 1
    title = [t for k, t, _ in _first_run(rows, "capitals")]
    if not title and any(k == "names" for k, _, _ in rows):
        top_names = max(n for n, (k, _, _) in enumerate(rows) if k == "names")
        over = list(takewhile(lambda row: row[0] == "other" and detect_language(row[1]) == language, rows[top_names + 1 :]))
        title = [t for _, t, _ in reversed(over)] if over and len(over) <= MAX_TITLE_LINES else []
    own = "latin" if language == "en" else "cyrillic"
    heading = title_text(title) if title and may_be_title(title_text(title)) else None
    authors = [name for k, _, names in reversed(rows) if k == "names" for name in names if script(name) == own]
    places = [t for k, t, _ in reversed(rows) if is_institution(t) and k != "names"]
    block = translation(heading if heading and detect_language(heading) == language else None, authors, places)
    return block if block is not None and block.language == language else None


def _first_run(rows: list[tuple[str, str, list[str]]], kind: str) -> list[tuple[str, str, list[str]]]:
    """The first run of rows of `kind` (rows read from the bottom up), top line first."""
    first = next((n for n, row in enumerate(rows) if row[0] == kind), None)
    if first is None:
        return []
    last = first
    while last + 1 < len(rows) and rows[last + 1][0] == kind:
        last += 1
    return list(reversed(rows[first : last + 1]))


_NUMBERED = re.compile(r"^(?:\d+(?:\.\d+)*\.?|[IVX]+\.)\s")  # a numbered heading (`1 Introduction`, `2.1. Модель`)


def _passed_over(text: str) -> bool:
    """A line above a title that no reader takes for one: a journal header or a print date
    (`05.03.2026, 09:30`), a rubric (`Статья`, `Research article`), a section's name in lower
    case (`элементная база электроники`)."""
    return is_header(text) or is_rubric(text) or text[:1].islower() and len(text) < 60 and not text.endswith(".")


def standalone_title(lines: list[str], furniture: frozenset[int] = frozenset()) -> tuple[list[str], int] | None:
    """A title with no field around it, for a text where no reader found one: the text's first
    run of lines (past blank lines, the pages' furniture and `_passed_over` lines) when it can
    be a title (`_title_run`, no numbered heading, no name or institution alone) and stands
    apart from what follows: the introduction's heading right under it, or a blank line and
    then the introduction's heading or a paragraph (a line of 60 characters or more); it ends
    on no full stop and holds 200 characters at most (a paragraph's first lines do not). Returns
    the title's lines and the line after them, or None. Evidence: magazine and web articles
    printed to PDF (a title over the body, nothing else on the page's top)."""
    texts = [clean(line) for line in lines[:80]]
    i = 0
    while i < len(texts) and (not texts[i] or i in furniture or _passed_over(texts[i])):
        i += 1
    end = i
    while end < len(texts) and texts[end] and not is_introduction(texts[end]) and end - i <= MAX_TITLE_LINES:
        end += 1
    run = texts[i:end]
    if not run or not _title_run(run) or _NUMBERED.match(run[0]) or len(run) == 1 and (is_name(run[0]) or is_institution(run[0])):
        return None
    if run[-1].endswith((".", ";", ":")) or len(" ".join(run)) > 200:
        return None  # a sentence, or a paragraph's first lines: no title ends so
    below = next((k for k in range(end, len(texts)) if texts[k] and k not in furniture), None)
    if below is None or not (is_introduction(texts[below]) or below > end and len(texts[below]) >= 60):
        return None
    return run, end
