"""Findings in the reader's language: the catalogs, the choice of language, and a Kazakh, a
Russian and an English reader meeting every finding of the shipped papers.

Expected sentences are written here by hand (how an editor says it), not copied from output;
the rest compares languages with each other (same findings, same places) and checks that no
English is left in a Kazakh or Russian message.
"""

from __future__ import annotations

import ast
import io
import json
import os
import pickle
import re
import zipfile
from pathlib import Path

import pytest
from babel import Locale
from babel.messages.pofile import read_po

from exporter.diagnostics import CODES, Diagnostic
from exporter.messages import (LANGUAGES, SOURCE, accepted_language, catalog, environment_language, language_of, needs, render,
                               template, word)
from exporter.messages.english import FINDINGS, TERM_ARGUMENTS
from exporter.messages.update import placeholders, po_path, stale
from helpers import DEMO, DEMO_BIB, REPO, SEED, run_cli

TRANSLATED = ("kk", "ru")
DEMO_WORD = REPO / "source" / "demo-word.docx"
DEMO_MD = REPO / "source" / "demo-markdown.md"
# The shipped papers as a user checks them: each with what makes its findings appear.
SHIPPED = {
    "kz-china-relations": [str(SEED)],
    "demo-typesetting": [str(DEMO), "--bib", str(DEMO_BIB)],
    "demo-word": [str(DEMO_WORD), "--bib", str(DEMO_BIB)],
    "demo-markdown": [str(DEMO_MD), "--template", "kz-conference"],
}

# Words that are the same in every language: names, formats, identifiers a user types.
TECHNICAL = {
    "DOI", "ISBN", "ISSN", "UTF", "JSON", "CSL", "OLE", "HTML", "RTF", "BibTeX", "bibtexparser", "rispy", "Word", "Symbol",
    "Adobe", "altChunk", "crossref", "id", "type", "date", "parts", "PDF", "DOCX", "LaTeX", "NNNN", "XX", "ER", "bib",
    "APA", "IEEE", "Vancouver", "null", "txt", "md", "docx", "pdf", "TeX",
}


def english_words(text: str, quoted: tuple = ()) -> list[str]:
    """Latin words of `text` that are English prose: not a placeholder, not a quoted value, not TECHNICAL."""
    for value in sorted(quoted, key=len, reverse=True):
        text = text.replace(value, " ")
    text = re.sub(r"\{[^}]*\}|'[^']*'|`[^`]*`|«[^»]*»|U\+[0-9A-F]{4}(?:–[0-9A-F]{4})?|\S+\.(?:bib|txt|md|docx)\b", " ", text)
    return [w for w in re.findall(r"[A-Za-z]{2,}", text) if w not in TECHNICAL]


def po_messages(language: str) -> dict:
    with open(po_path(language), "rb") as handle:
        return {m.context: m for m in read_po(handle, locale=language) if m.id}


# ---- the catalogs ------------------------------------------------------------------------------


def test_compiled_catalogs_are_fresh():
    # The .pot, each .po and each committed .mo are what `python -m exporter.messages.update` writes.
    assert stale() == []


def test_every_code_has_a_message_and_every_message_a_code():
    codes_with_messages = {key.split(".")[0] for key in FINDINGS}
    assert sorted(set(CODES) - codes_with_messages) == []
    assert sorted(codes_with_messages - set(CODES)) == []


@pytest.mark.parametrize("language", TRANSLATED)
def test_every_message_is_translated(language):
    messages = po_messages(language)
    assert sorted(set(SOURCE) - set(messages)) == []  # nothing missing
    assert sorted(set(messages) - set(SOURCE)) == []  # nothing left over
    forms = catalog(language).plural(1), catalog(language).plural(5)
    for key, message in messages.items():
        assert "fuzzy" not in message.flags, key
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        assert all(s.strip() for s in strings), key
        if isinstance(SOURCE[key], tuple):
            assert len(strings) == (3 if language == "ru" else 2) and max(forms) < len(strings), key


