"""The Markdown grammar the reader parses with: markdown-it-py (CommonMark) with tables, front
matter, footnotes, `$…$`/`$$…$$` and `\\(…\\)`/`\\[…\\]` mathematics, `{#id}` after pictures,
and link rules bounded so that no input makes parsing slow."""

from __future__ import annotations

import bisect
import re
from functools import cache

# markdown-it silently drops what lies deeper than its nesting limit; deeper sources are
# refused by the reader so no text is ever lost without a word.
MAX_NESTING = 100
# How deep a bracket may stand inside other brackets and still open a link or a picture while
# markdown-it looks for where a label ends. markdown-it tries every `[` up to its nesting
# limit, so `![![![…` costs 100 nested scans per opener (400 KB of openers: 26 s); a paper
# never nests a link in more than a few pictures' captions. Past this depth a label scan
# gives up as markdown-it's own does at its limit.
MAX_LINK_DEPTH = 8


@cache
def parser():
    from markdown_it import MarkdownIt
    from markdown_it.rules_inline import image, link
    from mdit_py_plugins.attrs import attrs_plugin
    from mdit_py_plugins.container import container_plugin
    from mdit_py_plugins.dollarmath import dollarmath_plugin
    from mdit_py_plugins.footnote import footnote_plugin
    from mdit_py_plugins.footnote.index import footnote_inline, footnote_ref
    from mdit_py_plugins.front_matter import front_matter_plugin

    # Raw HTML is read for what it shows (markdown_html.py), never passed through as markup.
    md = MarkdownIt("commonmark", {"html": True, "maxNesting": MAX_NESTING}).enable("table")
    md.use(front_matter_plugin).use(footnote_plugin)
    # pandoc's fenced divs (`::: {.note}` … `:::`, `::: {#refs}`): the fences are markup, what
    # they hold is read as any other block (their tokens, `container_div_*`, carry nothing to print)
    md.use(container_plugin, "div", validate=lambda params, markup: True)
    # As pandoc reads `$`: no space inside the dollars and no digit after the closing one,
    # so `$20 and $30` stays text; `$$…$$` inside a paragraph is display mathematics.
    md.use(dollarmath_plugin, allow_space=False, allow_digits=False, double_inline=True)
    md.block.ruler.at("math_block", _display_math)  # `$$…$$ {#eq:x}` and `\[…\]` blocks too
    # `{…}` after a picture, and pandoc's bracketed spans `[words]{.smallcaps}`: the words stay, the attributes go
    md.use(attrs_plugin, after=("image",))
    md.inline.ruler.before("link", "pandoc_span", _pandoc_span)
    md.inline.ruler.before("attr", "pandoc_attributes", _pandoc_attributes)
    md.inline.ruler.before("escape", "math_paren", _paren_math)
    md.inline.ruler.at("link", _bounded(link, 0))
    md.inline.ruler.at("image", _bounded(image, 1))
    md.inline.ruler.at("footnote_inline", _bounded(footnote_inline, 1))
    md.inline.ruler.at("footnote_ref", _bounded_footnote_ref(footnote_ref))
    # Escapes and entities stay tokens of their own (`text_special`), so the reader knows
    # which source characters each piece of text came from.
    md.disable("text_join")
    return md


# Pandoc's attributes after a picture: `{#fig:id .class width=50% height="3cm"}`. A bare value
# runs to the next space or `}` (pandoc's grammar; the attrs plugin's djot grammar refuses
# `50%` and `2.5in`, and left such a block printed as text).
_ATTRIBUTE = re.compile(r"""\s*(?:#(?P<id>[^\s}]+)|\.(?P<cls>[^\s}=]+)|(?P<key>[A-Za-z_][\w:-]*)=(?:"(?P<dq>[^"\n]*)"|'(?P<sq>[^'\n]*)'|(?P<bare>[^\s}"']+)))""")
MAX_ATTRIBUTES = 400  # characters of one `{…}`: a picture's attributes are short


