"""The web page in a real browser: Debian's Chromium, headless, driven by Selenium through
chromium-driver, against `exporter serve` started on a free loopback port.

`EXPORTER_README_SCREENSHOT=docs/report-page.png pytest tests/test_web_browser.py -k screenshot`
also writes the README's picture of the report page (made from the shipped paper).
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

from helpers import REPO, SEED

CHROMIUM, DRIVER = "/usr/bin/chromium", "/usr/bin/chromedriver"
pytestmark = pytest.mark.skipif(not (os.path.exists(CHROMIUM) and os.path.exists(DRIVER)), reason="Debian's chromium and chromium-driver are installed by .ci/setup")

# By hand from the seed: its citations are [9] (283), [5] (316), [11] (356), [12] (396),
# [13] (473, 478), [1] (486), [2] (506); it has no reference list.
SEED_LABELS = ["9", "5", "11", "12", "13", "13", "1", "2"]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    """`exporter serve` in a subprocess; its request folders go to a scratch folder we watch."""
    scratch = tmp_path_factory.mktemp("scratch")
    port = _free_port()
    env = dict(os.environ, PYTHONPATH=str(REPO), TMPDIR=str(scratch))
    proc = subprocess.Popen([sys.executable, "-m", "exporter", "serve", "--port", str(port), "--workers", "1"], cwd=REPO, env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.5).close()
            break
        except OSError:
            if proc.poll() is not None:
                pytest.fail(f"server exited: {proc.stdout.read().decode()}")
            time.sleep(0.1)
    else:
        proc.kill()
        pytest.fail("server did not start")
    yield {"url": f"http://127.0.0.1:{port}", "scratch": scratch, "port": port}
    proc.terminate()
    try:
        proc.wait(10)
    except subprocess.TimeoutExpired:
        proc.kill()


@pytest.fixture(scope="module")
def browser(tmp_path_factory):
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    profile, downloads = tmp_path_factory.mktemp("profile"), tmp_path_factory.mktemp("downloads")
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for arg in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--no-first-run", f"--user-data-dir={profile}", "--window-size=1440,1000",
                "--lang=en-US"):
        options.add_argument(arg)
    options.add_experimental_option("prefs", {"download.default_directory": str(downloads), "download.prompt_for_download": False,
                                              "plugins.always_open_pdf_externally": True})
    driver = webdriver.Chrome(service=Service(DRIVER), options=options)
    driver.downloads = downloads
    yield driver
    driver.quit()


def _upload(driver, url: str, path: Path) -> None:
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import WebDriverWait

    driver.get(url + "/")
    driver.find_element(By.CSS_SELECTOR, "input[type=file][name=source]").send_keys(str(path))
    driver.find_element(By.CSS_SELECTOR, "form.upload button[type=submit]").click()
    WebDriverWait(driver, 30).until(lambda d: d.find_elements(By.CSS_SELECTOR, ".finding, #error"))


@pytest.fixture(scope="module")
def report(server, browser):
    _upload(browser, server["url"], SEED)
    return browser


def test_form_lists_the_venues(server, browser):
    from selenium.webdriver.common.by import By

    browser.get(server["url"] + "/")
    options = [o.get_attribute("value") for o in browser.find_elements(By.CSS_SELECTOR, "select[name=template] option")]
    assert sorted(options) == ["article", "ieee-conference", "kz-conference", "kz-journal", "springer-lncs"]
    assert browser.find_element(By.CSS_SELECTOR, "input[type=file][name=bib]")


def test_unresolved_labels_are_marked_by_colour_and_symbol(report):
    from selenium.webdriver.common.by import By

    marks = report.find_elements(By.CSS_SELECTOR, "article.paper .cite mark.label.missing")
    assert [m.get_attribute("data-label") for m in marks] == SEED_LABELS
    assert len({m.get_attribute("data-label") for m in marks}) == 7
    body_colour = report.execute_script("return getComputedStyle(document.querySelector('article.paper p')).color")
    for mark in marks:
        assert mark.text.startswith("⚠")  # a symbol, not colour alone
        assert mark.value_of_css_property("color") != body_colour
    assert report.find_elements(By.CSS_SELECTOR, "article.paper .cite a.label.ok") == []


def test_findings_and_summary(report):
    from selenium.webdriver.common.by import By

    findings = report.find_elements(By.CSS_SELECTOR, ".finding")
    codes = [f.get_attribute("data-code") for f in findings]
    assert codes.count("CIT001") == 8 and codes.count("CIT003") == 3 and codes.count("REF001") == 1
    assert {f.get_attribute("data-severity") for f in findings if f.get_attribute("data-code") == "CIT001"} == {"error"}
    assert report.find_element(By.ID, "summary").text == (
        "kz-china-relations.txt: 8 citations, 0 resolved, 7 unresolved labels (1, 2, 5, 9, 11, 12, 13), 0 entries, 8 errors, 4 warnings")
    # The browser asks for English (--lang=en-US): the page speaks it; the paper stays Kazakh.
    assert report.find_element(By.TAG_NAME, "html").get_attribute("lang") == "en"
    assert report.find_element(By.ID, "paper").get_attribute("lang") == "kk"
    assert [h.text for h in report.find_elements(By.CSS_SELECTOR, "aside.findings h2")] == ["Download", "Findings (12)"]


def test_a_findings_link_scrolls_to_its_citation(report):
    from selenium.webdriver.common.by import By

    # [11] stands at 356:76 of the seed.
    (finding,) = [f for f in report.find_elements(By.CSS_SELECTOR, ".finding") if f.text.endswith(":356:76")]
    assert finding.get_attribute("data-code") == "CIT001"
    report.execute_script("window.scrollTo(0, 0)")
    finding.find_element(By.TAG_NAME, "a").click()
    target = report.execute_script("return document.querySelector(':target')")
    assert target is not None and target.text == "[⚠11]"
    top, bottom, height = report.execute_script("const r = arguments[0].getBoundingClientRect(); return [r.top, r.bottom, window.innerHeight]", target)
    assert 0 <= top and bottom <= height  # in view


def test_download_the_pdf_edition(report):
    from pypdf import PdfReader
    from selenium.webdriver.common.by import By

    report.find_element(By.ID, "download-pdf").click()
    target = report.downloads / "kz-china-relations.pdf"
    deadline = time.monotonic() + 60
    while not target.exists() and time.monotonic() < deadline:
        time.sleep(0.2)
    assert target.read_bytes()[:5] == b"%PDF-"
    text = PdfReader(target).pages[0].extract_text()
    assert "ҚАЗАҚСТАН МЕН ҚЫТАЙ" in text and "Жахан Жанар" in text


def test_download_the_html_edition(report):
    """Beside DOCX, PDF and LaTeX the page offers the HTML edition (`build --to html`): one page
    with the paper's title, authors and text, its unresolved citations flagged."""
    from selenium.webdriver.common.by import By

    button = report.find_element(By.ID, "download-html")
    assert button.text == "HTML edition"  # the page speaks English to this browser
    button.click()
    target = report.downloads / "kz-china-relations.html"
    deadline = time.monotonic() + 60
    while not target.exists() and time.monotonic() < deadline:
        time.sleep(0.2)
    page = target.read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>") and '<html lang="kk-KZ">' in page
    assert "ҚАЗАҚСТАН МЕН ҚЫТАЙ" in page and "Жахан Жанар" in page
    report.get(target.as_uri())  # and it opens as a page, the paper's text in it
    assert "ҚАЗАҚСТАН МЕН ҚЫТАЙ" in report.find_element(By.TAG_NAME, "body").text
    report.back()