@pytest.mark.parametrize("language", TRANSLATED)
def test_translations_use_only_the_arguments_the_english_uses(language):
    for key, message in po_messages(language).items():
        english = set().union(*(placeholders(t) for t in (SOURCE[key] if isinstance(SOURCE[key], tuple) else (SOURCE[key],))))
        for text in message.string if isinstance(message.string, tuple) else (message.string,):
            assert placeholders(text) <= english, (key, text)


@pytest.mark.parametrize("language", TRANSLATED)
def test_no_english_left_in_a_translation(language):
    for key, message in po_messages(language).items():
        for text, source in zip(message.string if isinstance(message.string, tuple) else (message.string,),
                                SOURCE[key] if isinstance(SOURCE[key], tuple) else (SOURCE[key],) * 3):
            assert english_words(text) == [], (key, text)
            names_only = not re.sub(r"\{[^}]*\}|[\W\d_]", "", source)  # `{min}–{max}`: nothing to translate
            proper_name = key in ("style.apa", "style.ieee", "style.vancouver")
            assert text != source or names_only or proper_name, key


def test_findings_of_every_call_site_have_their_message_and_arguments():
    """Each Diagnostic.at / .at_line / Checked.finding call with a written code: its message
    exists, and (when its variant and arguments are written out) the arguments cover what the
    template uses. Calls with computed arguments are checked when the finding is made
    (Diagnostic.__post_init__), which every test run exercises."""
    seen = set()
    for path in sorted((REPO / "exporter").rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr in ("at", "at_line", "finding")):
                continue
            if not (node.args and isinstance(node.args[0], ast.Constant) and isinstance(node.args[0].value, str) and node.args[0].value in CODES):
                continue
            code = node.args[0].value
            keywords = {k.arg: k.value for k in node.keywords}
            variant = keywords.get("variant")
            if node.func.attr == "finding" and len(node.args) > 2:
                variant = node.args[2]
            if variant is not None and not isinstance(variant, ast.Constant):
                continue  # computed: checked when made
            key = f"{code}.{variant.value}" if variant is not None and variant.value else code
            assert key in SOURCE, f"{path.name}:{node.lineno}: {key} has no message"
            seen.add(key)
            if None in keywords:  # **arguments: checked when made
                continue
            given = set(keywords) - {"variant", "context", "page", "paragraph"} | ({"entry"} if node.func.attr == "finding" else set())
            assert needs(key) <= given, f"{path.name}:{node.lineno}: {key} needs {sorted(needs(key) - given)}"
    assert len(seen) > 40


def test_a_finding_whose_message_cannot_be_rendered_is_refused_where_it_is_made():
    with pytest.raises(ValueError, match="CIT003 lacks after"):
        Diagnostic.at_line("CIT003", "p.txt", 1, 1, label="5")
    with pytest.raises(ValueError, match="no message 'REF011.someday'"):
        Diagnostic.at_line("REF011", "p.txt", 1, 1, variant="someday", entry="[1]", year="3000")


# ---- plurals by CLDR -------------------------------------------------------------------------


@pytest.mark.parametrize("language", TRANSLATED)
def test_plural_forms_follow_cldr(language):
    categories = {"ru": ["one", "few", "many"], "kk": ["one", "other"]}[language]
    rule = Locale.parse(language).plural_form
    for n in [*range(0, 250), 1001, 1011, 1021, 1_000_000]:
        assert categories[catalog(language).plural(n)] == rule(n), n


@pytest.mark.parametrize(("n", "expected"), [
    (0, "0 записей"), (1, "1 запись"), (2, "2 записи"), (4, "4 записи"), (5, "5 записей"), (11, "11 записей"), (12, "12 записей"),
    (14, "14 записей"), (21, "21 запись"), (22, "22 записи"), (25, "25 записей"), (101, "101 запись"), (111, "111 записей"),
])
def test_russian_counts_entries_as_a_russian_does(n, expected):
    assert word("summary.entries", "ru", count=n) == expected


