"""PDFium runs in a forked child under a memory limit and a deadline.

A PDF is a program of compressed streams: 1 MB of Flate data can unpack to gigabytes (it took
2.1 GB before this bound), and a page can make PDFium work for minutes. Checking stream
lengths before PDFium decodes would need a second PDF parser and would still miss images,
fonts and object streams; a child process with an address-space limit (RLIMIT_AS) bounds
every way PDFium can allocate, a deadline bounds its time, and a crash inside PDFium ends
the child, not the caller (a web worker or a batch build). Forking costs a few milliseconds:
the child shares the parent's loaded modules.
"""

from __future__ import annotations

import os
import pickle
import select
import signal
import time

# What reading one paper may add to the process: the corpus papers need under 40 MB; a page
# with a 40-megapixel picture decoded for its figure 160 MB more.
MAX_MEMORY = 512 * 1024 * 1024
MAX_SECONDS = 120  # a last resort; the page and character budgets (layout.py) stop real papers first


class Exhausted(Exception):
    """The child ran out of its memory or time, or died: `why` says which, in words."""

    def __init__(self, why: str):
        super().__init__(why)
        self.why = why


def run_bounded(function, *args, memory: int = MAX_MEMORY, seconds: float = MAX_SECONDS):
    """`function(*args)` run in a forked child limited to `memory` more bytes of address space
    and `seconds` of wall time; its result, or its exception raised here. Without `fork`
    (not POSIX) it runs in this process, unbounded."""
    if not hasattr(os, "fork"):
        return function(*args)
    read_end, write_end = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child: limit, work, send, and leave without the parent's cleanup
        status = 1
        try:
            os.close(read_end)
            _limit_memory(memory)
            try:
                message = ("ok", function(*args))
            except MemoryError:
                message = ("memory", None)
            except BaseException as exc:  # raised again in the parent
                message = ("error", exc)
            try:
                payload = pickle.dumps(message, protocol=pickle.HIGHEST_PROTOCOL)
            except MemoryError:
                payload = pickle.dumps(("memory", None))
            except Exception:  # an exception that does not pickle: our own bug, said so
                payload = pickle.dumps(("error", RuntimeError(f"{type(message[1]).__name__}: {message[1]}")))
            with os.fdopen(write_end, "wb") as pipe:
                pipe.write(payload)
            status = 0
        finally:
            os._exit(status)
    os.close(write_end)
    payload, timed_out = _read_until(read_end, time.monotonic() + seconds)
    if timed_out:
        _kill(pid)
    _, wait_status = os.waitpid(pid, 0)
    if timed_out:
        raise Exhausted(f"took more than {seconds:g} s to read")
    try:
        kind, value = pickle.loads(payload) if payload else ("died", None)
    except Exception:  # a truncated message: the child was stopped mid-write
        kind, value = "died", None
    if kind == "ok":
        return value
    if kind == "error":
        raise value
    if kind == "memory" or os.WIFSIGNALED(wait_status) and os.WTERMSIG(wait_status) in (signal.SIGABRT, signal.SIGKILL):
        raise Exhausted(f"needs more than {memory // (1024 * 1024)} MB of memory to read (a compressed stream that unpacks to far more than a paper holds?)")
    signal_name = signal.Signals(os.WTERMSIG(wait_status)).name if os.WIFSIGNALED(wait_status) else f"status {os.WEXITSTATUS(wait_status)}"
    raise Exhausted(f"stopped PDFium ({signal_name}) while it was read")


def _limit_memory(extra: int) -> None:
    """Address space: what the child already maps (the parent's, shared) plus `extra`."""
    import resource

    try:
        with open("/proc/self/statm", "rb") as statm:
            mapped = int(statm.read().split()[0]) * os.sysconf("SC_PAGE_SIZE")
    except OSError:  # no /proc (not Linux): the deadline still bounds the child
        return
    limit = mapped + extra
    _, hard = resource.getrlimit(resource.RLIMIT_AS)
    if hard != resource.RLIM_INFINITY:
        limit = min(limit, hard)
    resource.setrlimit(resource.RLIMIT_AS, (limit, hard))


def _read_until(fd: int, deadline: float) -> tuple[bytes, bool]:
    """Everything the child writes, or (what came, True) when the deadline passes first."""
    chunks = []
    try:
        while True:
            left = deadline - time.monotonic()
            if left <= 0:
                return b"".join(chunks), True
            ready, _, _ = select.select([fd], [], [], left)
            if not ready:
                continue
            chunk = os.read(fd, 1 << 20)
            if not chunk:
                return b"".join(chunks), False
            chunks.append(chunk)
    finally:
        os.close(fd)


def _kill(pid: int) -> None:
    try:
        os.kill(pid, signal.SIGKILL)
    except ProcessLookupError:
        pass