def test_screenshot_of_the_report_page(report, tmp_path):
    from selenium.webdriver.common.by import By

    # Shown as a reader would see it after following the first finding: the citation in view.
    report.find_element(By.CSS_SELECTOR, ".finding a").click()
    shot = tmp_path / "report-page.png"
    assert report.save_screenshot(str(shot))
    assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and shot.stat().st_size > 20_000
    if os.environ.get("EXPORTER_README_SCREENSHOT"):
        shutil.copyfile(shot, REPO / os.environ["EXPORTER_README_SCREENSHOT"])


def test_a_png_is_refused_with_the_clis_line(server, browser, tmp_path):
    from selenium.webdriver.common.by import By

    png = tmp_path / "photo.png"
    png.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(64))
    _upload(browser, server["url"], png)
    assert browser.find_element(By.ID, "error").text == "exporter: error: photo.png: is a PNG image, not text"
    assert "Traceback" not in browser.page_source


def test_nothing_is_kept_even_when_the_client_leaves(server):
    """A request sent whole and abandoned while its build runs: its folder is still removed (and
    the build stopped: the server notices the client leaving)."""
    body = SEED.read_bytes()
    boundary = "b0undary"
    payload = (f"--{boundary}\r\nContent-Disposition: form-data; name=\"source\"; filename=\"kz.txt\"\r\n\r\n".encode()
               + body + f"\r\n--{boundary}--\r\n".encode())
    head = (f"POST /api/build?to=pdf HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: multipart/form-data; boundary={boundary}\r\n"
            f"Content-Length: {len(payload)}\r\n\r\n").encode()
    def folders() -> list:
        while True:
            try:
                return list(server["scratch"].glob("**/exporter-web-*"))
            except FileNotFoundError:  # the server removed a folder while the glob walked into it: look again
                continue
    seen = False
    with socket.create_connection(("127.0.0.1", server["port"])) as conn:
        conn.sendall(head + payload)
        deadline = time.monotonic() + 30
        while not seen and time.monotonic() < deadline:  # the folder appears while the build runs
            seen = bool(folders())
            time.sleep(0.01)
    deadline = time.monotonic() + 30
    while folders() and time.monotonic() < deadline:  # the client left: the folder goes
        time.sleep(0.05)
    assert seen and folders() == []


