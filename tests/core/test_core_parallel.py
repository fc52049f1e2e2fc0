"""Work spread over forked workers comes back complete, in order, and the same as done in one process."""

from __future__ import annotations

import os
import threading

import pytest

from mkdocs_crosswalk.core import parallel
from mkdocs_crosswalk.core.parallel import parallel_map

pytestmark = pytest.mark.skipif(not hasattr(os, "fork"), reason="workers are forked")


def square_and_pid(n: int) -> tuple[int, int]:
    return n * n, os.getpid()


def test_results_come_back_in_order_and_from_two_processes():
    results = parallel_map(square_and_pid, range(1000), workers=2)
    assert [value for value, _ in results] == [n * n for n in range(1000)]
    assert len({pid for _, pid in results}) == 2


def test_a_few_items_are_done_here_without_a_worker():
    results = parallel_map(square_and_pid, range(parallel.MIN_ITEMS_PER_WORKER), workers=4)
    assert {pid for _, pid in results} == {os.getpid()}


def test_a_worker_that_dies_costs_nothing_but_time():
    parent = os.getpid()

    def dies_in_a_worker(n: int) -> int:
        if os.getpid() != parent:
            os._exit(3)  # as if killed: no results sent
        return n + 1

    assert parallel_map(dies_in_a_worker, range(1000), workers=2) == [n + 1 for n in range(1000)]


def test_an_error_surfaces_as_it_would_without_workers():
    def fails_on_seven_hundred(n: int) -> int:
        if n == 701:  # in the worker's share (odd items): the parent redoes the share and meets it itself
            raise ValueError("entry 701 is broken")
        return n

    with pytest.raises(ValueError, match="entry 701 is broken"):
        parallel_map(fails_on_seven_hundred, range(1000), workers=2)


def test_no_fork_while_other_threads_run():
    stop = threading.Event()
    other = threading.Thread(target=stop.wait)
    other.start()
    try:
        results = parallel_map(square_and_pid, range(1000), workers=2)
    finally:
        stop.set()
        other.join()
    assert {pid for _, pid in results} == {os.getpid()}
