"""A thesis's title page (титульный лист): the page a university prints before a graduation
thesis, a course work or a dissertation's abstract. Its lines are not a paper's title block:
the ministry's and university's names stand on top, the work's kind (`ВЫПУСКНАЯ
КВАЛИФИКАЦИОННАЯ РАБОТА`, `Автореферат диссертации…`, `GRADUATION THESIS`) next to the title,
the student's name under a label (`Студент`, `Выполнила:`, `Обучающийся / Student`) among the
supervisor's and the checkers' (`Руководитель`, `Нормоконтроль`, `Зав. кафедрой`), or alone
above the title. Every reader (text, PDF, Word) gives its first page's lines to `read_title_page`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .frontmatter import (
    FULL_NAME, NAME_AT_END, STRONG_NAME, SUPERVISOR, TITLE_LABEL, continues_title, family_name, is_institution, is_name, is_rank, opens_with_institution, script,
    title_text,
)

# The work's kind, opening its line; what may follow on the line is its degree, its English
# name, or a topic label (`ВЫПУСКНАЯ КВАЛИФИКАЦИОННАЯ РАБОТА БАКАЛАВРА`, `… на тему: …`). The
# explanatory note to a course work or a diploma project names the kind after it
# (`ПОЯСНИТЕЛЬНАЯ ЗАПИСКА К КУРСОВОЙ РАБОТЕ`, `… к дипломному проекту`, BMSTU's `РАСЧЕТНО-ПОЯСНИТЕЛЬНАЯ
# ЗАПИСКА` / `К ВЫПУСКНОЙ КВАЛИФИКАЦИОННОЙ РАБОТЕ`), so does the assignment
# form a thesis opens with (`ЗАДАНИЕ` / `на выполнение выпускной квалификационной работы`); a
# dissertation's cover names its kind in one word on a line of its own (`ДИССЕРТАЦИЯ`). The sister
# languages' covers name the same kinds in their words: Ukrainian (`Курсова робота`, `Дипломний
# проект`, `Кваліфікаційна робота`, a report's `ЗВІТ`) and Bulgarian (`Курсова работа`, `Курсов
# проект`, `Дипломна работа`, `Дипломен проект`, `Магистърска теза`), and German ones theirs in one
# word (`DIPLOMARBEIT`, `Masterarbeit`, `Bachelorarbeit`, `Seminararbeit`). The kind may stand in
# brackets under the title (`(бакалаврская работа)`).
THESIS_KIND = re.compile(
    r"^\(?(?:(?:расч[её]тно-)?пояснительная\s+записка\s+к\s+(?:курсов\w+|дипломн\w+|выпускн\w+\s+квалификационн\w+|бакалаврск\w+)\s+(?:работе|проекту)|"
    r"выпускная\s+квалификационная\s+работа|бакалаврская\s+работа|магистерская\s+(?:диссертация|работа)|"
    r"дипломн(?:ая\s+работа|ый\s+проект)|курсов(?:ая\s+работа|ой\s+проект)|автореферат|диссертация\s+на\s+соискание|"
    r"курсов(?:а\s+р[ао]бота|ий\s+проект|\s+проект)|дипломн(?:а\s+р[ао]бота|ий\s+проект)|дипломен\s+проект|"
    r"(?:бакалаврськ|магістерськ|кваліфікаційн)\w*\s+робот\w*|магистърска\s+теза|звіт|"
    r"(?:graduation|bachelor(?:['’]?s)?|master(?:['’]?s)?|diploma|doctoral)\s+(?:thesis|dissertation|project)|(?:diplom|master|bachelor|seminar|studien)arbeit|"
    r"дипломдық\s+(?:жұмыс|жоба)|бітіру\s+жұмысы|магистрлік\s+диссертация|реферат|отч[её]т|диссертация(?=\s*$)|"
    r"задание\s+на\s+(?:выполнение\s+)?(?:выпускн\w+\s+квалификационн\w+|курсов\w+|дипломн\w+|бакалаврск\w+|магистерск\w+)\s+(?:работ\w*|проект\w*))\b\)?(?P<rest>.*)$",
    re.IGNORECASE,
)
# Lines that go on the kind's line: its degree, its English name, the explanatory note's, the
# degree sought, a topic label alone, a numbered exercise (`Практическая работа № 6`), a report's
# matter (`О ПРОХОЖДЕНИИ ПРОИЗВОДСТВЕННОЙ` / `(ПРЕДДИПЛОМНОЙ) ПРАКТИКИ`).
_KIND_TAIL = re.compile(
    r"^(?:бакалавра|магистра|специалиста|пояснительная\s+записка|(?:graduation|bachelor(?:['’]?s)?|master(?:['’]?s)?)\s+thesis|"
    r"(?:по|на)\s+тем[еуы]\s*:?|тема\s*:?|о\s+(?:прохождении|выполнении)\s.*|(?:\([^()]{3,40}\)\s*)?(?:[а-яё-]+\s+)?практик[аиеу]|(?:(?:з|із|по|за)\s+)?(?:практическ|практичн|лабораторн|контрольн|самостоятельн|расчетно-графическ|расчётно-графическ)\w*\s+р[ао]бот\w*\s*(?:№\s*)?\d{1,3}\.?)$",
    re.IGNORECASE,
)
# A form's field on a title page: never the title, and what stands under it is the field's
# (`Специальность 02.03.01 —` over `«Системный анализ…»`, `по направлению подготовки …`, the
# course a work is written for: `по курсу` / `по дисциплине` alone over `«Data Science»`; an
# exercise's variant, `Вариант №7`, `Варіант 7`, `Variant 7`; the sheets counted, `Всего 10 листов`).
_FIELD = re.compile(
    r"^(?:(?:вариант|варіант|variant)\s*(?:№|no\.?)?\s*\d{1,3}\.?$|"
    r"(?:по\s+)?(?:направлени[юея]|специальност[ьи]|профил[ья]|образовательн\w*\s+программ\w*|квалификаци\w*|групп[аы]|курс|"
    r"форма\s+обучения|шифр|обозначение|на\s+правах\s+рукописи|к\s+защите|утверждаю|допустить|язык|статус|по\s+(?:курсу|дисциплине)(?=\s*:?$)|всего\s+(?:\d+\s+)?лист\w*|"
    r"subject\s+area|educational\s+program|degree|major|speciality|specialty|language|status)\b)",
    re.IGNORECASE,
)
# The student's label (`студента 2 курса` on a cover naming the student in the genitive; a
# further-education course's `Слушатель`; `Работу выполнил` before a signature's rule and the
# name; alone on its line, German `durch`, `vorgelegt von` and English `submitted by`): the name
# follows on its line or under it.
_STUDENT = re.compile(
    r"^(?:студент(?:ка|а|ки)?|магистрант(?:ка|а|ки)?|аспирант(?:ка|а|ки)?|слушател(?:ь|ьница|я|ьницы)|обучающ(?:ийся|аяся|егося|ейся)|(?:работу\s+)?выполнил[аи]?|исполнитель|выпускни(?:к|ца)|дипломни(?:к|ца)|виконал[аи]?|виконав|изготвил[аи]?|автор(?:\s+[^\s:]+){0,2}?\s*(?:работы|проекта)?|"
    r"student|author|орындаған|білім\s+алушы|(?:durch|(?:vorgelegt|eingereicht|verfasst)\s+von|(?:submitted|prepared|written)\s+by)(?=\s*:?\s*$))\b(?P<rest>.*)$",
    re.IGNORECASE,
)
# Other people's labels: the names under them are never the author's.
_OTHERS = re.compile(
    r"^(?:(?:научный\s+)?руководител|зав(?:\.|едующ)|нормоконтрол|консультант|рецензент|заведующ|директор|декан|(?:старш\w*\s+)?преподавател|куратор|проверил|"
    r"(?:(?:научный|академический|ответственный|главный|выпускающий)\s+)?редактор|(?:(?:academic|scientific|handling|managing)\s+)?editor\b|прийня(?:в|ла)|перевіри(?:в|ла)|(?:науковий\s+)?керівник|викладач|(?:научен\s+)?ръководител|"
    r"ғылыми\s+жетекші|supervisor|advisor|reviewer|head\s+of|betreu|begutacht|gutachter|unter\s+der\s+(?:anleitung|leitung))",
    re.IGNORECASE,
)
_RULE = re.compile(r"_{2,}|(?<!\S)_(?!\S)")  # a form's ruled blank (`Студент ______ Кириллов Павел Сергеевич _`): no text
_QUOTED = re.compile(r"[«“\"][^«»“”\"]+[»”\"]\.?")  # a line wholly in quotes
MAX_LINES = 80  # a title page's lines, at most
MAX_TITLE_LINES = 6


@dataclass(frozen=True, slots=True)
class TitlePage:
    """What a title page gives: the work's title and its author (None where it shows none)."""

    title: str | None
    author: str | None
    others: tuple[str, ...] = ()  # names under other people's labels (the supervisor's, a reviewer's): never an author
    head: tuple[str, ...] = ()  # the cover's head above the work's kind (`_head`): the ministry's, the university's, its institute's and department's lines

    def strikes_title(self, title: str | None) -> bool:
        """A cover naming its kind and student but no title (a practice report's, a course's)
        strikes a title read off its top lines: one opening with an institution or the ministry
        (`МИНИСТЕРСТВО НАУКИ …`, `Федеральное государственное … учреждение …`), or any of the
        lines above the kind (`ФГБОУ ВО`, an institute's name in quotes), is the cover's head,
        not the work's title."""
        return self.title is None and self.author is not None and bool(title) and (
            opens_with_institution(title) or _MINISTRY.match(title) is not None or _in_lines(title, self.head)
        )

    def with_author(self, names: list[str]) -> list[str]:
        """`names` (what the rules or the model read) headed by the student the page names: the
        others kept are people's names, not again the student's with its label (`Слушатель …`)
        nor a part of it (`Александр Владимирович` under `Белов`), not a line of the cover's head
        the model took for a by-line (`РТУ МИРЭА`, `УЧРЕЖДЕНИЕ ВЫСШЕГО ОБРАЗОВАНИЯ`); `names` as
        they are where the page names no student."""
        if not self.author:
            return list(names)
        return [self.author, *(n for n in names if self.author not in n and not _part_of(n, self.author) and (is_name(n) or is_person(n)) and not is_institution(n))]

    def names_other(self, name: str) -> bool:
        """`name` is one of `others` (by its family name: `И. Ю. Выгодчикова`, `И.Ю. Выгодчикова`)."""
        key = family_name(name)
        return bool(key) and any(family_name(other) == key for other in self.others)


