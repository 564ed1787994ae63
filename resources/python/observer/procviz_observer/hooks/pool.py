# SPDX-License-Identifier: GPL-3.0-or-later
"""multiprocessing.pool: a pool worker waiting for a task, and each task it runs as a Span.

pool.worker() reads tasks with inqueue.get() and returns results with outqueue.put(); it is wrapped so
that it reads and returns them through TaskSource and ResultSink, which see "waiting for a task" apart
from "running task i". The wrapper keeps worker's module and name: a spawned pool pickles its target by
name, and the child (observed too) finds the wrapper there.
"""

from _thread import get_ident
from time import monotonic_ns as now_ns

from .. import envelope, record, waits
from ..lanes import current


def task_label(pool, func, args):
    """The program's function, also inside the chunks map() makes (mapstar: args = ((func, chunk),))."""
    chunk = None
    if func in (pool.mapstar, pool.starmapstar) and args and len(args[0]) == 2:
        func, chunk = args[0]
    name = getattr(func, '__qualname__', None) or getattr(func, '__name__', None) or type(func).__name__
    if chunk is not None and len(chunk) != 1:
        name = f'{name} \u00d7{len(chunk)}'
    return record.text(name)


class TaskSource:
    """inqueue as the worker sees it: get() is the worker waiting for its next task."""

    def __init__(self, pool, inqueue, original_get):
        self._pool = pool
        self._inqueue = inqueue
        self._get = original_get

    def __getattr__(self, name):
        return getattr(self._inqueue, name)  # _writer, _reader, ...: the worker closes what it does not use

    def get(self):
        lane = current(get_ident())
        if lane is None:
            return envelope.contents(self._get(self._inqueue))
        received, taken_at = waits.receive(lane, self._inqueue._poll, lambda rest: self._get(self._inqueue))
        task = envelope.contents(received)
        try:
            job, index, func, args, _ = task
        except (TypeError, ValueError):
            return task  # None: the pool is closing
        try:
            label = task_label(self._pool, func, args)
            lane.task = (index, label, taken_at)
            lane.span(index, label, taken_at)
            lane.announce()  # a task may run long: shown live, as running
        except Exception:
            lane.task = None
        return task


class ResultSink:
    """outqueue as the worker sees it: put() ends the task that ran."""

    def __init__(self, outqueue, original_put):
        self._outqueue = outqueue
        self._put = original_put

    def __getattr__(self, name):
        return getattr(self._outqueue, name)

    def put(self, result):
        lane = current(get_ident())
        if lane is not None and lane.task is not None:
            index, label, began = lane.task
            lane.task = None
            ended = now_ns()
            lane.span(index, label, began, ended)
            lane.operation(ended)
        return self._put(self._outqueue, result)


def install(pool):
    from multiprocessing import queues

    # The unobserved originals: tasks and results are the pool's own traffic, shown as spans instead.
    get = getattr(queues.SimpleQueue.get, '__wrapped_original__', None)
    put = getattr(queues.SimpleQueue.put, '__wrapped_original__', None)
    original_worker = pool.worker

    def worker(inqueue, outqueue, *args, **kwargs):
        try:
            if get is not None and put is not None and isinstance(inqueue, queues.SimpleQueue):
                inqueue, outqueue = TaskSource(pool, inqueue, get), ResultSink(outqueue, put)
        except Exception:
            pass
        return original_worker(inqueue, outqueue, *args, **kwargs)

    worker.__module__ = original_worker.__module__
    worker.__qualname__ = original_worker.__qualname__
    worker.__name__ = original_worker.__name__
    worker.__doc__ = original_worker.__doc__
    pool.worker = worker
