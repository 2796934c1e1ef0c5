"""The web application (Starlette on uvicorn): each route saves the upload in a temporary
folder of its own, hands it to the pipeline in a worker process, and removes the folder.

Nothing is kept and nothing is logged about an upload: its bytes live in the request's folder
(and in the report page's download form, which sends them again) only while a request runs.
No upload can hold the server: a job has a time limit and is stopped when its client leaves
(`workers.py`), a request must arrive in time (`BodyLimit`, `TimedH11Protocol`), and the server
stops within a second or two of SIGTERM, leaving nothing in its temporary folder.
"""

from __future__ import annotations

import asyncio
import base64
import binascii
import os
import re
import shutil
import tempfile
from concurrent.futures import ThreadPoolExecutor
from contextlib import asynccontextmanager, contextmanager, suppress
from pathlib import PurePosixPath
from urllib.parse import quote

from starlette.applications import Starlette
from starlette.datastructures import UploadFile
from starlette.exceptions import HTTPException
from starlette.requests import ClientDisconnect, Request
from starlette.responses import HTMLResponse, JSONResponse, Response
from starlette.routing import Route

from ..messages import SOURCE_LANGUAGE, accepted_language, language_of
from . import jobs
from .jobs import Failure, Upload
from .workers import Busy, Limits, Pool, TimedOut, WorkerDied, fork_context

MAX_UPLOAD = 20 * 1024 * 1024  # bytes of one upload (source and .bib together)
FORM_SLACK = 64 * 1024  # multipart headers and the small fields around the files
DEFAULT_VENUE = "kz-conference"


BODY_IDLE_SECONDS = 20  # a request body that sends nothing for this long is given up
BODY_SECONDS = 300  # and one that takes longer than this in all (20 MB at 70 KB/s)


class TooLarge(Exception):
    """The request body passed its route's limit."""


class TooSlow(Exception):
    """The request body stopped arriving, or trickled in too slowly."""


class ClientGone(Exception):
    """The client hung up while its job ran or waited: nobody is left to answer."""


def _body_limit(path: str) -> int:
    if path == "/download":  # the upload comes back base64-encoded: 4 bytes for 3
        return (MAX_UPLOAD + FORM_SLACK) * 4 // 3 + FORM_SLACK
    return MAX_UPLOAD + FORM_SLACK


class BodyLimit:
    """Refuse a body over the route's limit (at once by its Content-Length, else while it
    streams) or one that stops arriving (BODY_IDLE_SECONDS between parts, BODY_SECONDS in all)."""

    def __init__(self, app, idle: float = BODY_IDLE_SECONDS, whole: float = BODY_SECONDS):
        self.app, self.idle, self.whole = app, idle, whole

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        limit = _body_limit(scope["path"])
        length = dict(scope["headers"]).get(b"content-length", b"0")
        if length.isdigit() and int(length) > limit:
            return await _too_large(scope["path"])(scope, receive, send)
        seen, complete = 0, False
        deadline = asyncio.get_running_loop().time() + self.whole

        async def counted():
            nonlocal seen, complete
            if complete:  # the body is in: what comes now is the client leaving, whenever it does
                return await receive()
            wait = min(self.idle, deadline - asyncio.get_running_loop().time())
            try:
                message = await asyncio.wait_for(receive(), max(wait, 0.001))
            except asyncio.TimeoutError:
                raise TooSlow from None
            seen += len(message.get("body", b""))
            if seen > limit:
                raise TooLarge
            complete = message["type"] != "http.request" or not message.get("more_body", False)
            return message

        await self.app(scope, counted, send)


def _too_large(path: str) -> Response:
    line = f"exporter: error: upload: larger than {MAX_UPLOAD // (1024 * 1024)} MB; send a smaller file (a paper's text is rarely over 1 MB)"
    return _failure(path, Failure(line), 413)


def _failure(path: str, failure: Failure, status: int | None = None) -> Response:
    status = status or failure.status or (500 if failure.internal else 422)
    if path.startswith("/api/"):
        return JSONResponse({"error": failure.line}, status_code=status)
    from .page import render_error

    return HTMLResponse(render_error(status, failure.line), status_code=status)


async def _hung_up(request: Request) -> None:
    """Returns when the client disconnects (its body is in: the next message is the disconnect)."""
    while (await request.receive())["type"] != "http.disconnect":
        pass


# ---- uploads -------------------------------------------------------------------------------


