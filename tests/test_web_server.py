"""The real server (`exporter serve` in its own process) under heavy and hostile uploads
(issue 17, item 7): a small check still answers within 2 s, a client that hangs up stops its
job, a response is bounded, SIGTERM ends the server within 2 s, and its temporary folder is
left empty — with no traceback in its log.

The heavy inputs: two 1.1 MB .bib files of 10,000 entries by one author in one year (the
duplicate check compares them pairwise), a 1.6 KB DOCX whose list is numbered in roman numerals
from 999,999,999,999 (the DOCX reader spells each number out), and jobs made slow on purpose
through the test hook of `exporter/web/jobs.py` (EXPORTER_TEST_HOOKS=1: an upload starting
`exporter-test: busy N` keeps its worker's CPU busy N seconds), which stay heavy whatever the
readers learn. Timeouts for half-sent requests are tested in process, with short limits.
"""

from __future__ import annotations

import asyncio
import contextlib
import http.client
import io
import json
import os
import signal
import socket
import subprocess
import sys
import threading
import time
import zipfile
from pathlib import Path

import pytest

from helpers import REPO, SEED

TIME_LIMIT = 10  # the server's --time-limit here
W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


# ---- inputs -------------------------------------------------------------------------------------


def big_bib() -> bytes:
    """10,000 entries by one author in one year: about 1.1 MB."""
    entries = (f"@article{{k{i}, author={{Petrov, Ivan}}, title={{On the question number {i} of the theory}}, "
               f"journal={{Journal of Things}}, year={{2001}}, pages={{{i}--{i + 9}}}}}\n" for i in range(10_000))
    return "".join(entries).encode()


def roman_docx(start: int = 999_999_999_999) -> bytes:
    """A Word package whose list is numbered in upper-case roman numerals from `start`."""
    items = "".join(f'<w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr></w:pPr><w:r><w:t>Item {i} [1]</w:t></w:r></w:p>' for i in range(3))
    parts = {
        "[Content_Types].xml": '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>'
        '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>'
        '<Override PartName="/word/numbering.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml"/></Types>',
        "_rels/.rels": '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
        "word/_rels/document.xml.rels": '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering" Target="numbering.xml"/></Relationships>',
        "word/document.xml": f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="{W}"><w:body><w:p><w:r><w:t>Text [1].</w:t></w:r></w:p>{items}</w:body></w:document>',
        "word/numbering.xml": f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:numbering xmlns:w="{W}"><w:abstractNum w:abstractNumId="0">'
        f'<w:lvl w:ilvl="0"><w:start w:val="{start}"/><w:numFmt w:val="upperRoman"/><w:lvlText w:val="%1."/></w:lvl></w:abstractNum>'
        '<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num></w:numbering>',
    }
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in parts.items():
            z.writestr(zipfile.ZipInfo(name, (1980, 1, 1, 0, 0, 0)), data, compress_type=zipfile.ZIP_DEFLATED)
    return out.getvalue()


SMALL = "A SMALL PAPER\n\nIvan Petrov\n\nA sentence with a citation [1].\n\nReferences\n\n1. Knuth D. E. The TeXbook. Addison-Wesley, 1984.\n".encode()
BUSY = b"exporter-test: busy 60\n"
RANGES = ("A PAPER OF RANGES\n\nText " + "[1\u2013200] " * 50 + "\n").encode()  # 10,000 labels in 0.7 KB: a 3 MB report


def multipart(files: dict[str, tuple[str, bytes]]) -> tuple[bytes, str]:
    boundary = "exporterserverboundary"
    body = b"".join(
        f'--{boundary}\r\nContent-Disposition: form-data; name="{field}"; filename="{name}"\r\nContent-Type: application/octet-stream\r\n\r\n'.encode() + data + b"\r\n"
        for field, (name, data) in files.items()
    ) + f"--{boundary}--\r\n".encode()
    return body, f"multipart/form-data; boundary={boundary}"


def raw_request(port: int, path: str, files: dict) -> bytes:
    body, content_type = multipart(files)
    return (f"POST {path} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nContent-Type: {content_type}\r\n"
            f"Content-Length: {len(body)}\r\nConnection: close\r\n\r\n").encode() + body


def post(port: int, path: str, files: dict, timeout: float = 60) -> tuple[int, bytes, float]:
    body, content_type = multipart(files)
    start = time.monotonic()
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
    try:
        conn.request("POST", path, body=body, headers={"Content-Type": content_type})
        response = conn.getresponse()
        data = response.read()
        return response.status, data, time.monotonic() - start
    finally:
        conn.close()