def test_kazakh_and_english_counts():
    assert [word("summary.entries", "kk", count=n) for n in (1, 5)] == ["1 жазба", "5 жазба"]
    assert [word("summary.entries", "en", count=n) for n in (0, 1, 2)] == ["0 entries", "1 entry", "2 entries"]
    assert render("VEN006", {"count": 1, "min": 10}) == "the reference list has 1 entry; the venue asks for at least 10"
    assert render("VEN006", {"count": 3, "min": 10, "max": 40}, "ru") == "в списке литературы 3 записи; издание требует от 10 до 40"
    assert render("VEN006", {"count": 41, "max": 40}, "kk") == "әдебиеттер тізімінде 41 жазба; басылым талабы — көп дегенде 40"


def test_terms_are_words_of_the_readers_language():
    args = {"entry": "[4]", "type": "article", "missing": ("author|title", "year", "journal|booktitle")}
    assert render("REF010", args) == "entry [4]: an article without author or title, year, journal or booktitle"
    assert render("REF010", args, "ru") == "запись [4]: статья без обязательных сведений: автор или заглавие, год, журнал или название сборника"
    assert render("REF010", args, "kk") == "[4] жазбасы: мақала үшін міндетті мәлімет жоқ: автор немесе атауы, жылы, журнал немесе жинақ атауы"
    assert render("REF010", {**args, "type": "misc", "missing": ("year",)}, "ru") == "запись [4]: источник без обязательных сведений: год"
    languages = {"language": "kk", "languages": ("kk", "ru", "en")}
    assert render("VEN002", languages) == "no abstract in Kazakh; the venue asks for abstracts in Kazakh, Russian, English"
    assert render("VEN002", languages, "ru") == "нет аннотации на казахском языке; издание требует аннотации на языках: казахском, русском, английском"
    assert render("VEN002", languages, "kk") == "қазақ тілінде аңдатпа жоқ; басылым мына тілдерде аңдатпа талап етеді: қазақ, орыс, ағылшын"


def test_a_librarys_own_words_are_quoted_as_its_own():
    said = {"error": "Expecting value"}
    assert render("BIB002.json", said) == "invalid JSON (Expecting value); the rest of the file is skipped"
    assert render("BIB002.json", said, "ru") == "ошибка в JSON (сообщение разборщика JSON: Expecting value); остаток файла пропущен"
    assert render("BIB002.bibtex", said, "kk").startswith("блокты талдау мүмкін емес (bibtexparser хабары: Expecting value)")


# ---- which language -----------------------------------------------------------------------------


@pytest.mark.parametrize(("environ", "expected"), [
    ({}, "en"),
    ({"LANG": "ru_RU.UTF-8"}, "ru"),
    ({"LANG": "kk_KZ.UTF-8"}, "kk"),
    ({"LANG": "en_GB.UTF-8"}, "en"),
    ({"LANG": "de_DE.UTF-8"}, "en"),  # a language we have no messages in
    ({"LANG": "C.UTF-8"}, "en"),
    ({"LANG": "ru_RU.UTF-8", "LC_MESSAGES": "kk_KZ.UTF-8"}, "kk"),
    ({"LANG": "ru_RU.UTF-8", "LC_MESSAGES": "kk_KZ.UTF-8", "LC_ALL": "en_US.UTF-8"}, "en"),
    ({"LANG": "en_US.UTF-8", "LANGUAGE": "de:ru:en"}, "ru"),  # GNU's list: the first we have
    ({"LANG": "C", "LANGUAGE": "ru"}, "en"),  # as gettext: LANGUAGE is ignored under the C locale
    ({"LANG": "ru_RU@cyrillic"}, "ru"),
])
def test_the_terminals_language(environ, expected):
    assert environment_language(environ) == expected