_MINISTRY = re.compile(r"^(?:министерств|міністерств|минобрнауки|минпросвещения|ministry)", re.IGNORECASE)


def _part_of(name: str, author: str) -> bool:
    """`name`'s words are some of `author`'s, in order: the given name and patronymic of a cover
    printing the family name on a line of its own (`Белов` / `Александр Владимирович`)."""
    words = name.replace(",", " ").split()
    return bool(words) and f" {' '.join(words)} " in f" {' '.join(author.replace(',', ' ').split())} "


def _in_lines(text: str, lines: tuple[str, ...]) -> bool:
    """`text` is one of `lines`, or a run of them (their words, whatever the spacing and case)."""
    return " ".join(text.split()).casefold() in " ".join(" ".join(lines).split()).casefold()


def is_person(text: str) -> bool:
    """One person's name alone on the line, certain by its initials or its patronymic."""
    text = " ".join(text.split()).strip(" ,")
    return len(text) <= 60 and (STRONG_NAME.match(text) is not None or FULL_NAME.fullmatch(text) is not None)


# A document's designation under GOST 2.201 closing its line: the code, then the kind's two or three
# capitals (`БГУИР КП I–40 01 01 21 ПЗ`, `ИУ7.ВКР.001 РПЗ`: an explanatory note's, `… ТЗ`): no title's.
_DOC_CODE = re.compile(r"\d[\d.\s–-]*\s(?:ПЗ|РПЗ|ТЗ)$")


