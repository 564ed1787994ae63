# SPDX-License-Identifier: GPL-3.0-or-later
"""Who gave what, carried with the object itself through a queue or a pipe.

A hand-off arrow needs the giver's pid, when it gave, and which item it was; only the object travels from
the giver to the taker, so those travel with it: an observed put or send sends (MARK, pid, when, number,
obj) and every observed receive unpacks it again, so the program gets back exactly the object it would
have got (pickled and unpickled as ever). A plain tuple costs less to pickle than an object of a class.
Every receive path of multiprocessing unpacks (Queue.get, SimpleQueue.get, Connection.recv), also in the
threads that are not observed, so a pool's or an executor's own traffic passes through unchanged.
"""

from itertools import count
from time import monotonic_ns

from . import channel

MARK = 'procviz:given'


def wrap(obj, number):
    return (MARK, channel.pid, monotonic_ns(), number, obj)


def open_(received):
    """(obj, giver pid, given at, number); giver 0 when received was sent unobserved."""
    if type(received) is tuple and len(received) == 5 and received[0] == MARK:
        return received[4], received[1], received[2], received[3]
    return received, 0, 0, 0


def contents(received):
    """The object alone."""
    if type(received) is tuple and len(received) == 5 and received[0] == MARK:
        return received[4]
    return received


def next_number(owner, attribute):
    """The giver's running number for things given through owner (a queue, a connection), from 1.

    A counter of the owner's own, in this process (a fork child goes on from its parent's count: the pid
    keeps them apart); next() on it is one step under the GIL, so threads putting at once never share one.
    """
    counter = owner.__dict__.get(attribute)
    if counter is None:
        counter = owner.__dict__.setdefault(attribute, count(1))
    return next(counter)
