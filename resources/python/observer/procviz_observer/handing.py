# SPDX-License-Identifier: GPL-3.0-or-later
"""Observed giving and taking through a pipe-like thing (a Connection, a SimpleQueue, a Queue).

A give sends the object in an envelope numbered per owner and giver (envelope.py); a take waits while
nothing is there, opens the envelope, and reports the hand-off from the giver, named by describe().
"""

from _thread import get_ident
from time import monotonic_ns as now_ns

from . import envelope, waits
from .lanes import current


def giving(original, numbering):
    """original(self, obj) observed; numbering: the owner's attribute that counts what this process gave."""
    def give(self, obj):
        lane = current(get_ident())
        if lane is None:
            return original(self, obj)
        original(self, envelope.wrap(obj, envelope.next_number(self, numbering)))
        lane.operation(now_ns())
    give.__qualname__ = original.__qualname__
    give.__wrapped_original__ = original  # the unobserved give, for the pool's own traffic
    return give


def taking(original, ready, describe):
    """original(self) observed as a wait while ready(self)(seconds) says nothing is there yet."""
    def take(self):
        lane = current(get_ident())
        if lane is None:
            return envelope.contents(original(self))
        received, taken_at = waits.receive(lane, ready(self), lambda rest: original(self))
        return handed(lane, received, taken_at, describe)
    take.__qualname__ = original.__qualname__
    take.__wrapped_original__ = original
    return take


def handed(lane, received, taken_at, describe):
    """The object received, after reporting who handed it over (when it came in an envelope)."""
    obj, giver, given_at, number = envelope.open_(received)
    if giver:
        try:
            what = describe(obj, number)
        except Exception:
            what = b'#%d' % number
        lane.handoff(giver, given_at, taken_at, what)
    lane.operation(taken_at)
    return obj