def _stops(text: str) -> bool:
    """A line no title holds and no title runs past: a label (the student's, a supervisor's,
    a form's field), a document's code (`_DOC_CODE`), a name, an institution, a place and year, a line with hardly any letters
    (`« ____»_________20___ г.`, a signature's rule)."""
    letters = sum(ch.isalpha() for ch in text)
    return (
        letters < 3 or bool(_STUDENT.match(text) or _OTHERS.match(text) or SUPERVISOR.match(text) or _FIELD.match(text) or _DOC_CODE.search(text))
        or is_person(text) or opens_with_institution(text) or is_institution(text) and not text[:1].islower()
        or re.search(r"\b(?:19|20)\d\d\b", text) is not None and len(text.split()) <= 4
    )


def _kind_lines(texts: list[str], i: int) -> tuple[int, re.Match] | None:
    """How many lines the work's kind opening line `i` takes, alone or broken over it and the
    next one or two (`ВЫПУСКНАЯ КВАЛИФИКАЦИОННАЯ` / `РАБОТА БАКАЛАВРА`, `ВЫПУСКНАЯ` /
    `КВАЛИФИКАЦИОННАЯ` / `РАБОТА БАКАЛАВРА`), and its match, with at most six words after it
    or a topic label with its title (`… на тему: «…»`)."""
    for n in (1, 2, 3):
        if i + n > len(texts) or not all(texts[i : i + n]):
            return None
        m = THESIS_KIND.match(" ".join(texts[i : i + n]))
        if m is not None and _ESSAY.match(m[0]) and not _topic_follows(texts, i + n):
            return None  # `Реферат` alone is a paper's abstract label; an essay's cover gives its topic under it
        if m is not None and _REPORT.match(m[0]) and not _TOPIC_LABEL.search(m["rest"]) and not _topic_follows(texts, i + n) and not any(_STUDENT.match(t) for t in texts[i + n :]):
            return None  # a report's cover names its topic (`Отчет … на тему:`) or its student; `Отчёт о практике …` alone may head a text
        if m is not None and (len(m["rest"].split()) <= 6 or _topic(m["rest"].strip(" :–-/"))):
            return n, m  # a topic label with its title may follow the kind on its line, however long
    return None


_ESSAY = re.compile(r"^реферат\s*$", re.IGNORECASE)
_REPORT = re.compile(r"^(?:отч[её]т|звіт)\b", re.IGNORECASE)
_TOPIC_LABEL = re.compile(r"\b(?:на|по)\s+тем[аеуы]\b", re.IGNORECASE)


def _topic_follows(texts: list[str], i: int) -> bool:
    """The next line with text gives a topic by its label (`На тему: «…»`)."""
    below = next((t for t in texts[i:] if t), "")
    return TITLE_LABEL.match(below) is not None and bool(re.match(r"(?:на|по)\s+тем", below, re.IGNORECASE))