def shown_name(client_name: str | None, fallback: str) -> str:
    """The client's file name as shown on the page and in reports: its last part, without
    control characters, at most 200 characters. It is never used as a path."""
    name = (client_name or "").replace("\\", "/").rsplit("/", 1)[-1]
    name = "".join(ch for ch in name if ch.isprintable()).strip()[:200]
    return name or fallback


def kept_suffix(client_name: str) -> str:
    """The extension of the client's name (the registry chooses a reader by it), when it is a plain one."""
    suffix = PurePosixPath(client_name).suffix.lower()
    return suffix if re.fullmatch(r"\.[a-z0-9]{1,10}", suffix) else ""


@contextmanager
def request_folder(scratch: str | None):
    """A temporary folder for one request, removed when it ends, however it ends."""
    folder = tempfile.mkdtemp(prefix="exporter-web-", dir=scratch)
    try:
        yield folder
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def _save(folder: str, stem: str, client_name: str, data: bytes, fallback: str) -> Upload:
    name = shown_name(client_name, fallback)
    path = os.path.join(folder, stem + kept_suffix(name))
    with open(path, "wb") as handle:
        handle.write(data)
    return Upload(path, name)


class Refused(Exception):
    def __init__(self, status: int, line: str):
        self.status, self.line = status, line


def chosen_language(request: Request, fields: dict | None = None) -> str | None:
    """The language the reader chose on the page (`lang`, a form field or query parameter), if any."""
    value = (fields or {}).get("lang") or request.query_params.get("lang")
    if not value:
        return None
    language = language_of(value)
    if language is None:
        raise Refused(400, f"exporter: error: lang: unknown language '{value[:20]}'; choose from kk, ru, en")
    return language


def reader_language(request: Request, fields: dict | None = None) -> str | None:
    """The reader's language: the page's choice, else the browser's Accept-Language (kk, ru, en), else None."""
    return chosen_language(request, fields) or accepted_language(request.headers.get("accept-language"))


async def _file(form, field: str, required: bool) -> tuple[str, bytes] | None:
    item = form.get(field)
    if not isinstance(item, UploadFile) or (not item.filename and not required):
        if required:
            raise Refused(400, f"exporter: error: {field}: no file was sent; choose your paper")
        return None
    data = await item.read()
    if len(data) > MAX_UPLOAD:
        raise TooLarge
    return item.filename or "", data


async def _uploads(request: Request) -> tuple[tuple[str, bytes], tuple[str, bytes] | None, dict]:
    """(source name, bytes), (bib name, bytes) or None, and the other fields of a multipart form."""
    content_type = request.headers.get("content-type", "")
    if not content_type.startswith("multipart/form-data"):
        raise Refused(400, "exporter: error: request: send the paper as multipart/form-data (field 'source')")
    form = await request.form(max_files=2, max_fields=8)
    try:
        source = await _file(form, "source", True)
        bib = await _file(form, "bib", False)
        fields = {k: v for k, v in form.items() if isinstance(v, str)}
    finally:
        await form.close()
    return source, bib, fields


async def _resent(request: Request) -> tuple[tuple[str, bytes], tuple[str, bytes] | None, dict]:
    """The upload as the report page's download form sends it back: names and base64 fields."""
    limit = _body_limit("/download")
    form = await request.form(max_files=0, max_fields=8, max_part_size=limit)
    fields = {k: v for k, v in form.items() if isinstance(v, str)}
    await form.close()

    def decoded(prefix: str):
        if not fields.get(f"{prefix}_data"):
            return None
        try:
            return fields.get(f"{prefix}_name", ""), base64.b64decode(fields[f"{prefix}_data"], validate=True)
        except (binascii.Error, ValueError):
            raise Refused(400, f"exporter: error: {prefix}: the form's copy of the file is damaged; upload the paper again") from None

    source = decoded("source")
    if source is None:
        raise Refused(400, "exporter: error: source: no file was sent; choose your paper")
    return source, decoded("bib"), fields


# ---- the application -----------------------------------------------------------------------