# ---- the server process ---------------------------------------------------------------------------


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def descendants(root: int) -> dict[int, float]:
    """CPU seconds used so far by each process under `root` (the fork server and its workers)."""
    ticks = os.sysconf("SC_CLK_TCK")
    stats = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            stats[int(entry.name)] = (int(fields[1]), (int(fields[11]) + int(fields[12])) / ticks)
    inside, grew = {root}, True
    while grew:
        grew = False
        for pid, (ppid, _) in stats.items():
            if ppid in inside and pid not in inside:
                inside.add(pid)
                grew = True
    return {pid: stats[pid][1] for pid in inside - {root} if pid in stats}


@pytest.fixture
def server(tmp_path):
    """`exporter serve` on a free port, its TMPDIR a folder of the test's, its log in a file."""
    tmp, log = tmp_path / "tmp", tmp_path / "server.log"
    tmp.mkdir()
    port = free_port()
    env = dict(os.environ, TMPDIR=str(tmp), EXPORTER_TEST_HOOKS="1", PYTHONPATH=str(REPO), EXPORTER_CACHE_DIR=str(tmp_path / "cache"))
    with open(log, "wb") as out:
        proc = subprocess.Popen([sys.executable, "-m", "exporter", "serve", "--port", str(port), "--workers", "2", "--time-limit", str(TIME_LIMIT)],
                                env=env, stdout=out, stderr=subprocess.STDOUT)
    deadline = time.monotonic() + 60
    while True:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.5).close()
            break
        except OSError:
            assert proc.poll() is None and time.monotonic() < deadline, log.read_text()
            time.sleep(0.1)
    # The workers are warm once a check has gone through.
    assert post(port, "/api/check", {"source": ("small.txt", SMALL)})[0] == 200
    yield proc, port, tmp, log
    if proc.poll() is None:
        proc.kill()
        proc.wait()


def background(function, *args) -> threading.Thread:
    thread = threading.Thread(target=function, args=args, daemon=True)
    thread.start()
    return thread


def hang_up_after(port: int, files: dict, seconds: float) -> None:
    """Send a whole request, then close the connection before the answer."""
    with socket.create_connection(("127.0.0.1", port)) as s, contextlib.suppress(OSError):
        s.sendall(raw_request(port, "/api/check", files))
        time.sleep(seconds)