def _pandoc_attributes(state, silent: bool) -> bool:
    if state.pending or not state.tokens or state.tokens[-1].type != "image" or state.src[state.pos] != "{":
        return False
    close = state.src.find("}", state.pos, min(state.posMax, state.pos + MAX_ATTRIBUTES))
    if close < 0 or "\n" in state.src[state.pos:close]:
        return False
    body, at, found = state.src[state.pos + 1 : close], 0, {}
    classes = []
    while at < len(body):
        m = _ATTRIBUTE.match(body, at)
        if m is None:
            if body[at:].strip():
                return False  # not pandoc's grammar: left to the attrs plugin, or text
            break
        if m.group("id"):
            found["id"] = m.group("id")
        elif m.group("cls"):
            classes.append(m.group("cls"))
        else:
            found[m.group("key")] = next(v for v in (m.group("dq"), m.group("sq"), m.group("bare")) if v is not None)
        at = m.end()
    if not silent:
        token = state.tokens[-1]
        for key, value in found.items():
            token.attrSet(key, value)
        if classes:
            token.attrSet("class", " ".join(classes))
    state.pos = close + 1
    return True


# A footnote reference's label (`[^note]`) longer than this is not one.
MAX_FOOTNOTE_LABEL = 200


def _pandoc_span(state, silent: bool) -> bool:
    """pandoc's bracketed span, `[words]{.smallcaps}`: the words are read as the text they are,
    the attributes dropped (they named a style no edition has). Tried only where the `[` has
    its matching `]` right before a one-line `{…}`, so no bracket is scanned twice."""
    start = state.pos
    if state.src[start] != "[":
        return False
    close = _matching_brackets(state).get(start)
    if close is None or close + 1 >= state.posMax or state.src[close + 1] != "{":
        return False
    end = state.src.find("}", close + 1, min(state.posMax, close + 1 + MAX_ATTRIBUTES))
    if end < 0 or "\n" in state.src[close + 1 : end]:
        return False
    if not silent:  # the words between span tokens: never merged with the text around them
        maximum = state.posMax
        state.pos, state.posMax = start + 1, close
        state.push("span_open", "span", 1)
        state.md.inline.tokenize(state)
        state.push("span_close", "span", -1)
        state.posMax = maximum
    state.pos = end + 1
    return True


def _bounded(rule, bracket_at: int):
    """`rule` (markdown-it's link or picture rule, or an inline footnote's), tried only where
    it can succeed: its `[` (at `bracket_at` from the rule's start) has a matching `]` in the
    paragraph, and it is not nested past MAX_LINK_DEPTH inside other labels."""

    def bounded(state, silent: bool) -> bool:
        opener = state.pos + bracket_at
        if opener < state.posMax and state.src[opener] == "[" and opener not in _matching_brackets(state):
            return False
        if silent and state.level > MAX_LINK_DEPTH:
            # What markdown-it does at its own nesting limit: the rest of the paragraph is
            # skipped (and cached so), so no label scan walks past this point again.
            state.pos = state.posMax
            return True
        return rule(state, silent)

    return bounded


def _bounded_footnote_ref(rule):
    """markdown-it-py's footnote reference rule scans from every `[^` to the next `]`; a
    label is a word, so one that does not close within MAX_FOOTNOTE_LABEL is none."""

    def bounded(state, silent: bool) -> bool:
        if state.src.startswith("[^", state.pos):
            close = _next_at_or_after(state, "]", state.pos)
            if close < 0 or close - state.pos > MAX_FOOTNOTE_LABEL:
                return False
        return rule(state, silent)

    return bounded


