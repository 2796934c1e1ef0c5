"""The HTTP API and the report page, in process (Starlette's TestClient; the worker pools are real).

Expected values come from the CLI on the same files (the API must be the CLI's pipeline) and,
for the seed, from its text by hand (labels 1, 2, 5, 9, 11, 12, 13 unresolved; no list).
"""

from __future__ import annotations

import base64
import os
import signal
import time
import json
import re
import shutil
from pathlib import Path

import pytest
from starlette.testclient import TestClient

from exporter.web.app import MAX_UPLOAD, create_app
from helpers import DEMO, DEMO_BIB, SEED, run_cli


@pytest.fixture(scope="module")
def scratch(tmp_path_factory):
    return tmp_path_factory.mktemp("scratch")


@pytest.fixture(scope="module")
def client(scratch):
    with TestClient(create_app(workers=1, scratch=str(scratch))) as c:
        yield c


@pytest.fixture(autouse=True)
def nothing_is_kept(scratch):
    """Every test ends with no request folder left behind, whatever its requests did."""
    yield
    assert list(scratch.iterdir()) == []


def _cli_json(tmp_path, *files):
    """`check --json` run where the files carry their bare names, as the upload shows them."""
    for f in files:
        shutil.copyfile(f, tmp_path / f.name)
    args = [files[0].name] + (["--bib", files[1].name] if len(files) > 1 else [])
    result = run_cli("check", *args, "--json", cwd=tmp_path)
    return json.loads(result.stdout)


def test_api_check_is_the_cli_object(client, tmp_path):
    r = client.post("/api/check", files={"source": (SEED.name, SEED.read_bytes(), "text/plain")})
    assert r.status_code == 200 and r.headers["content-type"] == "application/json"
    report = r.json()
    assert report == _cli_json(tmp_path, SEED)
    assert report["file"] == "kz-china-relations.txt"
    assert report["unresolved"] == ["1", "2", "5", "9", "11", "12", "13"]
    assert [d["code"] for d in report["diagnostics"]].count("CIT001") == 8


def test_api_check_with_a_bib(client, tmp_path):
    r = client.post("/api/check", files={"source": (DEMO.name, DEMO.read_bytes()), "bib": (DEMO_BIB.name, DEMO_BIB.read_bytes())})
    assert r.status_code == 200
    report = r.json()
    assert report == _cli_json(tmp_path, DEMO, DEMO_BIB)
    assert report["bibliography"] == "demo-typesetting.bib" and report["unresolved"] == []


@pytest.mark.parametrize("to, media, magic", [
    ("pdf", "application/pdf", b"%PDF-"),
    ("docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", b"PK\x03\x04"),
    ("latex", "application/x-tex", b"\\documentclass"),
    ("html", "text/html", b"<!DOCTYPE html>"),
])
def test_api_build_gives_the_clis_edition(client, tmp_path, to, media, magic):
    r = client.post(f"/api/build?to={to}&template=kz-conference", files={"source": (SEED.name, SEED.read_bytes())})
    assert r.status_code == 200
    assert r.headers["content-type"].split(";")[0] == media
    suffix = {"pdf": ".pdf", "docx": ".docx", "latex": ".tex", "html": ".html"}[to]
    assert r.headers["content-disposition"] == f"attachment; filename=\"kz-china-relations{suffix}\"; filename*=UTF-8''kz-china-relations{suffix}"
    assert magic in r.content[:2000]
    # The same bytes as `exporter build` of a file of that name (builds are deterministic).
    shutil.copyfile(SEED, tmp_path / SEED.name)
    assert run_cli("build", SEED.name, "--to", to, "--out", "out", cwd=tmp_path).returncode == 0
    assert r.content == (tmp_path / "out" / f"kz-china-relations{suffix}").read_bytes()


def test_download_form_resends_the_upload(client):
    """The report page's download buttons post the upload back (base64): the same edition."""
    page = client.post("/check", files={"source": (SEED.name, SEED.read_bytes())}).text
    fields = dict(re.findall(r'<input type="hidden" name="(\w+)" value="([^"]*)">', page))
    assert base64.b64decode(fields["source_data"]) == SEED.read_bytes() and fields["source_name"] == SEED.name
    r = client.post("/download", data={**fields, "to": "json", "template": "article"}, files={"": ("", b"")})
    assert r.status_code == 200 and r.headers["content-type"] == "application/json"
    assert "kz-china-relations.report.json" in r.headers["content-disposition"]
    assert json.loads(r.content) == client.post("/api/check", files={"source": (SEED.name, SEED.read_bytes())}).json()
    latex = client.post("/download", data={**fields, "to": "latex", "template": "article"}, files={"": ("", b"")})
    direct = client.post("/api/build?to=latex&template=article", files={"source": (SEED.name, SEED.read_bytes())})
    assert latex.status_code == 200 and latex.content == direct.content


