"""Reader for plain text extracted from a PDF: front matter, repaired paragraphs, lists, references."""

from __future__ import annotations

import re
from dataclasses import replace

from . import normalize as rules
from ...citations import MAX_LABELS, Joined, glued_citation, glued_citations, inlines_of, with_superscripts
from ...crossrefs import crossrefs_of
from ...diagnostics import Diagnostic, InputError
from ...language import detect_language
from ...model import BulletList, Citation, Document, Heading, Inline, ListItem, Meta, Paragraph, Quote, Span, Text
from ...references.ownlist import appendix_after_list, find_reference_list, read_reference_list
from .frontmatter import FieldText, FrontMatter, blocks_after_list, clean, is_name, read_front_matter, standalone_title, title_text
from .contents import contents_lines
from .furniture import blanked, find_pages, template_notices
from .mojibake import repair_mojibake
from .sections import continues_heading, heading_level, heading_text, in_sequence, initials_joined, is_roman_section, is_section_name, lettered_heading, sets_initials_apart, small_caps_pieces, top_number
from .roles.window import text_items
from ..translations import translated
from ...sourcefile import SourceText, control_characters
from .titleblock import apart_from_title, decide, emails_in
from .titlepage import others_named, read_title_page

def join_lines(numbered: list[tuple[int, str]], lexicon: rules.Lexicon, skip: int = 0, glued: frozenset[int] = frozenset()) -> Joined:
    """Join hard-wrapped lines into one text, repairing line-end hyphens, cut URLs, spaced
    dashes and font glyphs (ligatures, Symbol-font characters).

    `numbered` holds (1-based line number, line); `skip` characters of the first line (a list
    marker) are left out; a line whose index is in `glued` goes on the word the line before
    ended with (the layout saw a word broken where it could not fit: a narrow table cell).
    One pass over the tokens; each token remembers where it stood.
    """
    parts: list[str] = []  # tokens and the single spaces between them
    offsets: list[int] = []
    places: list[tuple[int, int]] = []
    finditer, dashes, dash, glyphs = rules.TOKEN.finditer, rules.SPACED_DASHES, rules.DASH, rules.normalize_glyphs
    length = 0
    broken = False  # the previous line ended in a word broken by a hyphen
    url_cut = False  # the previous line ended in a URL cut by the line end
    word = ""  # the last whole token so far (a URL glued over several lines)
    end = (numbered[0][0], 1)
    last = len(numbered) - 1
    for index, (number, line) in enumerate(numbered):
        found = [(m.start(), m.group()) for m in finditer(line, skip if index == 0 else 0)]
        if not found:
            continue
        plain = not rules.has_glyphs(line)  # most lines: no token to look at for glyphs
        tokens = [dash if token in dashes else token if plain else glyphs(token) for _, token in found]
        first = 0
        if (url_cut and rules.continues_url(word, tokens[0])) or (index in glued and parts):  # `https://jet-` + `online.ru`
            word += tokens[0]
            offsets.append(length)
            parts.append(tokens[0])
            length += len(tokens[0])
            first = 1
        elif broken and tokens[0][:1].isalnum():  # glue this line's first token to the broken word (a formula's sign, a bullet: not its rest)
            left, token = parts[-1], tokens[0]
            joined = rules.join_line_end_hyphen(left, token, lexicon)
            parts[-1] = joined[: len(joined) - len(token)]
            length += len(parts[-1]) - len(left)
            offsets.append(length)
            parts.append(token)
            length += len(token)
            first = 1
        for token in tokens[first:]:  # each after a single space
            word = token
            if parts:
                parts.append(" ")
                length += 1
            offsets.append(length)
            parts.append(token)
            length += len(token)
        places.extend([(number, start + 1) for start, _ in found])
        end = (number, found[-1][0] + len(found[-1][1]) + 1)
        url_cut = index < last and rules.url_cut_at_line_end(word)
        broken = index < last and not url_cut and rules.ends_with_line_break_hyphen(parts[-1])
    return Joined("".join(parts), offsets, places, end)


