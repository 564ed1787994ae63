# SPDX-License-Identifier: GPL-3.0-or-later
"""multiprocessing.queues: Queue, JoinableQueue, SimpleQueue.

An observed put sends the item in an envelope (envelope.py) numbered per queue and putter; the get that
takes it reports the hand-off "item <n>" from the putter. A get waits while the queue is empty, a put while
a bounded queue is full. A queue's own locks and semaphores are its working parts and stay unobserved.
"""

from _thread import get_ident
from time import monotonic_ns as now_ns

from .. import envelope, handing, origins, waits
from ..lanes import current

_PUTS = '_procviz_puts'


def _item(obj, number):
    return b'item %d' % number


def _observed_put(original, full):
    """put(obj, block, timeout) wrapping obj; full(queue) says whether a put would wait now."""
    def put(self, obj, block=True, timeout=None):
        lane = current(get_ident())
        if lane is None:
            return original(self, obj, block, timeout)
        item = envelope.wrap(obj, envelope.next_number(self, _PUTS))
        try:
            waiting = block and full(self)
        except Exception:
            waiting = False
        if not waiting:
            original(self, item, block, timeout)
        else:
            waits.announced(lane, original, self, item, block, timeout)  # a consumer must make room first
        lane.operation(now_ns())
    put.__qualname__ = original.__qualname__
    return put


def _is_full(queue):
    return queue._sem._semlock._is_zero()


def _nothing_unfinished(queue):
    try:
        return queue._unfinished_tasks._semlock._is_zero()
    except Exception:
        return False


def install(queues):
    Queue, JoinableQueue, SimpleQueue = queues.Queue, queues.JoinableQueue, queues.SimpleQueue
    for cls in (Queue, JoinableQueue, SimpleQueue):
        cls.__init__ = origins.quiet(cls.__init__)

    Queue.put = _observed_put(Queue.put, _is_full)
    JoinableQueue.put = _observed_put(JoinableQueue.put, _is_full)

    original_get = Queue.get

    def get(self, block=True, timeout=None):
        lane = current(get_ident())
        if lane is None:
            return envelope.contents(original_get(self, block, timeout))
        if not block:
            received = original_get(self, False, timeout)
            return handing.handed(lane, received, now_ns(), _item)
        received, taken_at = waits.receive(lane, self._poll, lambda rest: original_get(self, True, rest), timeout)
        return handing.handed(lane, received, taken_at, _item)

    Queue.get = get  # JoinableQueue's too

    JoinableQueue.join = waits.announcing(JoinableQueue.join, _nothing_unfinished)

    SimpleQueue.put = handing.giving(SimpleQueue.put, _PUTS)
    SimpleQueue.get = handing.taking(SimpleQueue.get, lambda queue: queue._poll, _item)