def test_report_page_of_the_seed(client):
    r = client.post("/check", files={"source": (SEED.name, SEED.read_bytes())}, data={"template": "kz-conference"})
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/html")
    page = r.text
    assert '<html lang="kk">' in page
    assert len(re.findall(r'class="finding" data-code="CIT001" data-severity="error"', page)) == 8
    assert re.findall(r'<mark class="label missing" data-label="(\w+)"', page) == ["9", "5", "11", "12", "13", "13", "1", "2"]
    # no language chosen, none accepted: the page speaks the paper's language, its summary too
    assert "kz-china-relations.txt: 8 сілтеме, жазбасы барлары: 0, жазбасы жоқ 7 белгі (1, 2, 5, 9, 11, 12, 13), 0 жазба, 8 қате, 4 ескерту" in page
    assert "ҚАЗАҚСТАН МЕН ҚЫТАЙ ҚАРЫМ-ҚАТЫНАСЫ" in page and "Әдебиеттер тізімі" in page
    # Every finding links to an element of the page.
    for target in re.findall(r'<li class="finding"[^>]*>\s*<a href="#([^"]+)"', page):
        assert f'id="{target}"' in page
    for kind in ("pdf", "docx", "latex", "html", "json"):
        assert f'id="download-{kind}"' in page
    assert 'id="download-annotated"' not in page  # a text source has no annotated DOCX


def test_report_page_in_russian_links_resolved_citations(client):
    # A small Russian paper, written for this test: [1] has its entry, [2] has none.
    paper = ("О РАЗВИТИИ СВЯЗЕЙ\n\nИванов Иван\n\nСвязи между странами развивались быстро и охватывали торговлю, науку и культуру [1]. "
             "Однако многие вопросы остаются открытыми и требуют дальнейшего изучения [2].\n\n"
             "Список литературы\n\n1. Петров П. П. История связей. – М.: Наука, 2001. – 200 с.\n")
    r = client.post("/check", files={"source": ("статья.txt", paper.encode("utf-8"))})
    assert r.status_code == 200
    page = r.text
    assert '<html lang="ru">' in page and "Замечания" in page and "Скачать" in page
    ok = re.findall(r'<a class="label ok" href="#([^"]+)" title="([^"]+)">1</a>', page)
    assert len(ok) == 1 and "Петров П. П. История связей" in ok[0][1] and f'id="{ok[0][0]}"' in page
    assert re.findall(r'<mark class="label missing" data-label="(\w+)"', page) == ["2"]


@pytest.mark.parametrize("name, data, message", [
    ("photo.png", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(64), "is a PNG image, not text"),
    ("empty.txt", b"", "is empty"),
    ("archive.zip", b"PK\x03\x04" + bytes(60), None),
])
def test_not_a_paper_gives_the_clis_line(client, tmp_path, name, data, message):
    (tmp_path / name).write_bytes(data)
    cli = run_cli("check", name, cwd=tmp_path)
    assert cli.returncode == 2
    line = cli.stderr.strip()
    if message:
        assert line == f"exporter: error: {name}: {message}"
    api = client.post("/api/check", files={"source": (name, data)})
    assert api.status_code == 422 and api.json() == {"error": line}
    page = client.post("/check", files={"source": (name, data)})
    assert page.status_code == 422 and f'<p class="error-line" id="error">{line}</p>' in page.text
    assert "Traceback" not in page.text


def test_no_file_and_bad_parameters(client):
    assert client.post("/check", data={"template": "article"}, files={"": ("", b"")}).status_code == 400
    assert client.post("/api/check", content=b"hello", headers={"content-type": "text/plain"}).status_code == 400
    r = client.post("/api/build?to=exe", files={"source": (SEED.name, SEED.read_bytes())})
    assert r.status_code == 400 and "unknown edition 'exe'" in r.json()["error"]
    r = client.post("/api/build?to=pdf&template=../../etc", files={"source": (SEED.name, SEED.read_bytes())})
    assert r.status_code == 400 and "unknown template" in r.json()["error"]


def test_uploads_over_20_mb_are_refused(client):
    big = b"a" * (MAX_UPLOAD + 1)
    r = client.post("/check", files={"source": ("big.txt", big)})
    assert r.status_code == 413 and "larger than 20 MB" in r.text and "<html" in r.text
    assert client.post("/api/check", files={"source": ("big.txt", big)}).status_code == 413

    def chunks():  # no Content-Length: counted as it streams
        yield b"--x\r\nContent-Disposition: form-data; name=\"source\"; filename=\"big.txt\"\r\n\r\n"
        for _ in range(21):
            yield b"a" * (1024 * 1024)
        yield b"\r\n--x--\r\n"

    r = client.post("/api/check", content=chunks(), headers={"content-type": "multipart/form-data; boundary=x"})
    assert r.status_code == 413