def field_inlines(
    field: FieldText, lines: list[str], lexicon: rules.Lexicon, path: str, notes: list[Diagnostic], entries: int | None = None, placed=None,
    labels: frozenset[str] = frozenset(), linking=None,
) -> tuple[Inline, ...]:
    """A front-matter field (an abstract) as inlines: its lines joined as a paragraph's are and
    its citations found, each with its place, as in the body. `placed` maps each node's span
    (lines numbered from 1) onto the source's places (a PDF's pages); `linking(inlines, joined)`
    wraps the words a source's links cover (a PDF's link annotations) as the body's are. A field
    with no lines recorded keeps its text as it is."""
    if not field.rows:
        return (Text(field.text),)
    joined = join_lines([(i + 1, lines[i]) for i in field.rows], lexicon, field.skip)
    inlines = inlines_of(joined, path, notes, [MAX_LABELS], entries, labels)
    inlines = linking(inlines, joined) if linking else inlines
    return tuple(placed(node) for node in inlines) if placed else inlines


def heading_levels(lines: list[str], start: int, end: int) -> dict[int, tuple[int, int]]:
    """Section headings among lines[start:end]: first line index -> (level, last line index)
    (see `sections.heading_level`; a heading in capitals may wrap onto one more line)."""
    found: dict[int, tuple[int, int]] = {}
    i = start
    while i < end:
        if rules.is_blank(lines[i]):
            i += 1
            continue
        before = lines[i - 1] if i > start and (i - 1) not in found else ""  # a heading opens what follows
        last = i + 1 if i + 1 < end and continues_heading(lines[i], lines[i + 1]) else i
        after = next((lines[j] for j in range(last + 1, end) if not rules.is_blank(lines[j])), "")
        level = heading_level(lines[i], before, after)
        if level is not None:
            found[i] = (level, last)
            i = last
        i += 1
    numbered = [(i, level, n) for i, (level, _) in found.items() if (n := top_number(lines[i])) is not None and not is_section_name(heading_text(lines[i]))]
    kept = in_sequence(numbered)
    found = {i: found[i] for i in found if i in kept or all(i != j for j, _, _ in numbered)}
    return found | _lettered_subsections(lines, start, end, found) if any(is_roman_section(lines[i]) for i in found) else found


def _lettered_subsections(lines: list[str], start: int, end: int, found: dict[int, tuple[int, int]]) -> dict[int, tuple[int, int]]:
    """IEEE's lettered subsections in a paper whose sections are Roman-numbered: under each
    section, `A.` first, then each next letter (`sections.lettered_heading`); a heading broken
    over a short line opening in small letters (`B. Bridging the Gap between …` / `for Weakly
    Supervised …`) takes it. A list lettered `A.`, `B.` inside a paragraph's text breaks no order."""
    out: dict[int, tuple[int, int]] = {}
    expected = None
    for i in range(start, end):
        if i in found:
            expected = "A" if is_roman_section(lines[i]) else expected
            continue
        if expected is None or rules.is_blank(lines[i]):
            continue
        more = i + 1 < end and lines[i + 1][:1].islower() and len(lines[i + 1].split()) <= 8 and not lines[i + 1].rstrip().endswith((".", ",", ";", ":"))
        last = i + 1 if more else i
        before = "" if i - 1 in found or (i - 1) in {k for k, _ in out.values()} else lines[i - 1]
        after = next((lines[j] for j in range(last + 1, end) if not rules.is_blank(lines[j])), "")
        if lettered_heading(lines[i], before, after) == expected:
            out[i] = (2, last)
            expected = chr(ord(expected) + 1)
    return out


def _median(values: list[int]) -> float:
    """`statistics.median`, without importing statistics (and with it fractions, decimal and
    random: 19 M instructions, 2 % of a `check`) for one median of line widths."""
    ordered = sorted(values)
    middle = len(ordered) // 2
    return ordered[middle] if len(ordered) % 2 else (ordered[middle - 1] + ordered[middle]) / 2


# An author's note as a journal prints it at the first page's foot: the full name, the e-mail
# address in brackets, then the position and the address (`Петрова Ирина Павловна
# (petrova@example.ru), кафедра …`); pdftotext sets it right under the text's last line.
_AUTHOR_NOTE = re.compile(r"^(?P<name>[^\W\d_][^()@,]{2,60}?)\s*\(\s*[\w.+-]+@[\w-]+(?:\.[\w-]+)+\s*\)\s*[,.;]")


