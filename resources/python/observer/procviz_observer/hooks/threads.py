# SPDX-License-Identifier: GPL-3.0-or-later
"""threading: the program's threads as lanes; its Lock, RLock, Semaphore, Condition and Barrier waits and holds.

threading.Lock and RLock are factories: the program's calls get an ObservedLock around the real lock, the
standard library's (a queue's mutex, a thread's own bookkeeping) the real lock itself, as fast as ever.
Semaphore and Condition are classes the library uses too: their methods are patched, and act only for
instances the program made. No hand-off arrows here: a record names the giving process, not the thread.
"""

from _thread import allocate_lock, get_ident
from time import monotonic_ns as now_ns

from .. import channel, lanes, origins, waits
from ..lanes import LONG_WAIT_S, current


def _acquire_observed(lane, acquire, blocking, timeout, forever):
    """acquire(blocking, timeout) as a hold, and as a wait while taken; forever: the timeout meaning none."""
    if acquire(False):
        lane.took(now_ns())
        return True
    if not blocking or timeout == 0:
        return acquire(blocking, timeout)
    unlimited = timeout is None or timeout == forever or timeout < 0
    began = now_ns()
    lane.block(began)
    took = False
    try:
        took = acquire(True, LONG_WAIT_S if unlimited else min(timeout, LONG_WAIT_S))
        if not took and (unlimited or timeout > LONG_WAIT_S):
            lane.announce()
            took = acquire(True, forever if unlimited else max(0.0, timeout - (now_ns() - began) / 1e9))
    finally:
        lane.unblock(now_ns(), took)
    return took


class _Observed:
    """A lock the program made, around the real one."""

    __slots__ = ('_lock', '__weakref__')

    def __init__(self, lock):
        self._lock = lock

    def acquire(self, blocking=True, timeout=-1):
        lane = current(get_ident())
        if lane is None:
            return self._lock.acquire(blocking, timeout)
        return _acquire_observed(lane, self._lock.acquire, blocking, timeout, -1)

    __enter__ = acquire

    def release(self):
        lane = current(get_ident())
        if lane is None:
            return self._lock.release()
        released = now_ns()  # read before: once free, another may take it and say so first
        self._lock.release()
        lane.released(released)

    def __exit__(self, *args):
        self.release()

    def __getattr__(self, name):
        return getattr(self._lock, name)  # locked(), _at_fork_reinit(), ...: whatever the real one has

    def __repr__(self):
        return repr(self._lock)


class ObservedLock(_Observed):
    __slots__ = ()

    def _is_owned(self):
        # For threading.Condition, asked of the real lock: asking ours would count a hold.
        if self._lock.acquire(False):
            self._lock.release()
            return False
        return True


class ObservedRLock(_Observed):
    __slots__ = ()

    def _is_owned(self):
        return self._lock._is_owned()

    def _release_save(self):
        released = now_ns()
        state = self._lock._release_save()  # (levels, owner): a condition's wait lets go of every level
        lane = current(get_ident())
        if lane is not None:
            lane.released(released, state[0])
        return state

    def _acquire_restore(self, state):
        self._lock._acquire_restore(state)
        lane = current(get_ident())
        if lane is not None:
            lane.regained(now_ns(), state[0])


def install(threading):
    real_rlock = threading.RLock

    def Lock():
        lock = allocate_lock()
        if channel.enabled() and origins.called_by_program():
            return ObservedLock(lock)
        return lock

    def RLock(*args, **kwargs):
        lock = real_rlock(*args, **kwargs)
        if channel.enabled() and origins.called_by_program():
            return ObservedRLock(lock)
        return lock

    Lock.__doc__ = threading.Lock.__doc__
    RLock.__doc__ = real_rlock.__doc__
    threading.Lock = Lock
    threading.RLock = RLock
    _install_semaphores(threading)
    _install_condition(threading, real_rlock)
    _install_waits(threading)
    _install_lanes(threading)


def _made_by_program(cls):
    """cls.__init__, remembering whether the program itself made the instance (_procviz)."""
    original = cls.__init__

    def __init__(self, *args, **kwargs):
        program = channel.enabled() and origins.called_by_program()
        original(self, *args, **kwargs)
        if program:
            self._procviz = True

    __init__.__qualname__ = original.__qualname__
    cls._procviz = False
    cls.__init__ = __init__


def _install_semaphores(threading):
    Semaphore, BoundedSemaphore = threading.Semaphore, threading.BoundedSemaphore
    _made_by_program(Semaphore)
    _made_by_program(BoundedSemaphore)
    original_acquire = Semaphore.acquire

    def acquire(self, blocking=True, timeout=None):
        lane = current(get_ident()) if self._procviz else None
        if lane is None:
            return original_acquire(self, blocking, timeout)
        return _acquire_observed(lane, lambda b, t=None: original_acquire(self, b, t), blocking, timeout, None)

    def observed_release(original):
        def release(self, n=1):
            lane = current(get_ident()) if self._procviz else None
            if lane is None:
                return original(self, n)
            released = now_ns()
            original(self, n)
            lane.released(released, n)
        return release

    Semaphore.acquire = Semaphore.__enter__ = acquire
    Semaphore.release = observed_release(Semaphore.release)
    BoundedSemaphore.release = observed_release(BoundedSemaphore.release)


def _install_condition(threading, real_rlock):
    Condition = threading.Condition
    original_init = Condition.__init__

    def __init__(self, lock=None):
        program = channel.enabled() and origins.called_by_program()
        if program and lock is None:
            lock = ObservedRLock(real_rlock())
        original_init(self, lock)
        if program:
            self._procviz = True

    Condition._procviz = False
    Condition.__init__ = __init__
    Condition.wait = waits.announcing(Condition.wait, _not_the_programs)


def _not_the_programs(instance):
    return not instance._procviz


def _install_waits(threading):
    """Waiting for the others: an event, a barrier (multiprocessing's is one too), a thread's end."""
    _made_by_program(threading.Event)  # not a new thread's own, which start() waits for
    threading.Event.wait = waits.announcing(threading.Event.wait, lambda event: not event._procviz or event.is_set())
    threading.Barrier.wait = waits.announcing(threading.Barrier.wait)
    threading.Thread.join = waits.announcing(threading.Thread.join, lambda thread: not thread.is_alive())


def _install_lanes(threading):
    original_bootstrap_inner = threading.Thread._bootstrap_inner

    def _bootstrap_inner(self):
        lane = None
        try:
            if lanes.active() and origins.is_program_callable(self._target or type(self).run):
                lane = lanes.begin(self.name)
        except Exception:
            lane = None
        try:
            original_bootstrap_inner(self)
        finally:
            if lane is not None:
                lanes.end(lane)

    threading.Thread._bootstrap_inner = _bootstrap_inner
