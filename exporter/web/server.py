"""Running the web app on uvicorn (`exporter serve`): time limits for connections that send
half a request, a bound on open connections, and a prompt, clean stop on SIGTERM."""

from __future__ import annotations

import asyncio
import signal
import sys

import h11
import uvicorn
from uvicorn.protocols.http.h11_impl import H11Protocol

from .app import create_app
from .workers import Limits

HEAD_SECONDS = 10  # a connection must send a request's line and headers within this time
KEEP_ALIVE_SECONDS = 5  # an idle kept-alive connection is closed after this
STOP_SECONDS = 1  # on SIGTERM, requests under way get this long before they are cancelled
MAX_CONNECTIONS = 200  # open at once; more are answered 503 by uvicorn
TESTED_UVICORN = "0.54.0"


class TimedH11Protocol(H11Protocol):
    """uvicorn's HTTP/1.1 protocol with a deadline for each request's head. uvicorn 0.54 times
    out only idle kept-alive connections: one that opens and sends nothing, or half a request
    line, stays open for ever (a few hundred such hold every file descriptor). The deadline
    runs while h11 waits for a request's head (state IDLE): from the connection's start and from
    the end of each response. The body has limits of its own (`app.BodyLimit`).

    Relies on H11Protocol's `conn`, `transport`, `loop` and hooks, checked for uvicorn 0.54.0
    (pinned); `protocol_class()` falls back to uvicorn's own h11 protocol on any other version."""

    head_timer = None

    def connection_made(self, transport) -> None:
        super().connection_made(transport)
        self._await_head()

    def data_received(self, data: bytes) -> None:
        super().data_received(data)
        if self.conn.their_state is not h11.IDLE:
            self._head_in()

    def on_response_complete(self) -> None:
        super().on_response_complete()
        if self.conn.their_state is h11.IDLE and not self.transport.is_closing():
            self._await_head()

    def connection_lost(self, exc) -> None:
        self._head_in()
        super().connection_lost(exc)

    def _await_head(self) -> None:
        self._head_in()
        self.head_timer = self.loop.call_later(HEAD_SECONDS, self._head_late)

    def _head_in(self) -> None:
        if self.head_timer is not None:
            self.head_timer.cancel()
            self.head_timer = None

    def _head_late(self) -> None:
        self.head_timer = None
        if self.conn.their_state is h11.IDLE and not self.transport.is_closing():
            self.transport.close()


class StopQuietly:
    """When uvicorn stops, it cancels the requests still running after STOP_SECONDS and logs each
    as an error with a traceback. Such a request did nothing wrong (its job is killed as it is
    cancelled): it is answered 503, if it can still be, and ends without a word in the log."""

    def __init__(self, app):
        self.app = app

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        started = False

        async def tracked(message):
            nonlocal started
            started = started or message["type"] == "http.response.start"
            await send(message)

        try:
            await self.app(scope, receive, tracked)
        except asyncio.CancelledError:
            if not started:
                body = b"exporter: error: server: stopping; send the paper again in a minute\n"
                await send({"type": "http.response.start", "status": 503, "headers": [(b"content-type", b"text/plain; charset=utf-8"), (b"content-length", str(len(body)).encode()), (b"connection", b"close")]})
                await send({"type": "http.response.body", "body": body})


def protocol_class():
    """TimedH11Protocol on the uvicorn it was checked for, else uvicorn's own (the public path)."""
    return TimedH11Protocol if uvicorn.__version__ == TESTED_UVICORN else "h11"


def _exit(signum, frame) -> None:
    raise SystemExit(0)


def serve(host: str, port: int, workers: int | None, limits: Limits = Limits()) -> None:
    """Run the app on uvicorn until interrupted. No access log: a request line names no upload,
    but nothing about who sent what is kept either.

    uvicorn handles SIGTERM itself and, once stopped, raises it again for the handler that was
    there before it; Python's default handler would end the process at once, skipping the exit
    handlers that remove multiprocessing's fork-server socket folder (`pymp-*`). So SIGTERM
    is turned into a normal exit here."""
    signal.signal(signal.SIGTERM, _exit)
    config = uvicorn.Config(
        StopQuietly(create_app(workers, limits=limits)), host=host, port=port, access_log=False, log_level="warning",
        server_header=False, http=protocol_class(), timeout_keep_alive=KEEP_ALIVE_SECONDS,
        timeout_graceful_shutdown=STOP_SECONDS, limit_concurrency=MAX_CONNECTIONS,
    )
    uvicorn.Server(config).run()
    sys.stdout.flush()
