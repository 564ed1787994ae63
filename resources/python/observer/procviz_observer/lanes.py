# SPDX-License-Identifier: GPL-3.0-or-later
"""A lane per observed thread: what it is doing, measured as core/telemetry/stateclock.cpp measures a C++ worker.

A lane is waiting while it is blocked (a lock, a queue, a pipe, a task), else holding while it holds a lock
or a permit (also asleep inside it, as the C++ lessons show a hold), else sleeping inside time.sleep, else
running. Every nanosecond from its start to its end
goes to exactly one state in exactly one record:
- a state that lasts at least a millisecond goes out as an interval of its own;
- shorter ones are summed per window of at most 10 ms into one Mix record (a lock taken for a few
  microseconds, thousands of times, costs a record every 10 ms, not two per acquisition);
- a wait or sleep that may last is announced as an open interval at once, so the window shows it live.

Only threads the program itself runs have lanes (by_thread); the helper threads of multiprocessing and of
the standard library have none and are never observed. A lane is used by its own thread only.
"""

from _thread import get_ident, get_native_id
from time import monotonic_ns as now_ns

from . import channel, record
from .record import HOLDING, RUNNING, SLEEPING, WAITING

INTERVAL_MIN_NS = 1_000_000
MIX_WINDOW_NS = 9_000_000  # parts are under 1 ms each, so a window never exceeds 10 ms
PROGRESS_INTERVAL_NS = 10_000_000  # at most 100 Progress records a second per process
LONG_WAIT_S = 0.001  # how long a wait may go unannounced (see announce())

by_thread = {}  # get_ident() -> Lane; cleared, never replaced, so `current` stays bound to it
current = by_thread.get  # current(get_ident()): the calling thread's lane, or None

_active = False  # this process's lanes are observed (its main lane has begun)
_next_index = 1  # lane 0 is the process's main thread
_operations = 0  # lock acquisitions, queue puts and gets, pipe sends and receives, pool tasks done
_progress_at = 0