def test_client_names_are_never_paths(client, tmp_path, scratch):
    name = "../../escape/Мақала.txt"
    r = client.post("/api/check", files={"source": (name, SEED.read_bytes())})
    assert r.status_code == 200 and r.json()["file"] == "Мақала.txt"
    assert not (scratch.parent / "escape").exists() and not (tmp_path / "escape").exists()
    r = client.post("/api/build?to=latex", files={"source": ("a/b/Мақала.txt", SEED.read_bytes())})
    assert r.headers["content-disposition"] == "attachment; filename=\"______.tex\"; filename*=UTF-8''%D0%9C%D0%B0%D2%9B%D0%B0%D0%BB%D0%B0.tex"


def test_form_page(client):
    page = client.get("/").text
    assert re.search(r'<input type="file" id="source" name="source"', page)
    assert re.search(r'<input type="file" id="bib" name="bib"', page)
    assert re.findall(r'<option value="([\w-]+)"', page) == ["article", "ieee-conference", "kz-conference", "kz-journal", "springer-lncs"]
    assert '<option value="kz-conference" selected>' in page


# A paper with true entry findings (REF010: articles printed without pages); the reference
# tagger reads ru_frolovskaya_particle_filter's one finding away (its entry has `pp.II-786`).
CORPUS_DOCX = Path("/work/shared/corpus/docx/ru_zhilyakov_tracking.docx")


@pytest.mark.skipif(not CORPUS_DOCX.exists(), reason="the development corpus is not on this machine")
def test_a_docx_upload_offers_its_annotated_copy(client, tmp_path):
    data = CORPUS_DOCX.read_bytes()
    page = client.post("/check", files={"source": (CORPUS_DOCX.name, data)})
    assert page.status_code == 200 and '<html lang="ru">' in page.text and 'id="download-annotated"' in page.text
    # Each finding links to an element of the page; one about an entry of the list, to that entry.
    entries = set(re.findall(r'<li id="([^"]+)" value="\d+">', page.text))
    links = re.findall(r'<li class="finding" data-code="(\w+)"[^>]*>\s*<a href="#([^"]+)"', page.text)
    for code, target in links:
        assert f'id="{target}"' in page.text
        if code.startswith("REF01"):  # REF010-REF017: checks of an entry
            assert target in entries
    assert any(code.startswith("REF01") for code, _ in links)
    fields = dict(re.findall(r'<input type="hidden" name="(\w+)" value="([^"]*)">', page.text))
    r = client.post("/download", data={**fields, "to": "annotated", "template": "article"}, files={"": ("", b"")})
    assert r.status_code == 200 and r.content[:4] == b"PK\x03\x04"
    assert "ru_zhilyakov_tracking.checked.docx" in r.headers["content-disposition"]
    shutil.copyfile(CORPUS_DOCX, tmp_path / CORPUS_DOCX.name)
    cli = run_cli("annotate", CORPUS_DOCX.name, "--out", "checked.docx", cwd=tmp_path)
    assert cli.returncode in (0, 1), cli.stderr
    assert r.content == (tmp_path / "checked.docx").read_bytes()


def test_a_bibliography_named_by_the_upload_is_never_opened(client):
    """A Markdown paper may name its .bib file; on the server that name must not open a file."""
    paper = "---\ntitle: Test\nbibliography: /etc/passwd\n---\n\nText [@root] and more text here.\n"
    r = client.post("/api/check", files={"source": ("paper.md", paper.encode())})
    assert r.status_code == 200, r.text
    report = r.json()
    assert report["bibliography"] is None and "passwd" not in r.text
    assert report["unresolved"] == ["@root"]


def _forkserver_workers() -> set[int]:
    """Worker processes under this test process (children of multiprocessing's fork server)."""
    me, found = os.getpid(), set()
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                ppid = int((entry / "stat").read_text().rsplit(")", 1)[1].split()[1])
                grand = int((Path("/proc") / str(ppid) / "stat").read_text().rsplit(")", 1)[1].split()[1])
            except (OSError, ValueError):
                continue
            if grand == me:
                found.add(int(entry.name))
    return found


def test_a_dead_worker_costs_one_request(tmp_path):
    before = _forkserver_workers()
    with TestClient(create_app(workers=1, scratch=str(tmp_path))) as own:
        mine = _forkserver_workers() - before
        assert len(mine) == 2  # one for checks, one for builds
        for pid in mine:
            os.kill(pid, signal.SIGKILL)
        time.sleep(0.5)
        first = own.post("/api/check", files={"source": (SEED.name, SEED.read_bytes())})
        assert first.status_code in (200, 500) and "Traceback" not in first.text
        again = own.post("/api/check", files={"source": (SEED.name, SEED.read_bytes())})
        assert again.status_code == 200 and again.json()["unresolved"] == ["1", "2", "5", "9", "11", "12", "13"]
    assert list(tmp_path.iterdir()) == []