def opens_author_note(line: str) -> bool:
    """The line opens an author's note: a person's name, then an e-mail address in brackets."""
    m = _AUTHOR_NOTE.match(line.strip())
    return m is not None and is_name(" ".join(m["name"].split()))


def _chunks(lines: list[str], start: int, end: int, headings: dict[int, tuple[int, int]] | None = None) -> list[list[int]]:
    """Runs of non-blank lines, split further where a short sentence-ending line closes a
    paragraph or an author's note begins (`opens_author_note`); a section heading is a chunk of its own."""
    headings = headings or {}
    body = [len(lines[i].strip()) for i in range(start, end) if not rules.is_blank(lines[i])]
    width = _median(body) if body else 80
    chunks: list[list[int]] = []
    current: list[int] = []
    skip_to = -1  # the last line of the heading just taken
    for i in range(start, end):
        if rules.is_blank(lines[i]):
            if current:
                chunks.append(current)
            current = []
            continue
        if i <= skip_to:
            continue
        if i in headings:
            if current:
                chunks.append(current)
            current = []
            skip_to = headings[i][1]
            chunks.append(list(range(i, skip_to + 1)))
            continue
        if current and (
            rules.ends_paragraph_without_blank(lines[current[-1]], lines[i], width) or opens_author_note(lines[i])
            or rules.list_item_marker(lines[i]) is not None and rules.ends_sentence(lines[current[-1]])
        ):
            chunks.append(current)
            current = []
        current.append(i)
    if current:
        chunks.append(current)
    return chunks


def _prose_inside_list(lines: list[str], found, headings: dict[int, tuple[int, int]]) -> list[list[int]]:
    """The chunks of the prose an extraction put inside the list (`found.body_inside`); in a
    range above the list's heading (the end matter set between the entries printed above it and
    the heading: `Author Contributions`, `ACKNOWLEDGMENTS`) its headings are read too, into `headings`."""
    out: list[list[int]] = []
    for begin, end in found.body_inside if found else ():
        above = heading_levels(lines, begin, end) if found.heading is not None and end <= found.heading else {}
        headings.update(above)
        out += _chunks(lines, begin, end, above)
    return out


def _spread_lines(lines: list[str], chunks: list[list[int]], headings: dict[int, tuple[int, int]]) -> list[list[int]]:
    """A line set justified with wide gaps comes out of pdftotext as its words, each a
    paragraph of its own (`Эта` / `же` / `компания,` / `CharlesHull` / `разработала`, blank
    lines between). A run of three or more one-word chunks, most of them words of letters,
    that the chunk after it goes on from in lower case (the sentence runs on) is that line:
    joined into the chunk after it, and into the chunk before it when that one does not end a
    sentence and is no heading (a line alone and short) or an item's number. Table cells and
    formula pieces (numbers, symbols, one letter, a column's repeated words) make no such run,
    nor does a word ending its sentence open one (a table's `Расчет.` / `В` / `этом` …)."""
    out: list[list[int]] = []
    k = 0
    while k < len(chunks):
        while k < len(chunks) and _lone_word(lines, chunks[k], headings) and rules.ends_sentence(lines[chunks[k][0]]):
            out.append(chunks[k])  # `Расчет.` / `В` / `этом` …: a word ending its sentence opens no line (a table's cell)
            k += 1
        j = k
        while j < len(chunks) and _lone_word(lines, chunks[j], headings):
            j += 1
        after = chunks[j] if j < len(chunks) else None
        run = chunks[k:j]
        if (
            len(run) >= 3
            and 3 * sum(bool(_WORD.match(lines[c[0]].strip())) for c in run) >= 2 * len(run)
            and len({lines[c[0]].strip().casefold() for c in run}) == len(run)  # a table's column repeats its words
            and after is not None and after[0] not in headings and lines[after[0]].lstrip()[:1].islower()
        ):
            words = [i for c in run for i in c]
            before = lines[out[-1][-1]].strip() if out else ""
            if (
                out and out[-1][-1] not in headings and not rules.ends_sentence(before)
                and not before.split()[-1].isdigit()  # `2` / `Запись` …: an item's number
                and (len(out[-1]) > 1 or len(before) >= 40)  # a short line alone is a heading's
            ):
                out[-1] = out[-1] + words + after
            else:
                out.append(words + after)
            k = j + 1
            continue
        out.extend(run or chunks[k : k + 1])
        k = max(j, k + 1)
    return out


