"""The server's worker processes: each job runs in a process the server can kill.

A process pool (`concurrent.futures`) cannot stop a task once it runs, so a paper that reads
forever held its worker until the server was killed. Here each worker is a process of its own
(forked by multiprocessing's fork server, which has the pipeline imported) with a pipe to the
server; a pool keeps `size` of them warm and starts more, up to `most`, when all are busy, so
a small check is never queued behind heavy ones. A job that runs past `Limits.seconds` — or
whose client hangs up — has its worker killed and replaced. A heavy job (running longer than
`Limits.heavy_after` seconds, with `Limits.heavy_cpu` seconds of CPU used: a small check on a
busy machine waits long but uses little) is lowered to the least CPU priority (its worker then
retires, since priority cannot be raised again), so the next small check takes the CPU first. A worker
may use at most `Limits.memory_mb` of address space: a decompression bomb ends in a
MemoryError, not in the machine swapping.
"""

from __future__ import annotations

import asyncio
import multiprocessing
import os
import resource
import shutil
import signal
import tempfile
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from contextlib import suppress
from dataclasses import dataclass

from ..terminal import quiet_libraries

# Imported once by the fork server, so every worker starts with them (a check of a .txt
# paper sniffs the other formats' readers too; the Markdown reader and the reference tagger,
# which the command line imports only when a paper needs them, are loaded here beforehand).
PRELOAD = ["exporter.web.jobs", "exporter.web.page", "exporter.web.workers", "exporter.readers.plaintext",
           "exporter.readers.docx", "exporter.readers.markdown", "exporter.readers.markdown.reader", "exporter.readers.pdf",
           "exporter.references.tagger.normalise"]
LEAST_PRIORITY = 19
_TICKS = os.sysconf("SC_CLK_TCK")


@dataclass(frozen=True)
class Limits:
    seconds: float = 60.0  # a job's time limit (wall clock)
    memory_mb: int = 2048  # a worker's address space
    heavy_after: float = 1.0  # a job running longer (wall clock) …
    heavy_cpu: float = 0.25  # … having used this much CPU is heavy: lowered to the least CPU priority
    queue_seconds: float = 30.0  # how long a request may wait for a worker when all are busy


class TimedOut(Exception):
    """The job ran past its time limit; its worker was killed."""


class Busy(Exception):
    """Every worker stayed busy for `Limits.queue_seconds`."""


class WorkerDied(Exception):
    """The worker process ended while it ran the job (killed from outside, out of memory)."""


# ---- inside a worker process ------------------------------------------------------------------


def _leave_with_server(server: int) -> None:
    """Exit when the server is gone. A server killed with SIGKILL cannot tell its workers to
    stop, and their parent is multiprocessing's fork server, which lives as long as they do."""

    def watch():
        while True:
            time.sleep(1.0)
            try:
                os.kill(server, 0)
            except (ProcessLookupError, PermissionError):  # gone (or the pid reused by another user)
                os._exit(0)

    threading.Thread(target=watch, name="server-watch", daemon=True).start()