def _matching_brackets(state) -> dict[int, int]:
    """Each `[` of the inline source that a `]` closes, at bracket balance (escaped brackets
    do not count), found once per source. A label can only end at its matching `]`; code
    spans are not told apart here, so a `[` inside backticks in a link's text can keep that
    link from being recognised (markdown-it skips code spans while it matches)."""
    memo = state.env.setdefault("exporter_brackets", {})
    found = memo.get(id(state.src))
    if found is None or found[0] is not state.src:
        matches: dict[int, int] = {}
        stack: list[int] = []
        for m in re.finditer(r"\\*[\[\]]", state.src):
            if (len(m.group()) - 1) % 2:  # an odd run of backslashes escapes the bracket
                continue
            at = m.end() - 1
            if state.src[at] == "[":
                stack.append(at)
            elif stack:
                matches[stack.pop()] = at
        found = memo[id(state.src)] = (state.src, matches)
    return found[1]


def _paren_math(state, silent: bool) -> bool:
    """`\\(…\\)` inline mathematics; `\\[…\\]` display mathematics (LaTeX's own delimiters)."""
    src, pos = state.src, state.pos
    if src[pos] != "\\" or pos + 1 >= state.posMax or src[pos + 1] not in "([":
        return False
    close = "\\)" if src[pos + 1] == "(" else "\\]"
    end = _next_at_or_after(state, close, pos + 2)
    if end < 0 or end + 2 > state.posMax or not src[pos + 2 : end].strip():
        return False
    if not silent:
        token = state.push("math_inline" if close == "\\)" else "math_inline_double", "math", 0)
        token.content = src[pos + 2 : end]
        token.markup = src[pos : pos + 2]
    state.pos = end + 2
    return True


# What may follow a display formula's closing delimiter on its line: `(2.1)` (a number, as
# dollarmath writes it) or `{#eq:energy}` (a label, as pandoc-crossref writes it).
_TAIL = {
    opener: re.compile(rf"{re.escape(close)}[ \t]*(?:\((?P<number>[^()\n]{{1,40}})\)|\{{#(?P<id>[^}}\s]+)[^}}\n]*\}})?[ \t]*$")
    for opener, close in (("$$", "$$"), ("\\[", "\\]"))
}


def _display_math(state, start_line: int, end_line: int, silent: bool) -> bool:
    """A display formula standing as a block: `$$ … $$` or `\\[ … \\]`, on one line or
    several (no blank line inside, as in LaTeX), its number or label after the closing one."""
    if state.sCount[start_line] - state.blkIndent >= 4:  # an indented code block
        return False
    start = state.bMarks[start_line] + state.tShift[start_line]
    opener = state.src[start : start + 2]
    if opener not in _TAIL:
        return False
    tail = _TAIL[opener]
    line, body = start_line, start + 2
    while line < end_line:
        begin = body if line == start_line else state.bMarks[line] + state.tShift[line]
        text = state.src[begin : state.eMarks[line]]
        if line > start_line and not text.strip():
            return False
        m = tail.search(text)
        if m is not None:
            break
        line += 1
    else:
        return False
    if silent:
        return True
    token = state.push("math_block", "math", 0)
    token.block = True
    token.content = state.src[body : begin + m.start()]
    token.markup = opener
    token.meta = {"number": m.group("number"), "id": m.group("id")}
    token.map = [start_line, line + 1]
    state.line = line + 1
    return True


def _next_at_or_after(state, needle: str, pos: int) -> int:
    """Where `needle` next stands in the inline source at or after `pos` (-1: nowhere).

    The positions are found once per source and needle, so asking at every opener of a
    long paragraph stays linear.
    """
    memo = state.env.setdefault("exporter_positions", {})
    key = (id(state.src), needle)
    found = memo.get(key)
    if found is None or found[0] is not state.src:
        positions, at = [], state.src.find(needle)
        while at >= 0:
            positions.append(at)
            at = state.src.find(needle, at + len(needle))
        found = memo[key] = (state.src, positions)
    positions = found[1]
    i = bisect.bisect_left(positions, pos)
    return positions[i] if i < len(positions) else -1