@pytest.mark.parametrize(("header", "expected"), [
    ("ru-RU,ru;q=0.9,en-US;q=0.8,en;q=0.7", "ru"),
    ("en-US,en;q=0.9", "en"),
    ("de-DE,de;q=0.9,kk;q=0.5,ru;q=0.4", "kk"),
    ("en;q=0.5, kk-KZ", "kk"),  # by weight, not by order
    ("de, fr", None),
    ("ru;q=0", None),
    ("", None),
    (None, None),
    ("*", None),
    ("ru;q=abc", None),
])
def test_accept_language(header, expected):
    assert accepted_language(header) == expected


def test_language_of_tags():
    assert [language_of(t) for t in ("ru_RU.UTF-8", "kk-KZ", "EN", "kk", "de", "", None)] == ["ru", "kk", "en", "kk", None, None, None]


def test_english_never_loads_a_catalog():
    assert catalog("en") is None
    assert template("CIT002", "en") == "entry {entry} is never cited"


# ---- findings as data ----------------------------------------------------------------------------


def _seed_json(*extra: str) -> dict:
    result = run_cli("check", "--json", str(SEED), *extra)
    assert result.returncode == 1, result.stderr
    return json.loads(result.stdout)


def test_json_findings_carry_their_arguments_and_survive_every_crossing():
    report = _seed_json()
    first = report["diagnostics"][0]
    assert first["code"] == "CIT001" and first["variant"] == "no-list" and first["args"] == {"label": "9"}
    out_of_order = next(d for d in report["diagnostics"] if d["code"] == "CIT003")
    assert out_of_order["args"] == {"label": "5", "after": 9}  # [5] after [9], by hand from the seed (316:31)
    for item in report["diagnostics"]:
        d = Diagnostic.from_json(item)
        assert d.to_json() == item  # JSON, the way reports cross the worker pool
        assert pickle.loads(pickle.dumps(d)) == d and hash(d) == hash(Diagnostic.from_json(item))


def test_json_messages_in_the_chosen_language_with_the_same_arguments():
    english, russian = _seed_json(), _seed_json("--lang", "ru")
    assert [(d["code"], d["args"], d["line"], d["column"]) for d in russian["diagnostics"]] == [
        (d["code"], d["args"], d["line"], d["column"]) for d in english["diagnostics"]]
    assert russian["diagnostics"][0]["message"] == "у ссылки [9] нет записи: в статье нет списка литературы"
    assert english["diagnostics"][0]["message"] == "[9] has no entry: there is no reference list"


# ---- a Kazakh, a Russian and an English reader ------------------------------------------------------


def _check_lines(args: list[str], language: str, via: str) -> list[str]:
    if via == "flag":
        result = run_cli("check", *args, "--lang", language)
    else:
        env = {**os.environ, "LANG": {"kk": "kk_KZ.UTF-8", "ru": "ru_RU.UTF-8", "en": "en_US.UTF-8"}[language]}
        result = _run_with_env(["check", *args], env)
    assert result.returncode in (0, 1), result.stderr
    return result.stdout.splitlines()


def _run_with_env(argv: list[str], env: dict):
    import subprocess
    import sys

    env = {**env, "PYTHONPATH": str(REPO), "PYTHONIOENCODING": "utf-8"}
    return subprocess.run([sys.executable, "-m", "exporter", *argv], cwd=REPO, env=env, capture_output=True, text=True, encoding="utf-8", timeout=120)


@pytest.fixture(scope="module")
def english_reports():
    reports = {}
    for name, args in SHIPPED.items():
        result = run_cli("check", "--json", *args)
        assert result.returncode in (0, 1), result.stderr
        reports[name] = json.loads(result.stdout)
    assert sum(len(r["diagnostics"]) for r in reports.values()) >= 17  # 12 + 1 + 2 + 3, by hand
    return reports


