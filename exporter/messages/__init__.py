"""Messages in the reader's language: findings, the summary line and the web page's words.

The English text is the source (english.py, the gettext msgids, each under its key as the
context); Kazakh and Russian come from gettext catalogs, `<lang>/LC_MESSAGES/exporter.po`,
compiled to the `.mo` files read here with the standard library (`python -m
exporter.messages.update` rebuilds them with Babel). English needs no catalog: it is never loaded.
"""

from __future__ import annotations

import os
import re
from collections.abc import Mapping
from functools import cache
from pathlib import Path

from .english import FINDINGS, TERM_ARGUMENTS, TERMS, WORDS

LANGUAGES = ("kk", "ru", "en")
SOURCE_LANGUAGE = "en"
DOMAIN = "exporter"
FOLDER = Path(__file__).resolve().parent

# Every message by its key (its gettext context): findings, words, and terms as `family.value`.
SOURCE: dict[str, str | tuple[str, str]] = {
    **FINDINGS,
    **WORDS,
    **{f"{family}.{value}": text for family, words in TERMS.items() for value, text in words.items()},
}


# ---- which language ------------------------------------------------------------------------


def language_of(tag: str | None) -> str | None:
    """kk, ru or en for a locale name or a language tag (`ru_RU.UTF-8`, `kk-KZ`, `EN`); else None."""
    if not tag:
        return None
    primary = re.split(r"[-_.@]", tag.strip().lower(), maxsplit=1)[0]
    return primary if primary in LANGUAGES else None


def environment_language(environ: Mapping[str, str] = os.environ) -> str:
    """The language a terminal's locale asks for, read as gettext reads it: the first of LC_ALL,
    LC_MESSAGES, LANG that is set names the locale; under any locale but C/POSIX, GNU's
    LANGUAGE list comes first. English when none of them names kk, ru or en."""
    locale = next((environ[name] for name in ("LC_ALL", "LC_MESSAGES", "LANG") if environ.get(name)), "")
    if not locale or locale in ("C", "POSIX") or locale.startswith("C."):
        return SOURCE_LANGUAGE
    for tag in environ.get("LANGUAGE", "").split(":"):
        if found := language_of(tag):
            return found
    return language_of(locale) or SOURCE_LANGUAGE


def accepted_language(header: str | None) -> str | None:
    """The language of kk, ru, en that an HTTP Accept-Language header prefers (by its q-values,
    then its order, RFC 9110 §12.5.4); None when it names none of them."""
    choices = []
    for order, part in enumerate((header or "").split(",")):
        tag, _, params = part.partition(";")
        weight = re.search(r"q\s*=\s*([^\s;,]*)", params)
        try:
            q = float(weight.group(1)[:8]) if weight else 1.0
        except ValueError:  # a weight no browser writes: the language is not asked for
            q = 0.0
        language = language_of(tag)
        if language and q > 0:
            choices.append((-q, order, language))
    return min(choices)[2] if choices else None


# ---- the catalogs ----------------------------------------------------------------------------


@cache
def catalog(language: str):
    """The compiled catalog of a language (a `gettext.GNUTranslations`); None for English."""
    if language == SOURCE_LANGUAGE:
        return None
    if language not in LANGUAGES:
        raise ValueError(f"no messages in language {language!r} (have {', '.join(LANGUAGES)})")
    import gettext  # only for kk and ru: English never pays for it

    with open(FOLDER / language / "LC_MESSAGES" / f"{DOMAIN}.mo", "rb") as handle:
        return gettext.GNUTranslations(handle)


def template(key: str, language: str, count: int | None = None) -> str:
    """The template of a message in a language; a counted one in the plural form `count` takes."""
    source = SOURCE[key]
    translations = catalog(language)
    if isinstance(source, tuple):
        n = int(count) if count is not None else 1
        if translations is None:
            return source[0] if n == 1 else source[1]
        return translations.npgettext(key, source[0], source[1], n)
    return source if translations is None else translations.pgettext(key, source)


def word(key: str, language: str, **args) -> str:
    """One of the page's or the summary's words (`page.findings`, `summary.errors` with `count`)."""
    return template(key, language, args.get("count")).format(**args)


# ---- findings ----------------------------------------------------------------------------------


_FIELD = re.compile(r"\{([A-Za-z_]\w*)")  # `{label}`, `{character!r}`, `{share:.0%}`


@cache
def needs(key: str) -> frozenset[str]:
    """The arguments a message's English template uses (KeyError for a key with no message);
    findings are checked against it as they are made."""
    source = SOURCE[key]
    names = set(_FIELD.findall(" ".join(source) if isinstance(source, tuple) else source))
    names.discard("allowed")  # made from `min` and `max`, either of which may be absent
    return frozenset(names)


def missing_arguments(key: str, given) -> list[str]:
    """What a finding lacks to be rendered: its key when it has no message, else the arguments
    its template uses and `given` lacks (empty when it is whole)."""
    if key not in SOURCE:
        return [f"no message {key!r} in messages/english.py"]
    return sorted(needs(key) - set(given))


def render(key: str, args: Mapping[str, object], language: str = SOURCE_LANGUAGE) -> str:
    """A finding's message: its key's template in `language` over its arguments, the TERMS among
    them in words of that language. A translation that does not fit its arguments falls back
    to English (the catalog test keeps that from happening)."""
    values = {name: shown(name, value, language) for name, value in args.items()}
    if "min" in args or "max" in args:
        values["allowed"] = allowed(args.get("min"), args.get("max"), language)
    try:
        return template(key, language, args.get("count")).format(**values)
    except (KeyError, IndexError, ValueError):
        if language == SOURCE_LANGUAGE:
            raise
        return render(key, args, SOURCE_LANGUAGE)


def shown(name: str, value: object, language: str) -> object:
    """An argument as its message shows it: a term in words, a list joined, `tables` as phrases."""
    family = TERM_ARGUMENTS.get(name)
    if family is not None:
        items = value if isinstance(value, tuple) else (value,)
        return ", ".join(_term(family, str(item), language) for item in items)
    if name == "tables":  # TXT003: each `written>read`
        pairs = [str(item).partition(">") for item in (value if isinstance(value, tuple) else (value,))]
        return ", ".join(word("tables.pair", language, written=written, read=read) for written, _, read in pairs)
    if isinstance(value, tuple):
        return ", ".join(str(item) for item in value)
    return value


def _term(family: str, value: str, language: str) -> str:
    """A term in words: `journal` → журнал; `author|title` → автор или заглавие."""
    if "|" in value:
        first, _, rest = value.partition("|")
        return word("or", language, first=_term(family, first, language), second=_term(family, rest, language))
    words = TERMS[family]
    if value in words:
        return template(f"{family}.{value}", language)
    return template(f"{family}.*", language) if "*" in words else value


def allowed(low: int | None, high: int | None, language: str) -> str:
    """A venue's range in words: `150–250`, `at least 150`, `at most 250`."""
    if low is not None and high is not None:
        return word("range.between", language, min=low, max=high)
    return word("range.min", language, min=low) if low is not None else word("range.max", language, max=high)