def _lone_word(lines: list[str], chunk: list[int], headings: dict[int, tuple[int, int]]) -> bool:
    text = lines[chunk[0]].strip()
    return len(chunk) == 1 and chunk[0] not in headings and len(text.split()) == 1 and any(ch.isalpha() for ch in text) and rules.list_item_marker(lines[chunk[0]]) is None


# A word of two letters or more, with the punctuation around it (`компания,`, `(3D`, `AutoCAD),`).
_WORD = re.compile(r"^[(«\"“]?[^\W\d_]{2,}(?:[-–][^\W\d_]+)*[)»\"”]*[,;:]?$")


def _merge_page_breaks(lines: list[str], chunks: list[list[int]], headings: dict[int, tuple[int, int]] | None = None) -> list[list[int]]:
    """A paragraph cut by a page break (its furniture read as blank lines) or a blank line is rejoined."""
    headings = headings or {}
    merged: list[list[int]] = []
    for chunk in chunks:
        if chunk[0] in headings or merged and merged[-1][-1] in headings:
            merged.append(chunk)
        elif merged and rules.list_item_marker(lines[chunk[0]]) is None and not opens_author_note(lines[chunk[0]]) and rules.rejoins_across_blank_line(
            lines[merged[-1][-1]], lines[chunk[0]]
        ):
            merged[-1] = merged[-1] + chunk
        else:
            merged.append(chunk)
    return merged


_QUOTE = re.compile(r"^«[^«»]*»[\s\d\[\],.;–-]*$")


def _blocks(
    lines: list[str], chunks: list[list[int]], lexicon: rules.Lexicon, path: str, notes: list[Diagnostic],
    headings: dict[int, tuple[int, int]] | None = None, entries: int | None = None, labels: frozenset[str] = frozenset(),
):
    blocks: list = []
    items: list[ListItem] = []
    budget = [MAX_LABELS]

    def close_list() -> None:
        if items:
            blocks.append(BulletList(tuple(items), Span(items[0].span.line, items[0].span.column, items[-1].span.end_line, items[-1].span.end_column)))
            items.clear()

    read = []
    for chunk in chunks:
        marker = rules.list_item_marker(lines[chunk[0]])
        joined = join_lines([(i + 1, lines[i]) for i in chunk], lexicon, skip=marker or 0)
        read.append((chunk, marker, joined, crossrefs_of(inlines_of(joined, path, notes, budget, entries, labels), joined)))
    if entries and not any(isinstance(node, Citation) for *_, inlines in read for node in inlines):
        read = _with_glued_citations(read, entries)
    small_caps = bool(headings) and any(sets_initials_apart(joined.text) for chunk, _, joined, _ in read if chunk[0] in headings)
    if small_caps:  # the words the text (not its headings) writes: `A NEW` stays two words, `A NALYSIS` is one
        texts = [joined.text for chunk, _, joined, _ in read if chunk[0] not in headings]
        known = rules.attested_words(texts).words - small_caps_pieces(texts)  # `KLEARN` of the text's `AUTO S KLEARN` is no word it writes
    for chunk, marker, joined, inlines in read:
        if headings and chunk[0] in headings:
            close_list()
            inlines = tuple(Text(initials_joined(n.text, known)) if small_caps and isinstance(n, Text) else n for n in inlines)
            blocks.append(Heading(headings[chunk[0]][0], inlines, joined.whole))
            continue
        if marker is not None:
            items.append(ListItem(inlines, joined.whole))
            continue
        close_list()
        kind = Quote if _QUOTE.match(joined.text) else Paragraph
        blocks.append(kind(inlines, joined.whole))
    close_list()
    return blocks


def _with_glued_citations(read: list, entries: int) -> list:
    """A paper citing its list by superscripts, extracted to text, shows them glued to the words
    (`applications.1−4 Among`): those marks read as its citations (`glued_citations`)."""
    marks = glued_citations([joined.text for _, _, joined, _ in read], entries)
    if marks is None:
        return read
    return [
        (chunk, marker, joined, with_superscripts(inlines, at, joined.text, lambda s, e, j=joined: glued_citation(j.text[s:e], j.span(s, e))))
        for (chunk, marker, joined, inlines), at in zip(read, marks)
    ]