@pytest.mark.parametrize("via", ["flag", "LANG"])
@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("paper", SHIPPED)
def test_every_finding_of_the_shipped_papers_in_the_readers_language(paper, language, via, english_reports):
    report = english_reports[paper]
    lines = _check_lines(SHIPPED[paper], language, via)
    findings, summary = lines[:-1], lines[-1]
    assert len(findings) == len(report["diagnostics"])
    for line, item in zip(findings, report["diagnostics"]):
        where, code_part, message = re.match(r"(.*?): (\w+\[\w+\]): (.*)", line).groups()
        assert code_part == f"{item['severity']}[{item['code']}]"  # the same finding at the same place
        assert where == Diagnostic.from_json(item).where
        if language == "en":
            assert message == item["message"]
        else:
            values = tuple(str(v) for value in item["args"].values() for v in (value if isinstance(value, list) else [value]))
            assert message != item["message"] and english_words(message, values) == [], line
            assert re.search("[а-яәіңғүұқөһ]", message), line
    assert summary.startswith(report["file"] + ": ")
    assert english_words(summary.split(": ", 1)[1]) == [] or language == "en"


# By hand: what each reader is told about the shipped papers' findings.
EXPECTED_LINES = {
    ("kz-china-relations", "kk"): [
        "source/kz-china-relations.txt:283:17: error[CIT001]: [9] сілтемесінің жазбасы жоқ: мақалада әдебиеттер тізімі жоқ",
        "source/kz-china-relations.txt:316:31: warning[CIT003]: [5] сілтемесі алғаш рет [9] сілтемесінен кейін кездеседі: дереккөздерді мәтінде алғаш аталу ретімен нөмірлеңіз",
        "source/kz-china-relations.txt:601:1: warning[REF001]: мақалада дереккөздерге сілтемелер бар, бірақ әдебиеттер тізімі жоқ (--bib файлы да берілмеген)",
        "source/kz-china-relations.txt: 8 сілтеме, жазбасы барлары: 0, жазбасы жоқ 7 белгі (1, 2, 5, 9, 11, 12, 13), 0 жазба, 8 қате, 4 ескерту",
    ],
    ("kz-china-relations", "ru"): [
        "source/kz-china-relations.txt:283:17: error[CIT001]: у ссылки [9] нет записи: в статье нет списка литературы",
        "source/kz-china-relations.txt:316:31: warning[CIT003]: ссылка [5] впервые встречается после [9]: нумеруйте источники в порядке первого упоминания в тексте",
        "source/kz-china-relations.txt:601:1: warning[REF001]: в статье есть ссылки на источники, но нет списка литературы (и файл --bib не указан)",
        "source/kz-china-relations.txt: 8 ссылок, с записью: 0, 7 меток без записи (1, 2, 5, 9, 11, 12, 13), 0 записей, 8 ошибок, 4 предупреждения",
    ],
    ("demo-typesetting", "ru"): [
        "source/demo-typesetting.txt:31:1: note[REF002]: собственный список литературы статьи (6 записей) не используется: взят файл references/demo-typesetting.bib",
        "source/demo-typesetting.txt: 8 ссылок, с записью: 8, 0 меток без записи, 6 записей, 0 ошибок, 0 предупреждений",
    ],
    ("demo-word", "kk"): [
        "references/demo-typesetting.bib:50:1: warning[CIT002]: 'goedel1931' [6] жазбасына мәтінде бірде-бір сілтеме жоқ",
        "source/demo-word.docx:¶11:1: note[REF002]: мақаланың өз әдебиеттер тізімі (5 жазба) қолданылмайды: references/demo-typesetting.bib файлы алынды",
    ],
    ("demo-markdown", "ru"): [
        "source/demo-markdown.md:40:1: warning[REF015]: запись [1]: у электронного ресурса нет даты обращения (ГОСТ: «(дата обращения: ДД.ММ.ГГГГ)»)",
    ],
    ("demo-markdown", "kk"): [
        "source/demo-markdown.md:40:1: warning[REF015]: [1] жазбасы: электрондық ресурстың қаралған күні көрсетілмеген (МЕМСТ: «(қаралған күні: КК.АА.ЖЖЖЖ)»)",
    ],
}