def serve_jobs(conn, nice: int, server: int, memory_mb: int, tmp: str) -> None:
    """A worker's life: take (function, arguments) from the pipe, send back what it returns."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the server's to handle
    quiet_libraries()
    os.environ["TMPDIR"] = tempfile.tempdir = tmp
    if nice:
        os.nice(nice)
    if memory_mb:
        limit = memory_mb * 1024 * 1024
        resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
    _leave_with_server(server)
    while True:
        try:
            job = conn.recv()
        except (EOFError, OSError):  # the server closed our pipe: retire
            return
        if job is None:
            return
        function, args = job
        conn.send(function(*args))


# ---- in the server ----------------------------------------------------------------------------


class Worker:
    def __init__(self, context, nice: int, memory_mb: int, scratch: str):
        self.tmp = tempfile.mkdtemp(prefix="worker-", dir=scratch)  # its TMPDIR: removed with it, even when killed
        self.conn, child = context.Pipe(duplex=True)
        self.process = context.Process(target=serve_jobs, args=(child, nice, os.getpid(), memory_mb, self.tmp), name="exporter-worker", daemon=True)
        self.process.start()
        self.pid = self.process.pid
        child.close()
        self.closed, self._closing = False, threading.Lock()
        self.lowered = False  # its job was found heavy, and its priority lowered for good
        self.started = 0.0  # when its current job began (loop time)
        self.cpu_at_start = 0.0
        self.watch = None  # the timer that looks whether its job turned heavy

    def call(self, job):
        """Send a job and wait for its result (blocking: run in a thread)."""
        try:
            self.conn.send(job)
            return self.conn.recv()
        except (EOFError, OSError):
            raise WorkerDied from None

    def cpu_seconds(self) -> float:
        """CPU time the worker has used (Linux's /proc; 0 where it cannot be read)."""
        try:
            with open(f"/proc/{self.pid}/stat", "rb") as handle:
                fields = handle.read().rsplit(b")", 1)[1].split()
            return (int(fields[11]) + int(fields[12])) / _TICKS
        except (OSError, IndexError, ValueError):
            return 0.0

    def lower_priority(self) -> None:
        """Its job is heavy: the least CPU priority (never raised again: it retires after the job)."""
        self.lowered = True
        with suppress(OSError):
            os.setpriority(os.PRIO_PROCESS, self.pid, LEAST_PRIORITY)

    def kill(self) -> None:
        if not self.closed:  # once reaped, its pid may be another process's
            with suppress(ProcessLookupError):
                os.kill(self.pid, signal.SIGKILL)

    def close(self) -> None:
        """Release the pipe and the process (after it ended: blocking, run in a thread). Once:
        a job ended by the server's stop is released by its request and by the stop."""
        with self._closing:
            if self.closed:
                return
            self.closed = True
        self.process.join(5)
        self.conn.close()
        with suppress(ValueError):  # still running after a kill: the fork server reaps it
            self.process.close()
        shutil.rmtree(self.tmp, ignore_errors=True)


class Pool:
    """Workers of one kind (checks or builds): `size` kept warm, at most `most` at once."""

    def __init__(self, context, size: int, most: int, nice: int, limits: Limits, threads: ThreadPoolExecutor, scratch: str):
        self.context, self.size, self.most, self.nice, self.limits = context, size, max(most, size), nice, limits
        self.scratch = scratch
        self.threads = threads
        self.idle: list[Worker] = []
        self.busy: set[Worker] = set()
        self.freed = asyncio.Condition()
        self.closed = False

    async def start(self) -> None:
        loop = asyncio.get_running_loop()
        workers = await asyncio.gather(*(loop.run_in_executor(self.threads, self._new) for _ in range(self.size)))
        self.idle.extend(workers)

    def _new(self) -> Worker:
        return Worker(self.context, self.nice, self.limits.memory_mb, self.scratch)

    async def _acquire(self) -> Worker:
        """An idle worker; else, when every busy one holds a heavy job (running past
        `heavy_after`), a new one; else the first freed (a light job ends soon)."""
        loop = asyncio.get_running_loop()
        deadline = loop.time() + self.limits.queue_seconds
        async with self.freed:
            while True:
                if self.closed:
                    raise Busy
                if self.idle:
                    worker = self.idle.pop()
                    break
                # A worker still starting counts as light: it will take the next job.
                if len(self.busy) < self.most and all(getattr(w, "lowered", False) for w in self.busy):
                    worker = None
                    break
                remaining = deadline - loop.time()
                if remaining <= 0:
                    raise Busy
                with suppress(asyncio.TimeoutError):  # freed, or look again: a light job may have turned heavy
                    await asyncio.wait_for(self.freed.wait(), max(min(remaining, 0.25), 0.01))
            placeholder = worker or object()
            self.busy.add(placeholder)
        if worker is None:  # every warm worker is busy: one more, from the fork server
            starting = loop.run_in_executor(self.threads, self._new)
            try:
                worker = await asyncio.shield(starting)
            except asyncio.CancelledError:  # the client left while it started: it is not needed
                starting.add_done_callback(lambda f: f.exception() is None and (f.result().kill(), f.result().close()))
                raise
            finally:
                self.busy.discard(placeholder)
            self.busy.add(worker)
        worker.started, worker.cpu_at_start = loop.time(), worker.cpu_seconds()
        return worker

    async def run(self, function, *args):
        """`function(*args)` in a worker; TimedOut, Busy or WorkerDied when it cannot finish.
        Cancelled (the client went away), the job's worker is killed."""
        loop = asyncio.get_running_loop()
        worker = await self._acquire()
        lower = loop.call_later(self.limits.heavy_after, self._watch, worker)
        done = False
        try:
            result = await asyncio.wait_for(loop.run_in_executor(self.threads, worker.call, (function, args)), self.limits.seconds)
            done = True
            return result
        except asyncio.TimeoutError:
            raise TimedOut from None
        finally:
            lower.cancel()
            if worker.watch is not None:
                worker.watch.cancel()
                worker.watch = None
            await self._release(worker, keep=done and not worker.lowered)

    def _watch(self, worker: Worker) -> None:
        """Lower a heavy job's priority; a job not heavy yet is looked at again shortly."""
        if worker not in self.busy:
            return
        if worker.cpu_seconds() - worker.cpu_at_start >= self.limits.heavy_cpu:
            worker.lower_priority()
        else:
            worker.watch = asyncio.get_running_loop().call_later(0.25, self._watch, worker)

    async def _release(self, worker: Worker, keep: bool) -> None:
        loop = asyncio.get_running_loop()
        async with self.freed:
            self.busy.discard(worker)
            if keep and not self.closed and len(self.idle) < self.size:
                self.idle.append(worker)
                keep_it = True
            else:
                keep_it = False
            self.freed.notify()
        if not keep_it:
            worker.kill()
            try:
                loop.run_in_executor(self.threads, worker.close)  # reaped in the background
            except RuntimeError:  # the server is stopping: its threads are gone
                worker.close()
            if not self.closed and len(self.idle) + len(self.busy) < self.size:
                asyncio.ensure_future(self._refill())

    async def _refill(self) -> None:
        try:
            worker = await asyncio.get_running_loop().run_in_executor(self.threads, self._new)
        except RuntimeError:  # the server stopped meanwhile
            return
        async with self.freed:
            if self.closed:
                worker.kill()
                worker.close()
                return
            self.idle.append(worker)
            self.freed.notify()

    def shutdown(self) -> list[Worker]:
        """Kill every worker at once (nothing waits for a job to end); the workers to close."""
        self.closed = True
        workers = [*self.idle, *(w for w in self.busy if isinstance(w, Worker))]
        for worker in workers:
            worker.kill()
        self.idle.clear()
        return workers


def fork_context():
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload(PRELOAD)
    return context