def _kind_at(texts: list[str], i: int) -> re.Match | None:
    """The work's kind opening line `i` (`_kind_lines`), or None."""
    found = _kind_lines(texts, i)
    return found[1] if found else None


def _topic(text: str) -> bool:
    """A topic's label with the title after it (`на тему: «Сравнение …`): the title's line, not the kind's."""
    m = TITLE_LABEL.match(text)
    return m is not None and bool(m["value"])


def _kind_block(texts: list[str]) -> tuple[int, int, re.Match] | None:
    """(first, past the last) line of the work's kind and the lines that go on it (its
    degree, in brackets or not: `(БАКАЛАВРСКАЯ РАБОТА)`), and the kind's match."""
    at, m = next(((i, m) for i in range(len(texts)) if (m := _kind_at(texts, i)) is not None), (None, None))
    if at is None:
        return None
    end = at + _kind_lines(texts, at)[0]
    if _FIELD.match(m["rest"].strip()) and end < len(texts) and _QUOTED.fullmatch(texts[end]):
        end += 1  # the field's value under the kind's line (`Курсовая работа по дисциплине:` / `«Теория вероятностей …»`): no title
    while end < len(texts) and (
        not texts[end] or _KIND_TAIL.match(texts[end].strip("()"))
        or texts[end][:1].islower() and not _FIELD.match(texts[end]) and not _topic(texts[end])
        or re.fullmatch(r"\([^()]{3,40}\)", texts[end]) is not None or _DIRECTION_CODE.match(texts[end])
    ):
        # the direction's code and name take the lines under them up to a blank (its profile)
        end = next((k for k in range(end + 1, len(texts)) if not texts[k]), len(texts)) if _DIRECTION_CODE.match(texts[end]) else end + 1
    return at, end, m


# The training direction a Russian thesis is written in, by its code (`11.03.01 – Радиотехника`,
# `09.03.02 Информационные системы и технологии`), the profile's name on the lines under it.
_DIRECTION_CODE = re.compile(r"^\d{2}\.\d{2}\.\d{2}\s*(?:[–—-]\s*)?[^\W\d_]")


def _title_below(texts: list[str], start: int) -> list[str]:
    """The title's lines under the kind's block: from the first line with text, up to a blank
    line, a line that `_stops` it, another script (the title's translation) or a form's field
    (`по направлению подготовки …`); [] where the first line is no title's."""
    i = start
    while i < len(texts) and not texts[i]:
        i += 1
    if i >= len(texts):
        return []
    if (m := TITLE_LABEL.match(texts[i])) and m["value"]:
        return [m["value"], *_more(texts, i + 1, m["value"])]
    first = texts[i]
    if _stops(first) or not (first[:1].isupper() or first[:1] in "«\"“") or len(first.split()) < 2 or _place_over_year(texts, i):
        return []
    if _QUOTED.fullmatch(first):
        return [first]  # a title wholly in quotes ends with them (`Курсовая работа` / `«Устройство жёсткого диска»`)
    return [first, *_more(texts, i + 1, first)]


_YEAR_ALONE = re.compile(r"^[–—-]?\s*(?:19|20)\d\d\s*(?:г\.?|год|ж\.?|жыл)?$")


def _place_over_year(texts: list[str], i: int) -> bool:
    """Line `i` is the cover's place: a short line (three words at most) with the year alone
    on the next line with text (`Нижний Новгород` / `2005`), or with nothing under it (the
    page's foot, where a PDF's layout took the year for a page number): never the title."""
    below = next((t for t in texts[i + 1 :] if t), None)
    return len(texts[i].split()) <= 3 and (below is None or _YEAR_ALONE.match(below) is not None)


def _labelled(texts: list[str], at: int) -> list[str]:
    """The title given by its label below the kind's line (`Тема: Анализ прочности …` on a
    form's row, or `Тема:` alone over it); [] where none is."""
    for i in range(at + 1, len(texts)):
        m = TITLE_LABEL.match(texts[i]) if texts[i][:1].isupper() or texts[i][:1].isdigit() else None  # `1. Тема …:` on a form
        if m is None:
            continue
        if m["value"]:
            if quoted := _QUOTED_AT_START.match(m["value"]):
                return [quoted[0]] if quoted.end() < len(m["value"]) else [m["value"]]  # `… по теме «…» содержит 64 страницы`: the quotes end it
            return [m["value"], *_more(texts, i + 1, m["value"])]
        return _title_below(texts, i + 1)
    return []


# A topic in quotes opening a label's value, a sentence going on after it (a thesis's abstract:
# `Дипломная работа по теме «Разработка …» содержит 64 страницы, 41 рисунок`).
_QUOTED_AT_START = re.compile(r"^[«“\"][^«»“”\"]{3,300}[»”\"](?=\s+\w)")


def _more(texts: list[str], i: int, first: str) -> list[str]:
    """The title's lines from `i` on, in `first`'s script, up to a blank or stopping line."""
    out: list[str] = []
    while i < len(texts) and texts[i] and len(out) < MAX_TITLE_LINES - 1 and not _stops(texts[i]) and (
        script(texts[i]) == script(first) or _open_quote(first, out) or continues_title((out or [first])[-1])
    ):
        out.append(texts[i])
        i += 1
    return out