def abandon_upload(port: int) -> None:
    """Send half of a multipart body, then close the connection."""
    request = raw_request(port, "/api/check", {"source": ("big.bib", big_bib())})
    with socket.create_connection(("127.0.0.1", port)) as s, contextlib.suppress(OSError):
        s.sendall(request[: len(request) // 2])
        time.sleep(0.3)


# ---- the test --------------------------------------------------------------------------------------


def test_the_server_under_heavy_and_hostile_uploads(server):
    proc, port, tmp, log = server
    results: dict[str, tuple] = {}

    # 1. Clients that hang up: their jobs stop (before, two such uploads held both workers).
    for n in range(2):
        background(hang_up_after, port, {"source": (f"busy{n}.txt", BUSY)}, 1.0)
    background(abandon_upload, port)
    time.sleep(3.0)
    before = descendants(proc.pid)
    time.sleep(1.0)
    after = descendants(proc.pid)
    burnt = sum(after.get(pid, 0) - cpu for pid, cpu in before.items())
    assert burnt < 0.5, f"worker processes used {burnt:.2f} CPU s in 1 s after their clients hung up"

    # 2. Heavy and hostile uploads, and connections that send half a request and wait.
    half_open = [socket.create_connection(("127.0.0.1", port)) for _ in range(5)]
    for n, s in enumerate(half_open):
        s.sendall(b"POST /api/check HTTP/1.1\r\nHost: x\r\n" if n % 2 else b"POST /api/check HTTP/1.1\r\nContent-Length: 100000\r\nContent-Type: multipart/form-data; boundary=x\r\n\r\n--x")

    def keep(name, *args):
        try:
            results[name] = post(port, *args, timeout=120)
        except (OSError, http.client.HTTPException) as exc:  # the late ones, when the server stops
            results[name] = (None, repr(exc).encode(), 0.0)

    heavy = [
        background(keep, "bib1", "/api/check", {"source": ("paper.txt", SMALL), "bib": ("big1.bib", big_bib())}),
        background(keep, "bib2", "/check", {"source": ("paper.txt", SMALL), "bib": ("big2.bib", big_bib())}),
        background(keep, "roman", "/api/check", {"source": ("roman.docx", roman_docx())}),
        background(keep, "busy1", "/api/check", {"source": ("busy.txt", BUSY)}),
        background(keep, "busy2", "/api/build?to=pdf", {"source": ("busy.txt", BUSY)}),
        background(keep, "ranges", "/api/check", {"source": ("ranges.txt", RANGES)}),
    ]
    time.sleep(2.0)  # every heavy job is running
    small = [post(port, "/api/check", {"source": ("small.txt", SMALL)}, timeout=30) for _ in range(3)]
    for status, body, seconds in small:
        assert status == 200 and json.loads(body)["unresolved"] == []
    # The target is 2 s (before: 34 s). The median of three, so one check that the machine's own
    # scheduler delays (a shared 2-core machine, load 11 seen) does not decide; none may stall (before: 34 s).
    times = sorted(seconds for _, _, seconds in small)
    assert times[1] <= 2.0 and times[-1] <= 6.0, f"small checks took {', '.join(f'{t:.2f}' for t in times)} s beside the heavy uploads"
    page = post(port, "/check", {"source": (SEED.name, SEED.read_bytes())}, timeout=30)
    assert page[0] == 200 and page[2] <= 2.0 and "kz-china-relations.txt: 8 сілтеме".encode() in page[1]  # no reader choice: the paper's language

    # 3. Every heavy job ends by its time limit, with one line; the big answer is summarised.
    for thread in heavy:
        thread.join(TIME_LIMIT + 30)
    status, body, seconds = results["busy1"]
    assert status == 422 and seconds < TIME_LIMIT + 5, (status, body[:300])
    assert json.loads(body)["error"] == ("exporter: error: busy.txt: reading it took longer than 10 s, the server's limit for one paper; "
                                         "check it with `exporter check` on your own machine")
    assert results["busy2"][0] == 422 and b"took longer than 10 s" in results["busy2"][1]  # a build too
    # The .bib files take 10-30 s by the machine's load (pairwise duplicate checks): read, or stopped in time.
    for name in ("bib1", "bib2"):
        status, body, seconds = results[name]
        assert (status == 200 and b"big" in body) or (status == 422 and b"took longer than 10 s" in body and seconds < TIME_LIMIT + 5), (name, status, body[:300])
    status, body, _ = results["roman"]
    assert status in (200, 422), body[:300]  # read (once the DOCX reader bounds its numbers), or stopped with one line
    status, body, _ = results["ranges"]
    assert status == 200 and len(body) < 1_500_000, len(body)  # unbounded: 3.1 MB (a 65 KB upload: 100 MB)
    report = json.loads(body)
    assert len(report["citations"]) == 5000 and report["omitted"] == {"citations": 10_000 - 5000, "diagnostics": 10_001 - 1000}
    assert report["codes"] == {"CIT001": 10_000, "REF001": 1} and len(report["diagnostics"]) == 1000
    assert report["unresolved"][:3] == ["1", "2", "3"] and len(report["unresolved"]) == 200

    # 4. SIGTERM while jobs run: the server ends within 2 s and leaves nothing behind.
    for n in range(2):
        background(keep, f"late{n}", "/api/check", {"source": ("busy.txt", BUSY)})
    time.sleep(1.5)
    workers = set(descendants(proc.pid))
    assert workers
    start = time.monotonic()
    proc.send_signal(signal.SIGTERM)
    code = proc.wait(10)
    stopped = time.monotonic() - start
    for s in half_open:
        s.close()
    assert stopped <= 2.0, f"SIGTERM took {stopped:.2f} s"
    assert code == 0
    time.sleep(0.5)
    # Every process it started has ended (a zombie is dead: it waits for init to collect it).
    running = {pid for pid in workers if Path(f"/proc/{pid}").exists() and "State:\tZ" not in Path(f"/proc/{pid}/status").read_text()}
    assert not running, running
    assert list(tmp.iterdir()) == []  # no request folder, no worker folder, no pymp-* socket
    text = log.read_text(errors="replace")
    assert "Traceback" not in text and "Exception" not in text, text[-3000:]


# ---- timeouts for requests that stop arriving (in process, with short limits) -------------------


def test_a_half_sent_request_head_is_closed(monkeypatch):
    import uvicorn

    from exporter.web import server as web_server

    monkeypatch.setattr(web_server, "HEAD_SECONDS", 0.5)
    assert web_server.protocol_class() is web_server.TimedH11Protocol, "uvicorn changed: check TimedH11Protocol against it"

    async def app(scope, receive, send):
        if scope["type"] == "http":
            await send({"type": "http.response.start", "status": 200, "headers": [(b"content-length", b"2")]})
            await send({"type": "http.response.body", "body": b"ok"})

    port = free_port()
    config = uvicorn.Config(app, host="127.0.0.1", port=port, http=web_server.TimedH11Protocol, log_level="warning", lifespan="off", timeout_keep_alive=30)
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    while not server.started:
        time.sleep(0.05)
    try:
        def closed_within(sock: socket.socket, seconds: float) -> bool:
            sock.settimeout(seconds)
            try:
                while sock.recv(1000):
                    pass
                return True
            except (socket.timeout, TimeoutError):
                return False

        silent = socket.create_connection(("127.0.0.1", port))
        half = socket.create_connection(("127.0.0.1", port))
        half.sendall(b"GET / HTTP/1.1\r\nHost: x\r\n")  # the head never ends
        assert closed_within(silent, 3) and closed_within(half, 3)
        # A whole request is answered; the kept-alive connection then gets the same deadline.
        whole = socket.create_connection(("127.0.0.1", port))
        whole.sendall(b"GET / HTTP/1.1\r\nHost: x\r\n\r\n")
        whole.settimeout(3)
        assert whole.recv(1000).startswith(b"HTTP/1.1 200")
        whole.sendall(b"GET / HTTP/1.1\r\n")
        assert closed_within(whole, 3)  # without the deadline: open for the 30 s keep-alive, then for ever
    finally:
        server.should_exit = True
        thread.join(10)


def test_a_request_body_that_stops_arriving_gets_408():
    from starlette.applications import Starlette
    from starlette.responses import PlainTextResponse
    from starlette.routing import Route

    from exporter.web.app import BodyLimit, TooSlow

    async def echo(request):
        return PlainTextResponse(str(len(await request.body())))

    async def too_slow(request, exc):
        return PlainTextResponse("slow", status_code=408)

    app = BodyLimit(Starlette(routes=[Route("/api/check", echo, methods=["POST"])], exception_handlers={TooSlow: too_slow}), idle=0.3, whole=1.0)

    async def call(chunks, pause):
        sent = []

        async def receive():
            if chunks:
                await asyncio.sleep(pause)
                body = chunks.pop(0)
                return {"type": "http.request", "body": body, "more_body": bool(chunks)}
            await asyncio.sleep(60)  # a client that sends nothing more

        async def send(message):
            sent.append(message)

        scope = {"type": "http", "method": "POST", "path": "/api/check", "headers": [(b"content-type", b"text/plain")], "query_string": b"",
                 "http_version": "1.1", "scheme": "http", "server": ("x", 80), "client": ("y", 1), "root_path": ""}
        await asyncio.wait_for(app(scope, receive, send), 5)
        return sent[0]["status"], b"".join(m.get("body", b"") for m in sent[1:])

    assert asyncio.run(call([b"a" * 10, b"b" * 10], 0.05)) == (200, b"20")
    assert asyncio.run(call([b"a" * 10, b"b" * 10], 0.6))[0] == 408  # a pause longer than `idle`
    assert asyncio.run(call([b"a"] * 8, 0.2))[0] == 408  # each part in time, the whole too slow


def test_the_test_hook_is_off_unless_asked_for(tmp_path):
    """Without EXPORTER_TEST_HOOKS=1 an upload starting `exporter-test: busy` is an ordinary paper."""
    from starlette.testclient import TestClient

    from exporter.web.app import create_app

    assert os.environ.get("EXPORTER_TEST_HOOKS") != "1"
    with TestClient(create_app(workers=1, scratch=str(tmp_path))) as client:
        start = time.monotonic()
        r = client.post("/api/check", files={"source": ("busy.txt", BUSY)})
        assert r.status_code == 200 and r.json()["citations"] == [] and time.monotonic() - start < 30


def test_a_report_page_of_more_labels_than_a_page_can_mark_is_one_line(tmp_path):
    from starlette.testclient import TestClient

    from exporter.web.app import create_app

    paper = ("A PAPER OF RANGES\n\nText " + "[1\u2013200] " * 101 + "\n").encode()  # 20,200 labels
    with TestClient(create_app(workers=1, scratch=str(tmp_path))) as client:
        r = client.post("/check", files={"source": ("ranges.txt", paper)})
        assert r.status_code == 422
        assert ('<p class="error-line" id="error">exporter: error: ranges.txt: holds 20,200 citation labels; the report page shows at most 20,000 '
                "(a paper holds a few hundred): check it with `exporter check` or POST it to /api/check</p>") in r.text
        assert client.post("/api/check", files={"source": ("ranges.txt", paper)}).json()["omitted"]["citations"] == 20_200 - 5000