class Workers:
    """The server's worker pools and folders, alive from the app's start to its stop:
    `workers` processes kept warm for checks, and as many (at lower priority) for builds, so
    a check never waits behind a build; when all are busy, up to four times as many check
    workers (twice as many build workers) are started."""

    def __init__(self, workers: int | None, scratch: str | None, limits: Limits):
        self.count = workers or len(os.sched_getaffinity(0))
        self.scratch, self.limits = scratch, limits
        self.pools: dict[str, Pool] = {}
        self.folders: dict[str, str] = {}

    @asynccontextmanager
    async def lifespan(self, app):
        workers, limits, pools, folders = self.count, self.limits, self.pools, self.folders
        folders["root"] = tempfile.mkdtemp(prefix="exporter-serve-")  # the workers' temporary folders
        folders["requests"] = self.scratch or folders["root"]
        threads = ThreadPoolExecutor(max_workers=6 * workers + 8, thread_name_prefix="exporter-job")
        context = fork_context()
        pools["check"] = Pool(context, workers, 4 * workers, 0, limits, threads, folders["root"])
        pools["build"] = Pool(context, workers, 2 * workers, 10, limits, threads, folders["root"])
        # Start every worker now: the first upload should not wait for the fork server.
        await asyncio.gather(*(pool.start() for pool in pools.values()))
        try:
            yield
        finally:
            # Nothing waits for a job: every worker is killed, then reaped, and the folder goes.
            dead = [w for pool in pools.values() for w in pool.shutdown()]
            await asyncio.gather(*(asyncio.get_running_loop().run_in_executor(threads, w.close) for w in dead))
            threads.shutdown(wait=False, cancel_futures=True)
            shutil.rmtree(folders["root"], ignore_errors=True)

    async def run(self, request: Request, kind: str, fn, *args):
        """`fn(*args)` in a worker of `kind`; the job stops when its client hangs up."""
        job = asyncio.ensure_future(self.pools[kind].run(fn, *args))
        gone = asyncio.ensure_future(_hung_up(request))
        try:
            await asyncio.wait({job, gone}, return_when=asyncio.FIRST_COMPLETED)
        finally:
            gone.cancel()
            if not job.done():
                job.cancel()
                with suppress(asyncio.CancelledError, Exception):
                    await job
        if not job.done() or job.cancelled():
            raise ClientGone
        try:
            return job.result()
        except TimedOut:
            return Failure(f"exporter: error: {args[0].name}: reading it took longer than {self.limits.seconds:g} s, the server's limit for one paper; check it with `exporter check` on your own machine")
        except Busy:
            return Failure("exporter: error: server: every worker stayed busy; try again in a minute", status=503)
        except WorkerDied:  # killed from outside or out of memory: this request fails, the next gets a new worker
            return Failure("exporter: internal error: the worker process died while reading this paper (please report this)", internal=True)

    async def run_saved(self, request: Request, kind: str, fn, source_name: str, source_data: bytes, bib, *args):
        """The uploads saved in a request folder of their own (removed after), then
        `fn(source, bib, *args)` in a worker of `kind`: (the source's Upload, the result)."""
        with request_folder(self.folders["requests"]) as folder:
            source = _save(folder, "source", source_name, source_data, "paper")
            bib_upload = bib and _save(folder, "references", bib[0], bib[1], "references.bib")
            return source, await self.run(request, kind, fn, source, bib_upload, *args)


async def _refused(request: Request, exc: Refused) -> Response:
    return _failure(request.url.path, Failure(exc.line), exc.status)

async def _too_large_body(request: Request, exc: TooLarge) -> Response:
    return _too_large(request.url.path)

async def _too_slow(request: Request, exc: TooSlow) -> Response:
    line = f"exporter: error: upload: the request stopped arriving (nothing for {BODY_IDLE_SECONDS} s, or not all in {BODY_SECONDS} s)"
    return _failure(request.url.path, Failure(line), 408)

async def _client_left(request: Request, exc: Exception) -> Response:
    """The client left (during its upload or its job): nobody reads this, nothing is logged."""
    return Response(status_code=400)

async def _http_error(request: Request, exc: HTTPException) -> Response:
    return _failure(request.url.path, Failure(f"exporter: error: request: {exc.detail}"), exc.status_code)


def _resend_fields(source_name: str, source_data: bytes, bib, chosen: str | None) -> dict:
    """The upload again, for the report page's download form (and the reader's language choice)."""
    resend = {"source_name": shown_name(source_name, "paper"), "source_data": base64.b64encode(source_data).decode("ascii")}
    if bib:
        resend |= {"bib_name": shown_name(bib[0], "references.bib"), "bib_data": base64.b64encode(bib[1]).decode("ascii")}
    if chosen:  # the downloads keep the reader's choice
        resend["lang"] = chosen
    return resend


