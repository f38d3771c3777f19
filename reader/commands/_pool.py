"""Run one function over many items in worker processes that never outlive the command.

A batch command (``reader analyze A B C``) uses every core, but its workers must end with it:

- Ctrl+C: the workers ignore SIGINT (no traceback from each of them); the command gets
  KeyboardInterrupt and :class:`WorkerPool` kills them on the way out.
- The terminal hangs up, or the command is killed: on Linux every worker asks the kernel for
  SIGKILL when its parent dies (``PR_SET_PDEATHSIG``); elsewhere a thread in each worker
  checks once a second that its parent is still the same process, and leaves if not.
- Any other exception (a closed stdout, a bug) also ends the workers before it propagates.

Workers are forked where the platform can (they inherit the parent's loaded modules, so
nothing is imported twice); the fork happens before the pool starts any thread.
"""

from __future__ import annotations

import multiprocessing
import os
import signal
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from multiprocessing.process import BaseProcess
from typing import Any, TypeVar

Item = TypeVar("Item")
Result = TypeVar("Result")


def cpu_count() -> int:
    """The cores this process may run on (its affinity where the platform says, else all)."""
    if hasattr(os, "sched_getaffinity"):
        return max(1, len(os.sched_getaffinity(0)))
    return max(1, os.cpu_count() or 1)


class WorkerDied(Exception):
    """The worker running an item stopped without a result (killed, out of memory, crashed)."""


def _watch_parent(parent: int) -> None:
    while True:
        time.sleep(1.0)
        if os.getppid() != parent:
            os._exit(1)


def _worker_start(parent: int) -> None:
    """Runs first in every worker: ignore Ctrl+C (the parent handles it) and die with the parent."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    if hasattr(signal, "pthread_sigmask"):
        signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT})
    from reader.document.forked import killed_with_parent

    watched_by_kernel = killed_with_parent()
    if os.getppid() != parent:  # the parent died before the request above took effect
        os._exit(1)
    if not watched_by_kernel:
        threading.Thread(target=_watch_parent, args=(parent,), name="watch-parent", daemon=True).start()


def _context() -> Any:
    """fork where available (workers share the parent's imported modules), else the default."""
    methods = multiprocessing.get_all_start_methods()
    return multiprocessing.get_context("fork" if "fork" in methods else None)


class WorkerPool:
    """``jobs`` worker processes for one batch; use as a context manager.

    On a normal exit the pool waits for its workers to finish; on any exception (Ctrl+C, a
    closed output, a bug) it kills them first, so no worker outlives the command.
    """

    def __init__(self, jobs: int) -> None:
        self.jobs = max(1, jobs)
        self._executor: ProcessPoolExecutor | None = None
        self._workers: list[BaseProcess] = []

    def __enter__(self) -> WorkerPool:
        return self

    def __exit__(self, exc_type: object, exc: object, tb: object) -> None:
        executor, self._executor = self._executor, None
        if executor is None:
            return
        if exc_type is None:
            executor.shutdown(wait=True)
            return
        self.kill()
        executor.shutdown(wait=False, cancel_futures=True)

    def kill(self) -> None:
        """End every worker now (SIGKILL after a short grace for SIGTERM)."""
        for process in self._workers:
            if process.is_alive():
                process.terminate()
        deadline = time.monotonic() + 1.0
        for process in self._workers:
            process.join(max(0.0, deadline - time.monotonic()))
            if process.is_alive():
                process.kill()
                process.join(1.0)

    def completed(self, function: Callable[[Item], Result], items: Sequence[Item]
                  ) -> Iterator[tuple[int, Result | WorkerDied]]:
        """Yield ``(index, function(items[index]))`` as each item finishes, in completion order.

        ``function`` must be importable by name (it is sent to the workers by reference) and
        should catch its own exceptions; one it raises anyway is yielded as a :class:`WorkerDied`.
        A worker that dies (killed, out of memory, crashed) breaks the whole process pool, and
        every unfinished item with it: those items are then run again, one worker at a time, so
        that the next death names its item exactly; only that item yields a :class:`WorkerDied`.
        """
        if not items:
            return
        jobs = min(self.jobs, len(items))
        if jobs == 1:  # not worth a process: run here, in order
            for index, item in enumerate(items):
                yield index, function(item)
            return
        unfinished = dict(enumerate(items))
        while unfinished:
            broken: list[int] = []
            for index, outcome in self._run(function, unfinished, jobs):
                if isinstance(outcome, BrokenProcessPool):
                    broken.append(index)
                    continue
                del unfinished[index]
                yield index, outcome
            self._close()
            if broken and jobs == 1:  # one worker runs items in order: the first one unfinished killed it
                culprit = min(broken)
                del unfinished[culprit]
                yield culprit, WorkerDied("its worker process died")
            jobs = 1

    def _run(self, function: Callable[[Item], Result], items: dict[int, Item], jobs: int
             ) -> Iterator[tuple[int, Result | WorkerDied | BrokenProcessPool]]:
        futures = self._submit(function, items, jobs)
        pending = set(futures)
        while pending:
            done, pending = wait(pending, return_when=FIRST_COMPLETED)
            for future in sorted(done, key=futures.__getitem__):
                yield futures[future], _outcome(future)

    def _close(self) -> None:
        executor, self._executor = self._executor, None
        if executor is not None:
            executor.shutdown(wait=True, cancel_futures=True)

    def _submit(self, function: Callable[[Item], Result], items: dict[int, Item], jobs: int
                ) -> dict[Future[Result], int]:
        before = set(multiprocessing.active_children())
        # Workers are forked during the first submit. Ctrl+C is held back meanwhile, so a worker
        # never sees it before it has chosen to ignore it; the parent gets it right after.
        blocked = hasattr(signal, "pthread_sigmask")
        if blocked:
            signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT})
        try:
            self._executor = ProcessPoolExecutor(max_workers=jobs, mp_context=_context(),
                                                 initializer=_worker_start, initargs=(os.getpid(),))
            futures: dict[Future[Result], int] = {}
            for index, item in sorted(items.items()):
                try:
                    futures[self._executor.submit(function, item)] = index
                except BrokenProcessPool:  # a worker died while items were handed out: the items
                    break  # not handed out stay unfinished and are run again (see completed)
        finally:
            self._workers = [p for p in multiprocessing.active_children() if p not in before]
            if blocked:
                signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT})
        return futures


def _outcome(future: Future[Result]) -> Result | WorkerDied | BrokenProcessPool:
    try:
        return future.result()
    except BrokenProcessPool as exc:
        return exc
    except Exception as exc:  # an exception the function let escape
        return WorkerDied(f"{type(exc).__name__}: {exc}" if str(exc) else type(exc).__name__)