@pytest.mark.parametrize(("paper", "language"), list(EXPECTED_LINES))
def test_what_the_reader_is_told(paper, language):
    args = [str(Path(a).relative_to(REPO)) if a.startswith(str(REPO)) else a for a in SHIPPED[paper]]
    result = run_cli("check", *args, "--lang", language)
    for line in EXPECTED_LINES[(paper, language)]:
        assert line in result.stdout.splitlines()


# ---- the annotated DOCX ---------------------------------------------------------------------------


def _comments(path: Path) -> list[str]:
    import docx

    return [c.text for c in docx.Document(str(path)).comments]


@pytest.mark.parametrize(("language", "expected"), [
    (None, "REF002: the paper's own list of 5 entries is ignored: references/demo-typesetting.bib is used"),  # the paper is English
    ("ru", "REF002: собственный список литературы статьи (5 записей) не используется: взят файл references/demo-typesetting.bib"),
    ("kk", "REF002: мақаланың өз әдебиеттер тізімі (5 жазба) қолданылмайды: references/demo-typesetting.bib файлы алынды"),
    ("en", "REF002: the paper's own list of 5 entries is ignored: references/demo-typesetting.bib is used"),
])
def test_annotated_docx_in_the_readers_language(tmp_path, language, expected):
    out = tmp_path / "checked.docx"
    argv = ["annotate", "source/demo-word.docx", "--bib", "references/demo-typesetting.bib", "--out", str(out)] + (["--lang", language] if language else [])
    result = run_cli(*argv)
    assert result.returncode == 0, result.stderr
    assert _comments(out) == [expected]  # CIT002 is about the .bib file: no place in the paper


def test_annotate_follows_the_paper_not_the_terminal(tmp_path):
    out = tmp_path / "checked.docx"
    result = _run_with_env(["annotate", "source/demo-word.docx", "--bib", "references/demo-typesetting.bib", "--out", str(out)],
                           {**os.environ, "LANG": "ru_RU.UTF-8"})
    assert result.returncode == 0, result.stderr
    assert _comments(out)[0].startswith("REF002: the paper's own list")
    assert b"w:comment " in zipfile.ZipFile(out).read("word/comments.xml")


# ---- the web page ---------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def client(tmp_path_factory):
    from starlette.testclient import TestClient

    from exporter.web.app import create_app

    with TestClient(create_app(workers=1, scratch=str(tmp_path_factory.mktemp("scratch")))) as c:
        yield c


def _page_findings(page: str) -> list[str]:
    import html

    items = re.findall(r'<span class="sev">[^<]*</span> (.*?)\s*<span class="where">', page, re.S)
    return [html.unescape(i) for i in items]


def _upload(paper: str) -> dict:
    args = SHIPPED[paper]
    files = {"source": (Path(args[0]).name, Path(args[0]).read_bytes())}
    if "--bib" in args:
        bib = Path(args[args.index("--bib") + 1])
        files["bib"] = (bib.name, bib.read_bytes())
    return files


@pytest.mark.parametrize("via", ["accept-language", "choice"])
@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("paper", ["kz-china-relations", "demo-typesetting", "demo-word"])
def test_web_page_in_the_readers_language(client, paper, language, via):
    if via == "choice":  # the page's own choice wins over the browser's
        r = client.post("/check", files=_upload(paper), data={"lang": language}, headers={"Accept-Language": "de-DE,de"})
    else:
        r = client.post("/check", files=_upload(paper), headers={"Accept-Language": f"{language};q=0.9,de;q=0.5"})
    assert r.status_code == 200, r.text
    page = r.text
    assert f'<html lang="{language}">' in page
    api = client.post("/api/check", files=_upload(paper), headers={"Accept-Language": language}).json()
    assert _page_findings(page) == [Diagnostic.from_json(d).shown(language) for d in api["diagnostics"]]
    cli = run_cli("check", "--json", "--lang", language, *SHIPPED[paper])
    assert [(d["code"], d["message"], d["args"]) for d in api["diagnostics"]] == [
        (d["code"], d["message"].replace(str(DEMO_BIB), DEMO_BIB.name), {k: (DEMO_BIB.name if v == str(DEMO_BIB) else v) for k, v in d["args"].items()})
        for d in json.loads(cli.stdout)["diagnostics"]]
    findings_heading = {"kk": "Табылған мәселелер", "ru": "Замечания", "en": "Findings"}[language]
    assert f"{findings_heading} ({len(api['diagnostics'])})" in page