def create_app(workers: int | None = None, scratch: str | None = None, limits: Limits = Limits()) -> Starlette:
    """The ASGI app. `workers`: processes kept warm for checks (see `Workers`). `scratch`: where
    request folders go (default: a folder of the server's own, removed when it stops)."""
    state = Workers(workers, scratch, limits)
    run_saved = state.run_saved

    from ..venue import Template, available

    venues = {name: Template(name, folder).description for name, folder in available().items()}
    default_venue = DEFAULT_VENUE if DEFAULT_VENUE in venues else next(iter(venues))

    def chosen_venue(name: str | None) -> str:
        name = name or default_venue
        if name not in venues:
            raise Refused(400, f"exporter: error: template: unknown template '{name}'; choose from {', '.join(venues)}")
        return name

    async def form_page(request: Request) -> Response:
        from .page import render_form

        chosen = chosen_language(request)
        return HTMLResponse(render_form(venues, default_venue, reader_language(request) or SOURCE_LANGUAGE, chosen))

    async def check_page(request: Request) -> Response:
        (source_name, source_data), bib, fields = await _uploads(request)
        template = chosen_venue(fields.get("template"))
        chosen = chosen_language(request, fields)
        resend = _resend_fields(source_name, source_data, bib, chosen)
        _, result = await run_saved(request, "check", jobs.report_page, source_name, source_data, bib, template, resend, reader_language(request, fields))
        if isinstance(result, Failure):
            return _failure(request.url.path, result)
        return HTMLResponse(result)

    async def api_check(request: Request) -> Response:
        (source_name, source_data), bib, fields = await _uploads(request)
        language = reader_language(request, fields) or SOURCE_LANGUAGE
        _, result = await run_saved(request, "check", jobs.check, source_name, source_data, bib, language)
        if isinstance(result, Failure):
            return _failure(request.url.path, result)
        return JSONResponse(result)

    async def edition(request: Request, source_name, source_data, bib, kind: str, template: str, fields: dict | None = None) -> Response:
        if kind not in jobs.MEDIA_TYPES:
            raise Refused(400, f"exporter: error: to: unknown edition '{kind}'; choose from {', '.join(jobs.EDITIONS)}")
        chosen = chosen_language(request, fields)
        language = chosen or reader_language(request, fields) or SOURCE_LANGUAGE
        pool = "check" if kind == "json" else "build"
        source, result = await run_saved(request, pool, jobs.edition, source_name, source_data, bib, template, kind, language, chosen is not None)
        if isinstance(result, Failure):
            return _failure(request.url.path, result)
        return Response(result, media_type=jobs.MEDIA_TYPES[kind], headers={"Content-Disposition": attachment(jobs.download_name(source.name, kind))})

    async def api_build(request: Request) -> Response:
        kind = request.query_params.get("to", "pdf")
        if kind not in jobs.EDITIONS:
            raise Refused(400, f"exporter: error: to: unknown edition '{kind}'; choose from {', '.join(jobs.EDITIONS)}")
        template = chosen_venue(request.query_params.get("template"))
        (source_name, source_data), bib, _ = await _uploads(request)
        return await edition(request, source_name, source_data, bib, kind, template)

    async def download(request: Request) -> Response:
        (source_name, source_data), bib, fields = await _resent(request)
        return await edition(request, source_name, source_data, bib, fields.get("to", "pdf"), chosen_venue(fields.get("template")), fields)

    app = Starlette(
        routes=[
            Route("/", form_page, methods=["GET"]),
            Route("/check", check_page, methods=["POST"]),
            Route("/download", download, methods=["POST"]),
            Route("/api/check", api_check, methods=["POST"]),
            Route("/api/build", api_build, methods=["POST"]),
        ],
        exception_handlers={Refused: _refused, TooLarge: _too_large_body, TooSlow: _too_slow, HTTPException: _http_error, ClientDisconnect: _client_left, ClientGone: _client_left},
        lifespan=state.lifespan,
    )
    app.add_middleware(BodyLimit)
    return app


def attachment(name: str) -> str:
    """A Content-Disposition naming the file: ASCII for old clients, UTF-8 (RFC 6266) for the rest."""
    ascii_name = name.encode("ascii", "replace").decode("ascii").replace("?", "_").replace('"', "_")
    return f"attachment; filename=\"{ascii_name}\"; filename*=UTF-8''{quote(name, safe='')}"