def _open_quote(first: str, more: list[str]) -> bool:
    """The title's lines so far open a guillemet they do not close: the title runs on to it,
    whatever script its next line is in (`«Сравнение библиотек …:` / `Matplotlib, Seaborn и Plotly»`)."""
    text = " ".join([first, *more])
    return text.count("«") > text.count("»")


def _title_above(texts: list[str], at: int) -> tuple[list[str], int]:
    """The title's lines above the kind's line, and where they start: the nearest run of lines
    up from it that no line stops, in the kind's script (a translation under the title is left
    out); a form's field with its value lines under it (`Специальность 02.03.01 —` /
    `«Системный анализ…»`) is passed over."""
    run: list[int] = []
    i = at - 1
    while i >= 0:
        t = texts[i]
        if not t:
            if run:
                break
        elif _FIELD.match(t):
            run = []  # the lines under a field are its value
        elif _stops(t):
            break
        else:
            run.insert(0, i)
        i -= 1
    own = script(texts[at])
    if run and script(texts[run[0]]) == own:  # the title's translation under it (`СРАВНЕНИЕ …` / `… COMPARISON …`) is no part of it
        run = run[: next((k for k, i in enumerate(run) if script(texts[i]) != own and not _goes_on_from(texts, run, k)), len(run))]
    if run and i >= 0 and texts[i] and is_institution(texts[i]) and _QUOTED.fullmatch(" ".join(texts[k] for k in run)):
        return [], at  # an institution's name in quotes under its line (`Кафедра №304` / `«Автоматизированные системы …»`)
    if len(run) > 1 and _name_over_title(texts[run[0]], texts[run[1]]):
        run = run[1:]  # the author's name alone over the title (`Линь Пэйфэн` / `Свойства …` / `Выпускная квалификационная работа`)
    if not run or len(run) > MAX_TITLE_LINES or not (texts[run[0]][:1].isupper() or texts[run[0]][:1] in "«\"“"):
        return [], at
    return [texts[k] for k in run], run[0]


def _name_over_title(name: str, title: str) -> bool:
    """`name`, alone on its line right over the title's first line `title`, is the author's:
    two or three capitalised words that read as a name (`_named`: no institution's), over a line
    in the same script in sentence case (a small letter opens its second or third word). A title
    in title case (`Convolutional Codes` / `Over Residue Rings`) gives no such sign: its first
    line stays the title's."""
    words = title.split()
    return (
        2 <= len(name.split()) <= 3 and _named(name) and not continues_title(name) and script(name) == script(title)
        and title[:1].isupper() and any(w[:1].islower() for w in words[1:3])
    )


def _goes_on_from(texts: list[str], run: list[int], k: int) -> bool:
    """Line `run[k]` goes on the title line above it, which ends on a connective (`… блокировки
    на` / `основе БД Cassandra`, whose Latin word outweighs its Cyrillic ones): no translation."""
    return k > 0 and continues_title(texts[run[k - 1]])


def _blank_filled(text: str) -> str:
    """A form's line without its ruled blanks: runs of underscores, and a value typed into a
    blank with underscores for its spaces (`__Коряковский_А._Р.______`, `_Информационные_системы_и_`)
    read as words; a line with no blank as it is."""
    text = _RULE.sub(" ", text)
    return text.replace("_", " ") if re.search(r"\w_\w|(?<!\S)_\w|\w_(?!\S)", text) and not re.search(r"[a-z]_[a-z]", text) else text


def _student(texts: list[str]) -> str | None:
    """The name under the student's label (alone, or inside the kind's line: `Курсовая работа
    студента 2-го курса`): at its line's end (`Обучающийся / Student Стародубцев Андрей
    Игоревич`), or the first name on the next lines (past a group's line, a signature's rule,
    `подпись`); None without the label."""
    for i, t in enumerate(texts):
        kind = THESIS_KIND.match(t)
        m = _STUDENT.match(t) or (_STUDENT.match(kind["rest"].strip()) if kind else None)  # `Курсовая работа студента 2-го курса`
        if m is None:
            continue
        if found := NAME_AT_END.search(m["rest"]):
            return found[0].strip()
        if (typed := _typed_after_code(m["rest"])) is not None:
            return typed
        if _named(value := _RECORD.sub("", m["rest"]).strip(" :,")):
            return value  # a name with neither initials nor patronymic after the label (`Студент: Мария Петрова Иванова, ФН 61234`)
        for below in [_GROUP.sub("", b) for b in texts[i + 1 : i + 10] if b and not _HINT.fullmatch(b)][:5]:
            if _OTHERS.match(below) or _STUDENT.match(below) and m["rest"].strip(" :"):
                break  # another person's label (never a name: `Руководитель ВКР`); a label alone (`Исполнитель:`) may stand over the student's position (`Студент ИСП-21`)
            if is_person(below) or _named(below):
                return " ".join(below.split()).strip(" ,")
    return None


