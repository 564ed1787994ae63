# SPDX-License-Identifier: GPL-3.0-or-later
"""multiprocessing.synchronize: Lock, RLock, Semaphore, BoundedSemaphore, Condition, Event, Barrier.

Patching SemLock.acquire on the class does nothing: _make_methods() binds the C semaphore's own acquire and
release to each instance (again in every spawned child, from __setstate__). So _make_methods binds a Gate's
instead, for the program's own locks only (a queue's or an event's insides stay plain, see origins.py).

A lock's hand-off needs who released it last and when, in every process that uses the lock: each observed
lock carries a stamp of 16 shared bytes (pid, released at) from multiprocessing's own heap, which travels
with the lock to spawned and forkserver children as the memory of a Value does (fork children share it).
"""

import struct
from _thread import get_ident
from time import monotonic_ns as now_ns

from .. import channel, origins, waits
from ..lanes import INTERVAL_MIN_NS, LONG_WAIT_S, current

_STAMP = struct.Struct('<qq')  # the last releaser's pid, when it released


class Gate:
    """An observed lock or semaphore's acquire and release (bound to the instance as SemLock binds its own)."""

    __slots__ = ('_semlock', '_stamp', '_what')

    def __init__(self, semlock, stamp, what):
        self._semlock = semlock
        self._stamp = stamp
        self._what = what

    def acquire(self, block=True, timeout=None):
        lane = current(get_ident())
        semlock = self._semlock
        if lane is None:
            return semlock.acquire(block, timeout)
        if semlock.acquire(False):  # free: no wait, and no second clock read
            lane.took(now_ns())
            return True
        if not block or (timeout is not None and timeout <= 0):
            return semlock.acquire(block, timeout)
        began = now_ns()
        lane.block(began)
        took = False
        try:
            # A wait shows live once it lasts a millisecond: first wait that long, then announce and go on.
            took = semlock.acquire(True, LONG_WAIT_S if timeout is None else min(timeout, LONG_WAIT_S))
            if not took and (timeout is None or timeout > LONG_WAIT_S):
                lane.announce()
                rest = None if timeout is None else max(0.0, timeout - (now_ns() - began) / 1e9)
                took = semlock.acquire(True, rest)
        finally:
            ended = now_ns()
            lane.unblock(ended, took)
        if took and ended - began >= INTERVAL_MIN_NS:
            # Arrows for waits the window shows; shorter ones would flood it (as accountedlock.cpp does).
            giver, given = _STAMP.unpack_from(self._stamp)
            if giver != channel.pid:
                lane.handoff(giver, given, ended, self._what)
        return took

    def release(self):
        lane = current(get_ident())
        semlock = self._semlock
        if lane is None:
            return semlock.release()
        if semlock._count() > 1:
            # An inner level of a recursive lock (a Value's getter inside `with v.get_lock()`): the lock
            # stays ours, nothing changes hands and the lane stays holding.
            semlock.release()
            if lane.holds > 0:  # (0 if the outer level was taken before the lane began)
                lane.holds -= 1
            return
        now = now_ns()
        _STAMP.pack_into(self._stamp, 0, channel.pid, now)  # before: the next holder reads it after
        semlock.release()
        lane.released(now)


def _new_stamp(heap):
    wrapper = heap.BufferWrapper(_STAMP.size)
    wrapper.create_memoryview()[:] = bytes(_STAMP.size)  # a reused block keeps what its last owner left
    return wrapper


def install(synchronize):
    from multiprocessing import heap

    SemLock = synchronize.SemLock
    locks = (synchronize.Lock, synchronize.RLock)
    SemLock._procviz_stamp = None  # unobserved unless the instance says otherwise
    SemLock._procviz_gate = None

    original_init = SemLock.__init__

    def __init__(self, kind, value, maxvalue, *, ctx):
        stamp = None
        if channel.enabled() and not origins.in_quiet_block():
            try:
                stamp = _new_stamp(heap)
            except Exception:
                stamp = None  # no shared memory to spare: this one goes unobserved
        self._procviz_stamp = stamp
        original_init(self, kind, value, maxvalue, ctx=ctx)

    original_make_methods = SemLock._make_methods

    def _make_methods(self):
        original_make_methods(self)
        stamp = self._procviz_stamp
        if stamp is None:
            return
        try:
            gate = Gate(self._semlock, stamp.create_memoryview(), b'lock' if isinstance(self, locks) else b'permit')
        except Exception:
            return
        self._procviz_gate = gate
        self.acquire = gate.acquire
        self.release = gate.release

    def __enter__(self):
        gate = self._procviz_gate
        if gate is None:
            return self._semlock.__enter__()
        return gate.acquire()

    def __exit__(self, *args):
        gate = self._procviz_gate
        if gate is None:
            return self._semlock.__exit__(*args)
        return gate.release()

    original_getstate = SemLock.__getstate__

    def __getstate__(self):
        state = original_getstate(self)
        stamp = self._procviz_stamp
        return state if stamp is None else state + (stamp,)

    original_setstate = SemLock.__setstate__

    def __setstate__(self, state):
        if len(state) == 5:  # an observed lock, from __getstate__ above
            self._procviz_stamp = state[4]
            state = state[:4]
        original_setstate(self, state)

    SemLock.__init__ = __init__
    SemLock._make_methods = _make_methods
    SemLock.__enter__ = __enter__
    SemLock.__exit__ = __exit__
    SemLock.__getstate__ = __getstate__
    SemLock.__setstate__ = __setstate__
    _install_condition(synchronize)
    _install_event(synchronize)
    synchronize.Barrier.__init__ = origins.quiet(synchronize.Barrier.__init__)


def _install_condition(synchronize):
    Condition = synchronize.Condition
    original_init = origins.quiet(Condition.__init__)  # its three semaphores are its working parts

    def __init__(self, lock=None, *, ctx):
        if lock is None:
            lock = ctx.RLock()  # made here, outside the quiet block: the lock is the program's
        original_init(self, lock, ctx=ctx)

    # Inside, the lock's release and re-acquisition go through its Gate: holding stops, then resumes.
    Condition.wait = waits.announcing(Condition.wait, _unobserved_condition)

    Condition.__init__ = __init__


def _unobserved_condition(condition):
    return getattr(condition._lock, '_procviz_gate', None) is None


def _already_set(event):
    try:
        return event._flag._semlock._get_value() > 0
    except Exception:
        return False


def _install_event(synchronize):
    Event = synchronize.Event
    Event.__init__ = origins.quiet(Event.__init__)
    Event.wait = waits.announcing(Event.wait, _already_set)
