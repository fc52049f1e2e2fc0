"""Work spread over forked workers comes back complete, in order, and the same as done in one process.

Each case runs in a fresh interpreter: workers are only forked from a process with no other
threads, and the test process may have some left by earlier tests (browser sessions, servers).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap

import pytest

pytestmark = pytest.mark.skipif(not hasattr(os, "fork"), reason="workers are forked")

PRELUDE = """
import json, os, threading
from mkdocs_crosswalk.core.parallel import MIN_ITEMS_PER_WORKER, in_background, parallel_map
PARENT = os.getpid()
def square_and_pid(n):
    return n * n, os.getpid()
"""


def in_fresh_process(body: str):
    """Run ``body`` after PRELUDE in a new interpreter; it prints one JSON value, returned here."""
    code = PRELUDE + textwrap.dedent(body)
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


def test_results_come_back_in_order_and_from_two_processes():
    found = in_fresh_process("""
        results = parallel_map(square_and_pid, range(1000), workers=2)
        print(json.dumps({"values": [v for v, _ in results], "processes": len({p for _, p in results})}))
    """)
    assert found["values"] == [n * n for n in range(1000)]
    assert found["processes"] == 2


def test_a_few_items_are_done_here_without_a_worker():
    pids = in_fresh_process("""
        results = parallel_map(square_and_pid, range(MIN_ITEMS_PER_WORKER), workers=4)
        print(json.dumps(sorted({p == PARENT for _, p in results})))
    """)
    assert pids == [True]


def test_a_worker_that_dies_costs_nothing_but_time():
    values = in_fresh_process("""
        def dies_in_a_worker(n):
            if os.getpid() != PARENT:
                os._exit(3)  # as if killed: no results sent
            return n + 1
        print(json.dumps(parallel_map(dies_in_a_worker, range(1000), workers=2)))
    """)
    assert values == [n + 1 for n in range(1000)]


def test_an_error_surfaces_as_it_would_without_workers():
    error = in_fresh_process("""
        def fails_on_701(n):
            if n == 701:  # in the worker's share (odd items): the parent redoes the share and meets it itself
                raise ValueError("entry 701 is broken")
            return n
        try:
            parallel_map(fails_on_701, range(1000), workers=2)
        except ValueError as exc:
            print(json.dumps(str(exc)))
    """)
    assert error == "entry 701 is broken"


def test_no_fork_while_other_threads_run():
    processes = in_fresh_process("""
        stop = threading.Event()
        other = threading.Thread(target=stop.wait)
        other.start()
        with_thread = len({p for _, p in parallel_map(square_and_pid, range(1000), workers=2)})
        stop.set()
        other.join()
        without = len({p for _, p in parallel_map(square_and_pid, range(1000), workers=2)})
        print(json.dumps([with_thread, without]))
    """)
    assert processes == [1, 2]


def test_garbage_from_before_the_workers_is_still_freed_after_them():
    # Objects are frozen out of garbage collection while workers run (so a collection does not
    # unshare their memory); after the workers, even after an error, they are collected again.
    found = in_fresh_process("""
        import gc, weakref
        class Node:
            pass
        def cycle():
            node = Node()
            node.self = node  # only the garbage collector frees a cycle
            return weakref.ref(node)
        def fails(n):
            raise ValueError(n)
        freed = []
        for fn in (square_and_pid, fails):
            alive = cycle()
            try:
                parallel_map(fn, range(1000), workers=2)
            except ValueError:
                pass
            gc.collect()
            freed.append(alive() is None)
        print(json.dumps({"freed": freed, "frozen": gc.get_freeze_count()}))
    """)
    assert found == {"freed": [True, True], "frozen": 0}


def test_what_a_worker_logs_reaches_the_parents_handlers_once():
    # MkDocs counts warnings in a handler of the main process; `--strict` fails the build on them.
    found = in_fresh_process("""
        import io, logging
        counted, printed = [], io.StringIO()
        class Count(logging.Handler):
            def emit(self, record):
                counted.append(record.getMessage())
        logger = logging.getLogger("mkdocs.plugins.crosswalk")
        logger.addHandler(Count(logging.WARNING))
        logger.addHandler(logging.StreamHandler(printed))
        def warns(n):
            logger.warning("page %d has a problem", n)
            return n
        parallel_map(warns, range(1000), workers=2)
        print(json.dumps({"counted": sorted(counted), "printed": printed.getvalue().count("has a problem")}))
    """)
    assert found["counted"] == sorted(f"page {n} has a problem" for n in range(1000))
    assert found["printed"] == 1000


def test_work_in_the_background_comes_from_another_process_while_this_one_goes_on():
    found = in_fresh_process("""
        import time
        def slow():
            time.sleep(0.5)
            return os.getpid(), [n * n for n in range(10)]
        started = time.monotonic()
        pending = in_background(slow)
        returned_after = time.monotonic() - started
        pid, values = pending.result()
        print(json.dumps({"returned_at_once": returned_after < 0.3, "other_process": pid != PARENT, "values": values}))
    """)
    assert found == {"returned_at_once": True, "other_process": True, "values": [n * n for n in range(10)]}


def test_background_work_is_done_here_when_its_worker_fails_or_threads_run():
    found = in_fresh_process("""
        def dies_in_a_worker():
            if os.getpid() != PARENT:
                os._exit(3)
            return "done here"
        after_death = in_background(dies_in_a_worker).result()
        stop = threading.Event()
        other = threading.Thread(target=stop.wait)
        other.start()
        pending = in_background(os.getpid)
        stop.set()
        other.join()
        print(json.dumps([after_death, pending.result() == PARENT]))
    """)
    assert found == ["done here", True]


def test_background_work_no_longer_wanted_leaves_no_process_behind():
    found = in_fresh_process("""
        import time
        pending = in_background(lambda: time.sleep(60))
        pid = pending._worker[0]
        pending.cancel()
        try:
            os.kill(pid, 0)
            alive = True
        except ProcessLookupError:
            alive = False
        print(json.dumps(alive))
    """)
    assert found is False


def test_garbage_from_before_background_work_is_freed_once_its_result_is_in():
    found = in_fresh_process("""
        import gc, weakref
        class Node:
            pass
        node = Node()
        node.self = node
        alive = weakref.ref(node)
        del node
        pending = in_background(lambda: 42)
        gc.collect()
        frozen_meanwhile = alive() is not None and gc.get_freeze_count() > 0
        value = pending.result()
        gc.collect()
        print(json.dumps([frozen_meanwhile, value, alive() is None, gc.get_freeze_count()]))
    """)
    assert found == [True, 42, True, 0]