class Lane:
    __slots__ = ('index', 'tid', 'state', 'since', 'announced', 'mix_begin', 'mix_end', 'mix',
                 'holds', 'blocked', 'sleeping', 'task')

    def __init__(self, index, now):
        self.index = index
        self.tid = get_native_id()
        self.state = RUNNING
        self.since = now
        self.announced = True  # the Started record opens the first interval
        self.mix_begin = -1  # -1: nothing summed
        self.mix_end = 0
        self.mix = [0] * record.MEASURED_STATES
        self.holds = 0  # locks and permits held (a recursive lock counts each level)
        self.blocked = 0
        self.sleeping = 0
        self.task = None  # the pool task running on this lane: (index, label, began)

    # --- what the hooks report -----------------------------------------------------------------------

    def took(self, now):
        """Acquired a lock or permit without waiting: the hot path (a free lock, thousands of times a second),
        so it does by itself what _update() and _count_operation() would."""
        global _operations
        self.holds += 1
        _operations += 1
        if now - _progress_at >= PROGRESS_INTERVAL_NS:
            _report_progress(self, now)
        if self.state != HOLDING and not self.blocked:
            self._enter(HOLDING, now)

    def released(self, now, count=1):
        holds = self.holds - count
        if holds > 0:
            self.holds = holds  # still inside another (or the same recursive) lock
            return
        self.holds = 0
        if not self.blocked:
            state = SLEEPING if self.sleeping else RUNNING
            if state != self.state:
                self._enter(state, now)

    def regained(self, now, count):
        """Took back count levels of a recursive lock at once (a condition's wait ending)."""
        self.holds += count
        _count_operation(self, now)
        self._update(now)

    def block(self, now):
        self.blocked += 1
        self._update(now)

    def unblock(self, now, took=False):
        """The wait is over; took: it ended holding what it waited for (a lock, a permit)."""
        self.blocked -= 1
        if took:
            self.holds += 1
            _count_operation(self, now)
        self._update(now)

    def sleep(self, now):
        self.sleeping += 1
        self._update(now)

    def wake(self, now):
        self.sleeping -= 1
        self._update(now)

    def operation(self, now):
        _count_operation(self, now)

    def announce(self):
        """The current state may last: the engine hears of it now, as an open interval (once)."""
        if self.announced:
            return
        if self.mix_begin >= 0:
            self._flush_mix()
        self._send(record.STATE, self.state, 0, self.since, 0)
        self.announced = True

    def handoff(self, giver, given_ns, taken_ns, what):
        if giver > 0 and given_ns > 0:
            self._send(record.HANDOFF, 0, giver, given_ns, max(given_ns, taken_ns), what)

    def span(self, index, label, began, ended=0):
        self._send(record.SPAN, 0, index, began, ended, label)

    def start(self, name):
        self._send(record.STARTED, self.state, 0, self.index + 1, self.since, record.text(name))

    def finish(self, now, result=0):
        """Closes the last state and ends the lane."""
        self._close(now)
        if self.mix_begin >= 0:
            self._flush_mix()
        self._send(record.FINISHED, 0, 0, result, now)

    # --- the clock -----------------------------------------------------------------------------------

    def _update(self, now):
        if self.blocked:
            state = WAITING
        elif self.holds:
            state = HOLDING  # a sleep inside a lock keeps the others out all the same: shown as a hold
        elif self.sleeping:
            state = SLEEPING
        else:
            state = RUNNING
        if state != self.state:
            self._enter(state, now)

    def _enter(self, state, now):
        """Leaves the current state for another at now."""
        was = self.state
        announced = self._close(now)
        self.state = state
        if announced and (was == WAITING or was == SLEEPING) and state != WAITING:
            # After a wait the engine was told of, what follows is shown live too (a long task, a long
            # hold). Only then: announcing everything would cost a record per change.
            self.announce()

    def _close(self, now):
        """Ends the current state at now; True when it went out as an announced interval of its own."""
        since = self.since
        if now < since:
            now = since
        duration = now - since
        announced = self.announced
        if announced or duration >= INTERVAL_MIN_NS:
            if self.mix_begin >= 0:
                self._flush_mix()  # ends where this interval begins
            self._send(record.STATE, self.state, 0, since, now)
        else:
            if self.mix_begin < 0:
                self.mix_begin = since
            self.mix[self.state] += duration
            self.mix_end = now
            if now - self.mix_begin >= MIX_WINDOW_NS:
                self._flush_mix()
        self.since = now
        self.announced = False
        return announced

    def _flush_mix(self):
        # A window of nothing but zero-length changes has no time to report.
        if self.mix_end > self.mix_begin:
            self._send(record.MIX, 0, 0, self.mix_begin, self.mix_end, record.shares(self.mix))
        self.mix_begin = -1
        self.mix = [0] * record.MEASURED_STATES

    def _send(self, kind, state, aux, value, value2, text=b''):
        channel.emit(kind, state, self.index, aux, value, value2, text, self.tid)


def _count_operation(lane, now):
    global _operations
    _operations += 1
    if now - _progress_at >= PROGRESS_INTERVAL_NS:
        _report_progress(lane, now)


def _report_progress(lane, now):
    global _progress_at
    _progress_at = now
    lane._send(record.PROGRESS, 0, 0, _operations, 0)


def begin(name, now=None, main=False):
    """A lane for the calling thread (lane 0 for the process's main thread), announced with Started."""
    global _next_index, _active
    if now is None:
        now = now_ns()
    if main:
        index = 0
        _active = True
    else:
        index = _next_index
        _next_index += 1
    lane = Lane(index, now)
    by_thread[get_ident()] = lane
    lane.start(name)
    return lane


def end(lane, result=0):
    """The thread's lane is over (the thread ends)."""
    if by_thread.get(get_ident()) is lane:
        del by_thread[get_ident()]
    lane.finish(now_ns(), result)


def report_progress(lane):
    """The count so far, whatever the throttle: a process sends it as it ends."""
    lane._send(record.PROGRESS, 0, 0, _operations, 0)


def active():
    return _active


def stop():
    """No more lanes in this process (observation off, or the process ends)."""
    global _active
    _active = False
    by_thread.clear()


def after_fork_in_child():
    global _next_index, _operations, _progress_at, _active
    _active = False
    by_thread.clear()
    _next_index = 1
    _operations = 0
    _progress_at = 0