def test_web_form_offers_the_languages_and_keeps_the_choice(client):
    page = client.get("/", headers={"Accept-Language": "ru-RU,ru;q=0.9"}).text
    assert '<html lang="ru">' in page and "Проверка ссылок в статье" in page and 'name="lang"' not in page
    chosen = client.get("/?lang=kk", headers={"Accept-Language": "ru-RU,ru;q=0.9"}).text
    assert '<html lang="kk">' in chosen and "Мақаладағы сілтемелерді тексеру" in chosen
    assert '<input type="hidden" name="lang" value="kk">' in chosen
    assert 'href="/?lang=ru"' in chosen and 'href="/?lang=en"' in chosen
    assert client.get("/").text.count('<html lang="en">') == 1  # no choice, no header: English
    assert client.get("/?lang=de").status_code == 400


def test_web_page_without_a_language_speaks_the_papers(client):
    page = client.post("/check", files=_upload("kz-china-relations")).text
    assert '<html lang="kk">' in page and "[9] сілтемесінің жазбасы жоқ: мақалада әдебиеттер тізімі жоқ" in page


def test_web_downloads_keep_the_choice(client):
    page = client.post("/check", files=_upload("kz-china-relations"), data={"lang": "ru"}).text
    fields = dict(re.findall(r'<input type="hidden" name="(\w+)" value="([^"]*)"', page))
    assert fields["lang"] == "ru"
    report = client.post("/download", data={**fields, "to": "json"}, files={"": ("", b"")}).json()
    assert report["diagnostics"][0]["message"] == "у ссылки [9] нет записи: в статье нет списка литературы"


def test_web_annotated_docx_in_the_papers_language_unless_chosen(client):
    files = _upload("demo-word")
    for data, start in (({}, "REF002: the paper's own list"), ({"lang": "ru"}, "REF002: собственный список")):
        page = client.post("/check", files=files, data=data).text
        fields = dict(re.findall(r'<input type="hidden" name="(\w+)" value="([^"]*)"', page))
        r = client.post("/download", data={**fields, "to": "annotated"}, files={"": ("", b"")}, headers={"Accept-Language": "kk"})
        assert r.status_code == 200
        import docx

        comments = [c.text for c in docx.Document(io.BytesIO(r.content)).comments]
        assert len(comments) == 1 and comments[0].startswith(start)


# ---- build and volume -----------------------------------------------------------------------------


def test_build_prints_and_reports_in_the_chosen_language(tmp_path):
    result = run_cli("build", str(SEED), "--to", "latex", "--out", str(tmp_path), "--lang", "kk")
    assert result.returncode == 0, result.stderr
    assert f"{SEED}:283:17: error[CIT001]: [9] сілтемесінің жазбасы жоқ: мақалада әдебиеттер тізімі жоқ" in result.stdout.splitlines()
    report = json.loads((tmp_path / "kz-china-relations.report.json").read_text(encoding="utf-8"))
    assert report["diagnostics"][0]["message"] == "[9] сілтемесінің жазбасы жоқ: мақалада әдебиеттер тізімі жоқ"
    assert report["diagnostics"][0]["args"] == {"label": "9"}


def test_volume_report_in_the_terminals_language(tmp_path):
    result = _run_with_env(["volume", str(SEED), "--out", str(tmp_path), "--jobs", "1"], {**os.environ, "LANG": "ru_RU.UTF-8"})
    assert result.returncode == 0, result.stderr
    (paper,) = json.loads((tmp_path / "volume.report.json").read_text(encoding="utf-8"))["papers"]
    assert paper["report"]["diagnostics"][0]["message"] == "у ссылки [9] нет записи: в статье нет списка литературы"