def _typed_after_code(rest: str) -> str | None:
    """The name typed on a form's row after the student's label and group code (`Студент
    ИУ7И-84Б ____ Ву Минь Куанг____`, the blanks gone): the words past the last one holding a
    digit, where they read as a name (`_named`); None where the row has no such code or name."""
    pieces = re.split(r"\S*\d\S*", rest)
    tail = " ".join(pieces[-1].split()).strip(" :,")
    return tail if len(pieces) > 1 and _named(tail) else None


# A form's hint under a blank, in brackets (`(группа)`, `(Ф.И.О.)`, `(подпись)`): no value.
_HINT = re.compile(r"\([^()]{2,30}\)")
# A student's record number after the name on the student's row, with its label (Bulgarian `ФН 61234`,
# `фак. № 191234`; a record book's `зач. кн. № 0417`, `зал. кн. № 0417`; `Student ID 123456`).
_RECORD = re.compile(
    r"[,;]?\s*(?:ф\.?\s?н\.?|фак(?:ултетен)?\.?\s*(?:№|номер)|за[чл]\w*\.?\s*(?:кн\w*\.?\s*)?№|student\s+(?:id|no\.?|number))\s*:?\s*\S*\d\S*\s*$",
    re.IGNORECASE,
)
# A study group's code before the student's name on its row (`ИКБО-31-24 Жильцова С.О.`, `ПМ-31 …`).
_GROUP = re.compile(r"^[A-ZА-ЯЁ]{1,6}-?\d{1,3}(?:-\d{1,3}){0,2}[а-яa-z]?\s+(?=\S)")


def _named(text: str) -> bool:
    """Under the student's label, a name without initials or patronymic (`Антонова Анна`): the
    label makes it one; not an institution's words (`Кафедра МКМ`)."""
    return len(text.split()) >= 2 and bool(is_name(text.strip(" ,"))) and not is_institution(text) and not opens_with_institution(text)


def _split_name(texts: list[str]) -> str | None:
    """A full name broken after the family name (`Белов` / `Александр, Владимирович`, `Киневич` /
    `Алексей Олегович`: the family name alone on its line, the given name and patronymic under it),
    the two lines read as one name certain by its patronymic (`FULL_NAME`); None where none is."""
    for i in range(len(texts) - 1):
        if len(texts[i].split()) == 1 and len(texts[i + 1].replace(",", " ").split()) == 2:
            name = " ".join(f"{texts[i]} {texts[i + 1]}".replace(",", " ").split())
            if FULL_NAME.fullmatch(name):
                return name
    return None


# A hint under a signature's blank, unbracketed (`подпись, дата`), which the page's text may set
# between a checker's label and the name.
_SIGN_HINT = re.compile(r"\(?(?:подпись|дата|ф\.?\s*и\.?\s*о\.?)(?:\s*,\s*(?:подпись|дата|ф\.?\s*и\.?\s*о\.?))*[,.]?\)?", re.IGNORECASE)


def _others(texts: list[str]) -> tuple[str, ...]:
    """The names under other people's labels (`Научный руководитель` alone over `Лукашевич
    Марина Михайловна`, `Руководитель работы ____ Дерябин Сергей Андреевич`): at the label's
    line's end, or the first name on the next three lines with text (alone, or at the end of a
    line after a rank: `профессор Волков М. В.`), before another label; a signature's hint
    (`подпись, дата`) and the city and year an extraction set among them are passed over.
    Editors (`Академический редактор:`) and checkers (`Проверил`, `Старший преподаватель`) are
    such people too."""
    out = []
    for i, t in enumerate(texts):
        if not (_OTHERS.match(t) or SUPERVISOR.match(t)):
            continue
        if found := NAME_AT_END.search(t):
            out.append(found[0].strip())
            continue
        for below in [b for b in texts[i + 1 : i + 9] if b and not _SIGN_HINT.fullmatch(b) and not CITY_YEAR.match(b)][:3]:
            if _OTHERS.match(below) or _STUDENT.match(below) or SUPERVISOR.match(below):
                break
            if is_person(below):
                out.append(" ".join(below.split()).strip(" ,"))
                break
            if found := NAME_AT_END.search(below):  # after the person's degree or rank (`профессор Волков М. В.`)
                out.append(found[0].strip())
                break
    return tuple(out)


def others_named(lines: list[str]) -> TitlePage:
    """The names under other people's labels on a first page of any kind (`Руководитель –
    учитель информатики` over `Соколов Игорь Петрович` on a school paper's cover), as a
    TitlePage with neither title nor author: its `names_other` tells a supervisor from an author."""
    return TitlePage(None, None, _others([" ".join(_RULE.sub(" ", t).split()) for t in lines[:MAX_LINES]]))


