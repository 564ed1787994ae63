# SPDX-License-Identifier: GPL-3.0-or-later
"""Waits: a receive (a queue's get, a pipe's recv, a pool worker's next task), a condition, a join.

Waiting only when nothing is there yet; announced to the engine once the wait has lasted LONG_WAIT_S, as a
C++ worker announces its waits: short waits stay in the Mix records, long ones show while they last.
"""

from _thread import get_ident
from time import monotonic_ns

from .lanes import LONG_WAIT_S, current


def receive(lane, ready, take, timeout=None):
    """take(timeout) on lane, as a wait unless ready(0); ready(seconds) waits at most that long for
    something to be there. Returns take's result and when it returned."""
    try:
        there = ready(0)
    except Exception:
        there = True  # let take() raise what it raises, as it would unobserved
    if there:
        result = take(timeout)
        return result, monotonic_ns()
    began = monotonic_ns()
    lane.block(began)
    try:
        if timeout is None or timeout > LONG_WAIT_S:
            try:
                there = ready(LONG_WAIT_S)
            except Exception:
                there = True
            if not there:
                lane.announce()
                if timeout is not None:
                    timeout = max(0.0, timeout - (monotonic_ns() - began) / 1e9)
        result = take(timeout)
    finally:
        ended = monotonic_ns()
        lane.unblock(ended)
    return result, ended


def announced(lane, call, *args, **kwargs):
    """call(*args) as a wait the engine hears of at once: a condition, an event, a barrier, a join."""
    lane.block(monotonic_ns())
    lane.announce()
    try:
        return call(*args, **kwargs)
    finally:
        lane.unblock(monotonic_ns())


def announcing(original, unobserved=None):
    """original(self, *args) (a wait, join or barrier) wrapped to run as announced() on an observed lane;
    unobserved(self) may say there is nothing to show (not the program's own, or nothing to wait for)."""
    def wait(self, *args, **kwargs):
        lane = current(get_ident())
        if lane is None or (unobserved is not None and unobserved(self)):
            return original(self, *args, **kwargs)
        return announced(lane, original, self, *args, **kwargs)
    wait.__qualname__ = original.__qualname__
    wait.__doc__ = original.__doc__
    return wait