def glyph_notes(lines: list[str], path: str) -> list[Diagnostic]:
    """One TXT004 note per kind of font glyph replaced (ligatures, Symbol-font characters), at the first."""
    return [
        Diagnostic.at_line("TXT004", path, line, column, variant=kind, count=count)  # kind: ligature, symbol
        for kind, (count, line, column) in sorted(rules.glyph_replacements(lines).items())
    ]


def with_model(fm: FrontMatter, lines: list[str], page_starts: tuple[int, ...], language: str) -> list[str]:
    """The line-role model's title and authors put into `fm` where it proposes them (see
    `titleblock`); returns the front's e-mail addresses. Where the rules found no title the
    body starts after the model's front lines; a title given by its label stands."""
    rows, items = text_items(lines[fm.start:], tuple(sorted({0} | {p - fm.start for p in page_starts if p > fm.start})))
    rows = [r + fm.start for r in rows]  # the model reads the paper from its first line, not the previous paper's end above it
    choice = decide(items, language, " ".join(fm.title_lines) or None, fm.authors)
    # Where the rules read no front matter, a title block needs a title and names under it.
    if choice.title and not fm.labelled_title and (rows[choice.title[0]] < fm.body_start if fm.title_lines else bool(choice.authors or fm.authors)):
        if not fm.title_lines:  # the rules read no front matter: the body starts past the model's title block
            fm.body_start = max(fm.body_start, rows[choice.head_end - 1] + 1)
        fm.title_lines = [title_text([items[i].text for i in choice.title])]
    if choice.authors:
        fm.authors = list(choice.authors)
    return list(dict.fromkeys(emails_in([clean(line) for line in lines[: fm.body_start]]) + choice.emails))


def with_title_page(fm: FrontMatter, lines: list[str], page_starts: tuple[int, ...], language: str | None = None) -> None:
    """A thesis's title page on the first page (`titlepage`) names the work's title and its
    author as no title block does: they stand over what the rules and the model read; it
    holds no abstract (`FrontMatter.off_cover`)."""
    first_end = next((p for p in page_starts if p > fm.start), len(lines))
    page = read_title_page([clean(line) for line in lines[fm.start : first_end]])
    if page is not None and page.title:
        fm.title_lines = [page.title]
    elif page is not None and page.strikes_title(title_text(fm.title_lines) if fm.title_lines else None):
        fm.title_lines = []  # the cover's head read as a title where the cover names none
    if page is not None:
        fm.authors = [a for a in page.with_author(fm.authors) if not page.names_other(a)]
        fm.off_cover(first_end, language)
    else:  # an article's page names its editors, a report's its checker (`Академический редактор:` / `Ж.Г. Берденов`): never authors
        others = others_named([clean(line) for line in lines[fm.start : first_end]])
        fm.authors = [a for a in fm.authors if not others.names_other(a)] or fm.authors
    fm.authors = apart_from_title(fm.authors, title_text(fm.title_lines) if fm.title_lines else None)


def after_list(fm, lines: list[str], start: int, stop: int) -> None:
    """The front matter `fm` with the translated blocks printed between the list's end and
    `stop` (`blocks_after_list`; before or after a transliterated twin list) added, each in
    its language: abstract, keywords, title and by-line."""
    for abstract, keywords, block in blocks_after_list(lines, start, stop, {a.language for a in fm.abstracts} | {lang for lang, _ in fm.keyword_sets}):
        if abstract is not None and abstract.language not in {a.language for a in fm.abstracts}:
            fm.abstracts.append(abstract)
        fm.keyword_sets.append(keywords)
        fm.translations.append(block)


def _decoding_notes(source: SourceText) -> list[Diagnostic]:
    """How the file's bytes were read: an encoding other than UTF-8's, a file-wide mojibake repaired and what it left."""
    notes = []
    if source.encoding not in ("utf-8", "utf-8-sig", "utf-16"):
        notes.append(Diagnostic.at_line("TXT002", source.path, 1, 1, encoding=source.encoding))
    if fixed := source.repaired:
        notes.append(Diagnostic.at_line("TXT003", source.path, fixed.line, 1, variant="file", encoding=fixed.label, count=fixed.count))
        if fixed.left:
            notes.append(Diagnostic.at_line("TXT005", source.path, fixed.left_line, 1, variant="file", count=fixed.left))
    return notes


