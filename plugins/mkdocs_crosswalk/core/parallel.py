"""Spread a pure function over items across forked worker processes, as ``sphinx -j`` does.

Rendering layouts and linking terms on thousands of pages is CPU work in Python, which one
process does on one core. A forked worker starts with a copy of everything the parent has
(templates, the knowledge base, the pages), so nothing needs to be sent to it; only the results
come back, pickled through a pipe. Where fork is missing, or a worker fails in any way, the
parent does that share itself, so the results and any exception are the same as without workers.

The function must not rely on side effects: whatever a worker changes stays in the worker. What
it logs is the exception: the records come back with the results and are handled by the parent.
"""

from __future__ import annotations

import contextlib
import gc
import logging
import os
import pickle
import signal
import threading
from collections.abc import Callable, Iterable
from typing import Generic, TypeVar

T = TypeVar("T")
R = TypeVar("R")

MIN_ITEMS_PER_WORKER = 200  # below this, starting a worker costs more than it saves
workers_started = 0  # in this process so far, for logs and tests


def available_cores() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def can_fork() -> bool:
    # A fork copies only the calling thread: with others running (`mkdocs serve`'s server, a theme
    # plugin's pool) a lock one of them holds would stay locked in the worker forever.
    return hasattr(os, "fork") and threading.active_count() == 1


def parallel_map(fn: Callable[[T], R], items: Iterable[T], *, workers: int) -> list[R]:
    """``[fn(item) for item in items]``, computed by up to ``workers`` processes (this one included)."""
    items = list(items)
    workers = min(workers, len(items) // MIN_ITEMS_PER_WORKER)
    if workers <= 1 or not can_fork():
        return [fn(item) for item in items]
    shares = [items[k::workers] for k in range(workers)]  # interleaved, so big and small pages mix
    # A garbage collection writes into every object it visits, and a written page stops being shared
    # with the other process; frozen, the objects from before the fork are never visited (until the end).
    gc.freeze()
    try:
        started = [_start_worker(fn, share) for share in shares[1:]]
        results = [[fn(item) for item in shares[0]]]
        for share, worker in zip(shares[1:], started):
            done = _collect(worker, len(share)) if worker else None
            results.append(done if done is not None else [fn(item) for item in share])
    finally:
        gc.unfreeze()
    merged: list = [None] * len(items)
    for k, share_results in enumerate(results):
        merged[k::workers] = share_results
    return merged


class Pending(Generic[R]):
    """``fn()``, computed by a forked worker while this process goes on (see ``in_background``)."""

    def __init__(self, fn: Callable[[], R], worker: tuple[int, int] | None):
        self._fn, self._worker = fn, worker

    def result(self) -> R:
        """The worker's result; computed here instead if there is no worker or it failed."""
        worker, self._worker = self._worker, None
        if worker:
            done = _collect(worker, 1)
            gc.unfreeze()
            if done is not None:
                return done[0]
        return self._fn()

    def cancel(self) -> None:
        """The result is not wanted (the build failed): stop the worker."""
        worker, self._worker = self._worker, None
        if worker:
            pid, read_end = worker
            os.close(read_end)
            with contextlib.suppress(OSError):
                os.kill(pid, signal.SIGKILL)
                os.waitpid(pid, 0)
            gc.unfreeze()


def in_background(fn: Callable[[], R]) -> Pending[R]:
    """Start ``fn()`` in a forked worker and return at once; ``result()`` waits for it.

    For work whose result is needed only later in the build (the search indexes, written after the
    pages): the other core does it while this process writes the pages. Without fork, or with other
    threads running, ``result()`` computes it then, in this process.
    """
    if not can_fork():
        return Pending(fn, None)
    # As in parallel_map, the objects from before the fork are left out of garbage collection until the
    # result is in, in both processes: a collection writes into every object it visits, and each page it
    # writes to stops being shared (at 10,000 entries, this process's collections while it wrote the pages
    # made the worker's copy of the build its own).
    gc.freeze()
    worker = _start_worker(lambda _: fn(), [None])
    if worker is None:
        gc.unfreeze()
    return Pending(fn, worker)


def _start_worker(fn, share) -> tuple[int, int] | None:
    try:
        read_end, write_end = os.pipe()
    except OSError:
        return None
    try:
        pid = os.fork()
    except OSError:  # out of processes or memory: the caller does this share itself
        os.close(read_end)
        os.close(write_end)
        return None
    if pid == 0:  # the worker: compute, send, and leave without running the parent's exit handlers
        status = 1
        try:
            os.close(read_end)
            records = _hold_log_records()
            results = [fn(item) for item in share]
            payload = pickle.dumps((results, records), protocol=pickle.HIGHEST_PROTOCOL)
            with os.fdopen(write_end, "wb") as out:
                out.write(payload)
            status = 0
        finally:
            os._exit(status)
    os.close(write_end)
    global workers_started
    workers_started += 1
    return pid, read_end


def _collect(worker: tuple[int, int], expected: int) -> list | None:
    """The worker's ``expected`` results, or None if it failed (the caller then does its share,
    and logs what it logs itself, so the worker's records are handled only with its results)."""
    pid, read_end = worker
    with os.fdopen(read_end, "rb") as pipe:
        payload = pipe.read()
    _, status = os.waitpid(pid, 0)
    if status != 0 or not payload:
        return None
    try:
        results, records = pickle.loads(payload)
    except Exception:
        return None
    if len(results) != expected:
        return None
    for record in records:  # through the parent's handlers, so `mkdocs build --strict` counts warnings
        logging.getLogger(record.name).handle(record)
    return results


def _hold_log_records() -> list[logging.LogRecord]:
    """In a worker: keep log records for the parent instead of handling them here.

    The worker's copy of MkDocs' warning counter dies with it, so a warning handled here would
    be printed but never fail a ``--strict`` build. Records go back with the results instead,
    their messages formatted (arguments may not pickle).
    """
    held: list[logging.LogRecord] = []

    def hold(logger, record):
        record.msg, record.args = record.getMessage(), None
        if record.exc_info:
            record.exc_text = logging.Formatter().formatException(record.exc_info)
            record.exc_info = None
        held.append(record)

    logging.Logger.callHandlers = hold  # this process ends once its share is sent
    return held