# The supervisor's label opening a cover's line: alone (`Научный руководитель`, `Руководитель
# работы`), before the rank (`Руководитель – учитель информатики`, `Научный руководитель:к.ф.-м.н.,
# доцент`) or before a signature's rule and the name (`Руководитель ______ Ю.Е. Гапанюк`).
_SUPERVISOR_LABEL = re.compile(
    r"^(?:научный\s+руководитель|науч\.\s*рук(?:\.|оводитель)|руководитель(?:\s+(?:работы|проекта|ВКР|КР|НИР|практики|курсовой\s+работы))?|"
    r"ғылыми\s+жетекші(?:сі)?|(?:scientific\s+|research\s+)?supervisor|supervised\s+by)(?![^\W_])\s*[:,–—-]?\s*(?P<rest>.*)$",
    re.IGNORECASE,
)
# A signature line's marks around a name: the rules, a date's blanks and year (`“___”____ 2022 г.`),
# the slashes of `/ А. Г. Татаринова/`, a hint under a blank (`(подпись)`).
_SIGNATURE = re.compile(r"[«“\"]\s*_*\s*[»”\"]|_+|\([^()]{2,30}\)|\b(?:19|20)\d\d\s*г\.?|/")
SUPERVISOR_LINES = 4  # lines with text under the label: the rank's (two at most) and the name's


def _unsigned(text: str) -> str:
    return re.sub(r"(?<=[^\W\d_]{2})\.$", "", " ".join(_SIGNATURE.sub(" ", text).split()).strip(" ,:;"))  # an initial keeps its full stop


def names_person(text: str) -> bool:
    """`text` names a person: alone on the line (`Серов Сергей`), at its end after a rank
    (`доцент кафедры ИСТ В.С. Сивков`) or before one (`В. Н. Кивайко, кандидат`); never an
    institution named after a person (`… университет имени Г.В.Плеханова`)."""
    return not is_institution(text) and (is_name(text) or NAME_AT_END.search(text) is not None or is_person(text.split(",")[0]))


def cover_supervisor(lines: list[str]) -> str | None:
    """The supervisor a cover names under or after the supervisor's label (`_SUPERVISOR_LABEL`),
    as printed: the rank's lines (a lower-case line going on from one: `кафедры анализа` /
    `данных и технологий программирования`) and the name's, alone, after the rank or at the end
    of a signature's line (`“___”____ 2022 г. ____ Матренина О.М.`), its rules and date dropped;
    None where no label names one (another head's `Руководитель ОП`, `Руководитель группы …`
    is passed over: neither a rank nor a name follows its label)."""
    texts = [" ".join(t.split()) for t in lines[:MAX_LINES]]
    for i, text in enumerate(texts):
        if not (m := _SUPERVISOR_LABEL.match(text)):
            continue
        rest = _unsigned(m["rest"])
        if rest and names_person(rest):
            return rest
        if rest and not is_rank(rest):
            continue
        parts = [rest] if rest else []
        below = [line for line in map(_unsigned, texts[i + 1 : i + 8]) if line][:SUPERVISOR_LINES]
        for k, line in enumerate(below):
            if (m := _OTHERS.match(line)) and not m[0].casefold().startswith("преподавател") or _STUDENT.match(line) or CITY_YEAR.match(line):
                break  # another's label; `преподаватель информатики` under the label is the supervisor's rank
            if names_person(line):
                going_on = below[k + 1 : k + 2] if k + 1 < len(below) and below[k + 1][:1].islower() and is_rank(below[k + 1]) else []
                return " ".join([", ".join([*parts, line]), *going_on])  # `В. Н. Кивайко, кандидат` / `технических наук, доцент`
            if not (is_rank(line) or parts and line[:1].islower()):
                break
            if parts and line[:1].islower():
                parts[-1] += " " + line  # `кафедры анализа` / `данных и технологий программирования`
            else:
                parts.append(line)
    return None


_LETTER_SPACED = re.compile(r"(?:[^\W\d_] ){2,}[^\W\d_]")


def _unspaced(text: str) -> str:
    """A word set letter-spaced on a cover (`О Т Ч Е Т`, `Р Е Ф Е Р А Т`), as the word; any
    other line as it is."""
    return text.replace(" ", "") if _LETTER_SPACED.fullmatch(text) else text


def read_title_page(lines: list[str]) -> TitlePage | None:
    """The title and author of a thesis's title page in `lines` (a page's lines, blank lines
    kept), or None when the lines show no work's kind (`THESIS_KIND`).

    Rule: the title is the one given by its label on the page (`Тема: …`), else the run of
    lines right under the kind's block (its degree, English name, `по теме:` passed over; a
    kind broken over two lines is read whole) or, where a label, a name or a form's field
    stands there, the run right above the kind's line; the author is the name under the student's label,
    else a name alone right above that title or kind (`Лемехова Ольга Александровна` over
    `ВЫПУСКНАЯ КВАЛИФИКАЦИОННАЯ РАБОТА`); never a name under a supervisor's label: those are
    `others`, which the readers drop from the authors they read."""
    texts = [_unspaced(" ".join(_blank_filled(t).replace("\u200b", "").split())) for t in lines[:MAX_LINES]]  # a zero-width space is no text
    block = _kind_block(texts)
    if block is None:
        return _by_form(texts, lines)
    at, end, kind = block
    rest = kind["rest"].strip(" :–-/")
    if (m := TITLE_LABEL.match(rest)) and m["value"]:
        title_lines, top = [m["value"]], at
    elif labelled := _labelled(texts, at):
        title_lines, top = labelled, at  # `Тема: …` further down a form
    else:
        title_lines, top = _title_below(texts, end), at
        if not title_lines:
            title_lines, top = _title_above(texts, at)
    author = _student(texts)
    if author is None:
        above = next((t for t in reversed(texts[:top]) if t), "")
        named_over = top > 0 and texts[top - 1] == above and _name_over_title(above, texts[top])  # `Линь Пэйфэн` right over the title
        author = " ".join(above.split()).strip(" ,") if is_person(above) or named_over else _split_name(texts[:top])
    title = title_text(title_lines) if title_lines else None
    others = tuple(name for name in _others(texts) if name != author)
    return TitlePage(title, author, others, _head(texts, at)) if title or author else None