def read_plaintext(source: SourceText) -> Document:
    """Read a paper's plain text into a Document (citations still unlinked)."""
    lines = source.lines
    path = source.path
    if not source.text:
        raise InputError(path, "is empty")
    if all(rules.is_blank(line) for line in lines):
        raise InputError(path, "contains no text (only whitespace or control characters)")
    repair = repair_mojibake(lines, path)  # same lengths: every line and column stays where it was
    notes = control_characters(repair.lines, path) + _decoding_notes(source)  # after the repair, which reads Latin-1's 0x96 as the `–` it was
    lines = repair.lines
    notes.extend(repair.notes)
    notes.extend(glyph_notes(lines, path))
    pages = find_pages(lines)
    language = detect_language("\n".join(lines)[:200_000] if repair.note else source.text[:200_000])
    fm = read_front_matter(lines, pages.starts, pages.furniture, language)
    fm.choose(language)
    emails = with_model(fm, lines, pages.starts, language)
    with_title_page(fm, lines, pages.starts, language)
    if not fm.title_lines and (alone := standalone_title(lines[fm.start :], frozenset(k - fm.start for k in pages.furniture if k >= fm.start))):
        fm.title_lines = [title_text(alone[0])]  # a title over the text, nothing around it: read last, where nothing else read one
        fm.body_start = max(fm.body_start, fm.start + alone[1])
    text_lines = blanked(lines, pages.furniture | template_notices(lines) | contents_lines(lines, pages.furniture))  # furniture (ACM's permission block, IEEE's funding placeholder too) and the contents read as blank
    found = find_reference_list(text_lines, fm.body_start)
    body_end = found.body_end if found else len(lines)
    lexicon = rules.attested_words(text_lines)
    headings = heading_levels(text_lines, fm.body_start, body_end)
    chunks = _merge_page_breaks(text_lines, _spread_lines(text_lines, _chunks(text_lines, fm.body_start, body_end, headings), headings), headings)
    chunks += _prose_inside_list(text_lines, found, headings)
    references = read_reference_list(text_lines, found, lambda numbered, skip: join_lines(numbered, lexicon, skip)) if found else []
    list_end = max((e.span.end_line for e in references), default=0)
    appendix = appendix_after_list(text_lines, list_end - 1) if references else None
    if appendix is not None:  # after the list, in the order printed
        after = {appendix[0]: (1, appendix[0])} | heading_levels(text_lines, appendix[0] + 1, appendix[1])  # its heading opens a section
        headings = {**headings, **after}
        chunks += _merge_page_breaks(text_lines, _chunks(text_lines, *appendix, after), after)
    labels = found.labels if found else frozenset()
    entries = (len(found.starts) or len(references) or None) if found else None  # also where the list's numbers stood apart (`2` / `–`)
    blocks = _blocks(text_lines, chunks, lexicon, path, notes, headings, entries, labels)
    heading = None if found is None else found.heading if found.heading is not None else found.body_end  # a list with no heading: its first entry's line
    if references:  # a translated abstract and keywords printed after the list
        after_list(fm, text_lines, list_end, appendix[0] if appendix else len(lines))
    title = " ".join(fm.title_lines)
    meta = Meta(
        udc=fm.udc,
        irsti=fm.irsti,
        title=(Text(title),) if title else (),
        authors=tuple(fm.authors),
        affiliations=tuple(fm.affiliations),
        position=fm.position,
        supervisor=fm.supervisor,
        language=language,
        keywords=tuple(fm.keywords),
        abstracts=tuple((a.language, field_inlines(a, lines, lexicon, path, notes, entries, labels=labels)) for a in fm.abstracts),
        keyword_sets=tuple(fm.keyword_sets),
        emails=tuple(emails),
    )
    meta = replace(meta, translations=translated(meta, fm.translations))
    heading_span = None
    if heading is not None:
        col = len(lines[heading]) - len(lines[heading].lstrip()) + 1
        heading_span = Span(heading + 1, col, heading + 1, col + len(lines[heading].strip()))
    return Document(
        path=path,
        meta=meta,
        blocks=tuple(blocks),
        references=tuple(references),
        references_span=heading_span,
        end_line=max((i + 1 for i, line in enumerate(lines) if not rules.is_blank(line)), default=1),
        encoding=source.encoding,
        notes=tuple(notes),
    )