def _processes_with(marker: str) -> list[int]:
    """Processes whose environment holds `marker` (the server and every worker it started)."""
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                if marker.encode() in (entry / "environ").read_bytes():
                    found.append(int(entry.name))
            except OSError:
                pass
    return found


def test_a_killed_server_leaves_no_worker_behind(tmp_path):
    """SIGKILL gives the server no chance to stop its worker processes: they notice and leave."""
    marker = f"EXPORTER_TEST_MARK={tmp_path.name}-{os.getpid()}"
    port = _free_port()
    env = dict(os.environ, PYTHONPATH=str(REPO), EXPORTER_TEST_MARK=marker.split("=", 1)[1])
    proc = subprocess.Popen([sys.executable, "-m", "exporter", "serve", "--port", str(port), "--workers", "1"], cwd=REPO, env=env,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:  # up: the pools start before the port opens
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.5).close()
            break
        except OSError:
            time.sleep(0.1)
    assert len(_processes_with(marker)) >= 3  # the server and a worker in each pool
    proc.kill()
    proc.wait()
    deadline = time.monotonic() + 15
    while _processes_with(marker) and time.monotonic() < deadline:
        time.sleep(0.2)
    assert _processes_with(marker) == []


def test_it_listens_on_loopback_only(server):
    """Started without --host, the server listens on 127.0.0.1 and nowhere else."""
    listening = []
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        try:
            rows = Path(table).read_text().splitlines()[1:]
        except OSError:
            continue
        for row in rows:
            local, state = row.split()[1], row.split()[3]
            address, port = local.rsplit(":", 1)
            if state == "0A" and int(port, 16) == server["port"]:  # 0A: LISTEN
                listening.append(address)
    assert listening == ["0100007F"]  # 127.0.0.1, little-endian hex


def test_serve_refuses_zero_workers():
    from helpers import run_cli

    result = run_cli("serve", "--workers", "0")
    assert result.returncode == 2 and result.stderr == "exporter: error: --workers: must be at least 1\n"


# Last: it takes the module's browser to other pages.
@pytest.mark.parametrize(("language", "link", "heading", "first", "summary"), [
    ("kk", "Қазақша", "Табылған мәселелер (12)", "ҚАТЕ CIT001 [9] сілтемесінің жазбасы жоқ: мақалада әдебиеттер тізімі жоқ",
     "kz-china-relations.txt: 8 сілтеме, жазбасы барлары: 0, жазбасы жоқ 7 белгі (1, 2, 5, 9, 11, 12, 13), 0 жазба, 8 қате, 4 ескерту"),
    ("ru", "Русский", "Замечания (12)", "ОШИБКА CIT001 у ссылки [9] нет записи: в статье нет списка литературы",
     "kz-china-relations.txt: 8 ссылок, с записью: 0, 7 меток без записи (1, 2, 5, 9, 11, 12, 13), 0 записей, 8 ошибок, 4 предупреждения"),
])
def test_the_reader_chooses_the_pages_language(server, browser, language, link, heading, first, summary):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import WebDriverWait

    browser.get(server["url"] + "/")
    browser.find_element(By.LINK_TEXT, link).click()
    assert browser.find_element(By.TAG_NAME, "html").get_attribute("lang") == language
    browser.find_element(By.CSS_SELECTOR, "input[type=file][name=source]").send_keys(str(SEED))
    browser.find_element(By.CSS_SELECTOR, "form.upload button[type=submit]").click()
    WebDriverWait(browser, 30).until(lambda d: d.find_elements(By.CSS_SELECTOR, ".finding"))
    assert browser.find_elements(By.CSS_SELECTOR, "aside.findings h2")[1].text == heading
    assert browser.find_element(By.CSS_SELECTOR, ".finding").text.splitlines()[0] == first
    assert browser.find_element(By.ID, "summary").text == summary