def _by_form(texts: list[str], lines: list[str]) -> TitlePage | None:
    """The title and author of a cover whose kind of work the rules do not know, misspelt or
    unusual (`Выпусканая квалифирационная работа`), or name without its topic (`РЕФЕРАТ` alone),
    where the page has a cover's form (`cover_end`): the title under a topic's label alone on
    its line (`на тему:`), else under the kind or over it, the student under the student's label
    or named alone over the title; None where the lines have no cover's form."""
    if cover_end(lines) is None:
        return None
    at = next((i for i, t in enumerate(texts) if _TOPIC_ALONE.match(t) or THESIS_KIND.match(t)), None)
    title_lines, top = (_title_below(texts, at + 1), at) if at is not None else ([], 0)
    if at is not None and not title_lines and not _TOPIC_ALONE.match(texts[at]):
        title_lines, top = _title_above(texts, at)  # the title over the kind (`Обзор …` / `РЕФЕРАТ` / `студента 5 курса`)
    author = _student(texts)
    if author is None and top > 0 and is_person(above := next((t for t in reversed(texts[:top]) if t), "")):
        author = " ".join(above.split()).strip(" ,")
    title = title_text(title_lines) if title_lines else None
    others = tuple(name for name in _others(texts) if name != author)
    return TitlePage(title, author, others, _head(texts, at or 0)) if title or author else None


_TOPIC_ALONE = re.compile(r"^(?:на|по)\s+тем[еуы]\s*:?$", re.IGNORECASE)
# A cover's last line: the city and the year (`Москва, 2024`, `Ярославль 2020 г.`,
# `Ростов-на-Дону – 2025`, `Казань-2022`, `Нижний Новгород 2025`, `г. Вологда, 2021`).
CITY_YEAR = re.compile(
    r"^(?:г\.\s*)?[A-ZА-ЯЁ][^\W\d_]+(?:(?:\s|-(?:на-)?)[A-ZА-ЯЁ]?[^\W\d_]+){0,2}\s*[,–—-]?\s*(?:19|20)\d\d\s*(?:г\.?|года?|ж\.?)?$"
)
COVER_MARKS = 2  # a cover's marks at least above its city and year: labels, signature rules, hints, fields
COVER_SENTENCE = 30  # words: a line longer is a paragraph's, which no cover holds


def cover_end(lines: list[str]) -> int | None:
    """Past the city-and-year line closing a cover page at the top of `lines` (a page's lines
    or a document's first paragraphs), recognised by the page's form, not by the words naming
    its kind: the city and year (`CITY_YEAR`) under two marks of a cover or more (a label of the
    student's, the supervisor's or a checker's, a form's field, a signature's rule, a hint under
    a blank, `(подпись)`, the work's kind, a topic's label alone), no line above it a paragraph's
    sentence; None where the lines open with no such page."""
    marks = 0
    for i, raw in enumerate(lines[:MAX_LINES]):
        text = " ".join(raw.split())
        if len(text.split()) > COVER_SENTENCE:
            return None
        if CITY_YEAR.match(text):
            if marks >= COVER_MARKS:
                return i + 1
            continue
        plain = " ".join(_RULE.sub(" ", text).split())
        marks += bool(
            _RULE.search(text) or _HINT.fullmatch(plain) or _STUDENT.match(plain) or _OTHERS.match(plain) or SUPERVISOR.match(plain)
            or _FIELD.match(plain) or THESIS_KIND.match(plain) or _TOPIC_ALONE.match(plain)
        )
    return None


def _head(texts: list[str], at: int) -> tuple[str, ...]:
    """The cover's head above the kind's line `at`: its lines down to the last one naming an
    institution or the ministry, with the names in quotes set under it (`Кафедра №304` /
    `«Автоматизированные системы …»`); a title set between the head and the kind is none of it."""
    last = max((j for j in range(at) if texts[j] and (is_institution(texts[j]) or opens_with_institution(texts[j]) or _MINISTRY.match(texts[j]))), default=-1)
    while last + 1 < at and _QUOTED.fullmatch(texts[last + 1]):
        last += 1
    return tuple(t for t in texts[: last + 1] if t)
